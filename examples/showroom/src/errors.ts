import type { CombinedError } from "@urql/core";

/**
 * What went wrong, in words for a dealer's staff: which upstream is down (the page keeps what
 * the other one gave), or what the gateway refused and what to do.
 */

export type Upstream = "carcutter" | "oneauto";

const UPSTREAM_NAMES: Record<Upstream, string> = {
  carcutter: "CarCutter (vehicles and photo processing)",
  oneauto: "OneAuto (stock photos)",
};

const OUTAGE_CODES = new Set([
  "UPSTREAM_UNAVAILABLE",
  "UPSTREAM_TIMEOUT",
  "UPSTREAM_RATE_LIMITED",
  "UPSTREAM_THROTTLED",
]);

interface ErrorExtensions {
  code?: string;
  upstream?: string;
  retryAfterSeconds?: number;
}

function extensionsOf(error: CombinedError): ErrorExtensions[] {
  const graphQL = error.graphQLErrors.map((e) => e.extensions as ErrorExtensions);
  // A refusal answered with an HTTP error (401, 429) still carries GraphQL errors in its body.
  return graphQL;
}

/** The upstreams this error says are down, if any. */
export function upstreamsDown(error: CombinedError | undefined): Upstream[] {
  if (!error) return [];
  const down = new Set<Upstream>();
  for (const ext of extensionsOf(error)) {
    if (
      ext.code &&
      OUTAGE_CODES.has(ext.code) &&
      (ext.upstream === "carcutter" || ext.upstream === "oneauto")
    ) {
      down.add(ext.upstream);
    }
  }
  return [...down];
}

export function upstreamName(upstream: Upstream): string {
  return UPSTREAM_NAMES[upstream];
}

/** One plain sentence for an error that is not an upstream outage. */
export function describeError(error: CombinedError): string {
  const codes = extensionsOf(error).map((e) => e.code);
  if (codes.includes("UNAUTHENTICATED")) {
    return "This gateway needs a client key: enter the showroom's key under Settings.";
  }
  if (codes.includes("RATE_LIMITED"))
    return "Too many requests for this client key: wait a moment.";
  if (codes.includes("BUDGET_EXHAUSTED")) {
    return "Today's spending limit for this client key is reached: stock photos return tomorrow (UTC).";
  }
  if (error.networkError)
    return `The gateway could not be reached (${error.networkError.message}).`;
  return error.graphQLErrors.map((e) => e.message).join(" ");
}
