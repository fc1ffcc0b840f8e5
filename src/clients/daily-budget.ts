import type { CostSummary } from "../cost/cost-meter.js";
import { type SpendCharge, type SpendLedger, utcDay } from "../ledger/ledger.js";
import type { Caller } from "./client-gate.js";

/**
 * Each caller's spend of the UTC day against its `pencePerDay`: checked before an operation from
 * its worst case, charged after it from what its cost meter saw. The totals live in the ledger's
 * store (durable, shared by every instance); an instance reads them when an operation could spend
 * and the caller has a budget, and otherwise shows the total as it last knew it.
 */

export type BudgetCheck =
  | { ok: true; spentPence: number }
  | { ok: false; spentPence: number; leftPence: number };

export class DailyBudget {
  readonly #store: SpendLedger;
  readonly #now: () => Date;
  /** By caller: the day and its total as this instance last read or wrote it. */
  readonly #known = new Map<string, { day: string; pence: number }>();

  constructor(store: SpendLedger, now: () => Date = () => new Date()) {
    this.#store = store;
    this.#now = now;
  }

  /** Whether `worstPence` more fits in what `caller` has left today. */
  async check(caller: Caller, worstPence: number): Promise<BudgetCheck> {
    const budget = caller.limits.pencePerDay;
    if (budget === 0 || worstPence === 0) return { ok: true, spentPence: this.known(caller) };
    const spentPence = await this.#read(caller);
    const leftPence = Math.max(0, round(budget - spentPence));
    return worstPence <= leftPence
      ? { ok: true, spentPence }
      : { ok: false, spentPence, leftPence };
  }

  /** Today's total as last known here (0 on a new day, or before any read). */
  known(caller: Caller): number {
    const known = this.#known.get(caller.name);
    if (known === undefined) return 0;
    return known.day === utcDay(this.#now()) ? known.pence : 0;
  }

  /** Adds what the operation was billed to `caller`'s day; resolves with the day's total. */
  async charge(caller: Caller, spent: CostSummary): Promise<number> {
    const charges: SpendCharge[] = spent.upstreamCalls
      .filter((call) => call.paidCalls > 0)
      .map((call) => ({
        upstream: call.upstream,
        operation: call.operation,
        paidCalls: call.paidCalls,
        pence: call.estimatedPence,
      }));
    if (charges.length === 0) return this.known(caller);
    const day = utcDay(this.#now());
    await this.#store.chargeSpend(caller.name, day, charges);
    // The total read by this operation's check, plus its own charge: the next check reads afresh.
    return this.#remember(caller, day, this.known(caller) + spent.estimatedPence);
  }

  /** Seconds until the budget is renewed: the next UTC midnight. */
  secondsUntilRenewal(): number {
    const now = this.#now();
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    return Math.max(1, Math.ceil((midnight - now.getTime()) / 1000));
  }

  async #read(caller: Caller): Promise<number> {
    const day = utcDay(this.#now());
    const rows = await this.#store.spendOf(caller.name, day, day);
    return this.#remember(
      caller,
      day,
      rows.reduce((sum, row) => sum + row.pence, 0),
    );
  }

  #remember(caller: Caller, day: string, pence: number): number {
    const total = round(pence);
    this.#known.set(caller.name, { day, pence: total });
    return total;
  }
}

/** Pence to a millionth, as the cost meter rounds them: sums of fractions stay exact enough. */
function round(pence: number): number {
  return Math.round(pence * 1e6) / 1e6;
}
