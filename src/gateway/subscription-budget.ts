import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import { estimateWithVariables } from "../cost/cost-estimate.js";
import type { CostPolicy } from "../cost/cost-policy.js";
import type { CostContext } from "./cost-plugin.js";

/**
 * Daily budgets and subscriptions. A subscription runs its selection once per event, long after
 * it was admitted, and each run may make paid OneAuto calls; the cost plugin's reservation
 * (reserve the worst case, settle to what was spent) covers one execution of a query or mutation,
 * not an open-ended series of them. Until each event is reserved and settled on its own, a client
 * with a daily budget may not open a subscription whose selection could spend (an estimate above
 * 0 pence per event): it is refused before it starts, with SUBSCRIPTION_SPEND_REFUSED, so a budget
 * is never spent around. A selection without paid fields, and a client without a budget, are not
 * affected.
 */

export const SUBSCRIPTION_SPEND_REFUSED = "SUBSCRIPTION_SPEND_REFUSED";

export function useSubscriptionBudget(options: Pick<CostPolicy, "prices">): Plugin<CostContext> {
  const pencePerPaidCall = Math.max(
    options.prices.oneautoImageLink,
    options.prices.oneautoVinSearch,
    options.prices.oneautoVrmSearch,
  );
  return {
    onSubscribe({ args, setResultAndStopExecution }) {
      const { caller } = args.contextValue;
      const pencePerDay = caller.limits.pencePerDay;
      if (pencePerDay === 0) return;
      const { estimate } = estimateWithVariables(args.schema, args.document, {
        operationName: args.operationName,
        variables: args.variableValues,
      });
      const perEventPence = estimate.paidCalls * pencePerPaidCall;
      if (perEventPence === 0) return;
      setResultAndStopExecution({
        errors: [
          new GraphQLError(
            `${caller.name} has a daily budget (${pencePerDay}p), and this subscription could spend up to ${perEventPence}p on every event (${estimate.paidCalls} paid OneAuto calls), which a budget cannot hold; it was not started. Subscribe without the paid fields (stock photos, identification) and query them when an event asks for it, or use a key without a daily budget.`,
            {
              extensions: {
                code: SUBSCRIPTION_SPEND_REFUSED,
                client: caller.name,
                pencePerDay,
                perEventPence,
                estimate: { paidCalls: estimate.paidCalls, breakdown: estimate.breakdown },
                // The same subscription from the same client is always refused.
                http: { status: 400 },
              },
            },
          ),
        ],
      });
    },
  };
}
