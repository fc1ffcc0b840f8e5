/**
 * The submission ledger: CarCutter cannot list the images submitted for a vehicle, bills every
 * submission, and can leave an outcome unknown (a timeout). Forecourt claims each URL before the
 * upstream call and settles it after, so `Vehicle.images` works, nothing is submitted twice by
 * accident (not even by two requests at once, or two instances sharing a store), and a crash
 * between the claim and the call loses nothing. It also keeps clients' idempotency keys.
 */

/** Where one submitted URL stands, as far as this gateway knows. */
export const LEDGER_STATES = ["PENDING", "ACCEPTED", "REJECTED", "FAILED", "UNKNOWN"] as const;
export type LedgerState = (typeof LEDGER_STATES)[number];

export interface LedgerEntry {
  /** The URL exactly as submitted: an image's only identity at CarCutter. */
  url: string;
  vehicleId: string;
  /**
   * PENDING: recorded, the call not answered yet (or the process died during it).
   * ACCEPTED: CarCutter took it (billed). REJECTED/FAILED: not processed, may be submitted again.
   * UNKNOWN: the call failed in a way that leaves the outcome open; settle it from the status
   * endpoint, never by resubmitting.
   */
  state: LedgerState;
  /** The submission's options (cut type or guideline, speed, …), without uploads. */
  options: Record<string, unknown>;
  /** When this gateway claimed the URL for its (latest) submission. */
  submittedAt: Date;
  updatedAt: Date;
  /** The last status CarCutter reported for it (webhook or poll), as the upstream spells it. */
  lastStatus: string | null;
  /** The claim that made the latest submission: only its holder settles it. */
  claim: string;
  /** Until when that submission's call may still be under way (while PENDING). */
  claimedUntil: Date;
}

/** How a submission claims its URLs. */
export interface ClaimTerms {
  at: Date;
  /** Until when the call may still be under way: longer than its deadline. */
  until: Date;
  /**
   * Also take URLs whose last submission was accepted or whose outcome is open: the client asked
   * to process (and pay for) them again. Never a URL whose call is under way.
   */
  force: boolean;
}

export interface Claimed {
  /** The claim's id: give it to `settle`. */
  claim: string;
  /** The URLs this claim won, in the order given; the others are some other submission's. */
  won: string[];
}

/** A client's idempotency key, as the first request that used it left it. */
export interface IdempotencyRecord {
  key: string;
  /** What the first request asked for (a hash of its input): the same key must ask the same. */
  fingerprint: string;
  startedAt: Date;
  /** While the first request runs (answer null), until when it may; after that it is taken over. */
  runsUntil: Date;
  /** The first request's answer, as JSON; null while it is still running. */
  answer: unknown;
}

/** A request taking an idempotency key. */
export interface IdempotentStart {
  key: string;
  /** A hash of what the request asks for. */
  fingerprint: string;
  at: Date;
  /** Until when the request may run. */
  runsUntil: Date;
}

/** How long an idempotency key is kept after its first use. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

export interface NewSubmission {
  url: string;
  vehicleId: string;
  options: Record<string, unknown>;
}

/** What one operation of a client spent at one upstream operation (billed calls only). */
export interface SpendCharge {
  upstream: string;
  /** The upstream operation, e.g. "GET /imagery/image-from-id". */
  operation: string;
  paidCalls: number;
  pence: number;
}

/** A client's spend on one UTC day (YYYY-MM-DD) at one upstream operation. */
export interface SpendRow extends SpendCharge {
  day: string;
}

/**
 * A hold on part of a client's budget of one day while an operation that could spend runs: its
 * worst case, taken before it makes any call and settled (`chargeSpend` with its id) when it ends.
 */
export interface SpendReservation {
  /** Unique: what `chargeSpend` settles. */
  id: string;
  client: string;
  /** The UTC day whose budget it holds (YYYY-MM-DD). */
  day: string;
  pence: number;
  /** Taken only if the day's spend, its live reservations and `pence` together fit in this. */
  limitPence: number;
  at: Date;
  /**
   * Until when it counts: an operation that never settles (its instance crashed) stops holding
   * the budget then. Longer than the operation's deadline.
   */
  until: Date;
}

/** What `reserveSpend` found, and whether it took the reservation. */
export interface ReservedSpend {
  reserved: boolean;
  /** The day's spend so far (settled charges). */
  spentPence: number;
  /** The day's other live reservations, operations of the client still running. */
  reservedPence: number;
}

/**
 * Each client's spend by day: durable and shared like the submissions (the same store), so a
 * daily budget survives restarts and holds across instances.
 */
export interface SpendLedger {
  /**
   * Reserves `reservation.pence` of `client`'s day, atomically with every other reservation of
   * that client (from any instance): taken when the day's spend and live reservations leave room
   * for it under `limitPence`, refused otherwise. Reservations of other days, and past their
   * `until`, no longer count.
   */
  reserveSpend(reservation: SpendReservation): Promise<ReservedSpend>;
  /**
   * Adds the charges to `client`'s totals of `day` and drops the reservation `reservation` (when
   * given), in one atomic step; resolves with the day's total spend after it.
   */
  chargeSpend(
    client: string,
    day: string,
    charges: readonly SpendCharge[],
    reservation?: string,
  ): Promise<number>;
  /** `client`'s totals from `fromDay` to `toDay` (inclusive), by day then operation. */
  spendOf(client: string, fromDay: string, toDay: string): Promise<SpendRow[]>;
}

/** Pence to a millionth: prices have fractions (0.1p), and this drops the binary noise of adding them up. */
export function roundPence(pence: number): number {
  return Math.round(pence * 1e6) / 1e6;
}

/** Whether `pence` more fits beside `spent` and `reserved` under `limit` (to a millionth). */
export function fitsBudget(spent: number, reserved: number, pence: number, limit: number): boolean {
  return roundPence(spent + reserved + pence) <= roundPence(limit);
}

/** The UTC day of `at`, as the spend is kept: YYYY-MM-DD. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export interface SubmissionLedger extends SpendLedger {
  readonly kind: "file" | "postgres";
  /**
   * Claims URLs for one submission, each in one atomic step that no other claimant (request or
   * instance) can also win: a URL is won when it has no entry, or its last submission was refused
   * (REJECTED, FAILED), or `force` is set and no call for it is under way (see `inFlight`). A won
   * URL's entry is replaced by a PENDING one carrying the claim. Resolves once durable: callers
   * make the billed upstream call after this, for the won URLs only.
   */
  claim(submissions: readonly NewSubmission[], terms: ClaimTerms): Promise<Claimed>;
  /** Sets the outcome of these URLs where their entry still carries `claim`; others are left. */
  settle(urls: readonly string[], state: LedgerState, at: Date, claim: string): Promise<void>;
  /**
   * Whether the entry's call may still be under way at `at`: PENDING, and its claim not yet run
   * out (an embedded store also knows that a claim of an earlier process is dead).
   */
  inFlight(entry: LedgerEntry, at: Date): boolean;
  /** Remembers the latest status CarCutter reported; unknown URLs are ignored. */
  noteStatus(url: string, status: string, at: Date): Promise<void>;
  /** Entries of these URLs, keyed by URL (absent when never recorded). */
  get(urls: readonly string[]): Promise<Map<string, LedgerEntry>>;
  /** A vehicle's entries, oldest submission first. */
  byVehicle(vehicleId: string): Promise<LedgerEntry[]>;
  /** Entries whose outcome is open (PENDING or UNKNOWN), oldest first. */
  unsettled(limit: number): Promise<LedgerEntry[]>;
  /**
   * Takes `key` for a request asking for `fingerprint`, atomically: undefined when this request
   * now holds it (the key was new, older than IDEMPOTENCY_RETENTION_MS, or left running past
   * `runsUntil` by a request with the same fingerprint); otherwise the record as it stands.
   */
  startIdempotent(start: IdempotentStart): Promise<IdempotencyRecord | undefined>;
  /** Keeps the answer of the request that holds `key`, for whoever comes with the key again. */
  finishIdempotent(key: string, answer: object, at: Date): Promise<void>;
  close(): Promise<void>;
}
