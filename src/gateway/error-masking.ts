import { GraphQLError } from "graphql";
import { maskError as maskUnexpectedError, type YogaServerOptions } from "graphql-yoga";
import type { Logger } from "../logger.js";
import { DOCUMENT_REFUSAL_CODES } from "./security.js";

type MaskError = NonNullable<
  Exclude<YogaServerOptions<object, object>["maskedErrors"], boolean | undefined>["maskError"]
>;

/**
 * Yoga calls this for every error. Errors raised on purpose (UpstreamError, the domain errors,
 * input errors) are GraphQLErrors of their own and pass unchanged; anything else is an unexpected
 * exception: logged here, and replaced by a GraphQLError carrying only `message` (yoga's own
 * masking, which keeps the path and sets INTERNAL_SERVER_ERROR).
 */
export function maskErrorFor(logger: Logger | undefined): MaskError {
  return (error, message, isDev) => {
    const original =
      error instanceof Error && "originalError" in error ? error.originalError : error;
    if (isClientGone(original)) {
      // The client went away: nothing went wrong here, and nobody reads the answer.
      logger?.debug?.({ reason: "client went away" }, "request aborted");
      return maskUnexpectedError(error, message, false);
    }
    const masked = maskUnexpectedError(error, message, isDev);
    if (masked !== error) {
      logger?.error({ err: describeError(original) }, "unexpected error");
      return masked;
    }
    return forClient(masked);
  };
}

/** An abort caused by the client leaving: DOMException AbortError (or undici's). */
function isClientGone(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}

/** Refusals of the request itself: 400 whatever the client accepts (yoga sends 200 to JSON ones). */
const REQUEST_REFUSALS: ReadonlySet<unknown> = new Set(["BAD_REQUEST", ...DOCUMENT_REFUSAL_CODES]);

/**
 * An expected error as the client gets it: yoga's request-parsing errors carry
 * `extensions.originalError`, whose message can repeat the request (a body that is not JSON), so
 * it goes; every error gets a code; a refusal of the request is a 400.
 */
function forClient(error: Error): Error {
  if (!(error instanceof GraphQLError)) return error;
  const { originalError, ...extensions } = error.extensions;
  const code = extensions.code ?? "BAD_REQUEST";
  const http = extensions.http as { spec?: boolean } | undefined;
  // A status the error chose itself stands; yoga's spec statuses give way for refusals.
  const refusal = REQUEST_REFUSALS.has(code) && (http === undefined || http.spec === true);
  if (originalError === undefined && extensions.code !== undefined && !refusal) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    path: error.path,
    extensions: { ...extensions, code, ...(refusal ? { http: { status: 400 } } : {}) },
  });
}

function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error)
    return { name: error.name, message: error.message, stack: error.stack };
  return { value: String(error) };
}
