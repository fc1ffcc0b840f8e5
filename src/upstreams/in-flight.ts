import type { CancelSignal } from "./cancel.js";
import { deepFreeze } from "./deep-freeze.js";
import type { UpstreamOperation } from "./operation.js";
import { type FlightResult, SingleFlight } from "./single-flight.js";

/**
 * Work in flight shared across requests: the one rule for what is shared, the one protection of
 * shared values and the one read-your-writes counter, for every layer that shares: the OneAuto
 * reads of src/cache/cached-oneauto.ts and the upstream reads of src/upstreams/http.ts share
 * through its flights; the whole queries of src/gateway/shared-operations.ts keep flights of their
 * own (the first request runs the query in its own execution) under its keys and protection. Built once per process (src/server.ts) and handed
 * to each of them; SHARE_INFLIGHT_READS=false builds it off, and then nothing is shared across
 * requests. Within one request, its DataLoaders batch and remember on their own (src/domains/**):
 * that is not sharing between requests, and not governed here.
 *
 * The rule:
 * - Only reads are shared: an upstream call whose operation only reads (UpstreamOperation.read)
 *   and sends no form, and a GraphQL query. Never an upstream write, a mutation, a subscription
 *   or a multipart request (its variables hold files).
 * - Identical means the same key: what is read (the upstream, method, path, query and body; the
 *   OneAuto cache key; the query's text, operation, variables and caller), in the current write
 *   generation. The two layers sharing one map cannot meet: an upstream read's key begins
 *   "<upstream> <METHOD> ", a cache key "oneauto:<kind>:".
 * - Read-your-writes: one counter, bumped when an upstream write returns and when a mutation
 *   returns (failed or cut off too: it may have written all the same). It is part of every key,
 *   so a read that starts after a write has returned never joins one that started before it.
 * - A read passes one flight: CachedOneAuto shares a OneAuto read (its cache lookup, and the call
 *   on a miss) and marks that call `sharedByCaller`, so UpstreamHttp does not share it again. (The
 *   reads of a whole query that runs may still join other queries' reads: other work, other keys.)
 * - A caller that leaves stops waiting at once; a shared read goes on until every caller waiting
 *   on it has left. What is not the read's outcome is not handed on: a refusal that is the first
 *   caller's own (its cap on upstream calls, its spend limit), and for whole queries a result with
 *   errors or one the first request did not finish; the callers that joined then read again
 *   (sharing that read among themselves).
 * - A request that joined is told so, and counts what it was handed as a cache hit in
 *   `extensions.cost`: billed to the request that made the call, to nobody twice.
 *
 * The protection: a value handed to more than one caller is frozen to its leaves (deepFreeze)
 * before any of them sees it, so all of them get the very same object, without a copy, and code
 * that tried to change it throws instead of changing another request's data. A value only one
 * caller gets is handed over as it is.
 */
export class InFlight {
  /** False (SHARE_INFLIGHT_READS=false): every read runs for its caller alone. */
  readonly enabled: boolean;
  readonly #flights = new SingleFlight();
  #generation = 0;

  constructor(options: { enabled?: boolean } = {}) {
    this.enabled = options.enabled ?? true;
  }

  /** Writes returned so far in this process (upstream writes and mutations). */
  get generation(): number {
    return this.#generation;
  }

  /** The key of a read of `what`: only reads of the same thing in the same generation share. */
  keyOf(what: string): string {
    return `${this.#generation}\n${what}`;
  }

  /** Runs a write; reads that start once it has returned, however it ended, never join earlier ones. */
  write<T>(work: Promise<T>): Promise<T> {
    return work.finally(() => {
      this.#generation++;
    });
  }

  /** The one protection of a value handed to more than one caller (see above). */
  protect<T>(value: T): T {
    return deepFreeze(value);
  }

  /**
   * A read of `what`, shared with an identical one in flight. The work gets the flight's signal,
   * aborted only when every caller has left; it runs with the caller's own signal when nothing is
   * shared (off, or doing the work itself after the first caller's own refusal). `joined`: the
   * value came from work another caller started.
   */
  async read<T>(
    what: string,
    work: (signal: CancelSignal | undefined) => Promise<T>,
    signal?: CancelSignal,
  ): Promise<FlightResult<T>> {
    if (!this.enabled) return { value: await work(signal), joined: false };
    const key = this.keyOf(what);
    const joining = this.#flights.has(key);
    try {
      return await this.#flights.run(key, work, signal, deepFreeze);
    } catch (error) {
      if (!joining || !isOwnRefusal(error)) throw error;
      // Another request's cap is not this one's: it reads again, under its own. The first of those
      // that joined to get here starts the new flight and the others join it: one call, not one
      // each. Bounded: each round ends one caller's flight, and a caller's own refusal is thrown.
      return this.read(what, work, signal);
    }
  }
}

/** Whether an upstream call may be shared: it only reads, and sends no form. */
export function isSharedUpstreamRead(operation: UpstreamOperation, hasForm: boolean): boolean {
  return operation.read && !hasForm;
}

/**
 * Refusals thrown by a request's own `admit` (src/context.ts) before an attempt is sent: they say
 * what that request may spend, nothing about the read.
 */
const OWN_REFUSALS: ReadonlySet<unknown> = new Set([
  "UPSTREAM_CALL_LIMIT_EXCEEDED",
  "BUDGET_EXHAUSTED",
]);

function isOwnRefusal(error: unknown): boolean {
  return OWN_REFUSALS.has((error as { extensions?: { code?: unknown } } | null)?.extensions?.code);
}
