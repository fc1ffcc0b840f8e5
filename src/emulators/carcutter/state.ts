import type {
  FeatureDto,
  ImageStatusDto,
  SubmissionFileField,
  SubmissionTextField,
  VehicleAppStatusValue,
  VehicleDetailField,
  VehicleDto,
} from "../../upstreams/carcutter/dto.js";
import { formatCarCutterTimestamp, VEHICLE_DETAIL_FIELDS } from "../../upstreams/carcutter/dto.js";
import type { Clock } from "../clock.js";
import { type ImageOutcome, type ImageState, imageStateAt } from "./lifecycle.js";
import type { WebhookTarget } from "./webhooks.js";

/**
 * Everything one CarCutter account holds, in memory: images by URL, the submissions that brought
 * them, vehicles, features and the credit balance. The routes change it; tests read it.
 */

export interface StoredUpload {
  bytes: number;
  /** Hex sha256 of the content: tests compare what arrived with what was sent. */
  sha256: string;
  filename: string;
  contentType: string;
}

/** One accepted image submission, as it arrived. */
export interface StoredSubmission {
  /** 1, 2, 3… in order of arrival (seeded ones first). */
  id: number;
  receivedAt: number;
  /** Distinct URLs in request order. */
  imageUrls: readonly string[];
  creditsCharged: number;
  seeded: boolean;
  fields: Readonly<Partial<Record<SubmissionTextField, string>>>;
  uploads: Readonly<Partial<Record<SubmissionFileField, StoredUpload>>>;
}

/** The latest submission of one URL: a resubmission replaces it and restarts the lifecycle. */
export interface ImageRecord {
  url: string;
  submissionId: number;
  submittedAt: number;
  lazy: boolean;
  outcome: ImageOutcome;
  angle: readonly [string, string];
  webhook?: WebhookTarget;
  /** `status/phase` of the last webhook sent for this record. */
  lastNotified?: string;
}

export interface VehicleRecord {
  vehicleId: string;
  appStatus: VehicleAppStatusValue;
  /** When `app_status` last changed (epoch ms); `app_status_updated` shows it to the second. */
  updatedAt: number;
  details: Partial<Record<VehicleDetailField, string>>;
}

export const FEATURE_OPTIONAL_FIELDS = [
  "description",
  "feature_rule_name",
  "annotation_id",
  "detail_image_id",
] as const;

export interface StateOptions {
  clock: Clock;
  stepMs: number;
  retentionMs: number;
  credits: number;
}

export class CarCutterState {
  readonly clock: Clock;
  readonly stepMs: number;
  readonly retentionMs: number;
  credits: number;
  readonly images = new Map<string, ImageRecord>();
  readonly submissions: StoredSubmission[] = [];
  readonly vehicles = new Map<string, VehicleRecord>();
  /** Insertion order is creation order, which listing keeps. */
  readonly features = new Map<string, FeatureDto>();

  constructor(options: StateOptions) {
    this.clock = options.clock;
    this.stepMs = options.stepMs;
    this.retentionMs = options.retentionMs;
    this.credits = options.credits;
  }

  imageState(record: ImageRecord, now = this.clock.now()): ImageState {
    return imageStateAt({
      submittedAt: record.submittedAt,
      now,
      stepMs: this.stepMs,
      lazy: record.lazy,
      retentionMs: this.retentionMs,
      outcome: record.outcome,
    });
  }

  /** The status of any URL; one never submitted is `unknown` with no angle. */
  imageStatus(url: string, now = this.clock.now()): ImageStatusDto {
    const record = this.images.get(url);
    if (!record)
      return { image: url, angle: [], status: "unknown", phase: "unknown", quality: null };
    return imageStatusOf(record, this.imageState(record, now));
  }

  nextSubmissionId(): number {
    return this.submissions.length + 1;
  }
}

export function imageStatusOf(record: ImageRecord, state: ImageState): ImageStatusDto {
  return {
    image: record.url,
    angle: [...record.angle],
    status: state.status,
    phase: state.phase,
    quality: state.quality,
  };
}

/** Unset details are left out rather than sent as null, as the API does. */
export function vehicleDtoOf(record: VehicleRecord): VehicleDto {
  const dto: VehicleDto = {
    vehicle_id: record.vehicleId,
    app_status: record.appStatus,
    app_status_updated: formatCarCutterTimestamp(record.updatedAt),
  };
  for (const field of VEHICLE_DETAIL_FIELDS) {
    const value = record.details[field];
    if (value !== undefined) dto[field] = value;
  }
  return dto;
}
