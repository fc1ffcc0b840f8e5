import { PHASE_NAMES, type PhaseName } from "../src/gateway/create-gateway.js";
import { PHASES_SWITCH, SHARE_OPERATIONS_SWITCH } from "./switches.js";
import type { ConfigOverrides } from "./target.js";

/**
 * The ladder: what each phase of the request pipeline costs one operation, in CPU. Rung 0 is the
 * bare stack (yoga, the schema, the context, yoga's own parse and validation cache); each next rung
 * adds one phase of src/gateway/phases/ at its defaults, in the order createGateway composes them,
 * and the last is the gateway as `npm start` runs it. bench/run.ts keeps every rung's target alive
 * side by side and loads them in turn, round after round, the order reversed every other round.
 */

export interface Rung {
  /** The table's first column. */
  label: string;
  /** What this rung adds to the one below, in a word. */
  adds: PhaseName | "bare stack" | "sharing";
  /** In file names (CPU profiles). */
  slug: string;
  /** The target's switch; none on the top rung, which is exactly the default gateway. */
  config: ConfigOverrides;
}

/** Below the top rung, operations are not shared: the top rung adds that alone. */
const NOT_SHARED = { [SHARE_OPERATIONS_SWITCH]: "off" };

export const LADDER: readonly Rung[] = [
  {
    label: "bare stack",
    adds: "bare stack",
    slug: "ladder-bare",
    config: { [PHASES_SWITCH]: "none", ...NOT_SHARED },
  },
  ...PHASE_NAMES.map(
    (phase, i): Rung => ({
      label: phase === "execution" ? "+ execution, operations not shared" : `+ ${phase}`,
      adds: phase,
      slug: `ladder-${i + 1}-${phase}`,
      config: { [PHASES_SWITCH]: PHASE_NAMES.slice(0, i + 1).join(","), ...NOT_SHARED },
    }),
  ),
  // Its own rung: on the bench's one repeated operation, sharing saves more than every phase
  // costs, which would hide the execution phase's own cost.
  {
    label: "+ sharing identical operations in flight (the default gateway)",
    adds: "sharing",
    slug: "ladder-7-sharing",
    config: {},
  },
];

/** One slice: one rung loaded for the slice's seconds. */
export interface LadderSlice {
  /** The target's CPU time (user + system) over the slice, per completed operation. */
  cpuMicrosPerOp: number;
  rps: number;
  /** Counted at the emulators during the slice, per completed operation. */
  upstreamCallsPerOp: number;
}

export interface LadderResult {
  rounds: number;
  sliceSeconds: number;
  /** [rung][round], in LADDER's order. */
  slices: LadderSlice[][];
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 === 1
    ? (sorted[Math.floor(middle)] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
};

const micros = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : "n/a");
const signedMicros = (n: number) => (n >= 0 ? "+" : "−") + micros(Math.abs(n));
const range = (values: readonly number[], format: (n: number) => string) =>
  `${format(Math.min(...values))} to ${format(Math.max(...values))}`;

/**
 * A Markdown table per scenario: each rung's CPU µs per operation (median and range over the
 * rounds), and its step over the rung below, taken per round (so both sides of a step saw the same
 * minute of the machine) then the median. Says where the steps do not add up to the whole climb,
 * and which steps are within the noise (their range spans zero).
 */
export function ladderLines(title: string, result: LadderResult): string[] {
  const lines = [
    "",
    `### Ladder: ${title}`,
    "",
    "| rung | CPU µs per operation (median) | range | step over the rung below (median of rounds) | step range | RPS (median) | upstream calls per operation |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  const cpu = result.slices.map((slices) => slices.map((s) => s.cpuMicrosPerOp));
  const steps: number[][] = [];
  LADDER.forEach((rung, r) => {
    const own = cpu[r] ?? [];
    const below = r > 0 ? cpu[r - 1] : undefined;
    const step = below ? own.map((value, round) => value - (below[round] ?? Number.NaN)) : [];
    steps.push(step);
    const slices = result.slices[r] ?? [];
    lines.push(
      `| ${rung.label} | ${micros(median(own))} | ${range(own, micros)} | ${step.length > 0 ? signedMicros(median(step)) : ""} | ${step.length > 0 ? range(step, signedMicros) : ""} | ${Math.round(median(slices.map((s) => s.rps))).toLocaleString("en-US")} | ${median(slices.map((s) => s.upstreamCallsPerOp)).toFixed(2)} |`,
    );
  });
  const bare = median(cpu[0] ?? []);
  const phasesOnly = median(cpu.at(-2) ?? []) - bare;
  const top = median(cpu.at(-1) ?? []);
  const climb = top - bare;
  const stepSum = steps.slice(1).reduce((sum, step) => sum + median(step), 0);
  const noisy = LADDER.filter((_, r) => {
    const step = steps[r] ?? [];
    return step.length > 0 && Math.min(...step) < 0 && Math.max(...step) > 0;
  }).map((rung) => rung.adds);
  lines.push(
    "",
    `- Every phase, operations not shared: ${signedMicros(phasesOnly)} µs per operation over the bare stack's ${micros(bare)} (${((phasesOnly / bare) * 100).toFixed(0)} %): what Forecourt's own request path costs where no two operations are alike.`,
    `- Every phase and sharing together: ${signedMicros(climb)} µs per operation over the bare stack's ${micros(bare)} (${((climb / bare) * 100).toFixed(0)} %); the steps' medians add up to ${signedMicros(stepSum)} µs, ${Math.abs(stepSum - climb) <= 0.1 * Math.abs(climb) ? "close to" : "NOT close to"} the climb (${signedMicros(stepSum - climb)} µs apart: medians do not add exactly, and what is left is the machine's noise).`,
    noisy.length > 0
      ? `- Within the noise (the step's range spans zero, so the order of its rounds decides its sign): ${noisy.join(", ")}. A negative median step is noise too, or a step that saves work.`
      : "- Every step's range is on one side of zero.",
  );
  return lines;
}

export function ladderExplanation(result: LadderResult, connections: number): string {
  return `- Ladder: one gateway process per rung (with its in-process emulators, as every gateway row), all alive side by side and warmed, then ${result.rounds} rounds; in each round every rung is loaded for ${result.sliceSeconds} s at ${connections} connections, the rungs' order reversed every other round so that the machine's drift hits every rung alike. CPU µs per operation: the target process's own CPU time (process.cpuUsage, user + system) over the slice, divided by the operations completed in it; it includes the emulators' work for the upstream calls (see that column: a rung that makes fewer calls also saves the emulators' CPU) and idle timers. Each rung adds one phase (src/gateway/phases/) to the one below, at its defaults, with identical operations in flight not shared; the top rung then shares them (SHARE_INFLIGHT_READS, on by default), which on the bench's one repeated operation saves work rather than costing it, so it stands apart; the bare stack is yoga + the schema + the context with yoga's own parse and validation cache, which the documents phase replaces with its own. On a shared, noisy machine a step of a few per cent is not a measurement: read the ranges.`;
}
