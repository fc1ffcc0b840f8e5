import { LRUCache } from "lru-cache";
import { type Cache, cacheKeyPrefix, fromJson, isStorableTtl, toJson } from "./cache.js";

export interface MemoryCacheOptions {
  /** Most entries kept; the least recently used one goes first. */
  maxEntries: number;
  /**
   * Most bytes kept (UTF-8 JSON of keys and values, plus a fixed overhead per entry); the least
   * recently used entries go first, and a value larger than this alone is not kept. Default 32 MiB.
   */
  maxBytes?: number;
  /** Epoch milliseconds; tests pass a fake clock to expire entries without waiting. */
  now?: () => number;
  namespace?: string;
}

interface Entry {
  json: string;
  expiresAt: number;
}

/** What an entry costs beyond its key and JSON: the entry object and the LRU's bookkeeping. */
const ENTRY_OVERHEAD_BYTES = 64;

export const DEFAULT_MEMORY_CACHE_BYTES = 32 * 1024 * 1024;

/**
 * The in-process cache: an LRU bounded by entry count and by bytes. Values are kept as JSON text, so a caller
 * that mutates what it got can never change what the next caller gets, and the memory cache
 * accepts exactly what Redis accepts. Expiry is checked against `now` on every read (not with
 * lru-cache's own timers), so a fake clock expires entries deterministically.
 */
export class MemoryCache implements Cache {
  readonly kind = "memory" as const;
  readonly #entries: LRUCache<string, Entry>;
  readonly #now: () => number;
  readonly #prefix: string;

  constructor(options: MemoryCacheOptions) {
    this.#entries = new LRUCache<string, Entry>({
      max: Math.max(1, options.maxEntries),
      maxSize: Math.max(1, options.maxBytes ?? DEFAULT_MEMORY_CACHE_BYTES),
      sizeCalculation: (entry, key) =>
        Buffer.byteLength(key) + Buffer.byteLength(entry.json) + ENTRY_OVERHEAD_BYTES,
    });
    this.#now = options.now ?? Date.now;
    this.#prefix = cacheKeyPrefix(options.namespace);
  }

  /** Entries held, expired ones not yet evicted included. */
  get size(): number {
    return this.#entries.size;
  }

  /** Bytes held, as counted against `maxBytes`. */
  get bytes(): number {
    return this.#entries.calculatedSize;
  }

  async get<T>(key: string): Promise<T | undefined> {
    const fullKey = this.#prefix + key;
    const entry = this.#entries.get(fullKey);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(fullKey);
      return undefined;
    }
    const parsed = fromJson(entry.json);
    return parsed.ok ? (parsed.value as T) : undefined;
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    if (!isStorableTtl(ttlMs)) return;
    const json = toJson(value);
    if (json === undefined) return;
    // Too large to keep: lru-cache drops it (and whatever the key held before).
    this.#entries.set(this.#prefix + key, { json, expiresAt: this.#now() + ttlMs });
  }

  async close(): Promise<void> {
    this.#entries.clear();
  }
}
