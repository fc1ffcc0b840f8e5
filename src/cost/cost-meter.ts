import { GraphQLError } from "graphql";
import type { UpstreamName } from "../errors.js";
import { roundPence as pence } from "../ledger/ledger.js";
import { CARCUTTER } from "../upstreams/carcutter/dto.js";
import type { UpstreamCallEvent } from "../upstreams/http.js";
import { ONEAUTO } from "../upstreams/oneauto/dto.js";
import type { UpstreamOperation } from "../upstreams/operation.js";
import type { Prices } from "./cost-policy.js";

/**
 * What one GraphQL operation spent upstream. A CostMeter is created per request (src/context.ts);
 * the request's observed clients report every HTTP attempt to `observe`, the cache layer reports
 * each hit to `recordCacheHit`, and `summary()` becomes the response's `extensions.cost`.
 */

/**
 * The price of each billed operation, by upstream and name, as the operations declare it
 * (`billed` in each upstream's dto.ts). Billing follows the providers: OneAuto bills an HTTP 200
 * of a link or an identification and nothing else; CarCutter bills every image of a submission it
 * accepted (HTTP 200), and a synchronous cut. A call whose outcome is unknown (a timeout, a reset)
 * is not counted as paid: the estimate then errs low, and says so by counting the call all the same.
 */
const PRICE_OF = new Map(
  [...Object.values(CARCUTTER), ...Object.values(ONEAUTO)].flatMap((op) =>
    op.billed === undefined ? [] : [[`${op.upstream} ${op.name}`, op.billed] as const],
  ),
);

const BILLED_STATUS = 200;

/** One upstream operation's calls in this request. */
export interface UpstreamCallCount {
  upstream: UpstreamName;
  operation: string;
  /** HTTP attempts: a retry is a call of its own. */
  calls: number;
  /** Attempts the upstream bills (HTTP 200 of a billed operation). */
  paidCalls: number;
  /** What was billed: one per paid OneAuto call, one per image for a CarCutter submission. */
  paidUnits: number;
  /** paidUnits × the configured price, in pence. */
  estimatedPence: number;
}

/** One operation's answers served from the cache instead of the upstream. */
export interface CacheHitCount {
  upstream: UpstreamName;
  operation: string;
  hits: number;
}

/** `extensions.cost` of every response. Lists are sorted by upstream, then operation. */
export interface CostSummary {
  upstreamCalls: UpstreamCallCount[];
  /** Sum of `upstreamCalls[].calls`. */
  calls: number;
  /** Sum of `upstreamCalls[].paidCalls`. */
  paidCalls: number;
  cacheHits: CacheHitCount[];
  /** Sum of `cacheHits[].hits`. */
  cacheHitCount: number;
  /** Sum of `upstreamCalls[].estimatedPence`. */
  estimatedPence: number;
  /** The guard's worst case of OneAuto paid calls, computed before execution (src/cost/cost-estimate.ts). */
  estimatedWorstCasePaidCalls?: number;
}

interface Tally {
  upstream: UpstreamName;
  operation: string;
  calls: number;
  paidCalls: number;
  paidUnits: number;
}

/**
 * OneAuto's billed attempts of one operation whose outcome this request cannot know yet or ever:
 * admitted and not answered (under way, or cut by the deadline or the client leaving). OneAuto
 * may bill them, so the daily budget charges them (see `uncertainCharges`).
 */
interface Uncertain {
  operation: UpstreamOperation;
  /** Admitted, no event yet. */
  pending: number;
  /** Sent, and ended without an answer (a timeout, a reset, the caller leaving). */
  unanswered: number;
}

export class CostMeter {
  readonly #prices: Prices;
  readonly #uncertain = new Map<string, Uncertain>();
  /** What the operation reserved of its daily budget; undefined: no budget to keep within. */
  #spendLimit: number | undefined;
  readonly #calls = new Map<string, Tally>();
  readonly #hits = new Map<string, CacheHitCount>();
  /** The guard's worst case of paid calls, once the cost plugin estimated it. */
  #estimate: number | undefined;
  /** The last summary, until anything new is counted (a request reads it three times). */
  #summary: CostSummary | undefined;

  constructor(prices: Prices) {
    this.#prices = prices;
  }

  /** A request's observer (the clients' `forRequest`): one event per HTTP attempt. */
  readonly observe = (event: UpstreamCallEvent): void => {
    this.#summary = undefined;
    const uncertain = this.#uncertain.get(`${event.upstream} ${event.operation}`);
    if (uncertain !== undefined && uncertain.pending > 0) {
      uncertain.pending -= 1;
      // An answer, billed or not, is known (a billed one is counted below); no answer is not.
      if (event.status === undefined && !event.notSent) uncertain.unanswered += 1;
    }
    const tally = this.#tally(event.upstream, event.operation);
    tally.calls += 1;
    if (isBilled(event)) {
      tally.paidCalls += 1;
      tally.paidUnits += event.units ?? 1;
    }
  };

  /**
   * A call counted unpaid (its outcome was unknown, a timeout) that turned out to be billed: the
   * upstream's status shows `units` of it processed.
   */
  recordBilledAfterAll(operation: UpstreamOperation, units: number): void {
    this.#summary = undefined;
    const tally = this.#tally(operation.upstream, operation.name);
    tally.paidCalls += 1;
    tally.paidUnits += units;
  }

  /**
   * Keeps this operation's OneAuto billed calls within `pence`, what it reserved of its daily
   * budget: the reservation rests on assumed list sizes, and a longer answer must not spend past it.
   */
  limitSpend(pence: number): void {
    this.#spendLimit = pence;
  }

  /**
   * Asked before each attempt is sent (the request's `admit`): a billed OneAuto attempt that could
   * take the operation past what it reserved is refused (BUDGET_EXHAUSTED), others are counted as
   * under way until their event comes.
   */
  readonly admit = (operation: UpstreamOperation): void => {
    if (operation.upstream !== ONEAUTO_UPSTREAM || operation.billed === undefined) return;
    const price = this.#prices[operation.billed];
    const limit = this.#spendLimit;
    if (limit !== undefined && pence(this.#committedPence() + price) > limit) {
      throw budgetEstimateExceededError(operation, limit);
    }
    const key = `${operation.upstream} ${operation.name}`;
    let uncertain = this.#uncertain.get(key);
    if (!uncertain) {
      uncertain = { operation, pending: 0, unanswered: 0 };
      this.#uncertain.set(key, uncertain);
    }
    uncertain.pending += 1;
  };

  /** An admitted attempt that was not sent after all (the open circuit, the throttle): no event. */
  readonly notSent = (operation: UpstreamOperation): void => {
    const uncertain = this.#uncertain.get(`${operation.upstream} ${operation.name}`);
    if (uncertain !== undefined && uncertain.pending > 0) uncertain.pending -= 1;
  };

  /**
   * Billed OneAuto attempts whose outcome is unknown (sent and never answered, or still under way
   * when this is asked): OneAuto may bill them, so a daily budget charges them rather than give
   * their pence back. `paidCalls` 0: none is known to be billed.
   */
  uncertainCharges(): { upstream: UpstreamName; operation: string; pence: number }[] {
    return [...this.#uncertain.values()]
      .filter((u) => u.pending + u.unanswered > 0)
      .map((u) => ({
        upstream: u.operation.upstream,
        operation: u.operation.name,
        pence: pence((u.pending + u.unanswered) * this.#price(u.operation)),
      }));
  }

  /** OneAuto pence billed, possibly billed, or under way. */
  #committedPence(): number {
    let total = 0;
    for (const tally of this.#calls.values()) {
      if (tally.upstream !== ONEAUTO_UPSTREAM) continue;
      const price = PRICE_OF.get(`${tally.upstream} ${tally.operation}`);
      if (price !== undefined) total += tally.paidUnits * this.#prices[price];
    }
    for (const u of this.#uncertain.values()) {
      total += (u.pending + u.unanswered) * this.#price(u.operation);
    }
    return pence(total);
  }

  #price(operation: UpstreamOperation): number {
    return operation.billed === undefined ? 0 : this.#prices[operation.billed];
  }

  /** The operation's estimated worst case of paid calls (src/cost/cost-estimate.ts). */
  recordEstimate(paidCalls: number): void {
    this.#summary = undefined;
    this.#estimate = paidCalls;
  }

  /** An answer served from the cache: `operation` is the upstream operation it stood in for. */
  recordCacheHit(upstream: UpstreamName, operation: string): void {
    this.#addHits(upstream, operation, 1);
  }

  /**
   * What a request that joined this one's query in flight spent (src/gateway/shared-operations.ts):
   * nothing billed, each of this request's calls and cache hits as a cache hit of its own, and
   * the same estimate.
   */
  joinedSummary(): CostSummary {
    const joined = new CostMeter(this.#prices);
    for (const tally of this.#calls.values()) {
      if (tally.calls > 0) joined.#addHits(tally.upstream, tally.operation, tally.calls);
    }
    for (const hit of this.#hits.values()) joined.#addHits(hit.upstream, hit.operation, hit.hits);
    joined.#estimate = this.#estimate;
    return joined.summary();
  }

  #addHits(upstream: UpstreamName, operation: string, hits: number): void {
    this.#summary = undefined;
    const key = `${upstream} ${operation}`;
    const count = this.#hits.get(key);
    if (count) count.hits += hits;
    else this.#hits.set(key, { upstream, operation, hits });
  }

  #tally(upstream: UpstreamName, operation: string): Tally {
    const key = `${upstream} ${operation}`;
    let tally = this.#calls.get(key);
    if (!tally) {
      tally = { upstream, operation, calls: 0, paidCalls: 0, paidUnits: 0 };
      this.#calls.set(key, tally);
    }
    return tally;
  }

  /** One object until something new is counted: readers must not change it (the report spreads it). */
  summary(): CostSummary {
    this.#summary ??= this.#summarise();
    return this.#summary;
  }

  #summarise(): CostSummary {
    const upstreamCalls = [...this.#calls.values()].sort(byOperation).map((tally) => {
      const price = PRICE_OF.get(`${tally.upstream} ${tally.operation}`);
      return {
        ...tally,
        estimatedPence: price === undefined ? 0 : pence(tally.paidUnits * this.#prices[price]),
      };
    });
    const cacheHits = [...this.#hits.values()].sort(byOperation).map((hit) => ({ ...hit }));
    return {
      upstreamCalls,
      calls: sum(upstreamCalls, (c) => c.calls),
      paidCalls: sum(upstreamCalls, (c) => c.paidCalls),
      cacheHits,
      cacheHitCount: sum(cacheHits, (h) => h.hits),
      estimatedPence: pence(sum(upstreamCalls, (c) => c.estimatedPence)),
      ...(this.#estimate === undefined ? {} : { estimatedWorstCasePaidCalls: this.#estimate }),
    };
  }
}

const ONEAUTO_UPSTREAM: UpstreamName = "oneauto";

/** A billed call the operation's reservation does not cover: its estimate was exceeded. */
export function budgetEstimateExceededError(
  operation: { upstream: string; name: string },
  reservedPence: number,
): GraphQLError {
  return new GraphQLError(
    `This operation reserved ${reservedPence}p of its daily budget for its estimated worst case, and ${operation.upstream} ${operation.name} would spend past it (an answer held more than the estimate assumed), so it was not sent; what was fetched before it is in the answer. Ask for fewer vehicles or photos at once.`,
    {
      extensions: {
        code: "BUDGET_EXHAUSTED",
        reason: "estimate exceeded",
        upstream: operation.upstream,
        reservedPence,
      },
    },
  );
}

/** Whether the upstream bills this attempt. */
export function isBilled(event: UpstreamCallEvent): boolean {
  return event.status === BILLED_STATUS && PRICE_OF.has(`${event.upstream} ${event.operation}`);
}

function byOperation(
  a: { upstream: string; operation: string },
  b: { upstream: string; operation: string },
): number {
  // Names are ASCII identifiers: code-unit order, without localeCompare's collation per call.
  if (a.upstream !== b.upstream) return a.upstream < b.upstream ? -1 : 1;
  return a.operation < b.operation ? -1 : a.operation > b.operation ? 1 : 0;
}

function sum<T>(items: readonly T[], of: (item: T) => number): number {
  return items.reduce((total, item) => total + of(item), 0);
}
