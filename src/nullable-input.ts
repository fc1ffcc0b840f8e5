/**
 * GraphQL hands absent optional input fields over as null (or undefined); the upstreams want them
 * left out entirely ("All non-mandatory parameters should be left out of the request").
 */
export function withoutNulls<T extends object>(
  input: T,
): { [K in keyof T]?: Exclude<T[K], null | undefined> } {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== null && value !== undefined),
  ) as { [K in keyof T]?: Exclude<T[K], null | undefined> };
}
