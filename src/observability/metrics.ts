import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { CACHE_ENTRY_KINDS } from "../cache/cached-oneauto.js";
import type { Caller } from "../clients/client-gate.js";
import type { CostSummary } from "../cost/cost-meter.js";
import { SUBMISSION_OUTCOMES } from "../domains/image/image-submission.js";
import { CARCUTTER } from "../upstreams/carcutter/dto.js";
import type { UpstreamCallEvent } from "../upstreams/http.js";
import { ONEAUTO } from "../upstreams/oneauto/dto.js";
import type { UpstreamOperation } from "../upstreams/operation.js";

/**
 * Forecourt's Prometheus metrics (prom-client), in a registry of their own, served at /metrics
 * (src/gateway/metrics-endpoint.ts). The names are a contract: dashboards (deploy/grafana)
 * rely on them. Every label value is bounded: upstream and operation names come from the
 * operation tables, clients from the clients file (an open gateway's callers are `open` or
 * `local`, never an address), GraphQL operation names through OperationNames, reasons and
 * outcomes from fixed lists. Never raw query text, URLs or addresses.
 *
 * Every counter whose label values are known in advance has each of its series from the start,
 * at 0 (Prometheus's instrumentation advice): a series that appears only with its first event
 * leaves rate(), dashboards and alerts with no data on a fresh instance. Series whose values are
 * outcomes (an HTTP status) or names seen at run time (operation names) still appear with their
 * first event.
 */

/** How a CarCutter webhook ended (src/gateway/carcutter-webhooks.ts): forecourt_webhooks_total. */
export const WEBHOOK_RESULTS = [
  "accepted",
  "ignored",
  "unauthorized",
  "too-large",
  "unreadable",
  "method",
] as const;
export type WebhookResult = (typeof WEBHOOK_RESULTS)[number];

export const REFUSAL_REASONS = [
  "cost",
  "depth",
  "aliases",
  "tokens",
  "directives",
  "document-size",
  "nesting",
  "introspection",
  "rate",
  "budget",
  "auth",
  "csrf",
  "overload",
  "trusted-documents",
  "subscriptions",
  "upstream-calls",
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export const POLLER_RESULTS = ["ok", "failed"] as const;
export const CACHE_RESULTS = ["hit", "miss"] as const;

const OPERATIONS: readonly UpstreamOperation[] = [
  ...Object.values(CARCUTTER),
  ...Object.values(ONEAUTO),
];

/** Error codes of refusals, by the reason label they count under. */
const REFUSAL_REASON_OF_CODE: Record<string, RefusalReason> = {
  COST_LIMIT_EXCEEDED: "cost",
  RESULT_SIZE_EXCEEDED: "cost",
  DEPTH_LIMIT_EXCEEDED: "depth",
  ALIAS_LIMIT_EXCEEDED: "aliases",
  TOKEN_LIMIT_EXCEEDED: "tokens",
  DIRECTIVE_LIMIT_EXCEEDED: "directives",
  DOCUMENT_TOO_LARGE: "document-size",
  NESTING_LIMIT_EXCEEDED: "nesting",
  INTROSPECTION_DISABLED: "introspection",
  RATE_LIMITED: "rate",
  BUDGET_EXHAUSTED: "budget",
  UNAUTHENTICATED: "auth",
  CSRF_PREVENTED: "csrf",
  OVERLOADED: "overload",
  TRUSTED_DOCUMENT_REQUIRED: "trusted-documents",
  TRUSTED_DOCUMENT_NOT_FOUND: "trusted-documents",
  SUBSCRIPTION_LIMIT_EXCEEDED: "subscriptions",
  UPSTREAM_CALL_LIMIT_EXCEEDED: "upstream-calls",
};

export function refusalReasonOf(code: unknown): RefusalReason | undefined {
  return typeof code === "string" ? REFUSAL_REASON_OF_CODE[code] : undefined;
}

/** What a caller counts as: a configured client by name; an open gateway's callers in two groups. */
export function clientLabel(caller: Pick<Caller, "name" | "kind">): string {
  if (caller.kind === "client") return caller.name;
  return caller.kind === "local" ? "local" : "open";
}

/** Live readings, asked at each scrape. */
export interface MetricsSources {
  circuitState?: (upstream: "carcutter" | "oneauto") => string;
  subscriptionsActive?: () => number;
  /** The adaptive concurrency limit (src/gateway/concurrency-limit.ts), when it is on. */
  graphqlRequests?: () => { limit: number; running: number; waiting: number };
}

export class GatewayMetrics {
  readonly registry = new Registry();
  readonly upstreamDuration: Histogram<"upstream" | "operation" | "status">;
  readonly upstreamRetries: Counter<"upstream" | "operation">;
  readonly paidCalls: Counter<"upstream" | "operation" | "client">;
  readonly spendPence: Counter<"upstream" | "operation" | "client">;
  readonly cacheRequests: Counter<"kind" | "result">;
  readonly refusals: Counter<"reason">;
  readonly submissions: Counter<"outcome">;
  readonly webhooks: Counter<"result">;
  readonly pollerCalls: Counter<"result">;
  #sources: MetricsSources = {};

  constructor(options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (options.processMetrics ?? true) {
      // Event loop lag, heap, GC, handles, CPU: prom-client's defaults.
      collectDefaultMetrics({ register: this.registry });
    }
    this.upstreamDuration = new Histogram({
      name: "forecourt_upstream_request_duration_seconds",
      help: "Time of each HTTP attempt to an upstream, by upstream, operation and HTTP status (or the error code when no answer came).",
      labelNames: ["upstream", "operation", "status"],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.upstreamRetries = new Counter({
      name: "forecourt_upstream_retries_total",
      help: "Attempts after the first of an upstream call.",
      labelNames: ["upstream", "operation"],
      registers,
    });
    const sources = () => this.#sources;
    new Gauge({
      name: "forecourt_upstream_circuit_open",
      help: "1 while the upstream's circuit breaker is open (calls refused at once), else 0.",
      labelNames: ["upstream"],
      registers,
      collect() {
        const state = sources().circuitState;
        if (!state) return;
        for (const upstream of ["carcutter", "oneauto"] as const) {
          this.set({ upstream }, state(upstream) === "open" ? 1 : 0);
        }
      },
    });
    this.paidCalls = new Counter({
      name: "forecourt_paid_calls_total",
      help: "Upstream calls billed, by upstream, operation and client.",
      labelNames: ["upstream", "operation", "client"],
      registers,
    });
    this.spendPence = new Counter({
      name: "forecourt_spend_pence_total",
      help: "Estimated spend in pence at the configured prices, by upstream, operation and client.",
      labelNames: ["upstream", "operation", "client"],
      registers,
    });
    this.cacheRequests = new Counter({
      name: "forecourt_cache_requests_total",
      help: "Cache lookups before an upstream read, by kind of entry and result (hit or miss).",
      labelNames: ["kind", "result"],
      registers,
    });
    this.refusals = new Counter({
      name: "forecourt_operation_refusals_total",
      help: "Requests refused before any upstream call, by reason.",
      labelNames: ["reason"],
      registers,
    });
    this.submissions = new Counter({
      name: "forecourt_submissions_total",
      help: "Photos in submitImages, by outcome (ACCEPTED, ALREADY_SUBMITTED, …).",
      labelNames: ["outcome"],
      registers,
    });
    this.webhooks = new Counter({
      name: "forecourt_webhooks_total",
      help: "CarCutter webhooks received, by result (accepted, ignored, unauthorized, too-large, unreadable, method).",
      labelNames: ["result"],
      registers,
    });
    new Gauge({
      name: "forecourt_subscriptions_active",
      help: "Subscriptions listening on this instance.",
      registers,
      collect() {
        const count = sources().subscriptionsActive;
        if (count) this.set(count());
      },
    });
    new Gauge({
      name: "forecourt_graphql_requests",
      help: "GraphQL requests being worked on (state=running) and waiting their turn (state=waiting), under the adaptive concurrency limit (state=limit).",
      labelNames: ["state"],
      registers,
      collect() {
        // Without the limit (off, or a gateway served without main.ts's server), nothing is counted.
        const requests = sources().graphqlRequests?.();
        this.set({ state: "running" }, requests?.running ?? 0);
        this.set({ state: "waiting" }, requests?.waiting ?? 0);
        if (requests) this.set({ state: "limit" }, requests.limit);
      },
    });
    this.pollerCalls = new Counter({
      name: "forecourt_poller_calls_total",
      help: "Status reads by the image poller, by result (ok or failed).",
      labelNames: ["result"],
      registers,
    });
    for (const operation of OPERATIONS.filter((o) => o.idempotent)) {
      this.upstreamRetries.inc({ upstream: operation.upstream, operation: operation.name }, 0);
    }
    for (const kind of CACHE_ENTRY_KINDS) {
      for (const result of CACHE_RESULTS) this.cacheRequests.inc({ kind, result }, 0);
    }
    for (const reason of REFUSAL_REASONS) this.refusals.inc({ reason }, 0);
    for (const outcome of SUBMISSION_OUTCOMES) this.submissions.inc({ outcome }, 0);
    for (const result of WEBHOOK_RESULTS) this.webhooks.inc({ result }, 0);
    for (const result of POLLER_RESULTS) this.pollerCalls.inc({ result }, 0);
  }

  /**
   * The clients known at start (their labels, see clientLabel): each gets its paid-call and
   * spend series at 0 for every billed operation.
   */
  knownClients(clients: readonly string[]): void {
    for (const operation of OPERATIONS.filter((o) => o.billed !== undefined)) {
      for (const client of clients) {
        const labels = { upstream: operation.upstream, operation: operation.name, client };
        this.paidCalls.inc(labels, 0);
        this.spendPence.inc(labels, 0);
      }
    }
  }

  /** Where the gauges read from; set once the runtime has them. */
  observe(sources: MetricsSources): void {
    this.#sources = { ...this.#sources, ...sources };
  }

  /** One HTTP attempt (src/upstreams/http.ts `onCall`). */
  upstreamCall(event: UpstreamCallEvent): void {
    const status = event.status ?? (event.aborted ? "aborted" : (event.errorCode ?? "error"));
    this.upstreamDuration.observe(
      { upstream: event.upstream, operation: event.operation, status: String(status) },
      event.durationMs / 1000,
    );
    if (event.attempt > 1) {
      this.upstreamRetries.inc({ upstream: event.upstream, operation: event.operation });
    }
  }

  /** What an operation spent, as its cost meter saw it. */
  spent(caller: Pick<Caller, "name" | "kind">, summary: CostSummary): void {
    const client = clientLabel(caller);
    for (const call of summary.upstreamCalls) {
      if (call.paidCalls === 0) continue;
      const labels = { upstream: call.upstream, operation: call.operation, client };
      this.paidCalls.inc(labels, call.paidCalls);
      this.spendPence.inc(labels, call.estimatedPence);
    }
  }

  refused(reason: RefusalReason): void {
    this.refusals.inc({ reason });
  }

  async text(): Promise<string> {
    return this.registry.metrics();
  }
}
