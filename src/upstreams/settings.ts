import type { UpstreamName } from "../errors.js";
import type { UpstreamHttpOptions } from "./http.js";

/** The tunable part of UpstreamHttpOptions: what configuration may override. */
export type HttpSettings = Pick<
  UpstreamHttpOptions,
  | "connectTimeoutMs"
  | "headersTimeoutMs"
  | "bodyTimeoutMs"
  | "maxResponseBytes"
  | "maxRetries"
  | "retryBaseDelayMs"
  | "deadlineMs"
  | "breaker"
  | "connections"
>;

/**
 * Defaults: timeouts of a few seconds (undici's own are minutes), two retries from a 200 ms base,
 * a 15 s budget per logical call, and a breaker that opens after 5 consecutive outages for 10 s.
 * CarCutter answers result pictures, so its cap is larger than OneAuto's (JSON only).
 */
export function defaultHttpSettings(upstream: UpstreamName): Required<HttpSettings> {
  return {
    connectTimeoutMs: 3_000,
    headersTimeoutMs: 10_000,
    bodyTimeoutMs: 10_000,
    maxResponseBytes: upstream === "carcutter" ? 20 * 1024 * 1024 : 2 * 1024 * 1024,
    maxRetries: 2,
    retryBaseDelayMs: 200,
    deadlineMs: 15_000,
    breaker: { consecutiveFailures: 5, halfOpenAfterMs: 10_000 },
    connections: 32,
  };
}
