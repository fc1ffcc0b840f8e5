import { describe } from "vitest";
import { MemoryLedger } from "../support/memory-ledger.js";
import { ledgerContract } from "./ledger-contract.js";

/**
 * The in-memory ledger other suites stand on (test/support/memory-ledger.ts) keeps the same
 * contract as the file and PostgreSQL ledgers, so what those suites prove holds for the real ones.
 * Reopened after a close, a ledger holds what the one before it held.
 */
describe("MemoryLedger", () => {
  ledgerContract(async () => {
    let last: MemoryLedger | undefined;
    return {
      open: async () => {
        last = new MemoryLedger(last);
        return last;
      },
    };
  });
});
