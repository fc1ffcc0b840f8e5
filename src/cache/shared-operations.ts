import { type DocumentNode, type ExecutionResult, getOperationAST } from "graphql";
import { isAsyncIterable, type Plugin } from "graphql-yoga";
import type { Caller } from "../clients/client-gate.js";
import type { CostMeter, CostSummary } from "../cost/cost-meter.js";
import { deepFreeze } from "./deep-freeze.js";

/**
 * Identical queries in flight at the same moment run once (SHARE_INFLIGHT_READS, like the
 * upstream reads beneath them): same document, operation, variables and caller. The first runs;
 * the others wait for its result and answer with it, so under a burst of one page's query the
 * gateway resolves it once instead of once per request. Everything around execution stays per
 * request: the client gate, the cost guard and daily budget, the deadline, the access line and
 * metrics, and `extensions.cost`, where a request that joined shows every call and cache hit of
 * the one it joined as a cache hit of its own, billed to nobody twice.
 *
 * Never shared: mutations and subscriptions; multipart requests (their variables hold files); a
 * result the first request did not finish cleanly (it left, or ran out of time), which the others
 * then run for themselves. Read-your-writes: a query that starts after a mutation has returned
 * never joins one that started before it.
 */

/** What the plugin needs from the context. */
export interface SharedOperationContext {
  request: Request;
  caller: Caller;
  cost: CostMeter;
  /** Aborted when the operation ran out of time or its client left: its result is not whole. */
  deadline: AbortController;
}

interface SharedResult {
  result: ExecutionResult;
  /** What the first request spent to produce it. */
  spent: CostSummary;
}

interface Flight {
  outcome: Promise<SharedResult | undefined>;
  /** Requests waiting for it besides the first. */
  joined: number;
}

export function useSharedOperations(): Plugin<SharedOperationContext> {
  const inFlight = new Map<string, Flight>();
  // Yoga's parse cache hands one DocumentNode to every request with the same text.
  const documentIds = new WeakMap<DocumentNode, number>();
  let documents = 0;
  /** Mutations returned so far: part of every key, so later queries never join earlier ones. */
  let writes = 0;
  const bumpWrites = () => {
    writes++;
  };
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const kind = getOperationAST(args.document, args.operationName)?.operation;
      if (kind === "mutation") return { onExecuteDone: bumpWrites };
      if (kind !== "query") return undefined;
      const context = args.contextValue;
      if (context.request.headers.get("content-type")?.startsWith("multipart/")) return undefined;
      let document = documentIds.get(args.document);
      if (document === undefined) {
        document = ++documents;
        documentIds.set(args.document, document);
      }
      const key = `${writes} ${document} ${args.operationName ?? ""} ${context.caller.name} ${JSON.stringify(args.variableValues ?? null)}`;
      const first = inFlight.get(key);
      if (first !== undefined) {
        first.joined++;
        setExecuteFn(async (execution) => {
          const shared = await first.outcome;
          if (shared === undefined) return executeFn(execution);
          context.cost.recordSharedOperation(shared.spent);
          return shared.result;
        });
        return undefined;
      }
      setExecuteFn((execution) => {
        const result = Promise.resolve(executeFn(execution));
        const flight: Flight = { outcome: Promise.resolve(undefined), joined: 0 };
        // Forgotten as it settles, in the step that counts who joined: nobody joins after that.
        flight.outcome = result.then(
          (value): SharedResult | undefined => {
            if (inFlight.get(key) === flight) inFlight.delete(key);
            if (flight.joined === 0) return undefined;
            if (isAsyncIterable(value) || context.deadline.signal.aborted) return undefined;
            return { result: freezeResult(value), spent: context.cost.summary() };
          },
          () => {
            if (inFlight.get(key) === flight) inFlight.delete(key);
            return undefined;
          },
        );
        inFlight.set(key, flight);
        return result;
      });
      return undefined;
    },
  };
}

/** The per-request plugins after execution copy a result to change it; freezing keeps them to it. */
function freezeResult(result: ExecutionResult): ExecutionResult {
  deepFreeze(result.data);
  if (result.errors) Object.freeze(result.errors);
  return Object.freeze(result);
}
