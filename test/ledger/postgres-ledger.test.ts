import { randomUUID } from "node:crypto";
import { Client, escapeIdentifier } from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLedger } from "../../src/ledger/create-ledger.js";
import { MIGRATIONS } from "../../src/ledger/migrations.js";
import { PostgresLedger } from "../../src/ledger/postgres-ledger.js";
import { ledgerContract } from "./ledger-contract.js";

/**
 * Against a real PostgreSQL (CI sets DATABASE_URL). Every store lives in a schema of its own,
 * `forecourt_test_<random>`, dropped afterwards: the database may be shared, so nothing here
 * touches anything else in it.
 */
const DATABASE_URL = process.env.DATABASE_URL;

describe.skipIf(!DATABASE_URL)("PostgresLedger against a real PostgreSQL", () => {
  const databaseUrl = DATABASE_URL ?? "";
  const schemas: string[] = [];
  const opened: PostgresLedger[] = [];
  let admin: Client;

  function newSchema(): string {
    const schema = `forecourt_test_${randomUUID().replaceAll("-", "")}`;
    schemas.push(schema);
    return schema;
  }

  async function connect(schema: string): Promise<PostgresLedger> {
    const ledger = await PostgresLedger.connect(databaseUrl, { schema });
    opened.push(ledger);
    return ledger;
  }

  beforeAll(async () => {
    admin = new Client({ connectionString: databaseUrl });
    await admin.connect();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((ledger) => ledger.close()));
  });
  afterAll(async () => {
    for (const schema of schemas) {
      await admin.query(`drop schema if exists ${escapeIdentifier(schema)} cascade`);
    }
    await admin.end();
  });

  describe("contract", () => {
    ledgerContract(async () => {
      const schema = newSchema();
      return { open: () => PostgresLedger.connect(databaseUrl, { schema }) };
    });
  });

  async function migrationsIn(schema: string): Promise<{ version: number; name: string }[]> {
    const { rows } = await admin.query<{ version: number; name: string }>(
      `select version, name from ${escapeIdentifier(schema)}.forecourt_migrations order by version`,
    );
    return rows;
  }

  const allMigrations = MIGRATIONS.map((m, i) => ({ version: i + 1, name: m.name }));

  it("applies its migrations once: connecting again finds nothing to do", async () => {
    const schema = newSchema();
    const first = await connect(schema);
    const now = new Date();
    const { won } = await first.claim(
      [{ url: "https://x.test/a.jpg", vehicleId: "VIN1", options: {} }],
      { at: now, until: now, force: false },
    );
    expect(won).toEqual(["https://x.test/a.jpg"]);
    await first.close();

    const second = await connect(schema);
    expect(await migrationsIn(schema)).toEqual(allMigrations);
    expect((await second.get(["https://x.test/a.jpg"])).size).toBe(1);
  });

  it("lets instances that start together all migrate the same new schema (advisory lock)", async () => {
    const schema = newSchema();
    const ledgers = await Promise.all([connect(schema), connect(schema), connect(schema)]);

    expect(ledgers.map((l) => l.kind)).toEqual(["postgres", "postgres", "postgres"]);
    expect(await migrationsIn(schema)).toEqual(allMigrations);
  });

  it("keeps its tables in its own schema, and reads a schema name only as a plain identifier", async () => {
    const schema = newSchema();
    await connect(schema);
    const { rows } = await admin.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = $1 order by 1",
      [schema],
    );
    expect(rows.map((r) => r.table_name)).toEqual([
      "forecourt_idempotency",
      "forecourt_migrations",
      "forecourt_spend",
      "forecourt_spend_reservations",
      "forecourt_submissions",
    ]);

    await expect(PostgresLedger.connect(databaseUrl, { schema: 'x"; drop' })).rejects.toThrow(
      RangeError,
    );
  });

  const T0 = Date.parse("2025-03-01T09:00:00.000Z");
  const at = (minutes: number) => new Date(T0 + minutes * 60_000);
  const url = (name: string) => `https://photos.example.com/${name}.jpg`;
  const sub = (name: string, vehicleId = "VIN1") => ({ url: url(name), vehicleId, options: {} });

  it("two instances on one schema: of claims from both at once, exactly one wins each URL", async () => {
    const schema = newSchema();
    const [one, two] = await Promise.all([connect(schema), connect(schema)]);
    const names = ["a", "b", "c", "d", "e"];
    const ledgers = [one, two];
    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        ledgers[i % 2]?.claim(
          names.map((n) => sub(n, `VIN${i}`)),
          { at: at(1), until: at(10), force: i % 4 >= 2 },
        ),
      ),
    );

    for (const ledger of ledgers) {
      const found = await ledger.get(names.map(url));
      for (const name of names) {
        const winners = claims.filter((c) => c?.won.includes(url(name)));
        expect(winners).toHaveLength(1);
        expect(found.get(url(name))?.claim).toBe(winners[0]?.claim);
        const index = claims.findIndex((c) => c?.claim === winners[0]?.claim);
        expect(found.get(url(name))?.vehicleId).toBe(`VIN${index}`);
      }
    }
    expect(claims.flatMap((c) => c?.won ?? [])).toHaveLength(names.length);
  });

  it("two instances on one schema: a claim from one is in flight for the other until it runs out", async () => {
    const schema = newSchema();
    const [one, two] = await Promise.all([connect(schema), connect(schema)]);
    const first = await one.claim([sub("a"), sub("b")], { at: at(1), until: at(5), force: false });
    expect(first.won).toEqual([url("a"), url("b")]);

    const seen = (await two.get([url("a")])).get(url("a"));
    if (seen === undefined) throw new Error("the other instance does not see the claim");
    expect(seen).toMatchObject({ state: "PENDING", claim: first.claim, claimedUntil: at(5) });
    expect(two.inFlight(seen, at(2))).toBe(true);
    expect(two.inFlight(seen, at(5))).toBe(false);
    const early = await two.claim([sub("a"), sub("b")], { at: at(4), until: at(9), force: true });
    expect(early.won).toEqual([]);

    // Settled by its own instance: the other's entry follows.
    await one.settle([url("b")], "ACCEPTED", at(3), first.claim);
    const late = await two.claim([sub("a"), sub("b")], { at: at(5), until: at(9), force: true });
    expect(late.won).toEqual([url("a"), url("b")]);
    // The first instance's claim is stale now: its settle changes nothing.
    await one.settle([url("a")], "FAILED", at(6), first.claim);
    expect((await one.get([url("a")])).get(url("a"))).toMatchObject({
      state: "PENDING",
      claim: late.claim,
    });
  });

  it("two instances on one schema: one key taken at once from both is taken by exactly one", async () => {
    const schema = newSchema();
    const [one, two] = await Promise.all([connect(schema), connect(schema)]);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 === 0 ? one : two).startIdempotent({
          key: "k",
          fingerprint: `fp-${i}`,
          at: at(1),
          runsUntil: at(5),
        }),
      ),
    );
    const taken = answers.flatMap((a, i) => (a === undefined ? [i] : []));
    expect(taken).toHaveLength(1);
    for (const answer of answers.filter((a) => a !== undefined)) {
      expect(answer).toMatchObject({ fingerprint: `fp-${taken[0]}`, answer: null });
    }
    await (taken[0] === undefined || taken[0] % 2 === 0 ? one : two).finishIdempotent(
      "k",
      { results: [] },
      at(2),
    );
    expect(
      await one.startIdempotent({ key: "k", fingerprint: "fp", at: at(3), runsUntil: at(5) }),
    ).toMatchObject({
      answer: { results: [] },
    });
    expect(
      await two.startIdempotent({ key: "k", fingerprint: "fp", at: at(3), runsUntil: at(5) }),
    ).toMatchObject({
      answer: { results: [] },
    });
  });

  it("two instances on one schema: of 20 reservations of 75p against 200p from both at once, two are taken; a settle on one frees room on the other", async () => {
    const schema = newSchema();
    const [one, two] = await Promise.all([connect(schema), connect(schema)]);
    const reservation = (i: number, pence = 75) => ({
      id: `r${i}`,
      client: "web",
      day: "2025-03-01",
      pence,
      limitPence: 200,
      at: at(1),
      until: at(10),
    });
    const found = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? one : two).reserveSpend(reservation(i))),
    );
    const taken = found.flatMap((f, i) => (f.reserved ? [i] : []));
    expect(taken).toHaveLength(2);
    const [first = -1] = taken;
    const total = await (first % 2 === 0 ? one : two).chargeSpend(
      "web",
      "2025-03-01",
      [{ upstream: "oneauto", operation: "GET /imagery/image-from-id", paidCalls: 1, pence: 15 }],
      `r${first}`,
    );
    expect(total).toBe(15);
    // 15 spent and 75 still held: 110 fits, on either instance.
    expect(await (first % 2 === 0 ? two : one).reserveSpend(reservation(99, 110))).toEqual({
      reserved: true,
      spentPence: 15,
      reservedPence: 75,
    });
  });

  it("migrates a ledger from before claims: rows keep their data, with no claim, one that ran out", async () => {
    const schema = newSchema();
    const name = escapeIdentifier(schema);
    const first = MIGRATIONS[0];
    if (first === undefined) throw new Error("no migrations");
    await admin.query(`create schema ${name}`);
    await admin.query(`set search_path to ${name}`);
    try {
      await admin.query(
        `create table forecourt_migrations (
           version integer primary key, name text not null,
           applied_at timestamptz not null default now())`,
      );
      await admin.query(first.sql);
      await admin.query("insert into forecourt_migrations (version, name) values (1, $1)", [
        first.name,
      ]);
      await admin.query(
        `insert into forecourt_submissions
           (url, vehicle_id, state, options, submitted_at, updated_at, last_status)
         values ($1, 'VIN1', 'PENDING', '{"n":1}', $2, $2, null),
                ($3, 'VIN1', 'ACCEPTED', '{}', $2, $4, 'done')`,
        [url("p"), at(1), url("a"), at(2)],
      );
    } finally {
      await admin.query("set search_path to default");
    }

    const ledger = await connect(schema);
    expect(await migrationsIn(schema)).toEqual(allMigrations);
    const found = await ledger.get([url("p"), url("a")]);
    expect(found.get(url("p"))).toEqual({
      url: url("p"),
      vehicleId: "VIN1",
      state: "PENDING",
      options: { n: 1 },
      submittedAt: at(1),
      updatedAt: at(1),
      lastStatus: null,
      claim: "",
      claimedUntil: at(1),
    });
    expect(found.get(url("a"))).toMatchObject({ state: "ACCEPTED", claim: "", lastStatus: "done" });
    for (const entry of found.values()) expect(ledger.inFlight(entry, at(1))).toBe(false);
    const forced = await ledger.claim([sub("p"), sub("a")], {
      at: at(3),
      until: at(4),
      force: true,
    });
    expect(forced.won).toEqual([url("p"), url("a")]);
  });

  it("createLedger connects to PostgreSQL when a database URL is configured", async () => {
    const ledger = await createLedger(
      { databaseUrl, dataDir: "/nonexistent/never-used" },
      { postgresSchema: newSchema() },
    );
    try {
      expect(ledger.kind).toBe("postgres");
    } finally {
      await ledger.close();
    }
  });
});
