import { afterEach, describe, expect, it } from "vitest";
import {
  IDEMPOTENCY_RETENTION_MS,
  type LedgerEntry,
  type LedgerState,
  type NewSubmission,
  type SubmissionLedger,
} from "../../src/ledger/ledger.js";

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

/**
 * Claims every URL given, as the ledger's old `record` did: forced, and running out at once, so
 * that nothing is in flight by the next instant. Answers the claim, to settle with.
 */
async function record(
  ledger: SubmissionLedger,
  submissions: readonly NewSubmission[],
  when: Date,
): Promise<string> {
  const { claim, won } = await ledger.claim(submissions, { at: when, until: when, force: true });
  expect(won).toEqual([...new Set(submissions.map((s) => s.url))]);
  return claim;
}

/** An answer with something of every JSON kind in it. */
const ANSWER = {
  results: [
    { url: url("a"), outcome: "SUBMITTED", error: null, image: { status: "processing" } },
    {
      url: url("b"),
      outcome: "REJECTED",
      error: { code: "INVALID_URL", message: 'Größe ✓ "quoted"\n' },
      image: null,
    },
  ],
  counts: [1, -2, 2.5, 0, 1e21],
  nested: [[], [[null, true, false]], {}],
  empty: "",
};

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

  async function entryOf(ledger: SubmissionLedger, name: string): Promise<LedgerEntry> {
    const entry = (await ledger.get([url(name)])).get(url(name));
    if (entry === undefined) throw new Error(`no entry for ${name}`);
    return entry;
  }

  it("claim writes one PENDING entry per URL won, with its vehicle, options, time, claim and its end", async () => {
    const { ledger } = await fresh();
    const options = { guidelineId: "g-7", nested: { flags: [true, false], n: 2.5 }, note: null };
    const { claim, won } = await ledger.claim(
      [submission("a", "VIN1", options), submission("b", "VIN2")],
      { at: at(1), until: at(11), force: false },
    );

    expect(won).toEqual([url("a"), url("b")]);
    expect(claim).toEqual(expect.any(String));
    expect(claim).not.toBe("");
    const found = await ledger.get([url("a"), url("b")]);
    expect(found.get(url("a"))).toEqual({
      url: url("a"),
      vehicleId: "VIN1",
      state: "PENDING",
      options,
      submittedAt: at(1),
      updatedAt: at(1),
      lastStatus: null,
      claim,
      claimedUntil: at(11),
    });
    expect(found.get(url("b"))).toMatchObject({
      vehicleId: "VIN2",
      state: "PENDING",
      claim,
      claimedUntil: at(11),
    });
  });

  it("every claim gets an id of its own", async () => {
    const { ledger } = await fresh();
    const claims = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        ledger.claim([submission(`c${i}`)], { at: at(1), until: at(2), force: false }),
      ),
    );
    const none = await ledger.claim([], { at: at(1), until: at(2), force: false });
    expect(new Set([...claims, none].map((c) => c.claim)).size).toBe(11);
  });

  it("settle sets the outcome and update time of claimed URLs and ignores unknown ones", async () => {
    const { ledger } = await fresh();
    const claim = await record(ledger, [submission("a"), submission("b"), submission("c")], at(1));
    await ledger.settle([url("a"), url("b"), url("never")], "ACCEPTED", at(2), claim);
    await ledger.settle([url("c")], "UNKNOWN", at(3), claim);

    const found = await ledger.get([url("a"), url("b"), url("c"), url("never")]);
    expect(found.get(url("a"))).toMatchObject({
      state: "ACCEPTED",
      submittedAt: at(1),
      updatedAt: at(2),
      claim,
      claimedUntil: at(1),
    });
    expect(found.get(url("b"))?.state).toBe("ACCEPTED");
    expect(found.get(url("c"))).toMatchObject({ state: "UNKNOWN", updatedAt: at(3), claim });
    expect(found.has(url("never"))).toBe(false);
  });

  it("claiming a URL again replaces its entry: PENDING, new time, options and claim, no last status", async () => {
    const { ledger } = await fresh();
    const first = await record(ledger, [submission("a", "VIN1")], at(1));
    await ledger.settle([url("a")], "REJECTED", at(2), first);
    await ledger.noteStatus(url("a"), "failed", at(3));

    const again = await ledger.claim([submission("a", "VIN2", { cutType: "CUT" })], {
      at: at(4),
      until: at(6),
      force: false,
    });

    expect(again.won).toEqual([url("a")]);
    expect(again.claim).not.toBe(first);
    expect(await entryOf(ledger, "a")).toEqual({
      url: url("a"),
      vehicleId: "VIN2",
      state: "PENDING",
      options: { cutType: "CUT" },
      submittedAt: at(4),
      updatedAt: at(4),
      lastStatus: null,
      claim: again.claim,
      claimedUntil: at(6),
    });
    expect(await ledger.byVehicle("VIN1")).toEqual([]);
    expect(urlsOf(await ledger.byVehicle("VIN2"))).toEqual([url("a")]);
  });

  it("noteStatus keeps the latest status of a known URL, its state and claim unchanged, and ignores unknown URLs", async () => {
    const { ledger } = await fresh();
    const claim = await record(ledger, [submission("a")], at(1));
    await ledger.settle([url("a")], "ACCEPTED", at(2), claim);
    await ledger.noteStatus(url("a"), "processing", at(3));
    await ledger.noteStatus(url("a"), "done", at(4));
    await ledger.noteStatus(url("never"), "done", at(5));

    const found = await ledger.get([url("a"), url("never")]);
    expect(found.get(url("a"))).toMatchObject({
      state: "ACCEPTED",
      lastStatus: "done",
      submittedAt: at(1),
      updatedAt: at(4),
      claim,
    });
    expect(found.has(url("never"))).toBe(false);
  });

  it("get answers only the URLs claimed, once each", async () => {
    const { ledger } = await fresh();
    await record(ledger, [submission("a"), submission("b")], at(1));

    const found = await ledger.get([url("missing"), url("b"), url("b"), url("other")]);
    expect([...found.keys()]).toEqual([url("b")]);
    expect((await ledger.get([])).size).toBe(0);
    expect((await ledger.get([url("nothing")])).size).toBe(0);
  });

  it("byVehicle lists only that vehicle's entries, oldest submission first", async () => {
    const { ledger } = await fresh();
    await record(ledger, [submission("late", "VIN1")], at(5));
    await record(ledger, [submission("other", "VIN2")], at(0));
    await record(ledger, [submission("early", "VIN1")], at(1));
    // Submitted at one instant: kept in the order they were given.
    await record(
      ledger,
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
    await record(ledger, [submission("p3")], at(3));
    const u1 = await record(ledger, [submission("u1", "VIN2")], at(1));
    const acc = await record(ledger, [submission("acc")], at(0));
    const batch = await record(
      ledger,
      [submission("p2"), submission("rej"), submission("fail")],
      at(2),
    );
    await ledger.settle([url("u1")], "UNKNOWN", at(4), u1);
    await ledger.settle([url("acc")], "ACCEPTED", at(4), acc);
    await ledger.settle([url("rej")], "REJECTED", at(4), batch);
    await ledger.settle([url("fail")], "FAILED", at(4), batch);

    expect(urlsOf(await ledger.unsettled(10))).toEqual([url("u1"), url("p2"), url("p3")]);
    expect(urlsOf(await ledger.unsettled(2))).toEqual([url("u1"), url("p2")]);
    expect(await ledger.unsettled(0)).toEqual([]);
    await expect(ledger.unsettled(-1)).rejects.toThrow(RangeError);
  });

  it("a URL given twice in one claim is claimed once, the later one winning", async () => {
    const { ledger } = await fresh();
    const { won } = await ledger.claim(
      [submission("a", "VIN1", { speed: "FAST" }), submission("a", "VIN2", { speed: "SLOW" })],
      { at: at(1), until: at(5), force: false },
    );

    expect(won).toEqual([url("a")]);
    expect(await ledger.byVehicle("VIN1")).toEqual([]);
    expect(await ledger.byVehicle("VIN2")).toMatchObject([
      { url: url("a"), options: { speed: "SLOW" } },
    ]);
  });

  it("claims and settles of nothing change nothing", async () => {
    const { ledger } = await fresh();
    const { claim, won } = await ledger.claim([], { at: at(1), until: at(5), force: true });
    expect(won).toEqual([]);
    await ledger.settle([], "ACCEPTED", at(1), claim);
    expect(await ledger.unsettled(10)).toEqual([]);
  });

  it("entries handed out are copies: changing them changes nothing stored", async () => {
    const { ledger } = await fresh();
    const options = { cutType: "FULL", list: [1] };
    await record(ledger, [{ url: url("a"), vehicleId: "VIN1", options }], at(1));
    options.list.push(2);

    const [first] = await ledger.byVehicle("VIN1");
    first?.submittedAt.setTime(0);
    first?.claimedUntil.setTime(0);
    if (first !== undefined) first.options.cutType = "CHANGED";

    expect(await entryOf(ledger, "a")).toMatchObject({
      options: { cutType: "FULL", list: [1] },
      submittedAt: at(1),
      claimedUntil: at(1),
    });
  });

  it("everything survives a restart", async () => {
    const { ledger, store } = await fresh();
    const a = await record(ledger, [submission("a", "VIN1", { guidelineId: "g" })], at(1));
    await record(ledger, [submission("c", "VIN1"), submission("b", "VIN1")], at(2));
    const d = await record(ledger, [submission("d", "VIN2")], at(3));
    await ledger.settle([url("a")], "ACCEPTED", at(4), a);
    await ledger.settle([url("d")], "UNKNOWN", at(5), d);
    await ledger.noteStatus(url("a"), "done", at(6));
    await record(ledger, [submission("b", "VIN1", { speed: "FAST" })], at(7));
    const running = await ledger.claim([submission("e", "VIN2")], {
      at: at(8),
      until: at(60),
      force: false,
    });
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
    expect(before.vin1[0]).toMatchObject({ state: "ACCEPTED", lastStatus: "done", claim: a });
    expect(before.vin2[1]).toMatchObject({ claim: running.claim, claimedUntil: at(60) });

    // Claims survive too: the one left running is settled with its id after the restart.
    await reopened.settle([url("e")], "ACCEPTED", at(9), running.claim);
    expect((await entryOf(reopened, "e")).state).toBe("ACCEPTED");
  });

  it("claims made at once from many promises all land, and survive a restart", async () => {
    const { ledger, store } = await fresh();
    const count = 100;
    await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const claim = await record(
          ledger,
          [submission(`p${i}-a`, `VIN${i % 7}`), submission(`p${i}-b`)],
          at(i),
        );
        if (i % 2 === 0) await ledger.settle([url(`p${i}-a`)], "ACCEPTED", at(count + i), claim);
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
    const claim = await record(ledger, [submission("a")], at(1));
    await ledger.close();
    const terms = { at: at(2), until: at(3), force: true };
    await expect(ledger.claim([submission("a")], terms)).rejects.toThrow();
    await expect(ledger.settle([url("a")], "ACCEPTED", at(2), claim)).rejects.toThrow();
    await expect(ledger.noteStatus(url("a"), "done", at(2))).rejects.toThrow();
    await expect(
      ledger.startIdempotent({ key: "k", fingerprint: "f", at: at(2), runsUntil: at(3) }),
    ).rejects.toThrow();
    await expect(ledger.finishIdempotent("k", {}, at(2))).rejects.toThrow();
    await expect(ledger.close()).resolves.toBeUndefined();
  });

  it("refuses invalid times, storing nothing", async () => {
    const { ledger } = await fresh();
    const invalid = new Date(Number.NaN);
    await expect(
      ledger.claim([submission("a")], { at: invalid, until: at(2), force: false }),
    ).rejects.toThrow(RangeError);
    await expect(
      ledger.claim([submission("a")], { at: at(1), until: invalid, force: false }),
    ).rejects.toThrow(RangeError);
    expect((await ledger.get([url("a")])).size).toBe(0);
    await expect(
      ledger.startIdempotent({ key: "k", fingerprint: "fp", at: invalid, runsUntil: at(2) }),
    ).rejects.toThrow(RangeError);
    await expect(
      ledger.startIdempotent({ key: "k", fingerprint: "fp", at: at(1), runsUntil: invalid }),
    ).rejects.toThrow(RangeError);
    expect(
      await ledger.startIdempotent({ key: "k", fingerprint: "fp", at: at(1), runsUntil: at(2) }),
    ).toBeUndefined();
    await expect(ledger.finishIdempotent("k", { results: [] }, invalid)).rejects.toThrow(
      RangeError,
    );
    expect(
      await ledger.startIdempotent({ key: "k", fingerprint: "fp", at: at(1), runsUntil: at(2) }),
    ).toMatchObject({ answer: null });
  });

  // ---- Claims ----

  it("a claim of new URLs wins them all; while it runs, another claim wins none of them, forced or not", async () => {
    const { ledger } = await fresh();
    const names = ["a", "b", "c"];
    const first = await ledger.claim(
      names.map((n) => submission(n)),
      { at: at(1), until: at(10), force: false },
    );
    expect(first.won).toEqual(names.map(url));
    const stored = await ledger.get(names.map(url));

    for (const force of [false, true]) {
      const second = await ledger.claim(
        names.map((n) => submission(n, "VIN2", { speed: "FAST" })),
        { at: at(2), until: at(20), force },
      );
      expect(second).toEqual({ claim: expect.any(String), won: [] });
      expect(second.claim).not.toBe(first.claim);
    }
    // Just before the first claim runs out, still none.
    const late = await ledger.claim([submission("a")], {
      at: new Date(at(10).getTime() - 1),
      until: at(20),
      force: true,
    });
    expect(late.won).toEqual([]);

    expect(await ledger.get(names.map(url))).toEqual(stored);
    expect(urlsOf(await ledger.byVehicle("VIN1"))).toEqual(names.map(url));
    expect(await ledger.byVehicle("VIN2")).toEqual([]);
  });

  it("a claim wins the new URLs among taken ones, and answers them in the order given", async () => {
    const { ledger } = await fresh();
    const first = await ledger.claim([submission("a"), submission("b")], {
      at: at(1),
      until: at(10),
      force: false,
    });
    const second = await ledger.claim(
      [submission("z"), submission("a"), submission("m"), submission("b"), submission("c")],
      { at: at(2), until: at(10), force: true },
    );

    expect(second.won).toEqual([url("z"), url("m"), url("c")]);
    const found = await ledger.get([url("a"), url("b"), url("c"), url("m"), url("z")]);
    expect([url("a"), url("b")].map((u) => found.get(u)?.claim)).toEqual([
      first.claim,
      first.claim,
    ]);
    expect([url("z"), url("m"), url("c")].map((u) => found.get(u)?.claim)).toEqual([
      second.claim,
      second.claim,
      second.claim,
    ]);
  });

  it("a settled URL is won again: REJECTED or FAILED always, ACCEPTED or UNKNOWN only when forced", async () => {
    const { ledger } = await fresh();
    const names = ["acc", "unk", "rej", "fail"];
    const first = await ledger.claim(
      names.map((n) => submission(n)),
      { at: at(1), until: at(10), force: false },
    );
    const outcomes: [string, LedgerState][] = [
      ["acc", "ACCEPTED"],
      ["unk", "UNKNOWN"],
      ["rej", "REJECTED"],
      ["fail", "FAILED"],
    ];
    for (const [name, state] of outcomes) {
      await ledger.settle([url(name)], state, at(2), first.claim);
    }
    const terms = (force: boolean) => ({ at: at(3), until: at(13), force });

    const unforced = await ledger.claim(
      names.map((n) => submission(n, "VIN2")),
      terms(false),
    );
    expect(unforced.won).toEqual([url("rej"), url("fail")]);
    const afterUnforced = await ledger.get(names.map(url));
    expect(afterUnforced.get(url("acc"))).toMatchObject({ state: "ACCEPTED", claim: first.claim });
    expect(afterUnforced.get(url("unk"))).toMatchObject({ state: "UNKNOWN", claim: first.claim });
    expect(afterUnforced.get(url("rej"))).toMatchObject({
      state: "PENDING",
      vehicleId: "VIN2",
      claim: unforced.claim,
      claimedUntil: at(13),
      submittedAt: at(3),
    });

    const forced = await ledger.claim(
      names.map((n) => submission(n, "VIN3")),
      terms(true),
    );
    // rej and fail are PENDING under the unforced claim now, and in flight.
    expect(forced.won).toEqual([url("acc"), url("unk")]);
    expect(await entryOf(ledger, "acc")).toMatchObject({
      state: "PENDING",
      vehicleId: "VIN3",
      claim: forced.claim,
      claimedUntil: at(13),
      lastStatus: null,
    });
  });

  it("after ACCEPTED a claim wins none without force and all with force", async () => {
    const { ledger } = await fresh();
    const names = ["a", "b", "c"];
    const first = await ledger.claim(
      names.map((n) => submission(n)),
      { at: at(1), until: at(10), force: false },
    );
    await ledger.settle(names.map(url), "ACCEPTED", at(2), first.claim);

    const unforced = await ledger.claim(
      names.map((n) => submission(n)),
      { at: at(3), until: at(10), force: false },
    );
    expect(unforced.won).toEqual([]);
    const forced = await ledger.claim(
      names.map((n) => submission(n)),
      { at: at(3), until: at(10), force: true },
    );
    expect(forced.won).toEqual(names.map(url));
    for (const entry of (await ledger.get(names.map(url))).values()) {
      expect(entry).toMatchObject({ state: "PENDING", claim: forced.claim, submittedAt: at(3) });
    }
  });

  it("a PENDING claim that ran out is won only when forced", async () => {
    const { ledger } = await fresh();
    await ledger.claim([submission("a")], { at: at(1), until: at(5), force: false });

    const unforced = await ledger.claim([submission("a")], {
      at: at(5),
      until: at(15),
      force: false,
    });
    expect(unforced.won).toEqual([]);
    const forced = await ledger.claim([submission("a")], { at: at(5), until: at(15), force: true });
    expect(forced.won).toEqual([url("a")]);
    expect(await entryOf(ledger, "a")).toMatchObject({
      state: "PENDING",
      claim: forced.claim,
      claimedUntil: at(15),
    });
  });

  it("of many claims of the same URLs at once, exactly one wins each URL, and its entry carries that claim", async () => {
    const { ledger } = await fresh();
    const names = ["a", "b", "c", "d", "e"];
    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        ledger.claim(
          names.map((n) => submission(n, `VIN${i}`)),
          { at: at(1), until: at(10), force: i % 2 === 1 },
        ),
      ),
    );

    const found = await ledger.get(names.map(url));
    for (const name of names) {
      const winners = claims.filter((c) => c.won.includes(url(name)));
      expect(winners).toHaveLength(1);
      expect(found.get(url(name))?.claim).toBe(winners[0]?.claim);
      const index = claims.findIndex((c) => c.claim === winners[0]?.claim);
      expect(found.get(url(name))?.vehicleId).toBe(`VIN${index}`);
    }
    expect(claims.flatMap((c) => c.won)).toHaveLength(names.length);
  });

  it("settle with a stale claim changes nothing; with the current claim it does", async () => {
    const { ledger } = await fresh();
    const old = await ledger.claim([submission("a"), submission("b")], {
      at: at(1),
      until: at(2),
      force: false,
    });
    const current = await ledger.claim([submission("a", "VIN2")], {
      at: at(3),
      until: at(10),
      force: true,
    });
    expect(current.won).toEqual([url("a")]);
    const claimed = await entryOf(ledger, "a");

    await ledger.settle([url("a")], "UNKNOWN", at(4), old.claim);
    await ledger.settle([url("a"), url("b")], "ACCEPTED", at(4), "no-such-claim");
    expect(await entryOf(ledger, "a")).toEqual(claimed);
    expect(await entryOf(ledger, "b")).toMatchObject({ state: "PENDING", updatedAt: at(1) });

    // One settle over both: each URL is changed only where it carries the claim given.
    await ledger.settle([url("a"), url("b")], "FAILED", at(5), old.claim);
    expect(await entryOf(ledger, "a")).toEqual(claimed);
    expect(await entryOf(ledger, "b")).toMatchObject({
      state: "FAILED",
      updatedAt: at(5),
      claim: old.claim,
    });

    await ledger.settle([url("a")], "ACCEPTED", at(6), current.claim);
    expect(await entryOf(ledger, "a")).toEqual({ ...claimed, state: "ACCEPTED", updatedAt: at(6) });
  });

  it("inFlight: while PENDING and before its claim runs out; not after, and not once settled", async () => {
    const { ledger } = await fresh();
    const { claim } = await ledger.claim([submission("a"), submission("b"), submission("c")], {
      at: at(1),
      until: at(5),
      force: false,
    });
    const pending = await entryOf(ledger, "a");

    expect(ledger.inFlight(pending, at(1))).toBe(true);
    expect(ledger.inFlight(pending, new Date(at(5).getTime() - 1))).toBe(true);
    expect(ledger.inFlight(pending, at(5))).toBe(false);
    expect(ledger.inFlight(pending, at(6))).toBe(false);

    await ledger.settle([url("a")], "ACCEPTED", at(2), claim);
    await ledger.settle([url("b")], "UNKNOWN", at(2), claim);
    await ledger.settle([url("c")], "REJECTED", at(2), claim);
    for (const name of ["a", "b", "c"]) {
      expect(ledger.inFlight(await entryOf(ledger, name), at(3))).toBe(false);
    }
  });

  // ---- Idempotency keys ----

  it("a new key is taken; asked again while it runs, it answers the record, answer null", async () => {
    const { ledger } = await fresh();
    expect(
      await ledger.startIdempotent({ key: "k1", fingerprint: "fp-1", at: at(1), runsUntil: at(3) }),
    ).toBeUndefined();

    const record = { key: "k1", fingerprint: "fp-1", startedAt: at(1), runsUntil: at(3) };
    expect(
      await ledger.startIdempotent({ key: "k1", fingerprint: "fp-1", at: at(2), runsUntil: at(4) }),
    ).toEqual({
      ...record,
      answer: null,
    });
    // Someone else's key is not this one.
    expect(
      await ledger.startIdempotent({ key: "k2", fingerprint: "fp-1", at: at(2), runsUntil: at(4) }),
    ).toBeUndefined();
    // A different fingerprint gets the record too: the caller compares.
    expect(
      await ledger.startIdempotent({
        key: "k1",
        fingerprint: "fp-other",
        at: at(2),
        runsUntil: at(4),
      }),
    ).toEqual({
      ...record,
      answer: null,
    });
  });

  it("after finishIdempotent the key answers its answer, as JSON, to any fingerprint, even past runsUntil", async () => {
    const { ledger } = await fresh();
    expect(
      await ledger.startIdempotent({ key: "k", fingerprint: "fp", at: at(1), runsUntil: at(3) }),
    ).toBeUndefined();
    await ledger.finishIdempotent("k", ANSWER, at(2));

    const expected = {
      key: "k",
      fingerprint: "fp",
      startedAt: at(1),
      runsUntil: at(3),
      answer: ANSWER,
    };
    expect(
      await ledger.startIdempotent({ key: "k", fingerprint: "fp", at: at(2), runsUntil: at(5) }),
    ).toEqual(expected);
    expect(
      await ledger.startIdempotent({ key: "k", fingerprint: "fp", at: at(30), runsUntil: at(40) }),
    ).toEqual(expected);
    expect(
      await ledger.startIdempotent({
        key: "k",
        fingerprint: "other",
        at: at(30),
        runsUntil: at(40),
      }),
    ).toEqual(expected);
  });

  it("an answer is kept as JSON: dates as strings, undefined members dropped, not the caller's object", async () => {
    const { ledger } = await fresh();
    await ledger.startIdempotent({ key: "k", fingerprint: "fp", at: at(1), runsUntil: at(3) });
    const answer = { when: at(1), gone: undefined, list: [1] };
    await ledger.finishIdempotent("k", answer, at(2));
    answer.list.push(2);

    const first = await ledger.startIdempotent({
      key: "k",
      fingerprint: "fp",
      at: at(2),
      runsUntil: at(3),
    });
    expect(first?.answer).toStrictEqual({ when: at(1).toISOString(), list: [1] });
    // What is handed out is a copy too.
    if (first === undefined) throw new Error("the key was taken afresh");
    (first.answer as { list: number[] }).list.push(3);
    expect(
      (await ledger.startIdempotent({ key: "k", fingerprint: "fp", at: at(2), runsUntil: at(3) }))
        ?.answer,
    ).toStrictEqual({
      when: at(1).toISOString(),
      list: [1],
    });
  });

  it("a running key past runsUntil is taken over by the same fingerprint, not by another", async () => {
    const { ledger } = await fresh();
    expect(
      await ledger.startIdempotent({ key: "k", fingerprint: "fp", at: at(1), runsUntil: at(3) }),
    ).toBeUndefined();
    const running = {
      key: "k",
      fingerprint: "fp",
      startedAt: at(1),
      runsUntil: at(3),
      answer: null,
    };

    // Not yet: a millisecond before runsUntil.
    const justBefore = new Date(at(3).getTime() - 1);
    expect(
      await ledger.startIdempotent({
        key: "k",
        fingerprint: "fp",
        at: justBefore,
        runsUntil: at(9),
      }),
    ).toEqual(running);
    // Another fingerprint never takes it over.
    expect(
      await ledger.startIdempotent({ key: "k", fingerprint: "other", at: at(3), runsUntil: at(9) }),
    ).toEqual(running);
    expect(
      await ledger.startIdempotent({
        key: "k",
        fingerprint: "other",
        at: at(60),
        runsUntil: at(70),
      }),
    ).toEqual(running);

    expect(
      await ledger.startIdempotent({ key: "k", fingerprint: "fp", at: at(3), runsUntil: at(9) }),
    ).toBeUndefined();
    expect(
      await ledger.startIdempotent({ key: "k", fingerprint: "fp", at: at(4), runsUntil: at(10) }),
    ).toEqual({
      key: "k",
      fingerprint: "fp",
      startedAt: at(3),
      runsUntil: at(9),
      answer: null,
    });
  });

  it("a key older than IDEMPOTENCY_RETENTION_MS is taken afresh, whatever it asked and answered", async () => {
    const { ledger } = await fresh();
    const day = (t: Date) => new Date(t.getTime() + IDEMPOTENCY_RETENTION_MS);
    await ledger.startIdempotent({
      key: "answered",
      fingerprint: "fp",
      at: at(1),
      runsUntil: at(3),
    });
    await ledger.finishIdempotent("answered", { results: [] }, at(2));
    await ledger.startIdempotent({
      key: "running",
      fingerprint: "fp",
      at: at(1),
      runsUntil: at(3),
    });

    const justBefore = new Date(day(at(1)).getTime() - 1);
    expect(
      await ledger.startIdempotent({
        key: "answered",
        fingerprint: "new",
        at: justBefore,
        runsUntil: day(at(9)),
      }),
    ).toMatchObject({
      fingerprint: "fp",
      answer: { results: [] },
    });
    expect(
      await ledger.startIdempotent({
        key: "answered",
        fingerprint: "new",
        at: day(at(1)),
        runsUntil: day(at(3)),
      }),
    ).toBeUndefined();
    expect(
      await ledger.startIdempotent({
        key: "running",
        fingerprint: "new",
        at: day(at(1)),
        runsUntil: day(at(3)),
      }),
    ).toBeUndefined();

    for (const key of ["answered", "running"]) {
      expect(
        await ledger.startIdempotent({
          key: key,
          fingerprint: "fp",
          at: day(at(2)),
          runsUntil: day(at(9)),
        }),
      ).toEqual({
        key,
        fingerprint: "new",
        startedAt: day(at(1)),
        runsUntil: day(at(3)),
        answer: null,
      });
    }
  });

  it("finishIdempotent of a key never taken keeps nothing", async () => {
    const { ledger } = await fresh();
    await ledger.finishIdempotent("never", { results: [] }, at(1));
    expect(
      await ledger.startIdempotent({
        key: "never",
        fingerprint: "fp",
        at: at(2),
        runsUntil: at(3),
      }),
    ).toBeUndefined();
    expect(
      await ledger.startIdempotent({
        key: "never",
        fingerprint: "fp",
        at: at(2),
        runsUntil: at(3),
      }),
    ).toMatchObject({
      answer: null,
    });
  });

  it("keys and answers survive a restart", async () => {
    const { ledger, store } = await fresh();
    await ledger.startIdempotent({
      key: "answered",
      fingerprint: "fp-a",
      at: at(1),
      runsUntil: at(3),
    });
    await ledger.finishIdempotent("answered", ANSWER, at(2));
    await ledger.startIdempotent({
      key: "running",
      fingerprint: "fp-r",
      at: at(4),
      runsUntil: at(9),
    });
    await ledger.close();

    const reopened = await openLedger(store);
    expect(
      await reopened.startIdempotent({
        key: "answered",
        fingerprint: "fp-a",
        at: at(5),
        runsUntil: at(7),
      }),
    ).toEqual({
      key: "answered",
      fingerprint: "fp-a",
      startedAt: at(1),
      runsUntil: at(3),
      answer: ANSWER,
    });
    expect(
      await reopened.startIdempotent({
        key: "running",
        fingerprint: "fp-r",
        at: at(5),
        runsUntil: at(7),
      }),
    ).toEqual({
      key: "running",
      fingerprint: "fp-r",
      startedAt: at(4),
      runsUntil: at(9),
      answer: null,
    });
    expect(
      await reopened.startIdempotent({
        key: "new",
        fingerprint: "fp",
        at: at(5),
        runsUntil: at(7),
      }),
    ).toBeUndefined();
  });

  it("of many requests taking one new key at once, exactly one gets it; the others see its record", async () => {
    const { ledger } = await fresh();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        ledger.startIdempotent({ key: "k", fingerprint: `fp-${i}`, at: at(1), runsUntil: at(5) }),
      ),
    );

    const taken = answers.flatMap((a, i) => (a === undefined ? [i] : []));
    expect(taken).toHaveLength(1);
    for (const answer of answers) {
      if (answer === undefined) continue;
      expect(answer).toEqual({
        key: "k",
        fingerprint: `fp-${taken[0]}`,
        startedAt: at(1),
        runsUntil: at(5),
        answer: null,
      });
    }
  });

  it("spend adds up per client, day and operation, is read back by day range, and survives a restart", async () => {
    const { ledger, store } = await fresh();
    const link = { upstream: "oneauto", operation: "GET /imagery/image-from-id" };
    const vin = { upstream: "oneauto", operation: "GET /vin" };
    await ledger.chargeSpend("web", "2025-03-01", [{ ...link, paidCalls: 1, pence: 15 }]);
    await Promise.all([
      ledger.chargeSpend("web", "2025-03-01", [
        { ...link, paidCalls: 2, pence: 30 },
        { ...vin, paidCalls: 1, pence: 12.5 },
      ]),
      ledger.chargeSpend("web", "2025-03-02", [{ ...link, paidCalls: 1, pence: 15 }]),
      ledger.chargeSpend("app", "2025-03-01", [{ ...link, paidCalls: 4, pence: 60 }]),
      ledger.chargeSpend("web", "2025-03-03", []),
    ]);
    const expected = [
      { day: "2025-03-01", ...link, paidCalls: 3, pence: 45 },
      { day: "2025-03-01", ...vin, paidCalls: 1, pence: 12.5 },
      { day: "2025-03-02", ...link, paidCalls: 1, pence: 15 },
    ];
    expect(await ledger.spendOf("web", "2025-02-01", "2025-03-31")).toEqual(expected);
    expect(await ledger.spendOf("web", "2025-03-02", "2025-03-02")).toEqual([expected[2]]);
    expect(await ledger.spendOf("app", "2025-03-01", "2025-03-01")).toEqual([
      { day: "2025-03-01", ...link, paidCalls: 4, pence: 60 },
    ]);
    expect(await ledger.spendOf("nobody", "2025-03-01", "2025-03-31")).toEqual([]);
    await ledger.close();
    const reopened = await openLedger(store);
    expect(await reopened.spendOf("web", "2025-02-01", "2025-03-31")).toEqual(expected);
  });

  describe("spend reservations", () => {
    const link = { upstream: "oneauto", operation: "GET /imagery/image-from-id" };
    const DAY = "2025-03-01";
    let ids = 0;
    /** A reservation of `pence` of web's 200p on DAY, asked at `minutes`, held for ten. */
    const reservation = (pence: number, minutes = 1, day = DAY) => ({
      id: `r${++ids}`,
      client: "web",
      day,
      pence,
      limitPence: 200,
      at: at(minutes),
      until: at(minutes + 10),
    });

    it("of 20 reservations of 75p at once against 200p, exactly two are taken", async () => {
      const { ledger } = await fresh();
      const found = await Promise.all(
        Array.from({ length: 20 }, () => ledger.reserveSpend(reservation(75))),
      );
      expect(found.filter((f) => f.reserved)).toHaveLength(2);
      for (const f of found) {
        expect(f.spentPence).toBe(0);
        // Each saw the ones taken before it: never room for a third.
        if (!f.reserved) expect(f.reservedPence).toBe(150);
      }
    });

    it("counts the day's spend and other live reservations, and takes one that fits exactly", async () => {
      const { ledger } = await fresh();
      await ledger.chargeSpend("web", DAY, [{ ...link, paidCalls: 4, pence: 60 }]);
      await ledger.chargeSpend("web", "2025-02-28", [{ ...link, paidCalls: 9, pence: 135 }]);
      await ledger.chargeSpend("app", DAY, [{ ...link, paidCalls: 9, pence: 135 }]);
      expect(await ledger.reserveSpend(reservation(90))).toEqual({
        reserved: true,
        spentPence: 60,
        reservedPence: 0,
      });
      expect(await ledger.reserveSpend(reservation(60))).toEqual({
        reserved: false,
        spentPence: 60,
        reservedPence: 90,
      });
      expect(await ledger.reserveSpend(reservation(50))).toEqual({
        reserved: true,
        spentPence: 60,
        reservedPence: 90,
      });
    });

    it("settling charges what was spent and gives back the rest of the reservation, in one step", async () => {
      const { ledger } = await fresh();
      const first = reservation(150);
      expect((await ledger.reserveSpend(first)).reserved).toBe(true);
      expect((await ledger.reserveSpend(reservation(75))).reserved).toBe(false);
      const total = await ledger.chargeSpend(
        "web",
        DAY,
        [{ ...link, paidCalls: 3, pence: 45 }],
        first.id,
      );
      expect(total).toBe(45);
      expect(await ledger.reserveSpend(reservation(155))).toEqual({
        reserved: true,
        spentPence: 45,
        reservedPence: 0,
      });
    });

    it("settling with nothing spent only gives the reservation back", async () => {
      const { ledger } = await fresh();
      const held = reservation(200);
      expect((await ledger.reserveSpend(held)).reserved).toBe(true);
      expect(await ledger.chargeSpend("web", DAY, [], held.id)).toBe(0);
      expect((await ledger.reserveSpend(reservation(200))).reserved).toBe(true);
    });

    it("a reservation never settled (its instance died) stops counting at its until, and on another day", async () => {
      const { ledger } = await fresh();
      expect((await ledger.reserveSpend(reservation(200, 1))).reserved).toBe(true);
      // Still held a minute before it runs out.
      expect((await ledger.reserveSpend(reservation(1, 10))).reserved).toBe(false);
      expect(await ledger.reserveSpend(reservation(200, 11))).toEqual({
        reserved: true,
        spentPence: 0,
        reservedPence: 0,
      });
      // The next day's budget is whole, whatever the day before still held.
      expect(await ledger.reserveSpend(reservation(200, 12, "2025-03-02"))).toEqual({
        reserved: true,
        spentPence: 0,
        reservedPence: 0,
      });
    });

    it("chargeSpend answers the day's total, its own charges included", async () => {
      const { ledger } = await fresh();
      await ledger.chargeSpend("web", DAY, [{ ...link, paidCalls: 1, pence: 15 }]);
      const totals = await Promise.all([
        ledger.chargeSpend("web", DAY, [{ ...link, paidCalls: 1, pence: 0.1 }]),
        ledger.chargeSpend("web", DAY, [{ ...link, paidCalls: 1, pence: 0.2 }]),
      ]);
      expect(Math.max(...totals)).toBe(15.3);
      expect(await ledger.chargeSpend("web", "2025-03-02", [])).toBe(0);
    });

    it("a closed ledger refuses reservations", async () => {
      const { ledger } = await fresh();
      await ledger.close();
      await expect(ledger.reserveSpend(reservation(1))).rejects.toThrow();
    });
  });
}
