import { escapeIdentifier, Pool, type PoolClient } from "pg";
import {
  LEDGER_STATES,
  type LedgerEntry,
  type LedgerState,
  type NewSubmission,
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

const COLUMNS = "url, vehicle_id, state, options, submitted_at, updated_at, last_status";

interface SubmissionRow {
  url: string;
  vehicle_id: string;
  state: string;
  options: Record<string, unknown>;
  submitted_at: Date;
  updated_at: Date;
  last_status: string | null;
}

/**
 * The shared ledger: one row per URL in `forecourt_submissions`, for every instance that uses the
 * same database. Migrated at connect (see migrations.ts). Every write is a single statement, so
 * it is atomic, and it is durable once it resolves (PostgreSQL's commit).
 */
export class PostgresLedger implements SubmissionLedger {
  readonly kind = "postgres" as const;
  readonly #pool: Pool;
  readonly #table: string;

  private constructor(pool: Pool, table: string) {
    this.#pool = pool;
    this.#table = table;
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
    const table =
      schema === undefined
        ? "forecourt_submissions"
        : `${escapeIdentifier(schema)}.forecourt_submissions`;
    return new PostgresLedger(pool, table);
  }

  async record(submissions: readonly NewSubmission[], at: Date): Promise<void> {
    const time = checkedTime(at);
    const rows = normaliseSubmissions(submissions);
    if (rows.length === 0) return;
    // One statement: all rows or none. `seq = excluded.seq` takes the value drawn for the row
    // proposed, so a resubmitted URL also moves to the end of its instant.
    await this.#pool.query(
      `insert into ${this.#table} (${COLUMNS})
       select s.url, s.vehicle_id, 'PENDING', s.options, $4, $4, null
       from unnest($1::text[], $2::text[], $3::jsonb[]) with ordinality
         as s(url, vehicle_id, options, ord)
       order by s.ord
       on conflict (url) do update set
         vehicle_id = excluded.vehicle_id,
         state = excluded.state,
         options = excluded.options,
         submitted_at = excluded.submitted_at,
         updated_at = excluded.updated_at,
         last_status = null,
         seq = excluded.seq`,
      [
        rows.map((r) => r.url),
        rows.map((r) => r.vehicleId),
        rows.map((r) => JSON.stringify(r.options)),
        time,
      ],
    );
  }

  async settle(urls: readonly string[], state: LedgerState, at: Date): Promise<void> {
    const time = checkedTime(at);
    const distinctUrls = distinct(urls);
    if (distinctUrls.length === 0) return;
    await this.#pool.query(
      `update ${this.#table} set state = $2, updated_at = $3 where url = any($1::text[])`,
      [distinctUrls, state, time],
    );
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
  };
}

function toState(state: string): LedgerState {
  const known = LEDGER_STATES.find((s) => s === state);
  if (known === undefined) throw new Error(`the ledger database holds an unknown state: ${state}`);
  return known;
}
