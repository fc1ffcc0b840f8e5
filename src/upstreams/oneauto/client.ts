import { isUpstreamError, UpstreamError } from "../../errors.js";
import {
  type QueryParams,
  type UpstreamCallObserver,
  UpstreamHttp,
  type UpstreamHttpOptions,
} from "../http.js";
import { defaultHttpSettings, type HttpSettings } from "../settings.js";
import {
  type ImageBackground,
  identificationResponseDto,
  imageFromIdResponseDto,
  imageSearchResponseDto,
  type StockVehicleDto,
} from "./dto.js";

/**
 * OneAutoAPI vehicle imagery as typed methods over UpstreamHttp. Every call is a GET, so every
 * call is idempotent and retried on outages (only a 200 is billed). A 200 whose envelope says
 * `success: false` fails the DTO and is UPSTREAM_CONTRACT.
 */

export interface StockSearchQuery {
  manufacturer: string;
  modelRange: string;
  year: number;
  derivative?: string;
  bodyType?: string;
}

export interface ImageLinkQuery {
  imageId: string;
  /** A generic colour such as "Black"; the default picture when left out. */
  colour?: string;
  background?: ImageBackground;
  /** Undocumented: fall back to a default picture instead of failing on a colour with none. */
  ignoreIssues?: boolean;
}

export interface OneAutoClientOptions {
  http: UpstreamHttp;
}

const COLOUR_NOT_FOUND = "requested color not found";

/**
 * OneAuto has no picture of this image in the requested colour (its 400 "Requested color not
 * found for this car"). An UpstreamError (code UPSTREAM_BAD_REQUEST, status 400), so it reaches a
 * client intact when nobody handles it; callers that can do better catch it by class, e.g. to
 * ask again with `ignoreIssues` or to offer the colours that have pictures.
 */
export class ColourNotFoundError extends UpstreamError {
  readonly imageId: string;
  readonly colour: string;

  constructor(cause: UpstreamError, query: { imageId: string; colour: string }) {
    super({
      code: "UPSTREAM_BAD_REQUEST",
      upstream: cause.upstream,
      operation: cause.operation,
      status: 400,
      message: `OneAuto has no stock photo of image ${JSON.stringify(query.imageId)} in colour ${JSON.stringify(query.colour)}; ask for another colour, or for the default picture.`,
      ...(cause.upstreamDetail === undefined ? {} : { detail: cause.upstreamDetail }),
    });
    this.name = "ColourNotFoundError";
    this.imageId = query.imageId;
    this.colour = query.colour;
  }
}

export class OneAutoClient {
  /** The request path underneath: for readiness (`circuitState()`) and shutdown (`close()`). */
  readonly http: UpstreamHttp;
  // Plain (not #private) members: withObserver's clients inherit them through their prototype.
  private readonly observer: UpstreamCallObserver | undefined;

  constructor(options: OneAutoClientOptions) {
    this.http = options.http;
    this.observer = undefined;
  }

  /**
   * This client, with every call also reported to `observe` (one event per HTTP attempt). Cheap
   * enough for each request: the result inherits from this client, so it shares its pool, breaker
   * and settings. A second withObserver replaces the first observer.
   */
  withObserver(observe: UpstreamCallObserver): OneAutoClient {
    const observed = Object.create(this) as OneAutoClient;
    Object.defineProperty(observed, "observer", { value: observe });
    return observed;
  }

  /** `GET /vehicleimagery/imagesearch` (free): the vehicles matching a make, model and year. */
  async search(q: StockSearchQuery, signal?: AbortSignal): Promise<StockVehicleDto[]> {
    const query: [string, string][] = [
      ["manufacturer_desc", q.manufacturer],
      ["model_range_desc", q.modelRange],
      ["manufactured_year", String(q.year)],
    ];
    if (q.derivative) query.push(["derivative_desc", q.derivative]);
    if (q.bodyType) query.push(["body_type_desc", q.bodyType]);
    const body = await this.http.json({
      method: "GET",
      path: "/vehicleimagery/imagesearch",
      query,
      schema: imageSearchResponseDto,
      idempotent: true,
      noContentAsNull: true,
      ...opt(signal, this.observer),
    });
    return body?.result ?? [];
  }

  /** `GET /vehicleimagery/imagesearchfromvin/` (paid); an unknown VIN (204) is []. */
  searchByVin(vin: string, signal?: AbortSignal): Promise<StockVehicleDto[]> {
    return this.identify(
      "/vehicleimagery/imagesearchfromvin/",
      [["vehicle_identification_number", vin]],
      signal,
    );
  }

  /** `GET /vehicleimagery/imagesearchfromvrm/` (paid, UK plates); an unknown VRM (204) is []. */
  searchByRegistration(vrm: string, signal?: AbortSignal): Promise<StockVehicleDto[]> {
    return this.identify(
      "/vehicleimagery/imagesearchfromvrm/",
      [["vehicle_registration_mark", vrm]],
      signal,
    );
  }

  /**
   * `GET /vehicleimagery/imagefromid` (15p per call): a signed link valid for 7 days from its
   * X-Amz-Date. An unknown image id (204) is null; a colour without a picture throws
   * ColourNotFoundError.
   */
  async imageLink(q: ImageLinkQuery, signal?: AbortSignal): Promise<string | null> {
    const query: [string, string][] = [["image_id", q.imageId]];
    if (q.colour) query.push(["generic_colour_desc", q.colour]);
    if (q.background) query.push(["image_background", q.background]);
    if (q.ignoreIssues) query.push(["ignore_issues", "true"]);
    try {
      const body = await this.http.json({
        method: "GET",
        path: "/vehicleimagery/imagefromid",
        query,
        schema: imageFromIdResponseDto,
        idempotent: true,
        noContentAsNull: true,
        ...opt(signal, this.observer),
      });
      return body?.result.image_url ?? null;
    } catch (error) {
      if (
        isUpstreamError(error) &&
        error.status === 400 &&
        q.colour &&
        error.upstreamDetail?.toLowerCase().includes(COLOUR_NOT_FOUND)
      ) {
        throw new ColourNotFoundError(error, { imageId: q.imageId, colour: q.colour });
      }
      throw error;
    }
  }

  private async identify(
    path: string,
    query: QueryParams,
    signal: AbortSignal | undefined,
  ): Promise<StockVehicleDto[]> {
    const body = await this.http.json({
      method: "GET",
      path,
      query,
      schema: identificationResponseDto,
      idempotent: true,
      noContentAsNull: true,
      ...opt(signal, this.observer),
    });
    return body?.result.images ?? [];
  }
}

export interface CreateOneAutoClientOptions extends Partial<HttpSettings> {
  baseUrl: string;
  apiKey: string;
  onCall?: NonNullable<UpstreamHttpOptions["onCall"]>;
  random?: () => number;
}

/** Builds the UpstreamHttp (`x-api-key`, defaults from settings.ts) and the client over it. */
export function createOneAutoClient(options: CreateOneAutoClientOptions): OneAutoClient {
  const { baseUrl, apiKey, ...rest } = options;
  const http = new UpstreamHttp({
    ...defaultHttpSettings("oneauto"),
    ...rest,
    upstream: "oneauto",
    baseUrl,
    headers: { "x-api-key": apiKey },
  });
  return new OneAutoClient({ http });
}

const opt = (signal: AbortSignal | undefined, observe: UpstreamCallObserver | undefined) => ({
  ...(signal === undefined ? {} : { signal }),
  ...(observe === undefined ? {} : { observe }),
});

/** The OneAuto reads the graph makes; a cache (src/cache/cached-oneauto.ts) can stand in front. */
export type OneAutoReads = Pick<
  OneAutoClient,
  "search" | "searchByVin" | "searchByRegistration" | "imageLink"
>;
