import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "graphql-ws";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { type RunningServer, startServer } from "../../src/server.js";
import { localServerConfig } from "../support/server.js";
import { SseStream } from "../support/subscriptions.js";

/**
 * The graceful drain that SIGTERM starts (main.ts calls drain with DRAIN_DELAY_MS and
 * SHUTDOWN_GRACE_MS), under steady load on real ports: every request that started before it
 * succeeds, `/ready` says 503 at once, subscriptions end properly, and it finishes.
 */

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const QUERY = JSON.stringify({ query: "{ vehiclesToShoot { vehicleId } }" });

describe("drain", () => {
  it("under steady load: 0 failed requests that started before it, /ready 503, subscriptions ended", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "forecourt-drain-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const s: RunningServer = await startServer(localServerConfig({ FORECOURT_DATA_DIR: dataDir }));
    cleanups.push(() => s.close());

    // Live views: one over SSE, one over graphql-ws.
    const subscription = JSON.stringify({
      query: 'subscription { imageUpdated(vehicleId: "DRAIN-TEST") { url status } }',
    });
    const sse = new SseStream(
      fetch(`${s.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream" },
        body: subscription,
      }),
    );
    expect(await sse.status()).toBe(200);
    const ws = createClient({
      url: `${s.url.replace("http", "ws")}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => {},
    });
    const wsClosed = new Promise<number>((resolve) => {
      ws.on("closed", (event) => resolve((event as { code: number }).code));
    });
    const wsEnded = new Promise<string>((resolve) => {
      ws.subscribe(
        { query: 'subscription { imageUpdated(vehicleId: "DRAIN-TEST") { url } }' },
        { next: () => {}, error: () => resolve("error"), complete: () => resolve("complete") },
      );
    });

    let drainStartedAt = Number.POSITIVE_INFINITY;
    const before: { ok: boolean; status: number | string }[] = [];
    let after = 0;
    let stop = false;
    const worker = async () => {
      while (!stop) {
        const startedAt = performance.now();
        let result: { ok: boolean; status: number | string };
        try {
          const res = await fetch(`${s.url}/graphql`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: QUERY,
          });
          const body = (await res.json()) as { errors?: unknown };
          result = { ok: res.status === 200 && body.errors === undefined, status: res.status };
        } catch (error) {
          result = { ok: false, status: (error as Error).message };
        }
        if (startedAt < drainStartedAt) before.push(result);
        else after++;
        if (!result.ok && startedAt >= drainStartedAt) return;
      }
    };
    const workers = Array.from({ length: 16 }, () => worker());
    await new Promise((resolve) => setTimeout(resolve, 600));

    drainStartedAt = performance.now();
    const drained = s.drain({ delayMs: 400, graceMs: 5000 });
    // Not ready at once, while everything else is still served during the delay.
    const ready = await fetch(`${s.url}/ready`);
    expect(ready.status).toBe(503);
    await drained;
    stop = true;
    await Promise.all(workers);

    expect(before.length).toBeGreaterThanOrEqual(16);
    expect(before.filter((r) => !r.ok)).toEqual([]);
    expect(after).toBeGreaterThan(0);
    // The SSE stream completed; the WebSocket closed with 1001 (going away).
    const events: (string | undefined)[] = [];
    for (;;) {
      const event = await sse.next(2000);
      events.push(event?.event);
      if (!event) break;
    }
    expect(events).toContain("complete");
    expect(await wsClosed).toBe(1001);
    expect(await wsEnded).toMatch(/complete|error/);
    await ws.dispose();
  }, 30_000);
});
