import {
  type BytesResult,
  type UpstreamCallObserver,
  UpstreamHttp,
  type UpstreamHttpOptions,
} from "../http.js";
import { defaultHttpSettings, type HttpSettings } from "../settings.js";
import {
  type CutTypeValue,
  deletedFeaturesResponseDto,
  type FeatureDto,
  featureCreatedResponseDto,
  featuresResponseDto,
  type ImageStatusDto,
  imageStatusResponseDto,
  MAX_IMAGE_URLS_PER_CALL,
  type PROCESSING_SPEEDS,
  type RETOUCHING_ACCURACIES,
  shotlistResponseDto,
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
 * Idempotency, which decides retries: reads, vehicle upserts (keyed on vehicle_id) and deletes are
 * retried; image submissions and feature creations are never sent twice, whatever the failure (a
 * retried submission is processed and billed again).
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
  // Plain (not #private) fields: withObserver's clients inherit them through their prototype.
  private readonly customer: string;
  private readonly observer: UpstreamCallObserver | undefined;

  constructor(options: CarCutterClientOptions) {
    this.http = options.http;
    this.customer = options.customer;
    this.observer = undefined;
  }

  /**
   * This client, with every call also reported to `observe` (one event per HTTP attempt; an
   * image submission's events carry its image count as `units`). Cheap enough for each request:
   * the result inherits from this client, so it shares its pool, breaker and settings. A second
   * withObserver replaces the first observer.
   */
  withObserver(observe: UpstreamCallObserver): CarCutterClient {
    const observed = Object.create(this) as CarCutterClient;
    Object.defineProperty(observed, "observer", { value: observe });
    return observed;
  }

  /** `GET /vehicle/image/status` for 1..60 URLs; a URL never submitted comes back `unknown`. */
  async imageStatuses(urls: readonly string[], signal?: AbortSignal): Promise<ImageStatusDto[]> {
    checkUrlCount(urls);
    const body = await this.http.json({
      method: "GET",
      path: "/vehicle/image/status",
      query: urls.map((url) => ["image_url", url] as const),
      schema: imageStatusResponseDto,
      idempotent: true,
      ...opt(signal, this.observer),
    });
    return body.data.images;
  }

  /** `POST /vehicle/image/submission` (multipart), 1..60 URLs. Billed; never retried. */
  async submitImages(req: SubmitImagesRequest, signal?: AbortSignal): Promise<ImageStatusDto[]> {
    checkUrlCount(req.urls);
    const form = new FormData();
    for (const url of req.urls) form.append("image_url", url);
    appendAll(form, [
      ["vehicle_id", req.vehicleId],
      ["cut_type", req.cutType],
      ["guideline_id", req.guidelineId],
      ["location_id", req.locationId],
      ["processing_speed", req.processingSpeed],
      ["retouching_accuracy", req.retouchingAccuracy],
      ["webhook_url", req.webhookUrl],
      ["webhook_response_auth_key", req.webhookAuthKey],
      ["custom_json", req.customJson],
      ["scene_id", req.sceneId],
      ["license_plate", req.licensePlate],
      ["background", req.background],
      ["overlay", req.overlay],
    ]);
    const body = await this.http.json({
      method: "POST",
      path: "/vehicle/image/submission",
      form,
      schema: imageStatusResponseDto,
      idempotent: false,
      // CarCutter bills each image of a submission.
      units: req.urls.length,
      ...opt(signal, this.observer),
    });
    return body.data.images;
  }

  /**
   * `GET /vehicle/image/result`: the processed picture. 404 (never submitted, still processing or
   * failed) is UPSTREAM_NOT_FOUND; 410 (the result expired) is UPSTREAM_GONE.
   */
  imageResult(url: string, signal?: AbortSignal): Promise<BytesResult> {
    return this.http.bytes({
      method: "GET",
      path: "/vehicle/image/result",
      query: [["image_url", url]],
      idempotent: true,
      ...opt(signal, this.observer),
    });
  }

  /** `POST /vehicle/submission` (multipart): creates or updates; status goes back to `new`. */
  async upsertVehicle(fields: VehicleUpsertRequest, signal?: AbortSignal): Promise<VehicleDto> {
    const form = new FormData();
    appendAll(form, [
      ["vehicle_id", fields.vehicleId],
      ["vehicle_manufacturer", fields.manufacturer],
      ["vehicle_model", fields.model],
      ["vehicle_model_ext", fields.modelExtension],
      ["vehicle_color", fields.color],
      ["vehicle_location", fields.location],
      ["vehicle_lot", fields.lot],
      ["custom_reference", fields.customReference],
      ["suggested_guideline_id", fields.suggestedGuidelineId],
    ]);
    const body = await this.http.json({
      method: "POST",
      path: "/vehicle/submission",
      form,
      schema: vehicleResponseDto,
      idempotent: true,
      ...opt(signal, this.observer),
    });
    return body.vehicle;
  }

  /** `GET /vehicle/status`; null when CarCutter has no such vehicle. */
  async vehicle(vehicleId: string, signal?: AbortSignal): Promise<VehicleDto | null> {
    const body = await this.http.json({
      method: "GET",
      path: "/vehicle/status",
      query: [["vehicle_id", vehicleId]],
      schema: vehicleResponseDto,
      idempotent: true,
      notFoundAsNull: true,
      ...opt(signal, this.observer),
    });
    return body?.vehicle ?? null;
  }

  /** `POST /vehicle/list` (JSON) for the configured customer; a read, so retried. */
  listVehicles(req: VehicleListQuery, signal?: AbortSignal): Promise<VehicleDto[]> {
    const payload: VehicleListRequestDto = { ...req, customer: this.customer };
    return this.http.json({
      method: "POST",
      path: "/vehicle/list",
      jsonBody: payload,
      schema: vehicleListResponseDto,
      idempotent: true,
      ...opt(signal, this.observer),
    });
  }

  /** `GET /vehicle/shotlist`: every vehicle with status `new`. */
  async shotlist(signal?: AbortSignal): Promise<VehicleDto[]> {
    const body = await this.http.json({
      method: "GET",
      path: "/vehicle/shotlist",
      schema: shotlistResponseDto,
      idempotent: true,
      ...opt(signal, this.observer),
    });
    return body.vehicles;
  }

  /** `DELETE /vehicle/delete` (soft: status `deleted`); null when there is no such vehicle. */
  async deleteVehicle(vehicleId: string, signal?: AbortSignal): Promise<VehicleDto | null> {
    const body = await this.http.json({
      method: "DELETE",
      path: "/vehicle/delete",
      query: [["vehicle_id", vehicleId]],
      schema: vehicleResponseDto,
      idempotent: true,
      notFoundAsNull: true,
      ...opt(signal, this.observer),
    });
    return body?.vehicle ?? null;
  }

  /** `POST /vehicle/feature/submission` (multipart); never retried. Answers the new feature_id. */
  async createFeature(req: FeatureCreateRequest, signal?: AbortSignal): Promise<string> {
    const form = new FormData();
    appendAll(form, [
      ["vehicle_id", req.vehicleId],
      ["title", req.title],
      ["icon", req.icon],
      ["type", req.type],
      ["description", req.description],
      ["feature_rule_name", req.ruleName],
      ["annotation_id", req.annotationId],
      ["detail_image_id", req.detailImageId],
    ]);
    const body = await this.http.json({
      method: "POST",
      path: "/vehicle/feature/submission",
      form,
      schema: featureCreatedResponseDto,
      idempotent: false,
      ...opt(signal, this.observer),
    });
    return body.feature_id;
  }

  /** `GET /vehicle/features` of one vehicle. */
  async features(vehicleId: string, signal?: AbortSignal): Promise<FeatureDto[]> {
    const body = await this.http.json({
      method: "GET",
      path: "/vehicle/features",
      query: [["vehicle_id", vehicleId]],
      schema: featuresResponseDto,
      idempotent: true,
      ...opt(signal, this.observer),
    });
    return body.features;
  }

  /** `GET /vehicle/feature`; null when there is no such feature. */
  async feature(featureId: string, signal?: AbortSignal): Promise<FeatureDto | null> {
    const body = await this.http.json({
      method: "GET",
      path: "/vehicle/feature",
      query: [["feature_id", featureId]],
      schema: featuresResponseDto,
      idempotent: true,
      notFoundAsNull: true,
      ...opt(signal, this.observer),
    });
    return body?.features[0] ?? null;
  }

  /** `DELETE /vehicle/feature/delete`; null when there is no such feature. */
  async deleteFeature(featureId: string, signal?: AbortSignal): Promise<DeletedFeature[] | null> {
    const body = await this.http.json({
      method: "DELETE",
      path: "/vehicle/feature/delete",
      query: [["feature_id", featureId]],
      schema: deletedFeaturesResponseDto,
      idempotent: true,
      notFoundAsNull: true,
      ...opt(signal, this.observer),
    });
    return body?.deleted_features ?? null;
  }

  /** `DELETE /vehicle/features/delete`: every feature of one vehicle (none: an empty list). */
  async deleteVehicleFeatures(vehicleId: string, signal?: AbortSignal): Promise<DeletedFeature[]> {
    const body = await this.http.json({
      method: "DELETE",
      path: "/vehicle/features/delete",
      query: [["vehicle_id", vehicleId]],
      schema: deletedFeaturesResponseDto,
      idempotent: true,
      ...opt(signal, this.observer),
    });
    return body.deleted_features;
  }
}

export interface CreateCarCutterClientOptions extends Partial<HttpSettings> {
  baseUrl: string;
  token: string;
  customer: string;
  onCall?: NonNullable<UpstreamHttpOptions["onCall"]>;
  random?: () => number;
}

/** Builds the UpstreamHttp (Bearer auth, defaults from settings.ts) and the client over it. */
export function createCarCutterClient(options: CreateCarCutterClientOptions): CarCutterClient {
  const { baseUrl, token, customer, ...rest } = options;
  const http = new UpstreamHttp({
    ...defaultHttpSettings("carcutter"),
    ...rest,
    upstream: "carcutter",
    baseUrl,
    headers: { authorization: `Bearer ${token}` },
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

/** Appends the fields that are set; files get a name after their field. */
function appendAll(form: FormData, fields: ReadonlyArray<readonly [string, FormValue]>): void {
  for (const [name, value] of fields) {
    if (value === undefined || value === "") continue;
    if (typeof value === "string") form.append(name, value);
    else form.append(name, value, `${name}${extensionOf(value.type)}`);
  }
}

function extensionOf(contentType: string): string {
  if (contentType === "image/png") return ".png";
  if (contentType === "image/jpeg") return ".jpg";
  return "";
}

const opt = (signal: AbortSignal | undefined, observe: UpstreamCallObserver | undefined) => ({
  ...(signal === undefined ? {} : { signal }),
  ...(observe === undefined ? {} : { observe }),
});
