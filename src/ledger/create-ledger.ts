import type { Config } from "../config.js";
import { FileLedger } from "./file-ledger.js";
import type { SubmissionLedger } from "./ledger.js";

export interface CreateLedgerOptions {
  /** Repairs made when the file store opened, lost database connections, and the like. */
  onWarning?: (message: string) => void;
  /** PostgreSQL only: the schema of the ledger's tables (tests use one of their own). */
  postgresSchema?: string;
}

/**
 * PostgreSQL when `databaseUrl` is set (shared by every instance, migrated here), otherwise the
 * embedded file store in `dataDir` (one process only).
 */
export async function createLedger(
  config: Config["ledger"],
  options: CreateLedgerOptions = {},
): Promise<SubmissionLedger> {
  const common = options.onWarning === undefined ? {} : { onWarning: options.onWarning };
  if (config.databaseUrl !== undefined) {
    const schema = options.postgresSchema;
    // Loaded only here: pg is several MB a gateway on the file store does not need.
    const { PostgresLedger } = await import("./postgres-ledger.js");
    return PostgresLedger.connect(config.databaseUrl, {
      ...common,
      schema,
    });
  }
  return FileLedger.open(config.dataDir, common);
}
