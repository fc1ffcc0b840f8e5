import { createYoga } from "graphql-yoga";
import { ClientGate } from "../clients/client-gate.js";
import { type Context, createContext, type GatewayDeps } from "../context.js";
import { type CostPolicy, DEFAULT_COST_POLICY } from "../cost/cost-policy.js";
import { DailyBudget } from "../cost/daily-budget.js";
import {
  DEFAULT_DOCUMENT_LIMITS,
  DEFAULT_OPERATION_LIMITS,
  type OperationLimits,
} from "../limits.js";
import type { Logger } from "../logger.js";
import { OperationNames } from "../observability/operation-names.js";
import { schema, subgraphSchema } from "../schema.js";
import type { InFlight } from "../upstreams/in-flight.js";
import type { EmbeddedEmulatorApp } from "./embedded-emulator-links.js";
import { maskErrorFor } from "./error-masking.js";
import { graphiqlOffFor, graphiqlOptions, renderLocalGraphiQL } from "./graphiql-page.js";
import type { MetricsEndpointOptions } from "./metrics-endpoint.js";
import { admission } from "./phases/admission.js";
import { documents } from "./phases/documents.js";
import { endpoints, unobservedEndpoints } from "./phases/endpoints.js";
import { execution } from "./phases/execution.js";
import { reporting } from "./phases/reporting.js";
import type { PipelineSetup } from "./phases/setup.js";
import { useRequestObservability } from "./request-observability.js";
import { corsOptions, type SecurityPolicy } from "./security.js";
import type { ShowroomOptions } from "./showroom.js";
import { operationNamesOf, type TrustedDocuments } from "./trusted-documents.js";

export interface CreateGatewayOptions
  extends Omit<GatewayDeps, "costPolicy" | "limits" | "clients"> {
  /** Who may call, and how much; an open gate (limits per source address) when left out. */
  clients?: ClientGate;
  /** The runtime caps of one operation; DEFAULT_OPERATION_LIMITS when left out. */
  limits?: OperationLimits;
  /** Prices and budget (config.cost); DEFAULT_COST_POLICY when left out. */
  costPolicy?: CostPolicy;
  /** Ready when every upstream's circuit is not open (and, later, the stores answer). */
  isReady: () => boolean | Promise<boolean>;
  logger?: Logger;
  /** Limit of a whole HTTP request body (uploads included). */
  maxRequestBodyBytes: number;
  /** When given, only these operations run (TRUSTED_DOCUMENTS_ONLY). */
  trustedDocuments?: TrustedDocuments;
  /** The bearer key CarCutter's webhooks must carry (WEBHOOK_SECRET). */
  webhookSecret: string;
  /**
   * Off only to measure what they cost (the benchmark): no static estimate or cost guard, and no
   * document backstops. `extensions.cost` still reports what was spent.
   */
  guards?: boolean;
  /**
   * The process's work in flight (src/upstreams/in-flight.ts), the one its upstream clients share
   * reads through: with it, identical queries in flight run once (shared-operations.ts) and a
   * mutation that returns counts as a write. Left out, or off, no operation is shared.
   */
  inFlight?: InFlight;
  /**
   * Served as a federation v2 subgraph (FEDERATION=true): the subgraph schema, whose `_entities`
   * and `_service` answer only requests carrying `routerKey`. Left out, the standalone graph.
   */
  federation?: { routerKey: string } | undefined;
  /** The benchmark's ladder only: false leaves operations unshared while `inFlight` shares reads. */
  shareOperations?: boolean;
  /** `/metrics`: who may scrape (METRICS_TOKEN); left out, there is no endpoint. */
  metricsEndpoint?: Pick<MetricsEndpointOptions, "token" | "allowLoopbackWithoutToken">;
  /** Spans of each operation and its phases (src/observability/tracing.ts); off when left out. */
  tracing?: boolean;
  /** The showroom at `/` (its build and whether it is on); left out, `/` is a short landing page. */
  showroom?: Pick<ShowroomOptions, "files" | "enabled">;
  /** The embedded OneAuto emulator, whose signed links this gateway serves (embedded-links.ts). */
  oneautoEmulator?: EmbeddedEmulatorApp;
  /** Introspection, suggestions, CORS and document limits; development defaults when left out. */
  security?: SecurityPolicy & { graphiql: boolean };
  /**
   * Only these phases of the pipeline; every one when left out. Fewer only to measure what each
   * costs (the benchmark's ladder): a gateway without admission or documents has no client gate,
   * no body limit, no CSRF rule and no document bounds, so it must never serve real traffic.
   */
  phases?: readonly PhaseName[];
}

/** The pipeline's phases, in the order they are composed (and the ladder adds them). */
export const PHASE_NAMES = [
  "reporting",
  "endpoints",
  "admission",
  "documents",
  "execution",
] as const;
export type PhaseName = (typeof PHASE_NAMES)[number];

/** What `npm start` runs with outside production (see config.ts for the production defaults). */
export const DEVELOPMENT_SECURITY: SecurityPolicy & { graphiql: boolean } = {
  introspection: true,
  graphiql: true,
  suggestions: true,
  corsOrigins: [],
  limits: DEFAULT_DOCUMENT_LIMITS,
};

/**
 * The GraphQL server as a fetch handler; it never listens (main.ts does, tests call
 * `gateway.fetch`). Serves /graphql (GraphiQL on GET), /health, /ready, signed result links, and
 * the showroom at `/`.
 *
 * The request pipeline is composed in phases, in this order (src/gateway/phases/, one file each,
 * each entry saying why it stands where it does). Yoga runs each hook in plugin order, so the
 * order of two plugins matters where they share a hook.
 */
export function createGateway(options: CreateGatewayOptions) {
  const {
    isReady,
    logger,
    maxRequestBodyBytes,
    trustedDocuments,
    costPolicy,
    webhookSecret,
    security = DEVELOPMENT_SECURITY,
    limits = DEFAULT_OPERATION_LIMITS,
    guards = true,
    clients = ClientGate.open(),
    showroom = { files: undefined, enabled: false },
    metricsEndpoint,
    tracing = false,
    inFlight,
    shareOperations = true,
    oneautoEmulator,
    phases,
    federation,
    ...rest
  } = options;
  // Left out (every real gateway), every phase is on and nothing is looked up per request.
  const on = (phase: PhaseName) => phases === undefined || phases.includes(phase);
  const deps = {
    ...rest,
    limits,
    clients,
    costPolicy: costPolicy ?? DEFAULT_COST_POLICY,
  } satisfies GatewayDeps;
  const operationNames = new OperationNames({
    trusted: trustedDocuments ? operationNamesOf(trustedDocuments) : [],
  });
  const graphiqlOff = graphiqlOffFor({
    graphiql: security.graphiql,
    trustedDocumentsOnly: trustedDocuments !== undefined,
  });
  const setup: PipelineSetup = {
    deps,
    logger,
    isReady,
    maxRequestBodyBytes,
    webhookSecret,
    security,
    guards,
    sharedOperations: inFlight?.enabled && shareOperations ? inFlight : undefined,
    tracing,
    trustedDocuments,
    metricsEndpoint,
    showroom,
    oneautoEmulator,
    graphiqlOff,
    operationNames,
    observability: useRequestObservability({ metrics: deps.metrics, logger, operationNames }),
    budget: new DailyBudget(deps.ledger, { operationDeadlineMs: limits.requestTimeoutMs, logger }),
    federation,
  };
  return createYoga<Record<string, unknown>, Context>({
    schema: federation ? subgraphSchema() : schema,
    context: (initial) => createContext(deps, initial),
    // Yoga's own limit wraps every body in a counting stream, even one whose Content-Length
    // already bounds it; useRequestBodyLimit counts only bodies sent without one.
    maxRequestBodySize: false,
    // Replaced by useDocumentCache: bounded in bytes, and keeping no refused document. Without the
    // documents phase (the ladder's lower rungs), yoga's own cache, as a bare yoga server has.
    parserAndValidationCache: !on("documents"),
    // GraphiQL sends whatever is typed into it, which trusted-documents mode refuses.
    // GraphiQL 4 opens its stored tabs, else `defaultTabs`; `defaultQuery` alone was ignored.
    graphiql: graphiqlOff ? false : graphiqlOptions(security.introspection),
    renderGraphiQL: renderLocalGraphiQL,
    cors: corsOptions(security.corsOrigins),
    landingPage: false,
    logging: false,
    maskedErrors: { maskError: maskErrorFor(logger) },
    plugins: [
      // Webhooks and /metrics: not GraphQL, and not counted as traffic.
      ...(on("endpoints") ? unobservedEndpoints(setup) : []),
      // Traces, request id, access log, metrics: wrapping every later phase and what it answers.
      ...(on("reporting") ? reporting(setup) : []),
      // The showroom, GraphiQL's off page, emulator links, /ready, result links: no GraphQL rules.
      ...(on("endpoints") ? endpoints(setup) : []),
      // Client key and rate, body limit, CSRF: before anything reads the body.
      ...(on("admission") ? admission(setup) : []),
      // Bounds, backstops, the document cache, trusted documents: before anything executes.
      ...(on("documents") ? documents(setup) : []),
      // The stop signal, the deadline, the cost guard, then sharing in flight, last.
      ...(on("execution") ? execution(setup) : []),
    ],
  });
}

export type Gateway = ReturnType<typeof createGateway>;
