import type { GatewayConfigSupergraph } from "@graphql-hive/gateway";

/**
 * What Hive Gateway needs to route to Forecourt as a subgraph, shared by its CLI configuration
 * (gateway.ts) and the end-to-end test: the router's key on every request to Forecourt (so that
 * `_entities` answers), and the end client's own key and W3C trace context on every subgraph
 * request, so that Forecourt charges that client's budget and continues the client's trace; and
 * a CSRF header to Forecourt, whose subscriptions the router asks for with a GET.
 */
export const FORWARDED_HEADERS = ["x-api-key", "authorization", "traceparent", "tracestate"];

export function routerOptions(
  routerKey: string,
): Pick<GatewayConfigSupergraph, "propagateHeaders"> {
  return {
    propagateHeaders: {
      fromClientToSubgraphs: ({ request, subgraphName }) => ({
        ...Object.fromEntries(FORWARDED_HEADERS.map((name) => [name, request.headers.get(name)])),
        // Hive Gateway subscribes to a subgraph with a GET (server-sent events), which Forecourt's
        // CSRF prevention refuses from a browser: the router says it is not one.
        ...(subgraphName === "forecourt"
          ? { "x-router-key": routerKey, "x-forecourt-csrf": "router" }
          : {}),
      }),
    },
  };
}
