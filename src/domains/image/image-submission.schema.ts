import { z } from "zod";
import { builder, describedValues, ErrorInterface } from "../../builder.js";
import { type FieldCost, STATUS_BATCH } from "../../cost/cost-estimate.js";
import {
  CreditsExceededError,
  IdempotencyKeyInProgressError,
  IdempotencyKeyReusedError,
  InputValidationError,
} from "../../domain-errors.js";
import { isRgbaPng } from "../../png.js";
import type { CutTypeValue } from "../../upstreams/carcutter/dto.js";
import { ImageRef, MAX_URLS_PER_LIST, urlList } from "./image.schema.js";
import {
  SUBMISSION_OUTCOMES,
  type SubmissionError,
  type SubmittedImage,
  submitImages,
} from "./image-submission.js";

/** `Mutation.submitImages`: photos sent for processing, each with its outcome. */

/** Deeper documents are someone's stack overflow, not a submission's notes. */
const MAX_CUSTOM_JSON_DEPTH = 32;

/** How deeply arrays and objects nest in `value`, stopping once past the limit. */
function depthOf(value: unknown, depth = 0): number {
  if (depth > MAX_CUSTOM_JSON_DEPTH || value === null || typeof value !== "object") return depth;
  let deepest = depth + 1;
  for (const member of Object.values(value)) {
    deepest = Math.max(deepest, depthOf(member, depth + 1));
    if (deepest > MAX_CUSTOM_JSON_DEPTH) break;
  }
  return deepest;
}

const CutTypeEnum = builder.enumType("CutType", {
  description: "How CarCutter cuts the vehicle out.",
  values: {
    COMPLETE: { value: "complete", description: "Complete cut." },
    NORMAL: { value: "normal", description: "Normal cut." },
    BLUR: { value: "blur", description: "Background blurred." },
    NONE: { value: "none", description: "No cut." },
  } satisfies Record<Uppercase<CutTypeValue>, { value: CutTypeValue; description: string }>,
});

const ProcessingSpeedEnum = builder.enumType("ProcessingSpeed", {
  description: "Processing priority.",
  values: {
    NORMAL: { value: "normal", description: "Normal speed." },
    LAZY: { value: "lazy", description: "Slower, when there is no rush." },
  },
});

const RetouchingAccuracyEnum = builder.enumType("RetouchingAccuracy", {
  description: "How carefully results are retouched.",
  values: {
    NORMAL: { value: "normal", description: "Normal accuracy." },
    PRECISE: { value: "precise", description: "Precise retouching." },
  },
});

const ImageProcessingInput = builder.inputType("ImageProcessingInput", {
  description: "How to process the photos: exactly one of a cut type or a guideline.",
  isOneOf: true,
  fields: (t) => ({
    cutType: t.field({ type: CutTypeEnum, required: false, description: "A cut type." }),
    guidelineId: t.string({
      required: false,
      description: "A shooting guideline (sets cut type and scene).",
      validate: z.string().min(1, "must not be empty").max(256),
    }),
  }),
});

const text = z.string().min(1, "must not be empty; omit the field instead").max(256);

const SubmitImagesInput = builder.inputType("SubmitImagesInput", {
  description: "Photos of one vehicle to process. Every submitted photo is billed by CarCutter.",
  fields: (t) => ({
    vehicleId: t.string({
      description: "The vehicle the photos show (usually its VIN).",
      validate: z.string().trim().min(1, "must not be empty").max(128, "at most 128 characters"),
    }),
    urls: t.field({
      type: ["URL"],
      description: `Photo URLs, distinct, 1 to ${MAX_URLS_PER_LIST}; sent 60 per upstream call.`,
      validate: urlList.refine((urls) => new Set(urls).size === urls.length, {
        message: "must not repeat a URL (each repeat would be billed again)",
      }),
    }),
    processing: t.field({ type: ImageProcessingInput, description: "Cut type or guideline." }),
    locationId: t.string({ required: false, description: "CarCutter location.", validate: text }),
    sceneId: t.string({
      required: false,
      description: "Scene to place the vehicle in.",
      validate: text,
    }),
    processingSpeed: t.field({
      type: ProcessingSpeedEnum,
      required: false,
      description: "Priority.",
    }),
    retouchingAccuracy: t.field({
      type: RetouchingAccuracyEnum,
      required: false,
      description: "Retouching accuracy.",
    }),
    customJson: t.field({
      type: "JSON",
      required: false,
      description: "Your own data, stored with the submission (at most 64 KiB as JSON).",
      validate: z
        .unknown()
        .refine((v) => depthOf(v) <= MAX_CUSTOM_JSON_DEPTH, {
          message: `at most ${MAX_CUSTOM_JSON_DEPTH} levels of nesting`,
        })
        .refine((v) => JSON.stringify(v).length <= 65_536, {
          message: "at most 64 KiB once serialised",
        }),
    }),
    force: t.boolean({
      required: false,
      defaultValue: false,
      description:
        "Process (and pay for) photos again that this gateway already submitted and that did not fail. Without it they are answered ALREADY_SUBMITTED and not sent.",
    }),
    idempotencyKey: t.string({
      required: false,
      description:
        "Your key for this submission (e.g. a UUID made when the user pressed Upload): send it again when you retry, and the first answer comes back instead of a second submission, for 24 hours, restarts included. The same key with a different input is refused.",
      validate: z
        .string()
        .min(8, "at least 8 characters; a UUID is a good key")
        .max(255, "at most 255 characters"),
    }),
    licensePlate: t.field({
      type: "File",
      required: false,
      description: "License plate overlay: an RGBA PNG.",
    }),
    background: t.field({ type: "File", required: false, description: "Background: an RGBA PNG." }),
    overlay: t.field({ type: "File", required: false, description: "Overlay: an RGBA PNG." }),
  }),
});

const SubmissionOutcomeEnum = builder.enumType("SubmissionOutcome", {
  description: "What happened to one submitted photo.",
  values: describedValues(SUBMISSION_OUTCOMES, {
    ACCEPTED: "CarCutter accepted the photo and will process (and bill) it.",
    ALREADY_SUBMITTED:
      "Not sent: this gateway already submitted the photo and it did not fail (see its status). Pass force: true to process and pay for it again.",
    IN_PROGRESS:
      "Not sent: another request is submitting this photo right now (a double click, a retry, another instance). Its status, or that request's answer, tells how it went; it is billed once.",
    REJECTED: "CarCutter refused the batch's input (HTTP 400); not processed, not billed.",
    NO_CREDITS: "CarCutter refused for lack of credits (HTTP 402); not processed.",
    FAILED:
      "The call was refused before processing (credentials, rate limit) or never left this gateway (connection refused, open circuit, this gateway's cap of calls per second); not processed, not billed. Submit it again once the cause is resolved; no force is needed.",
    UNKNOWN:
      "The call failed in a way that leaves the outcome unknown (timeout, reset, 5xx); it may have been processed and billed. It was not retried: check the photo's status before resubmitting.",
    NOT_SENT: "Not sent because an earlier batch failed.",
  }),
});

const SubmissionErrorRef = builder.objectRef<SubmissionError>("SubmissionError").implement({
  description: "Why a photo was not accepted.",
  fields: (t) => ({
    code: t.exposeString("code", {
      description: "A stable reason, e.g. UPSTREAM_CREDITS_EXCEEDED.",
    }),
    message: t.exposeString("message", { description: "What went wrong and what to do." }),
  }),
});

const SubmittedImageRef = builder.objectRef<SubmittedImage>("SubmittedImage").implement({
  description: "One photo of a submission and its outcome.",
  fields: (t) => ({
    url: t.expose("url", { type: "URL", description: "The photo's URL." }),
    outcome: t.expose("outcome", { type: SubmissionOutcomeEnum, description: "What happened." }),
    image: t.field({
      type: ImageRef,
      nullable: true,
      // A photo already submitted: its live status, batched with the others.
      extensions: { cost: { batch: STATUS_BATCH } satisfies FieldCost },
      description:
        "Its status: as CarCutter answered, when accepted; its live status, when already submitted.",
      resolve: (result, _, ctx) =>
        result.image ??
        (result.outcome === "ALREADY_SUBMITTED"
          ? ctx.loaders.imageStatusByUrl.load(result.url)
          : null),
    }),
    error: t.expose("error", {
      type: SubmissionErrorRef,
      nullable: true,
      description: "Why it was not accepted.",
    }),
  }),
});

interface SubmitImagesPayload {
  results: SubmittedImage[];
}

const count = (payload: SubmitImagesPayload, outcome: SubmittedImage["outcome"]) =>
  payload.results.filter((r) => r.outcome === outcome).length;

const SubmitImagesPayloadRef = builder
  .objectRef<SubmitImagesPayload>("SubmitImagesPayload")
  .implement({
    description: "Every submitted photo with its outcome, in the order given.",
    fields: (t) => ({
      results: t.expose("results", {
        type: [SubmittedImageRef],
        description: "One entry per URL.",
      }),
      accepted: t.int({
        description: "Photos accepted (and billed).",
        resolve: (p) => count(p, "ACCEPTED"),
      }),
      notAccepted: t.int({
        description: "Photos not accepted, whatever the reason.",
        resolve: (p) => p.results.length - count(p, "ACCEPTED"),
      }),
    }),
  });

builder.objectType(IdempotencyKeyReusedError, {
  name: "IdempotencyKeyReusedError",
  description: "The idempotency key was first used with another input; nothing was submitted.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof IdempotencyKeyReusedError,
  fields: (t) => ({
    firstUsedAt: t.expose("firstUsedAt", {
      type: "DateTime",
      description: "When the key was first used (keys are kept 24 hours).",
    }),
  }),
});

builder.objectType(IdempotencyKeyInProgressError, {
  name: "IdempotencyKeyInProgressError",
  description:
    "The first request with this idempotency key is still running; nothing was submitted again.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof IdempotencyKeyInProgressError,
  fields: (t) => ({
    retryAfterSeconds: t.exposeInt("retryAfterSeconds", {
      description: "When to retry with the same key for the first request's answer.",
    }),
  }),
});

builder.mutationFields((t) => ({
  submitImages: t.field({
    // 60 photos per submission call, and at worst as many status calls to settle them.
    extensions: {
      cost: {
        batch: { group: "submission", upstream: "carcutter", size: 30 },
        listSize: { assumedSize: 1, slicingArguments: ["input.urls"] },
      } satisfies FieldCost,
    },
    type: SubmitImagesPayloadRef,
    description:
      "Submits photos of a vehicle for processing, 60 per upstream call, and reports every URL's outcome. Never retried automatically: CarCutter bills each submission.",
    errors: {
      types: [
        InputValidationError,
        CreditsExceededError,
        IdempotencyKeyReusedError,
        IdempotencyKeyInProgressError,
      ],
      directResult: true,
      union: {
        name: "SubmitImagesResult",
        description:
          "Every photo's outcome, or why nothing was submitted (invalid input, no credits, an idempotency key reused or still running).",
      },
    },
    args: {
      input: t.arg({ type: SubmitImagesInput, description: "The photos and how to process them." }),
    },
    resolve: async (_, { input }, ctx) => {
      const [licensePlate, background, overlay] = await Promise.all([
        readUpload("licensePlate", input.licensePlate, ctx.maxUploadBytes),
        readUpload("background", input.background, ctx.maxUploadBytes),
        readUpload("overlay", input.overlay, ctx.maxUploadBytes),
      ]);
      const results = await submitImages(ctx, { ...input, licensePlate, background, overlay });
      for (const result of results) {
        if (result.image) ctx.loaders.imageStatusByUrl.prime(result.url, result.image);
      }
      return { results };
    },
  }),
}));

/** Reads an upload and checks it against CarCutter's rules, naming the field when it fails. */
async function readUpload(
  field: string,
  file: File | null | undefined,
  maxBytes: number,
): Promise<Blob | undefined> {
  if (!file) return undefined;
  const path = ["input", field];
  if (file.size === 0) throw new InputValidationError([{ path, message: "must not be empty" }]);
  if (file.size > maxBytes) {
    throw new InputValidationError([
      { path, message: `at most ${maxBytes} bytes, got ${file.size}` },
    ]);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!isRgbaPng(bytes)) {
    throw new InputValidationError([
      { path, message: "must be a PNG with an alpha channel (RGBA)" },
    ]);
  }
  return new Blob([bytes], { type: "image/png" });
}
