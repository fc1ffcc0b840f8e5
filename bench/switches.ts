/**
 * Not configuration but a switch of the benchmark's target (bench/target.ts): "off" runs the
 * gateway without its guards (the static estimate and the document backstops), to measure what
 * they cost. Taken out of the overrides before they reach loadConfig.
 */
export const GUARDS_SWITCH = "BENCH_GUARDS";

/**
 * A switch of the target too: a comma-separated list of the pipeline's phases to compose
 * (CreateGatewayOptions.phases), "none" for the bare stack; every phase when absent. The ladder.
 */
export const PHASES_SWITCH = "BENCH_PHASES";

/** "off": identical operations in flight are not shared (SHARE_INFLIGHT_READS's other half stays). */
export const SHARE_OPERATIONS_SWITCH = "BENCH_SHARE_OPERATIONS";
