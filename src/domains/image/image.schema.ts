import { z } from "zod";
import { builder, describedValues } from "../../builder.js";
import { CreditsExceededError, InputValidationError } from "../../domain-errors.js";
import { isRgbaPng } from "../../png.js";
import type { CutTypeValue } from "../../upstreams/carcutter/dto.js";
import { VehicleRef } from "../vehicle/vehicle.schema.js";
import {
  IMAGE_PHASES,
  IMAGE_QUALITIES,
  IMAGE_STATUSES,
  type Image,
  isResultAvailable,
} from "./image.model.js";
import {
  SUBMISSION_OUTCOMES,
  type SubmissionError,
  type SubmittedImage,
  submitImagesInChunks,
} from "./image-submission.js";

/** Most URLs one `images` or `submitImages` list may name (each 60 cost one upstream call). */
export const MAX_URLS_PER_LIST = 600;

export const ImageStatusEnum = builder.enumType("ImageStatus", {
  description: "Processing status of a photo at CarCutter.",
  values: describedValues(IMAGE_STATUSES, {
    PROCESSING: "Being processed; see phase.",
    UNDEFINED: "CarCutter reports the status as undefined.",
    RAW: "A raw cut is available (result can be fetched); final quality assurance pending.",
    FINAL: "Processing finished; the final result is available. Terminal.",
    ERROR: "Processing failed; the photo cannot be processed as submitted. Terminal.",
    EXPIRED: "The result was deleted after CarCutter's retention period. Terminal.",
    UNKNOWN:
      "CarCutter does not know the photo, or reported a status added after this gateway was built.",
  }),
});

const ImagePhaseEnum = builder.enumType("ImagePhase", {
  description: "Step of CarCutter's processing pipeline.",
  values: describedValues(IMAGE_PHASES, {
    UNKNOWN: "Not known, or a phase added after this gateway was built.",
    DOWNLOADING: "Fetching the photo from its URL.",
    ANALYZING: "Recognising the vehicle and angle.",
    CUTTING: "Cutting the vehicle out.",
    QA_ING: "Quality assurance.",
    RETOUCHING: "Retouching.",
    READY: "Done.",
  }),
});

const ImageQualityEnum = builder.enumType("ImageQuality", {
  description: "CarCutter's verdict on the photo.",
  values: describedValues(IMAGE_QUALITIES, {
    OK: "Usable.",
    RETAKE: "Should be photographed again.",
    UNKNOWN: "A verdict added after this gateway was built.",
  }),
});

export const ImageRef = builder.objectRef<Image>("Image");

builder.node(ImageRef, {
  description:
    "A photo submitted to CarCutter. Its identity is the exact URL it was submitted with.",
  id: { resolve: (image) => image.url, description: "Global id of the photo (from its URL)." },
  loadOne: (url, ctx) => ctx.loaders.imageStatusByUrl.load(url),
  fields: (t) => ({
    url: t.expose("url", { type: "URL", description: "The URL the photo was submitted with." }),
    status: t.expose("status", { type: ImageStatusEnum, description: "Processing status." }),
    phase: t.expose("phase", {
      type: ImagePhaseEnum,
      nullable: true,
      description: "Pipeline step.",
    }),
    quality: t.expose("quality", {
      type: ImageQualityEnum,
      nullable: true,
      description: "Quality verdict; null until CarCutter gives one.",
    }),
    angle: t.exposeStringList("angle", {
      description: 'Recognised angle, up to two levels, e.g. ["exterior", "side-left"].',
    }),
    resultAvailable: t.boolean({
      description: "Whether a processed result can be fetched (status RAW or FINAL).",
      resolve: (image) => isResultAvailable(image.status),
    }),
    resultUrl: t.field({
      type: "URL",
      nullable: true,
      description:
        "A signed, expiring link to the processed photo, served by this gateway (usable in <img>); null until a result is available.",
      resolve: (image, _, ctx) =>
        isResultAvailable(image.status) ? ctx.results.linkFor(image.url) : null,
    }),
    submittedAt: t.expose("submittedAt", {
      type: "DateTime",
      nullable: true,
      description:
        "When this gateway submitted the photo; null when it did not see the submission.",
    }),
    vehicle: t.field({
      type: VehicleRef,
      nullable: true,
      description:
        "The vehicle the photo was submitted for, when this gateway saw the submission (CarCutter's status does not say).",
      resolve: (image, _, ctx) =>
        image.vehicleId ? ctx.loaders.vehicleById.load(image.vehicleId) : null,
    }),
  }),
});

builder.objectField(VehicleRef, "images", (t) =>
  t.field({
    type: [ImageRef],
    nullable: { list: true, items: true },
    description:
      "The photos submitted for this vehicle through this gateway (CarCutter cannot list them; the submission ledger does), oldest first, with live status, batched like images(urls). Null items where a status could not be read.",
    args: {
      status: t.arg({
        type: [ImageStatusEnum],
        required: false,
        description: "Only photos in one of these statuses.",
      }),
    },
    resolve: async (vehicle, args, ctx) => {
      const entries = await ctx.ledger.byVehicle(vehicle.vehicleId);
      const images = await ctx.loaders.imageStatusByUrl.loadMany(entries.map((e) => e.url));
      const wanted = args.status ? new Set(args.status) : undefined;
      // Photos whose status could not be read are kept (as errors): the filter cannot judge them.
      const matches = (image: (typeof images)[number]) =>
        !wanted || image === null || image instanceof Error || wanted.has(image.status);
      return images
        .filter(matches)
        .map((image) => (image instanceof Error ? Promise.reject(image) : image));
    },
  }),
);

const urlList = z
  .array(z.string())
  .min(1, "must name at least one URL")
  .max(MAX_URLS_PER_LIST, `at most ${MAX_URLS_PER_LIST} URLs per list`);

builder.queryFields((t) => ({
  image: t.field({
    type: ImageRef,
    nullable: true,
    description: "Live status of one photo; null when CarCutter does not list it.",
    args: { url: t.arg({ type: "URL", description: "The URL the photo was submitted with." }) },
    resolve: (_, args, ctx) => ctx.loaders.imageStatusByUrl.load(args.url),
  }),
  images: t.field({
    type: [ImageRef],
    // Nullable as a whole too: a field that fails must not take the rest of the answer with it.
    nullable: { list: true, items: true },
    description:
      "Live status of many photos, in the order given (null where CarCutter does not list one). Costs one upstream call per 60 distinct URLs in the whole operation.",
    args: {
      urls: t.arg({
        type: ["URL"],
        description: `The photos' URLs (1 to ${MAX_URLS_PER_LIST}).`,
        validate: urlList,
      }),
    },
    resolve: async (_, args, ctx) =>
      // A failed batch fails only its own items, each with its error.
      (await ctx.loaders.imageStatusByUrl.loadMany(args.urls)).map((item) =>
        item instanceof Error ? Promise.reject(item) : item,
      ),
  }),
}));

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
      validate: z.unknown().refine((v) => JSON.stringify(v).length <= 65_536, {
        message: "at most 64 KiB once serialised",
      }),
    }),
    force: t.boolean({
      required: false,
      defaultValue: false,
      description:
        "Process (and pay for) photos again that this gateway already submitted and that did not fail. Without it they are answered ALREADY_SUBMITTED and not sent.",
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
    REJECTED: "CarCutter refused the batch's input (HTTP 400); not processed, not billed.",
    NO_CREDITS: "CarCutter refused for lack of credits (HTTP 402); not processed.",
    FAILED:
      "The call was refused before processing (credentials, rate limit, open circuit); not processed.",
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

builder.mutationFields((t) => ({
  submitImages: t.field({
    type: SubmitImagesPayloadRef,
    description:
      "Submits photos of a vehicle for processing, 60 per upstream call, and reports every URL's outcome. Never retried automatically: CarCutter bills each submission.",
    errors: {
      types: [InputValidationError, CreditsExceededError],
      directResult: true,
      union: {
        name: "SubmitImagesResult",
        description:
          "Every photo's outcome, or why nothing was submitted (invalid input, no credits).",
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
      const results = await submitImagesInChunks(
        { carcutter: ctx.carcutter, ledger: ctx.ledger },
        input.urls,
        {
          vehicleId: input.vehicleId,
          // CarCutter calls back on every change; without a public URL the poller is the fallback.
          ...(ctx.webhook
            ? { webhookUrl: ctx.webhook.url, webhookAuthKey: ctx.webhook.authKey }
            : {}),
          ...(input.processing.cutType ? { cutType: input.processing.cutType } : {}),
          ...(input.processing.guidelineId ? { guidelineId: input.processing.guidelineId } : {}),
          ...(input.locationId ? { locationId: input.locationId } : {}),
          ...(input.sceneId ? { sceneId: input.sceneId } : {}),
          ...(input.processingSpeed ? { processingSpeed: input.processingSpeed } : {}),
          ...(input.retouchingAccuracy ? { retouchingAccuracy: input.retouchingAccuracy } : {}),
          ...(input.customJson !== null && input.customJson !== undefined
            ? { customJson: JSON.stringify(input.customJson) }
            : {}),
          ...(licensePlate ? { licensePlate } : {}),
          ...(background ? { background } : {}),
          ...(overlay ? { overlay } : {}),
        },
        input.force ?? false,
      );
      // Refused outright for credits (nothing else happened), a typed error says it best. A
      // refusal of a later batch comes back per URL, so what was accepted is not lost.
      const refused = results.every((r) => r.outcome === "NO_CREDITS" || r.outcome === "NOT_SENT");
      if (refused && results.some((r) => r.outcome === "NO_CREDITS")) {
        throw new CreditsExceededError();
      }
      for (const result of results) {
        if (result.image) ctx.loaders.imageStatusByUrl.prime(result.url, result.image);
      }
      return { results };
    },
  }),
}));
