import { describe, expect, it, vi } from "vitest";
import type { Caller } from "../../src/clients/client-gate.js";
import type { CostSummary } from "../../src/cost/cost-meter.js";
import { DailyBudget } from "../../src/cost/daily-budget.js";
import { utcDay } from "../../src/ledger/ledger.js";
import { MemoryLedger } from "../support/memory-ledger.js";

/** Today's figure as DailyBudget keeps it: read from the store only when needed, never backwards. */

const dealer: Caller = {
  name: "dealer",
  kind: "client",
  limits: { requestsPerMinute: 0, pencePerDay: 100, maxSubscriptions: 0 },
};

const spentOneLink: CostSummary = {
  upstreamCalls: [
    {
      upstream: "oneauto",
      operation: "GET /imagery/image-from-id",
      calls: 1,
      paidCalls: 1,
      paidUnits: 1,
      estimatedPence: 15,
    },
  ],
  calls: 1,
  paidCalls: 1,
  cacheHits: [],
  cacheHitCount: 0,
  estimatedPence: 15,
};

describe("DailyBudget.today", () => {
  it("answers from the figure it knows: the store is read once, not per operation", async () => {
    const store = new MemoryLedger();
    await store.chargeSpend(
      dealer.name,
      utcDay(new Date()),
      spentOneLink.upstreamCalls.map(toCharge),
    );
    const reads = vi.spyOn(store, "spendOf");
    const budget = new DailyBudget(store, { operationDeadlineMs: 1000 });
    const answers = [];
    for (let i = 0; i < 20; i++) answers.push(await budget.today(dealer));
    expect(answers).toEqual(Array.from({ length: 20 }, () => 15));
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it("refreshes a figure older than a second in the background, answering the known one meanwhile", async () => {
    let now = 0;
    vi.spyOn(performance, "now").mockImplementation(() => now);
    try {
      const store = new MemoryLedger();
      const budget = new DailyBudget(store, { operationDeadlineMs: 1000 });
      expect(await budget.today(dealer)).toBe(0);
      // Another instance spends: this one sees it once its figure is old.
      await store.chargeSpend(
        dealer.name,
        utcDay(new Date()),
        spentOneLink.upstreamCalls.map(toCharge),
      );
      const reads = vi.spyOn(store, "spendOf");
      expect(await budget.today(dealer)).toBe(0);
      expect(reads).toHaveBeenCalledTimes(0);
      now = 1_500;
      expect(await budget.today(dealer)).toBe(0);
      expect(reads).toHaveBeenCalledTimes(1);
      await vi.waitFor(async () => expect(await budget.today(dealer)).toBe(15));
      expect(reads).toHaveBeenCalledTimes(1);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it("never goes backwards within a day: a read that started before a settle does not undo it", async () => {
    const store = new MemoryLedger();
    const budget = new DailyBudget(store, { operationDeadlineMs: 1000 });
    let answerRead: (() => void) | undefined;
    const read = store.spendOf.bind(store);
    vi.spyOn(store, "spendOf").mockImplementationOnce(async (...args) => {
      const rows = await read(...args);
      await new Promise<void>((resolve) => {
        answerRead = resolve;
      });
      return rows;
    });
    const first = budget.today(dealer);
    await vi.waitFor(() => expect(answerRead).toBeDefined());
    expect(await budget.settle(dealer, undefined, spentOneLink)).toBe(15);
    answerRead?.();
    expect(await first).toBe(15);
    expect(budget.known(dealer)).toBe(15);
  });
});

function toCharge(call: CostSummary["upstreamCalls"][number]) {
  return {
    upstream: call.upstream,
    operation: call.operation,
    paidCalls: call.paidCalls,
    pence: call.estimatedPence,
  };
}
