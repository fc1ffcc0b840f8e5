import { costReportOf, useCost, useCostReport } from "../cost-plugin.js";
import { useExecutionStop, useOperationDeadline } from "../deadline.js";
import { useJitQueries } from "../jit-execution.js";
import { useSharedOperations } from "../shared-operations.js";
import { useSubscriptionBudget } from "../subscription-budget.js";
import type { PipelinePlugin, PipelineSetup } from "./setup.js";

/** Running the operation: its stop signal and deadline, its cost, and sharing it in flight. */
export function execution(setup: PipelineSetup): PipelinePlugin[] {
  const { deps, guards, budget, sharedOperations, observability, logger } = setup;
  const plugins: PipelinePlugin[] = [
    // The context's own signal, so the executor stops between fields when the client leaves.
    useExecutionStop(),
    // Its timer starts as execution does, not while the body was read or the document checked.
    useOperationDeadline(deps.limits.requestTimeoutMs),
    // Sets the executor of a query, replacing graphql-js's: first, so that the cost guard and
    // sharing, after it, wrap whichever executor runs (a replacement after them would drop their
    // wrappers, and with them the settle of a reservation when execution throws).
    useJitQueries(logger),
    // The estimate and the daily budget before sharing: a refused operation never joins one in
    // flight; `extensions.cost` only, when the guards are off (the benchmark).
    guards ? useCost({ ...deps.costPolicy, budget }) : useCostReport(),
  ];
  // A subscription's events are not reserved from a daily budget: one that could spend is refused.
  if (guards) plugins.push(useSubscriptionBudget(deps.costPolicy));
  // After trusted documents (documents phase): its onParams keys on the text they resolved a
  // hash or a rewritten document to, so production requests share as the benchmark's do.
  if (sharedOperations) {
    plugins.push(
      useSharedOperations({
        inFlight: sharedOperations,
        callerOf: (request) => deps.clients.callerOf(request),
        costReport: guards
          ? (caller, spent) => costReportOf(spent, caller, budget.known(caller))
          : (_caller, spent) => spent,
        onJoined: observability.joined,
      }),
    );
  }
  return plugins;
}
