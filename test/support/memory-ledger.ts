import { randomUUID } from "node:crypto";
import { HeldSpendBook } from "../../src/ledger/held-spend.js";
import {
  type Claimed,
  type ClaimTerms,
  type IdempotencyRecord,
  type IdempotentStart,
  type LedgerEntry,
  type LedgerState,
  type NewSubmission,
  type ReservedSpend,
  roundPence,
  type SpendCharge,
  type SpendReservation,
  type SpendRow,
  type SubmissionLedger,
} from "../../src/ledger/ledger.js";
import {
  checkedLimit,
  checkedTime,
  claimable,
  copyEntry,
  jsonValue,
  normaliseSubmissions,
  startable,
} from "../../src/ledger/ledger-input.js";

/**
 * A Map-based SubmissionLedger for unit tests; it remembers every noteStatus call. It keeps the
 * ledger contract (test/ledger/memory-ledger.test.ts): copies in and out, times checked, writes
 * refused once closed. `new MemoryLedger(previous)` reopens what `previous` held (a restart).
 */
export class MemoryLedger implements SubmissionLedger {
  readonly kind = "file" as const;
  readonly entries: Map<string, LedgerEntry>;
  readonly keys: Map<string, IdempotencyRecord>;
  readonly notes: { url: string; status: string; at: Date }[];
  readonly spend: (SpendRow & { client: string })[];
  /** Held by operations in flight: kept in memory only, as the file ledger keeps them. */
  readonly reservations = new HeldSpendBook();
  #closed = false;

  constructor(previous?: MemoryLedger) {
    this.entries = previous?.entries ?? new Map();
    this.keys = previous?.keys ?? new Map();
    this.notes = previous?.notes ?? [];
    this.spend = previous?.spend ?? [];
  }

  #writable(): void {
    if (this.#closed) throw new Error("the ledger is closed");
  }

  async reserveSpend(reservation: SpendReservation): Promise<ReservedSpend> {
    this.#writable();
    return this.reservations.reserve(
      reservation,
      this.#spentOn(reservation.client, reservation.day),
    );
  }

  async chargeSpend(
    client: string,
    day: string,
    charges: readonly SpendCharge[],
    reservation?: string,
  ): Promise<number> {
    this.#writable();
    for (const charge of charges) {
      const row = this.spend.find(
        (r) =>
          r.client === client &&
          r.day === day &&
          r.upstream === charge.upstream &&
          r.operation === charge.operation,
      );
      if (row) {
        row.paidCalls += charge.paidCalls;
        row.pence += charge.pence;
      } else this.spend.push({ client, day, ...charge });
    }
    this.reservations.release(reservation);
    return this.#spentOn(client, day);
  }

  #spentOn(client: string, day: string): number {
    return roundPence(
      this.spend
        .filter((r) => r.client === client && r.day === day)
        .reduce((sum, r) => sum + r.pence, 0),
    );
  }

  async spendOf(client: string, fromDay: string, toDay: string): Promise<SpendRow[]> {
    return this.spend
      .filter((r) => r.client === client && r.day >= fromDay && r.day <= toDay)
      .map(({ client: _client, ...row }) => row);
  }

  async claim(submissions: readonly NewSubmission[], given: ClaimTerms): Promise<Claimed> {
    this.#writable();
    const terms = { ...given, at: checkedTime(given.at), until: checkedTime(given.until) };
    const claim = randomUUID();
    const won: string[] = [];
    // A URL given twice counts once, the later one winning; options kept as JSON.
    for (const s of normaliseSubmissions(submissions)) {
      if (!claimable(this.entries.get(s.url), terms, (e, at) => this.inFlight(e, at))) continue;
      this.entries.set(s.url, {
        ...s,
        state: "PENDING",
        submittedAt: terms.at,
        updatedAt: terms.at,
        lastStatus: null,
        claim,
        claimedUntil: terms.until,
      });
      won.push(s.url);
    }
    return { claim, won };
  }

  async settle(urls: readonly string[], state: LedgerState, given: Date, claim: string) {
    this.#writable();
    const at = checkedTime(given);
    for (const url of urls) {
      const entry = this.entries.get(url);
      if (entry?.claim === claim) this.entries.set(url, { ...entry, state, updatedAt: at });
    }
  }

  inFlight(entry: LedgerEntry, at: Date): boolean {
    return entry.state === "PENDING" && entry.claimedUntil.getTime() > at.getTime();
  }

  async noteStatus(url: string, status: string, given: Date): Promise<void> {
    this.#writable();
    const at = checkedTime(given);
    this.notes.push({ url, status, at });
    const entry = this.entries.get(url);
    if (entry) this.entries.set(url, { ...entry, lastStatus: status, updatedAt: at });
  }

  async get(urls: readonly string[]): Promise<Map<string, LedgerEntry>> {
    const found = new Map<string, LedgerEntry>();
    for (const url of urls) {
      const entry = this.entries.get(url);
      if (entry) found.set(url, copyEntry(entry));
    }
    return found;
  }

  async byVehicle(vehicleId: string): Promise<LedgerEntry[]> {
    return [...this.entries.values()]
      .filter((e) => e.vehicleId === vehicleId)
      .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())
      .map(copyEntry);
  }

  async unsettled(limit: number): Promise<LedgerEntry[]> {
    return [...this.entries.values()]
      .filter((e) => e.state === "PENDING" || e.state === "UNKNOWN")
      .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())
      .slice(0, checkedLimit(limit))
      .map(copyEntry);
  }

  async startIdempotent(start: IdempotentStart): Promise<IdempotencyRecord | undefined> {
    this.#writable();
    const { key, fingerprint } = start;
    const at = checkedTime(start.at);
    const runsUntil = checkedTime(start.runsUntil);
    const current = this.keys.get(key);
    if (!startable(current, fingerprint, at)) return current && structuredClone(current);
    this.keys.set(key, { key, fingerprint, startedAt: at, runsUntil, answer: null });
    return undefined;
  }

  async finishIdempotent(key: string, answer: object, at: Date): Promise<void> {
    this.#writable();
    checkedTime(at);
    const current = this.keys.get(key);
    if (current) this.keys.set(key, { ...current, answer: jsonValue(answer) as object | null });
  }

  async close(): Promise<void> {
    this.#closed = true;
  }
}
