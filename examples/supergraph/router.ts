import type { GatewayConfigSupergraph } from "@graphql-hive/gateway";

/**
 * What Hive Gateway needs to route to Forecourt as a subgraph, shared by its CLI configuration
 * (gateway.ts) and the end-to-end test: the router's key on every request to Forecourt (so that
 * `_entities` answers), and the end client's own key and W3C trace context on every subgraph
 * request, so that Forecourt charges that client's budget and continues the client's trace.
 */
export const FORWARDED_HEADERS = ["x-api-key", "authorization", "traceparent", "tracestate"];

export function routerOptions(
  routerKey: string,
): Pick<GatewayConfigSupergraph, "propagateHeaders"> {
  return {
    propagateHeaders: {
      fromClientToSubgraphs: ({ request, subgraphName }) => ({
        ...Object.fromEntries(FORWARDED_HEADERS.map((name) => [name, request.headers.get(name)])),
        ...(subgraphName === "forecourt" ? { "x-router-key": routerKey } : {}),
      }),
    },
  };
}
