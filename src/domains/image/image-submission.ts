import { CreditsExceededError } from "../../domain-errors.js";
import { isUpstreamError } from "../../errors.js";
import type { LedgerState, SubmissionLedger } from "../../ledger/ledger.js";
import { withoutNulls } from "../../nullable-input.js";
import type { CarCutterClient, SubmitImagesRequest } from "../../upstreams/carcutter/client.js";
import { type ImageStatusDto, MAX_IMAGE_URLS_PER_CALL } from "../../upstreams/carcutter/dto.js";
import { type Image, imageFromDto } from "./image.model.js";

/**
 * Sends any number of photos to CarCutter, 60 per call, one call after another, and accounts for
 * every URL (through the submission ledger, see submitImagesInChunks). Submissions are billed and not idempotent, so nothing here is ever retried: a call
 * whose outcome is unclear is reported as UNKNOWN, and later chunks are held back once the
 * upstream is refusing (no credits) or failing.
 */

export const SUBMISSION_OUTCOMES = [
  "ACCEPTED",
  "ALREADY_SUBMITTED",
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
    case "UPSTREAM_UNAVAILABLE":
      // An open circuit means the call was never made; a 5xx or reset may have been processed.
      return {
        outcome: error.extensions.circuit === "open" ? "FAILED" : "UNKNOWN",
        stop: true,
        error: summary,
      };
    default:
      // Timeouts, rate limits after the call was made, malformed answers: processed or not, we
      // cannot tell, and resubmitting could bill twice.
      return { outcome: "UNKNOWN", stop: true, error: summary };
  }
}

export interface SubmissionDeps {
  carcutter: Pick<CarCutterClient, "submitImages" | "imageStatuses">;
  ledger: SubmissionLedger;
  /** Where CarCutter calls back on every change; without it, the poller is the fallback. */
  webhook?: { url: string; authKey: string } | undefined;
  now?: () => Date;
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
  licensePlate?: Blob | undefined;
  background?: Blob | undefined;
  overlay?: Blob | undefined;
}

/**
 * Submits photos (see submitImagesInChunks). Refused outright for lack of credits (nothing else
 * happened), it throws CreditsExceededError; a refusal of a later batch comes back per URL, so
 * what was accepted is not lost.
 */
export async function submitImages(
  deps: SubmissionDeps,
  input: SubmitImagesInput,
): Promise<SubmittedImage[]> {
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
  const refused = results.every((r) => r.outcome === "NO_CREDITS" || r.outcome === "NOT_SENT");
  if (refused && results.some((r) => r.outcome === "NO_CREDITS")) throw new CreditsExceededError();
  return results;
}

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

/** Settles URLs CarCutter lists as ACCEPTED and the others as `otherwise`; answers the listed. */
async function settleFromStatus(
  ledger: SubmissionLedger,
  urls: readonly string[],
  known: ReadonlyMap<string, ImageStatusDto>,
  otherwise: LedgerState,
  at: Date,
): Promise<string[]> {
  const processed = urls.filter((url) => known.has(url));
  await ledger.settle(processed, "ACCEPTED", at);
  await ledger.settle(
    urls.filter((url) => !known.has(url)),
    otherwise,
    at,
  );
  return processed;
}

/**
 * Sends photos to CarCutter through the submission ledger:
 * - a photo already submitted through this gateway and not failed is not sent again unless
 *   `force` (ALREADY_SUBMITTED); an earlier submission whose outcome is open (PENDING after a
 *   crash, UNKNOWN after a timeout) is first settled from the status endpoint, never by
 *   resubmitting: if CarCutter knows the photo, it was processed;
 * - each chunk of 60 is recorded (durably) before its call and settled after it;
 * - a call whose outcome is unknown is settled at once from the status endpoint when CarCutter
 *   already lists the photos; otherwise it stays UNKNOWN until the next attempt settles it.
 */
export async function submitImagesInChunks(
  deps: SubmissionDeps,
  urls: readonly string[],
  input: SubmissionInput,
  force = false,
): Promise<SubmittedImage[]> {
  const now = deps.now ?? (() => new Date());
  const outcomes = new Map<string, SubmittedImage>();
  const earlier = await deps.ledger.get(urls);

  if (!force) {
    const open = urls.filter((url) => {
      const state = earlier.get(url)?.state;
      return state === "PENDING" || state === "UNKNOWN";
    });
    if (open.length > 0) {
      const known = await knownToCarCutter(deps, open);
      if (known) {
        // Listed: it was processed. Not listed: the earlier call never arrived, so send it now.
        const processed = await settleFromStatus(deps.ledger, open, known, "FAILED", now());
        for (const url of processed) {
          const entry = earlier.get(url);
          if (entry) earlier.set(url, { ...entry, state: "ACCEPTED" });
        }
        for (const url of open.filter((u) => !known.has(u))) earlier.delete(url);
      } else {
        for (const url of open) {
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
  let held: SubmissionError | null = null;
  for (let start = 0; start < toSend.length; start += MAX_IMAGE_URLS_PER_CALL) {
    const chunk = toSend.slice(start, start + MAX_IMAGE_URLS_PER_CALL);
    if (held) {
      for (const url of chunk)
        outcomes.set(url, { url, outcome: "NOT_SENT", image: null, error: held });
      continue;
    }
    const submittedAt = now();
    await deps.ledger.record(
      chunk.map((url) => ({ url, vehicleId: input.vehicleId, options })),
      submittedAt,
    );
    const accepted = (dto: ImageStatusDto): SubmittedImage => ({
      url: dto.image,
      outcome: "ACCEPTED",
      image: imageFromDto(dto, { vehicleId: input.vehicleId, submittedAt }),
      error: null,
    });
    try {
      const dtos = await deps.carcutter.submitImages({ ...input, urls: chunk });
      const byUrl = new Map(dtos.map((dto) => [dto.image, dto]));
      const listed = chunk.filter((url) => byUrl.has(url));
      await deps.ledger.settle(listed, "ACCEPTED", now());
      for (const url of chunk) {
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
      await deps.ledger.settle(
        chunk.filter((url) => !byUrl.has(url)),
        "UNKNOWN",
        now(),
      );
    } catch (error) {
      const { outcome, stop, error: summary } = classify(error);
      if (outcome === "UNKNOWN") {
        // Perhaps processed, perhaps not: ask, never resubmit.
        const known = (await knownToCarCutter(deps, chunk)) ?? new Map<string, ImageStatusDto>();
        // Not listed yet may still mean "arriving": it stays open for the next attempt to settle.
        await settleFromStatus(deps.ledger, chunk, known, "UNKNOWN", now());
        for (const url of chunk) {
          const dto = known.get(url);
          outcomes.set(url, dto ? accepted(dto) : { url, outcome, image: null, error: summary });
        }
      } else {
        await deps.ledger.settle(chunk, outcome === "REJECTED" ? "REJECTED" : "FAILED", now());
        for (const url of chunk) outcomes.set(url, { url, outcome, image: null, error: summary });
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
