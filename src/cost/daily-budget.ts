import { randomUUID } from "node:crypto";
import type { Caller } from "../clients/client-gate.js";
import { roundPence, type SpendCharge, type SpendLedger, utcDay } from "../ledger/ledger.js";
import type { Logger } from "../logger.js";
import type { CostSummary } from "./cost-meter.js";

/**
 * Each caller's spend of the UTC day against its `pencePerDay`. An operation that could spend
 * reserves its worst case before it runs, in one atomic step of the ledger's store (durable,
 * shared by every instance), so operations at once, here or elsewhere, cannot all be admitted
 * against the same remainder; when it ends it settles: its reservation goes and what its cost
 * meter saw is charged, in one step again. A reservation whose operation never settles (its
 * instance died) stops counting after the operation's deadline and a margin, and counts only for
 * its own day.
 *
 * Today's total, as `extensions.cost.spentPenceToday` shows it, is the store's: what the
 * reservation read, what the settle wrote, or, for an operation that holds nothing, the last of
 * those (refreshed in the background once older than TODAY_FRESH_MS, so a free query costs no
 * store round trip). Within a day it never goes backwards on one instance.
 */

/** How old today's figure may be before an operation that holds nothing has it read again. */
const TODAY_FRESH_MS = 1_000;

/** Retry-After when the store could not take a reservation: it is likely back soon. */
const STORE_RETRY_SECONDS = 5;

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
    }
  /** Not run: the store could not take the reservation (e.g. PostgreSQL down), so nothing is known. */
  | { ok: false; unavailable: true; retryAfterSeconds: number };

/** The refusals of a budget that was read: what it found. */
export type BudgetRefusal = Exclude<BudgetCheck, { ok: true } | { unavailable: true }>;

export interface DailyBudgetOptions {
  /** How long an operation may run (REQUEST_TIMEOUT_MS): a reservation outlives it by a margin. */
  operationDeadlineMs: number;
  now?: () => Date;
  /** Where a failed settle is reported (it never fails the operation's answer). */
  logger?: Logger | undefined;
}

interface KnownToday {
  day: string;
  pence: number;
  /** When the store last gave or took this figure (performance.now()). */
  at: number;
}

export class DailyBudget {
  readonly #store: SpendLedger;
  readonly #now: () => Date;
  readonly #holdMs: number;
  readonly #deadlineSeconds: number;
  readonly #logger: Logger | undefined;
  /** By caller: the day and its total as this instance last read or wrote it. */
  readonly #known = new Map<string, KnownToday>();
  /** By caller: a read of today's total under way, which operations starting meanwhile share. */
  readonly #reading = new Map<string, Promise<number>>();

  constructor(store: SpendLedger, options: DailyBudgetOptions) {
    this.#store = store;
    this.#now = options.now ?? (() => new Date());
    this.#holdMs = options.operationDeadlineMs + RESERVATION_MARGIN_MS;
    this.#deadlineSeconds = Math.max(1, Math.ceil(options.operationDeadlineMs / 1000));
    this.#logger = options.logger;
  }

  /** Reserves `worstPence` of what `caller` has left today, or says why it does not fit. */
  async reserve(caller: Caller, worstPence: number): Promise<BudgetCheck> {
    const limitPence = caller.limits.pencePerDay;
    if (limitPence === 0 || worstPence === 0) return { ok: true, reservation: undefined };
    const at = this.#now();
    const day = utcDay(at);
    const id = randomUUID();
    let found: Awaited<ReturnType<SpendLedger["reserveSpend"]>>;
    try {
      found = await this.#store.reserveSpend({
        id,
        client: caller.name,
        day,
        pence: worstPence,
        limitPence,
        at,
        until: new Date(at.getTime() + this.#holdMs),
      });
    } catch (error) {
      // Running unreserved could spend past the budget: refused, as nothing is known.
      this.#logger?.warn(
        { client: caller.name, err: errorName(error) },
        "daily budget: the store could not take a reservation; operation refused",
      );
      return { ok: false, unavailable: true, retryAfterSeconds: STORE_RETRY_SECONDS };
    }
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
   * Ends an operation: its reservation goes and what it was billed, or may have been
   * (`uncertain`), is charged to the reservation's day (today's without one). Resolves with that day's total, or undefined when
   * there was nothing to settle (see `today`). Never rejects: the operation's answer holds what
   * the client was billed for, so a store that fails here is logged, the total reported as known
   * plus this operation's spend, and the reservation left to run out (its `until`).
   */
  async settle(
    caller: Caller,
    reservation: Reservation | undefined,
    spent: CostSummary,
    uncertain: readonly { upstream: string; operation: string; pence: number }[] = [],
  ): Promise<number | undefined> {
    const charges: SpendCharge[] = spent.upstreamCalls
      .filter((call) => call.paidCalls > 0)
      .map((call) => ({
        upstream: call.upstream,
        operation: call.operation,
        paidCalls: call.paidCalls,
        pence: call.estimatedPence,
      }));
    // Billed calls sent but never answered (cut by the deadline, or the client leaving): the
    // upstream may bill them, so their pence are charged, not given back; none is a known paid call.
    for (const call of uncertain) charges.push({ ...call, paidCalls: 0 });
    if (charges.length === 0 && reservation === undefined) return undefined;
    const day = reservation?.day ?? utcDay(this.#now());
    try {
      const total = await this.#store.chargeSpend(caller.name, day, charges, reservation?.id);
      return this.#remember(caller, day, total);
    } catch (error) {
      const pence = roundPence(charges.reduce((sum, charge) => sum + charge.pence, 0));
      this.#logger?.warn(
        { client: caller.name, day, pence, err: errorName(error) },
        "daily budget: the store could not settle an operation; its reservation runs out instead",
      );
      return roundPence(this.known(caller) + pence);
    }
  }

  /**
   * Today's total: as known here when the store gave it less than TODAY_FRESH_MS ago; when older,
   * as known here while a read refreshes it in the background; read and waited for only when
   * nothing is known of today (the first operation after start, or of a new day). Operations of
   * one caller share a read under way. Never rejects: if the store cannot answer, the total as
   * last known here.
   */
  today(caller: Caller): Promise<number> {
    const day = utcDay(this.#now());
    const known = this.#known.get(caller.name);
    if (known !== undefined && known.day === day) {
      if (performance.now() - known.at >= TODAY_FRESH_MS) void this.#read(caller, day);
      return Promise.resolve(known.pence);
    }
    return this.#read(caller, day);
  }

  #read(caller: Caller, day: string): Promise<number> {
    const reading = this.#reading.get(caller.name);
    if (reading) return reading;
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

  /** Keeps `pence` as `caller`'s total of `day` and answers the day's total as known here. */
  #remember(caller: Caller, day: string, pence: number): number {
    const total = roundPence(pence);
    const known = this.#known.get(caller.name);
    const at = performance.now();
    // A day's total only grows: a read that started before a settle here must not undo it, nor
    // an operation that began yesterday replace today's.
    if (known === undefined || known.day < day) {
      this.#known.set(caller.name, { day, pence: total, at });
      return total;
    }
    if (known.day > day) return total;
    known.pence = Math.max(known.pence, total);
    known.at = at;
    return known.pence;
  }
}

/** What a store error is called in the log: its name and message, which carry no key. */
function errorName(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
