import { randomUUID } from "node:crypto";
import type {
  LedgerEntry,
  LedgerState,
  NewSubmission,
  SubmissionLedger,
} from "../../src/ledger/ledger.js";
import type { CarCutterClient } from "../../src/upstreams/carcutter/client.js";
import type { ImageStatusDto } from "../../src/upstreams/carcutter/dto.js";

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

/** Submits the URLs to the emulator (60 per call) and records them in the ledger. */
export async function submit(
  client: CarCutterClient,
  ledger: MemoryLedger,
  vehicleId: string,
  urls: readonly string[],
  at = new Date(),
): Promise<void> {
  await ledger.record(
    urls.map((url) => ({ url, vehicleId, options: { cutType: "complete" } })),
    at,
  );
  for (let i = 0; i < urls.length; i += 60) {
    await client.submitImages({ urls: urls.slice(i, i + 60), vehicleId, cutType: "complete" });
  }
  await ledger.settle(urls, "ACCEPTED", at);
}

/** The client's imageStatuses, with every call's URLs recorded. */
export function recordingStatuses(client: CarCutterClient): {
  carcutter: Pick<CarCutterClient, "imageStatuses">;
  calls: string[][];
} {
  const calls: string[][] = [];
  return {
    calls,
    carcutter: {
      imageStatuses: (urls, signal) => {
        calls.push([...urls]);
        return client.imageStatuses(urls, signal);
      },
    },
  };
}

/** A namespace of its own, so suites sharing one Redis never hear each other. */
export function testNamespace(): string {
  return `forecourt-test-${randomUUID()}`;
}

export function status(image: string, fields: Partial<ImageStatusDto> = {}): ImageStatusDto {
  return { image, status: "processing", phase: "downloading", quality: null, angle: [], ...fields };
}

/** Reads `count` items (or fewer if the iterator ends), failing after `ms`. */
export async function take<T>(iterator: AsyncIterator<T>, count: number, ms = 2000): Promise<T[]> {
  const items: T[] = [];
  const deadline = Date.now() + ms;
  while (items.length < count) {
    const left = deadline - Date.now();
    const next = await Promise.race([
      iterator.next(),
      new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), Math.max(0, left))),
    ]);
    if (next === "timeout") throw new Error(`timed out after ${items.length} of ${count} items`);
    if (next.done) break;
    items.push(next.value);
  }
  return items;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it holds, failing after `ms`. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  ms = 2000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await sleep(10);
  }
}
