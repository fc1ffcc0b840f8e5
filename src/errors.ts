import { GraphQLError } from "graphql";

/**
 * Upstream failures as GraphQL errors. An UpstreamError is a GraphQLError with no `originalError`,
 * so graphql-yoga's error masking passes it to clients as is: its message says what went wrong and
 * what to do, and its extensions carry a code, the upstream, the operation ("METHOD /path", never
 * a query string) and the HTTP status. What the upstream said (its body, truncated) stays on the
 * non-enumerable `upstreamDetail`, for logs only: it never reaches a message, the extensions or
 * `JSON.stringify(error)`.
 */

export type UpstreamName = "carcutter" | "oneauto";

export type UpstreamErrorCode =
  /** Network failure, reset, 5xx, OneAuto's 202 "not complete", or the circuit is open. */
  | "UPSTREAM_UNAVAILABLE"
  /** Connect, headers or body timeout, or the call's deadline ran out. */
  | "UPSTREAM_TIMEOUT"
  /** 429 (`retryAfterSeconds` when the upstream said). */
  | "UPSTREAM_RATE_LIMITED"
  /** A body that is not JSON, does not match the wire schema, is too large, or an unexpected status. */
  | "UPSTREAM_CONTRACT"
  /** 401: the gateway's own credentials are wrong. */
  | "UPSTREAM_UNAUTHORIZED"
  | "UPSTREAM_FORBIDDEN"
  /** 400 and any other 4xx without a code of its own. */
  | "UPSTREAM_BAD_REQUEST"
  | "UPSTREAM_NOT_FOUND"
  | "UPSTREAM_GONE"
  | "UPSTREAM_CREDITS_EXCEEDED"
  | "UPSTREAM_PAYLOAD_TOO_LARGE"
  /** Not sent: this gateway's own cap of calls per second to the upstream (*_MAX_REQUESTS_PER_SECOND). */
  | "UPSTREAM_THROTTLED";

export type UpstreamErrorExtensions = {
  code: UpstreamErrorCode;
  upstream: UpstreamName;
  /** "METHOD /path", e.g. "GET /vehicle/image/status". */
  operation: string;
  status?: number;
  retryAfterSeconds?: number;
  /** Set when the call was refused without reaching the upstream. */
  circuit?: "open";
};

export interface UpstreamErrorInit {
  code: UpstreamErrorCode;
  upstream: UpstreamName;
  operation: string;
  /** Safe for clients: no upstream body, no key, no URL query. */
  message: string;
  status?: number;
  retryAfterSeconds?: number;
  circuit?: "open";
  /** What the upstream said or what failed underneath; kept for logs only, truncated. */
  detail?: string;
  /**
   * True when the request may have reached the upstream and been acted on although no answer
   * came (a timeout or reset after sending). A non-idempotent call that fails this way has an
   * unknown outcome: ask the upstream (e.g. the image status) rather than sending it again.
   */
  outcomeUnknown?: boolean;
}

/** Longest `upstreamDetail` kept. */
export const MAX_UPSTREAM_DETAIL_CHARS = 500;

export const UPSTREAM_DISPLAY_NAMES: Readonly<Record<UpstreamName, string>> = {
  carcutter: "CarCutter",
  oneauto: "OneAuto",
};

export class UpstreamError extends GraphQLError {
  declare readonly extensions: UpstreamErrorExtensions;
  readonly code: UpstreamErrorCode;
  readonly upstream: UpstreamName;
  readonly operation: string;
  readonly status: number | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly outcomeUnknown: boolean;
  /** The upstream's own words (or the network error), truncated; non-enumerable, logs only. */
  declare readonly upstreamDetail: string | undefined;

  constructor(init: UpstreamErrorInit) {
    const extensions: UpstreamErrorExtensions = {
      code: init.code,
      upstream: init.upstream,
      operation: init.operation,
    };
    if (init.status !== undefined) extensions.status = init.status;
    if (init.retryAfterSeconds !== undefined) extensions.retryAfterSeconds = init.retryAfterSeconds;
    if (init.circuit !== undefined) extensions.circuit = init.circuit;
    super(init.message, { extensions });
    this.name = "UpstreamError";
    this.code = init.code;
    this.upstream = init.upstream;
    this.operation = init.operation;
    this.status = init.status;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.outcomeUnknown = init.outcomeUnknown ?? false;
    Object.defineProperty(this, "upstreamDetail", {
      value: init.detail === undefined ? undefined : truncate(init.detail),
      enumerable: false,
      writable: false,
      configurable: false,
    });
  }
}

export function isUpstreamError(error: unknown): error is UpstreamError {
  return error instanceof UpstreamError;
}

/**
 * Whether the call certainly never reached the upstream: no answer came, and the HTTP layer did
 * not send it (connection refused, open circuit, this gateway's own throttle). Such a call cannot
 * have been acted on or billed, so a paid one may be sent again without risk.
 */
export function neverSent(error: UpstreamError): boolean {
  return error.status === undefined && !error.outcomeUnknown;
}

function truncate(text: string): string {
  return text.length > MAX_UPSTREAM_DETAIL_CHARS
    ? `${text.slice(0, MAX_UPSTREAM_DETAIL_CHARS)}…`
    : text;
}

/** Whatever was thrown, as an Error (DataLoader wants one per failed key, reporters take one). */
export function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

export function messageOf(error: unknown): string {
  return toError(error).message;
}
