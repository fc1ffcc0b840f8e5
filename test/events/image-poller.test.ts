import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ImagePoller, type Timers } from "../../src/events/image-poller.js";
import { createRedisPollLock, type PollLock } from "../../src/events/poll-lock.js";
import type { ImageStatusDto } from "../../src/upstreams/carcutter/dto.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { type CarCutterHarness, STEP_MS, startCarCutter, urlsFor } from "../support/emulators.js";
import { MemoryLedger } from "../support/memory-ledger.js";
import {
  recordingStatuses,
  sleep,
  status,
  submit,
  testNamespace,
} from "../support/subscriptions.js";

const VIN = "WAUZZZ8K9BA123456";
const STATUS_CALL = CARCUTTER.imageStatuses.name;

let cc: CarCutterHarness;
let published: ImageStatusDto[];
const events = { publish: async (s: ImageStatusDto) => void published.push(s) };

beforeEach(async () => {
  cc = await startCarCutter();
  published = [];
});
afterEach(async () => {
  await cc.close();
});

async function submitted(count: number, prefix?: string): Promise<string[]> {
  const urls = urlsFor(count, prefix);
  await submit(cc.client(), new MemoryLedger(), VIN, urls);
  return urls;
}

function poller(options: Partial<ConstructorParameters<typeof ImagePoller>[0]> = {}) {
  const recorded = recordingStatuses(cc.client());
  const instance = new ImagePoller({
    carcutter: recorded.carcutter,
    events,
    intervalMs: 5000,
    maxCallsPerMinute: 60,
    now: () => cc.clock.now(),
    ...options,
  });
  return { poller: instance, calls: recorded.calls };
}

describe("image poller", () => {
  it("130 watched images cost three status calls per tick (60, 60, 10)", async () => {
    const urls = await submitted(130);
    const { poller: p, calls } = poller();
    p.watch(new Set(urls));
    await p.pollOnce();
    expect(calls.map((c) => c.length)).toEqual([60, 60, 10]);
    expect(new Set(calls.flat())).toEqual(new Set(urls));
    expect(cc.count(STATUS_CALL)).toBe(3);
  });

  it("publishes only what changed since it last looked", async () => {
    const urls = await submitted(3);
    const { poller: p } = poller();
    p.watch(new Set(urls));
    await p.pollOnce();
    // First sight of each image counts as a change.
    expect(published.map((s) => s.phase)).toEqual(["downloading", "downloading", "downloading"]);
    published = [];
    await p.pollOnce();
    expect(published).toEqual([]);
    cc.clock.advance(STEP_MS);
    await p.pollOnce();
    expect(published.map((s) => [s.image, s.phase])).toEqual(urls.map((u) => [u, "analyzing"]));
  });

  it("a change of quality alone is a change", async () => {
    const url = "https://cdn.dealer.example/q.jpg";
    const answers: ImageStatusDto[][] = [
      [status(url, { status: "final", phase: "ready", quality: null })],
      [status(url, { status: "raw", phase: "ready", quality: null })],
      [status(url, { status: "raw", phase: "ready", quality: "retake" })],
    ];
    const p = new ImagePoller({
      carcutter: { imageStatuses: async () => answers.shift() ?? [] },
      events,
      intervalMs: 5000,
      maxCallsPerMinute: 60,
    });
    p.watch(new Set([url]));
    await p.pollOnce();
    p.watch(new Set([url])); // FINAL dropped it; watching again reads it again
    await p.pollOnce();
    await p.pollOnce();
    expect(published.map((s) => s.quality)).toEqual([null, null, "retake"]);
  });

  it("stops polling images once they are terminal (FINAL, ERROR)", async () => {
    const ok = await submitted(2);
    const failing = await submitted(1, "https://cdn.dealer.example/broken?emulate=error&n=");
    const { poller: p, calls } = poller();
    p.watch(new Set([...ok, ...failing]));
    await p.pollOnce();
    expect(p.dueCount).toBe(3);
    cc.clock.advance(2 * STEP_MS); // the broken one is ERROR from the third step on
    await p.pollOnce();
    expect(p.dueCount).toBe(2);
    expect(published.at(-1)).toMatchObject({ image: failing[0], status: "error" });
    cc.clock.advance(10 * STEP_MS); // the others are FINAL
    await p.pollOnce();
    expect(p.dueCount).toBe(0);
    const before = calls.length;
    await p.pollOnce();
    expect(calls.length).toBe(before);
    expect(published.filter((s) => s.status === "final").map((s) => s.image)).toEqual(ok);
  });

  it("never makes more status calls in a minute than allowed; the rest wait, oldest first", async () => {
    const urls = await submitted(130);
    const { poller: p, calls } = poller({ maxCallsPerMinute: 5 });
    p.watch(new Set(urls));
    await p.pollOnce(); // 3 calls: everything
    cc.clock.advance(5000);
    await p.pollOnce(); // 2 calls left in this minute: 120 URLs, the longest unpolled first
    expect(calls.map((c) => c.length)).toEqual([60, 60, 10, 60, 60]);
    const leftOut = urls.filter((u) => !calls.slice(3).flat().includes(u));
    expect(leftOut).toEqual(urls.slice(120));
    cc.clock.advance(5000);
    await p.pollOnce(); // none left
    cc.clock.advance(45_000);
    await p.pollOnce(); // still none: the first three calls are 55 s old
    expect(calls).toHaveLength(5);
    cc.clock.advance(5001);
    await p.pollOnce(); // the first three calls left the window: three more
    expect(calls).toHaveLength(8);
    // The 10 left out before come first.
    expect(calls[5]?.slice(0, 10)).toEqual(leftOut);
    expect(cc.count(STATUS_CALL)).toBe(8);
  });

  it("watch() counts references: a URL is polled until its last watcher lets go", async () => {
    const [a, b] = await submitted(2);
    if (!a || !b) throw new Error("two URLs expected");
    const { poller: p, calls } = poller();
    const first = p.watch(new Set([a, b]));
    const second = p.watch(new Set([a]));
    first();
    first(); // a second call changes nothing
    await p.pollOnce();
    expect(calls).toEqual([[a]]);
    second();
    expect(p.watchedCount).toBe(0);
    await p.pollOnce();
    expect(calls).toHaveLength(1);
  });

  it("a failed status call is reported, and its URLs are read at the next tick", async () => {
    const urls = await submitted(2);
    const errors: Error[] = [];
    const { poller: p, calls } = poller({ onError: (e) => errors.push(e) });
    p.watch(new Set(urls));
    cc.emulator.control.script({ operation: STATUS_CALL, fault: { kind: "status", status: 400 } });
    await p.pollOnce();
    expect(errors).toHaveLength(1);
    expect(published).toEqual([]);
    await p.pollOnce();
    expect(calls).toHaveLength(2);
    expect(published).toHaveLength(2);
  });

  it("start() polls every interval on its timers; stop() waits for the poll under way", async () => {
    const scheduled: { run: () => void; ms: number; cancelled: boolean }[] = [];
    const timers: Timers = {
      schedule(run, ms) {
        const entry = { run, ms, cancelled: false };
        scheduled.push(entry);
        return () => {
          entry.cancelled = true;
        };
      },
    };
    let release: () => void = () => {};
    let reads = 0;
    const p = new ImagePoller({
      carcutter: {
        imageStatuses: (urls) => {
          reads++;
          return new Promise((resolve) => {
            release = () => resolve(urls.map((u) => status(u)));
          });
        },
      },
      events,
      intervalMs: 5000,
      maxCallsPerMinute: 60,
      timers,
    });
    p.watch(new Set(["https://cdn.dealer.example/x.jpg"]));
    p.start();
    expect(scheduled.map((s) => s.ms)).toEqual([5000]);
    scheduled[0]?.run();
    await sleep(0);
    expect(reads).toBe(1);
    let stopped = false;
    const stopping = p.stop().then(() => {
      stopped = true;
    });
    await sleep(10);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(published).toHaveLength(1);
    // Stopped: the finished poll schedules nothing more.
    expect(scheduled).toHaveLength(1);
  });

  it("its real timers do not keep the process alive and stop cleanly", async () => {
    const urls = await submitted(1);
    const { poller: p, calls } = poller({ intervalMs: 20, now: Date.now });
    p.watch(new Set(urls));
    p.start();
    // Two polls on its own timers, however long this machine takes to run them.
    await expect.poll(() => calls.length, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    await p.stop();
    const count = calls.length;
    await sleep(60);
    expect(calls.length).toBe(count);
  });
});

describe("poll lock without Redis reachable", () => {
  it("grants every URL (polling twice beats not polling) and reports the outage", async () => {
    const errors: Error[] = [];
    const lock = createRedisPollLock({
      url: "redis://127.0.0.1:1",
      onError: (e) => errors.push(e),
      commandTimeoutMs: 200,
    });
    try {
      expect(await lock.acquire(["a", "b"], 1000)).toEqual(["a", "b"]);
      expect(errors.length).toBeGreaterThan(0);
    } finally {
      await lock.close();
    }
  });
});

const REDIS_URL = process.env.REDIS_URL;

describe.skipIf(!REDIS_URL)("image pollers sharing Redis", () => {
  const locks: PollLock[] = [];
  afterEach(async () => {
    await Promise.all(locks.splice(0).map((l) => l.close()));
  });
  const lock = (namespace: string) => {
    const created = createRedisPollLock({ url: REDIS_URL ?? "", namespace });
    locks.push(created);
    return created;
  };

  it("poll each URL once per interval between them", async () => {
    const urls = await submitted(10);
    const namespace = testNamespace();
    const intervalMs = 400;
    const one = poller({ lock: lock(namespace), intervalMs });
    const two = poller({ lock: lock(namespace), intervalMs });
    one.poller.watch(new Set(urls));
    two.poller.watch(new Set(urls));
    await Promise.all([one.poller.pollOnce(), two.poller.pollOnce()]);
    const byOne = one.calls.flat();
    const byTwo = two.calls.flat();
    expect([...byOne, ...byTwo].sort()).toEqual([...urls].sort());
    // Within the interval, nobody polls them again.
    await Promise.all([one.poller.pollOnce(), two.poller.pollOnce()]);
    expect(one.calls.flat().length + two.calls.flat().length).toBe(10);
    // Once the locks have expired, each URL is polled once more, by one of them.
    await sleep(intervalMs + 50);
    await Promise.all([two.poller.pollOnce(), one.poller.pollOnce()]);
    const second = [
      ...one.calls.flat().slice(byOne.length),
      ...two.calls.flat().slice(byTwo.length),
    ];
    expect(second.sort()).toEqual([...urls].sort());
  });

  it("the lock keys are <namespace>:poll:<sha1(url)> holding the instance id, expiring with the interval", async () => {
    const { Redis } = await import("ioredis");
    const { createHash } = await import("node:crypto");
    const namespace = testNamespace();
    const held = createRedisPollLock({ url: REDIS_URL ?? "", namespace, instanceId: "instance-1" });
    locks.push(held);
    const url = "https://cdn.dealer.example/a.jpg";
    expect(await held.acquire([url], 5000)).toEqual([url]);
    const probe = new Redis(REDIS_URL ?? "");
    try {
      const key = `${namespace}:poll:${createHash("sha1").update(url).digest("hex")}`;
      expect(await probe.get(key)).toBe("instance-1");
      const ttl = await probe.pttl(key);
      expect(ttl).toBeGreaterThan(4000);
      expect(ttl).toBeLessThanOrEqual(5000);
    } finally {
      probe.disconnect();
    }
  });
});
