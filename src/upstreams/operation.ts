import type { UpstreamName } from "../errors.js";

/**
 * An upstream operation, declared once beside its wire schemas (each upstream's dto.ts): the
 * clients call it, the emulators route and count it, the cost meter prices it, and tests name it.
 */

export type HttpMethod = "GET" | "POST" | "DELETE";

/** The configured prices (config.cost.prices) a billed operation is charged at. */
export type PriceName =
  | "oneautoImageLink"
  | "oneautoVinSearch"
  | "oneautoVrmSearch"
  | "carcutterImage";

export interface UpstreamOperation {
  readonly upstream: UpstreamName;
  /** "METHOD /path": the name in errors, call events, `extensions.cost` and emulator counters. */
  readonly name: string;
  readonly method: HttpMethod;
  /** Below the base URL, without a query string. */
  readonly path: string;
  /** Whether a failed call may be sent again: decides retries. A paid write never is. */
  readonly idempotent: boolean;
  /**
   * Whether it only reads (changes nothing upstream): identical reads in flight at once may share
   * one call, and anything else is a write that later reads must see. GETs read; a POST only when
   * its trait says so (CarCutter's vehicle list).
   */
  readonly read: boolean;
  /**
   * What an HTTP 200 of it costs. OneAuto bills per call; CarCutter per image submitted (the
   * call's `units`). Absent: free.
   */
  readonly billed?: PriceName;
  /** The status that means "no such thing": answered as null rather than as an error. */
  readonly absentOn?: 204 | 404;
}

type Traits = Partial<Pick<UpstreamOperation, "idempotent" | "read" | "billed" | "absentOn">>;
type TraitsOf<E> = E extends readonly [string, infer O extends Traits] ? O : Record<never, never>;

/**
 * An upstream's operations from their names ("GET /vehicle/status"). GETs and DELETEs are idempotent,
 * POSTs not, unless a trait says otherwise; the literal traits stay in the type, so a call's result is nullable only
 * for an operation that declares `absentOn`.
 */
export function defineOperations<const T extends Record<string, readonly [string, Traits?]>>(
  upstream: UpstreamName,
  table: T,
): { readonly [K in keyof T]: UpstreamOperation & TraitsOf<T[K]> } {
  const entries = Object.entries(table).map(([key, [name, traits]]) => {
    const [method, path] = name.split(" ") as [HttpMethod, string];
    const operation: UpstreamOperation = {
      upstream,
      name,
      method,
      path,
      idempotent: method !== "POST",
      read: method === "GET",
      ...traits,
    };
    return [key, operation];
  });
  return Object.fromEntries(entries) as { [K in keyof T]: UpstreamOperation & TraitsOf<T[K]> };
}
