import { afterEach, describe, expect, it } from "vitest";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { ONEAUTO } from "../../src/upstreams/oneauto/dto.js";
import { TOKEN } from "../support/credentials.js";
import {
  type CarCutterHarness,
  form,
  type OneAutoHarness,
  startCarCutter,
  startOneAuto,
} from "../support/emulators.js";

/**
 * An emulator holds each request for its operation's latency, as the real API takes time to
 * answer: wall-clock time, on a timer that blocks no other request and ends when the client leaves.
 */

const LINK = `/vehicleimagery/imagefromid?image_id=bmw-3-series-g20-front`;
const SEARCH =
  "/vehicleimagery/imagesearch?manufacturer_desc=Volkswagen&model_range_desc=Golf&manufactured_year=2021";

const harnesses: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.close()));
});

async function oneAuto(latencyMs: Record<string, number>): Promise<OneAutoHarness> {
  const h = await startOneAuto({ latencyMs });
  harnesses.push(h);
  return h;
}

async function carCutter(latencyMs: Record<string, number>): Promise<CarCutterHarness> {
  const h = await startCarCutter({ latencyMs });
  harnesses.push(h);
  return h;
}

/** Milliseconds `work` took, and what it gave. */
async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function statusOf(res: Promise<Response>): Promise<number> {
  const answer = await res;
  await answer.arrayBuffer();
  return answer.status;
}

describe("emulator latency", () => {
  it("holds an operation for its latency; an operation without one answers at once", async () => {
    const h = await oneAuto({ [ONEAUTO.imageLink.name]: 300 });
    await statusOf(h.api(SEARCH)); // a connection, warmed up
    const link = await timed(() => statusOf(h.api(LINK)));
    expect(link.value).toBe(200);
    expect(link.ms).toBeGreaterThanOrEqual(300);
    const search = await timed(() => statusOf(h.api(SEARCH)));
    expect(search.value).toBe(200);
    expect(search.ms).toBeLessThan(150);
  });

  it("holds requests side by side: ten at once take one latency, and a quick one is not held up", async () => {
    const h = await oneAuto({ [ONEAUTO.imageLink.name]: 400 });
    await statusOf(h.api(SEARCH));
    const started = performance.now();
    const links = Array.from({ length: 10 }, () => timed(() => statusOf(h.api(LINK))));
    await expect.poll(() => h.count(ONEAUTO.imageLink.name)).toBe(10);
    const search = await timed(() => statusOf(h.api(SEARCH)));
    expect(search.ms).toBeLessThan(150);
    const done = await Promise.all(links);
    for (const { value, ms } of done) {
      expect(value).toBe(200);
      expect(ms).toBeGreaterThanOrEqual(400);
    }
    // One after another they would take 4 s.
    expect(performance.now() - started).toBeLessThan(1200);
  });

  it("a request held keeps no process alive, and a client that leaves ends the hold at once", async () => {
    const h = await carCutter({ [CARCUTTER.upsertVehicle.name]: 10_000 });
    // Timers that keep the process alive (unref'd ones are not listed).
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const before = timers();
    const leaving = new AbortController();
    const pending = fetch(`${h.server.url}${CARCUTTER.upsertVehicle.path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}` },
      body: form({ vehicle_id: "LEFT-EARLY" }),
      signal: leaving.signal,
    }).catch(() => "left");
    await expect.poll(() => h.count(CARCUTTER.upsertVehicle.name)).toBe(1);
    expect(timers()).toBeLessThanOrEqual(before);
    const left = performance.now();
    leaving.abort();
    expect(await pending).toBe("left");
    await expect.poll(() => h.emulator.control.aborted(CARCUTTER.upsertVehicle.name)).toBe(1);
    // Served as soon as the client left, not 10 s later: a server that received the whole request.
    await expect
      .poll(async () => (await h.callJson("GET", "/vehicle/status?vehicle_id=LEFT-EARLY")).status)
      .toBe(200);
    expect(performance.now() - left).toBeLessThan(2_000);
  });

  it("closing the emulator does not wait for a request still held", async () => {
    const h = await oneAuto({ [ONEAUTO.imageLink.name]: 10_000 });
    const pending = h.api(LINK).catch(() => "closed");
    await expect.poll(() => h.count(ONEAUTO.imageLink.name)).toBe(1);
    const closing = await timed(() => h.close());
    expect(closing.ms).toBeLessThan(2_000);
    expect(await pending).toBe("closed");
  });

  it("is configuration, not a fault: a reset keeps it, setLatency replaces it, and a scripted latency adds to it", async () => {
    const h = await oneAuto({ [ONEAUTO.search.name]: 200 });
    h.emulator.control.reset();
    expect(h.emulator.control.latencyOf(ONEAUTO.search.name)).toBe(200);
    h.emulator.control.script({
      operation: ONEAUTO.search.name,
      fault: { kind: "latency", ms: 200 },
    });
    expect((await timed(() => statusOf(h.api(SEARCH)))).ms).toBeGreaterThanOrEqual(400);
    h.emulator.control.setLatency({ [ONEAUTO.imageLink.name]: 50 });
    expect(h.emulator.control.latencyOf(ONEAUTO.search.name)).toBe(0);
    expect(h.emulator.control.latencyOf(ONEAUTO.imageLink.name)).toBe(50);
    expect((await timed(() => statusOf(h.api(SEARCH)))).ms).toBeLessThan(150);
  });

  it("refuses a latency that is not a whole number of milliseconds up to two minutes", async () => {
    const h = await oneAuto({});
    for (const ms of [-1, 1.5, 120_001, Number.NaN]) {
      expect(() => h.emulator.control.setLatency({ [ONEAUTO.search.name]: ms })).toThrow(
        /latency of GET \/vehicleimagery\/imagesearch must be a whole number of milliseconds 0\.\.120000/,
      );
    }
  });
});
