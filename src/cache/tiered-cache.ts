import type { Cache } from "./cache.js";
import type { MemoryCache } from "./memory-cache.js";
import type { RedisCache } from "./redis-cache.js";

export interface TieredCacheOptions {
  /** This instance's own copies: bounded by entries and bytes. */
  near: MemoryCache;
  /** The cache every instance shares. */
  shared: RedisCache;
}

/**
 * Redis behind an in-process cache. Each instance keeps what it stored and what it read from
 * Redis, for no longer than Redis keeps it (the remaining TTL Redis reports, which is the link's
 * usable life or the identification TTL the entry was stored with), so a Redis outage costs at
 * most one upstream call per key per instance instead of one per read, and a value never outlives
 * what its writer allowed. Entries are never changed or deleted once written (a key's value is an
 * answer of the upstream, not state), so reading the near copy first cannot return anything the
 * shared cache would not.
 */
export class TieredCache implements Cache {
  readonly kind = "redis" as const;
  readonly #near: MemoryCache;
  readonly #shared: RedisCache;

  constructor(options: TieredCacheOptions) {
    this.#near = options.near;
    this.#shared = options.shared;
  }

  async get<T>(key: string): Promise<T | undefined> {
    const near = await this.#near.get<T>(key);
    if (near !== undefined) return near;
    const shared = await this.#shared.getWithTtl<T>(key);
    if (shared === undefined) return undefined;
    // Without a TTL in Redis there is no life to stay within: not kept here.
    if (shared.ttlMs !== undefined) await this.#near.set(key, shared.value, shared.ttlMs);
    return shared.value;
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    await this.#near.set(key, value, ttlMs);
    await this.#shared.set(key, value, ttlMs);
  }

  async close(): Promise<void> {
    await Promise.all([this.#near.close(), this.#shared.close()]);
  }
}
