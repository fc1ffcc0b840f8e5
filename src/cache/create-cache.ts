import type { Config } from "../config.js";
import type { Cache } from "./cache.js";
import { MemoryCache } from "./memory-cache.js";
import { RedisCache } from "./redis-cache.js";
import { TieredCache } from "./tiered-cache.js";

export interface CreateCacheOptions {
  /** Redis failures, rate-limited (see RedisCache); the in-process cache has none. */
  onError?: (error: Error) => void;
  namespace?: string;
  now?: () => number;
}

/**
 * An in-process LRU; with `redisUrl`, Redis (shared by every instance) behind it, so that an
 * outage of Redis costs each instance at most one upstream call per key (see TieredCache).
 */
export function createCache(
  config: Pick<Config["cache"], "redisUrl" | "maxEntries"> &
    Partial<Pick<Config["cache"], "maxBytes">>,
  options: CreateCacheOptions = {},
): Cache {
  const { onError, namespace, now } = options;
  const common = {
    namespace,
    now,
  };
  const near = new MemoryCache({
    maxEntries: config.maxEntries,
    ...(config.maxBytes === undefined ? {} : { maxBytes: config.maxBytes }),
    ...common,
  });
  if (config.redisUrl === undefined) return near;
  return new TieredCache({
    near,
    shared: new RedisCache({ url: config.redisUrl, ...common, onError }),
  });
}
