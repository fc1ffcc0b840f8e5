import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { createImageEvents, type ImageEventBus } from "../../src/events/create-image-events.js";
import { eventually, status, take, testNamespace } from "../support/subscriptions.js";

const A = "https://cdn.dealer.example/a.jpg";
const B = "https://cdn.dealer.example/b.jpg";
const C = "https://cdn.dealer.example/c.jpg";

const open: ImageEventBus[] = [];
function bus(options: Parameters<typeof createImageEvents>[0] = {}): ImageEventBus {
  const events = createImageEvents(options);
  open.push(events);
  return events;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((events) => events.close()));
});

describe("image events in one process", () => {
  it("a subscriber receives only the statuses of its URLs", async () => {
    const events = bus();
    const controller = new AbortController();
    const stream = events.subscribe(new Set([A, B]), controller.signal)[Symbol.asyncIterator]();
    await events.publish(status(C));
    await events.publish(status(A, { phase: "analyzing" }));
    await events.publish(status(C, { phase: "cutting" }));
    await events.publish(status(B, { status: "final", phase: "ready", quality: "ok" }));
    const received = await take(stream, 2);
    expect(received.map((s) => [s.image, s.phase])).toEqual([
      [A, "analyzing"],
      [B, "ready"],
    ]);
    controller.abort();
  });

  it("a vehicle's subscriber follows the photos announced for it, and only those", async () => {
    const events = bus();
    const controller = new AbortController();
    const stream = events.subscribe(new Set([A]), controller.signal, "V1")[Symbol.asyncIterator]();
    const submission = { vehicleId: "V1", submittedAt: "2026-12-01T12:00:00.000Z" };
    await events.publish(status(B));
    await events.announceSubmission(status(C), { ...submission, vehicleId: "V2" });
    await events.announceSubmission(status(B), submission);
    // A slow reader: B's later status takes the queued announcement's place, keeping its submission.
    await events.publish(status(B, { phase: "cutting" }));
    await events.publish(status(C, { phase: "cutting" }));
    await events.publish(status(A, { phase: "analyzing" }));
    const received = await take(stream, 2);
    expect(received.map((e) => [e.image, e.phase, e.submission?.vehicleId])).toEqual([
      [B, "cutting", "V1"],
      [A, "analyzing", undefined],
    ]);
    controller.abort();
  });

  it("listens from the moment subscribe() is called, before the first next()", async () => {
    const events = bus();
    const controller = new AbortController();
    const stream = events.subscribe(new Set([A]), controller.signal)[Symbol.asyncIterator]();
    await events.publish(status(A));
    expect(await take(stream, 1)).toEqual([status(A)]);
    controller.abort();
  });

  it("a slow subscriber gets the latest status of each URL, not every intermediate one", async () => {
    const events = bus();
    const controller = new AbortController();
    const stream = events.subscribe(new Set([A, B]), controller.signal)[Symbol.asyncIterator]();
    for (const phase of ["downloading", "analyzing", "cutting"]) {
      await events.publish(status(A, { phase }));
    }
    await events.publish(status(B, { phase: "qa-ing" }));
    await events.publish(status(A, { phase: "retouching" }));
    const received = await take(stream, 2);
    // A keeps its place in the queue (it changed first) with its newest status.
    expect(received.map((s) => [s.image, s.phase])).toEqual([
      [A, "retouching"],
      [B, "qa-ing"],
    ]);
    controller.abort();
  });

  it("aborting the signal ends the stream, a pending next() included, and removes the listener", async () => {
    const events = bus();
    const controller = new AbortController();
    const stream = events.subscribe(new Set([A]), controller.signal)[Symbol.asyncIterator]();
    expect(events.subscriptionCount).toBe(1);
    const pending = stream.next();
    controller.abort();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(events.subscriptionCount).toBe(0);
    await events.publish(status(A));
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it("return() ends the stream at once and removes the listener", async () => {
    const events = bus();
    const stream = events.subscribe(new Set([A]), new AbortController().signal);
    const consumed: string[] = [];
    const loop = (async () => {
      for await (const s of stream) consumed.push(s.phase ?? "");
    })();
    await events.publish(status(A));
    await eventually(() => consumed.length === 1);
    await stream[Symbol.asyncIterator]().return?.();
    await loop;
    expect(events.subscriptionCount).toBe(0);
  });

  it("a signal already aborted gives an ended stream and no listener", async () => {
    const events = bus();
    const stream = events.subscribe(new Set([A]), AbortSignal.abort())[Symbol.asyncIterator]();
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    expect(events.subscriptionCount).toBe(0);
  });

  it("close() ends every subscription", async () => {
    const events = bus();
    const stream = events.subscribe(new Set([A]), new AbortController().signal);
    const pending = stream[Symbol.asyncIterator]().next();
    await events.close();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(events.subscriptionCount).toBe(0);
  });
});

describe("image events without Redis reachable", () => {
  it("still reach this instance's subscribers, and the outage is reported, not thrown", async () => {
    const errors: Error[] = [];
    // Nothing listens on port 1: every connection attempt fails.
    const events = bus({ redisUrl: "redis://127.0.0.1:1", onError: (e) => errors.push(e) });
    const controller = new AbortController();
    const stream = events.subscribe(new Set([A]), controller.signal)[Symbol.asyncIterator]();
    await events.publish(status(A));
    expect(await take(stream, 1)).toEqual([status(A)]);
    await eventually(() => errors.length > 0);
    expect(errors[0]?.message).toMatch(/Redis/);
    controller.abort();
  });
});

const REDIS_URL = process.env.REDIS_URL;

describe.skipIf(!REDIS_URL)("image events over Redis", () => {
  const url = REDIS_URL ?? "";

  /** Resolves once `count` connections subscribe to the namespace's channel. */
  async function subscribed(namespace: string, count: number): Promise<void> {
    const probe = new Redis(url);
    try {
      await eventually(async () => {
        const reply = await probe.pubsub("NUMSUB", `${namespace}:image-updated`);
        return Number(reply[1]) >= count;
      });
    } finally {
      probe.disconnect();
    }
  }

  it("a status published on one instance reaches a subscriber on another, once", async () => {
    const namespace = testNamespace();
    const first = bus({ redisUrl: url, namespace });
    const second = bus({ redisUrl: url, namespace });
    await subscribed(namespace, 2);
    const controller = new AbortController();
    const onSecond = second.subscribe(new Set([A]), controller.signal)[Symbol.asyncIterator]();
    const onFirst = first.subscribe(new Set([A, B]), controller.signal)[Symbol.asyncIterator]();
    await first.publish(status(A, { phase: "cutting" }));
    expect(await take(onSecond, 1)).toEqual([status(A, { phase: "cutting" })]);
    // The publisher's own subscriber hears it in-process…
    expect(await take(onFirst, 1)).toEqual([status(A, { phase: "cutting" })]);
    // …and not again through Redis: what it hears next is the other instance's event.
    await second.publish(status(B));
    expect(await take(onFirst, 1)).toEqual([status(B)]);
    controller.abort();
  });

  it("a submission announced on one instance reaches the vehicle's subscriber on another", async () => {
    const namespace = testNamespace();
    const first = bus({ redisUrl: url, namespace });
    const second = bus({ redisUrl: url, namespace });
    await subscribed(namespace, 2);
    const controller = new AbortController();
    const onSecond = second.subscribe(new Set(), controller.signal, "V1")[Symbol.asyncIterator]();
    const submission = { vehicleId: "V1", submittedAt: "2026-12-01T12:00:00.000Z" };
    await first.announceSubmission(status(C), submission);
    expect(await take(onSecond, 1)).toEqual([{ ...status(C), submission }]);
    // Followed from then on: the next status of C, from either instance, reaches it.
    await first.publish(status(C, { phase: "cutting" }));
    expect(await take(onSecond, 1)).toEqual([status(C, { phase: "cutting" })]);
    controller.abort();
  });

  it("instances in other namespaces hear nothing", async () => {
    const namespace = testNamespace();
    const publisher = bus({ redisUrl: url, namespace });
    const elsewhere = bus({ redisUrl: url, namespace: testNamespace() });
    const listener = bus({ redisUrl: url, namespace });
    await subscribed(namespace, 2);
    const controller = new AbortController();
    const outside = elsewhere.subscribe(new Set([A]), controller.signal)[Symbol.asyncIterator]();
    const inside = listener.subscribe(new Set([A]), controller.signal)[Symbol.asyncIterator]();
    const outsideNext = outside.next();
    await publisher.publish(status(A));
    expect(await take(inside, 1)).toHaveLength(1);
    controller.abort();
    expect(await outsideNext).toEqual({ value: undefined, done: true });
  });

  it("a message on the channel that is not an event is reported and skipped", async () => {
    const namespace = testNamespace();
    const errors: Error[] = [];
    const events = bus({ redisUrl: url, namespace, onError: (e) => errors.push(e) });
    await subscribed(namespace, 1);
    const controller = new AbortController();
    const stream = events.subscribe(new Set([A]), controller.signal)[Symbol.asyncIterator]();
    const raw = new Redis(url);
    try {
      await raw.publish(`${namespace}:image-updated`, "not json {");
      await raw.publish(
        `${namespace}:image-updated`,
        JSON.stringify({ origin: "another-instance", status: status(A) }),
      );
    } finally {
      raw.disconnect();
    }
    expect(await take(stream, 1)).toEqual([status(A)]);
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/unreadable message/)]);
    controller.abort();
  });
});
