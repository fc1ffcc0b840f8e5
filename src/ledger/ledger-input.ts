import {
  IDEMPOTENCY_RETENTION_MS,
  type IdempotencyRecord,
  type LedgerEntry,
  type NewSubmission,
} from "./ledger.js";

/**
 * What both stores do to their callers' arguments before storing them, so that they answer alike:
 * options are stored as JSON (what PostgreSQL's jsonb and the file store's log keep), times must be
 * real times, and a URL recorded twice in one call counts once (the later one wins, as a later
 * call would).
 */

export function normaliseSubmissions(submissions: readonly NewSubmission[]): NewSubmission[] {
  const byUrl = new Map<string, NewSubmission>();
  for (const s of submissions) {
    byUrl.delete(s.url);
    byUrl.set(s.url, { url: s.url, vehicleId: s.vehicleId, options: jsonOptions(s.options) });
  }
  return [...byUrl.values()];
}

/** A copy of `options` as JSON keeps it: no undefined members, dates as strings, no aliasing. */
function jsonOptions(options: Record<string, unknown>): Record<string, unknown> {
  const copy: unknown = JSON.parse(JSON.stringify(options));
  if (copy === null || typeof copy !== "object" || Array.isArray(copy)) {
    throw new TypeError("submission options must serialise to a JSON object");
  }
  return copy as Record<string, unknown>;
}

/** `value` as JSON keeps it (dates as strings), as both stores hand a kept answer back. */
export function jsonValue(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null));
}

/** A copy of `at`, refusing an invalid date (JSON would store it as null). */
export function checkedTime(at: Date): Date {
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new RangeError("ledger times must be valid dates");
  return new Date(ms);
}

export function checkedLimit(limit: number): number {
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw new RangeError(`limit must be a whole number of 0 or more, got ${limit}`);
  }
  return limit;
}

/** The distinct URLs of a call, in first-seen order. */
export function distinct(urls: readonly string[]): string[] {
  return [...new Set(urls)];
}

/** A copy that a caller may change without changing the store. */
export function copyEntry(entry: LedgerEntry): LedgerEntry {
  return {
    url: entry.url,
    vehicleId: entry.vehicleId,
    state: entry.state,
    options: structuredClone(entry.options),
    submittedAt: new Date(entry.submittedAt.getTime()),
    updatedAt: new Date(entry.updatedAt.getTime()),
    lastStatus: entry.lastStatus,
    claim: entry.claim,
    claimedUntil: new Date(entry.claimedUntil.getTime()),
  };
}

/**
 * Whether a claim on these terms wins a URL whose entry is `entry` (see SubmissionLedger.claim):
 * the PostgreSQL store states the same rule in SQL.
 */
export function claimable(
  entry: LedgerEntry | undefined,
  terms: { at: Date; force?: boolean | undefined },
  inFlight: (entry: LedgerEntry, at: Date) => boolean,
): boolean {
  if (entry === undefined || entry.state === "REJECTED" || entry.state === "FAILED") return true;
  return terms.force === true && !inFlight(entry, terms.at);
}

/**
 * Whether a request asking for `fingerprint` at `at` takes a key that stands as `current` (see
 * SubmissionLedger.startIdempotent): the PostgreSQL store states the same rule in SQL.
 */
export function startable(
  current: IdempotencyRecord | undefined,
  fingerprint: string,
  at: Date,
): boolean {
  if (current === undefined) return true;
  if (current.startedAt.getTime() <= at.getTime() - IDEMPOTENCY_RETENTION_MS) return true;
  return (
    current.answer === null &&
    current.fingerprint === fingerprint &&
    current.runsUntil.getTime() <= at.getTime()
  );
}
