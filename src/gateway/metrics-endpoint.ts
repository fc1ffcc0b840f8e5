import { createHistogram, usePrometheus } from "@graphql-yoga/plugin-prometheus";
import type { Plugin } from "graphql-yoga";
import { bearerCheck } from "../bearer.js";
import type { GatewayMetrics } from "../observability/metrics.js";
import type { OperationNames } from "../observability/operation-names.js";
import { onPath } from "./on-path.js";

/**
 * `GET /metrics` on the gateway's own port, in Prometheus text format. Why the main port behind
 * a token rather than a port of its own: one port to publish, probe and route; Prometheus and
 * every hosted scraper send a bearer token; and nothing listens that the operator did not ask
 * for. With METRICS_TOKEN set, a scrape must send `Authorization: Bearer <token>` (compared in
 * constant time). Without it, only this machine may scrape (loopback: `npm start`, a sidecar),
 * and in production the endpoint is off unless a token is set.
 */

export interface MetricsEndpointOptions {
  metrics: GatewayMetrics;
  /** The bearer token scrapers send; undefined: loopback only (or off, see `loopbackOnly`). */
  token: string | undefined;
  /** Without a token: serve loopback scrapers (true), or nobody (false, production). */
  allowLoopbackWithoutToken: boolean;
  path?: string;
  isLoopback: (serverContext: unknown) => boolean;
}

export function useMetricsEndpoint(options: MetricsEndpointOptions): Plugin {
  const path = options.path ?? "/metrics";
  const tokenCheck = options.token === undefined ? undefined : bearerCheck(options.token);
  return {
    onRequest: onPath(
      (url) => url.pathname === path,
      async ({ request, serverContext, endResponse }) => {
        if (request.method !== "GET" && request.method !== "HEAD") {
          endResponse(new Response(null, { status: 405, headers: { allow: "GET, HEAD" } }));
          return;
        }
        if (!authorized(request, serverContext)) {
          endResponse(
            new Response(
              tokenCheck !== undefined
                ? "Send the metrics token: Authorization: Bearer <METRICS_TOKEN>.\n"
                : options.allowLoopbackWithoutToken
                  ? "Metrics are served to this machine only; set METRICS_TOKEN to scrape from elsewhere.\n"
                  : "In production metrics are served only with a token: set METRICS_TOKEN and send Authorization: Bearer <METRICS_TOKEN>.\n",
              {
                status: tokenCheck === undefined ? 403 : 401,
                headers: {
                  "content-type": "text/plain; charset=utf-8",
                  ...(tokenCheck === undefined
                    ? {}
                    : { "www-authenticate": 'Bearer realm="metrics"' }),
                },
              },
            ),
          );
          return;
        }
        const text = await options.metrics.text();
        endResponse(
          new Response(request.method === "HEAD" ? null : text, {
            headers: {
              "content-type": options.metrics.registry.contentType,
              "cache-control": "no-store",
            },
          }),
        );
      },
    ),
  };

  function authorized(request: Request, serverContext: unknown): boolean {
    if (tokenCheck === undefined) {
      return options.allowLoopbackWithoutToken && options.isLoopback(serverContext);
    }
    return tokenCheck(request.headers.get("authorization"));
  }
}

/**
 * GraphQL's side (yoga's Prometheus plugin, on the same registry): each operation's duration by
 * bounded operation name and type, `forecourt_graphql_operation_duration_seconds`.
 */
export function useGraphqlMetrics(metrics: GatewayMetrics, names: OperationNames): Plugin {
  const registry = metrics.registry;
  return usePrometheus({
    registry,
    endpoint: false,
    // Only the histogram below. The plugin's defaults (a summary, a histogram per phase, counters,
    // and a walk of every document for deprecated fields) cost about 8 % of a request's CPU under
    // load, and what they tell is already in the forecourt_* metrics and the access log.
    metrics: {
      graphql_envelop_deprecated_field: false,
      graphql_envelop_request: false,
      graphql_envelop_request_time_summary: false,
      graphql_envelop_phase_parse: false,
      graphql_envelop_phase_validate: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_execute: false,
      graphql_envelop_phase_subscribe: false,
      graphql_envelop_error_result: false,
      graphql_envelop_schema_change: false,
      graphql_yoga_http_duration: false,
      graphql_envelop_request_duration: createHistogram({
        registry,
        histogram: {
          name: "forecourt_graphql_operation_duration_seconds",
          help: "Time to execute a GraphQL operation (parse and validate excluded), by operation name and type.",
          labelNames: ["operation", "type"] as const,
          buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        },
        fillLabelsFn: (params) => ({
          operation: names.label(params.operationName),
          type: params.operationType ?? "unknown",
        }),
      }),
    },
  });
}
