import { type ExecutionArgs, GraphQLError } from "graphql";
import { handleStreamOrSingleExecutionResult, isAsyncIterable, type Plugin } from "graphql-yoga";
import { LRUCache } from "lru-cache";
import type { Caller } from "../clients/client-gate.js";
import { type CostEstimate, estimateWithVariables, variablesShape } from "../cost/cost-estimate.js";
import type { CostMeter, CostSummary } from "../cost/cost-meter.js";
import type { CostPolicy } from "../cost/cost-policy.js";
import type { BudgetCheck, BudgetRefusal, DailyBudget } from "../cost/daily-budget.js";

/**
 * Cost accounting and the cost guard, as one yoga plugin.
 *
 * Before execution (after validation, with the request's variables), the operation's worst case
 * of OneAuto paid calls is estimated (cost-estimate.ts). Above `maxPaidCallsPerOperation` the
 * operation is refused with COST_LIMIT_EXCEEDED before any resolver runs, so before any upstream
 * call: HTTP 400, no `data`, the estimate in the error's extensions. Then the worst case in pence
 * is reserved from the caller's daily budget (src/cost/daily-budget.ts), or the operation is
 * refused with BUDGET_EXHAUSTED; the reservation is settled to what the operation spent however
 * its execution ends. Otherwise it runs, and every
 * result gets `extensions.cost`: the request's CostMeter summary plus the estimate. A refused
 * operation carries `extensions.cost` too (no calls, and the estimate that refused it).
 *
 * Results of queries and mutations, field errors included, all carry it; an incremental answer
 * (@defer, @stream) carries it once, with its last payload, covering every increment, and holds
 * its reservation until then. A document that fails
 * to parse or validate never reaches execution, makes no call, and carries none.
 */

export const COST_LIMIT_EXCEEDED = "COST_LIMIT_EXCEEDED";
export const UPSTREAM_CALLS_ESTIMATE_EXCEEDED = "UPSTREAM_CALLS_ESTIMATE_EXCEEDED";
export const RESULT_SIZE_EXCEEDED = "RESULT_SIZE_EXCEEDED";

export const BUDGET_EXHAUSTED = "BUDGET_EXHAUSTED";
/** The budget's store could not take a reservation: refused, since the spend could not be held. */
export const BUDGET_UNAVAILABLE = "BUDGET_UNAVAILABLE";

export type CostGuardOptions = Pick<
  CostPolicy,
  "maxPaidCallsPerOperation" | "maxUpstreamCallsPerOperation" | "maxResultSize" | "prices"
> & {
  /** Each caller's spend of the day (src/cost/daily-budget.ts). */
  budget: DailyBudget;
};

/** What the plugin needs from the context: the request's meter and its caller. */
export interface CostContext {
  cost: CostMeter;
  caller: Caller;
}

/** `extensions.cost`: what was spent, the estimate, and whose day it was charged to. */
export interface CostReport extends CostSummary {
  client: string;
  spentPenceToday: number;
  /** 0: no daily budget. */
  pencePerDay: number;
}

export function useCost(options: CostGuardOptions): Plugin<CostContext> {
  const { budget } = options;
  const pencePerPaidCall = Math.max(
    options.prices.oneautoImageLink,
    options.prices.oneautoVinSearch,
    options.prices.oneautoVrmSearch,
  );
  return {
    async onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
      const { cost: meter, caller } = args.contextValue;
      const estimate = estimateOf(args);
      meter.recordEstimate(estimate.paidCalls);
      const report = (spentPenceToday: number) =>
        costReportOf(meter.summary(), caller, spentPenceToday);
      const refusal = refusalOf(estimate, options);
      if (refusal) {
        setResultAndStopExecution({
          errors: [refusal],
          extensions: { cost: report(await budget.today(caller)) },
        });
        return;
      }
      const worstPence = estimate.paidCalls * pencePerPaidCall;
      const check = await budget.reserve(caller, worstPence);
      if (!check.ok) {
        setResultAndStopExecution(
          "unavailable" in check
            ? {
                errors: [budgetUnavailableError(caller, worstPence, check)],
                extensions: { cost: report(budget.known(caller)) },
              }
            : {
                errors: [budgetError(caller, worstPence, check)],
                extensions: { cost: report(check.spentPence) },
              },
        );
        return;
      }
      const { reservation } = check;
      // Held to what was reserved while it runs: a longer answer than the estimate assumed must
      // not spend past it (the meter refuses such calls, src/context.ts's admit).
      if (caller.limits.pencePerDay > 0) meter.limitSpend(reservation?.pence ?? 0);
      // Today's total for an operation that holds nothing: read from the store while it runs.
      const today = reservation === undefined ? budget.today(caller) : undefined;
      let settled: Promise<number> | undefined;
      const settle = () => {
        settled ??= budget
          .settle(caller, reservation, meter.summary(), meter.uncertainCharges())
          .then(async (total) => total ?? (await today) ?? budget.known(caller));
        return settled;
      };
      // Settled however execution ends, a throw or the client leaving included, so a reservation
      // never outlives its operation here; and before the result is handed on, so requests that
      // joined it (src/gateway/shared-operations.ts) see today's total with its spend in it.
      // onExecuteDone reads the same settle, which never rejects (a store failing there is logged).
      // An incremental answer (@defer, @stream) is still running when its first payload is
      // handed over: it is settled with its last payload, or when its client leaves (onEnd).
      setExecuteFn(async (execution) => {
        let streaming = false;
        try {
          const result = await executeFn(execution);
          streaming = isAsyncIterable(result);
          return result;
        } finally {
          if (!streaming) await settle().catch(() => {});
        }
      });
      return {
        async onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result)) {
            return {
              // The last payload (hasNext: false) carries the whole operation's cost: every
              // increment's calls are in the meter by then, and the day's total has them.
              async onNext({ result: payload, setResult: setPayload }) {
                if (!isLastPayload(payload)) return;
                const spentPenceToday = await settle();
                setPayload({
                  ...payload,
                  extensions: { ...payload.extensions, cost: report(spentPenceToday) },
                });
              },
              // Ended early (the client left, or the stream failed): settled all the same.
              onEnd() {
                settle().catch(() => {});
              },
            };
          }
          const spentPenceToday = await settle();
          setResult({
            ...result,
            extensions: { ...result.extensions, cost: report(spentPenceToday) },
          });
          return undefined;
        },
      };
    },
    // A subscription resolves its selection once per event: one event's worst case must fit the
    // budget too, or `imageUpdated { vehicle { stockPhotos } }` could spend without limit.
    onSubscribe({ args, setResultAndStopExecution }) {
      const refusal = refusalOf(estimateOf(args), options);
      if (refusal) setResultAndStopExecution({ errors: [refusal] });
    },
  };
}

/** An incremental answer's last payload: the one that says nothing more will follow. */
export function isLastPayload(payload: object): boolean {
  return "hasNext" in payload && payload.hasNext === false;
}

/** `extensions.cost` of `caller`'s request that spent `spent`, with its spend of the day. */
export function costReportOf(
  spent: CostSummary,
  caller: Caller,
  spentPenceToday: number,
): CostReport {
  return {
    ...spent,
    client: caller.name,
    spentPenceToday,
    pencePerDay: caller.limits.pencePerDay,
  };
}

function budgetUnavailableError(
  caller: Caller,
  worstPence: number,
  check: Extract<BudgetCheck, { unavailable: true }>,
): GraphQLError {
  const { retryAfterSeconds } = check;
  return new GraphQLError(
    `${caller.name}'s daily budget could not be checked (its store did not answer), and this operation could spend up to ${worstPence}p; it was not run and nothing was spent. Try again in ${retryAfterSeconds} s; operations that spend nothing still run.`,
    {
      extensions: {
        code: BUDGET_UNAVAILABLE,
        client: caller.name,
        worstCasePence: worstPence,
        retryAfterSeconds,
        http: { status: 503, headers: { "retry-after": String(retryAfterSeconds) } },
      },
    },
  );
}

function budgetError(caller: Caller, worstPence: number, check: BudgetRefusal): GraphQLError {
  const { pencePerDay } = caller.limits;
  const { retryAfterSeconds } = check;
  const held =
    check.reservedPence > 0
      ? `, besides ${check.reservedPence}p held by its operations still running (what they do not spend comes back as they end)`
      : "";
  return new GraphQLError(
    `${caller.name} has ${check.leftPence}p left of its ${pencePerDay}p for today (UTC)${held}, and this operation could spend up to ${worstPence}p; it was not run. Try again in ${retryAfterSeconds} s; the budget renews at midnight UTC (pencePerDay, or CLIENT_PENCE_PER_DAY).`,
    {
      extensions: {
        code: BUDGET_EXHAUSTED,
        client: caller.name,
        pencePerDay,
        spentPenceToday: check.spentPence,
        reservedPence: check.reservedPence,
        leftPence: check.leftPence,
        worstCasePence: worstPence,
        retryAfterSeconds,
        http: { status: 429, headers: { "retry-after": String(retryAfterSeconds) } },
      },
    },
  );
}

/** `extensions.cost` alone: what was spent, with no estimate and no guard (the benchmark's "off"). */
export function useCostReport(): Plugin<CostContext> {
  return {
    onExecute({ args }) {
      const meter = args.contextValue.cost;
      return {
        onExecuteDone(payload) {
          return handleStreamOrSingleExecutionResult(payload, ({ result, setResult }) => {
            // An incremental answer's cost comes once, whole, with its last payload.
            if (isAsyncIterable(payload.result) && !isLastPayload(result)) return;
            setResult({ ...result, extensions: { ...result.extensions, cost: meter.summary() } });
          });
        },
      };
    },
  };
}

/**
 * Estimates by document, operation and the variables' shape (variablesShape: numbers and list
 * lengths, which are all an estimate reads): the document cache (src/gateway/document-cache.ts) hands
 * the same DocumentNode to every request with the same text, so an operation sent again with
 * other ids or URLs is not walked again. Only estimates of variables that coerced are kept. A
 * shape grows with the variables (a thousand URLs make a key of some 3 KB; variables the operation
 * does not declare are in it too), so the cache is bounded in bytes as well as entries: 4,096
 * estimates, 4 MiB of keys and estimates, none over 256 KiB.
 */
const estimates = new LRUCache<string, CostEstimate>({
  max: 4096,
  maxSize: 4 * 1024 * 1024,
  maxEntrySize: 256 * 1024,
  sizeCalculation: (estimate, key) => 2 * key.length + 200 + 120 * estimate.breakdown.length,
});
/** Each document's number, in the estimates' keys: an estimate outlives no document's key. */
const documentIds = new WeakMap<object, number>();
let lastDocumentId = 0;

function estimateOf(args: ExecutionArgs): CostEstimate {
  const shape = variablesShape(args.variableValues ?? null);
  let id = documentIds.get(args.document);
  if (id === undefined) {
    id = ++lastDocumentId;
    documentIds.set(args.document, id);
  }
  const key =
    shape === undefined ? undefined : JSON.stringify([id, args.operationName ?? null, shape]);
  const cached = key === undefined ? undefined : estimates.get(key);
  if (cached) return cached;
  const { estimate, variablesCoerced } = estimateWithVariables(args.schema, args.document, {
    operationName: args.operationName,
    variables: args.variableValues,
  });
  if (variablesCoerced && key !== undefined) estimates.set(key, estimate);
  return estimate;
}

/** The first budget the estimate breaks, as its refusal; undefined when it fits them all. */
function refusalOf(estimate: CostEstimate, budgets: CostGuardOptions): GraphQLError | undefined {
  if (estimate.paidCalls > budgets.maxPaidCallsPerOperation) {
    return costLimitError(estimate, budgets.maxPaidCallsPerOperation);
  }
  if (estimate.resultSize > budgets.maxResultSize) {
    return refusal(
      `This operation's answer could hold up to ${estimate.resultSize} fields, more than the ${budgets.maxResultSize} allowed (COST_MAX_RESULT_SIZE); select less, or fewer levels of lists.`,
      RESULT_SIZE_EXCEEDED,
      { resultSize: estimate.resultSize },
      budgets.maxResultSize,
    );
  }
  for (const [upstream, calls] of Object.entries(estimate.upstreamCalls)) {
    if (calls > budgets.maxUpstreamCallsPerOperation) {
      return refusal(
        `This operation could make up to ${calls} ${upstream} calls, more than the ${budgets.maxUpstreamCallsPerOperation} allowed per operation (COST_MAX_UPSTREAM_CALLS_PER_OPERATION); ask for fewer vehicles or photos, or split it.`,
        UPSTREAM_CALLS_ESTIMATE_EXCEEDED,
        { upstream, calls, upstreamCalls: estimate.upstreamCalls },
        budgets.maxUpstreamCallsPerOperation,
      );
    }
  }
  return undefined;
}

function refusal(
  message: string,
  code: string,
  estimate: Record<string, unknown>,
  limit: number,
): GraphQLError {
  // Refused as a bad request: nothing ran, and the same request will always be refused.
  return new GraphQLError(message, {
    extensions: { code, estimate, limit, http: { status: 400 } },
  });
}

export function costLimitError(estimate: CostEstimate, limit: number): GraphQLError {
  return new GraphQLError(
    `This operation could make up to ${estimate.paidCalls} paid OneAuto calls, more than the ${limit} allowed per operation; ask for fewer vehicles, views or photos, or split it.`,
    {
      extensions: {
        code: COST_LIMIT_EXCEEDED,
        estimate: { paidCalls: estimate.paidCalls, breakdown: estimate.breakdown },
        limit,
        // Refused as a bad request: nothing ran, and the same request will always be refused.
        http: { status: 400 },
      },
    },
  );
}
