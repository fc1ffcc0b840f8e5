/**
 * An upstream's enum string as the graph spells it (`qa-ing` → `QA_ING`); anything not in `known`
 * becomes UNKNOWN, so a value the upstream adds later never fails a response.
 */
export function enumValueOf<T extends string>(known: readonly T[], wire: string): T | "UNKNOWN" {
  let seen = SEEN.get(known);
  if (!seen) {
    seen = new Map();
    SEEN.set(known, seen);
  }
  const remembered = seen.get(wire);
  if (remembered !== undefined) return remembered as T | "UNKNOWN";
  const candidate = wire.trim().toUpperCase().replaceAll("-", "_");
  const value = known.find((k) => k === candidate) ?? "UNKNOWN";
  // Upstreams send a handful of spellings; a flood of new ones is not remembered.
  if (seen.size < SEEN_PER_ENUM) seen.set(wire, value);
  return value;
}

/** Each enum's wire spellings already read (every image of every answer has several). */
const SEEN = new WeakMap<readonly string[], Map<string, string>>();
const SEEN_PER_ENUM = 256;

/** A wire value as the graph spells it, in the type: `qa-ing` → `QA_ING`. */
export type GraphEnumOf<W extends string> = W extends `${infer A}-${infer B}`
  ? `${Uppercase<A>}_${GraphEnumOf<B>}`
  : Uppercase<W>;

/** The graph's values of an upstream enum, in the upstream's order, with UNKNOWN for the rest. */
export function graphEnumOf<const W extends string>(
  wire: readonly W[],
): ReadonlyArray<GraphEnumOf<W> | "UNKNOWN"> {
  const values = wire.map((w) => w.toUpperCase().replaceAll("-", "_") as GraphEnumOf<W>);
  return [...new Set<GraphEnumOf<W> | "UNKNOWN">([...values, "UNKNOWN"])];
}
