import { Client, cacheExchange, fetchExchange, subscriptionExchange } from "@urql/core";
import { createClient as createWsClient } from "graphql-ws";

/**
 * The showroom's GraphQL client: urql, with its document cache (a page seen again answers from
 * the browser at no upstream cost, and a mutation refetches what it touched), plain POSTs for
 * queries and mutations, and graphql-ws for live photo status, on the same `/graphql` endpoint.
 *
 * The client key (CLIENTS_PATH on the gateway) is sent as `x-api-key` on every request and as
 * `apiKey` when the WebSocket opens. It comes from the page's settings (kept in localStorage),
 * else from VITE_FORECOURT_API_KEY at build time. A browser key is visible to anyone who opens
 * the page: give the showroom a client of its own, with its own rate and budget.
 */

const KEY_STORAGE = "forecourt.apiKey";

export function storedApiKey(): string {
  return localStorage.getItem(KEY_STORAGE) ?? import.meta.env.VITE_FORECOURT_API_KEY ?? "";
}

export function storeApiKey(key: string): void {
  if (key === "") localStorage.removeItem(KEY_STORAGE);
  else localStorage.setItem(KEY_STORAGE, key);
}

export interface ShowroomClient {
  client: Client;
  dispose(): void;
}

/** A client for the gateway serving this page (or `origin`), with `apiKey` if any. */
export function createShowroomClient(
  apiKey: string,
  origin = window.location.origin,
): ShowroomClient {
  const headers: Record<string, string> = apiKey ? { "x-api-key": apiKey } : {};
  const ws = createWsClient({
    url: `${origin.replace(/^http/, "ws")}/graphql`,
    connectionParams: apiKey ? { apiKey } : {},
    lazy: true,
    // A gateway restarting, or a deploy: the live view comes back by itself.
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
  });
  const client = new Client({
    url: `${origin}/graphql`,
    preferGetMethod: false,
    fetchOptions: { headers },
    requestPolicy: "cache-first",
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? "" };
          return {
            subscribe(sink) {
              return { unsubscribe: ws.subscribe(input, sink) };
            },
          };
        },
      }),
    ],
  });
  return { client, dispose: () => void ws.dispose() };
}
