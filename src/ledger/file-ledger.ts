import { randomUUID } from "node:crypto";
import { type FileHandle, mkdir, open, readFile, realpath, rename } from "node:fs/promises";
import { dirname, join } from "node:path";
import {
  decodeHeader,
  decodeOp,
  encodeHeader,
  encodeOp,
  FORMAT_VERSION,
  LEDGER_FILE,
  LOCK_FILE,
  type LogOp,
  splitLines,
} from "./file-ledger-format.js";
import { acquireDirLock, errorCode, releaseDirLock } from "./file-lock.js";
import { HeldSpendBook } from "./held-spend.js";
import {
  type Claimed,
  type ClaimTerms,
  IDEMPOTENCY_RETENTION_MS,
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
  utcDay,
} from "./ledger.js";
import {
  checkedLimit,
  checkedTime,
  claimable,
  copyEntry,
  distinct,
  jsonValue,
  normaliseSubmissions,
  startable,
} from "./ledger-input.js";

export interface FileLedgerOptions {
  /** Told about what the open repaired, such as a last line cut short by a crash. */
  onWarning?: (message: string) => void;
  /**
   * The log is rewritten on open once it holds more than
   * max(compactMinRecords, compactRatio × live entries) records (one per URL a line touches).
   */
  compactMinRecords?: number;
  compactRatio?: number;
}

export const FILE_LEDGER_DEFAULTS = { compactMinRecords: 10_000, compactRatio: 2 } as const;

/** The ledger file cannot be read as a ledger; it was left as it is. */
export class LedgerFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LedgerFileError";
  }
}

/** A write failed; the ledger refuses further writes until the process restarts. */
export class LedgerWriteError extends Error {
  constructor(path: string, cause: unknown) {
    super(`the ledger ${path} could not be written; restart to reopen it`, { cause });
    this.name = "LedgerWriteError";
  }
}

/** An operation waiting to be written, and the spend reservation it settles. */
interface QueuedWrite {
  op: LogOp;
  release?: string | undefined;
  resolve: (change: Change) => void;
  reject: (error: Error) => void;
}

interface Stored extends LedgerEntry {
  /** Recording order: breaks ties between entries submitted at the same instant. */
  seq: number;
}

interface Lookup {
  entry(url: string): Stored | undefined;
  idempotency(key: string): IdempotencyRecord | undefined;
}

/** What one operation changed. */
interface Change {
  entries: Stored[];
  /** The key an idem op took or finished; for one that did not, the key as it stands. */
  idempotency?: IdempotencyRecord | undefined;
  /** An idem op took its key. */
  took?: boolean;
}

/**
 * The conditions of claims and keys, checked when an operation is first applied; a replayed line
 * took effect when it was written, so it is applied without them.
 */
interface Checks {
  /** Whether the entry's call may still be under way at `at`. */
  inFlight(entry: LedgerEntry, at: Date): boolean;
}

/**
 * The embedded ledger: an append-only JSON-lines log in `<dataDir>/ledger.jsonl` (format in
 * file-ledger-format.ts), replayed into memory on open. Reads are answered from memory. Writes
 * are serialised: each is appended and fsync'ed before its promise resolves, and only then is it
 * visible to reads. Writes that arrive while one is being flushed go out together in the next
 * flush (one write, one fsync), still in order, each claim judged against every write before it.
 * One process per data directory (`ledger.lock`): a claim that an earlier process left PENDING is
 * dead, since that process is gone, so its entry is settled from CarCutter's status at once.
 */
export class FileLedger implements SubmissionLedger {
  readonly kind = "file" as const;
  /** The log file. */
  readonly path: string;
  readonly #lockPath: string;
  readonly #index: EntryIndex;
  readonly #handle: FileHandle;
  /** Prefix of this process's claims. */
  readonly #session = randomUUID();
  readonly #checks: Checks = { inFlight: (entry, at) => this.inFlight(entry, at) };
  #queue: QueuedWrite[] = [];
  /**
   * Spend reservations, by id: in memory only, since one process holds the store and a
   * reservation dies with the operation that holds it (a crash ends both).
   */
  readonly #reservations = new HeldSpendBook();
  #flushing = false;
  #flushed: Promise<void> = Promise.resolve();
  #failure: LedgerWriteError | undefined;
  #closed = false;

  private constructor(path: string, lockPath: string, index: EntryIndex, handle: FileHandle) {
    this.path = path;
    this.#lockPath = lockPath;
    this.#index = index;
    this.#handle = handle;
  }

  /** Creates `dataDir` if needed, locks it, and replays (and maybe compacts) its log. */
  static async open(dataDir: string, options: FileLedgerOptions = {}): Promise<FileLedger> {
    await mkdir(dataDir, { recursive: true });
    const dir = await realpath(dataDir);
    const path = join(dir, LEDGER_FILE);
    const lockPath = join(dir, LOCK_FILE);
    await acquireDirLock(lockPath, dir);
    try {
      const { index, records } = await loadLog(path, options.onWarning ?? (() => {}));
      const minRecords = options.compactMinRecords ?? FILE_LEDGER_DEFAULTS.compactMinRecords;
      const ratio = options.compactRatio ?? FILE_LEDGER_DEFAULTS.compactRatio;
      if (records > Math.max(minRecords, ratio * index.size)) await compact(path, index);
      const handle = await open(path, "a");
      return new FileLedger(path, lockPath, index, handle);
    } catch (error) {
      await releaseDirLock(lockPath);
      throw error;
    }
  }

  async claim(submissions: readonly NewSubmission[], terms: ClaimTerms): Promise<Claimed> {
    const at = checkedTime(terms.at);
    const until = checkedTime(terms.until);
    const normalised = normaliseSubmissions(submissions);
    const claim = `${this.#session}.${randomUUID()}`;
    if (normalised.length === 0) {
      await this.#write(undefined);
      return { claim, won: [] };
    }
    const op: LogOp = {
      op: "record",
      at,
      until,
      claim,
      submissions: normalised,
      force: terms.force,
    };
    const { entries } = await this.#write(op);
    const won = new Set(entries.map((e) => e.url));
    return { claim, won: normalised.map((s) => s.url).filter((url) => won.has(url)) };
  }

  async settle(urls: readonly string[], state: LedgerState, at: Date, claim: string) {
    const time = checkedTime(at);
    const distinctUrls = distinct(urls);
    if (distinctUrls.length === 0) return void (await this.#write(undefined));
    await this.#write({ op: "settle", at: time, state, urls: distinctUrls, claim });
  }

  inFlight(entry: LedgerEntry, at: Date): boolean {
    return (
      entry.state === "PENDING" &&
      entry.claim.startsWith(`${this.#session}.`) &&
      entry.claimedUntil.getTime() > at.getTime()
    );
  }

  async noteStatus(url: string, status: string, at: Date): Promise<void> {
    await this.#write({ op: "status", at: checkedTime(at), url, status });
  }

  async startIdempotent(start: IdempotentStart): Promise<IdempotencyRecord | undefined> {
    const { key, fingerprint, at, runsUntil } = start;
    const op: LogOp = {
      op: "idem",
      key,
      fingerprint,
      at: checkedTime(at),
      until: checkedTime(runsUntil),
    };
    const { took, idempotency } = await this.#write(op);
    return took ? undefined : idempotency && structuredClone(idempotency);
  }

  async finishIdempotent(key: string, answer: object, at: Date): Promise<void> {
    await this.#write({ op: "idemDone", key, at: checkedTime(at), answer: jsonValue(answer) });
  }

  async reserveSpend(reservation: SpendReservation): Promise<ReservedSpend> {
    checkedTime(reservation.at);
    checkedTime(reservation.until);
    await this.#write(undefined);
    // From here to the end, nothing else runs: the check and the hold are one step.
    return this.#reservations.reserve(
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
    if (charges.length === 0) {
      await this.#write(undefined);
      this.#reservations.release(reservation);
    } else {
      // The reservation goes when the charge is on disk and counted (#flush), not before.
      const op: LogOp = { op: "spend", client, day, charges: charges.map((c) => ({ ...c })) };
      await this.#write(op, reservation);
    }
    return this.#spentOn(client, day);
  }

  #spentOn(client: string, day: string): number {
    return roundPence(
      this.#index.spendOf(client, day, day).reduce((sum, row) => sum + row.pence, 0),
    );
  }

  async spendOf(client: string, fromDay: string, toDay: string): Promise<SpendRow[]> {
    this.#assertOpen();
    return this.#index.spendOf(client, fromDay, toDay);
  }

  async get(urls: readonly string[]): Promise<Map<string, LedgerEntry>> {
    this.#assertOpen();
    const found = new Map<string, LedgerEntry>();
    for (const url of urls) {
      const entry = this.#index.get(url);
      if (entry !== undefined) found.set(url, publicEntry(entry));
    }
    return found;
  }

  async byVehicle(vehicleId: string): Promise<LedgerEntry[]> {
    this.#assertOpen();
    return this.#index.ofVehicle(vehicleId).sort(oldestFirst).map(publicEntry);
  }

  async unsettled(limit: number): Promise<LedgerEntry[]> {
    this.#assertOpen();
    const max = checkedLimit(limit);
    return this.#index.unsettled().sort(oldestFirst).slice(0, max).map(publicEntry);
  }

  /** Waits for the writes already made, then closes the file and releases the lock. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#flushed;
    await this.#handle.close();
    await releaseDirLock(this.#lockPath);
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error(`the ledger ${this.path} is closed`);
  }

  /**
   * Queues `op` (undefined: nothing to write, but still refused when closed or failed); resolves
   * with what it changed once that is on disk.
   */
  #write(op: LogOp | undefined, release?: string): Promise<Change> {
    if (this.#closed) return Promise.reject(new Error(`the ledger ${this.path} is closed`));
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    if (op === undefined) return Promise.resolve({ entries: [] });
    return new Promise((resolve, reject) => {
      this.#queue.push({ op, release, resolve, reject });
      if (!this.#flushing) {
        this.#flushing = true;
        this.#flushed = this.#flush();
      }
    });
  }

  /** Writes queued operations until none are left; never rejects. */
  async #flush(): Promise<void> {
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue;
        this.#queue = [];
        // Applied to a staging area first: reads see a change only once it is on disk.
        const staged = new Map<string, Stored>();
        const stagedKeys = new Map<string, IdempotencyRecord>();
        const lookup: Lookup = {
          entry: (url) => staged.get(url) ?? this.#index.get(url),
          idempotency: (key) => stagedKeys.get(key) ?? this.#index.idempotency(key),
        };
        let seq = this.#index.nextSeq;
        let text = "";
        const changes: Change[] = [];
        for (const { op } of batch) {
          const change = applyOp(op, lookup, () => seq++, this.#checks);
          for (const entry of change.entries) staged.set(entry.url, entry);
          const record = change.idempotency;
          if (record !== undefined) stagedKeys.set(record.key, record);
          const effective = effectiveOp(op, change);
          if (effective !== undefined) text += encodeOp(effective);
          // A key this op did not take is answered as it stands.
          const key = op.op === "idem" || op.op === "idemDone" ? op.key : undefined;
          changes.push(
            key === undefined || record !== undefined
              ? change
              : { ...change, idempotency: lookup.idempotency(key) },
          );
        }
        try {
          if (this.#failure !== undefined) throw this.#failure;
          if (text !== "") {
            await writeAll(this.#handle, Buffer.from(text, "utf8"));
            await this.#handle.datasync();
          }
        } catch (error) {
          // What reached the disk is unknown now (a torn line at most, which the next open drops);
          // refuse every later write rather than build on it.
          this.#failure ??= new LedgerWriteError(this.path, error);
          for (const pending of [...batch, ...this.#queue]) pending.reject(this.#failure);
          this.#queue = [];
          return;
        }
        for (const entry of staged.values()) this.#index.put(entry);
        for (const record of stagedKeys.values()) this.#index.putIdempotency(record);
        for (const { op, release } of batch) {
          if (op.op === "spend") this.#index.addSpend(op);
          this.#reservations.release(release);
        }
        this.#index.nextSeq = seq;
        for (const [i, pending] of batch.entries()) pending.resolve(changes[i] ?? { entries: [] });
      }
    } finally {
      // Synchronously after the last check of the queue: a write queued later starts a new flush.
      this.#flushing = false;
    }
  }
}

/**
 * What `op` changes, given the current entries and keys; nothing for URLs never claimed. With
 * `checks` (a new operation) claims, settles and keys take effect only where their conditions
 * hold; without (a replayed line, which took effect when written) as they stand.
 */
function applyOp(op: LogOp, lookup: Lookup, nextSeq: () => number, checks?: Checks): Change {
  switch (op.op) {
    case "record":
      return {
        entries: op.submissions
          .filter((s) => {
            const entry = lookup.entry(s.url);
            return checks === undefined || claimable(entry, op, checks.inFlight);
          })
          .map((s) => ({
            url: s.url,
            vehicleId: s.vehicleId,
            state: "PENDING",
            options: s.options,
            submittedAt: op.at,
            updatedAt: op.at,
            lastStatus: null,
            claim: op.claim,
            claimedUntil: op.until,
            seq: nextSeq(),
          })),
      };
    case "put":
      return { entries: [{ ...op.entry, seq: nextSeq() }] };
    case "settle":
      return {
        entries: op.urls.flatMap((url) => {
          const entry = lookup.entry(url);
          if (entry === undefined) return [];
          if (checks !== undefined && op.claim !== undefined && entry.claim !== op.claim) return [];
          return [{ ...entry, state: op.state, updatedAt: op.at }];
        }),
      };
    case "status": {
      const entry = lookup.entry(op.url);
      return {
        entries: entry === undefined ? [] : [{ ...entry, lastStatus: op.status, updatedAt: op.at }],
      };
    }
    case "idem": {
      const current = lookup.idempotency(op.key);
      if (checks !== undefined && !startable(current, op.fingerprint, op.at))
        return { entries: [] };
      const record = {
        key: op.key,
        fingerprint: op.fingerprint,
        startedAt: op.at,
        runsUntil: op.until,
        answer: null,
      };
      return { entries: [], idempotency: record, took: true };
    }
    case "idemDone": {
      const current = lookup.idempotency(op.key);
      if (current === undefined) return { entries: [] };
      return { entries: [], idempotency: { ...current, answer: op.answer ?? null } };
    }
    case "spend":
      // Totals, not entries: added to the index once written (EntryIndex.addSpend).
      return { entries: [] };
  }
}

/** What to log for `op`: only what it changed, nothing when it changed nothing. */
function effectiveOp(op: LogOp, change: Change): LogOp | undefined {
  if (op.op === "idem" || op.op === "idemDone") {
    return change.idempotency === undefined ? undefined : op;
  }
  if (op.op === "spend") return op;
  if (change.entries.length === 0) return undefined;
  const changed = new Set(change.entries.map((e) => e.url));
  if (op.op === "settle") return { ...op, urls: op.urls.filter((url) => changed.has(url)) };
  if (op.op === "record") {
    return { ...op, submissions: op.submissions.filter((s) => changed.has(s.url)) };
  }
  return op;
}

/** How many entry changes a line holds, for the compaction threshold. */
function recordCount(op: LogOp): number {
  switch (op.op) {
    case "record":
      return op.submissions.length;
    case "settle":
      return op.urls.length;
    case "status":
    case "put":
    case "idem":
    case "idemDone":
    case "spend":
      return 1;
  }
}

/** How long the embedded store keeps a day's spend (compaction drops older days). */
const SPEND_RETENTION_DAYS = 400;

class EntryIndex {
  /** By client, then day, then `upstream operation`: the totals. */
  readonly #spend = new Map<string, Map<string, Map<string, SpendRow>>>();
  readonly #byUrl = new Map<string, Stored>();
  readonly #keys = new Map<string, IdempotencyRecord>();
  readonly #byVehicle = new Map<string, Set<string>>();
  readonly #unsettled = new Set<string>();
  nextSeq = 0;

  get size(): number {
    return this.#byUrl.size;
  }

  get(url: string): Stored | undefined {
    return this.#byUrl.get(url);
  }

  put(entry: Stored): void {
    const previous = this.#byUrl.get(entry.url);
    if (previous !== undefined && previous.vehicleId !== entry.vehicleId) {
      const urls = this.#byVehicle.get(previous.vehicleId);
      urls?.delete(entry.url);
      if (urls?.size === 0) this.#byVehicle.delete(previous.vehicleId);
    }
    this.#byUrl.set(entry.url, entry);
    let urls = this.#byVehicle.get(entry.vehicleId);
    if (urls === undefined) {
      urls = new Set();
      this.#byVehicle.set(entry.vehicleId, urls);
    }
    urls.add(entry.url);
    if (entry.state === "PENDING" || entry.state === "UNKNOWN") this.#unsettled.add(entry.url);
    else this.#unsettled.delete(entry.url);
  }

  idempotency(key: string): IdempotencyRecord | undefined {
    return this.#keys.get(key);
  }

  putIdempotency(record: IdempotencyRecord): void {
    this.#keys.set(record.key, record);
  }

  /** Keys still kept at `now`. */
  liveKeys(now: number): IdempotencyRecord[] {
    return [...this.#keys.values()].filter(
      (r) => r.startedAt.getTime() > now - IDEMPOTENCY_RETENTION_MS,
    );
  }

  addSpend(op: { client: string; day: string; charges: readonly SpendCharge[] }): void {
    let days = this.#spend.get(op.client);
    if (!days) {
      days = new Map();
      this.#spend.set(op.client, days);
    }
    let rows = days.get(op.day);
    if (!rows) {
      rows = new Map();
      days.set(op.day, rows);
    }
    for (const charge of op.charges) {
      const key = `${charge.upstream} ${charge.operation}`;
      const row = rows.get(key) ?? { day: op.day, ...charge, paidCalls: 0, pence: 0 };
      row.paidCalls += charge.paidCalls;
      row.pence += charge.pence;
      rows.set(key, row);
    }
  }

  spendOf(client: string, fromDay: string, toDay: string): SpendRow[] {
    const rows: SpendRow[] = [];
    for (const [day, byOperation] of this.#spend.get(client) ?? []) {
      if (day < fromDay || day > toDay) continue;
      for (const row of byOperation.values()) rows.push({ ...row });
    }
    return rows.sort(
      (a, b) =>
        a.day.localeCompare(b.day) ||
        a.upstream.localeCompare(b.upstream) ||
        a.operation.localeCompare(b.operation),
    );
  }

  /**
   * Forgets the days older than SPEND_RETENTION_DAYS before `today`, then answers one spend line
   * per client and day, for compaction: what is in memory stays what the log holds.
   */
  keptSpendLines(today: string): { client: string; day: string; charges: SpendCharge[] }[] {
    const oldest = new Date(`${today}T00:00:00Z`);
    oldest.setUTCDate(oldest.getUTCDate() - SPEND_RETENTION_DAYS);
    const from = oldest.toISOString().slice(0, 10);
    const lines: { client: string; day: string; charges: SpendCharge[] }[] = [];
    for (const [client, days] of this.#spend) {
      for (const [day, rows] of days) {
        if (day < from) {
          days.delete(day);
          continue;
        }
        const charges = [...rows.values()].map(({ day: _day, ...charge }) => charge);
        lines.push({ client, day, charges });
      }
      if (days.size === 0) this.#spend.delete(client);
    }
    return lines;
  }

  ofVehicle(vehicleId: string): Stored[] {
    return this.#entriesOf(this.#byVehicle.get(vehicleId) ?? []);
  }

  unsettled(): Stored[] {
    return this.#entriesOf(this.#unsettled);
  }

  all(): Stored[] {
    return [...this.#byUrl.values()];
  }

  #entriesOf(urls: Iterable<string>): Stored[] {
    const entries: Stored[] = [];
    for (const url of urls) {
      const entry = this.#byUrl.get(url);
      if (entry !== undefined) entries.push(entry);
    }
    return entries;
  }
}

function oldestFirst(a: Stored, b: Stored): number {
  return a.submittedAt.getTime() - b.submittedAt.getTime() || a.seq - b.seq;
}

function publicEntry(entry: Stored): LedgerEntry {
  return copyEntry(entry);
}

/**
 * Replays the log. A last line that does not parse was cut short by a crash during its write (its
 * call never resolved): it is cut off the file, with a warning. Any other bad line fails the open
 * and leaves the file alone.
 */
async function loadLog(
  path: string,
  warn: (message: string) => void,
): Promise<{ index: EntryIndex; records: number }> {
  const index = new EntryIndex();
  let content: Buffer;
  try {
    content = await readFile(path);
  } catch (error) {
    if (errorCode(error) !== "ENOENT") throw error;
    content = Buffer.alloc(0);
  }
  const lines = splitLines(content);
  let records = 0;
  /** Where the file's good part ends: nothing is good in a file without a line. */
  let goodEnd = lines.length === 0 ? 0 : content.length;
  for (const [i, line] of lines.entries()) {
    const decoded = i === 0 ? decodeHeader(line.text) : decodeOp(line.text);
    if (!decoded.ok) {
      if (i === lines.length - 1) {
        warn(
          `${path}: line ${line.number} is incomplete (${decoded.reason}), probably cut short ` +
            "by a crash while it was written; it is dropped",
        );
        goodEnd = line.start;
        break;
      }
      throw new LedgerFileError(
        `${path}: line ${line.number} is corrupt (${decoded.reason}); the file was left ` +
          "unchanged: repair or move it away",
      );
    }
    const value = decoded.value;
    if ("version" in value) {
      if (value.version !== FORMAT_VERSION) {
        throw new LedgerFileError(
          `${path}: format version ${value.version} is not supported (this Forecourt reads ` +
            `version ${FORMAT_VERSION})`,
        );
      }
      continue;
    }
    const change = applyOp(
      value,
      { entry: (url) => index.get(url), idempotency: (key) => index.idempotency(key) },
      () => index.nextSeq++,
    );
    for (const entry of change.entries) index.put(entry);
    if (change.idempotency !== undefined) index.putIdempotency(change.idempotency);
    if (value.op === "spend") index.addSpend(value);
    records += recordCount(value);
  }
  if (goodEnd === 0) {
    await writeDurably(path, encodeHeader(), "w");
  } else if (goodEnd < content.length) {
    const handle = await open(path, "r+");
    try {
      await handle.truncate(goodEnd);
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }
  return { index, records };
}

/** Rewrites the log as one `put` per live entry, in recording order, then swaps it in. */
async function compact(path: string, index: EntryIndex): Promise<void> {
  const entries = index.all().sort((a, b) => a.seq - b.seq);
  let text = encodeHeader();
  for (const { seq: _seq, ...entry } of entries) text += encodeOp({ op: "put", entry });
  for (const { key, fingerprint, startedAt, runsUntil, answer } of index.liveKeys(Date.now())) {
    text += encodeOp({ op: "idem", key, fingerprint, at: startedAt, until: runsUntil });
    if (answer !== null) text += encodeOp({ op: "idemDone", key, at: startedAt, answer });
  }
  for (const line of index.keptSpendLines(utcDay(new Date())))
    text += encodeOp({ op: "spend", ...line });
  const temporary = `${path}.compacting`;
  await writeDurably(temporary, text, "w");
  await rename(temporary, path);
  await syncDir(path);
}

/** Writes `text` to a new (or emptied) file, fsyncs it and the directory entry. */
async function writeDurably(path: string, text: string, flag: "w"): Promise<void> {
  const handle = await open(path, flag);
  try {
    await writeAll(handle, Buffer.from(text, "utf8"));
    await handle.datasync();
  } finally {
    await handle.close();
  }
  await syncDir(path);
}

async function syncDir(path: string): Promise<void> {
  const dir = await open(dirname(path), "r");
  try {
    await dir.sync();
  } catch (error) {
    // Some file systems (and platforms) cannot fsync a directory; the data itself is synced.
    if (errorCode(error) !== "EINVAL" && errorCode(error) !== "EISDIR") throw error;
  } finally {
    await dir.close();
  }
}

async function writeAll(handle: FileHandle, data: Buffer): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset);
    offset += bytesWritten;
  }
}
