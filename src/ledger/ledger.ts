/**
 * The submission ledger: CarCutter cannot list the images submitted for a vehicle, bills every
 * submission, and can leave an outcome unknown (a timeout). Forecourt records each URL before the
 * upstream call and settles it after, so `Vehicle.images` works, nothing is submitted twice by
 * accident, and a crash between the record and the call loses nothing.
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
  /** When this gateway recorded the (latest) submission of the URL. */
  submittedAt: Date;
  updatedAt: Date;
  /** The last status CarCutter reported for it (webhook or poll), as the upstream spells it. */
  lastStatus: string | null;
}

export interface NewSubmission {
  url: string;
  vehicleId: string;
  options: Record<string, unknown>;
}

export interface SubmissionLedger {
  readonly kind: "file" | "postgres";
  /**
   * Writes one PENDING entry per URL (replacing any earlier entry of that URL) and resolves only
   * once it is durable: callers make the billed upstream call after this.
   */
  record(submissions: readonly NewSubmission[], at: Date): Promise<void>;
  /** Sets the outcome of URLs already recorded; unknown URLs are ignored. */
  settle(urls: readonly string[], state: LedgerState, at: Date): Promise<void>;
  /** Remembers the latest status CarCutter reported; unknown URLs are ignored. */
  noteStatus(url: string, status: string, at: Date): Promise<void>;
  /** Entries of these URLs, keyed by URL (absent when never recorded). */
  get(urls: readonly string[]): Promise<Map<string, LedgerEntry>>;
  /** A vehicle's entries, oldest submission first. */
  byVehicle(vehicleId: string): Promise<LedgerEntry[]>;
  /** Entries whose outcome is open (PENDING or UNKNOWN), oldest first. */
  unsettled(limit: number): Promise<LedgerEntry[]>;
  close(): Promise<void>;
}
