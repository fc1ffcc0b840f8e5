import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { appendFile, mkdtemp, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLedger } from "../../src/ledger/create-ledger.js";
import {
  FileLedger,
  type FileLedgerOptions,
  LedgerFileError,
} from "../../src/ledger/file-ledger.js";
import { LedgerLockedError } from "../../src/ledger/file-lock.js";
import type { NewSubmission, SubmissionLedger } from "../../src/ledger/ledger.js";
import { ledgerContract } from "./ledger-contract.js";

const T0 = Date.parse("2025-03-01T09:00:00.000Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const url = (name: string) => `https://photos.example.com/${name}.jpg`;
const sub = (name: string, vehicleId = "VIN1", options = {}): NewSubmission => ({
  url: url(name),
  vehicleId,
  options,
});

/** Claims every URL given, as the old `record` did (forced, running out at once). */
async function record(
  ledger: SubmissionLedger,
  submissions: readonly NewSubmission[],
  when: Date,
): Promise<string> {
  const { claim, won } = await ledger.claim(submissions, { at: when, until: when, force: true });
  expect(won).toEqual(submissions.map((s) => s.url));
  return claim;
}

describe("FileLedger", () => {
  let root: string;
  const opened: FileLedger[] = [];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "forecourt-ledger-"));
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((ledger) => ledger.close()));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const newDir = () => join(root, randomUUID());

  async function openAt(dir: string, options?: FileLedgerOptions): Promise<FileLedger> {
    const ledger = await FileLedger.open(dir, options);
    opened.push(ledger);
    return ledger;
  }

  async function logLines(dir: string): Promise<string[]> {
    const text = await readFile(join(dir, "ledger.jsonl"), "utf8");
    return text.split("\n").filter((line) => line !== "");
  }

  describe("contract", () => {
    ledgerContract(async () => {
      const dir = newDir();
      return { open: () => FileLedger.open(dir) };
    });
  });

  it("creates its data directory, nested, with a log that starts with its format header", async () => {
    const dir = join(newDir(), "deeper", "data");
    const ledger = await openAt(dir);

    expect(ledger.kind).toBe("file");
    expect(await logLines(dir)).toEqual(['{"format":"forecourt-ledger","version":1}']);
  });

  it("a write is in the file by the time its promise resolves", async () => {
    const dir = newDir();
    const ledger = await openAt(dir);

    const { claim, won } = await ledger.claim([sub("a", "VIN1", { speed: "FAST" })], {
      at: at(1),
      until: at(4),
      force: true,
    });
    expect(won).toEqual([url("a")]);
    // A reader of its own, as another process (or the next start after a crash) would be.
    const afterRecord = (await logLines(dir)).map((line) => JSON.parse(line));
    expect(afterRecord[1]).toEqual({
      op: "record",
      at: at(1).toISOString(),
      until: at(4).toISOString(),
      claim,
      submissions: [{ url: url("a"), vehicleId: "VIN1", options: { speed: "FAST" } }],
    });

    await ledger.settle([url("a"), url("unknown")], "ACCEPTED", at(2), claim);
    await ledger.noteStatus(url("a"), "done", at(3));
    await ledger.noteStatus(url("unknown"), "done", at(3));
    expect(
      await ledger.startIdempotent({ key: "k", fingerprint: "fp", at: at(3), runsUntil: at(4) }),
    ).toBeUndefined();
    await ledger.finishIdempotent("k", { results: [] }, at(4));
    const lines = (await logLines(dir)).map((line) => JSON.parse(line));
    expect(lines.slice(2)).toEqual([
      { op: "settle", at: at(2).toISOString(), state: "ACCEPTED", urls: [url("a")], claim },
      { op: "status", at: at(3).toISOString(), url: url("a"), status: "done" },
      {
        op: "idem",
        key: "k",
        fingerprint: "fp",
        at: at(3).toISOString(),
        until: at(4).toISOString(),
      },
      { op: "idemDone", key: "k", at: at(4).toISOString(), answer: { results: [] } },
    ]);
  });

  it("applies writes made without waiting in the order they were made", async () => {
    const dir = newDir();
    const ledger = await openAt(dir);
    const first = await record(ledger, [sub("a")], at(1));

    const [, , second] = await Promise.all([
      ledger.settle([url("a")], "ACCEPTED", at(2), first),
      ledger.noteStatus(url("a"), "done", at(3)),
      ledger.claim([sub("a")], { at: at(4), until: at(4), force: true }),
      // Stale by now: the claim just before took the URL.
      ledger.settle([url("a")], "UNKNOWN", at(5), first),
      ledger.startIdempotent({ key: "k", fingerprint: "fp", at: at(5), runsUntil: at(6) }),
      ledger.finishIdempotent("k", { done: true }, at(6)),
    ]);

    expect(second.won).toEqual([url("a")]);
    expect((await ledger.get([url("a")])).get(url("a"))).toMatchObject({
      state: "PENDING",
      submittedAt: at(4),
      updatedAt: at(4),
      lastStatus: null,
      claim: second.claim,
    });
    expect(
      await ledger.startIdempotent({ key: "k", fingerprint: "fp", at: at(7), runsUntil: at(8) }),
    ).toMatchObject({
      answer: { done: true },
    });
    expect((await logLines(dir)).map((line) => JSON.parse(line).op)).toEqual([
      undefined,
      "record",
      "settle",
      "status",
      "record",
      "idem",
      "idemDone",
    ]);
  });

  it("starts afresh from a log holding nothing but a cut-short first line or blank lines", async () => {
    for (const content of ['{"format":"forecour', "\n\n"]) {
      const dir = newDir();
      await openAt(dir).then((l) => l.close());
      await writeFile(join(dir, "ledger.jsonl"), content);

      const ledger = await openAt(dir, { onWarning: () => {} });
      await record(ledger, [sub("a")], at(1));
      await ledger.close();
      expect((await (await openAt(dir)).get([url("a")])).size).toBe(1);
    }
  });

  it("drops a last line cut short by a crash, with a warning, and stays writable", async () => {
    const dir = newDir();
    const first = await openAt(dir);
    const claim = await record(first, [sub("a")], at(1));
    await first.settle([url("a")], "ACCEPTED", at(2), claim);
    await first.close();
    await appendFile(join(dir, "ledger.jsonl"), '{"op":"settle","at":"2025-03-01T09:0');

    const warnings: string[] = [];
    const second = await openAt(dir, { onWarning: (m) => warnings.push(m) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`${join(dir, "ledger.jsonl")}: line 4 is incomplete`);
    expect((await second.get([url("a")])).get(url("a"))?.state).toBe("ACCEPTED");

    // The torn bytes are gone: the next line starts on a line of its own.
    await record(second, [sub("b")], at(3));
    await second.close();
    const third = await openAt(dir, { onWarning: (m) => warnings.push(m) });
    expect(warnings).toHaveLength(1);
    expect((await third.byVehicle("VIN1")).map((e) => e.url)).toEqual([url("a"), url("b")]);
  });

  it("refuses to open a log with a corrupt line before the last, naming file and line, and leaves it alone", async () => {
    const dir = newDir();
    const first = await openAt(dir);
    const claim = await record(first, [sub("a")], at(1));
    await first.settle([url("a")], "ACCEPTED", at(2), claim);
    await first.close();
    const path = join(dir, "ledger.jsonl");
    const [header, claimLine, settle] = await logLines(dir);
    const damaged = `${header}\n${claimLine}\n{"op":"settle","at":"yesterday"}\n${settle}\n`;
    await writeFile(path, damaged);

    const opening = FileLedger.open(dir);
    await expect(opening).rejects.toThrow(LedgerFileError);
    await expect(opening).rejects.toThrow(`${path}: line 3 is corrupt`);
    expect(await readFile(path, "utf8")).toBe(damaged);
    expect(existsSync(join(dir, "ledger.lock"))).toBe(false);
  });

  it("refuses a log that is not a ledger, or of a format version it does not read", async () => {
    const notLedger = newDir();
    await openAt(notLedger).then((l) => l.close());
    await writeFile(join(notLedger, "ledger.jsonl"), '{"hello":"world"}\n{"op":"x"}\n');
    await expect(FileLedger.open(notLedger)).rejects.toThrow("line 1 is corrupt");

    const newer = newDir();
    await openAt(newer).then((l) => l.close());
    await writeFile(join(newer, "ledger.jsonl"), '{"format":"forecourt-ledger","version":2}\n');
    await expect(FileLedger.open(newer)).rejects.toThrow("format version 2 is not supported");
  });

  it("compacts a log grown well beyond its entries on open, keeping every entry and their order", async () => {
    const dir = newDir();
    const first = await openAt(dir);
    const names = ["c", "a", "b", "d"];
    const claim = await record(
      first,
      names.map((n) => sub(n, "VIN1", { n })),
      at(1),
    );
    for (let i = 0; i < 20; i++) await first.noteStatus(url("a"), `step ${i}`, at(2 + i));
    await first.settle([url("a"), url("b")], "ACCEPTED", at(30), claim);
    await first.settle([url("d")], "UNKNOWN", at(31), claim);
    await record(first, [sub("c", "VIN2")], at(32));
    const before = { vin1: await first.byVehicle("VIN1"), vin2: await first.byVehicle("VIN2") };
    await first.close();
    expect(await logLines(dir)).toHaveLength(1 + 1 + 20 + 3);

    // Below the threshold (10,000 records by default): left as it is.
    await openAt(dir).then((l) => l.close());
    expect(await logLines(dir)).toHaveLength(25);

    const compacted = await openAt(dir, { compactMinRecords: 0 });
    expect(await logLines(dir)).toHaveLength(1 + names.length);
    expect(await compacted.byVehicle("VIN1")).toEqual(before.vin1);
    await compacted.close();

    const reopened = await openAt(dir);
    expect(await reopened.byVehicle("VIN1")).toEqual(before.vin1);
    expect(await reopened.byVehicle("VIN2")).toEqual(before.vin2);
    expect((await reopened.byVehicle("VIN1")).map((e) => e.url)).toEqual([
      url("a"),
      url("b"),
      url("d"),
    ]);
    expect(existsSync(join(dir, "ledger.jsonl.compacting"))).toBe(false);
  });

  it("compaction keeps each client's spend as one line per day, and drops days past 400", async () => {
    const dir = newDir();
    const first = await openAt(dir);
    const day = (daysAgo: number) =>
      new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const link = { upstream: "oneauto", operation: "GET /imagery/image-from-id" };
    for (let i = 0; i < 3; i++) {
      await first.chargeSpend("web", day(0), [{ ...link, paidCalls: 1, pence: 15 }]);
    }
    await first.chargeSpend("web", day(401), [{ ...link, paidCalls: 1, pence: 15 }]);
    await first.chargeSpend("app", day(1), [{ ...link, paidCalls: 2, pence: 30 }]);
    await first.close();

    const compacted = await openAt(dir, { compactMinRecords: 0 });
    const ops = (await logLines(dir)).map((line) => JSON.parse(line).op);
    expect(ops).toEqual([undefined, "spend", "spend"]);
    expect(await compacted.spendOf("web", day(500), day(0))).toEqual([
      { day: day(0), ...link, paidCalls: 3, pence: 45 },
    ]);
    expect(await compacted.spendOf("app", day(1), day(1))).toEqual([
      { day: day(1), ...link, paidCalls: 2, pence: 30 },
    ]);
    await compacted.close();
  });

  it("compaction keeps the keys still within retention, with their answers, and the entries' claims", async () => {
    const dir = newDir();
    const first = await openAt(dir);
    // Compaction judges retention by the clock: these keys are taken at times near it.
    const now = Date.now();
    const hoursAgo = (h: number) => new Date(now - h * 3_600_000);
    await first.startIdempotent({
      key: "answered",
      fingerprint: "fp-a",
      at: hoursAgo(2),
      runsUntil: hoursAgo(1),
    });
    await first.finishIdempotent(
      "answered",
      { results: [{ url: url("a"), n: [1, null] }] },
      hoursAgo(1),
    );
    await first.startIdempotent({
      key: "running",
      fingerprint: "fp-r",
      at: hoursAgo(0),
      runsUntil: new Date(now + 3_600_000),
    });
    await first.startIdempotent({
      key: "expired",
      fingerprint: "fp-x",
      at: hoursAgo(25),
      runsUntil: hoursAgo(24.9),
    });
    await first.finishIdempotent("expired", { results: [] }, hoursAgo(24.9));
    const running = await first.claim([sub("a"), sub("b")], {
      at: hoursAgo(0),
      until: new Date(now + 3_600_000),
      force: false,
    });
    for (let i = 0; i < 10; i++) await first.noteStatus(url("a"), `step ${i}`, hoursAgo(0));
    const before = await first.byVehicle("VIN1");
    await first.close();

    const compacted = await openAt(dir, { compactMinRecords: 0 });
    // Header, two entries, the answered key (taken, answered), the running key (taken).
    expect((await logLines(dir)).map((line) => JSON.parse(line).op)).toEqual([
      undefined,
      "put",
      "put",
      "idem",
      "idemDone",
      "idem",
    ]);
    expect(await compacted.byVehicle("VIN1")).toEqual(before);
    await compacted.close();

    const reopened = await openAt(dir);
    expect(await reopened.byVehicle("VIN1")).toEqual(before);
    const later = new Date(now + 60_000);
    expect(
      await reopened.startIdempotent({
        key: "answered",
        fingerprint: "fp-a",
        at: later,
        runsUntil: later,
      }),
    ).toEqual({
      key: "answered",
      fingerprint: "fp-a",
      startedAt: hoursAgo(2),
      runsUntil: hoursAgo(1),
      answer: { results: [{ url: url("a"), n: [1, null] }] },
    });
    expect(
      await reopened.startIdempotent({
        key: "running",
        fingerprint: "fp-r",
        at: later,
        runsUntil: later,
      }),
    ).toEqual({
      key: "running",
      fingerprint: "fp-r",
      startedAt: hoursAgo(0),
      runsUntil: new Date(now + 3_600_000),
      answer: null,
    });
    // The claim kept by compaction still settles its entries.
    await reopened.settle([url("a"), url("b")], "ACCEPTED", later, running.claim);
    expect((await reopened.unsettled(10)).map((e) => e.url)).toEqual([]);
  });

  it("a claim left PENDING by a ledger since closed is not in flight once reopened: settled with its claim, or claimed again when forced", async () => {
    const dir = newDir();
    const first = await openAt(dir);
    const { claim, won } = await first.claim([sub("a"), sub("b"), sub("c")], {
      at: at(1),
      until: at(60),
      force: false,
    });
    expect(won).toEqual([url("a"), url("b"), url("c")]);
    const pending = (await first.get([url("a")])).get(url("a"));
    if (pending === undefined) throw new Error("no entry");
    expect(first.inFlight(pending, at(2))).toBe(true);
    await first.close();

    const second = await openAt(dir);
    const found = await second.get([url("a"), url("b"), url("c")]);
    for (const entry of found.values()) {
      expect(entry).toMatchObject({ state: "PENDING", claim, claimedUntil: at(60) });
      expect(second.inFlight(entry, at(2))).toBe(false);
    }
    // The entry read before the close, too: that claim's process is gone.
    expect(second.inFlight(pending, at(2))).toBe(false);

    await second.settle([url("a")], "ACCEPTED", at(3), claim);
    expect((await second.get([url("a")])).get(url("a"))).toMatchObject({
      state: "ACCEPTED",
      updatedAt: at(3),
      claim,
    });

    // Still PENDING, so not without force; with force, won though its claim has not run out.
    const unforced = await second.claim([sub("b")], { at: at(4), until: at(10), force: false });
    expect(unforced.won).toEqual([]);
    const forced = await second.claim([sub("b"), sub("c")], {
      at: at(4),
      until: at(10),
      force: true,
    });
    expect(forced.won).toEqual([url("b"), url("c")]);
    const reclaimed = (await second.get([url("b")])).get(url("b"));
    expect(reclaimed).toMatchObject({
      state: "PENDING",
      claim: forced.claim,
      claimedUntil: at(10),
    });
    if (reclaimed === undefined) throw new Error("no entry");
    // This ledger's own claim is in flight: no one else wins it now.
    expect(second.inFlight(reclaimed, at(5))).toBe(true);
    const again = await second.claim([sub("b")], { at: at(5), until: at(10), force: true });
    expect(again.won).toEqual([]);
    // And the old claim no longer settles it.
    await second.settle([url("b")], "FAILED", at(6), claim);
    expect((await second.get([url("b")])).get(url("b"))?.state).toBe("PENDING");
  });

  it("a claim that wins nothing, a stale settle and a key not taken write nothing", async () => {
    const dir = newDir();
    const ledger = await openAt(dir);
    const first = await ledger.claim([sub("a")], { at: at(1), until: at(10), force: false });
    await ledger.startIdempotent({ key: "k", fingerprint: "fp", at: at(1), runsUntil: at(10) });
    const before = await logLines(dir);

    expect((await ledger.claim([sub("a")], { at: at(2), until: at(10), force: true })).won).toEqual(
      [],
    );
    await ledger.settle([url("a")], "ACCEPTED", at(2), "someone-else");
    await ledger.startIdempotent({ key: "k", fingerprint: "fp", at: at(2), runsUntil: at(10) });
    await ledger.finishIdempotent("never-taken", { results: [] }, at(2));
    expect(await logLines(dir)).toEqual(before);
    expect((await ledger.get([url("a")])).get(url("a"))?.claim).toBe(first.claim);
  });

  it("reads a log written before claims: no claim, one that ran out when it was made", async () => {
    const dir = newDir();
    await openAt(dir).then((l) => l.close());
    const lines = [
      '{"format":"forecourt-ledger","version":1}',
      JSON.stringify({
        op: "record",
        at: at(1).toISOString(),
        submissions: [
          { url: url("a"), vehicleId: "VIN1", options: {} },
          { url: url("b"), vehicleId: "VIN1", options: {} },
        ],
      }),
      JSON.stringify({
        op: "settle",
        at: at(2).toISOString(),
        state: "ACCEPTED",
        urls: [url("a")],
      }),
      JSON.stringify({
        op: "put",
        entry: {
          url: url("c"),
          vehicleId: "VIN2",
          state: "PENDING",
          options: { n: 1 },
          submittedAt: at(3).toISOString(),
          updatedAt: at(3).toISOString(),
          lastStatus: null,
        },
      }),
    ];
    await writeFile(join(dir, "ledger.jsonl"), `${lines.join("\n")}\n`);

    const ledger = await openAt(dir);
    const found = await ledger.get([url("a"), url("b"), url("c")]);
    expect(found.get(url("a"))).toMatchObject({
      state: "ACCEPTED",
      claim: "",
      claimedUntil: at(1),
    });
    expect(found.get(url("c"))).toEqual({
      url: url("c"),
      vehicleId: "VIN2",
      state: "PENDING",
      options: { n: 1 },
      submittedAt: at(3),
      updatedAt: at(3),
      lastStatus: null,
      claim: "",
      claimedUntil: at(3),
    });
    for (const entry of found.values()) expect(ledger.inFlight(entry, at(1))).toBe(false);
    // Settled from the status endpoint under the claim they carry.
    await ledger.settle([url("b")], "UNKNOWN", at(4), "");
    expect((await ledger.get([url("b")])).get(url("b"))?.state).toBe("UNKNOWN");
    const forced = await ledger.claim([sub("a"), sub("c")], {
      at: at(5),
      until: at(6),
      force: true,
    });
    expect(forced.won).toEqual([url("a"), url("c")]);
  });

  it("refuses a second opener of its data directory while it holds it, and lets go on close", async () => {
    const dir = newDir();
    const first = await openAt(dir);

    const second = FileLedger.open(dir);
    await expect(second).rejects.toThrow(LedgerLockedError);
    await expect(second).rejects.toThrow(
      `another Forecourt process uses ${dir}; use DATABASE_URL to share a ledger between instances`,
    );

    await first.close();
    expect(existsSync(join(dir, "ledger.lock"))).toBe(false);
    await openAt(dir);
  });

  it("refuses a data directory whose lock names another live process", async () => {
    const dir = newDir();
    await openAt(dir).then((l) => l.close());
    await writeFile(join(dir, "ledger.lock"), `${process.ppid}\n`);

    await expect(FileLedger.open(dir)).rejects.toThrow(`pid ${process.ppid} holds`);
    expect(await readFile(join(dir, "ledger.lock"), "utf8")).toBe(`${process.ppid}\n`);
  });

  it("takes over a lock left by a process that is gone", async () => {
    const dir = newDir();
    const first = await openAt(dir);
    await record(first, [sub("a")], at(1));
    await first.close();
    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    await writeFile(join(dir, "ledger.lock"), `${gone}\n`);

    const ledger = await openAt(dir);
    expect(await readFile(join(dir, "ledger.lock"), "utf8")).toBe(`${process.pid}\n`);
    expect((await ledger.get([url("a")])).size).toBe(1);
  });

  it("takes over a lock naming its own pid that it does not hold (a container restarted as pid 1)", async () => {
    const dir = newDir();
    await openAt(dir).then((l) => l.close());
    await writeFile(join(dir, "ledger.lock"), `${process.pid}\n`);

    await openAt(dir);
    await expect(FileLedger.open(dir)).rejects.toThrow(LedgerLockedError);
  });

  it("treats a lock it cannot read as held while fresh, and as stale once old", async () => {
    const dir = newDir();
    await openAt(dir).then((l) => l.close());
    const lock = join(dir, "ledger.lock");
    await writeFile(lock, "");

    await expect(FileLedger.open(dir)).rejects.toThrow("is being written");
    const minuteAgo = new Date(Date.now() - 60_000);
    await utimes(lock, minuteAgo, minuteAgo);
    await openAt(dir);
    expect(await readFile(lock, "utf8")).toBe(`${process.pid}\n`);
  });

  it("createLedger opens the file store in dataDir when no database is configured", async () => {
    const dir = newDir();
    const ledger = await createLedger({ databaseUrl: undefined, dataDir: dir });
    try {
      expect(ledger.kind).toBe("file");
      expect(existsSync(join(dir, "ledger.jsonl"))).toBe(true);
    } finally {
      await ledger.close();
    }
  });
});
