import { GraphQLError } from "graphql";
import {
  createYoga,
  type GraphiQLOptions,
  maskError as maskUnexpectedError,
  type Plugin,
  useReadinessCheck,
} from "graphql-yoga";
import { ClientGate, isLoopback } from "../clients/client-gate.js";
import { DailyBudget } from "../clients/daily-budget.js";
import { type Context, createContext, type GatewayDeps } from "../context.js";
import { type CostPolicy, DEFAULT_COST_POLICY } from "../cost/cost-policy.js";
import { operationTimeoutError } from "../domain-errors.js";
import { RESULT_PATH } from "../domains/image/result-links.js";
import { isUpstreamError } from "../errors.js";
import {
  DEFAULT_DOCUMENT_LIMITS,
  DEFAULT_OPERATION_LIMITS,
  type OperationLimits,
} from "../limits.js";
import type { Logger } from "../logger.js";
import { refusalReasonOf } from "../observability/metrics.js";
import { OperationNames } from "../observability/operation-names.js";
import { useTracing } from "../observability/tracing.js";
import { schema } from "../schema.js";
import { useCarCutterWebhooks } from "./carcutter-webhooks.js";
import { remoteAddressOf, useClientGate } from "./client-plugin.js";
import { costReportOf, useCost, useCostReport } from "./cost-plugin.js";
import { useDocumentCache } from "./document-cache.js";
import { type EmbeddedEmulatorApp, useEmbeddedOneAutoLinks } from "./embedded-emulator-links.js";
import { graphiqlOffFor, INTROSPECTION_OFF_NOTE, useGraphiQLOffPage } from "./graphiql-page.js";
import {
  type MetricsEndpointOptions,
  useGraphqlMetrics,
  useMetricsEndpoint,
} from "./metrics-endpoint.js";
import { useRequestObservability } from "./request-observability.js";
import {
  corsOptions,
  DOCUMENT_REFUSAL_CODES,
  type SecurityPolicy,
  securityPlugins,
  useRequestBodyLimit,
} from "./security.js";
import { useSharedOperations } from "./shared-operations.js";
import { type ShowroomOptions, useShowroom } from "./showroom.js";
import { useSubscriptionBudget } from "./subscription-budget.js";
import {
  operationNamesOf,
  type TrustedDocuments,
  useTrustedDocuments,
} from "./trusted-documents.js";

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
  /** Identical queries in flight run once (src/gateway/shared-operations.ts); off when left out. */
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
}

/** What `npm start` runs with outside production (see config.ts for the production defaults). */
export const DEVELOPMENT_SECURITY: SecurityPolicy & { graphiql: boolean } = {
  introspection: true,
  graphiql: true,
  suggestions: true,
  corsOrigins: [],
  limits: DEFAULT_DOCUMENT_LIMITS,
};

export const EXAMPLE_QUERY = `# Vehicles with their features and the photos submitted for them, with live status.
query Showroom {
  vehicles(first: 5) {
    edges {
      node {
        vehicleId
        manufacturer
        model
        color
        status
        features { title icon }
        images { url status phase resultUrl }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
  images(urls: [
    "https://images.forecourt-demo.example/WBA5R1C50KAE81715/front-left.jpg"
    "https://images.forecourt-demo.example/WBA5R1C50KAE81715/rear-right.jpg"
  ]) {
    url status phase quality resultAvailable resultUrl
  }
}
`;

/**
 * The GraphQL server as a fetch handler; it never listens (main.ts does, tests call
 * `gateway.fetch`). Serves /graphql (GraphiQL on GET), /health, /ready, signed result links, and
 * the showroom at `/`.
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
    shareOperations = false,
    oneautoEmulator,
    ...rest
  } = options;
  const deps: GatewayDeps = {
    ...rest,
    limits,
    clients,
    costPolicy: costPolicy ?? DEFAULT_COST_POLICY,
  };
  const budget = new DailyBudget(deps.ledger, {
    operationDeadlineMs: limits.requestTimeoutMs,
    logger,
  });
  const { metrics } = deps;
  const operationNames = new OperationNames({
    trusted: trustedDocuments ? operationNamesOf(trustedDocuments) : [],
  });
  const observability = useRequestObservability({ metrics, logger, operationNames });
  const graphiqlOff = graphiqlOffFor({
    graphiql: security.graphiql,
    trustedDocumentsOnly: trustedDocuments !== undefined,
  });
  return createYoga<Record<string, unknown>, Context>({
    schema,
    context: (initial) => createContext(deps, initial),
    // Yoga's own limit wraps every body in a counting stream, even one whose Content-Length
    // already bounds it; useRequestBodyLimit counts only bodies sent without one.
    maxRequestBodySize: false,
    // Replaced by useDocumentCache: bounded in bytes, and keeping no refused document.
    parserAndValidationCache: false,
    // GraphiQL sends whatever is typed into it, which trusted-documents mode refuses.
    // GraphiQL 4 opens its stored tabs, else `defaultTabs`; `defaultQuery` alone was ignored.
    graphiql: graphiqlOff ? false : graphiqlOptions(security.introspection),
    renderGraphiQL: renderLocalGraphiQL,
    cors: corsOptions(security.corsOrigins),
    landingPage: false,
    logging: false,
    maskedErrors: {
      maskError(error, message, isDev) {
        // Yoga calls this for every error. Errors raised on purpose (UpstreamError, the domain
        // errors, input errors) are GraphQLErrors of their own and pass unchanged; anything else
        // is an unexpected exception: logged here, and replaced by a GraphQLError carrying only
        // `message` (yoga's own masking, which keeps the path and sets INTERNAL_SERVER_ERROR).
        const original =
          error instanceof Error && "originalError" in error ? error.originalError : error;
        if (isClientGone(original)) {
          // The client went away: nothing went wrong here, and nobody reads the answer.
          logger?.debug?.({ reason: "client went away" }, "request aborted");
          return maskUnexpectedError(error, message, false);
        }
        const masked = maskUnexpectedError(error, message, isDev);
        if (masked !== error) {
          logger?.error({ err: describeError(original) }, "unexpected error");
          return masked;
        }
        return forClient(masked);
      },
    },
    plugins: [
      // Webhooks are not GraphQL: answered before anything else looks at the request.
      useCarCutterWebhooks({
        secret: webhookSecret,
        ledger: deps.ledger,
        events: deps.events,
        logger,
        ...(metrics ? { onResult: (result) => metrics.webhooks.inc({ result }) } : {}),
      }),
      ...(metrics && metricsEndpoint
        ? [useMetricsEndpoint({ metrics, ...metricsEndpoint, isLoopback: isLoopbackContext })]
        : []),
      ...(tracing ? [useTracing()] : []),
      observability,
      ...(metrics ? [useGraphqlMetrics(metrics, operationNames)] : []),
      useShowroom({ ...showroom, graphiql: !graphiqlOff }),
      ...(graphiqlOff ? [useGraphiQLOffPage(graphiqlOff)] : []),
      ...(oneautoEmulator ? [useEmbeddedOneAutoLinks(oneautoEmulator)] : []),
      useClientGate(deps.clients, (code) => metrics?.refused(refusalReasonOf(code) ?? "auth")),
      useRequestBodyLimit(maxRequestBodyBytes),
      ...securityPlugins(security, { backstops: guards }),
      useDocumentCache(),
      useExecutionStop(),
      useOperationDeadline(limits.requestTimeoutMs),
      useReadinessCheck({ endpoint: "/ready", check: async () => isReady() }),
      useResultLinks(deps),
      guards ? useCost({ ...deps.costPolicy, budget }) : useCostReport(),
      // A subscription's events are not reserved from a daily budget: one that could spend is refused.
      ...(guards ? [useSubscriptionBudget(deps.costPolicy)] : []),
      // Trusted documents before sharing: a document sent by hash or as other text is resolved
      // to the manifest's text first, so sharing keys on what runs, however it was sent.
      ...(trustedDocuments ? useTrustedDocuments(trustedDocuments) : []),
      ...(shareOperations
        ? [
            useSharedOperations({
              callerOf: (request) => deps.clients.callerOf(request),
              costReport: guards
                ? (caller, spent) => costReportOf(spent, caller, budget.known(caller))
                : (_caller, spent) => spent,
              onJoined: observability.joined,
            }),
          ]
        : []),
    ],
  });
}

export type Gateway = ReturnType<typeof createGateway>;

/**
 * GraphiQL opening on the example; without introspection, its first tab says what is missing.
 * It sends a CSRF header with every request, its subscriptions (GETs) included, so that they run
 * wherever it is served: over plain HTTP to a LAN address a browser sends no Sec-Fetch-Site, and
 * a same-origin GET no Origin, so the same-origin rule (security.ts) cannot vouch for them there.
 */
function graphiqlOptions(introspection: boolean): GraphiQLOptions {
  const query = introspection ? EXAMPLE_QUERY : `${INTROSPECTION_OFF_NOTE}${EXAMPLE_QUERY}`;
  return {
    title: "Forecourt",
    defaultQuery: query,
    defaultTabs: [{ query }],
    additionalHeaders: { "x-graphql-yoga-csrf": "graphiql" },
  };
}

/**
 * GraphiQL with its code inlined in the page (@graphql-yoga/render-graphiql), not loaded from a
 * public CDN: it works offline, behind a proxy, and wherever unpkg is out of reach. The page is
 * some 9 MB, so it is built once per set of options rather than per request; and its module holds
 * some 29 MB of heap, so it is imported when the first page is asked for, never by a gateway that
 * serves none (production).
 */
let renderedGraphiQL: { key: string; html: Promise<string> } | undefined;
function renderLocalGraphiQL(options?: GraphiQLOptions): Promise<string> {
  const key = JSON.stringify(options ?? {});
  if (renderedGraphiQL?.key !== key) {
    const html = import("@graphql-yoga/render-graphiql").then((m) => m.renderGraphiQL(options));
    renderedGraphiQL = { key, html };
  }
  return renderedGraphiQL.html;
}

/** Serves a signed result link: the processed photo, fetched from CarCutter with our token. */
function useResultLinks(deps: GatewayDeps): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== RESULT_PATH) return;
      if (request.method !== "GET") {
        endResponse(new Response("Use GET.", { status: 405, headers: { allow: "GET" } }));
        return;
      }
      const check = deps.results.check(url.searchParams);
      if (!check.ok) {
        endResponse(new Response(`Invalid result link: ${check.reason}.`, { status: 403 }));
        return;
      }
      try {
        const result = await deps.carcutter
          .forRequest({ signal: request.signal })
          .imageResult(check.imageUrl);
        const maxAge = Math.max(0, Math.floor((check.expiresAt - Date.now()) / 1000));
        endResponse(
          new Response(new Uint8Array(result.bytes), {
            headers: {
              "content-type": result.contentType,
              "cache-control": `private, max-age=${maxAge}`,
              // CORS answers differ by Origin: a copy cached for an <img> must not answer a fetch().
              vary: "Origin",
            },
          }),
        );
      } catch (error) {
        const status = isUpstreamError(error)
          ? (({ UPSTREAM_NOT_FOUND: 404, UPSTREAM_GONE: 410 } as Record<string, number>)[
              String(error.extensions.code)
            ] ?? 502)
          : 500;
        const message =
          status === 404
            ? "No processed result exists for this photo (yet)."
            : status === 410
              ? "CarCutter no longer keeps this result; resubmit the photo to process it again."
              : "The result could not be fetched from CarCutter; try again shortly.";
        endResponse(new Response(message, { status }));
      }
    },
  };
}

/**
 * A query or mutation gets `timeoutMs` to finish: then its upstream calls are aborted with an
 * OPERATION_TIMEOUT error each, and what finished before stays in the answer. A submission cut
 * off this way is UNKNOWN in the ledger, settled later from CarCutter's status, never lost.
 */
function useOperationDeadline(timeoutMs: number): Plugin<Context> {
  return {
    onExecute({ args }) {
      const { deadline } = args.contextValue;
      const timer = setTimeout(() => deadline.abort(operationTimeoutError(timeoutMs)), timeoutMs);
      return {
        onExecuteDone() {
          clearTimeout(timer);
        },
      };
    },
  };
}

/**
 * Execution stops when the client leaves (an operation out of time keeps what it fetched, its calls
 * cut by the deadline): the executor checks this signal between fields. It is the context's own
 * (src/context.ts), a plain AbortSignal following the request's; yoga's
 * useExecutionCancellation hands over the request's, a Proxy whose every read of `aborted` goes
 * through a trap, which cost some 3 % of a 60-field operation.
 */
function useExecutionStop(): Plugin<Context> {
  const stop = ({ args }: { args: { contextValue: Context } & { signal?: AbortSignal } }) => {
    args.signal = args.contextValue.signal;
  };
  return { onExecute: stop, onSubscribe: stop };
}

/** An abort caused by the client leaving: DOMException AbortError (or undici's). */
function isClientGone(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}

/** Refusals of the request itself: 400 whatever the client accepts (yoga sends 200 to JSON ones). */
const REQUEST_REFUSALS: ReadonlySet<unknown> = new Set(["BAD_REQUEST", ...DOCUMENT_REFUSAL_CODES]);

/**
 * An expected error as the client gets it: yoga's request-parsing errors carry
 * `extensions.originalError`, whose message can repeat the request (a body that is not JSON), so
 * it goes; every error gets a code; a refusal of the request is a 400.
 */
function forClient(error: Error): Error {
  if (!(error instanceof GraphQLError)) return error;
  const { originalError, ...extensions } = error.extensions;
  const code = extensions.code ?? "BAD_REQUEST";
  const http = extensions.http as { spec?: boolean } | undefined;
  // A status the error chose itself stands; yoga's spec statuses give way for refusals.
  const refusal = REQUEST_REFUSALS.has(code) && (http === undefined || http.spec === true);
  if (originalError === undefined && extensions.code !== undefined && !refusal) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    path: error.path,
    extensions: { ...extensions, code, ...(refusal ? { http: { status: 400 } } : {}) },
  });
}

function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error)
    return { name: error.name, message: error.message, stack: error.stack };
  return { value: String(error) };
}

/** Whether the request came from this machine (or from inside the process, as tests fetch). */
function isLoopbackContext(serverContext: unknown): boolean {
  const address = remoteAddressOf(serverContext);
  return address === undefined || isLoopback(address);
}
