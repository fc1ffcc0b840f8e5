import { randomUUID } from "node:crypto";
import type { CostSummary } from "../cost/cost-meter.js";
import { roundPence, type SpendCharge, type SpendLedger, utcDay } from "../ledger/ledger.js";
import type { Caller } from "./client-gate.js";

/**
 * Each caller's spend of the UTC day against its `pencePerDay`. An operation that could spend
 * reserves its worst case before it runs, in one atomic step of the ledger's store (durable,
 * shared by every instance), so operations at once, here or elsewhere, cannot all be admitted
 * against the same remainder; when it ends it settles: its reservation goes and what its cost
 * meter saw is charged, in one step again. A reservation whose operation never settles (its
 * instance died) stops counting after the operation's deadline and a margin, and counts only for
 * its own day.
 *
 * Today's total, as `extensions.cost.spentPenceToday` shows it, is always the store's: what the
 * reservation read, what the settle wrote, or a read made while the operation runs.
 */

/** Held past the operation's deadline: the settle itself, and instances' clocks a little apart. */
const RESERVATION_MARGIN_MS = 60_000;

/** An operation's hold on its caller's budget, to settle when it ends. */
export interface Reservation {
  id: string;
  /** The day whose budget it holds: the operation's spend is charged to that day. */
  day: string;
  pence: number;
}

export type BudgetCheck =
  /** Admitted; `reservation` undefined when nothing needed holding (no budget, or no paid call). */
  | { ok: true; reservation: Reservation | undefined }
  | {
      ok: false;
      spentPence: number;
      reservedPence: number;
      leftPence: number;
      /**
       * When it may fit: once the operations holding the rest have ended (within their
       * deadline), if only their reservations were in the way; else at the next UTC midnight.
       */
      retryAfterSeconds: number;
    };

export interface DailyBudgetOptions {
  /** How long an operation may run (REQUEST_TIMEOUT_MS): a reservation outlives it by a margin. */
  operationDeadlineMs: number;
  now?: () => Date;
}

export class DailyBudget {
  readonly #store: SpendLedger;
  readonly #now: () => Date;
  readonly #holdMs: number;
  readonly #deadlineSeconds: number;
  /** By caller: the day and its total as this instance last read or wrote it. */
  readonly #known = new Map<string, { day: string; pence: number }>();
  /** By caller: a read of today's total under way, which operations starting meanwhile share. */
  readonly #reading = new Map<string, Promise<number>>();

  constructor(store: SpendLedger, options: DailyBudgetOptions) {
    this.#store = store;
    this.#now = options.now ?? (() => new Date());
    this.#holdMs = options.operationDeadlineMs + RESERVATION_MARGIN_MS;
    this.#deadlineSeconds = Math.max(1, Math.ceil(options.operationDeadlineMs / 1000));
  }

  /** Reserves `worstPence` of what `caller` has left today, or says why it does not fit. */
  async reserve(caller: Caller, worstPence: number): Promise<BudgetCheck> {
    const limitPence = caller.limits.pencePerDay;
    if (limitPence === 0 || worstPence === 0) return { ok: true, reservation: undefined };
    const at = this.#now();
    const day = utcDay(at);
    const id = randomUUID();
    const found = await this.#store.reserveSpend({
      id,
      client: caller.name,
      day,
      pence: worstPence,
      limitPence,
      at,
      until: new Date(at.getTime() + this.#holdMs),
    });
    this.#remember(caller, day, found.spentPence);
    if (found.reserved) return { ok: true, reservation: { id, day, pence: worstPence } };
    const renewal = this.#secondsUntilRenewal();
    const heldOnly = roundPence(found.spentPence + worstPence) <= limitPence;
    return {
      ok: false,
      spentPence: found.spentPence,
      reservedPence: found.reservedPence,
      leftPence: Math.max(0, roundPence(limitPence - found.spentPence - found.reservedPence)),
      retryAfterSeconds: heldOnly ? Math.min(renewal, this.#deadlineSeconds) : renewal,
    };
  }

  /**
   * Ends an operation: its reservation goes and what it was billed is charged to the
   * reservation's day (today's without one). Resolves with that day's total, or undefined when
   * there was nothing to settle (see `today`).
   */
  async settle(
    caller: Caller,
    reservation: Reservation | undefined,
    spent: CostSummary,
  ): Promise<number | undefined> {
    const charges: SpendCharge[] = spent.upstreamCalls
      .filter((call) => call.paidCalls > 0)
      .map((call) => ({
        upstream: call.upstream,
        operation: call.operation,
        paidCalls: call.paidCalls,
        pence: call.estimatedPence,
      }));
    if (charges.length === 0 && reservation === undefined) return undefined;
    const day = reservation?.day ?? utcDay(this.#now());
    const total = await this.#store.chargeSpend(caller.name, day, charges, reservation?.id);
    return this.#remember(caller, day, total);
  }

  /**
   * Today's total from the store; operations of one caller that start while a read is under way
   * share it. Never rejects: if the store cannot answer, the total as last known here.
   */
  today(caller: Caller): Promise<number> {
    const reading = this.#reading.get(caller.name);
    if (reading) return reading;
    const day = utcDay(this.#now());
    const read = this.#store.spendOf(caller.name, day, day).then(
      (rows) =>
        this.#remember(
          caller,
          day,
          rows.reduce((sum, row) => sum + row.pence, 0),
        ),
      () => this.known(caller),
    );
    this.#reading.set(caller.name, read);
    void read.finally(() => this.#reading.delete(caller.name));
    return read;
  }

  /** Today's total as last known here (0 on a new day, or before any read): no waiting. */
  known(caller: Caller): number {
    const known = this.#known.get(caller.name);
    if (known === undefined) return 0;
    return known.day === utcDay(this.#now()) ? known.pence : 0;
  }

  /** Seconds until the budget is renewed: the next UTC midnight. */
  #secondsUntilRenewal(): number {
    const now = this.#now();
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    return Math.max(1, Math.ceil((midnight - now.getTime()) / 1000));
  }

  /** Keeps `pence` as `caller`'s total of `day` and answers it. */
  #remember(caller: Caller, day: string, pence: number): number {
    const total = roundPence(pence);
    const known = this.#known.get(caller.name);
    // A day's total only grows: a read that started before a settle here must not undo it, nor
    // an operation that began yesterday replace today's.
    if (known === undefined || known.day < day || (known.day === day && known.pence <= total)) {
      this.#known.set(caller.name, { day, pence: total });
    }
    return total;
  }
}
