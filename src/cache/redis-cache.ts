import type { Redis } from "ioredis";
import { rateLimitedReporter } from "../error-reports.js";
import { messageOf } from "../errors.js";
import { ioredis } from "../optional-dependencies.js";
import { type Cache, cacheKeyPrefix, fromJson, isStorableTtl, toJson } from "./cache.js";

export interface RedisCacheOptions {
  /** `redis://` or `rediss://`; never written to an error or a log line. */
  url: string;
  /** Keys are `<namespace>:v<format>:<key>`; tests pass a namespace of their own. */
  namespace?: string;
  /** Told about failures (connection lost, timeouts, unreadable values), at most once an interval. */
  onError?: (error: Error) => void;
  /** Least time between two reports to `onError`. */
  errorReportIntervalMs?: number;
  /** Longest a command may take before it counts as a miss (or a dropped write). */
  commandTimeoutMs?: number;
  /** Longest a TCP connect may take before it is retried in the background. */
  connectTimeoutMs?: number;
  /**
   * After a command fails (a timeout, a dropped connection), how long the cache stays out of the
   * way before one command tries again: a stalled Redis then costs one timeout per cooldown, not
   * one per read.
   */
  failureCooldownMs?: number;
  /** Epoch milliseconds, for the report rate limit and the failure cooldown. */
  now?: () => number;
}

export const REDIS_CACHE_DEFAULTS = {
  errorReportIntervalMs: 30_000,
  commandTimeoutMs: 250,
  connectTimeoutMs: 1000,
  failureCooldownMs: 1000,
} as const;

/** Longest wait between two reconnect attempts while Redis is away. */
const MAX_RECONNECT_DELAY_MS = 5000;

/** A cache operation that failed; `cause` holds what Redis or the connection said. */
export class CacheError extends Error {
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.name = "CacheError";
  }
}

/**
 * The shared cache: `SET key json PX ttl` and `GET key`. An outage degrades it to "no cache",
 * never to errors or long waits: no offline queue (a command while disconnected is skipped at
 * once), a short command timeout, a cooldown after a failed command, reconnects in the
 * background, and every failure is a miss or a dropped write, reported through `onError`
 * (rate-limited) and never thrown.
 */
export class RedisCache implements Cache {
  readonly kind = "redis" as const;
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #commandTimeoutMs: number;
  readonly #report: (error: Error) => void;
  readonly #now: () => number;
  readonly #failureCooldownMs: number;
  /** Commands are skipped until then, after a failure. */
  #coolingUntil = Number.NEGATIVE_INFINITY;
  /** Pending while the first connection attempt runs; commands wait for it, briefly. */
  #firstAttempt: Promise<void> | undefined;
  #closed = false;

  constructor(options: RedisCacheOptions) {
    this.#prefix = cacheKeyPrefix(options.namespace);
    this.#commandTimeoutMs = options.commandTimeoutMs ?? REDIS_CACHE_DEFAULTS.commandTimeoutMs;
    this.#failureCooldownMs = options.failureCooldownMs ?? REDIS_CACHE_DEFAULTS.failureCooldownMs;
    this.#now = options.now ?? Date.now;
    this.#report = rateLimitedReporter(
      options.onError,
      options.errorReportIntervalMs ?? REDIS_CACHE_DEFAULTS.errorReportIntervalMs,
      this.#now,
    );
    this.#redis = new (ioredis().Redis)(options.url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      commandTimeout: this.#commandTimeoutMs,
      connectTimeout: options.connectTimeoutMs ?? REDIS_CACHE_DEFAULTS.connectTimeoutMs,
      maxRetriesPerRequest: 1,
      // Keep trying forever, backing off; the cache is simply off meanwhile.
      retryStrategy: (attempt) => Math.min(100 * 2 ** Math.min(attempt, 6), MAX_RECONNECT_DELAY_MS),
    });
    // Without a listener ioredis prints every connection error to stderr itself.
    this.#redis.on("error", (error: Error) =>
      this.#report(new CacheError(`Redis cache connection failed: ${error.message}`, error)),
    );
    this.#firstAttempt = this.#redis.connect().then(
      () => undefined,
      () => undefined,
    );
    void this.#firstAttempt.then(() => {
      this.#firstAttempt = undefined;
    });
  }

  /** `connecting`, `ready`, `reconnecting`, `end`…: ioredis's view of the connection. */
  get status(): string {
    return this.#redis.status;
  }

  async get<T>(key: string): Promise<T | undefined> {
    return (await this.getWithTtl<T>(key))?.value;
  }

  /**
   * The value under `key` and how long Redis still keeps it (GET and PTTL in one round trip), so
   * a copy kept elsewhere can expire with it; `ttlMs` is undefined when Redis keeps it forever.
   */
  async getWithTtl<T>(key: string): Promise<{ value: T; ttlMs: number | undefined } | undefined> {
    if (!(await this.#usable())) return undefined;
    let text: unknown;
    let pttl: unknown;
    try {
      const replies = await this.#redis
        .pipeline()
        .get(this.#prefix + key)
        .pttl(this.#prefix + key)
        .exec();
      const [[getError, got] = [], [ttlError, ttl] = []] = replies ?? [];
      if (!replies) throw new Error("the pipeline was discarded");
      if (getError || ttlError) throw getError ?? ttlError;
      text = got;
      pttl = ttl;
    } catch (error) {
      this.#failed(new CacheError(`Redis cache read failed: ${messageOf(error)}`, error));
      return undefined;
    }
    // -2: gone between the two commands.
    if (typeof text !== "string" || pttl === -2) return undefined;
    const parsed = fromJson(text);
    if (!parsed.ok) {
      this.#report(new CacheError("Redis cache held a value that is not JSON", parsed.error));
      return undefined;
    }
    const ttlMs = typeof pttl === "number" && pttl >= 0 ? pttl : undefined;
    return { value: parsed.value as T, ttlMs };
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    if (!isStorableTtl(ttlMs)) return;
    const json = toJson(value);
    if (json === undefined) return;
    if (!(await this.#usable())) return;
    try {
      await this.#redis.set(this.#prefix + key, json, "PX", Math.ceil(ttlMs));
    } catch (error) {
      this.#failed(new CacheError(`Redis cache write failed: ${messageOf(error)}`, error));
    }
  }

  /** Quits politely when connected (bounded by the command timeout), then drops the connection. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#redis.status === "ready") {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        this.#redis.quit().catch(() => undefined),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, this.#commandTimeoutMs);
        }),
      ]);
      clearTimeout(timer);
    }
    this.#redis.disconnect();
  }

  /**
   * Whether a command may be sent now. Only the very first connection attempt is waited for (at
   * most one command timeout), so that a freshly started instance does not miss for nothing;
   * while Redis is away, commands are skipped at once.
   */
  async #usable(): Promise<boolean> {
    if (this.#closed) return false;
    if (this.#now() < this.#coolingUntil) return false;
    if (this.#ready()) return true;
    const first = this.#firstAttempt;
    if (first === undefined) return false;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      first,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, this.#commandTimeoutMs);
      }),
    ]);
    clearTimeout(timer);
    return !this.#closed && this.#ready();
  }

  #failed(error: CacheError): void {
    this.#coolingUntil = this.#now() + this.#failureCooldownMs;
    this.#report(error);
  }

  /** A method, not an inline comparison: the status changes across the awaits above. */
  #ready(): boolean {
    return this.#redis.status === "ready";
  }
}
