import { isUpstreamError } from "../../errors.js";
import type { CarCutterClient, SubmitImagesRequest } from "../../upstreams/carcutter/client.js";
import { MAX_IMAGE_URLS_PER_CALL } from "../../upstreams/carcutter/dto.js";
import { type Image, imageFromDto } from "./image.model.js";

/**
 * Sends any number of photos to CarCutter, 60 per call, one call after another, and accounts for
 * every URL. Submissions are billed and not idempotent, so nothing here is ever retried: a call
 * whose outcome is unclear is reported as UNKNOWN, and later chunks are held back once the
 * upstream is refusing (no credits) or failing.
 */

export const SUBMISSION_OUTCOMES = [
  "ACCEPTED",
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

export async function submitImagesInChunks(
  carcutter: CarCutterClient,
  urls: readonly string[],
  input: SubmissionInput,
  signal: AbortSignal,
  now: () => Date = () => new Date(),
): Promise<SubmittedImage[]> {
  const results: SubmittedImage[] = [];
  let held: SubmissionError | null = null;
  for (let start = 0; start < urls.length; start += MAX_IMAGE_URLS_PER_CALL) {
    const chunk = urls.slice(start, start + MAX_IMAGE_URLS_PER_CALL);
    if (held) {
      for (const url of chunk) {
        results.push({ url, outcome: "NOT_SENT", image: null, error: held });
      }
      continue;
    }
    try {
      const submittedAt = now();
      const dtos = await carcutter.submitImages({ ...input, urls: chunk }, signal);
      const byUrl = new Map(dtos.map((dto) => [dto.image, dto]));
      for (const url of chunk) {
        const dto = byUrl.get(url);
        results.push(
          dto
            ? {
                url,
                outcome: "ACCEPTED",
                image: imageFromDto(dto, { vehicleId: input.vehicleId, submittedAt }),
                error: null,
              }
            : {
                url,
                outcome: "UNKNOWN",
                image: null,
                error: {
                  code: "UPSTREAM_CONTRACT",
                  message:
                    "CarCutter accepted the call but did not list this photo; check its status.",
                },
              },
        );
      }
    } catch (error) {
      const { outcome, stop, error: summary } = classify(error);
      for (const url of chunk) results.push({ url, outcome, image: null, error: summary });
      if (stop) {
        held = {
          code: "NOT_SENT",
          message: `Not sent because an earlier batch failed (${summary.code}); submit these photos again once that is resolved.`,
        };
      }
    }
  }
  return results;
}
