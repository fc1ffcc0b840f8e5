import { createHash, randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { rateLimitedReporter } from "../error-reports.js";
import { messageOf } from "../errors.js";
import { closeRedis, connectRedis, EventsRedisError } from "../redis.js";

/**
 * Who may poll an image now. With several instances sharing Redis, each URL's lock is taken by one
 * of them per poll interval, so an image watched on every instance costs one status read per
 * interval, not one per instance.
 */
export interface PollLock {
  /**
   * Of these URLs, the ones this instance may poll now; it then holds their locks for `ttlMs`.
   * Never rejects: when the lock cannot be asked, every URL is granted (polling twice beats not
   * polling at all).
   */
  acquire(urls: readonly string[], ttlMs: number): Promise<string[]>;
  close(): Promise<void>;
}

/** One instance: nobody to share with, every URL granted. */
export const inProcessPollLock: PollLock = {
  acquire: async (urls) => [...urls],
  close: async () => {},
};

export interface RedisPollLockOptions {
  url: string;
  /** Keys are `<namespace>:poll:<sha1(url)>`. */
  namespace?: string;
  /** This instance's id, the value of the keys it holds; random by default. */
  instanceId?: string;
  /** Told about failures, at most once per 30 s. */
  onError?: (error: Error) => void;
  /** Longest the lock may take to answer before every URL is granted. */
  commandTimeoutMs?: number;
}

/**
 * `SET <namespace>:poll:<sha1(url)> <instance id> NX PX <ttl>` per URL, in one pipeline per call.
 *
 * Wiring (src/server.ts): `const lock = config.cache.redisUrl ? createRedisPollLock({ url:
 * config.cache.redisUrl, namespace: config.cache.namespace, onError }) : inProcessPollLock;` pass
 * it to the ImagePoller and `await lock.close()` after `poller.stop()`.
 */
export function createRedisPollLock(options: RedisPollLockOptions): PollLock {
  return new RedisPollLock(options);
}

class RedisPollLock implements PollLock {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #id: string;
  readonly #report: (error: Error) => void;
  #closed = false;

  constructor(options: RedisPollLockOptions) {
    this.#prefix = `${options.namespace ?? "forecourt"}:poll:`;
    this.#id = options.instanceId ?? randomUUID();
    const report = rateLimitedReporter(options.onError);
    this.#report = (error) => {
      if (!this.#closed) report(error);
    };
    this.#redis = connectRedis(options.url, "poll lock", this.#report, {
      // Commands before the first connection wait for it; during an outage they fail after one
      // reconnect attempt or the timeout, and every URL is granted.
      maxRetriesPerRequest: 1,
      commandTimeout: options.commandTimeoutMs ?? 1000,
    });
  }

  async acquire(urls: readonly string[], ttlMs: number): Promise<string[]> {
    if (urls.length === 0) return [];
    if (this.#closed) return [...urls];
    const px = Math.max(1, Math.ceil(ttlMs));
    const pipeline = this.#redis.pipeline();
    for (const url of urls) pipeline.set(this.#key(url), this.#id, "PX", px, "NX");
    try {
      const replies = await pipeline.exec();
      if (replies === null) throw new Error("the pipeline was discarded");
      return urls.filter((_, i) => {
        const [error, reply] = replies[i] ?? [new Error("no reply"), null];
        if (error) throw error;
        return reply === "OK";
      });
    } catch (error) {
      this.#report(
        new EventsRedisError(
          `poll lock unavailable; polling every URL: ${messageOf(error)}`,
          error,
        ),
      );
      return [...urls];
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await closeRedis(this.#redis);
  }

  #key(url: string): string {
    return this.#prefix + createHash("sha1").update(url).digest("hex");
  }
}
