import { randomUUID } from "node:crypto";
import {
  type Claimed,
  type ClaimTerms,
  fitsBudget,
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
import { claimable, startable } from "../../src/ledger/ledger-input.js";

/** A Map-based SubmissionLedger for unit tests; it remembers every noteStatus call. */
export class MemoryLedger implements SubmissionLedger {
  readonly kind = "file" as const;
  readonly entries = new Map<string, LedgerEntry>();
  readonly keys = new Map<string, IdempotencyRecord>();
  readonly notes: { url: string; status: string; at: Date }[] = [];
  readonly spend: (SpendRow & { client: string })[] = [];
  readonly reservations = new Map<string, SpendReservation>();

  async reserveSpend(reservation: SpendReservation): Promise<ReservedSpend> {
    const { id, client, day, pence, limitPence, at } = reservation;
    let reservedPence = 0;
    for (const [other, held] of this.reservations) {
      if (held.until <= at || held.day < day) this.reservations.delete(other);
      else if (held.client === client && held.day === day) reservedPence += held.pence;
    }
    reservedPence = roundPence(reservedPence);
    const spentPence = this.#spentOn(client, day);
    const reserved = fitsBudget(spentPence, reservedPence, pence, limitPence);
    if (reserved) this.reservations.set(id, reservation);
    return { reserved, spentPence, reservedPence };
  }

  async chargeSpend(
    client: string,
    day: string,
    charges: readonly SpendCharge[],
    reservation?: string,
  ): Promise<number> {
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
    if (reservation !== undefined) this.reservations.delete(reservation);
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

  async claim(submissions: readonly NewSubmission[], terms: ClaimTerms): Promise<Claimed> {
    const claim = randomUUID();
    const won: string[] = [];
    // A URL given twice counts once, the later one winning.
    const byUrl = new Map<string, NewSubmission>();
    for (const s of submissions) {
      byUrl.delete(s.url);
      byUrl.set(s.url, s);
    }
    for (const s of byUrl.values()) {
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

  async settle(urls: readonly string[], state: LedgerState, at: Date, claim: string) {
    for (const url of urls) {
      const entry = this.entries.get(url);
      if (entry?.claim === claim) this.entries.set(url, { ...entry, state, updatedAt: at });
    }
  }

  inFlight(entry: LedgerEntry, at: Date): boolean {
    return entry.state === "PENDING" && entry.claimedUntil.getTime() > at.getTime();
  }

  async noteStatus(url: string, status: string, at: Date): Promise<void> {
    this.notes.push({ url, status, at });
    const entry = this.entries.get(url);
    if (entry) this.entries.set(url, { ...entry, lastStatus: status, updatedAt: at });
  }

  async get(urls: readonly string[]): Promise<Map<string, LedgerEntry>> {
    const found = new Map<string, LedgerEntry>();
    for (const url of urls) {
      const entry = this.entries.get(url);
      if (entry) found.set(url, entry);
    }
    return found;
  }

  async byVehicle(vehicleId: string): Promise<LedgerEntry[]> {
    return [...this.entries.values()]
      .filter((e) => e.vehicleId === vehicleId)
      .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  }

  async unsettled(limit: number): Promise<LedgerEntry[]> {
    return [...this.entries.values()]
      .filter((e) => e.state === "PENDING" || e.state === "UNKNOWN")
      .slice(0, limit);
  }

  async startIdempotent(start: IdempotentStart): Promise<IdempotencyRecord | undefined> {
    const { key, fingerprint, at, runsUntil } = start;
    const current = this.keys.get(key);
    if (!startable(current, fingerprint, at)) return current && structuredClone(current);
    this.keys.set(key, { key, fingerprint, startedAt: at, runsUntil, answer: null });
    return undefined;
  }

  async finishIdempotent(key: string, answer: object, _at: Date): Promise<void> {
    const current = this.keys.get(key);
    if (current) this.keys.set(key, { ...current, answer: structuredClone(answer ?? null) });
  }

  async close(): Promise<void> {}
}
