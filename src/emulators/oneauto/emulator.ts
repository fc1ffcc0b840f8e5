import { createHash, randomBytes } from "node:crypto";
import { type Context, Hono } from "hono";
import type { z } from "zod";
import {
  type FailureEnvelopeDto,
  type IdentificationResponseDto,
  IMAGE_BACKGROUNDS,
  type ImageBackground,
  type imageFromIdResponseDto,
  type imageSearchResponseDto,
  ONEAUTO,
  type StockVehicleDto,
} from "../../upstreams/oneauto/dto.js";
import type { Clock } from "../clock.js";
import { type ApiDialect, EmulatorControl, UNKNOWN_ENUM_VALUE } from "../control.js";
import { colourOf, type Rgb, renderPng } from "../pictures.js";
import {
  defaultColourOf,
  type IdentifiedVehicle,
  imageById,
  imageIdOf,
  modelByKey,
  STOCK_MODELS,
  type StockModel,
  VIN_ENTRIES,
  VRM_ENTRIES,
} from "./catalogue.js";
import { colourSlug, paintOf } from "./colours.js";
import { checkLink, parseLinkPath, s3ErrorXml, signLink } from "./signed-links.js";

/**
 * OneAutoAPI's vehicle imagery as the gateway sees it: three ways to identify a vehicle (free text,
 * VIN, UK registration), one paid call that turns an image id and colour into a pre-signed link,
 * and the object store behind those links, served under /cdn on the same port.
 */

export interface OneAutoEmulatorOptions {
  /** The only `x-api-key` accepted. */
  apiKey: string;
  clock: Clock;
  /** Signs image links; a random one per instance unless given, so links never outlive it. */
  signingSecret?: string;
  /**
   * Where links are minted (origin and optional path prefix, before `/cdn/…`), asked per link:
   * the address a browser reaches, which is not the one the gateway calls when only the gateway
   * is published. Undefined (or returning undefined): the origin the request came to.
   */
  linkBase?: () => string | undefined;
  /** Milliseconds each operation is held before it is answered (EmulatorControlOptions). */
  latencyMs?: Readonly<Record<string, number>>;
}

type ImageSearchResponse = z.infer<typeof imageSearchResponseDto>;
type ImageFromIdResponse = z.infer<typeof imageFromIdResponseDto>;

const COLOUR_NOT_FOUND = "Requested color not found for this car";

export const oneAutoDialect: ApiDialect = {
  errorBody(_status, message): FailureEnvelopeDto {
    return { success: false, error: message };
  },
  injectUnknownEnum(body) {
    if (!isRecord(body)) return body;
    const result = body.result;
    if (Array.isArray(result)) return { ...body, result: result.map(withUnknownView) };
    if (isRecord(result) && Array.isArray(result.images)) {
      return { ...body, result: { ...result, images: result.images.map(withUnknownView) } };
    }
    return body;
  },
  operationOf(method, path) {
    // Every signed link has its own path; counting them per path would make the counter useless.
    return path.startsWith("/cdn/") ? `${method} /cdn` : `${method} ${path}`;
  },
};

export class OneAutoEmulator {
  readonly app: Hono;
  readonly control: EmulatorControl;
  readonly #apiKey: string;
  readonly #clock: Clock;
  readonly #secret: string;
  readonly #linkBase: () => string | undefined;
  /** Rendered PNGs by link target; the catalogue is finite, so this is bounded. */
  readonly #pictures = new Map<string, { png: Buffer; etag: string }>();

  constructor(options: OneAutoEmulatorOptions) {
    this.#apiKey = options.apiKey;
    this.#clock = options.clock;
    this.#secret = options.signingSecret ?? randomBytes(32).toString("hex");
    this.#linkBase = options.linkBase ?? (() => undefined);
    this.control = new EmulatorControl(oneAutoDialect, { latencyMs: options.latencyMs });
    this.app = this.#build();
  }

  #build(): Hono {
    const app = new Hono();
    app.use(this.control.middleware());
    app.route("/__emulator", this.control.routes());

    // Signed links carry their own authorisation, as on the real object store: no API key.
    app.get("/cdn/*", (c) => this.#serveLink(c));
    app.all("/cdn/*", (c) =>
      this.#s3Error(
        c,
        405,
        "MethodNotAllowed",
        "The specified method is not allowed against this resource.",
        [],
      ),
    );

    app.use("*", async (c, next) => {
      if (c.req.header("x-api-key") !== this.#apiKey) {
        return fail(c, 403, "Invalid or missing API key");
      }
      return next();
    });
    app.on(ONEAUTO.search.method, ONEAUTO.search.path, (c) => this.#imageSearch(c));
    app.on(ONEAUTO.searchByVin.method, ONEAUTO.searchByVin.path, (c) => this.#searchFromVin(c));
    app.on(ONEAUTO.searchByRegistration.method, ONEAUTO.searchByRegistration.path, (c) =>
      this.#searchFromVrm(c),
    );
    app.on(ONEAUTO.imageLink.method, ONEAUTO.imageLink.path, (c) => this.#imageFromId(c));
    for (const { path } of Object.values(ONEAUTO)) {
      app.all(path, (c) => {
        c.header("allow", "GET");
        return fail(c, 405, `Method ${c.req.method} is not allowed; use GET`);
      });
    }
    app.notFound((c) => fail(c, 404, "Not found"));
    app.onError((error, c) => {
      console.error("oneauto emulator:", error);
      return fail(c, 500, "Internal server error");
    });
    return app;
  }

  #imageSearch(c: Context): Response {
    const manufacturer = param(c, "manufacturer_desc");
    const modelRange = param(c, "model_range_desc");
    const yearText = param(c, "manufactured_year");
    for (const [name, value] of [
      ["manufacturer_desc", manufacturer],
      ["model_range_desc", modelRange],
      ["manufactured_year", yearText],
    ] as const) {
      if (value === undefined) return fail(c, 400, missing(name));
    }
    const year = parseYear(yearText ?? "");
    if (year === undefined) {
      return fail(c, 400, "manufactured_year must be an integer year, e.g. 2019");
    }
    const derivative = param(c, "derivative_desc");
    const bodyType = param(c, "body_type_desc");
    const currentYear = new Date(this.#clock.now()).getUTCFullYear();
    const matches = STOCK_MODELS.filter(
      (model) =>
        same(model.manufacturer, manufacturer) &&
        same(model.modelRange, modelRange) &&
        year >= model.firstYear &&
        year <= (model.lastYear ?? currentYear) &&
        (derivative === undefined || same(model.derivative, derivative)) &&
        (bodyType === undefined || same(model.bodyType, bodyType)),
    );
    const body: ImageSearchResponse = {
      success: true,
      result: matches.map((model) => vehicleOf(model, year)),
    };
    return c.json(body, 200);
  }

  #searchFromVin(c: Context): Response {
    const name = "vehicle_identification_number";
    const given = c.req.query(name);
    const vin = param(c, name)?.toUpperCase();
    if (given === undefined || vin === undefined) return fail(c, 400, missing(name));
    return identified(c, { [name]: given }, VIN_ENTRIES.get(vin));
  }

  #searchFromVrm(c: Context): Response {
    const name = "vehicle_registration_mark";
    const given = c.req.query(name);
    const vrm = param(c, name)?.replace(/\s+/g, "").toUpperCase();
    if (given === undefined || vrm === undefined) return fail(c, 400, missing(name));
    return identified(c, { [name]: given }, VRM_ENTRIES.get(vrm));
  }

  #imageFromId(c: Context): Response {
    const imageId = param(c, "image_id");
    if (imageId === undefined) return fail(c, 400, missing("image_id"));
    const backgroundText = param(c, "image_background") ?? "Opaque";
    const background = IMAGE_BACKGROUNDS.find((b) => same(b, backgroundText));
    if (background === undefined) {
      return fail(c, 400, `image_background must be one of ${IMAGE_BACKGROUNDS.join(", ")}`);
    }
    const ignoreIssues = parseFlag(param(c, "ignore_issues"));
    if (ignoreIssues === undefined) return fail(c, 400, "ignore_issues must be true or false");
    const image = imageById(imageId);
    // The API documents 204 for identities it does not know; an unknown image id is one more.
    if (!image) return c.body(null, 204);
    const colour = this.#colourToServe(image.model, param(c, "generic_colour_desc"), ignoreIssues);
    if (colour === undefined) return fail(c, 400, COLOUR_NOT_FOUND);
    const link = signLink(
      this.#linkBase() ?? new URL(c.req.url).origin,
      {
        imageId,
        colourSlug: colourSlug(colour),
        background: linkBackground(background),
      },
      { secret: this.#secret, now: this.#clock.now() },
    );
    const body: ImageFromIdResponse = { success: true, result: { image_url: link } };
    return c.json(body, 200);
  }

  /** The photographed colour to serve, or undefined when the request must fail. */
  #colourToServe(
    model: StockModel,
    requested: string | undefined,
    ignoreIssues: boolean,
  ): string | undefined {
    if (requested === undefined) return defaultColourOf(model);
    const listed = model.colours.find((colour) => same(colour, requested));
    if (listed !== undefined && model.coloursWithImages.includes(listed)) return listed;
    return ignoreIssues ? defaultColourOf(model) : undefined;
  }

  #serveLink(c: Context): Response {
    const url = new URL(c.req.url);
    const check = checkLink(url, { secret: this.#secret, now: this.#clock.now() });
    if (!check.ok) return this.#s3Error(c, check.status, check.code, check.message, check.details);
    const target = parseLinkPath(url.pathname);
    const image = target && imageById(target.imageId);
    const colour =
      target &&
      image?.model.coloursWithImages.find((name) => colourSlug(name) === target.colourSlug);
    if (!target || !image || colour === undefined) {
      return this.#s3Error(c, 404, "NoSuchKey", "The specified key does not exist.", [
        ["Key", url.pathname.slice(1)],
      ]);
    }
    const cacheKey = `${target.imageId}/${target.colourSlug}/${target.background}`;
    let picture = this.#pictures.get(cacheKey);
    if (!picture) {
      const png = renderPng({
        body: paintOf(colour),
        ...(target.background === "opaque" ? { background: studioBackdrop(target.imageId) } : {}),
      });
      // S3 gives single-part objects the MD5 of their bytes as ETag.
      picture = { png, etag: `"${createHash("md5").update(png).digest("hex")}"` };
      this.#pictures.set(cacheKey, picture);
    }
    return c.body(new Uint8Array(picture.png), 200, {
      "content-type": "image/png",
      // The bytes behind a path never change; only the signature in the query expires.
      "cache-control": "public, max-age=86400, immutable",
      etag: picture.etag,
    });
  }

  #s3Error(
    c: Context,
    status: 400 | 403 | 404 | 405,
    code: string,
    message: string,
    details: [string, string][],
  ): Response {
    return c.body(s3ErrorXml(code, message, details), status, {
      "content-type": "application/xml",
    });
  }
}

function identified(
  c: Context,
  inputParameters: Record<string, string>,
  entry: IdentifiedVehicle | undefined,
): Response {
  // Unknown identities are "no content", as the API documents for an unknown VRM.
  if (!entry) return c.body(null, 204);
  const images = entry.modelKeys
    .map((key) => modelByKey(key))
    .filter((model) => model !== undefined)
    .map((model) => vehicleOf(model, entry.year));
  const body: IdentificationResponseDto = {
    success: true,
    result: { input_parameters: inputParameters, images },
  };
  return c.json(body, 200);
}

function vehicleOf(model: StockModel, year: number): StockVehicleDto {
  return {
    manufacturer_desc: model.manufacturer,
    model_range_desc: model.modelRange,
    body_type_desc: model.bodyType,
    derivative_desc: model.derivative,
    manufactured_year: year,
    image_ids: Object.fromEntries(model.views.map((view) => [view, imageIdOf(model, view)])),
    colour_desc_list: [...model.colours],
  };
}

function fail(c: Context, status: 400 | 403 | 404 | 405 | 500, message: string): Response {
  return c.json(oneAutoDialect.errorBody(status, message), status);
}

function missing(name: string): string {
  return `Missing required parameter: ${name}`;
}

/** The first value of a query parameter, trimmed; blank counts as absent. */
function param(c: Context, name: string): string | undefined {
  const value = c.req.query(name)?.trim();
  return value ? value : undefined;
}

/** Case-insensitive, ignoring surrounding and repeated whitespace. */
function same(a: string, b: string | undefined): boolean {
  if (b === undefined) return false;
  const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();
  return norm(a) === norm(b);
}

function parseYear(text: string): number | undefined {
  if (!/^-?\d{1,9}$/.test(text)) return undefined;
  return Number(text);
}

function parseFlag(text: string | undefined): boolean | undefined {
  if (text === undefined) return false;
  const lower = text.toLowerCase();
  if (lower === "true" || lower === "1") return true;
  if (lower === "false" || lower === "0") return false;
  return undefined;
}

function linkBackground(background: ImageBackground): "transparent" | "opaque" {
  return background === "Transparent" ? "transparent" : "opaque";
}

/** A pale tint per image, so opaque pictures of different views differ in their bytes. */
function studioBackdrop(imageId: string): Rgb {
  const [r, g, b] = colourOf(imageId);
  const pale = (v: number) => Math.round(230 + (v / 255) * 20);
  return [pale(r), pale(g), pale(b)];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function withUnknownView(vehicle: unknown): unknown {
  if (!isRecord(vehicle) || !isRecord(vehicle.image_ids)) return vehicle;
  // Point the new view at an image that exists, so a client that keeps unknown views can follow it.
  const existing = Object.values(vehicle.image_ids).find((id) => typeof id === "string");
  return {
    ...vehicle,
    image_ids: { ...vehicle.image_ids, [UNKNOWN_ENUM_VALUE]: existing ?? UNKNOWN_ENUM_VALUE },
  };
}
