import type {
  LedgerEntry,
  LedgerState,
  NewSubmission,
  SubmissionLedger,
} from "../../src/ledger/ledger.js";

/** A Map-based SubmissionLedger for unit tests; it remembers every noteStatus call. */
export class MemoryLedger implements SubmissionLedger {
  readonly kind = "file" as const;
  readonly entries = new Map<string, LedgerEntry>();
  readonly notes: { url: string; status: string; at: Date }[] = [];

  async record(submissions: readonly NewSubmission[], at: Date): Promise<void> {
    for (const s of submissions) {
      this.entries.set(s.url, {
        ...s,
        state: "PENDING",
        submittedAt: at,
        updatedAt: at,
        lastStatus: null,
      });
    }
  }

  async settle(urls: readonly string[], state: LedgerState, at: Date): Promise<void> {
    for (const url of urls) {
      const entry = this.entries.get(url);
      if (entry) this.entries.set(url, { ...entry, state, updatedAt: at });
    }
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

  async close(): Promise<void> {}
}
