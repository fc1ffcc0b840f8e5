import type { IncomingMessage } from "node:http";
import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import { type Caller, ClientGate, isLoopback } from "../clients/client-gate.js";
import type { Taken } from "../clients/rate-limits.js";

/**
 * The client gate on yoga's HTTP pipeline (GraphQL over HTTP and SSE; graphql-ws does the same
 * in src/gateway/graphql-ws.ts): before the request is parsed, its key is checked (401
 * UNAUTHENTICATED) and its caller's requests per minute counted (429 RATE_LIMITED with
 * Retry-After), so a refused request costs no parsing and no upstream call. Only the GraphQL
 * endpoint is gated: /health, /ready, GraphiQL's page, webhooks (their own secret) and signed
 * result links are not GraphQL requests. Each subscription then counts against its caller's
 * maximum (SUBSCRIPTION_LIMIT_EXCEEDED).
 */

export const UNAUTHENTICATED = "UNAUTHENTICATED";
export const RATE_LIMITED = "RATE_LIMITED";
export const SUBSCRIPTION_LIMIT_EXCEEDED = "SUBSCRIPTION_LIMIT_EXCEEDED";

/** What the plugin needs from the context: the caller it bound. */
export interface CallerContext {
  caller: Caller;
}

export function useClientGate(
  gate: ClientGate,
  onRefused?: (code: typeof UNAUTHENTICATED | typeof RATE_LIMITED) => void,
  graphqlPath = "/graphql",
): Plugin<CallerContext> {
  return {
    onRequest({ request, url, serverContext, endResponse }) {
      if (url.pathname !== graphqlPath) return;
      const address = remoteAddressOf(serverContext);
      const identified = gate.identify(ClientGate.keyOf(request.headers), address);
      if (!identified.ok) {
        onRefused?.(UNAUTHENTICATED);
        endResponse(
          refusal(401, identified.message, UNAUTHENTICATED, {
            "www-authenticate": 'Bearer realm="forecourt"',
          }),
        );
        return;
      }
      const { caller } = identified;
      const admitted = (taken: Taken) => {
        if (taken.ok) {
          gate.bind(request, caller);
          return;
        }
        onRefused?.(RATE_LIMITED);
        const seconds = Math.ceil(taken.retryAfterMs / 1000);
        endResponse(
          refusal(429, rateLimitMessage(caller, seconds), RATE_LIMITED, {
            "retry-after": String(seconds),
          }),
        );
      };
      // Without a per-minute limit the gate answers at once, and the hook stays synchronous:
      // an async hook costs every request a promise and a turn of the microtask queue.
      const taken = gate.admit(caller);
      return taken instanceof Promise ? taken.then(admitted) : admitted(taken);
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const { caller } = args.contextValue;
      const close = gate.openSubscription(caller);
      if (!close) {
        setResultAndStopExecution({ errors: [subscriptionLimitError(caller)] });
        return;
      }
      return {
        onSubscribeError: close,
        onSubscribeResult: () => ({ onEnd: close }),
      };
    },
  };
}

export function rateLimitMessage(caller: Caller, retryAfterSeconds: number): string {
  return `Too many requests from ${caller.name}: at most ${caller.limits.requestsPerMinute} a minute (requestsPerMinute, or CLIENT_REQUESTS_PER_MINUTE). Try again in ${retryAfterSeconds} s.`;
}

export function rateLimitError(caller: Caller, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(rateLimitMessage(caller, retryAfterSeconds), {
    extensions: { code: RATE_LIMITED, retryAfterSeconds },
  });
}

export function subscriptionLimitError(caller: Caller): GraphQLError {
  return new GraphQLError(
    `${caller.name} already has ${caller.limits.maxSubscriptions} subscriptions open on this instance, its maximum (maxSubscriptions, or CLIENT_MAX_SUBSCRIPTIONS); close one first.`,
    {
      extensions: {
        code: SUBSCRIPTION_LIMIT_EXCEEDED,
        limit: caller.limits.maxSubscriptions,
        http: { status: 429 },
      },
    },
  );
}

function refusal(
  status: number,
  message: string,
  code: string,
  headers: Record<string, string>,
): Response {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

/** The connection's remote address under Node's HTTP server; undefined for an in-process fetch. */
export function remoteAddressOf(serverContext: unknown): string | undefined {
  if (typeof serverContext !== "object" || serverContext === null) return undefined;
  if (!("req" in serverContext)) return undefined;
  const req = serverContext.req as IncomingMessage | undefined;
  return req?.socket?.remoteAddress;
}

/** Whether the request came from this machine (or from inside the process, as tests fetch). */
export function isLoopbackContext(serverContext: unknown): boolean {
  const address = remoteAddressOf(serverContext);
  return address === undefined || isLoopback(address);
}
