import type { Redis } from "ioredis";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import type { ErrorReporter } from "../error-reports.js";
import { rateLimiters } from "../optional-dependencies.js";
import { closeRedis, connectRedis } from "../redis.js";

/**
 * Counters of "at most N per window" (rate-limiter-flexible): a client's requests per minute, the
 * calls per second towards an upstream. In-process by default; on Redis when REDIS_URL is set, so
 * one limit holds across every instance (each take is one atomic Redis script). Should Redis fail,
 * each instance counts on its own meanwhile (the library's insurance limiter) rather than letting
 * everything through or refusing everyone.
 */

export type Taken = { ok: true } | { ok: false; retryAfterMs: number };

export interface WindowLimiter {
  /** One point of `key`'s window of `windowSeconds`, which holds at most `points`. */
  take(key: string, points: number, windowSeconds: number): Promise<Taken>;
  close(): Promise<void>;
}

export interface WindowLimiterOptions {
  /** Undefined: in-process. */
  redisUrl: string | undefined;
  /** Prefixes every Redis key (CACHE_NAMESPACE), as the caches and events do. */
  namespace: string;
  onError: ErrorReporter;
}

export function createWindowLimiter(options: WindowLimiterOptions): WindowLimiter {
  const redis: Redis | undefined = options.redisUrl
    ? connectRedis(options.redisUrl, "rate limits", options.onError, {
        // A command during an outage fails at once; the insurance limiter answers instead.
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
      })
    : undefined;
  const RateLimiterMemory = rateLimiters.memory();
  const RateLimiterRedis = redis ? rateLimiters.redis() : undefined;
  const RateLimiterRes = rateLimiters.refusal();
  const limiters = new Map<string, RateLimiterAbstract>();
  const limiterFor = (points: number, windowSeconds: number) => {
    const id = `${points}/${windowSeconds}`;
    let limiter = limiters.get(id);
    if (!limiter) {
      const shape = { points, duration: windowSeconds, keyPrefix: `${options.namespace}:rl:${id}` };
      const memory = new RateLimiterMemory(shape);
      limiter =
        redis && RateLimiterRedis
          ? new RateLimiterRedis({ ...shape, storeClient: redis, insuranceLimiter: memory })
          : memory;
      limiters.set(id, limiter);
    }
    return limiter;
  };
  return {
    async take(key, points, windowSeconds) {
      try {
        await limiterFor(points, windowSeconds).consume(key, 1);
        return { ok: true };
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes) {
          return { ok: false, retryAfterMs: Math.max(1, refusal.msBeforeNext) };
        }
        // Not a refusal (the insurance limiter failed too): counting is broken, not the caller.
        options.onError(refusal instanceof Error ? refusal : new Error(String(refusal)));
        return { ok: true };
      }
    },
    async close() {
      if (redis) await closeRedis(redis);
    },
  };
}
