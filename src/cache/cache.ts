import { toError } from "../errors.js";

/**
 * A small key-value cache for upstream answers that are worth keeping across requests (stock links,
 * identification results): an in-process LRU (MemoryCache), alone or in front of Redis
 * (RedisCache, shared by every gateway instance) as a TieredCache. None ever throws: a cache that
 * cannot answer is a miss, and a write it cannot make is dropped.
 */
export interface Cache {
  readonly kind: "memory" | "redis";
  /** The value stored under `key`, or undefined (missing, expired, unreadable, or cache down). */
  get<T>(key: string): Promise<T | undefined>;
  /** Stores a JSON-serialisable `value` for `ttlMs`; a ttlMs ≤ 0 (or not finite) stores nothing. */
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Bumped whenever what is stored under a key changes shape, so that instances running a new format
 * never read entries written in an old one (they simply miss and refill).
 */
export const CACHE_FORMAT_VERSION = 1;

export const DEFAULT_CACHE_NAMESPACE = "forecourt";

/** `forecourt:v1:`: what every key of a cache starts with. */
export function cacheKeyPrefix(namespace: string = DEFAULT_CACHE_NAMESPACE): string {
  return `${namespace}:v${CACHE_FORMAT_VERSION}:`;
}

/** True when `ttlMs` asks for something to be stored. */
export function isStorableTtl(ttlMs: number): boolean {
  return Number.isFinite(ttlMs) && ttlMs > 0;
}

/** The JSON text of `value`, or undefined when it has none (undefined, a function, a BigInt, a cycle). */
export function toJson(value: unknown): string | undefined {
  try {
    const json: unknown = JSON.stringify(value);
    return typeof json === "string" ? json : undefined;
  } catch {
    return undefined;
  }
}

/** The value of a JSON text, or undefined when it is not JSON. */
export function fromJson(text: string): { ok: true; value: unknown } | { ok: false; error: Error } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: toError(error) };
  }
}
