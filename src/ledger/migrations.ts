/**
 * The PostgreSQL ledger's schema, in the order it was built. A migration's version is its position
 * in this list (the first is version 1); `forecourt_migrations` records the versions applied.
 * Append only: never edit or reorder a migration that has shipped, add a new one instead.
 *
 * Names are unqualified: the migrator sets `search_path` to the ledger's schema for the
 * transaction that applies them.
 */
export interface Migration {
  /** What it does, stored next to its version. */
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    name: "submissions",
    sql: `
      create table forecourt_submissions (
        url text primary key,
        vehicle_id text not null,
        state text not null
          check (state in ('PENDING', 'ACCEPTED', 'REJECTED', 'FAILED', 'UNKNOWN')),
        options jsonb not null,
        submitted_at timestamptz not null,
        updated_at timestamptz not null,
        last_status text,
        -- Order of recording: breaks ties between URLs submitted at the same instant.
        seq bigserial not null
      );
      create index forecourt_submissions_by_vehicle
        on forecourt_submissions (vehicle_id, submitted_at, seq);
      create index forecourt_submissions_unsettled
        on forecourt_submissions (submitted_at, seq)
        where state in ('PENDING', 'UNKNOWN');
    `,
  },
  {
    name: "claims and idempotency keys",
    sql: `
      -- Rows from before claims carry none, and a claim that ran out when it was made.
      alter table forecourt_submissions
        add column claim text not null default '',
        add column claimed_until timestamptz;
      update forecourt_submissions set claimed_until = submitted_at;
      alter table forecourt_submissions alter column claimed_until set not null;
      create table forecourt_idempotency (
        key text primary key,
        fingerprint text not null,
        started_at timestamptz not null,
        runs_until timestamptz not null,
        answer jsonb
      );
    `,
  },
  {
    name: "spend per client and day",
    sql: `
      create table forecourt_spend (
        client text not null,
        day date not null,
        upstream text not null,
        operation text not null,
        paid_calls bigint not null,
        pence numeric not null,
        primary key (client, day, upstream, operation)
      );
    `,
  },
  {
    name: "spend reservations",
    sql: `
      -- An operation's worst case, held while it runs; dropped when it settles, or past until.
      create table forecourt_spend_reservations (
        id text primary key,
        client text not null,
        day date not null,
        pence numeric not null,
        until timestamptz not null
      );
      create index forecourt_spend_reservations_by_client
        on forecourt_spend_reservations (client, day);
    `,
  },
];
