import { GraphQLError } from "graphql";

/**
 * Expected outcomes of operations. Mutations list them as typed results (plugin-errors); where a
 * field has no typed result they are raised and reach the client with `extensions.code`.
 */

export interface InputIssueData {
  path: readonly string[];
  message: string;
}

interface StandardIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

export class InputValidationError extends GraphQLError {
  readonly code = "INVALID_INPUT";
  readonly issues: readonly InputIssueData[];

  constructor(issues: readonly InputIssueData[]) {
    const summary = issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ");
    super(`Invalid input: ${summary}`, {
      extensions: { code: "BAD_USER_INPUT", issues: issues.map((i) => ({ ...i })) },
    });
    this.name = "InputValidationError";
    this.issues = issues;
  }

  static fromIssues(issues: readonly StandardIssue[]): InputValidationError {
    return new InputValidationError(
      issues.map((issue) => ({
        path: (issue.path ?? []).map((p) => String(typeof p === "object" ? p.key : p)),
        message: issue.message,
      })),
    );
  }
}

/** An expected outcome: its `code` is also its `extensions.code`; its class name, its type's. */
abstract class DomainError<C extends string> extends GraphQLError {
  readonly code: C;
  constructor(code: C, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
    this.code = code;
    this.name = new.target.name;
  }
}

export class CreditsExceededError extends DomainError<"CREDITS_EXCEEDED"> {
  constructor(
    message = "CarCutter credits are exhausted; nothing was processed. Contact CarCutter sales to top up.",
  ) {
    super("CREDITS_EXCEEDED", message, { upstream: "carcutter" });
  }
}

export class NotFoundError extends DomainError<"NOT_FOUND"> {
  readonly resource: string;
  readonly resourceId: string;
  constructor(resource: string, resourceId: string) {
    super("NOT_FOUND", `No ${resource} with id "${resourceId}" exists.`, { resource, resourceId });
    this.resource = resource;
    this.resourceId = resourceId;
  }
}

export class IdempotencyKeyReusedError extends DomainError<"IDEMPOTENCY_KEY_REUSED"> {
  readonly firstUsedAt: Date;
  constructor(firstUsedAt: Date) {
    super(
      "IDEMPOTENCY_KEY_REUSED",
      "This idempotency key was first used with a different input, so nothing was submitted. Send a new key with a new submission; send the same key only to retry the same one.",
    );
    this.firstUsedAt = firstUsedAt;
  }
}

export class IdempotencyKeyInProgressError extends DomainError<"IDEMPOTENCY_KEY_IN_PROGRESS"> {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super(
      "IDEMPOTENCY_KEY_IN_PROGRESS",
      `The first request with this idempotency key is still running, so nothing was submitted again; retry with the same key in ${retryAfterSeconds} s for its answer.`,
      { retryAfterSeconds },
    );
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The operation reached its cap of upstream calls (MAX_UPSTREAM_CALLS_PER_OPERATION). */
export function upstreamCallLimitError(
  operation: { upstream: string; name: string },
  limit: number,
): GraphQLError {
  return new GraphQLError(
    `This operation reached its limit of ${limit} ${operation.upstream} calls (MAX_UPSTREAM_CALLS_PER_OPERATION), so ${operation.name} was not sent; what was fetched before it is in the answer. Ask for fewer vehicles or photos at once.`,
    { extensions: { code: "UPSTREAM_CALL_LIMIT_EXCEEDED", upstream: operation.upstream, limit } },
  );
}

/** The operation ran out of time (REQUEST_TIMEOUT_MS): its upstream calls were stopped. */
export function operationTimeoutError(timeoutMs: number): GraphQLError {
  return new GraphQLError(
    `This operation did not finish within ${timeoutMs} ms (REQUEST_TIMEOUT_MS), so its upstream calls were stopped; what finished before is in the answer. Ask for less at once, or try again.`,
    { extensions: { code: "OPERATION_TIMEOUT", timeoutMs } },
  );
}
