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
import { ledgerContract } from "./ledger-contract.js";

const T0 = Date.parse("2025-03-01T09:00:00.000Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const url = (name: string) => `https://photos.example.com/${name}.jpg`;

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

    await ledger.record([{ url: url("a"), vehicleId: "VIN1", options: { speed: "FAST" } }], at(1));
    // A reader of its own, as another process (or the next start after a crash) would be.
    const afterRecord = (await logLines(dir)).map((line) => JSON.parse(line));
    expect(afterRecord[1]).toEqual({
      op: "record",
      at: at(1).toISOString(),
      submissions: [{ url: url("a"), vehicleId: "VIN1", options: { speed: "FAST" } }],
    });

    await ledger.settle([url("a"), url("unknown")], "ACCEPTED", at(2));
    await ledger.noteStatus(url("a"), "done", at(3));
    await ledger.noteStatus(url("unknown"), "done", at(3));
    const lines = (await logLines(dir)).map((line) => JSON.parse(line));
    expect(lines.slice(2)).toEqual([
      { op: "settle", at: at(2).toISOString(), state: "ACCEPTED", urls: [url("a")] },
      { op: "status", at: at(3).toISOString(), url: url("a"), status: "done" },
    ]);
  });

  it("applies writes made without waiting in the order they were made", async () => {
    const dir = newDir();
    const ledger = await openAt(dir);
    const a = { url: url("a"), vehicleId: "VIN1", options: {} };

    await Promise.all([
      ledger.record([a], at(1)),
      ledger.settle([url("a")], "ACCEPTED", at(2)),
      ledger.noteStatus(url("a"), "done", at(3)),
      ledger.record([a], at(4)),
      ledger.settle([url("a")], "UNKNOWN", at(5)),
    ]);

    expect((await ledger.get([url("a")])).get(url("a"))).toMatchObject({
      state: "UNKNOWN",
      submittedAt: at(4),
      updatedAt: at(5),
      lastStatus: null,
    });
    expect((await logLines(dir)).map((line) => JSON.parse(line).op)).toEqual([
      undefined,
      "record",
      "settle",
      "status",
      "record",
      "settle",
    ]);
  });

  it("starts afresh from a log holding nothing but a cut-short first line or blank lines", async () => {
    for (const content of ['{"format":"forecour', "\n\n"]) {
      const dir = newDir();
      await openAt(dir).then((l) => l.close());
      await writeFile(join(dir, "ledger.jsonl"), content);

      const ledger = await openAt(dir, { onWarning: () => {} });
      await ledger.record([{ url: url("a"), vehicleId: "VIN1", options: {} }], at(1));
      await ledger.close();
      expect((await (await openAt(dir)).get([url("a")])).size).toBe(1);
    }
  });

  it("drops a last line cut short by a crash, with a warning, and stays writable", async () => {
    const dir = newDir();
    const first = await openAt(dir);
    await first.record([{ url: url("a"), vehicleId: "VIN1", options: {} }], at(1));
    await first.settle([url("a")], "ACCEPTED", at(2));
    await first.close();
    await appendFile(join(dir, "ledger.jsonl"), '{"op":"settle","at":"2025-03-01T09:0');

    const warnings: string[] = [];
    const second = await openAt(dir, { onWarning: (m) => warnings.push(m) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`${join(dir, "ledger.jsonl")}: line 4 is incomplete`);
    expect((await second.get([url("a")])).get(url("a"))?.state).toBe("ACCEPTED");

    // The torn bytes are gone: the next line starts on a line of its own.
    await second.record([{ url: url("b"), vehicleId: "VIN1", options: {} }], at(3));
    await second.close();
    const third = await openAt(dir, { onWarning: (m) => warnings.push(m) });
    expect(warnings).toHaveLength(1);
    expect((await third.byVehicle("VIN1")).map((e) => e.url)).toEqual([url("a"), url("b")]);
  });

  it("refuses to open a log with a corrupt line before the last, naming file and line, and leaves it alone", async () => {
    const dir = newDir();
    const first = await openAt(dir);
    await first.record([{ url: url("a"), vehicleId: "VIN1", options: {} }], at(1));
    await first.settle([url("a")], "ACCEPTED", at(2));
    await first.close();
    const path = join(dir, "ledger.jsonl");
    const [header, record, settle] = await logLines(dir);
    const damaged = `${header}\n${record}\n{"op":"settle","at":"yesterday"}\n${settle}\n`;
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
    await first.record(
      names.map((n) => ({ url: url(n), vehicleId: "VIN1", options: { n } })),
      at(1),
    );
    for (let i = 0; i < 20; i++) await first.noteStatus(url("a"), `step ${i}`, at(2 + i));
    await first.settle([url("a"), url("b")], "ACCEPTED", at(30));
    await first.settle([url("d")], "UNKNOWN", at(31));
    await first.record([{ url: url("c"), vehicleId: "VIN2", options: {} }], at(32));
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
    await first.record([{ url: url("a"), vehicleId: "VIN1", options: {} }], at(1));
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
