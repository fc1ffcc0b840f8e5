import type { Config } from "../config.js";
import type { Cache } from "./cache.js";
import { MemoryCache } from "./memory-cache.js";
import { RedisCache } from "./redis-cache.js";

export interface CreateCacheOptions {
  /** Redis failures, rate-limited (see RedisCache); the in-process cache has none. */
  onError?: (error: Error) => void;
  namespace?: string;
  now?: () => number;
}

/** Redis when `redisUrl` is set (shared by every instance), otherwise an in-process LRU. */
export function createCache(
  config: Pick<Config["cache"], "redisUrl" | "maxEntries">,
  options: CreateCacheOptions = {},
): Cache {
  const { onError, namespace, now } = options;
  const common = {
    namespace,
    now,
  };
  if (config.redisUrl !== undefined) {
    return new RedisCache({
      url: config.redisUrl,
      ...common,
      onError,
    });
  }
  return new MemoryCache({ maxEntries: config.maxEntries, ...common });
}
