import { messageOf, UPSTREAM_DISPLAY_NAMES, UpstreamError, type UpstreamName } from "../errors.js";

/**
 * Every way an upstream call fails, turned into one UpstreamError with a message that says what
 * went wrong and what to do. Messages name the upstream, the operation and the status; what the
 * upstream said goes to `detail` (logs only).
 */

/** What each upstream supplies to the one request path: its error envelope and advice. */
export interface UpstreamDialect {
  /** The message of an error body in the upstream's envelope; undefined when it is not one. */
  errorMessage(json: unknown): string | undefined;
  /** What to check when the upstream rejects the gateway's credentials (401). */
  unauthorizedAdvice: string;
  /** What to check when the upstream refuses access (403). */
  forbiddenAdvice: string;
}

export interface CallContext {
  upstream: UpstreamName;
  /** "METHOD /path" */
  operation: string;
  dialect: UpstreamDialect;
}

const name = (ctx: CallContext) => UPSTREAM_DISPLAY_NAMES[ctx.upstream];

/** Statuses worth another attempt of an idempotent call. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

export function errorForStatus(
  ctx: CallContext,
  status: number,
  detail: string | undefined,
  retryAfterSeconds?: number,
): UpstreamError {
  const on = `HTTP ${status} on ${ctx.operation}`;
  const base = {
    upstream: ctx.upstream,
    operation: ctx.operation,
    status,
    detail,
  };
  switch (status) {
    case 400:
      return new UpstreamError({
        ...base,
        code: "UPSTREAM_BAD_REQUEST",
        message: `${name(ctx)} rejected the request as invalid (${on}); check the input.`,
      });
    case 401:
      return new UpstreamError({
        ...base,
        code: "UPSTREAM_UNAUTHORIZED",
        message: `${name(ctx)} rejected the gateway's credentials (${on}); ${ctx.dialect.unauthorizedAdvice}.`,
      });
    case 402:
      return new UpstreamError({
        ...base,
        code: "UPSTREAM_CREDITS_EXCEEDED",
        message: `${name(ctx)} refused the call because the account is out of credits (${on}); top up the account with the provider.`,
      });
    case 403:
      return new UpstreamError({
        ...base,
        code: "UPSTREAM_FORBIDDEN",
        message: `${name(ctx)} refused access (${on}); ${ctx.dialect.forbiddenAdvice}.`,
      });
    case 404:
      return new UpstreamError({
        ...base,
        code: "UPSTREAM_NOT_FOUND",
        message: `${name(ctx)} has no such resource (${on}); check the identifier, or whether it is ready yet.`,
      });
    case 410:
      return new UpstreamError({
        ...base,
        code: "UPSTREAM_GONE",
        message: `${name(ctx)} no longer has this resource (${on}): it has expired upstream.`,
      });
    case 413:
      return new UpstreamError({
        ...base,
        code: "UPSTREAM_PAYLOAD_TOO_LARGE",
        message: `${name(ctx)} refused the request as too large (${on}); send fewer or smaller items.`,
      });
    case 429:
      return new UpstreamError({
        ...base,
        code: "UPSTREAM_RATE_LIMITED",
        retryAfterSeconds,
        message: `${name(ctx)} is rate limiting the gateway (${on}); ${
          retryAfterSeconds === undefined
            ? "try again later."
            : `try again in ${retryAfterSeconds} s.`
        }`,
      });
    default:
      break;
  }
  if (status >= 500) {
    return new UpstreamError({
      ...base,
      code: "UPSTREAM_UNAVAILABLE",
      retryAfterSeconds,
      message: `${name(ctx)} is unavailable (${on}); try again shortly.`,
    });
  }
  if (status >= 400) {
    return new UpstreamError({
      ...base,
      code: "UPSTREAM_BAD_REQUEST",
      message: `${name(ctx)} refused the request (${on}); check the input.`,
    });
  }
  return contractError(ctx, `unexpected HTTP ${status}`, detail, status);
}

/** 202 from OneAuto: the request was accepted but the answer is not complete. */
export function notCompleteError(ctx: CallContext, detail: string | undefined): UpstreamError {
  return new UpstreamError({
    upstream: ctx.upstream,
    operation: ctx.operation,
    status: 202,
    code: "UPSTREAM_UNAVAILABLE",
    message: `${name(ctx)} accepted ${ctx.operation} but has not finished it (HTTP 202); try again shortly.`,
    detail,
  });
}

export function contractError(
  ctx: CallContext,
  reason: string,
  detail: string | undefined,
  status?: number,
): UpstreamError {
  return new UpstreamError({
    upstream: ctx.upstream,
    operation: ctx.operation,
    code: "UPSTREAM_CONTRACT",
    status,
    message: `${name(ctx)} sent an answer the gateway cannot read (${reason} on ${ctx.operation}); the upstream may have changed its format, report it if it persists.`,
    detail,
  });
}

export function circuitOpenError(ctx: CallContext): UpstreamError {
  return new UpstreamError({
    upstream: ctx.upstream,
    operation: ctx.operation,
    code: "UPSTREAM_UNAVAILABLE",
    circuit: "open",
    message: `${name(ctx)} is unavailable (circuit open after repeated failures; ${ctx.operation} was not attempted); try again in a few seconds.`,
  });
}

/** The gateway's own cap on calls per second to the upstream left no turn in time. */
export function throttledError(ctx: CallContext, perSecond: number, waitMs: number): UpstreamError {
  return new UpstreamError({
    upstream: ctx.upstream,
    operation: ctx.operation,
    code: "UPSTREAM_THROTTLED",
    message: `${name(ctx)} is at this gateway's cap of ${perSecond} calls a second (${ctx.upstream.toUpperCase()}_MAX_REQUESTS_PER_SECOND, shared by every instance); ${ctx.operation} was not sent. Try again in ${Math.ceil(waitMs / 1000)} s.`,
    detail: `no turn within the wait allowed (next in ${waitMs} ms)`,
  });
}

export function deadlineError(ctx: CallContext, deadlineMs: number): UpstreamError {
  return new UpstreamError({
    upstream: ctx.upstream,
    operation: ctx.operation,
    code: "UPSTREAM_TIMEOUT",
    message: `${name(ctx)} did not answer in time (deadline of ${deadlineMs} ms exceeded on ${ctx.operation}); try again shortly.`,
    detail: `deadline of ${deadlineMs} ms exceeded`,
    outcomeUnknown: true,
  });
}

export interface TimeoutSettings {
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
}

/**
 * Error codes of failures before any connection existed: the upstream cannot have acted. A pool
 * closed or destroyed (UND_ERR_CLOSED, UND_ERR_DESTROYED) is not one of them: it may end a request
 * already written, so those count as not sent only when the pool was already shut before the
 * request was handed to it (`dispatched` false).
 */
const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  "UND_ERR_CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

/** Programming errors: they are thrown as they are, not dressed up as an outage. */
const OWN_FAULT_CODES: ReadonlySet<string> = new Set([
  "UND_ERR_INVALID_ARG",
  "UND_ERR_INVALID_RETURN_VALUE",
  "UND_ERR_NOT_SUPPORTED",
]);

/**
 * A thrown network or timeout error as an UpstreamError; undefined for errors that are not
 * network failures (bugs), which the caller rethrows unchanged.
 */
export function errorForNetwork(
  ctx: CallContext,
  error: unknown,
  timeouts: TimeoutSettings,
  dispatched = true,
): UpstreamError | undefined {
  const code = errorCodeOf(error);
  if (code === undefined || OWN_FAULT_CODES.has(code)) return undefined;
  const outcomeUnknown = dispatched && !NOT_SENT_CODES.has(code);
  const detail = `${code}: ${messageOf(error)}`;
  const timeout = (what: string) =>
    new UpstreamError({
      upstream: ctx.upstream,
      operation: ctx.operation,
      code: "UPSTREAM_TIMEOUT",
      message: `${name(ctx)} did not answer in time (${what} on ${ctx.operation}); try again shortly.`,
      detail,
      outcomeUnknown,
    });
  switch (code) {
    case "UND_ERR_CONNECT_TIMEOUT":
      return timeout(`no connection within ${timeouts.connectTimeoutMs} ms`);
    case "UND_ERR_HEADERS_TIMEOUT":
      return timeout(`no response within ${timeouts.headersTimeoutMs} ms`);
    case "UND_ERR_BODY_TIMEOUT":
      return timeout(`response stalled for ${timeouts.bodyTimeoutMs} ms`);
    case "ETIMEDOUT":
      return timeout("the connection timed out");
    default:
      return new UpstreamError({
        upstream: ctx.upstream,
        operation: ctx.operation,
        code: "UPSTREAM_UNAVAILABLE",
        message: `${name(ctx)} could not be reached (connection failed on ${ctx.operation}); try again shortly.`,
        detail,
        outcomeUnknown,
      });
  }
}

/** `code` of undici and Node system errors (also one level down in `cause`). */
function errorCodeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  if ("code" in error && typeof error.code === "string") return error.code;
  if ("cause" in error) return errorCodeOf(error.cause);
  return undefined;
}

/**
 * What an upstream error body says, parsed defensively: the message of the upstream's own
 * envelope, an HTML page's title, or the text itself. Never throws.
 */
export function describeErrorBody(
  text: string,
  contentType: string | undefined,
  dialect: Pick<UpstreamDialect, "errorMessage">,
): string {
  const trimmed = text.trim();
  if (trimmed === "") return "(empty body)";
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      return trimmed;
    }
    return dialect.errorMessage(json) ?? trimmed;
  }
  if (contentType?.includes("html") || /^<(!doctype|html)/i.test(trimmed)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1]?.trim();
    const textOnly = trimmed
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    return `HTML page: ${title && title !== "" ? title : textOnly}`;
  }
  return trimmed;
}
