import { randomUUID } from "node:crypto";
import { createYoga, useExecutionCancellation } from "graphql-yoga";
import { CachedOneAuto } from "../../src/cache/cached-oneauto.js";
import { MemoryCache } from "../../src/cache/memory-cache.js";
import { ClientGate } from "../../src/clients/client-gate.js";
import { createContext } from "../../src/context.js";
import { DEFAULT_COST_POLICY } from "../../src/cost/cost-policy.js";
import { ResultLinks } from "../../src/domains/image/result-links.js";
import { createImageEvents, type ImageEventBus } from "../../src/events/create-image-events.js";
import { ImagePoller } from "../../src/events/image-poller.js";
import { DEFAULT_OPERATION_LIMITS } from "../../src/limits.js";
import { schema } from "../../src/schema.js";
import type { CarCutterClient } from "../../src/upstreams/carcutter/client.js";
import type { ImageStatusDto } from "../../src/upstreams/carcutter/dto.js";
import { InFlight } from "../../src/upstreams/in-flight.js";
import { createOneAutoClient } from "../../src/upstreams/oneauto/client.js";
import { type CarCutterHarness, startCarCutter } from "./emulators.js";
import { MemoryLedger } from "./memory-ledger.js";
import { FAKE_NOTHING, FAST } from "./upstream-clients.js";

/**
 * The events layer under test. The subscription harness is the real schema in a minimal yoga
 * instance, with a context built the way the gateway builds it plus the events layer: a Map
 * ledger, a real in-process events hub, and a poller over the CarCutter emulator that the tests
 * drive by hand (`poller.pollOnce()` after moving the clock). Then a reader of Server-Sent Events,
 * and helpers to submit images, build their statuses and wait for events.
 */

/** The gateway's context plus the events layer, in a yoga instance with only what subscriptions need. */
function subscriptionYoga(
  deps: Parameters<typeof createContext>[0],
  live: { ledger: MemoryLedger; events: ImageEventBus; poller: ImagePoller },
) {
  return createYoga({
    schema,
    context: (initial) => ({ ...createContext(deps, initial), ...live }),
    logging: false,
    plugins: [useExecutionCancellation()],
  });
}

export interface SubscriptionHarness {
  cc: CarCutterHarness;
  client: CarCutterClient;
  ledger: MemoryLedger;
  events: ImageEventBus;
  poller: ImagePoller;
  yoga: ReturnType<typeof subscriptionYoga>;
  /** POSTs an operation with Accept: text/event-stream and reads its events. */
  subscribe(query: string, variables?: Record<string, unknown>, signal?: AbortSignal): SseStream;
  close(): Promise<void>;
}

export async function startSubscriptionHarness(): Promise<SubscriptionHarness> {
  const cc = await startCarCutter();
  const client = cc.client();
  const ledger = new MemoryLedger();
  const events = createImageEvents();
  const poller = new ImagePoller({
    carcutter: client,
    events,
    intervalMs: 5000,
    maxCallsPerMinute: 60,
    now: () => cc.clock.now(),
  });
  const oneauto = createOneAutoClient({ ...FAST, baseUrl: FAKE_NOTHING, apiKey: "unused" });
  const deps = {
    carcutter: client,
    oneauto: new CachedOneAuto({
      client: oneauto,
      cache: new MemoryCache({ maxEntries: 10 }),
      inFlight: new InFlight({ enabled: false }),
      stockLinkSafetyMarginMs: 0,
      identificationTtlMs: 0,
    }),
    results: new ResultLinks({
      publicUrl: "http://gateway.test",
      secret: "s".repeat(32),
      ttlSeconds: 60,
    }),
    maxUploadBytes: 1024,
    costPolicy: DEFAULT_COST_POLICY,
    limits: DEFAULT_OPERATION_LIMITS,
    ledger,
    events,
    poller,
    clients: ClientGate.open(),
  };
  const yoga = subscriptionYoga(deps, { ledger, events, poller });
  return {
    cc,
    client,
    ledger,
    events,
    poller,
    yoga,
    subscribe(query, variables = {}, signal) {
      const response = Promise.resolve(
        yoga.fetch("http://gateway.test/graphql", {
          method: "POST",
          headers: { "content-type": "application/json", accept: "text/event-stream" },
          body: JSON.stringify({ query, variables }),
          ...(signal ? { signal } : {}),
        }),
      );
      return new SseStream(response);
    },
    async close() {
      await poller.stop();
      await events.close();
      await oneauto.http.close();
      await cc.close();
    },
  };
}

export interface SseEvent {
  event: string;
  data: unknown;
}

/** Server-Sent Events of one response, read one at a time. */
export class SseStream {
  readonly #response: Promise<Response>;
  #reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  #buffer = "";
  readonly #decoder = new TextDecoder();

  constructor(response: Promise<Response>) {
    this.#response = response;
  }

  async status(): Promise<number> {
    return (await this.#response).status;
  }

  /** The next event (keep-alive comments skipped), or undefined once the stream has ended. */
  async next(ms = 3000): Promise<SseEvent | undefined> {
    const deadline = Date.now() + ms;
    for (;;) {
      const end = this.#buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = this.#buffer.slice(0, end);
        this.#buffer = this.#buffer.slice(end + 2);
        const event = parseBlock(block);
        if (event) return event;
        continue;
      }
      const reader = await this.#readerOf();
      const chunk = await Promise.race([
        reader.read(),
        new Promise<"timeout">((resolve) =>
          setTimeout(() => resolve("timeout"), Math.max(0, deadline - Date.now())),
        ),
      ]);
      if (chunk === "timeout") throw new Error(`no event within ${ms} ms`);
      if (chunk.done) return undefined;
      this.#buffer += this.#decoder.decode(chunk.value, { stream: true });
    }
  }

  /** `count` events named "next", their `data` only; fails on any other event. */
  async nexts(count: number): Promise<unknown[]> {
    const items: unknown[] = [];
    while (items.length < count) {
      const event = await this.next();
      if (event?.event !== "next") {
        throw new Error(`expected a next event, got ${JSON.stringify(event)}`);
      }
      items.push(event.data);
    }
    return items;
  }

  async cancel(): Promise<void> {
    await (await this.#readerOf()).cancel();
  }

  async #readerOf(): Promise<ReadableStreamDefaultReader<Uint8Array>> {
    if (!this.#reader) {
      const response = await this.#response;
      if (!response.body) throw new Error("the response has no body");
      this.#reader = response.body.getReader();
    }
    return this.#reader;
  }
}

function parseBlock(block: string): SseEvent | undefined {
  let event = "message";
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
  }
  if (data.length === 0 && event === "message") return undefined;
  const text = data.join("\n");
  return { event, data: text === "" ? null : JSON.parse(text) };
}

/** Submits the URLs to the emulator (60 per call) and records them in the ledger. */
export async function submit(
  client: CarCutterClient,
  ledger: MemoryLedger,
  vehicleId: string,
  urls: readonly string[],
  at = new Date(),
): Promise<void> {
  const { claim } = await ledger.claim(
    urls.map((url) => ({ url, vehicleId, options: { cutType: "complete" } })),
    { at, until: at, force: true },
  );
  for (let i = 0; i < urls.length; i += 60) {
    await client.submitImages({ urls: urls.slice(i, i + 60), vehicleId, cutType: "complete" });
  }
  await ledger.settle(urls, "ACCEPTED", at, claim);
}

/** The client's imageStatuses, with every call's URLs recorded. */
export function recordingStatuses(client: CarCutterClient): {
  carcutter: Pick<CarCutterClient, "imageStatuses">;
  calls: string[][];
} {
  const calls: string[][] = [];
  return {
    calls,
    carcutter: {
      imageStatuses: (urls) => {
        calls.push([...urls]);
        return client.imageStatuses(urls);
      },
    },
  };
}

/** A namespace of its own, so suites sharing one Redis never hear each other. */
export function testNamespace(): string {
  return `forecourt-test-${randomUUID()}`;
}

export function status(image: string, fields: Partial<ImageStatusDto> = {}): ImageStatusDto {
  return { image, status: "processing", phase: "downloading", quality: null, angle: [], ...fields };
}

/** Reads `count` items (or fewer if the iterator ends), failing after `ms`. */
export async function take<T>(iterator: AsyncIterator<T>, count: number, ms = 2000): Promise<T[]> {
  const items: T[] = [];
  const deadline = Date.now() + ms;
  while (items.length < count) {
    const left = deadline - Date.now();
    const next = await Promise.race([
      iterator.next(),
      new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), Math.max(0, left))),
    ]);
    if (next === "timeout") throw new Error(`timed out after ${items.length} of ${count} items`);
    if (next.done) break;
    items.push(next.value);
  }
  return items;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it holds, failing after `ms`. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  ms = 2000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await sleep(10);
  }
}
