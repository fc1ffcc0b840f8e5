import type { Plugin } from "graphql-yoga";

/** What yoga hands an onRequest hook. */
export type RequestPayload = Parameters<NonNullable<Plugin["onRequest"]>>[0];

/**
 * An onRequest hook for an endpoint of its own path: synchronous for every other request. An
 * async hook returns a promise for each request whatever its path, and yoga then awaits it before
 * the next hook, which every GraphQL request paid once per endpoint.
 */
export function onPath(
  matches: (url: URL) => boolean,
  serve: (payload: RequestPayload) => Promise<void>,
): NonNullable<Plugin["onRequest"]> {
  return (payload) => (matches(payload.url) ? serve(payload) : undefined);
}
