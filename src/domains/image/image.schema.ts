import { z } from "zod";
import { brandedLoadOne, builder, describedValues } from "../../builder.js";
import {
  callsTo,
  type FieldCost,
  PHOTOS_PER_VEHICLE,
  STATUS_BATCH,
} from "../../cost/cost-estimate.js";
import { InputValidationError } from "../../domain-errors.js";
import { messageOf } from "../../errors.js";
import { parseHttpUrl } from "../../http-url.js";
import type { SubmissionLedger } from "../../ledger/ledger.js";
import { entityKey } from "../entity-key.js";
import { VehicleRef } from "../vehicle/vehicle.schema.js";
import type { ImageLoaders } from "./image.loaders.js";
import {
  IMAGE_PHASES,
  IMAGE_QUALITIES,
  IMAGE_STATUSES,
  type Image,
  isResultAvailable,
} from "./image.model.js";

/**
 * Reading photos' status: the Image type and its enums, `Vehicle.images`, `image` and `images`.
 * Submitting photos lives in image-submission.schema.ts, live status in image-updates.schema.ts.
 */

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
  // What resolving one representation of it in `_entities` costs (subgraph mode): a status key.
  extensions: { cost: { batch: STATUS_BATCH } satisfies FieldCost },
  loadOne: brandedLoadOne("Image", (url: string, ctx) => ctx.loaders.imageStatusByUrl.load(url)),
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
      extensions: { cost: callsTo("carcutter") },
      description:
        "The vehicle the photo was submitted for, when this gateway saw the submission (CarCutter's status does not say).",
      resolve: (image, _, ctx) =>
        image.vehicleId ? ctx.loaders.vehicleById.load(image.vehicleId) : null,
    }),
  }),
});

/** An image's key as its URL scalar parses it: the exact string, checked, never normalised. */
const imageUrl = z.string().transform((value, ctx) => {
  try {
    return parseHttpUrl(value);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: messageOf(error) });
    return z.NEVER;
  }
});

/**
 * Subgraph mode (FEDERATION=true): a photo is referenced by its URL, and the router's
 * representations join the operation's status batch, 60 URLs per CarCutter call.
 */
builder.asEntity(ImageRef, {
  key: builder.selection<{ url: string }>("url"),
  resolveReference: async (ref, ctx) =>
    ctx.loaders.imageStatusByUrl.load(entityKey("Image", "url", imageUrl, ref.url)),
});

builder.objectField(VehicleRef, "images", (t) =>
  t.field({
    type: [ImageRef],
    // The ledger's photos of the vehicle, their statuses batched with every other in the operation.
    extensions: {
      cost: {
        batch: STATUS_BATCH,
        listSize: { assumedSize: PHOTOS_PER_VEHICLE },
      } satisfies FieldCost,
    },
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

/**
 * Whether the vehicle has a processed photo of its own (RAW or FINAL) among those submitted through
 * this gateway: read through the request's loaders, so beside `images` in the same operation it
 * costs no further call. A status that cannot be read does not count.
 */
export async function hasProcessedPhoto(
  vehicleId: string,
  ledger: SubmissionLedger,
  statuses: ImageLoaders["imageStatusByUrl"],
): Promise<boolean> {
  const entries = await ledger.byVehicle(vehicleId);
  const images = await statuses.loadMany(entries.map((e) => e.url));
  return images.some(
    (image) => image !== null && !(image instanceof Error) && isResultAvailable(image.status),
  );
}

const URL_LIST_EMPTY = "must name at least one URL";
const URL_LIST_LONG = `at most ${MAX_URLS_PER_LIST} URLs per list`;

export const urlList = z
  .array(z.string())
  .min(1, URL_LIST_EMPTY)
  .max(MAX_URLS_PER_LIST, URL_LIST_LONG);

/**
 * urlList's rule on the read path, where `validate` costs what the read does not: the validation
 * plugin maps a list argument item by item and zod copies it, some 50 KB for 60 URLs whose items
 * the URL scalar has already checked. Refused with the same error `validate` gives.
 */
function checkUrlList(urls: readonly string[]): void {
  const problem =
    urls.length === 0 ? URL_LIST_EMPTY : urls.length > MAX_URLS_PER_LIST ? URL_LIST_LONG : null;
  if (problem !== null) throw new InputValidationError([{ path: ["urls"], message: problem }]);
}

builder.queryFields((t) => ({
  image: t.field({
    extensions: { cost: { batch: STATUS_BATCH } satisfies FieldCost },
    type: ImageRef,
    nullable: true,
    description: "Live status of one photo; null when CarCutter does not list it.",
    args: { url: t.arg({ type: "URL", description: "The URL the photo was submitted with." }) },
    resolve: (_, args, ctx) => ctx.loaders.imageStatusByUrl.load(args.url),
  }),
  images: t.field({
    type: [ImageRef],
    extensions: {
      cost: {
        batch: STATUS_BATCH,
        listSize: { assumedSize: 1, slicingArguments: ["urls"] },
      } satisfies FieldCost,
    },
    // Nullable as a whole too: a field that fails must not take the rest of the answer with it.
    nullable: { list: true, items: true },
    description:
      "Live status of many photos, in the order given (null where CarCutter does not list one). Costs one upstream call per 60 distinct URLs in the whole operation.",
    args: {
      urls: t.arg({
        type: ["URL"],
        description: `The photos' URLs (1 to ${MAX_URLS_PER_LIST}).`,
      }),
    },
    resolve: (_, args, ctx) => {
      checkUrlList(args.urls);
      // An item per URL, batched 60 to a call: a failed batch fails only its own items, each with
      // its error, and under @stream each batch's statuses are sent as that batch answers.
      return args.urls.map((url) => ctx.loaders.imageStatusByUrl.load(url));
    },
  }),
}));
