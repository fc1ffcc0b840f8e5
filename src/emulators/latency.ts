/**
 * An emulator's latencies in a few words, for the lines a person reads at start-up: a demo that is
 * slow on purpose says so. Undefined when every operation answers at once.
 */
export function latencySummary(latencyMs: Readonly<Record<string, number>>): string | undefined {
  const held = Object.entries(latencyMs).filter(([, ms]) => ms > 0);
  const [first] = held;
  if (!first) return undefined;
  if (held.length === 1) return `${first[0]} answers after ${first[1]} ms`;
  const values = held.map(([, ms]) => ms);
  const [min, max] = [Math.min(...values), Math.max(...values)];
  return `answers after ${min === max ? min : `${min}–${max}`} ms`;
}

/** The summary with the variable that changes it, or "" when there is no latency. */
export function latencyNote(
  latencyMs: Readonly<Record<string, number>>,
  variable: "CARCUTTER_EMULATOR_LATENCY_MS" | "ONEAUTO_EMULATOR_LATENCY_MS",
): string {
  const summary = latencySummary(latencyMs);
  return summary ? `, ${summary} (${variable}=0: at once)` : "";
}
