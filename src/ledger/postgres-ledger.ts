import { randomUUID } from "node:crypto";
import { escapeIdentifier, Pool, type PoolClient } from "pg";
import {
  type Claimed,
  type ClaimTerms,
  fitsBudget,
  IDEMPOTENCY_RETENTION_MS,
  type IdempotencyRecord,
  type IdempotentStart,
  LEDGER_STATES,
  type LedgerEntry,
  type LedgerState,
  type NewSubmission,
  type ReservedSpend,
  roundPence,
  type SpendCharge,
  type SpendReservation,
  type SpendRow,
  type SubmissionLedger,
} from "./ledger.js";
import { checkedLimit, checkedTime, distinct, normaliseSubmissions } from "./ledger-input.js";
import { MIGRATIONS } from "./migrations.js";

export interface PostgresLedgerOptions {
  /**
   * The schema holding the ledger's tables, created if missing (tests isolate themselves in one
   * of their own). Unset: whatever the connection's search_path creates and finds them in.
   */
  schema?: string;
  /** Told about idle connections that failed, and about a database migrated by a newer Forecourt. */
  onWarning?: (message: string) => void;
  /** Most connections the pool opens (default 5). */
  maxConnections?: number;
}

/** Lowercase SQL identifiers only: no quoting surprises, fits PostgreSQL's 63-byte limit. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

const COLUMNS =
  "url, vehicle_id, state, options, submitted_at, updated_at, last_status, claim, claimed_until";

interface SubmissionRow {
  url: string;
  vehicle_id: string;
  state: string;
  options: Record<string, unknown>;
  submitted_at: Date;
  updated_at: Date;
  last_status: string | null;
  claim: string;
  claimed_until: Date;
}

interface IdempotencyRow {
  key: string;
  fingerprint: string;
  started_at: Date;
  runs_until: Date;
  answer: unknown;
}

/**
 * The shared ledger: one row per URL in `forecourt_submissions`, for every instance that uses the
 * same database, and one per idempotency key in `forecourt_idempotency`. Migrated at connect (see
 * migrations.ts). Every write is a single statement, so it is atomic, and it is durable once it
 * resolves (PostgreSQL's commit). A claim is an insert whose conflict updates the row only where
 * it may be claimed: the row lock makes concurrent claims of a URL, from any instance, take turns,
 * and only the first wins. Instances cannot tell whether another is alive, so a claim is in flight
 * until it runs out.
 */
export class PostgresLedger implements SubmissionLedger {
  readonly kind = "postgres" as const;
  readonly #pool: Pool;
  readonly #table: string;
  readonly #keys: string;
  readonly #spend: string;
  readonly #reservations: string;

  private constructor(
    pool: Pool,
    table: string,
    keys: string,
    spend: string,
    reservations: string,
  ) {
    this.#pool = pool;
    this.#table = table;
    this.#keys = keys;
    this.#spend = spend;
    this.#reservations = reservations;
  }

  static async connect(
    databaseUrl: string,
    options: PostgresLedgerOptions = {},
  ): Promise<PostgresLedger> {
    const { schema } = options;
    if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
      throw new RangeError(`schema must match ${SCHEMA_NAME}, got ${JSON.stringify(schema)}`);
    }
    const warn = options.onWarning ?? (() => {});
    const pool = new Pool({
      connectionString: databaseUrl,
      max: options.maxConnections ?? 5,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
    });
    // An idle connection that dies (a server restart) must not crash the process; the pool
    // replaces it on the next query.
    pool.on("error", (error) => warn(`ledger database connection lost: ${error.message}`));
    try {
      await migrate(pool, schema, warn);
    } catch (error) {
      await pool.end();
      throw error;
    }
    const qualified = (name: string) =>
      schema === undefined ? name : `${escapeIdentifier(schema)}.${name}`;
    return new PostgresLedger(
      pool,
      qualified("forecourt_submissions"),
      qualified("forecourt_idempotency"),
      qualified("forecourt_spend"),
      qualified("forecourt_spend_reservations"),
    );
  }

  async claim(submissions: readonly NewSubmission[], terms: ClaimTerms): Promise<Claimed> {
    const at = checkedTime(terms.at);
    const until = checkedTime(terms.until);
    const rows = normaliseSubmissions(submissions);
    const claim = randomUUID();
    if (rows.length === 0) return { claim, won: [] };
    // One statement: each URL is inserted, or its row updated where it may be claimed (the rule
    // of `claimable` in ledger-input.ts). Rows are locked in URL order, whatever order the caller
    // gave, so that claims of overlapping URLs take turns instead of deadlocking; `seq` is drawn
    // in the order given (volatile functions run after the ORDER BY), so a resubmitted URL moves
    // to the end of its instant and ties keep the caller's order.
    const { rows: won } = await this.#pool.query<{ url: string }>(
      `with s as (
         select s.url, s.vehicle_id, s.options, nextval(pg_get_serial_sequence($8, 'seq')) as seq
         from unnest($1::text[], $2::text[], $3::jsonb[]) with ordinality
           as s(url, vehicle_id, options, ord)
         order by s.ord
       )
       insert into ${this.#table} as t (${COLUMNS}, seq)
       select s.url, s.vehicle_id, 'PENDING', s.options, $4, $4, null, $5, $6, s.seq
       from s
       order by s.url
       on conflict (url) do update set
         vehicle_id = excluded.vehicle_id,
         state = excluded.state,
         options = excluded.options,
         submitted_at = excluded.submitted_at,
         updated_at = excluded.updated_at,
         last_status = null,
         seq = excluded.seq,
         claim = excluded.claim,
         claimed_until = excluded.claimed_until
       where t.state in ('REJECTED', 'FAILED')
         or ($7 and not (t.state = 'PENDING' and t.claimed_until > $4))
       returning t.url`,
      [
        rows.map((r) => r.url),
        rows.map((r) => r.vehicleId),
        rows.map((r) => JSON.stringify(r.options)),
        at,
        claim,
        until,
        terms.force,
        this.#table,
      ],
    );
    const taken = new Set(won.map((r) => r.url));
    return { claim, won: rows.map((r) => r.url).filter((url) => taken.has(url)) };
  }

  async settle(urls: readonly string[], state: LedgerState, at: Date, claim: string) {
    const time = checkedTime(at);
    const distinctUrls = distinct(urls);
    if (distinctUrls.length === 0) return;
    await this.#pool.query(
      `update ${this.#table} set state = $2, updated_at = $3
       where url = any($1::text[]) and claim = $4`,
      [distinctUrls, state, time, claim],
    );
  }

  inFlight(entry: LedgerEntry, at: Date): boolean {
    return entry.state === "PENDING" && entry.claimedUntil.getTime() > at.getTime();
  }

  async noteStatus(url: string, status: string, at: Date): Promise<void> {
    await this.#pool.query(
      `update ${this.#table} set last_status = $2, updated_at = $3 where url = $1`,
      [url, status, checkedTime(at)],
    );
  }

  async get(urls: readonly string[]): Promise<Map<string, LedgerEntry>> {
    const distinctUrls = distinct(urls);
    if (distinctUrls.length === 0) return new Map();
    const { rows } = await this.#pool.query<SubmissionRow>(
      `select ${COLUMNS} from ${this.#table} where url = any($1::text[])`,
      [distinctUrls],
    );
    return new Map(rows.map((row) => [row.url, toEntry(row)]));
  }

  async byVehicle(vehicleId: string): Promise<LedgerEntry[]> {
    const { rows } = await this.#pool.query<SubmissionRow>(
      `select ${COLUMNS} from ${this.#table} where vehicle_id = $1 order by submitted_at, seq`,
      [vehicleId],
    );
    return rows.map(toEntry);
  }

  async unsettled(limit: number): Promise<LedgerEntry[]> {
    const max = checkedLimit(limit);
    if (max === 0) return [];
    const { rows } = await this.#pool.query<SubmissionRow>(
      `select ${COLUMNS} from ${this.#table} where state in ('PENDING', 'UNKNOWN')
       order by submitted_at, seq limit $1`,
      [max],
    );
    return rows.map(toEntry);
  }

  async startIdempotent(start: IdempotentStart): Promise<IdempotencyRecord | undefined> {
    const { key, fingerprint, at, runsUntil } = start;
    const time = checkedTime(at);
    // The rule of `startable` in ledger-input.ts: a new key, one past its retention, or one left
    // running past its time by a request that asked the same.
    const { rowCount } = await this.#pool.query(
      `insert into ${this.#keys} as k (key, fingerprint, started_at, runs_until, answer)
       values ($1, $2, $3, $4, null)
       on conflict (key) do update set
         fingerprint = excluded.fingerprint,
         started_at = excluded.started_at,
         runs_until = excluded.runs_until,
         answer = null
       where k.started_at <= $5
         or (k.answer is null and k.fingerprint = excluded.fingerprint and k.runs_until <= $3)`,
      [
        key,
        fingerprint,
        time,
        checkedTime(runsUntil),
        new Date(time.getTime() - IDEMPOTENCY_RETENTION_MS),
      ],
    );
    if (rowCount === 1) return undefined;
    const { rows } = await this.#pool.query<IdempotencyRow>(
      `select key, fingerprint, started_at, runs_until, answer from ${this.#keys} where key = $1`,
      [key],
    );
    const row = rows[0];
    return (
      row && {
        key: row.key,
        fingerprint: row.fingerprint,
        startedAt: row.started_at,
        runsUntil: row.runs_until,
        answer: row.answer,
      }
    );
  }

  async finishIdempotent(key: string, answer: object, at: Date): Promise<void> {
    checkedTime(at);
    await this.#pool.query(`update ${this.#keys} set answer = $2 where key = $1`, [
      key,
      JSON.stringify(answer),
    ]);
    // Keys past their retention are of no use to anyone: cleared as keys are used.
    await this.#pool.query(`delete from ${this.#keys} where started_at <= $1`, [
      new Date(at.getTime() - IDEMPOTENCY_RETENTION_MS),
    ]);
  }

  async reserveSpend(reservation: SpendReservation): Promise<ReservedSpend> {
    const { id, client, day, pence, limitPence } = reservation;
    const at = checkedTime(reservation.at);
    const until = checkedTime(reservation.until);
    const connection = await this.#pool.connect();
    try {
      await connection.query("begin");
      // Reservations of one client take turns, from every instance: each sees the ones before.
      // A transaction-level lock, so it is let go however the transaction ends.
      await connection.query("select pg_advisory_xact_lock(hashtext($1))", [
        `${this.#reservations} ${client}`,
      ]);
      // Crashed instances' reservations and other days' go as the client reserves again.
      await connection.query(
        `delete from ${this.#reservations} where client = $1 and (day < $2::date or until <= $3)`,
        [client, day, at],
      );
      // One statement, one snapshot: a settle (its charge and its release) is seen whole or not.
      const { rows } = await connection.query<{ spent: string; reserved: string }>(
        `select
           (select coalesce(sum(pence), 0) from ${this.#spend}
             where client = $1 and day = $2::date) as spent,
           (select coalesce(sum(pence), 0) from ${this.#reservations}
             where client = $1 and day = $2::date) as reserved`,
        [client, day],
      );
      const spentPence = roundPence(Number(rows[0]?.spent ?? 0));
      const reservedPence = roundPence(Number(rows[0]?.reserved ?? 0));
      const reserved = fitsBudget(spentPence, reservedPence, pence, limitPence);
      if (reserved) {
        await connection.query(
          `insert into ${this.#reservations} (id, client, day, pence, until)
           values ($1, $2, $3::date, $4, $5)`,
          [id, client, day, pence, until],
        );
      }
      await connection.query("commit");
      connection.release();
      return { reserved, spentPence, reservedPence };
    } catch (error) {
      await connection.query("rollback").catch(() => {});
      connection.release(true);
      throw error;
    }
  }

  async chargeSpend(
    client: string,
    day: string,
    charges: readonly SpendCharge[],
    reservation?: string,
  ): Promise<number> {
    // One statement: every instance's charges of the same day and operation add up, and the
    // reservation goes in the same step, so a reservation never sees the budget held twice or
    // not at all. The total is read in a second statement, which sees this one's charges.
    await this.#pool.query(
      `with released as (
         delete from ${this.#reservations} where id = $7 and client = $1
       )
       insert into ${this.#spend} as t (client, day, upstream, operation, paid_calls, pence)
       select $1, $2::date, c.upstream, c.operation, c.paid_calls, c.pence
       from unnest($3::text[], $4::text[], $5::bigint[], $6::numeric[])
         as c(upstream, operation, paid_calls, pence)
       on conflict (client, day, upstream, operation) do update set
         paid_calls = t.paid_calls + excluded.paid_calls,
         pence = t.pence + excluded.pence`,
      [
        client,
        day,
        charges.map((c) => c.upstream),
        charges.map((c) => c.operation),
        charges.map((c) => c.paidCalls),
        charges.map((c) => c.pence),
        reservation ?? null,
      ],
    );
    const { rows } = await this.#pool.query<{ total: string }>(
      `select coalesce(sum(pence), 0) as total from ${this.#spend}
       where client = $1 and day = $2::date`,
      [client, day],
    );
    return roundPence(Number(rows[0]?.total ?? 0));
  }

  async spendOf(client: string, fromDay: string, toDay: string): Promise<SpendRow[]> {
    const { rows } = await this.#pool.query<{
      day: string;
      upstream: string;
      operation: string;
      paid_calls: string;
      pence: string;
    }>(
      `select to_char(day, 'YYYY-MM-DD') as day, upstream, operation, paid_calls, pence
       from ${this.#spend}
       where client = $1 and day between $2::date and $3::date
       order by day, upstream, operation`,
      [client, fromDay, toDay],
    );
    return rows.map((r) => ({
      day: r.day,
      upstream: r.upstream,
      operation: r.operation,
      paidCalls: Number(r.paid_calls),
      pence: Number(r.pence),
    }));
  }

  async close(): Promise<void> {
    if (!this.#pool.ended) await this.#pool.end();
  }
}

/**
 * Applies the migrations this database lacks, in one transaction that holds a transaction-level
 * advisory lock: instances starting together take turns, and the later ones find nothing to do.
 */
async function migrate(
  pool: Pool,
  schema: string | undefined,
  warn: (message: string) => void,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    await client.query("select pg_advisory_xact_lock(hashtext($1))", [
      `forecourt_migrations:${schema ?? ""}`,
    ]);
    if (schema !== undefined) {
      const name = escapeIdentifier(schema);
      await client.query(`create schema if not exists ${name}`);
      await client.query(`set local search_path to ${name}`);
    }
    await client.query(
      `create table if not exists forecourt_migrations (
         version integer primary key,
         name text not null,
         applied_at timestamptz not null default now()
       )`,
    );
    const applied = await appliedVersions(client);
    for (const [i, migration] of MIGRATIONS.entries()) {
      const version = i + 1;
      if (applied.has(version)) continue;
      await client.query(migration.sql);
      await client.query("insert into forecourt_migrations (version, name) values ($1, $2)", [
        version,
        migration.name,
      ]);
    }
    const newest = Math.max(0, ...applied);
    if (newest > MIGRATIONS.length) {
      warn(
        `the ledger database is at migration ${newest}, newer than this Forecourt knows ` +
          `(${MIGRATIONS.length}); it is used as it is`,
      );
    }
    await client.query("commit");
    client.release();
  } catch (error) {
    await client.query("rollback").catch(() => {});
    // Not back into the pool: the connection may be what failed.
    client.release(true);
    throw error;
  }
}

async function appliedVersions(client: PoolClient): Promise<Set<number>> {
  const { rows } = await client.query<{ version: number }>(
    "select version from forecourt_migrations",
  );
  return new Set(rows.map((r) => r.version));
}

function toEntry(row: SubmissionRow): LedgerEntry {
  return {
    url: row.url,
    vehicleId: row.vehicle_id,
    state: toState(row.state),
    options: row.options,
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
    lastStatus: row.last_status,
    claim: row.claim,
    claimedUntil: row.claimed_until,
  };
}

function toState(state: string): LedgerState {
  const known = LEDGER_STATES.find((s) => s === state);
  if (known === undefined) throw new Error(`the ledger database holds an unknown state: ${state}`);
  return known;
}
