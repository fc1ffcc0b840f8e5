import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, escapeIdentifier } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { FileLedger } from "../../src/ledger/file-ledger.js";
import type { SubmissionLedger } from "../../src/ledger/ledger.js";
import { PostgresLedger } from "../../src/ledger/postgres-ledger.js";

/**
 * Concurrent claims of the same URLs given in different orders must still each win a URL exactly
 * once, and none may fail: PostgreSQL once deadlocked here, locking rows in the order given.
 */
const DATABASE_URL = process.env.DATABASE_URL;
const T0 = Date.parse("2025-03-01T09:00:00.000Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const url = (name: string) => `https://photos.example.com/${name}.jpg`;

async function claimsInDifferentOrders(ledger: SubmissionLedger, settledFirst: boolean) {
  const names = ["a", "b", "c", "d", "e"];
  const sub = (n: string) => ({ url: url(n), vehicleId: "VIN1", options: {} });
  if (settledFirst) {
    const { claim } = await ledger.claim(names.map(sub), { at: at(0), until: at(0), force: true });
    await ledger.settle(names.map(url), "REJECTED", at(0), claim);
  }
  const claims = await Promise.all(
    Array.from({ length: 20 }, (_, i) => {
      // Rotated and, every other time, reversed: no two neighbours agree on an order.
      const order = [...names.slice(i % 5), ...names.slice(0, i % 5)];
      if (i % 2 === 1) order.reverse();
      return ledger.claim(order.map(sub), { at: at(1), until: at(10), force: i % 3 === 0 });
    }),
  );
  const found = await ledger.get(names.map(url));
  for (const name of names) {
    const winners = claims.filter((c) => c.won.includes(url(name)));
    expect(winners).toHaveLength(1);
    expect(found.get(url(name))?.claim).toBe(winners[0]?.claim);
  }
}

describe("claims of the same URLs in different orders at once", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  for (const settledFirst of [false, true]) {
    const what = settledFirst ? "of REJECTED URLs" : "of new URLs";

    it(`file store, ${what}: exactly one wins each URL`, async () => {
      const dir = await mkdtemp(join(tmpdir(), "forecourt-order-"));
      const ledger = await FileLedger.open(dir);
      cleanups.push(async () => {
        await ledger.close();
        await rm(dir, { recursive: true, force: true });
      });
      await claimsInDifferentOrders(ledger, settledFirst);
    });

    it.skipIf(!DATABASE_URL)(
      `PostgreSQL, ${what}: exactly one wins each URL, none fails`,
      async () => {
        const schema = `forecourt_test_${randomUUID().replaceAll("-", "")}`;
        const ledger = await PostgresLedger.connect(DATABASE_URL ?? "", { schema });
        cleanups.push(async () => {
          await ledger.close();
          const admin = new Client({ connectionString: DATABASE_URL });
          await admin.connect();
          await admin.query(`drop schema if exists ${escapeIdentifier(schema)} cascade`);
          await admin.end();
        });
        await claimsInDifferentOrders(ledger, settledFirst);
      },
    );
  }
});
