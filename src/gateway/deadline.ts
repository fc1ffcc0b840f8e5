import { isAsyncIterable, type Plugin } from "graphql-yoga";
import type { Context } from "../context.js";
import { operationTimeoutError } from "../domain-errors.js";

/**
 * A query or mutation gets `timeoutMs` to finish: then its upstream calls are aborted with an
 * OPERATION_TIMEOUT error each, and what finished before stays in the answer. A submission cut
 * off this way is UNKNOWN in the ledger, settled later from CarCutter's status, never lost.
 */
export function useOperationDeadline(timeoutMs: number): Plugin<Context> {
  return {
    onExecute({ args }) {
      const { deadline } = args.contextValue;
      const timer = setTimeout(() => deadline.abort(operationTimeoutError(timeoutMs)), timeoutMs);
      return {
        onExecuteDone({ result }) {
          // An incremental answer runs on after its first payload: its deadline holds until its
          // last one is sent (or its client leaves), across every increment.
          if (isAsyncIterable(result)) return { onEnd: () => clearTimeout(timer) };
          clearTimeout(timer);
          return undefined;
        },
      };
    },
  };
}

/**
 * Execution stops when the client leaves (an operation out of time keeps what it fetched, its calls
 * cut by the deadline): graphql-js checks this signal between fields. A query compiled by
 * graphql-jit (jit-execution.ts) does not, and needs not: its upstream calls follow the deadline,
 * which aborts with this signal, so what is left of it runs on no network. It is the context's own
 * (src/context.ts), a plain AbortSignal following the request's; yoga's
 * useExecutionCancellation hands over the request's, a Proxy whose every read of `aborted` goes
 * through a trap, which cost some 3 % of a 60-field operation.
 */
export function useExecutionStop(): Plugin<Context> {
  const stop = ({ args }: { args: { contextValue: Context } & { signal?: AbortSignal } }) => {
    args.signal = args.contextValue.signal;
  };
  return { onExecute: stop, onSubscribe: stop };
}
