import { afterEach, expect, it } from "vitest";
import type { LedgerEntry, NewSubmission, SubmissionLedger } from "../../src/ledger/ledger.js";

/**
 * What every SubmissionLedger does, whichever store keeps it. A test file calls
 * `ledgerContract(...)` inside its describe, with a factory of empty stores.
 */
export interface LedgerStore {
  /** Opens a ledger over this store: again after a close, that is a restart. */
  open(): Promise<SubmissionLedger>;
}

const T0 = Date.parse("2025-03-01T09:00:00.000Z");
/** `minutes` after a fixed instant. */
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

const url = (name: string) => `https://photos.example.com/${name}.jpg`;
const CUT = { cutType: "FULL", speed: "NORMAL" };

function submission(name: string, vehicleId = "VIN1", options: object = CUT): NewSubmission {
  return { url: url(name), vehicleId, options: { ...options } };
}

const urlsOf = (entries: readonly LedgerEntry[]) => entries.map((e) => e.url);

export function ledgerContract(newStore: () => Promise<LedgerStore>): void {
  const opened: SubmissionLedger[] = [];

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((ledger) => ledger.close()));
  });

  async function openLedger(store: LedgerStore): Promise<SubmissionLedger> {
    const ledger = await store.open();
    opened.push(ledger);
    return ledger;
  }

  /** A ledger over a new, empty store, and the store (to reopen it). */
  async function fresh(): Promise<{ ledger: SubmissionLedger; store: LedgerStore }> {
    const store = await newStore();
    return { ledger: await openLedger(store), store };
  }

  it("record writes one PENDING entry per URL with its vehicle, options and time", async () => {
    const { ledger } = await fresh();
    const options = { guidelineId: "g-7", nested: { flags: [true, false], n: 2.5 }, note: null };
    await ledger.record([submission("a", "VIN1", options), submission("b", "VIN2")], at(1));

    const found = await ledger.get([url("a"), url("b")]);
    expect(found.get(url("a"))).toEqual({
      url: url("a"),
      vehicleId: "VIN1",
      state: "PENDING",
      options,
      submittedAt: at(1),
      updatedAt: at(1),
      lastStatus: null,
    });
    expect(found.get(url("b"))).toMatchObject({ vehicleId: "VIN2", state: "PENDING" });
  });

  it("settle sets the outcome and update time of recorded URLs and ignores unknown ones", async () => {
    const { ledger } = await fresh();
    await ledger.record([submission("a"), submission("b"), submission("c")], at(1));
    await ledger.settle([url("a"), url("b"), url("never")], "ACCEPTED", at(2));
    await ledger.settle([url("c")], "UNKNOWN", at(3));

    const found = await ledger.get([url("a"), url("b"), url("c"), url("never")]);
    expect(found.get(url("a"))).toMatchObject({
      state: "ACCEPTED",
      submittedAt: at(1),
      updatedAt: at(2),
    });
    expect(found.get(url("b"))?.state).toBe("ACCEPTED");
    expect(found.get(url("c"))).toMatchObject({ state: "UNKNOWN", updatedAt: at(3) });
    expect(found.has(url("never"))).toBe(false);
  });

  it("recording a URL again replaces its entry: PENDING, new time and options, no last status", async () => {
    const { ledger } = await fresh();
    await ledger.record([submission("a", "VIN1")], at(1));
    await ledger.settle([url("a")], "REJECTED", at(2));
    await ledger.noteStatus(url("a"), "failed", at(3));

    await ledger.record([submission("a", "VIN2", { cutType: "CUT" })], at(4));

    expect((await ledger.get([url("a")])).get(url("a"))).toEqual({
      url: url("a"),
      vehicleId: "VIN2",
      state: "PENDING",
      options: { cutType: "CUT" },
      submittedAt: at(4),
      updatedAt: at(4),
      lastStatus: null,
    });
    expect(await ledger.byVehicle("VIN1")).toEqual([]);
    expect(urlsOf(await ledger.byVehicle("VIN2"))).toEqual([url("a")]);
  });

  it("noteStatus keeps the latest status of a known URL, its state unchanged, and ignores unknown URLs", async () => {
    const { ledger } = await fresh();
    await ledger.record([submission("a")], at(1));
    await ledger.settle([url("a")], "ACCEPTED", at(2));
    await ledger.noteStatus(url("a"), "processing", at(3));
    await ledger.noteStatus(url("a"), "done", at(4));
    await ledger.noteStatus(url("never"), "done", at(5));

    const found = await ledger.get([url("a"), url("never")]);
    expect(found.get(url("a"))).toMatchObject({
      state: "ACCEPTED",
      lastStatus: "done",
      submittedAt: at(1),
      updatedAt: at(4),
    });
    expect(found.has(url("never"))).toBe(false);
  });

  it("get answers only the URLs recorded, once each", async () => {
    const { ledger } = await fresh();
    await ledger.record([submission("a"), submission("b")], at(1));

    const found = await ledger.get([url("missing"), url("b"), url("b"), url("other")]);
    expect([...found.keys()]).toEqual([url("b")]);
    expect((await ledger.get([])).size).toBe(0);
    expect((await ledger.get([url("nothing")])).size).toBe(0);
  });

  it("byVehicle lists only that vehicle's entries, oldest submission first", async () => {
    const { ledger } = await fresh();
    await ledger.record([submission("late", "VIN1")], at(5));
    await ledger.record([submission("other", "VIN2")], at(0));
    await ledger.record([submission("early", "VIN1")], at(1));
    // Submitted at one instant: kept in the order they were given.
    await ledger.record(
      [submission("z", "VIN1"), submission("y", "VIN1"), submission("x", "VIN1")],
      at(3),
    );

    expect(urlsOf(await ledger.byVehicle("VIN1"))).toEqual([
      url("early"),
      url("z"),
      url("y"),
      url("x"),
      url("late"),
    ]);
    expect(urlsOf(await ledger.byVehicle("VIN2"))).toEqual([url("other")]);
    expect(await ledger.byVehicle("VIN3")).toEqual([]);
  });

  it("unsettled lists PENDING and UNKNOWN entries, oldest first, up to the limit", async () => {
    const { ledger } = await fresh();
    await ledger.record([submission("p3")], at(3));
    await ledger.record([submission("u1", "VIN2")], at(1));
    await ledger.record([submission("acc")], at(0));
    await ledger.record([submission("p2"), submission("rej"), submission("fail")], at(2));
    await ledger.settle([url("u1")], "UNKNOWN", at(4));
    await ledger.settle([url("acc")], "ACCEPTED", at(4));
    await ledger.settle([url("rej")], "REJECTED", at(4));
    await ledger.settle([url("fail")], "FAILED", at(4));

    expect(urlsOf(await ledger.unsettled(10))).toEqual([url("u1"), url("p2"), url("p3")]);
    expect(urlsOf(await ledger.unsettled(2))).toEqual([url("u1"), url("p2")]);
    expect(await ledger.unsettled(0)).toEqual([]);
    await expect(ledger.unsettled(-1)).rejects.toThrow(RangeError);
  });

  it("a URL given twice in one record is recorded once, the later one winning", async () => {
    const { ledger } = await fresh();
    await ledger.record(
      [submission("a", "VIN1", { speed: "FAST" }), submission("a", "VIN2", { speed: "SLOW" })],
      at(1),
    );

    expect(await ledger.byVehicle("VIN1")).toEqual([]);
    expect(await ledger.byVehicle("VIN2")).toMatchObject([
      { url: url("a"), options: { speed: "SLOW" } },
    ]);
  });

  it("records and settles of nothing change nothing", async () => {
    const { ledger } = await fresh();
    await ledger.record([], at(1));
    await ledger.settle([], "ACCEPTED", at(1));
    expect(await ledger.unsettled(10)).toEqual([]);
  });

  it("entries handed out are copies: changing them changes nothing stored", async () => {
    const { ledger } = await fresh();
    const options = { cutType: "FULL", list: [1] };
    await ledger.record([{ url: url("a"), vehicleId: "VIN1", options }], at(1));
    options.list.push(2);

    const [first] = await ledger.byVehicle("VIN1");
    first?.submittedAt.setTime(0);
    if (first !== undefined) first.options.cutType = "CHANGED";

    expect((await ledger.get([url("a")])).get(url("a"))).toMatchObject({
      options: { cutType: "FULL", list: [1] },
      submittedAt: at(1),
    });
  });

  it("everything survives a restart", async () => {
    const { ledger, store } = await fresh();
    await ledger.record([submission("a", "VIN1", { guidelineId: "g" })], at(1));
    await ledger.record([submission("c", "VIN1"), submission("b", "VIN1")], at(2));
    await ledger.record([submission("d", "VIN2")], at(3));
    await ledger.settle([url("a")], "ACCEPTED", at(4));
    await ledger.settle([url("d")], "UNKNOWN", at(5));
    await ledger.noteStatus(url("a"), "done", at(6));
    await ledger.record([submission("b", "VIN1", { speed: "FAST" })], at(7));
    const before = {
      vin1: await ledger.byVehicle("VIN1"),
      vin2: await ledger.byVehicle("VIN2"),
      unsettled: await ledger.unsettled(10),
    };
    await ledger.close();

    const reopened = await openLedger(store);
    expect(await reopened.byVehicle("VIN1")).toEqual(before.vin1);
    expect(await reopened.byVehicle("VIN2")).toEqual(before.vin2);
    expect(await reopened.unsettled(10)).toEqual(before.unsettled);
    expect(urlsOf(before.vin1)).toEqual([url("a"), url("c"), url("b")]);
    expect(before.vin1[0]).toMatchObject({ state: "ACCEPTED", lastStatus: "done" });
  });

  it("records made at once from many promises all land, and survive a restart", async () => {
    const { ledger, store } = await fresh();
    const count = 100;
    await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        await ledger.record([submission(`p${i}-a`, `VIN${i % 7}`), submission(`p${i}-b`)], at(i));
        if (i % 2 === 0) await ledger.settle([url(`p${i}-a`)], "ACCEPTED", at(count + i));
      }),
    );
    const urls = Array.from({ length: count }, (_, i) => [url(`p${i}-a`), url(`p${i}-b`)]).flat();

    const found = await ledger.get(urls);
    expect(found.size).toBe(2 * count);
    expect(found.get(url("p42-a"))?.state).toBe("ACCEPTED");
    expect(found.get(url("p43-a"))?.state).toBe("PENDING");
    await ledger.close();

    const reopened = await openLedger(store);
    expect((await reopened.get(urls)).size).toBe(2 * count);
    expect(await reopened.unsettled(1000)).toHaveLength(count + count / 2);
  });

  it("a closed ledger refuses writes", async () => {
    const { ledger } = await fresh();
    await ledger.close();
    await expect(ledger.record([submission("a")], at(1))).rejects.toThrow();
    await expect(ledger.close()).resolves.toBeUndefined();
  });
}
