import { type ExecutionResult, GraphQLError, getOperationAST } from "graphql";
import { isAsyncIterable, type Plugin } from "graphql-yoga";
import type { Caller } from "../clients/client-gate.js";
import type { CostMeter, CostSummary } from "../cost/cost-meter.js";
import type { Cancel } from "../upstreams/cancel.js";
import type { InFlight } from "../upstreams/in-flight.js";
import { isIncremental } from "./incremental-delivery.js";

/**
 * Identical queries in flight at the same moment run once, by InFlight's one rule for work shared
 * across requests (src/upstreams/in-flight.ts: what is shared, the read-your-writes counter, the
 * freeze of a shared value), as the upstream reads beneath them are: same document text (the
 * manifest's, under trusted documents, however the request sent it), operation, variables and
 * caller, in the same write generation. The first runs; a request that arrives while it runs
 * waits for its data and answers with it as soon as its parameters are read, without parsing,
 * validating or executing anything, so a burst of one page's query is resolved once instead of
 * once per request. The caller is still admitted by the
 * client gate (its requests per minute counted), gets its own request id and access line, and its
 * own `extensions.cost`: nothing billed, and each call and cache hit of the query it joined as a
 * cache hit of its own.
 *
 * Never shared (the rule): mutations and subscriptions; multipart requests; documents asking for
 * incremental delivery (@defer, @stream). Never handed on
 * (this layer's own): a result with errors (each request masks and reports its own errors, so the
 * others run for themselves, still sharing the upstream reads); a result the first request did
 * not finish (it left, or ran out of time). A mutation that returns counts as a write in the one
 * counter, as an upstream write does: a query that starts after either never joins one from before.
 *
 * Its own map rather than InFlight's flights: the first request runs the query in its own
 * execution (its context, deadline and cost), and when it does not finish, the ones that joined
 * run for themselves instead of getting its outcome, which a SingleFlight would hand them.
 */

/** What the plugin needs from the context of the request that runs the query. */
export interface SharedOperationContext {
  request: Request;
  cost: CostMeter;
  /** Aborted when the operation ran out of time or its client left: its result is not whole. */
  deadline: Cancel;
}

/** A request answered by joining: what its access line and metrics need. */
export interface JoinedOperation {
  caller: Caller;
  operationName: string | undefined;
  /** This request's own spend: nothing billed, what it was handed as cache hits. */
  spent: CostSummary;
}

export interface SharedOperationsOptions {
  /** The process's work in flight: its write counter keys the flights, its freeze guards them. */
  inFlight: InFlight;
  /** The caller the client gate bound to the request (it runs before the parameters are read). */
  callerOf: (request: Request) => Caller;
  /** `extensions.cost` of a request that joined. */
  costReport: (caller: Caller, spent: CostSummary) => unknown;
  /** Told of every request answered by joining. */
  onJoined?: (request: Request, joined: JoinedOperation) => void;
}

interface SharedResult {
  data: ExecutionResult["data"];
  operationName: string | undefined;
  /** What each request that joined spent (the first request's meter's joinedSummary). */
  spent: CostSummary;
  /** `data` as JSON, once the first request that joined needed it. */
  json?: string;
}

interface Flight {
  outcome: Promise<SharedResult | undefined>;
  /** Requests waiting for it besides the first. */
  joined: number;
}

export function useSharedOperations(
  options: SharedOperationsOptions,
): Plugin<SharedOperationContext> {
  const { inFlight } = options;
  const flights = new Map<string, Flight>();
  /** Each request's key, from its parameters, for the one that goes on to run the query. */
  const keys = new WeakMap<Request, string>();
  const forget = (key: string, flight: Flight) => {
    if (flights.get(key) === flight) flights.delete(key);
  };
  return {
    onParams({ params, request, setResult }) {
      const { query } = params;
      if (typeof query !== "string" || !isPlain(params) || isMultipart(request)) return undefined;
      const caller = options.callerOf(request);
      const key = inFlight.keyOf(
        `${caller.name}\n${params.operationName ?? ""}\n${JSON.stringify(params.variables ?? null)}\n${query}`,
      );
      const first = flights.get(key);
      if (first === undefined) {
        keys.set(request, key);
        return undefined;
      }
      first.joined++;
      return Promise.race([first.outcome, clientLeft(request)]).then((shared) => {
        if (shared === LEFT) {
          // Its client went away: it stops waiting now, not when the first request ends, and no
          // longer counts as one the result is handed to. Nobody reads what it answers.
          first.joined--;
          setResult({
            errors: [
              new GraphQLError("The client went away before the answer.", {
                extensions: { code: "CLIENT_GONE" },
              }),
            ],
          });
          return;
        }
        if (shared === undefined) {
          // Not shareable after all: this request runs the query itself.
          keys.set(request, key);
          return;
        }
        const { data, operationName, spent } = shared;
        const answer: ExecutionResult & { stringify(final: ExecutionResult): string } = {
          data,
          extensions: { cost: options.costReport(caller, spent) },
          // Yoga's own serialisation, with the shared data serialised once for all who joined.
          stringify: (final) => {
            if (final.data !== data || final.errors !== undefined || !final.extensions) {
              return JSON.stringify(final);
            }
            shared.json ??= JSON.stringify(data);
            return `{"data":${shared.json},"extensions":${JSON.stringify(final.extensions)}}`;
          },
        };
        setResult(answer);
        options.onJoined?.(request, { caller, operationName, spent });
      });
    },
    onExecute({ args, executeFn, setExecuteFn }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation === "mutation") {
        // Counted when it returns, failed or cut off too: it may have written all the same.
        setExecuteFn((execution) => inFlight.write(Promise.resolve(executeFn(execution))));
        return undefined;
      }
      const context = args.contextValue;
      const key = keys.get(context.request);
      // An incremental answer (@defer, @stream) is never shared: it is a stream of payloads its
      // own client reads at its own pace, not one result to hand on; identical ones each run (the
      // upstream reads beneath them still shared).
      if (
        operation?.operation !== "query" ||
        key === undefined ||
        flights.has(key) ||
        isIncremental(args.document)
      ) {
        return undefined;
      }
      const operationName = operation.name?.value;
      setExecuteFn((execution) => {
        // The cost phase's executor, composed before this plugin: it resolves once the first
        // request's spend is settled, so those who join report the day's total with it counted.
        const result = Promise.resolve(executeFn(execution));
        const { signal } = context.deadline;
        const flight: Flight = {
          joined: 0,
          outcome: new Promise<SharedResult | undefined>((resolve) => {
            // Out of time or left: the others stop waiting at once and run for themselves.
            const abandon = () => {
              forget(key, flight);
              resolve(undefined);
            };
            signal.addEventListener("abort", abandon, { once: true });
            result.then(
              (value) => {
                signal.removeEventListener("abort", abandon);
                // Forgotten in the step that counts who joined: nobody joins after that count.
                forget(key, flight);
                const whole = !isAsyncIterable(value) && !value.errors?.length && !signal.aborted;
                if (flight.joined === 0 || !whole) return resolve(undefined);
                resolve({
                  data: inFlight.protect(value.data),
                  operationName,
                  spent: context.cost.joinedSummary(),
                });
              },
              () => {
                signal.removeEventListener("abort", abandon);
                abandon();
              },
            );
          }),
        };
        flights.set(key, flight);
        return result;
      });
      return undefined;
    },
  };
}

const LEFT = Symbol("client left");

/** Settles when the request's client goes away (never, while it stays). */
function clientLeft(request: Request): Promise<typeof LEFT> {
  const { signal } = request;
  if (signal.aborted) return Promise.resolve(LEFT);
  return new Promise((resolve) =>
    signal.addEventListener("abort", () => resolve(LEFT), { once: true }),
  );
}

const PLAIN_PARAMETERS: ReadonlySet<string> = new Set(["query", "variables", "operationName"]);

/**
 * Parameters yoga would accept as they are (it checks them after this plugin): a request with
 * anything else, extensions included, runs for itself and gets yoga's own answer. The one
 * extension allowed is `persistedQuery` beside a `query`: the trusted-documents step, composed
 * before this one, has resolved it to the manifest's text, which is what runs and what the key
 * holds, so a document sent by hash, as its text or written differently shares one flight.
 */
function isPlain(params: object): boolean {
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || PLAIN_PARAMETERS.has(name)) continue;
    if (name !== "extensions" || !isResolvedPersistedQuery(value)) return false;
  }
  const { variables, operationName } = params as { variables?: unknown; operationName?: unknown };
  const variablesOk =
    variables === undefined ||
    variables === null ||
    (typeof variables === "object" && !Array.isArray(variables));
  return variablesOk && (operationName == null || typeof operationName === "string");
}

function isResolvedPersistedQuery(extensions: unknown): boolean {
  if (typeof extensions !== "object" || extensions === null || Array.isArray(extensions)) {
    return false;
  }
  const names = Object.keys(extensions);
  return names.length === 1 && names[0] === "persistedQuery";
}

function isMultipart(request: Request): boolean {
  return request.headers.get("content-type")?.startsWith("multipart/") ?? false;
}
