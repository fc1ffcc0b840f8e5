import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createSchema, createYoga } from "graphql-yoga";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createImageEvents, type ImageEventBus } from "../../src/events/create-image-events.js";
import {
  DEFAULT_WEBHOOK_MAX_BODY_BYTES,
  useCarCutterWebhooks,
  WEBHOOK_PATH,
  webhookUrlFor,
} from "../../src/gateway/carcutter-webhooks.js";
import type { ImageStatusDto } from "../../src/upstreams/carcutter/dto.js";
import { STEP_MS, startCarCutter } from "../support/emulators.js";
import { MemoryLedger } from "../support/memory-ledger.js";
import { status, take } from "../support/subscriptions.js";

const SECRET = "webhook-secret-3f2a9c1e7b5d4a6f8e0c2b4d6f8a0c2e";
const A = "https://cdn.dealer.example/a.jpg";
const B = "https://cdn.dealer.example/b.jpg";
const ORIGIN = "http://gateway.test";

interface Logged {
  level: "warn" | "error";
  obj: object;
  msg: string;
}

let ledger: MemoryLedger;
let events: ImageEventBus;
let logged: Logged[];
let published: ImageStatusDto[];

function gateway(options: { maxBodyBytes?: number } = {}) {
  return createYoga({
    schema: createSchema({ typeDefs: "type Query { ok: Boolean }" }),
    logging: false,
    plugins: [
      useCarCutterWebhooks({
        secret: SECRET,
        ledger,
        events: {
          publish: async (s) => {
            published.push(s);
            await events.publish(s);
          },
        },
        logger: {
          warn: (obj, msg) => logged.push({ level: "warn", obj, msg }),
          error: (obj, msg) => logged.push({ level: "error", obj, msg }),
        },
        now: () => new Date("2026-01-15T09:00:00Z"),
        ...options,
      }),
    ],
  });
}

function post(
  body: unknown,
  headers: Record<string, string> = { authorization: `Bearer ${SECRET}` },
  yoga = gateway(),
): Promise<Response> {
  return Promise.resolve(
    yoga.fetch(`${ORIGIN}${WEBHOOK_PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

beforeEach(() => {
  ledger = new MemoryLedger();
  events = createImageEvents();
  logged = [];
  published = [];
});
afterEach(async () => {
  await events.close();
});

/** No log line may carry the key, what a caller presented as one, or the Authorization header. */
function expectNothingSecretLogged(headers: Record<string, string> = {}) {
  const text = JSON.stringify(logged);
  expect(text).not.toContain(SECRET);
  for (const value of Object.values(headers)) expect(text).not.toContain(value);
  expect(text.toLowerCase()).not.toContain("authorization");
}

describe("CarCutter webhook receiver: authentication", () => {
  it.each([
    ["no Authorization header", {}],
    ["a wrong key", { authorization: "Bearer not-the-secret" }],
    ["a wrong key of the same length", { authorization: `Bearer ${SECRET.replace(/.$/, "x")}` }],
    ["the key under another scheme", { authorization: `Basic ${SECRET}` }],
    ["the key without a scheme", { authorization: SECRET }],
    ["the key with something after it", { authorization: `Bearer ${SECRET} extra` }],
  ])("refuses %s with 401 and no detail", async (_, headers) => {
    const res = await post({ data: { images: [status(A)] } }, headers);
    expect(res.status).toBe(401);
    expect(await res.text()).toBe("");
    expect(published).toEqual([]);
    expect(ledger.notes).toEqual([]);
    expect(logged).toHaveLength(1);
    expectNothingSecretLogged(headers);
  });

  it("takes the scheme in any case", async () => {
    const res = await post(status(A), { authorization: `bearer ${SECRET}` });
    expect(res.status).toBe(204);
  });

  it("answers 405 to anything but POST, before looking at credentials", async () => {
    const res = await gateway().fetch(`${ORIGIN}${WEBHOOK_PATH}`, { method: "GET" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
  });

  it("leaves other paths to the gateway", async () => {
    const res = await gateway().fetch(`${ORIGIN}/graphql?query=%7Bok%7D`);
    expect(res.status).toBe(200);
  });
});

describe("CarCutter webhook receiver: bodies", () => {
  it("a status-resource body: 204, every image noted in the ledger and published", async () => {
    const controller = new AbortController();
    const stream = events.subscribe(new Set([A, B]), controller.signal)[Symbol.asyncIterator]();
    const images = [status(A, { phase: "cutting" }), status(B, { status: "final", quality: "ok" })];
    const res = await post({ data: { images } });
    expect(res.status).toBe(204);
    expect(ledger.notes).toEqual([
      { url: A, status: "processing", at: new Date("2026-01-15T09:00:00Z") },
      { url: B, status: "final", at: new Date("2026-01-15T09:00:00Z") },
    ]);
    expect(await take(stream, 2)).toEqual(images);
    controller.abort();
  });

  it("a single ImageStatus body: 204, noted and published", async () => {
    const res = await post(status(A, { status: "raw", phase: "ready" }));
    expect(res.status).toBe(204);
    expect(ledger.notes.map((n) => [n.url, n.status])).toEqual([[A, "raw"]]);
    expect(published).toEqual([status(A, { status: "raw", phase: "ready" })]);
  });

  it("statuses and phases it has never seen are passed on as sent", async () => {
    const res = await post(status(A, { status: "reviewing", phase: "dreaming" }));
    expect(res.status).toBe(204);
    expect(published[0]).toMatchObject({ status: "reviewing", phase: "dreaming" });
  });

  it("unreadable images of a status-resource body are skipped and logged, the rest taken", async () => {
    const res = await post({ data: { images: [status(A), { image: 42 }, "nonsense"] } });
    expect(res.status).toBe(204);
    expect(published).toEqual([status(A)]);
    expect(logged).toEqual([
      expect.objectContaining({ level: "warn", obj: expect.objectContaining({ skipped: 2 }) }),
    ]);
  });

  it.each([
    ["JSON of another shape", { event: "image.updated", payload: { url: A } }],
    ["a bare array", [status(A)]],
    ["images that are all unreadable", { data: { images: [{ url: A }] } }],
    ["text that is not JSON", "image A is done"],
    ["an empty body", ""],
  ])("%s: 202 accepted but ignored, and a log line", async (_, body) => {
    const res = await post(body);
    expect(res.status).toBe(202);
    expect(published).toEqual([]);
    expect(ledger.notes).toEqual([]);
    expect(logged).toHaveLength(1);
    expect(logged[0]?.msg).toMatch(/ignored/);
    expectNothingSecretLogged();
  });

  it("an empty image list is fine: 204 and nothing to do", async () => {
    const res = await post({ data: { images: [] } });
    expect(res.status).toBe(204);
    expect(logged).toEqual([]);
  });

  it("a body over the limit by Content-Length: 413 without reading it", async () => {
    const yoga = gateway({ maxBodyBytes: 1024 });
    const body = JSON.stringify({ data: { images: [status(A)] }, padding: "x".repeat(2000) });
    const res = await post(body, { authorization: `Bearer ${SECRET}` }, yoga);
    expect(res.status).toBe(413);
    expect(published).toEqual([]);
  });

  it("a body over the limit without Content-Length: 413 once the limit is passed while reading", async () => {
    const yoga = gateway({ maxBodyBytes: 1024 });
    const chunk = new TextEncoder().encode("x".repeat(512));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent++;
        // Never ends by itself: only the receiver's limit stops it.
        controller.enqueue(chunk);
      },
    });
    const res = await yoga.fetch(`${ORIGIN}${WEBHOOK_PATH}`, {
      method: "POST",
      headers: { authorization: `Bearer ${SECRET}` },
      body,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(10);
  });

  it("the default limit is 256 KiB", () => {
    expect(DEFAULT_WEBHOOK_MAX_BODY_BYTES).toBe(256 * 1024);
  });

  it("a ledger that fails still gets a 204 (the webhook is a hint), and the failure is logged", async () => {
    const failing = new MemoryLedger();
    failing.noteStatus = async () => {
      throw new Error("database unavailable");
    };
    ledger = failing;
    const res = await post(status(A));
    expect(res.status).toBe(204);
    expect(published).toEqual([status(A)]);
    expect(logged).toEqual([expect.objectContaining({ level: "error" })]);
  });

  it("a ledger that hangs does not hold the answer past the settle time", async () => {
    ledger.noteStatus = () => new Promise(() => {});
    const yoga = createYoga({
      schema: createSchema({ typeDefs: "type Query { ok: Boolean }" }),
      logging: false,
      plugins: [useCarCutterWebhooks({ secret: SECRET, ledger, events, settleMs: 50 })],
    });
    const started = Date.now();
    const res = await post(status(A), { authorization: `Bearer ${SECRET}` }, yoga);
    expect(res.status).toBe(204);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("webhookUrlFor joins the public URL and the path", () => {
    expect(webhookUrlFor("https://forecourt.example/")).toBe(
      "https://forecourt.example/webhooks/carcutter",
    );
  });
});

describe("CarCutter webhook receiver with the emulator calling it", () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  it("every status change of a submitted image arrives, authenticated, and is published", async () => {
    const cc = await startCarCutter();
    try {
      const yoga = gateway();
      server = createServer(yoga);
      await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
      const { port } = server.address() as AddressInfo;
      const client = cc.client();
      const controller = new AbortController();
      const stream = events.subscribe(new Set([A]), controller.signal)[Symbol.asyncIterator]();
      await client.submitImages({
        urls: [A],
        vehicleId: "WAUZZZ8K9BA123456",
        cutType: "complete",
        webhookUrl: webhookUrlFor(`http://127.0.0.1:${port}`),
        webhookAuthKey: SECRET,
      });
      const now = new Date();
      await ledger.claim([{ url: A, vehicleId: "WAUZZZ8K9BA123456", options: {} }], {
        at: now,
        until: now,
        force: true,
      });
      const phases: string[] = [];
      for (let step = 0; step < 7; step++) {
        await cc.emulator.webhooksIdle();
        const [s] = await take(stream, 1);
        phases.push(`${s?.status}/${s?.phase}`);
        cc.clock.advance(STEP_MS);
      }
      expect(phases).toEqual([
        "processing/downloading",
        "processing/analyzing",
        "processing/cutting",
        "processing/qa-ing",
        "processing/retouching",
        "raw/ready",
        "final/ready",
      ]);
      expect(cc.emulator.webhookDeliveries().every((d) => d.answers[0] === 204)).toBe(true);
      expect(ledger.entries.get(A)?.lastStatus).toBe("final");
      controller.abort();
    } finally {
      await cc.close();
    }
  });
});
