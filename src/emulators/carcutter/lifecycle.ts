import { createHash } from "node:crypto";
import type {
  ImagePhaseValue,
  ImageQualityValue,
  ImageStatusValue,
} from "../../upstreams/carcutter/dto.js";

/**
 * How an emulated image moves through CarCutter's pipeline: a pure function of its submission time
 * and the clock, so the status endpoint, the result endpoint and the webhooks always agree.
 *
 * With step length `s` (doubled for `processing_speed=lazy`), counted from submission:
 *
 * | elapsed      | status       | phase       | quality |
 * |--------------|--------------|-------------|---------|
 * | [0s, 1s)     | `processing` | downloading | null    |
 * | [1s, 2s)     | `processing` | analyzing   | null    |
 * | [2s, 3s)     | `processing` | cutting     | null    |
 * | [3s, 4s)     | `processing` | qa-ing      | null    |
 * | [4s, 5s)     | `processing` | retouching  | null    |
 * | [5s, 6s)     | `raw`        | ready       | null    |
 * | ≥ 6s         | `final`      | ready       | ok      |
 * | ≥ 6s + retention | `expired` | ready      | ok      |
 *
 * URL patterns choose another outcome (anywhere in the URL, typically as a query parameter):
 * - `emulate=error` ({@link EMULATE_ERROR}): downloading, analyzing, then from 2s on `error`
 *   (phase `analyzing`, quality null) for good; an error never expires and never has a result.
 * - `emulate=retake` ({@link EMULATE_RETAKE}): the normal path, but `final` with quality `retake`.
 */

export const EMULATE_ERROR = "emulate=error";
export const EMULATE_RETAKE = "emulate=retake";

export type ImageOutcome = "ok" | "error" | "retake";

export interface ImageState {
  status: ImageStatusValue;
  phase: ImagePhaseValue;
  quality: ImageQualityValue | null;
}

export interface LifecycleInput {
  submittedAt: number;
  now: number;
  /** The configured step length; `lazy` doubles it. */
  stepMs: number;
  lazy: boolean;
  retentionMs: number;
  outcome: ImageOutcome;
}

const PROCESSING_PHASES = [
  "downloading",
  "analyzing",
  "cutting",
  "qa-ing",
  "retouching",
] as const satisfies readonly ImagePhaseValue[];

/** Steps spent before an error shows: downloading and analyzing. */
const ERROR_AFTER_STEPS = 2;
const RAW_AT_STEP = PROCESSING_PHASES.length;
const FINAL_AT_STEP = RAW_AT_STEP + 1;

export function effectiveStepMs(stepMs: number, lazy: boolean): number {
  return lazy ? stepMs * 2 : stepMs;
}

export function imageStateAt(input: LifecycleInput): ImageState {
  const step = effectiveStepMs(input.stepMs, input.lazy);
  // A clock that reads earlier than the submission (never with the emulator's clocks) counts as
  // the first step rather than a negative one.
  const elapsed = Math.max(0, input.now - input.submittedAt);
  const steps = Math.floor(elapsed / step);
  if (input.outcome === "error" && steps >= ERROR_AFTER_STEPS) {
    return { status: "error", phase: "analyzing", quality: null };
  }
  const processingPhase = PROCESSING_PHASES[steps];
  if (processingPhase) return { status: "processing", phase: processingPhase, quality: null };
  if (steps < FINAL_AT_STEP) return { status: "raw", phase: "ready", quality: null };
  const quality = input.outcome === "retake" ? "retake" : "ok";
  const expired = elapsed >= FINAL_AT_STEP * step + input.retentionMs;
  return { status: expired ? "expired" : "final", phase: "ready", quality };
}

/** Time from submission until the image is final (for seeding images at a given stage). */
export function msUntilFinal(stepMs: number, lazy = false): number {
  return FINAL_AT_STEP * effectiveStepMs(stepMs, lazy);
}

/** Time from submission until the image is raw. */
export function msUntilRaw(stepMs: number, lazy = false): number {
  return RAW_AT_STEP * effectiveStepMs(stepMs, lazy);
}

/** Whether a state never changes again (webhooks stop watching such images). */
export function isSettled(state: ImageState): boolean {
  return state.status === "error" || state.status === "expired";
}

export function outcomeOf(url: string): ImageOutcome {
  if (url.includes(EMULATE_ERROR)) return "error";
  if (url.includes(EMULATE_RETAKE)) return "retake";
  return "ok";
}

type Angle = readonly [string, string];

/** Angles named by two words (front-left, front_left, frontleft). */
// biome-ignore format: a table reads better in columns
const COMPOUND_ANGLES: Readonly<Record<string, Angle>> = {
  frontleft: ["exterior", "front-left"], frontright: ["exterior", "front-right"],
  rearleft: ["exterior", "rear-left"], rearright: ["exterior", "rear-right"],
  sideleft: ["exterior", "side-left"], sideright: ["exterior", "side-right"],
  backleft: ["exterior", "rear-left"], backright: ["exterior", "rear-right"],
  steeringwheel: ["interior", "steering-wheel"],
};

// biome-ignore format: a table reads better in columns
const SINGLE_ANGLES: Readonly<Record<string, Angle>> = {
  front: ["exterior", "front"], rear: ["exterior", "rear"], back: ["exterior", "rear"],
  left: ["exterior", "side-left"], right: ["exterior", "side-right"],
  interior: ["interior", "dashboard"], dashboard: ["interior", "dashboard"],
  cockpit: ["interior", "dashboard"], seats: ["interior", "seats"], seat: ["interior", "seats"],
  trunk: ["interior", "trunk"], boot: ["interior", "trunk"], wheel: ["detail", "wheel"],
  rim: ["detail", "wheel"], engine: ["detail", "engine"],
};

const DEFAULT_ANGLES: readonly Angle[] = [
  ["exterior", "front-left"],
  ["exterior", "front"],
  ["exterior", "front-right"],
  ["exterior", "side-right"],
  ["exterior", "rear-right"],
  ["exterior", "rear"],
  ["exterior", "rear-left"],
  ["exterior", "side-left"],
];

/**
 * The angle CarCutter's classifier would report. The emulator reads it from the URL's path and
 * query (the last angle word wins, since file names come last: `/interior/seats.jpg` is seats);
 * a URL naming no angle gets an exterior angle chosen by a hash of the URL, so it is stable.
 */
export function angleOf(url: string): [string, string] {
  const words = locationText(url)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  let found: Angle | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? "";
    const pair = COMPOUND_ANGLES[word + (words[i + 1] ?? "")];
    if (pair) {
      found = pair;
      i++;
      continue;
    }
    found = COMPOUND_ANGLES[word] ?? SINGLE_ANGLES[word] ?? found;
  }
  const angle = found ?? defaultAngle(url);
  return [angle[0], angle[1]];
}

function defaultAngle(url: string): Angle {
  const byte = createHash("sha256").update(url).digest()[0] ?? 0;
  return DEFAULT_ANGLES[byte % DEFAULT_ANGLES.length] ?? ["exterior", "front-left"];
}

/** Path and query only: a host such as `frontend.example` names no angle. */
function locationText(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname} ${parsed.search}`;
  } catch {
    return url;
  }
}
