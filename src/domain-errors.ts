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

export class CreditsExceededError extends GraphQLError {
  readonly code = "CREDITS_EXCEEDED";
  constructor(
    message = "CarCutter credits are exhausted; nothing was processed. Contact CarCutter sales to top up.",
  ) {
    super(message, { extensions: { code: "CREDITS_EXCEEDED", upstream: "carcutter" } });
    this.name = "CreditsExceededError";
  }
}

export class NotFoundError extends GraphQLError {
  readonly code = "NOT_FOUND";
  readonly resource: string;
  readonly resourceId: string;
  constructor(resource: string, resourceId: string) {
    super(`No ${resource} with id "${resourceId}" exists.`, {
      extensions: { code: "NOT_FOUND", resource, resourceId },
    });
    this.name = "NotFoundError";
    this.resource = resource;
    this.resourceId = resourceId;
  }
}

export class IdempotencyKeyReusedError extends GraphQLError {
  readonly code = "IDEMPOTENCY_KEY_REUSED";
  constructor() {
    super(
      "This idempotency key was first used with a different input, so nothing was submitted. Send a new key with a new submission; send the same key only to retry the same one.",
      { extensions: { code: "IDEMPOTENCY_KEY_REUSED" } },
    );
    this.name = "IdempotencyKeyReusedError";
  }
}

export class IdempotencyKeyInProgressError extends GraphQLError {
  readonly code = "IDEMPOTENCY_KEY_IN_PROGRESS";
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super(
      `The first request with this idempotency key is still running, so nothing was submitted again; retry with the same key in ${retryAfterSeconds} s for its answer.`,
      { extensions: { code: "IDEMPOTENCY_KEY_IN_PROGRESS", retryAfterSeconds } },
    );
    this.name = "IdempotencyKeyInProgressError";
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
