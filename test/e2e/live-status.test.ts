import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "graphql-ws";
import { Redis } from "ioredis";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import type { ImageEventBus } from "../../src/events/create-image-events.js";
import { type RunningServer, startServer } from "../../src/server.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { localServerConfig } from "../support/server.js";
import { eventually, SseStream } from "../support/subscriptions.js";

/**
 * Live photo status end to end, on real ports: the built-in CarCutter emulator calls the
 * gateway's webhook at every change, and a subscriber sees the photo reach FINAL. The poller is
 * set to an hour, so only webhooks can move the stream.
 */

const STEP_MS = 40;
const SUBMIT = `mutation ($input: SubmitImagesInput!) {
  submitImages(input: $input) { __typename ... on SubmitImagesPayload { accepted results { url outcome } } }
}`;
const WATCH = `subscription ($vehicleId: String, $urls: [URL!]) {
  imageUpdated(vehicleId: $vehicleId, urls: $urls) { url status phase vehicle { vehicleId } }
}`;

const running: RunningServer[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function server(
  env: Record<string, string>,
  postgresSchema?: string,
): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), "forecourt-live-"));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const config = localServerConfig({
    CARCUTTER_EMULATOR_STEP_MS: String(STEP_MS),
    POLL_INTERVAL_MS: String(60 * 60 * 1000),
    FORECOURT_DATA_DIR: dataDir,
    WEBHOOK_SECRET: "w".repeat(40),
    ...env,
  });
  const started = await startServer(config, postgresSchema ? { postgresSchema } : {});
  running.push(started);
  return started;
}

async function graphqlAt(s: RunningServer, query: string, variables: Record<string, unknown>) {
  const res = await fetch(`${s.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

function subscribeSse(s: RunningServer, variables: Record<string, unknown>): SseStream {
  return new SseStream(
    fetch(`${s.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ query: WATCH, variables }),
    }),
  );
}

/** Every status the stream sends until it completes. */
/** Statuses until the stream completes, or until `last` (a vehicle's stream stays open). */
async function statusesUntilComplete(stream: SseStream, last?: string): Promise<string[]> {
  const seen: string[] = [];
  for (;;) {
    if (last !== undefined && seen.at(-1) === last) return seen;
    const event = await stream.next(10_000);
    if (!event || event.event === "complete") return seen;
    const data = event.data as { data?: { imageUpdated?: { status: string } }; errors?: unknown };
    if (data.errors) throw new Error(JSON.stringify(data.errors));
    seen.push(data.data?.imageUpdated?.status ?? "?");
  }
}

const photo = () => `https://photos.example.com/live/${randomUUID()}/front-left.jpg`;

describe("a photo's way to FINAL, pushed by webhooks", () => {
  it("over SSE: processing first, then every webhook, and the stream ends at FINAL", async () => {
    const s = await server({});
    const url = photo();
    const submitted = await graphqlAt(s, SUBMIT, {
      input: { vehicleId: "WBA5R1C50KAE81715", urls: [url], processing: { cutType: "NORMAL" } },
    });
    expect(JSON.stringify(submitted.data)).toContain('"accepted":1');
    const stream = subscribeSse(s, { urls: [url] });
    const statuses = await statusesUntilComplete(stream);
    expect(statuses.at(-1)).toBe("FINAL");
    expect(statuses).toContain("PROCESSING");
    const emulator = s.emulators?.carcutter?.emulator;
    expect(emulator?.webhookDeliveries().some((d) => d.outcome === "delivered")).toBe(true);
  });

  it("over graphql-ws on the same port", async () => {
    const s = await server({});
    const url = photo();
    await graphqlAt(s, SUBMIT, {
      input: { vehicleId: "WVWZZZCDZMW012345", urls: [url], processing: { cutType: "BLUR" } },
    });
    const client = createClient({
      url: `${s.url.replace("http", "ws")}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    const statuses: string[] = [];
    await new Promise<void>((resolve, reject) => {
      client.subscribe<{ imageUpdated: { status: string; vehicle: { vehicleId: string } | null } }>(
        { query: WATCH, variables: { urls: [url] } },
        {
          next: (value) => {
            const image = value.data?.imageUpdated;
            if (image) statuses.push(image.status);
            // The ledger knows which vehicle the photo was submitted for.
            if (image) expect(image.vehicle?.vehicleId).toBe("WVWZZZCDZMW012345");
          },
          error: reject,
          complete: resolve,
        },
      );
    });
    await client.dispose();
    expect(statuses.at(-1)).toBe("FINAL");
  });

  it("a webhook without the right key is refused with 401 and changes nothing", async () => {
    const s = await server({});
    const body = JSON.stringify({
      data: { images: [{ image: photo(), status: "final", phase: "ready", quality: "ok" }] },
    });
    for (const authorization of [undefined, "Bearer wrong", `Bearer ${"x".repeat(40)}`]) {
      const res = await fetch(`${s.url}/webhooks/carcutter`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(authorization ? { authorization } : {}),
        },
        body,
      });
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain("w".repeat(40));
    }
  });
});

const shared = process.env.REDIS_URL && process.env.DATABASE_URL;

describe.skipIf(!shared)("two instances sharing Redis and PostgreSQL", () => {
  it("a webhook received by one instance reaches a subscriber on the other", async () => {
    const namespace = `forecourt-live-${randomUUID()}`;
    const schema = `forecourt_test_${randomUUID().replaceAll("-", "")}`;
    cleanups.push(async () => {
      const redis = new Redis(process.env.REDIS_URL ?? "");
      const keys = await redis.keys(`${namespace}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
      const db = new pg.Client(process.env.DATABASE_URL);
      await db.connect();
      await db.query(`drop schema if exists ${schema} cascade`);
      await db.end();
    });
    const common = {
      REDIS_URL: process.env.REDIS_URL ?? "",
      DATABASE_URL: process.env.DATABASE_URL ?? "",
      CACHE_NAMESPACE: namespace,
    };
    // A owns the emulators; CarCutter (the emulator) calls A's webhook.
    const a = await server(common, schema);
    const emulators = a.emulators;
    if (!emulators?.carcutter || !emulators.oneauto)
      throw new Error("instance A should run both emulators");
    const b = await server(
      {
        ...common,
        CARCUTTER_BASE_URL: emulators.carcutter.server.url,
        CARCUTTER_API_TOKEN: "emulator-carcutter-token",
        CARCUTTER_CUSTOMER: "forecourt-demo",
        ONEAUTO_BASE_URL: emulators.oneauto.server.url,
        ONEAUTO_API_KEY: "emulator-oneauto-key",
      },
      schema,
    );
    expect(b.emulators).toBeUndefined();

    const url = photo();
    // A vehicle of its own: the seeded ones already have photos.
    const vehicleId = `LIVE-${randomUUID()}`;
    // Opened on B before the photo exists: B hears of A's submission, then of A's webhooks, over Redis.
    const stream = subscribeSse(b, { vehicleId });
    expect(await stream.status()).toBe(200);
    await eventually(() => (b.runtime.events as ImageEventBus).subscriptionCount === 1);
    await graphqlAt(a, SUBMIT, {
      input: { vehicleId, urls: [url], processing: { cutType: "NORMAL" } },
    });
    const statuses = await statusesUntilComplete(stream, "FINAL");
    expect(statuses[0]).toBe("PROCESSING");
    expect(statuses.at(-1)).toBe("FINAL");
    await stream.cancel();
    expect(
      emulators.carcutter.emulator.webhookDeliveries().every((d) => d.url.startsWith(a.url)),
    ).toBe(true);
    // The poller (an hour) never ran: B's status reads are the subscription's first read only.
    expect(
      emulators.carcutter.emulator.control.count(CARCUTTER.imageStatuses.name),
    ).toBeLessThanOrEqual(2);
  });
});
