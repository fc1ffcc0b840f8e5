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
      "forecourt_submissions",
    ]);

    await expect(PostgresLedger.connect(databaseUrl, { schema: 'x"; drop' })).rejects.toThrow(
      RangeError,
    );
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
