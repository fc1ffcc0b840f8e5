import type { z } from "zod";
import { isUpstreamError, UpstreamError } from "../../errors.js";
import type { UpstreamDialect } from "../failures.js";
import {
  type CallScope,
  type QueryParams,
  scopedJsonCall,
  UpstreamHttp,
  type UpstreamHttpOptions,
} from "../http.js";
import type { UpstreamOperation } from "../operation.js";
import { defaultHttpSettings, type HttpSettings } from "../settings.js";
import {
  failureEnvelopeDto,
  type ImageBackground,
  identificationResponseDto,
  imageFromIdResponseDto,
  imageSearchResponseDto,
  ONEAUTO,
  type StockVehicleDto,
} from "./dto.js";

/**
 * OneAutoAPI vehicle imagery as typed methods over UpstreamHttp, each calling the operation of the
 * same name in ONEAUTO (dto.ts). A 200 whose envelope says `success: false` fails the DTO and is
 * UPSTREAM_CONTRACT.
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
      detail: cause.upstreamDetail,
    });
    this.name = "ColourNotFoundError";
    this.imageId = query.imageId;
    this.colour = query.colour;
  }
}

export class OneAutoClient implements OneAutoReads {
  /** The request path underneath: for readiness (`circuitState()`) and shutdown (`close()`). */
  readonly http: UpstreamHttp;
  readonly #scope: CallScope;

  constructor(options: OneAutoClientOptions, scope: CallScope = {}) {
    this.http = options.http;
    this.#scope = scope;
  }

  /**
   * This client for one request: every call carries the request's signal and reports to its
   * observer (one event per HTTP attempt). Shares this client's pool, breaker and settings; the
   * scope replaces any before it.
   */
  forRequest(scope: CallScope): OneAutoClient {
    return new OneAutoClient({ http: this.http }, scope);
  }

  /** Free: the vehicles matching a make, model and year. */
  async search(q: StockSearchQuery): Promise<StockVehicleDto[]> {
    const query = present([
      ["manufacturer_desc", q.manufacturer],
      ["model_range_desc", q.modelRange],
      ["manufactured_year", String(q.year)],
      ["derivative_desc", q.derivative],
      ["body_type_desc", q.bodyType],
    ]);
    return (await this.#get(ONEAUTO.search, imageSearchResponseDto, query))?.result ?? [];
  }

  /** Paid; an unknown VIN (204) is []. */
  async searchByVin(vin: string): Promise<StockVehicleDto[]> {
    const query = [["vehicle_identification_number", vin]] as const;
    const body = await this.#get(ONEAUTO.searchByVin, identificationResponseDto, query);
    return body?.result.images ?? [];
  }

  /** Paid, UK plates; an unknown VRM (204) is []. */
  async searchByRegistration(vrm: string): Promise<StockVehicleDto[]> {
    const query = [["vehicle_registration_mark", vrm]] as const;
    const body = await this.#get(ONEAUTO.searchByRegistration, identificationResponseDto, query);
    return body?.result.images ?? [];
  }

  /**
   * 15p per call: a signed link valid for 7 days from its X-Amz-Date. An unknown image id (204)
   * is null; a colour without a picture throws ColourNotFoundError.
   */
  async imageLink(q: ImageLinkQuery): Promise<string | null> {
    const query = present([
      ["image_id", q.imageId],
      ["generic_colour_desc", q.colour],
      ["image_background", q.background],
      ["ignore_issues", q.ignoreIssues ? "true" : undefined],
    ]);
    try {
      return (
        (await this.#get(ONEAUTO.imageLink, imageFromIdResponseDto, query))?.result.image_url ??
        null
      );
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

  /** One GET of `operation` in this client's scope; null for OneAuto's 204 (nothing known). */
  #get<T>(
    operation: UpstreamOperation,
    schema: z.ZodType<T>,
    query: QueryParams,
  ): Promise<T | null> {
    return this.http.json(scopedJsonCall(this.#scope, operation, schema, { query }));
  }
}

/** The parameters that are set; OneAuto is asked for none it would take as blank. */
function present(params: ReadonlyArray<readonly [string, string | undefined]>): QueryParams {
  return params.filter((p): p is [string, string] => p[1] !== undefined && p[1] !== "");
}

/** The OneAuto reads the graph makes; a cache (src/cache/cached-oneauto.ts) can stand in front. */
export interface OneAutoReads {
  search(q: StockSearchQuery): Promise<StockVehicleDto[]>;
  searchByVin(vin: string): Promise<StockVehicleDto[]>;
  searchByRegistration(vrm: string): Promise<StockVehicleDto[]>;
  imageLink(q: ImageLinkQuery): Promise<string | null>;
}

export interface CreateOneAutoClientOptions extends Partial<HttpSettings> {
  baseUrl: string;
  apiKey: string;
  onCall?: NonNullable<UpstreamHttpOptions["onCall"]>;
  random?: () => number;
  throttle?: UpstreamHttpOptions["throttle"];
  onFailure?: UpstreamHttpOptions["onFailure"];
  inFlight?: UpstreamHttpOptions["inFlight"];
}

/** OneAuto's `{success: false, error}` envelope and what to check when it refuses the gateway. */
export const oneAutoDialect: UpstreamDialect = {
  errorMessage: (json) => {
    const parsed = failureEnvelopeDto.safeParse(json);
    return parsed.success ? parsed.data.error : undefined;
  },
  unauthorizedAdvice: "check ONEAUTO_API_KEY",
  forbiddenAdvice: "check ONEAUTO_API_KEY and that vehicle imagery is enabled for it",
};

/** Builds the UpstreamHttp (`x-api-key`, defaults from settings.ts) and the client over it. */
export function createOneAutoClient(options: CreateOneAutoClientOptions): OneAutoClient {
  const { baseUrl, apiKey, ...rest } = options;
  const http = new UpstreamHttp({
    ...defaultHttpSettings("oneauto"),
    ...rest,
    upstream: "oneauto",
    baseUrl,
    headers: { "x-api-key": apiKey },
    dialect: oneAutoDialect,
  });
  return new OneAutoClient({ http });
}
