import { z } from "zod";
import { inSpan } from "../observability/tracing.js";
import type { CallScope } from "../upstreams/http.js";
import type { InFlight } from "../upstreams/in-flight.js";
import type {
  ImageLinkQuery,
  OneAutoReads,
  StockSearchQuery,
} from "../upstreams/oneauto/client.js";
import {
  LINK_LIFETIME_SECONDS,
  ONEAUTO,
  type StockVehicleDto,
  signedLinkExpiry,
  stockVehicleDto,
} from "../upstreams/oneauto/dto.js";
import type { Cache } from "./cache.js";

export interface CachedOneAutoOptions {
  /** OneAutoClient: each call is made in a scope of the request that starts it. */
  client: { forRequest(scope: CallScope): OneAutoReads };
  cache: Cache;
  /**
   * The process's work in flight (src/upstreams/in-flight.ts), the one the client's UpstreamHttp
   * shares through: concurrent identical reads share one cache lookup and one call.
   */
  inFlight: InFlight;
  /** A link is kept until this long before the expiry written in it, and never when it has less. */
  stockLinkSafetyMarginMs: number;
  /** How long VIN, registration and search results (and unknown image ids) are kept; 0: not at all. */
  identificationTtlMs: number;
  /** Epoch milliseconds; the clock signed links are compared with. */
  now?: () => number;
  /** Called with the upstream operation (e.g. "GET /vehicleimagery/imagefromid") a read did not need. */
  onCacheHit?: (operation: string) => void;
  /** Told of every cache lookup: the entry's kind (its key's first two parts) and whether it hit. */
  onCacheLookup?: (kind: string, hit: boolean) => void;
}

/** One request's view: its signal and observer for the calls it makes, and its hit listener. */
export interface CachedOneAutoView extends CallScope {
  onCacheHit?: (operation: string) => void;
}

const LINK_LIFETIME_MS = LINK_LIFETIME_SECONDS * 1000;

const vehiclesEntry = z.array(stockVehicleDto);

/** A cached answer of imagefromid: the link (null for an unknown image id) and when to stop using it. */
const linkEntry = z.object({ link: z.string().nullable(), usableUntil: z.number().nullable() });
type LinkEntry = z.infer<typeof linkEntry>;

interface ReadSpec<E> {
  key: string;
  operation: string;
  /** Whether the cache is consulted and filled at all. */
  cacheable: boolean;
  /** A cached value as an entry, or undefined when it is not one (or no longer usable). */
  accept: (cached: unknown) => E | undefined;
  fetch: (client: OneAutoReads) => Promise<E>;
  /** How long a fetched entry may be kept; ≤ 0 keeps it out of the cache. */
  ttlMs: (entry: E) => number;
}

/**
 * OneAuto reads through a Cache. Identification results (VIN, registration, search; empty ones
 * too) are kept for `identificationTtlMs`; image links until `margin` before the expiry signed into
 * them (7 days from fetching when a link does not say). Failures are never kept. The cache
 * never fails a read: when it cannot answer, OneAuto is asked.
 *
 * Concurrent identical reads share one flight, by InFlight's rule (src/upstreams/in-flight.ts):
 * the cache lookup, the call on a miss and the cache fill, in one. The call it makes is marked
 * `sharedByCaller`, so UpstreamHttp does not share it again: one flight per miss, here rather than
 * beneath, because here it also saves the lookups and fills of the callers that join.
 *
 * Build one per process and give each request its own view with `forRequest`, so that hits and
 * calls are counted per request while reads are still shared.
 */
export class CachedOneAuto implements OneAutoReads {
  readonly #options: CachedOneAutoOptions;
  readonly #now: () => number;
  #scope: CallScope = {};

  constructor(options: CachedOneAutoOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /**
   * A view for one request: the same cache and in-flight calls, its hits reported to its own
   * `onCacheHit`, and the calls it starts made with its signal and observer (the request's cost
   * meter). A request that joins a call another request started counts a hit; the call itself is
   * counted by the request that made it, and runs until every request waiting on it has left.
   */
  forRequest({ onCacheHit, ...scope }: CachedOneAutoView): CachedOneAuto {
    const view = new CachedOneAuto({ ...this.#options, ...(onCacheHit ? { onCacheHit } : {}) });
    view.#scope = scope;
    return view;
  }

  search(q: StockSearchQuery): Promise<StockVehicleDto[]> {
    return this.#identification(searchKey(q), ONEAUTO.search.name, (c) => c.search(q));
  }

  searchByVin(vin: string): Promise<StockVehicleDto[]> {
    return this.#identification(vinKey(vin), ONEAUTO.searchByVin.name, (c) => c.searchByVin(vin));
  }

  searchByRegistration(vrm: string): Promise<StockVehicleDto[]> {
    const operation = ONEAUTO.searchByRegistration.name;
    return this.#identification(registrationKey(vrm), operation, (c) =>
      c.searchByRegistration(vrm),
    );
  }

  async imageLink(q: ImageLinkQuery): Promise<string | null> {
    const entry = await this.#read<LinkEntry>({
      key: imageLinkKey(q),
      operation: ONEAUTO.imageLink.name,
      cacheable: true,
      accept: (cached) => {
        const parsed = linkEntry.safeParse(cached);
        if (!parsed.success) return undefined;
        const { usableUntil } = parsed.data;
        // Redis expires the entry on its own clock; this instance's clock has the last word.
        return usableUntil === null || usableUntil > this.#now() ? parsed.data : undefined;
      },
      fetch: async (client) => {
        const fetchedAt = this.#now();
        const link = await client.imageLink(q);
        if (link === null) return { link, usableUntil: null };
        // A link never lives longer than 7 days from its signing, which was no earlier than our
        // asking; the cap also guards against a signer whose clock runs ahead of ours.
        const expiry = Math.min(
          signedLinkExpiry(link) ?? Number.POSITIVE_INFINITY,
          fetchedAt + LINK_LIFETIME_MS,
        );
        return { link, usableUntil: expiry - this.#options.stockLinkSafetyMarginMs };
      },
      ttlMs: (e) =>
        e.usableUntil === null ? this.#options.identificationTtlMs : e.usableUntil - this.#now(),
    });
    return entry.link;
  }

  #identification(
    key: string,
    operation: string,
    fetch: (client: OneAutoReads) => Promise<StockVehicleDto[]>,
  ): Promise<StockVehicleDto[]> {
    return this.#read({
      key,
      operation,
      cacheable: this.#options.identificationTtlMs > 0,
      accept: (cached) => {
        const parsed = vehiclesEntry.safeParse(cached);
        return parsed.success ? parsed.data : undefined;
      },
      fetch,
      ttlMs: () => this.#options.identificationTtlMs,
    });
  }

  async #read<E>(spec: ReadSpec<E>): Promise<E> {
    const { value, joined } = await this.#options.inFlight.read(
      spec.key,
      async (signal) => {
        if (spec.cacheable) {
          const kind = spec.key.split(":", 2).join(":");
          const cached = await inSpan(
            "cache.get",
            { "forecourt.cache.kind": kind },
            async (span) => {
              const found = spec.accept(await this.#cacheGet(spec.key));
              span.setAttribute("forecourt.cache.hit", found !== undefined);
              return found;
            },
          );
          this.#lookedUp(kind, cached !== undefined);
          if (cached !== undefined) return { entry: cached, fromCache: true };
        }
        // The call outlives the request that started it while others wait on it: it runs on the
        // flight's own signal, reported to the starting request's observer.
        const client = this.#options.client.forRequest({
          ...this.#scope,
          signal,
          sharedByCaller: true,
        });
        const entry = await spec.fetch(client);
        // Awaited (it is bounded and never throws) so that a read that follows this one finds it.
        if (spec.cacheable) await this.#cacheSet(spec.key, entry, spec.ttlMs(entry));
        return { entry, fromCache: false };
      },
      this.#scope.signal,
    );
    if (value.fromCache || joined) this.#hit(spec.operation);
    // Frozen when more than one caller got it (InFlight's protection).
    return value.entry;
  }

  async #cacheGet(key: string): Promise<unknown> {
    try {
      return await this.#options.cache.get<unknown>(key);
    } catch {
      return undefined;
    }
  }

  async #cacheSet(key: string, value: unknown, ttlMs: number): Promise<void> {
    if (!(ttlMs > 0)) return;
    try {
      await this.#options.cache.set(key, value, ttlMs);
    } catch {
      // Not kept; the next read asks OneAuto again.
    }
  }

  #lookedUp(kind: string, hit: boolean): void {
    try {
      this.#options.onCacheLookup?.(kind, hit);
    } catch {
      // Counting must never fail the read.
    }
  }

  #hit(operation: string): void {
    try {
      this.#options.onCacheHit?.(operation);
    } catch {
      // Counting a hit must never fail the read it saved.
    }
  }
}

/** What a key starts with: the kind of entry, as metrics and traces label cache lookups. */
const KIND = {
  search: "oneauto:search",
  vin: "oneauto:vin",
  vrm: "oneauto:vrm",
  link: "oneauto:link",
} as const;
export const CACHE_ENTRY_KINDS: readonly string[] = Object.values(KIND);

/** Trimmed, inner whitespace collapsed, lower case; blank is absent (the client leaves it out). */
function searchText(text: string | undefined): string | null {
  const normal = text?.trim().replace(/\s+/g, " ").toLowerCase();
  return normal ? normal : null;
}

/** `oneauto:search:["bmw","3 series",2019,null,null]` */
export function searchKey(q: StockSearchQuery): string {
  return `${KIND.search}:${JSON.stringify([
    searchText(q.manufacturer),
    searchText(q.modelRange),
    q.year,
    searchText(q.derivative),
    searchText(q.bodyType),
  ])}`;
}

/** `oneauto:vin:WBA5R1C50KAE81715` */
export function vinKey(vin: string): string {
  return `${KIND.vin}:${vin.trim().toUpperCase()}`;
}

/** `oneauto:vrm:AB19CDE` */
export function registrationKey(vrm: string): string {
  return `${KIND.vrm}:${vrm.replace(/\s+/g, "").toUpperCase()}`;
}

/** `oneauto:link:["bmw-3-series-g20-front","black","Transparent",false]` */
export function imageLinkKey(q: ImageLinkQuery): string {
  const colour = q.colour?.trim().toLowerCase();
  return `${KIND.link}:${JSON.stringify([
    q.imageId,
    colour ? colour : null,
    q.background ?? null,
    q.ignoreIssues === true,
  ])}`;
}
