import { z } from "zod";
import { defineOperations } from "../operation.js";

/**
 * CarCutter's wire format. The emulator builds its answers from these types and the gateway parses
 * every upstream body with these schemas, so both sides agree on one definition.
 *
 * Enum-like fields are plain strings here: the provider warns that new status, phase and quality
 * values may appear, and an unseen value must reach the mapping layer (→ UNKNOWN), not fail parsing.
 * The documented values are listed beside each schema.
 */

// biome-ignore format: a list of words reads better on a line
export const IMAGE_STATUSES = [
  "processing", "undefined", "raw", "final", "error", "expired", "unknown",
] as const;
export type ImageStatusValue = (typeof IMAGE_STATUSES)[number];

// biome-ignore format: a list of words reads better on a line
export const IMAGE_PHASES = [
  "unknown", "downloading", "analyzing", "cutting", "qa-ing", "retouching", "ready",
] as const;
export type ImagePhaseValue = (typeof IMAGE_PHASES)[number];

export const IMAGE_QUALITIES = ["ok", "retake"] as const;
export type ImageQualityValue = (typeof IMAGE_QUALITIES)[number];

export const CUT_TYPES = ["complete", "normal", "blur", "none"] as const;
export type CutTypeValue = (typeof CUT_TYPES)[number];

export const PROCESSING_SPEEDS = ["normal", "lazy"] as const;
export const RETOUCHING_ACCURACIES = ["normal", "precise"] as const;

export const VEHICLE_APP_STATUSES = ["new", "active", "deleted"] as const;
export type VehicleAppStatusValue = (typeof VEHICLE_APP_STATUSES)[number];

/**
 * CarCutter's operations. Reads, vehicle upserts (keyed on vehicle_id) and deletes may be sent
 * again; image submissions, feature creations and cuts never are (a retried submission is
 * processed and billed again). CarCutter bills every image of an accepted submission, and a cut.
 */
export const CARCUTTER = defineOperations("carcutter", {
  submitImages: ["POST /vehicle/image/submission", { billed: "carcutterImage" }],
  imageStatuses: ["GET /vehicle/image/status"],
  imageResult: ["GET /vehicle/image/result"],
  upsertVehicle: ["POST /vehicle/submission", { idempotent: true }],
  vehicle: ["GET /vehicle/status", { absentOn: 404 }],
  listVehicles: ["POST /vehicle/list", { idempotent: true, read: true }],
  shotlist: ["GET /vehicle/shotlist"],
  deleteVehicle: ["DELETE /vehicle/delete", { absentOn: 404 }],
  createFeature: ["POST /vehicle/feature/submission"],
  features: ["GET /vehicle/features"],
  feature: ["GET /vehicle/feature", { absentOn: 404 }],
  deleteFeature: ["DELETE /vehicle/feature/delete", { absentOn: 404 }],
  deleteVehicleFeatures: ["DELETE /vehicle/features/delete"],
  cutSingleSegment: ["POST /vehicle/composition/single-segment", { billed: "carcutterImage" }],
});

/** The most image URLs one submission or status call may carry. */
export const MAX_IMAGE_URLS_PER_CALL = 60;

export const imageStatusDto = z.object({
  /** The URL the image was submitted with: an image's only identity. */
  image: z.string(),
  angle: z.array(z.string()).nullish(),
  status: z.string(),
  phase: z.string().nullish(),
  quality: z.string().nullish(),
});
export type ImageStatusDto = z.infer<typeof imageStatusDto>;

/** Answer of image submission and image status; also the body the emulator's webhooks carry. */
export const imageStatusResponseDto = z.object({
  data: z.object({ images: z.array(imageStatusDto) }),
});
export type ImageStatusResponseDto = z.infer<typeof imageStatusResponseDto>;

/**
 * Multipart field names on the wire, by the client's name for each: an image submission's text
 * fields and files, a vehicle's descriptive fields (what an upsert may set), a feature's fields.
 */
// biome-ignore format: a table reads better in columns
export const SUBMISSION_FIELDS = {
  vehicleId: "vehicle_id", cutType: "cut_type", guidelineId: "guideline_id",
  locationId: "location_id", processingSpeed: "processing_speed",
  retouchingAccuracy: "retouching_accuracy", webhookUrl: "webhook_url",
  webhookAuthKey: "webhook_response_auth_key", customJson: "custom_json", sceneId: "scene_id",
} as const;
// biome-ignore format: a table reads better in columns
export const SUBMISSION_FILES = {
  licensePlate: "license_plate", background: "background", overlay: "overlay",
} as const;
// biome-ignore format: a table reads better in columns
export const VEHICLE_DETAILS = {
  manufacturer: "vehicle_manufacturer", model: "vehicle_model", modelExtension: "vehicle_model_ext",
  color: "vehicle_color", location: "vehicle_location", lot: "vehicle_lot",
  customReference: "custom_reference", suggestedGuidelineId: "suggested_guideline_id",
} as const;
// biome-ignore format: a table reads better in columns
export const FEATURE_FIELDS = {
  vehicleId: "vehicle_id", title: "title", icon: "icon", type: "type", description: "description",
  ruleName: "feature_rule_name", annotationId: "annotation_id", detailImageId: "detail_image_id",
} as const;

type WireNames<T extends Record<string, string>> = T[keyof T];
export type SubmissionTextField = WireNames<typeof SUBMISSION_FIELDS>;
export type SubmissionFileField = WireNames<typeof SUBMISSION_FILES>;
export type VehicleDetailField = WireNames<typeof VEHICLE_DETAILS>;
export const VEHICLE_DETAIL_FIELDS = Object.values(VEHICLE_DETAILS);

export const VEHICLE_FIELDS = [
  "vehicle_id",
  "app_status",
  "app_status_updated",
  ...VEHICLE_DETAIL_FIELDS,
] as const;
export type VehicleField = (typeof VEHICLE_FIELDS)[number];

/** Every field but `vehicle_id` may be missing. */
export const vehicleDto = z.object({
  vehicle_id: z.string(),
  app_status: z.string().nullish(),
  /** `YYYY/MM/DD, HH:MM:SS`; the zone is unpublished and taken as UTC. */
  app_status_updated: z.string().nullish(),
  vehicle_manufacturer: z.string().nullish(),
  vehicle_model: z.string().nullish(),
  vehicle_model_ext: z.string().nullish(),
  vehicle_color: z.string().nullish(),
  vehicle_location: z.string().nullish(),
  vehicle_lot: z.string().nullish(),
  custom_reference: z.string().nullish(),
  suggested_guideline_id: z.string().nullish(),
});
export type VehicleDto = z.infer<typeof vehicleDto>;

export const vehicleResponseDto = z.object({ vehicle: vehicleDto });
export const vehicleListResponseDto = z.array(vehicleDto);
export const shotlistResponseDto = z.object({ vehicles: z.array(vehicleDto) });

/** Body of `POST /vehicle/list`. */
export const vehicleListRequestDto = z.object({
  customer: z.string().min(1),
  filters: z
    .array(
      z.object({
        column: z.string(),
        values: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])),
      }),
    )
    .optional(),
  sort_by: z.literal("last_update").optional(),
  sort_direction: z.enum(["ASC", "DESC"]).optional(),
  limit: z.number().int().min(1).optional(),
  offset: z.number().int().min(0).optional(),
});
export type VehicleListRequestDto = z.infer<typeof vehicleListRequestDto>;

export const featureDto = z.object({
  feature_id: z.string(),
  vehicle_id: z.string(),
  title: z.string(),
  description: z.string().nullish(),
  icon: z.string(),
  type: z.string(),
  feature_rule_name: z.string().nullish(),
  annotation_id: z.string().nullish(),
  detail_image_id: z.string().nullish(),
});
export type FeatureDto = z.infer<typeof featureDto>;

export const featuresResponseDto = z.object({ features: z.array(featureDto) });
export const featureCreatedResponseDto = z.object({ feature_id: z.string() });
/** The contract says deleted features come back whole; ids alone are tolerated too. */
export const deletedFeaturesResponseDto = z.object({
  deleted_features: z.array(z.union([featureDto, z.string()])),
});

/** Documented as `{code, message}`; seen live nested under `error`. */
export const errorResponseDto = z.union([
  z.object({ code: z.number(), message: z.string() }),
  z.object({ error: z.object({ code: z.number(), message: z.string() }) }),
]);
export type ErrorResponseDto = z.infer<typeof errorResponseDto>;

const TIMESTAMP = /^(\d{4})\/(\d{2})\/(\d{2}), (\d{2}):(\d{2}):(\d{2})$/;

/** Formats epoch milliseconds the way CarCutter writes `app_status_updated` (UTC). */
export function formatCarCutterTimestamp(epochMs: number): string {
  const d = new Date(epochMs);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}, ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** Reads `YYYY/MM/DD, HH:MM:SS` as UTC; undefined when the text is in any other form. */
export function parseCarCutterTimestamp(text: string): Date | undefined {
  const m = TIMESTAMP.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Date.UTC rolls 2024/02/31 over to March; a rolled date was not a real timestamp.
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60
    ? date
    : undefined;
}
