/**
 * An upstream's enum string as the graph spells it (`qa-ing` → `QA_ING`); anything not in `known`
 * becomes UNKNOWN, so a value the upstream adds later never fails a response.
 */
export function enumValueOf<T extends string>(known: readonly T[], wire: string): T | "UNKNOWN" {
  const candidate = wire.trim().toUpperCase().replaceAll("-", "_");
  return known.find((value) => value === candidate) ?? "UNKNOWN";
}
