/**
 * Not configuration but a switch of the benchmark's target (bench/target.ts): "off" runs the
 * gateway without its guards (the static estimate and the document backstops), to measure what
 * they cost. Taken out of the overrides before they reach loadConfig.
 */
export const GUARDS_SWITCH = "BENCH_GUARDS";
