import { createHash } from "node:crypto";
import { z } from "zod";
import type { CostMeter } from "../../cost/cost-meter.js";
import {
  CreditsExceededError,
  IdempotencyKeyInProgressError,
  IdempotencyKeyReusedError,
} from "../../domain-errors.js";
import { isUpstreamError, neverSent } from "../../errors.js";
import type { ImageEvents } from "../../events/image-events.js";
import type { LedgerEntry, LedgerState, SubmissionLedger } from "../../ledger/ledger.js";
import { withoutNulls } from "../../nullable-input.js";
import type { CarCutterClient, SubmitImagesRequest } from "../../upstreams/carcutter/client.js";
import {
  CARCUTTER,
  type ImageStatusDto,
  MAX_IMAGE_URLS_PER_CALL,
} from "../../upstreams/carcutter/dto.js";
import {
  IMAGE_PHASES,
  IMAGE_QUALITIES,
  IMAGE_STATUSES,
  type Image,
  imageFromDto,
} from "./image.model.js";

/**
 * Sends any number of photos to CarCutter, 60 per call, one call after another, and accounts for
 * every URL (through the submission ledger, see submitImagesInChunks). Submissions are billed and
 * not idempotent, so nothing here is ever retried: a call
 * whose outcome is unclear is reported as UNKNOWN, and later chunks are held back once the
 * upstream is refusing (no credits) or failing.
 */

export const SUBMISSION_OUTCOMES = [
  "ACCEPTED",
  "ALREADY_SUBMITTED",
  "IN_PROGRESS",
  "REJECTED",
  "NO_CREDITS",
  "FAILED",
  "UNKNOWN",
  "NOT_SENT",
] as const;
export type SubmissionOutcome = (typeof SUBMISSION_OUTCOMES)[number];

export interface SubmissionError {
  code: string;
  message: string;
}

export interface SubmittedImage {
  url: string;
  outcome: SubmissionOutcome;
  /** The status CarCutter answered with, for accepted photos. */
  image: Image | null;
  error: SubmissionError | null;
}

export type SubmissionInput = Omit<SubmitImagesRequest, "urls">;

/** What a failed chunk means for its URLs, and whether later chunks may still be sent. */
function classify(error: unknown): {
  outcome: SubmissionOutcome;
  stop: boolean;
  error: SubmissionError;
} {
  if (!isUpstreamError(error)) {
    return {
      outcome: "UNKNOWN",
      stop: true,
      error: {
        code: "INTERNAL",
        message:
          "The submission failed unexpectedly; check the images' status before resubmitting.",
      },
    };
  }
  const code = String(error.extensions.code);
  const summary = { code, message: error.message };
  // Nothing left the gateway, so nothing was processed or billed: sending it again is safe.
  if (neverSent(error)) return { outcome: "FAILED", stop: true, error: summary };
  switch (code) {
    case "UPSTREAM_CREDITS_EXCEEDED":
      return { outcome: "NO_CREDITS", stop: true, error: summary };
    case "UPSTREAM_BAD_REQUEST":
    case "UPSTREAM_PAYLOAD_TOO_LARGE":
      // CarCutter refused this chunk's input; other chunks may be fine.
      return { outcome: "REJECTED", stop: false, error: summary };
    case "UPSTREAM_UNAUTHORIZED":
    case "UPSTREAM_FORBIDDEN":
    // A 429 is a refusal: the upstream did not take the work, so nothing was processed or billed.
    case "UPSTREAM_RATE_LIMITED":
      return { outcome: "FAILED", stop: true, error: summary };
    default:
      // Sent, and then a timeout, reset, 5xx or malformed answer: processed or not, we cannot
      // tell, and resubmitting could bill twice.
      return { outcome: "UNKNOWN", stop: true, error: summary };
  }
}

export interface SubmissionDeps {
  carcutter: Pick<CarCutterClient, "submitImages" | "imageStatuses" | "http">;
  ledger: SubmissionLedger;
  /** The request's meter: told of calls found billed only once their outcome was settled. */
  cost?: Pick<CostMeter, "recordBilledAfterAll">;
  /** Counts each photo's outcome (forecourt_submissions_total). */
  // Structural, not GatewayMetrics: the metrics name these outcomes, so importing them back made a cycle.
  metrics?: { submissions: { inc(labels: { outcome: SubmissionOutcome }): void } } | undefined;
  /** Told of each photo CarCutter accepted, for the subscribers following its vehicle. */
  events?: Pick<ImageEvents, "announceSubmission">;
  /** Where CarCutter calls back on every change; without it, the poller is the fallback. */
  webhook?: { url: string; authKey: string } | undefined;
  now?: () => Date;
  /** Whose keys these are: a key is one client's own, never another's answer. */
  caller?: { name: string };
}

/** `submitImages` as the graph takes it: optional fields may be null, uploads already read. */
export interface SubmitImagesInput {
  vehicleId: string;
  urls: readonly string[];
  processing: { cutType?: SubmissionInput["cutType"] | null; guidelineId?: string | null };
  locationId?: string | null;
  sceneId?: string | null;
  processingSpeed?: SubmissionInput["processingSpeed"] | null;
  retouchingAccuracy?: SubmissionInput["retouchingAccuracy"] | null;
  customJson?: unknown;
  force?: boolean | null;
  /** The client's key for this submission: retrying with it returns the first answer. */
  idempotencyKey?: string | null;
  licensePlate?: Blob | undefined;
  background?: Blob | undefined;
  overlay?: Blob | undefined;
}

/**
 * Submits photos (see submitImagesInChunks). Refused outright for lack of credits (nothing else
 * happened), it throws CreditsExceededError; a refusal of a later batch comes back per URL, so
 * what was accepted is not lost.
 *
 * With an idempotency key (Stripe's model): the first request with the key runs and its answer is
 * kept in the ledger's store (IDEMPOTENCY_RETENTION_MS, restarts included); the same key with the
 * same input answers that again without sending anything; with a different input it is refused
 * (IdempotencyKeyReusedError); while the first still runs, IdempotencyKeyInProgressError. A first
 * request that died is taken over once its time has run out: its photos' claims keep that safe.
 */
export async function submitImages(
  deps: SubmissionDeps,
  input: SubmitImagesInput,
): Promise<SubmittedImage[]> {
  if (!input.idempotencyKey) return answerOf(await runSubmission(deps, input));
  // Clients choose their keys: two that pick the same one must not see each other's answers.
  const key = `${deps.caller?.name ?? "local"}:${input.idempotencyKey}`;
  const now = deps.now ?? (() => new Date());
  const fingerprint = await fingerprintOf(input);
  const at = now();
  const runsUntil = new Date(at.getTime() + runTimeMs(deps, input.urls.length));
  const first = await deps.ledger.startIdempotent({ key, fingerprint, at, runsUntil });
  if (first !== undefined) {
    if (first.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError(first.startedAt);
    if (first.answer === null) {
      const seconds = Math.max(1, Math.ceil((first.runsUntil.getTime() - at.getTime()) / 1000));
      throw new IdempotencyKeyInProgressError(Math.min(seconds, 5));
    }
    return answerOf(storedAnswer.parse(first.answer));
  }
  const answer = await runSubmission(deps, input);
  await deps.ledger.finishIdempotent(key, answer, now());
  return answerOf(answer);
}

/** What a submission answered: every photo's outcome, or a refusal for credits. */
type SubmissionAnswer = { results: SubmittedImage[] } | { refused: "NO_CREDITS" };

async function runSubmission(
  deps: SubmissionDeps,
  input: SubmitImagesInput,
): Promise<SubmissionAnswer> {
  const { processing, customJson } = input;
  const request: SubmissionInput = {
    ...withoutNulls({
      webhookUrl: deps.webhook?.url,
      webhookAuthKey: deps.webhook?.authKey,
      cutType: processing.cutType,
      guidelineId: processing.guidelineId,
      locationId: input.locationId,
      sceneId: input.sceneId,
      processingSpeed: input.processingSpeed,
      retouchingAccuracy: input.retouchingAccuracy,
      customJson:
        customJson === null || customJson === undefined ? undefined : JSON.stringify(customJson),
      licensePlate: input.licensePlate,
      background: input.background,
      overlay: input.overlay,
    }),
    vehicleId: input.vehicleId,
  };
  const results = await submitImagesInChunks(deps, input.urls, request, input.force ?? false);
  for (const { outcome } of results) deps.metrics?.submissions.inc({ outcome });
  const refused = results.every((r) => r.outcome === "NO_CREDITS" || r.outcome === "NOT_SENT");
  return refused && results.some((r) => r.outcome === "NO_CREDITS")
    ? { refused: "NO_CREDITS" }
    : { results };
}

function answerOf(answer: SubmissionAnswer): SubmittedImage[] {
  if ("refused" in answer) throw new CreditsExceededError();
  return answer.results;
}

/** The longest a submission of `count` photos may take: each chunk's claim, and a status read. */
function runTimeMs(deps: SubmissionDeps, count: number): number {
  const calls = Math.ceil(count / MAX_IMAGE_URLS_PER_CALL) + 1;
  return calls * (deps.carcutter.http.deadlineMs + CLAIM_MARGIN_MS);
}

/** A hash of everything a submission asks for (uploads by their bytes), keys in a fixed order. */
async function fingerprintOf(input: SubmitImagesInput): Promise<string> {
  const { idempotencyKey: _key, licensePlate, background, overlay, ...asked } = input;
  const uploads: Record<string, string | null> = {};
  for (const [name, file] of Object.entries({ licensePlate, background, overlay })) {
    uploads[name] = file
      ? createHash("sha256")
          .update(new Uint8Array(await file.arrayBuffer()))
          .digest("hex")
      : null;
  }
  return createHash("sha256")
    .update(stableJson({ ...asked, force: asked.force ?? false, uploads }))
    .digest("hex");
}

/** JSON with object keys sorted at every level, and nulls and absent members alike. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const members = Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`);
    return `{${members.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

const storedDate = z.iso.datetime().transform((s) => new Date(s));

/** A kept answer as the store gives it back (JSON: dates as text). */
const storedAnswer: z.ZodType<SubmissionAnswer> = z.union([
  z.object({ refused: z.literal("NO_CREDITS") }),
  z.object({
    results: z.array(
      z.object({
        url: z.string(),
        outcome: z.enum(SUBMISSION_OUTCOMES),
        error: z.object({ code: z.string(), message: z.string() }).nullable(),
        image: z
          .object({
            url: z.string(),
            status: z.enum(IMAGE_STATUSES),
            phase: z.enum(IMAGE_PHASES).nullable(),
            quality: z.enum(IMAGE_QUALITIES).nullable(),
            angle: z.array(z.string()),
            vehicleId: z.string().nullable(),
            submittedAt: storedDate.nullable(),
          })
          .nullable(),
      }),
    ),
  }),
]);

/** What the ledger keeps of a submission's options: never uploads, never the webhook key. */
function ledgerOptions(input: SubmissionInput): Record<string, unknown> {
  const { vehicleId: _v, webhookAuthKey: _k, licensePlate, background, overlay, ...rest } = input;
  const uploads = Object.entries({ licensePlate, background, overlay })
    .filter(([, file]) => file !== undefined)
    .map(([name]) => name);
  return { ...rest, ...(uploads.length > 0 ? { uploads } : {}) };
}

/**
 * CarCutter's status for these URLs, 60 per call: known (and processed, in some state) or not.
 * Undefined when CarCutter could not be asked.
 */
async function knownToCarCutter(
  deps: SubmissionDeps,
  urls: readonly string[],
): Promise<Map<string, ImageStatusDto> | undefined> {
  const known = new Map<string, ImageStatusDto>();
  try {
    for (let start = 0; start < urls.length; start += MAX_IMAGE_URLS_PER_CALL) {
      const chunk = urls.slice(start, start + MAX_IMAGE_URLS_PER_CALL);
      for (const dto of await deps.carcutter.imageStatuses(chunk)) {
        if (dto.status !== "unknown") known.set(dto.image, dto);
      }
    }
    return known;
  } catch {
    return undefined;
  }
}

/**
 * Settles each entry CarCutter lists as ACCEPTED and the others as `otherwise`, each only while it
 * still carries the claim it had (a request that claimed it since has the last word).
 */
async function settleFromStatus(
  ledger: SubmissionLedger,
  entries: readonly Pick<LedgerEntry, "url" | "claim">[],
  known: ReadonlyMap<string, unknown>,
  otherwise: LedgerState,
  at: Date,
): Promise<void> {
  const byClaim = new Map<string, string[]>();
  for (const { url, claim } of entries) byClaim.set(claim, [...(byClaim.get(claim) ?? []), url]);
  for (const [claim, urls] of byClaim) {
    await ledger.settle(
      urls.filter((url) => known.has(url)),
      "ACCEPTED",
      at,
      claim,
    );
    await ledger.settle(
      urls.filter((url) => !known.has(url)),
      otherwise,
      at,
      claim,
    );
  }
}

const IN_PROGRESS: SubmissionError = {
  code: "SUBMISSION_IN_PROGRESS",
  message:
    "Another request is submitting this photo right now; it was not sent again. Its status (or that request's answer) tells how it went.",
};

/**
 * Sends photos to CarCutter through the submission ledger, so that each is billed once:
 * - a photo whose submission is under way (another request's claim) is not sent (IN_PROGRESS),
 *   even with `force`;
 * - a photo already submitted through this gateway and not failed is not sent again unless
 *   `force` (ALREADY_SUBMITTED); an earlier submission whose outcome is open (PENDING left by a
 *   dead claim, UNKNOWN after a timeout) is first settled from the status endpoint, never by
 *   resubmitting: if CarCutter knows the photo, it was processed;
 * - each chunk of 60 is claimed (atomically, durably) before its call, only the photos it won are
 *   sent, and they are settled after it under that claim;
 * - a call whose outcome is unknown is settled at once from the status endpoint when CarCutter
 *   already lists the photos (and counted as billed); otherwise it stays UNKNOWN until the next
 *   attempt settles it.
 */
export async function submitImagesInChunks(
  deps: SubmissionDeps,
  urls: readonly string[],
  input: SubmissionInput,
  force = false,
): Promise<SubmittedImage[]> {
  const now = deps.now ?? (() => new Date());
  const { ledger } = deps;
  const outcomes = new Map<string, SubmittedImage>();
  const earlier = await ledger.get(urls);
  const inProgress = (url: string) =>
    outcomes.set(url, { url, outcome: "IN_PROGRESS", image: null, error: IN_PROGRESS });

  const started = now();
  for (const [url, entry] of earlier) {
    if (ledger.inFlight(entry, started)) inProgress(url);
  }
  if (!force) {
    const open = [...earlier.values()].filter(
      (e) => !outcomes.has(e.url) && (e.state === "PENDING" || e.state === "UNKNOWN"),
    );
    if (open.length > 0) {
      const known = await knownToCarCutter(
        deps,
        open.map((e) => e.url),
      );
      if (known) {
        // Listed: it was processed. Not listed: the earlier call never arrived, so send it now.
        await settleFromStatus(ledger, open, known, "FAILED", now());
        for (const entry of open) {
          if (known.has(entry.url)) earlier.set(entry.url, { ...entry, state: "ACCEPTED" });
          else earlier.delete(entry.url);
        }
      } else {
        for (const { url } of open) {
          outcomes.set(url, {
            url,
            outcome: "UNKNOWN",
            image: null,
            error: {
              code: "SUBMISSION_UNSETTLED",
              message:
                "An earlier submission of this photo has an unknown outcome and CarCutter's status could not be read to settle it; it was not sent again. Try again shortly.",
            },
          });
        }
      }
    }
    for (const url of urls) {
      if (!outcomes.has(url) && earlier.get(url)?.state === "ACCEPTED") {
        outcomes.set(url, { url, outcome: "ALREADY_SUBMITTED", image: null, error: null });
      }
    }
  }

  const toSend = urls.filter((url) => !outcomes.has(url));
  const options = ledgerOptions(input);
  // A claim outlives the call it covers: until then, nobody else may settle or resend it.
  const leaseMs = deps.carcutter.http.deadlineMs + CLAIM_MARGIN_MS;
  let held: SubmissionError | null = null;
  for (let start = 0; start < toSend.length; start += MAX_IMAGE_URLS_PER_CALL) {
    const chunk = toSend.slice(start, start + MAX_IMAGE_URLS_PER_CALL);
    if (held) {
      for (const url of chunk)
        outcomes.set(url, { url, outcome: "NOT_SENT", image: null, error: held });
      continue;
    }
    const submittedAt = now();
    const { claim, won } = await ledger.claim(
      chunk.map((url) => ({ url, vehicleId: input.vehicleId, options })),
      { at: submittedAt, until: new Date(submittedAt.getTime() + leaseMs), force },
    );
    await answerLost(
      ledger,
      chunk.filter((url) => !won.includes(url)),
      outcomes,
    );
    if (won.length === 0) continue;
    const accepted = (dto: ImageStatusDto): SubmittedImage => ({
      url: dto.image,
      outcome: "ACCEPTED",
      image: imageFromDto(dto, { vehicleId: input.vehicleId, submittedAt }),
      error: null,
    });
    try {
      const dtos = await deps.carcutter.submitImages({ ...input, urls: won });
      const byUrl = new Map(dtos.map((dto) => [dto.image, dto]));
      const listed = won.filter((url) => byUrl.has(url));
      await ledger.settle(listed, "ACCEPTED", now(), claim);
      await announce(deps, dtos, input.vehicleId, submittedAt);
      for (const url of won) {
        const dto = byUrl.get(url);
        // Not listed in a 200: CarCutter took the call, so the photo may well be processing.
        outcomes.set(
          url,
          dto
            ? accepted(dto)
            : {
                url,
                outcome: "UNKNOWN",
                image: null,
                error: {
                  code: "UPSTREAM_CONTRACT",
                  message:
                    "CarCutter accepted the call but did not list this photo; its status settles it.",
                },
              },
        );
      }
      await ledger.settle(
        won.filter((url) => !byUrl.has(url)),
        "UNKNOWN",
        now(),
        claim,
      );
    } catch (error) {
      const { outcome, stop, error: summary } = classify(error);
      if (outcome === "UNKNOWN") {
        // Perhaps processed, perhaps not: ask, never resubmit.
        const known = (await knownToCarCutter(deps, won)) ?? new Map<string, ImageStatusDto>();
        // Not listed yet may still mean "arriving": it stays open for the next attempt to settle.
        await settleFromStatus(
          ledger,
          won.map((url) => ({ url, claim })),
          known,
          "UNKNOWN",
          now(),
        );
        // The call was billed after all for what CarCutter lists.
        const processed = won.filter((url) => known.has(url)).length;
        if (processed > 0) deps.cost?.recordBilledAfterAll(CARCUTTER.submitImages, processed);
        await announce(deps, [...known.values()], input.vehicleId, submittedAt);
        for (const url of won) {
          const dto = known.get(url);
          outcomes.set(url, dto ? accepted(dto) : { url, outcome, image: null, error: summary });
        }
      } else {
        await ledger.settle(won, outcome === "REJECTED" ? "REJECTED" : "FAILED", now(), claim);
        for (const url of won) outcomes.set(url, { url, outcome, image: null, error: summary });
      }
      if (stop) {
        held = {
          code: "NOT_SENT",
          message: `Not sent because an earlier batch failed (${summary.code}); submit these photos again once that is resolved.`,
        };
      }
    }
  }
  return urls.map(
    (url) => outcomes.get(url) ?? { url, outcome: "NOT_SENT", image: null, error: held },
  );
}

/** Tells subscribers of the photos CarCutter took; announcing never fails a submission. */
async function announce(
  deps: SubmissionDeps,
  dtos: readonly ImageStatusDto[],
  vehicleId: string,
  at: Date,
): Promise<void> {
  const submission = { vehicleId, submittedAt: at.toISOString() };
  await Promise.all(dtos.map((dto) => deps.events?.announceSubmission(dto, submission)));
}

/** How long a claim outlasts its call's deadline: clocks of instances differ a little. */
const CLAIM_MARGIN_MS = 30_000;

/** Photos another submission claimed first: already accepted, or under way. */
async function answerLost(
  ledger: SubmissionLedger,
  lost: readonly string[],
  outcomes: Map<string, SubmittedImage>,
): Promise<void> {
  if (lost.length === 0) return;
  const entries = await ledger.get(lost);
  for (const url of lost) {
    outcomes.set(
      url,
      entries.get(url)?.state === "ACCEPTED"
        ? { url, outcome: "ALREADY_SUBMITTED", image: null, error: null }
        : { url, outcome: "IN_PROGRESS", image: null, error: IN_PROGRESS },
    );
  }
}
