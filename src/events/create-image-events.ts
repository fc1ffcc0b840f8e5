import { randomUUID } from "node:crypto";
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { createPubSub, type PubSub, type PubSubEvent, type PubSubEventTarget } from "graphql-yoga";
import { z } from "zod";
import { type ErrorReporter, rateLimitedReporter } from "../error-reports.js";
import { closeRedis, connectRedis, EventsRedisError, withObservedCommands } from "../redis.js";
import { type ImageStatusDto, imageStatusDto } from "../upstreams/carcutter/dto.js";
import type { ImageEvent, ImageEvents, ImageSubmission } from "./image-events.js";

/**
 * The events hub of one process. Every event is delivered in-process first, so this instance's
 * subscribers never depend on Redis; with a Redis URL it is also relayed on one channel
 * (`<namespace>:image-updated`, graphql-yoga's Redis event target over two ioredis connections)
 * to every other instance, which hands it to its own subscribers. A Redis outage only cuts the
 * relay: it is reported through `onError` (rate-limited) and never thrown.
 *
 * Wiring (src/server.ts, createRuntime):
 * ```ts
 * const events = createImageEvents({
 *   redisUrl: config.cache.redisUrl,
 *   namespace: config.cache.namespace,
 *   onError: (err) => logger?.warn({ err: err.message }, "image events: Redis relay unavailable"),
 * });
 * // … pass `events` to createGateway (GatewayDeps.events) and to the poller; on close:
 * await events.close();
 * ```
 */

export const IMAGE_UPDATED_TOPIC = "image-updated";

export interface CreateImageEventsOptions {
  /** `redis://` or `rediss://`; absent: events stay in this process. */
  redisUrl?: string | undefined;
  /** The Redis channel is `<namespace>:image-updated`; tests pass one of their own. */
  namespace?: string;
  /** Told about Redis failures, at most once per 30 s. */
  onError?: (error: Error) => void;
}

export function createImageEvents(options: CreateImageEventsOptions = {}): ImageEventBus {
  return new ImageEventBus(options);
}

type LocalTopics = { [IMAGE_UPDATED_TOPIC]: [ImageEvent] };
type RelayTopics = Record<string, [RelayMessage]>;

/**
 * What travels between instances: the status, the submission it announces if any, and who sent
 * it (an instance skips its own). An instance that predates `submission` still reads the status.
 */
const relayMessage = z.object({
  origin: z.string(),
  status: imageStatusDto,
  submission: z.object({ vehicleId: z.string(), submittedAt: z.string() }).optional(),
});
type RelayMessage = z.infer<typeof relayMessage>;

export class ImageEventBus implements ImageEvents {
  readonly #target: PubSubEventTarget<LocalTopics> = new EventTarget();
  readonly #local: PubSub<LocalTopics>;
  readonly #relay: Relay | undefined;
  readonly #streams = new Set<StatusStream>();
  #closed = false;

  constructor(options: CreateImageEventsOptions) {
    this.#local = createPubSub<LocalTopics>({ eventTarget: this.#target });
    if (options.redisUrl !== undefined) {
      const report = rateLimitedReporter(options.onError);
      this.#relay = new Relay({
        url: options.redisUrl,
        channel: `${options.namespace ?? "forecourt"}:${IMAGE_UPDATED_TOPIC}`,
        deliver: (event) => this.#local.publish(IMAGE_UPDATED_TOPIC, event),
        report: (error) => {
          if (!this.#closed) report(error);
        },
      });
    }
  }

  /** Subscriptions currently listening on this instance. */
  get subscriptionCount(): number {
    return this.#streams.size;
  }

  async publish(status: ImageStatusDto): Promise<void> {
    this.#send(status);
  }

  async announceSubmission(status: ImageStatusDto, submission: ImageSubmission): Promise<void> {
    this.#send({ ...status, submission });
  }

  #send(event: ImageEvent): void {
    if (this.#closed) return;
    this.#local.publish(IMAGE_UPDATED_TOPIC, event);
    this.#relay?.publish(event);
  }

  subscribe(
    urls: ReadonlySet<string>,
    signal: AbortSignal,
    vehicleId?: string,
  ): AsyncIterableIterator<ImageEvent> {
    // Its own copy: a vehicle's subscriber follows the photos submitted for it from now on.
    const followed = new Set(urls);
    const listener = ({ detail }: PubSubEvent<LocalTopics, typeof IMAGE_UPDATED_TOPIC>) => {
      if (vehicleId !== undefined && detail.submission?.vehicleId === vehicleId) {
        followed.add(detail.image);
      }
      if (followed.has(detail.image)) stream.offer(detail);
    };
    const stream = new StatusStream(signal, () => {
      this.#target.removeEventListener(IMAGE_UPDATED_TOPIC, listener);
      this.#streams.delete(stream);
    });
    if (this.#closed || stream.ended) {
      stream.end();
      return stream;
    }
    this.#target.addEventListener(IMAGE_UPDATED_TOPIC, listener);
    this.#streams.add(stream);
    return stream;
  }

  /** Ends every subscription and closes the Redis connections. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const stream of [...this.#streams]) stream.end();
    await this.#relay?.close();
  }
}

/**
 * One subscriber's queue: the latest status per URL, in the order URLs first changed. It never
 * throws into the publisher and never grows beyond one entry per URL. A newer status replacing
 * a queued announcement keeps its `submission`, so the subscriber still learns of it.
 */
class StatusStream implements AsyncIterableIterator<ImageEvent> {
  readonly #pending = new Map<string, ImageEvent>();
  readonly #waiting: ((result: IteratorResult<ImageEvent, undefined>) => void)[] = [];
  readonly #signal: AbortSignal;
  readonly #onAbort = () => this.end();
  readonly #detach: () => void;
  #ended = false;
  #detached = false;

  constructor(signal: AbortSignal, detach: () => void) {
    this.#signal = signal;
    this.#detach = detach;
    if (signal.aborted) this.#ended = true;
    else signal.addEventListener("abort", this.#onAbort, { once: true });
  }

  get ended(): boolean {
    return this.#ended;
  }

  offer(event: ImageEvent): void {
    if (this.#ended) return;
    const waiter = this.#waiting.shift();
    if (waiter) {
      waiter({ value: event, done: false });
      return;
    }
    // A URL already queued keeps its place and takes the newer status.
    const queued = this.#pending.get(event.image)?.submission;
    this.#pending.set(
      event.image,
      queued && !event.submission ? { ...event, submission: queued } : event,
    );
  }

  next(): Promise<IteratorResult<ImageEvent, undefined>> {
    const first = this.#pending.entries().next();
    if (!first.done) {
      const [url, status] = first.value;
      this.#pending.delete(url);
      return Promise.resolve({ value: status, done: false });
    }
    if (this.#ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  async return(): Promise<IteratorResult<ImageEvent, undefined>> {
    this.end();
    return { value: undefined, done: true };
  }

  /** Stops listening; pending and future `next()` calls finish. Safe to call more than once. */
  end(): void {
    this.#ended = true;
    this.#pending.clear();
    for (const waiter of this.#waiting.splice(0)) waiter({ value: undefined, done: true });
    if (this.#detached) return;
    this.#detached = true;
    this.#signal.removeEventListener("abort", this.#onAbort);
    this.#detach();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ImageEvent> {
    return this;
  }
}

interface RelayOptions {
  url: string;
  channel: string;
  deliver: (event: ImageEvent) => void;
  report: ErrorReporter;
}

/** The cross-instance leg: PUBLISH on one connection, SUBSCRIBE on another. */
class Relay {
  readonly #origin = randomUUID();
  readonly #channel: string;
  readonly #publisher: ReturnType<typeof connectRedis>;
  readonly #subscriber: ReturnType<typeof connectRedis>;
  readonly #remote: PubSub<RelayTopics>;

  constructor(options: RelayOptions) {
    const { url, channel, report } = options;
    this.#channel = channel;
    // A publish during an outage fails after one reconnect attempt instead of piling up.
    this.#publisher = connectRedis(url, "events publish", report, {
      maxRetriesPerRequest: 1,
      commandTimeout: 1000,
    });
    // SUBSCRIBE waits for the connection however long it takes; ioredis resubscribes on reconnect.
    this.#subscriber = connectRedis(url, "events subscribe", report, {
      maxRetriesPerRequest: null,
    });
    const target = createRedisEventTarget<PubSubEvent<RelayTopics, string>>({
      publishClient: withObservedCommands(this.#publisher, ["publish"], report, "events publish"),
      subscribeClient: withObservedCommands(
        this.#subscriber,
        ["subscribe", "unsubscribe"],
        report,
        "events subscribe",
      ),
      // Whatever else writes to the channel must not throw inside ioredis's message handler.
      serializer: { stringify: JSON.stringify, parse: parseJsonOrUndefined },
    });
    this.#remote = createPubSub<RelayTopics>({ eventTarget: target });
    target.addEventListener(channel, (event) => {
      const message = relayMessage.safeParse(event.detail);
      if (!message.success) {
        report(new EventsRedisError(`unreadable message on ${channel}`, message.error));
        return;
      }
      const { origin, status, submission } = message.data;
      if (origin !== this.#origin) options.deliver(submission ? { ...status, submission } : status);
    });
  }

  publish({ submission, ...status }: ImageEvent): void {
    this.#remote.publish(this.#channel, {
      origin: this.#origin,
      status,
      ...(submission ? { submission } : {}),
    });
  }

  async close(): Promise<void> {
    await Promise.all([closeRedis(this.#publisher), closeRedis(this.#subscriber)]);
  }
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
