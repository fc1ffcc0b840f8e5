import { randomUUID } from "node:crypto";
import { type DocumentNode, type ExecutionResult, getOperationAST } from "graphql";
import { isAsyncIterable, type Plugin } from "graphql-yoga";
import type { Caller } from "../clients/client-gate.js";
import type { Context } from "../context.js";
import type { CostSummary } from "../cost/cost-meter.js";
import type { Logger } from "../logger.js";
import { type GatewayMetrics, refusalReasonOf } from "../observability/metrics.js";
import type { OperationNames } from "../observability/operation-names.js";
import type { JoinedOperation } from "./shared-operations.js";

/**
 * What each GraphQL request leaves behind for operators:
 * - an id: `x-request-id` as the client (or a proxy) sent it when it is a sane token, else a new
 *   UUID, returned on the response and in every line logged about the request;
 * - one access line at info when the answer is sent: id, operation, client, duration, upstream
 *   calls, paid calls, pence and the outcome (`ok`, or the first error's code);
 * - the metrics of refusals (by reason) and of spend (paid calls and pence by upstream,
 *   operation and client).
 * A subscription's line is written when its stream starts; its events' calls are in the upstream
 * metrics. An incremental answer's (@defer, @stream) is written once, when its last increment is
 * sent (or its client leaves), with the whole duration and every increment's spend and errors.
 */

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

interface RequestRecord {
  id: string;
  started: number;
  caller?: Caller;
  /** What the request spent: its context's meter, or what it joined (src/gateway/shared-operations.ts). */
  cost?: { summary(): CostSummary };
  operationName?: string | undefined;
  outcome: string;
  /** An incremental answer still sending: its line waits for its end. */
  streaming?: boolean;
  /** Its response's status, kept until the line is written. */
  status?: number;
}

/** What onExecute and onSubscribe both hand over. */
interface StartedArgs {
  contextValue: Context & { request: Request };
  document: DocumentNode;
  operationName?: string | null | undefined;
}

export interface RequestObservabilityOptions {
  metrics?: GatewayMetrics | undefined;
  logger?: Logger | undefined;
  operationNames: OperationNames;
  graphqlPath?: string;
}

/** The plugin, and how a request answered by joining another's query is described to it. */
export type RequestObservability = Plugin<Context> & {
  joined(request: Request, joined: JoinedOperation): void;
};

export function useRequestObservability(
  options: RequestObservabilityOptions,
): RequestObservability {
  const { metrics, logger, operationNames } = options;
  const graphqlPath = options.graphqlPath ?? "/graphql";
  const records = new WeakMap<Request, RequestRecord>();
  const started = ({ args }: { args: StartedArgs }) => {
    const record = records.get(args.contextValue.request);
    if (!record) return undefined;
    record.caller = args.contextValue.caller;
    record.cost = args.contextValue.cost;
    record.operationName = getOperationAST(args.document, args.operationName)?.name?.value;
    return record;
  };
  /** The access line and the spend, once per request, when its answer is all sent. */
  const written = (request: Request, record: RequestRecord, status: number) => {
    records.delete(request);
    const { caller } = record;
    const summary = record.cost?.summary();
    if (caller && summary) metrics?.spent(caller, summary);
    if (!logger?.info) return;
    const outcome = record.outcome === "ok" && status >= 400 ? `http ${status}` : record.outcome;
    logger.info(
      {
        requestId: record.id,
        operation: operationNames.label(record.operationName),
        client: caller?.name ?? "unidentified",
        durationMs: Math.round((performance.now() - record.started) * 10) / 10,
        status,
        upstreamCalls: summary?.calls ?? 0,
        paidCalls: summary?.paidCalls ?? 0,
        pence: summary?.estimatedPence ?? 0,
        outcome,
        ...(record.streaming === undefined ? {} : { incremental: true }),
      },
      "graphql operation",
    );
  };
  // One object for every operation (none made per request): only a stream needs more.
  const afterExecution = {
    onExecuteDone({
      args,
      result,
    }: {
      args: { contextValue: Context & { request: Request } };
      result: unknown;
    }) {
      const { request } = args.contextValue;
      const record = records.get(request);
      if (!record || !isAsyncIterable(result)) return undefined;
      record.streaming = true;
      return {
        onNext({ result: increment }: { result: unknown }) {
          const code = firstErrorCode(increment);
          if (code !== undefined && record.outcome === "ok") record.outcome = code;
        },
        onEnd() {
          record.streaming = false;
          // The response went out with the first payload: its line is written now.
          if (record.status !== undefined) written(request, record, record.status);
        },
      };
    },
  };
  return {
    joined(request, { caller, operationName, spent }) {
      const record = records.get(request);
      if (!record) return;
      record.caller = caller;
      record.cost = { summary: () => spent };
      record.operationName = operationName;
    },
    onRequest({ request, url }) {
      if (url.pathname !== graphqlPath) return;
      const given = request.headers.get("x-request-id");
      const id = given && REQUEST_ID.test(given) ? given : randomUUID();
      records.set(request, { id, started: performance.now(), outcome: "ok" });
    },
    onExecute(payload) {
      return started(payload) ? afterExecution : undefined;
    },
    onSubscribe(payload) {
      started(payload);
    },
    onResultProcess({ request, result }) {
      const record = records.get(request);
      if (record && request.signal.aborted) {
        // Its client went away and its calls were stopped: whatever error that left in the
        // result, the cause is the client's leaving, not a fault of the gateway's.
        record.outcome = "CLIENT_GONE";
        return;
      }
      const code = firstErrorCode(result);
      if (code === undefined) return;
      if (record) record.outcome = code;
      const reason = refusalReasonOf(code);
      if (reason) metrics?.refused(reason);
    },
    onResponse({ request, response }) {
      const record = records.get(request);
      if (!record) return;
      response.headers.set("x-request-id", record.id);
      // An incremental answer's response starts with its first payload: written at its end.
      if (record.streaming === true) record.status = response.status;
      else written(request, record, response.status);
    },
  };
}

/** The first error's code in a result, an increment's (`incremental[].errors`) included, or a batch of them. */
function firstErrorCode(result: unknown): string | undefined {
  const results = Array.isArray(result) ? result : [result];
  for (const item of results) {
    const increments = (item as { incremental?: readonly ExecutionResult[] } | undefined)
      ?.incremental;
    for (const part of [item as ExecutionResult | undefined, ...(increments ?? [])]) {
      const errors = part?.errors;
      if (!errors || errors.length === 0) continue;
      const code = errors[0]?.extensions?.code;
      return typeof code === "string" ? code : "ERROR";
    }
  }
  return undefined;
}
