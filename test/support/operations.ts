import type { ExecutionResult } from "graphql";
import { expect } from "vitest";
import type { CostSummary } from "../../src/cost/cost-meter.js";

/** Helpers for gateway-level tests: distinct photo URLs, error access, multipart requests. */

export const photoUrls = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => `https://photos.example.com/${prefix}/${i}.jpg`);

export interface ReadError {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

/** The errors of a result as the client reads them (JSON), never undefined. */
export function errorsOf(result: ExecutionResult<unknown>): ReadError[] {
  return (result.errors ?? []).map((e) => ({
    message: e.message,
    ...(e.path ? { path: e.path } : {}),
    ...(e.extensions ? { extensions: e.extensions } : {}),
  }));
}

/** The only error of a result; fails the test when there is none or more than one. */
export function onlyError(result: ExecutionResult<unknown>): ReadError {
  const errors = errorsOf(result);
  expect(errors, JSON.stringify(errors)).toHaveLength(1);
  const [error] = errors;
  if (!error) throw new Error("unreachable: length checked above");
  return error;
}

/** Fails the test with the errors shown when a result has any. */
export function expectNoErrors(result: ExecutionResult<unknown>): void {
  expect(errorsOf(result)).toEqual([]);
}

/** Narrows a value the test has just asserted to be present. */
export function present<T>(value: T | null | undefined, what = "value"): T {
  if (value === null || value === undefined) throw new Error(`expected ${what} to be present`);
  return value;
}

export interface Upload {
  /** The variable path it fills, e.g. "variables.input.licensePlate". */
  path: string;
  bytes: Uint8Array;
  filename: string;
  type: string;
}

/**
 * A GraphQL multipart request (github.com/jaydenseric/graphql-multipart-request-spec): an
 * `operations` part with the files' variables set to null, a `map` part from file part names to
 * variable paths, then one part per file.
 */
export function multipartBody(
  query: string,
  variables: Record<string, unknown>,
  uploads: readonly Upload[],
): FormData {
  const form = new FormData();
  form.append("operations", JSON.stringify({ query, variables }));
  form.append(
    "map",
    JSON.stringify(Object.fromEntries(uploads.map((upload, i) => [String(i), [upload.path]]))),
  );
  uploads.forEach((upload, i) => {
    form.append(
      String(i),
      new Blob([new Uint8Array(upload.bytes)], { type: upload.type }),
      upload.filename,
    );
  });
  return form;
}

/** extensions.cost of a response; fails the test when there is none. */
export function costOf(result: ExecutionResult<unknown>): CostSummary {
  const cost = result.extensions?.cost;
  expect(cost, "extensions.cost").toBeDefined();
  return cost as CostSummary;
}
