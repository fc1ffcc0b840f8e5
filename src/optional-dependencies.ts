import { createRequire } from "node:module";

/**
 * Libraries only some configurations use, loaded on first use instead of at start, so that a
 * gateway without Redis, or not writing to a terminal, does not carry them: each is several MB of
 * resident memory (README, Memory). All are CommonJS, which `require` loads synchronously where a
 * constructor needs them. Their types are imported as types only, which loads nothing.
 */
const load = createRequire(import.meta.url);

/** Redis connections: the cache, events, poll lock and rate limits on REDIS_URL. */
export const ioredis = (): typeof import("ioredis") => load("ioredis");

/** Pretty log lines at a terminal, outside production. */
export const pinoPretty = (): typeof import("pino-pretty") => load("pino-pretty");

type RateLimiters = typeof import("rate-limiter-flexible");

/**
 * rate-limiter-flexible's limiters one by one: its index loads every store it supports (Mongo,
 * MySQL, Postgres, Memcache…), where this gateway uses two. The refusal class is the one the
 * limiters throw (one module, one class).
 */
export const rateLimiters = {
  memory: (): RateLimiters["RateLimiterMemory"] =>
    load("rate-limiter-flexible/lib/RateLimiterMemory.js"),
  redis: (): RateLimiters["RateLimiterRedis"] =>
    load("rate-limiter-flexible/lib/RateLimiterRedis.js"),
  refusal: (): RateLimiters["RateLimiterRes"] =>
    load("rate-limiter-flexible/lib/RateLimiterRes.js"),
};
