import type { z } from "zod";
import type { UpstreamDialect } from "../failures.js";
import {
  type BytesResult,
  type CallScope,
  type RequestSpec,
  scopedJsonCall,
  UpstreamHttp,
  type UpstreamHttpOptions,
} from "../http.js";
import type { UpstreamOperation } from "../operation.js";
import { defaultHttpSettings, type HttpSettings } from "../settings.js";
import {
  CARCUTTER,
  type CutTypeValue,
  deletedFeaturesResponseDto,
  errorResponseDto,
  FEATURE_FIELDS,
  type FeatureDto,
  featureCreatedResponseDto,
  featuresResponseDto,
  type ImageStatusDto,
  imageStatusResponseDto,
  MAX_IMAGE_URLS_PER_CALL,
  type PROCESSING_SPEEDS,
  type RETOUCHING_ACCURACIES,
  SUBMISSION_FIELDS,
  SUBMISSION_FILES,
  shotlistResponseDto,
  VEHICLE_DETAILS,
  type VehicleDto,
  type VehicleListRequestDto,
  vehicleListResponseDto,
  vehicleResponseDto,
} from "./dto.js";

/**
 * CarCutter's API as typed methods over UpstreamHttp. Request fields are camelCase here and
 * snake_case on the wire; optional fields are sent only when set (an empty string counts as unset):
 * the provider asks for non-mandatory parameters to be left out, and its emulator refuses empty ones.
 *
 * Each method calls the operation of the same name in CARCUTTER (dto.ts), which says whether it
 * is retried and billed.
 */

export type ProcessingSpeedValue = (typeof PROCESSING_SPEEDS)[number];
export type RetouchingAccuracyValue = (typeof RETOUCHING_ACCURACIES)[number];

export interface SubmitImagesRequest {
  /** 1 to 60 image URLs; each URL is the image's identity from then on. */
  urls: readonly string[];
  vehicleId: string;
  /** Give cutType or guidelineId (or both). */
  cutType?: CutTypeValue;
  guidelineId?: string;
  locationId?: string;
  processingSpeed?: ProcessingSpeedValue;
  retouchingAccuracy?: RetouchingAccuracyValue;
  webhookUrl?: string;
  webhookAuthKey?: string;
  /** A JSON document, as text. */
  customJson?: string;
  sceneId?: string;
  /** RGBA PNG. */
  licensePlate?: Blob;
  /** RGBA image. */
  background?: Blob;
  /** RGBA PNG. */
  overlay?: Blob;
}

export interface VehicleUpsertRequest {
  /** Use the VIN where there is one. */
  vehicleId: string;
  manufacturer?: string;
  model?: string;
  modelExtension?: string;
  color?: string;
  location?: string;
  lot?: string;
  customReference?: string;
  suggestedGuidelineId?: string;
}

export interface FeatureCreateRequest {
  vehicleId: string;
  /** Hover text. */
  title: string;
  icon: string;
  /** e.g. text, doc, href */
  type: string;
  description?: string;
  ruleName?: string;
  annotationId?: string;
  detailImageId?: string;
}

/** A deleted feature: whole, as documented, or only its id, as tolerated. */
export type DeletedFeature = FeatureDto | string;

export type VehicleListQuery = Omit<VehicleListRequestDto, "customer">;

export interface CarCutterClientOptions {
  http: UpstreamHttp;
  /** The CarCutter user id sent as `customer` to the vehicle list. */
  customer: string;
}

type FormValue = string | Blob | undefined;

export class CarCutterClient {
  /** The request path underneath: for readiness (`circuitState()`) and shutdown (`close()`). */
  readonly http: UpstreamHttp;
  readonly #customer: string;
  readonly #scope: CallScope;

  constructor(options: CarCutterClientOptions, scope: CallScope = {}) {
    this.http = options.http;
    this.#customer = options.customer;
    this.#scope = scope;
  }

  /**
   * This client for one request: every call carries the request's signal and reports to its
   * observer (one event per HTTP attempt; a submission's events carry its image count as
   * `units`). Shares this client's pool, breaker and settings; the scope replaces any before it.
   */
  forRequest(scope: CallScope): CarCutterClient {
    return new CarCutterClient({ http: this.http, customer: this.#customer }, scope);
  }

  /** 1..60 URLs; a URL never submitted comes back `unknown`. */
  async imageStatuses(urls: readonly string[]): Promise<ImageStatusDto[]> {
    checkUrlCount(urls);
    const query = urls.map((url) => ["image_url", url] as const);
    return (await this.#call(CARCUTTER.imageStatuses, imageStatusResponseDto, { query })).data
      .images;
  }

  /** Multipart, 1..60 URLs. Billed per image; never retried. */
  async submitImages(req: SubmitImagesRequest): Promise<ImageStatusDto[]> {
    checkUrlCount(req.urls);
    const form = formOf([
      ...req.urls.map((url) => ["image_url", url] as const),
      ...wireFields({ ...SUBMISSION_FIELDS, ...SUBMISSION_FILES }, req),
    ]);
    const units = req.urls.length;
    return (await this.#call(CARCUTTER.submitImages, imageStatusResponseDto, { form, units })).data
      .images;
  }

  /**
   * The processed picture. 404 (never submitted, still processing or failed) is
   * UPSTREAM_NOT_FOUND; 410 (the result expired) is UPSTREAM_GONE.
   */
  imageResult(url: string): Promise<BytesResult> {
    return this.http.bytes({
      operation: CARCUTTER.imageResult,
      query: [["image_url", url]],
      ...this.#scope,
    });
  }

  /** Multipart: creates or updates; status goes back to `new`. */
  async upsertVehicle(fields: VehicleUpsertRequest): Promise<VehicleDto> {
    const form = formOf([["vehicle_id", fields.vehicleId], ...wireFields(VEHICLE_DETAILS, fields)]);
    return (await this.#call(CARCUTTER.upsertVehicle, vehicleResponseDto, { form })).vehicle;
  }

  /** Null when CarCutter has no such vehicle. */
  async vehicle(vehicleId: string): Promise<VehicleDto | null> {
    const query = [["vehicle_id", vehicleId]] as const;
    return (await this.#call(CARCUTTER.vehicle, vehicleResponseDto, { query }))?.vehicle ?? null;
  }

  /** JSON, for the configured customer; a read, so retried. */
  listVehicles(req: VehicleListQuery): Promise<VehicleDto[]> {
    const jsonBody: VehicleListRequestDto = { ...req, customer: this.#customer };
    return this.#call(CARCUTTER.listVehicles, vehicleListResponseDto, { jsonBody });
  }

  /** Every vehicle with status `new`. */
  async shotlist(): Promise<VehicleDto[]> {
    return (await this.#call(CARCUTTER.shotlist, shotlistResponseDto, {})).vehicles;
  }

  /** Soft: status `deleted`; null when there is no such vehicle. */
  async deleteVehicle(vehicleId: string): Promise<VehicleDto | null> {
    const query = [["vehicle_id", vehicleId]] as const;
    const body = await this.#call(CARCUTTER.deleteVehicle, vehicleResponseDto, { query });
    return body?.vehicle ?? null;
  }

  /** Multipart; never retried. Answers the new feature_id. */
  async createFeature(req: FeatureCreateRequest): Promise<string> {
    const form = formOf(wireFields(FEATURE_FIELDS, req));
    return (await this.#call(CARCUTTER.createFeature, featureCreatedResponseDto, { form }))
      .feature_id;
  }

  /** The features of one vehicle. */
  async features(vehicleId: string): Promise<FeatureDto[]> {
    const query = [["vehicle_id", vehicleId]] as const;
    return (await this.#call(CARCUTTER.features, featuresResponseDto, { query })).features;
  }

  /** Null when there is no such feature. */
  async feature(featureId: string): Promise<FeatureDto | null> {
    const query = [["feature_id", featureId]] as const;
    return (
      (await this.#call(CARCUTTER.feature, featuresResponseDto, { query }))?.features[0] ?? null
    );
  }

  /** Null when there is no such feature. */
  async deleteFeature(featureId: string): Promise<DeletedFeature[] | null> {
    const query = [["feature_id", featureId]] as const;
    const body = await this.#call(CARCUTTER.deleteFeature, deletedFeaturesResponseDto, { query });
    return body?.deleted_features ?? null;
  }

  /** Every feature of one vehicle (none: an empty list). */
  async deleteVehicleFeatures(vehicleId: string): Promise<DeletedFeature[]> {
    const query = [["vehicle_id", vehicleId]] as const;
    const op = CARCUTTER.deleteVehicleFeatures;
    return (await this.#call(op, deletedFeaturesResponseDto, { query })).deleted_features;
  }

  /** One JSON call of `operation`, in this client's scope; nullable only where it declares so. */
  #call<O extends UpstreamOperation, T>(
    operation: O,
    schema: z.ZodType<T>,
    request: Omit<RequestSpec, "operation">,
  ): Promise<O extends { absentOn: number } ? T | null : T> {
    return this.http.json(scopedJsonCall(this.#scope, operation, schema, request)) as Promise<
      O extends { absentOn: number } ? T | null : T
    >;
  }
}

export interface CreateCarCutterClientOptions extends Partial<HttpSettings> {
  baseUrl: string;
  token: string;
  customer: string;
  onCall?: NonNullable<UpstreamHttpOptions["onCall"]>;
  random?: () => number;
  throttle?: UpstreamHttpOptions["throttle"];
  onFailure?: UpstreamHttpOptions["onFailure"];
  inFlight?: UpstreamHttpOptions["inFlight"];
}

/** CarCutter's error envelope and what to check when it refuses the gateway. */
export const carCutterDialect: UpstreamDialect = {
  errorMessage(json) {
    const parsed = errorResponseDto.safeParse(json);
    if (!parsed.success) return undefined;
    return "error" in parsed.data ? parsed.data.error.message : parsed.data.message;
  },
  unauthorizedAdvice: "check CARCUTTER_API_TOKEN",
  forbiddenAdvice: "check that CARCUTTER_CUSTOMER belongs to the account of CARCUTTER_API_TOKEN",
};

/** Builds the UpstreamHttp (Bearer auth, defaults from settings.ts) and the client over it. */
export function createCarCutterClient(options: CreateCarCutterClientOptions): CarCutterClient {
  const { baseUrl, token, customer, ...rest } = options;
  const http = new UpstreamHttp({
    ...defaultHttpSettings("carcutter"),
    ...rest,
    upstream: "carcutter",
    baseUrl,
    headers: { authorization: `Bearer ${token}` },
    dialect: carCutterDialect,
  });
  return new CarCutterClient({ http, customer });
}

function checkUrlCount(urls: readonly string[]): void {
  if (urls.length < 1 || urls.length > MAX_IMAGE_URLS_PER_CALL) {
    throw new RangeError(
      `CarCutter takes 1 to ${MAX_IMAGE_URLS_PER_CALL} image URLs per call, got ${urls.length}`,
    );
  }
}

/** `values` as [wire name, value] pairs, in the order of `names` (client name → wire name). */
function wireFields<T extends object>(
  names: Readonly<Partial<Record<keyof T & string, string>>>,
  values: T,
): Array<readonly [string, FormValue]> {
  const keys = Object.keys(names) as (keyof T & string)[];
  return keys.map((key) => [names[key] ?? key, values[key] as FormValue]);
}

/** A multipart form of the fields that are set; files get a name after their field. */
function formOf(fields: ReadonlyArray<readonly [string, FormValue]>): FormData {
  const form = new FormData();
  for (const [name, value] of fields) {
    if (value === undefined || value === "") continue;
    if (typeof value === "string") form.append(name, value);
    else form.append(name, value, `${name}${extensionOf(value.type)}`);
  }
  return form;
}

function extensionOf(contentType: string): string {
  if (contentType === "image/png") return ".png";
  if (contentType === "image/jpeg") return ".jpg";
  return "";
}
