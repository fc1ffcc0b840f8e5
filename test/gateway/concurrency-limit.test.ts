import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConcurrencyLimit } from "../../src/gateway/concurrency-limit.js";
import { guardRequests, type ServerSettings } from "../../src/gateway/http-guard.js";

/** A limit on a clock and an event-loop reading the test sets. */
function limitOf(options: { min: number; max: number; initial: number }) {
  const state = { now: 0, busy: 1 };
  const limit = new ConcurrencyLimit({
    ...options,
    windowMs: 100,
    now: () => state.now,
    utilization: () => state.busy,
  });
  return { limit, state };
}

describe("ConcurrencyLimit", () => {
  it("works on at most `limit` requests at once; the rest start in order of arrival as turns free", () => {
    const { limit } = limitOf({ min: 1, max: 10, initial: 2 });
    const started: number[] = [];
    for (const n of [0, 1, 2, 3]) limit.enter(() => started.push(n) > 0);
    expect(started).toEqual([0, 1]);
    expect(limit.waiting).toBe(2);
    limit.leave();
    expect(started).toEqual([0, 1, 2]);
    limit.leave();
    expect(started).toEqual([0, 1, 2, 3]);
    expect(limit.running).toBe(2);
    expect(limit.waiting).toBe(0);
  });

  it("a request whose client left while it waited takes no turn: the next one starts in its place", () => {
    const { limit } = limitOf({ min: 1, max: 10, initial: 1 });
    const started: string[] = [];
    limit.enter(() => started.push("a") > 0);
    limit.enter(() => false); // gone by the time its turn comes
    limit.enter(() => started.push("c") > 0);
    limit.leave();
    expect(started).toEqual(["a", "c"]);
    expect(limit.running).toBe(1);
    limit.leave();
    expect(limit.running).toBe(0);
  });

  it("with requests waiting on a saturated event loop, the limit falls by a tenth a window, to `min` and no lower", () => {
    const { limit, state } = limitOf({ min: 3, max: 100, initial: 20 });
    for (let i = 0; i < 20; i++) limit.enter(() => true);
    limit.enter(() => true); // waits
    state.busy = 1;
    state.now += 100;
    limit.enter(() => true);
    expect(limit.limit).toBe(18);
    for (let i = 0; i < 40; i++) {
      state.now += 100;
      limit.enter(() => true);
    }
    expect(limit.limit).toBe(3);
  });

  it("with requests waiting while the loop idles (they wait on upstreams), the limit rises quickly and the waiting start", () => {
    const { limit, state } = limitOf({ min: 2, max: 64, initial: 4 });
    const started: number[] = [];
    for (let n = 0; n < 40; n++) limit.enter(() => started.push(n) > 0);
    expect(started).toHaveLength(4);
    state.busy = 0.2;
    state.now += 100;
    limit.enter(() => started.push(40) > 0);
    expect(limit.limit).toBe(8);
    // Let in at once, without waiting for a request to finish.
    expect(started).toHaveLength(8);
    state.now += 100;
    limit.leave();
    expect(limit.limit).toBe(16);
    // Only a little room: a quarter more.
    state.busy = 0.9;
    state.now += 100;
    limit.leave();
    expect(limit.limit).toBe(20);
    // Between room and saturation: held.
    state.busy = 0.97;
    state.now += 100;
    limit.leave();
    expect(limit.limit).toBe(20);
    for (let i = 0; i < 10; i++) {
      state.busy = 0;
      state.now += 100;
      limit.enter(() => true);
    }
    expect(limit.limit).toBe(64);
  });

  it("never allows more at once than `max`, even where `max` is below `min`", () => {
    const { limit, state } = limitOf({ min: 4, max: 2, initial: 16 });
    expect(limit.limit).toBe(2);
    const started: number[] = [];
    for (const n of [0, 1, 2]) limit.enter(() => started.push(n) > 0);
    state.busy = 0;
    state.now += 100;
    limit.enter(() => started.push(3) > 0);
    expect(limit.limit).toBe(2);
    expect(started).toEqual([0, 1]);
  });

  it("while requests wait and none ends (slow upstreams), the limit still rises every window", () => {
    vi.useFakeTimers();
    try {
      const { limit, state } = limitOf({ min: 2, max: 64, initial: 2 });
      const started: number[] = [];
      for (let n = 0; n < 40; n++) limit.enter(() => started.push(n) > 0);
      state.busy = 0.1;
      for (const expected of [4, 8, 16, 32]) {
        state.now += 100;
        vi.advanceTimersByTime(100);
        expect(limit.limit).toBe(expected);
        expect(started).toHaveLength(expected);
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it("when no request had to wait, the event loop's load does not move the limit", () => {
    const { limit, state } = limitOf({ min: 2, max: 64, initial: 8 });
    limit.enter(() => true);
    for (const busy of [1, 0, 1, 0.1]) {
      state.busy = busy;
      state.now += 100;
      limit.leave();
      limit.enter(() => true);
    }
    expect(limit.limit).toBe(8);
  });
});

describe("guardRequests with a concurrency limit, over HTTP", () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => server?.close(() => resolve()) ?? resolve());
  });

  const settings = { maxRequestsInFlight: 10 } as ServerSettings;

  /** A server whose GraphQL answers wait for the test's word; anything else answers at once. */
  async function serve(limit: ConcurrencyLimit) {
    const held: Array<() => void> = [];
    const seen: string[] = [];
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      seen.push(req.url ?? "");
      if (/^\/graphql(\?|$)/.test(req.url ?? "")) held.push(() => res.end("graphql"));
      else res.end("other");
    };
    server = createServer(guardRequests(settings, () => handler, undefined, limit));
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return { base: `http://127.0.0.1:${port}`, held, seen };
  }

  it("a GraphQL request beyond the limit waits unread until a turn frees; probes and other paths never wait", async () => {
    const limit = new ConcurrencyLimit({ min: 1, max: 1 });
    const { base, held, seen } = await serve(limit);
    const first = fetch(`${base}/graphql`, { method: "POST", body: "{}" });
    await expect.poll(() => held.length).toBe(1);
    let secondAnswered = false;
    const second = fetch(`${base}/graphql?query=x`).then((r) => {
      secondAnswered = true;
      return r.text();
    });
    await expect.poll(() => limit.waiting).toBe(1);
    // Not handed to the gateway at all while it waits.
    expect(seen).toEqual(["/graphql"]);
    expect(await (await fetch(`${base}/health`)).text()).toBe("other");
    expect(await (await fetch(`${base}/graphqlish`)).text()).toBe("other");
    expect(secondAnswered).toBe(false);
    held[0]?.();
    expect(await (await first).text()).toBe("graphql");
    await expect.poll(() => held.length).toBe(2);
    held[1]?.();
    expect(await second).toBe("graphql");
    await expect.poll(() => limit.running).toBe(0);
  });

  it("a waiting request whose client leaves gives up its place: the next one still gets a turn", async () => {
    const limit = new ConcurrencyLimit({ min: 1, max: 1 });
    const { base, held, seen } = await serve(limit);
    const first = fetch(`${base}/graphql`, { method: "POST", body: "{}" });
    await expect.poll(() => held.length).toBe(1);
    const leaving = new AbortController();
    const gone = fetch(`${base}/graphql?gone`, { signal: leaving.signal }).catch(() => "left");
    await expect.poll(() => limit.waiting).toBe(1);
    leaving.abort();
    expect(await gone).toBe("left");
    const third = fetch(`${base}/graphql?third`).then((r) => r.text());
    await expect.poll(() => limit.waiting).toBe(2);
    held[0]?.();
    await first;
    // The one that left is skipped; the third is handed on and answered.
    await expect.poll(() => held.length).toBe(2);
    held[1]?.();
    expect(await third).toBe("graphql");
    expect(seen).toEqual(["/graphql", "/graphql?third"]);
    await expect.poll(() => limit.running).toBe(0);
  });
});
