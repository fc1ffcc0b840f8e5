import { z } from "zod";
import { defineOperations } from "../operation.js";

/**
 * OneAutoAPI vehicle imagery's wire format, shared by the emulator (which answers with it) and the
 * gateway (which parses every body with it). Views are plain strings in `image_ids` so that a view
 * the provider adds later reaches the mapping layer instead of failing the parse.
 */

/**
 * OneAuto's operations: all GETs, so all sent again on outages. It bills an HTTP 200 of an
 * identification or a link (204, 4xx and 5xx are free), and answers 204 for what it does not know.
 */
export const ONEAUTO = defineOperations("oneauto", {
  search: ["GET /vehicleimagery/imagesearch", { absentOn: 204 }],
  searchByVin: [
    "GET /vehicleimagery/imagesearchfromvin/",
    { absentOn: 204, billed: "oneautoVinSearch" },
  ],
  searchByRegistration: [
    "GET /vehicleimagery/imagesearchfromvrm/",
    { absentOn: 204, billed: "oneautoVrmSearch" },
  ],
  imageLink: ["GET /vehicleimagery/imagefromid", { absentOn: 204, billed: "oneautoImageLink" }],
});

// biome-ignore format: a list of words reads better on a line
export const ONEAUTO_VIEWS = [
  "front", "front_right", "right", "rear_right", "rear", "rear_left",
  "left", "front_left", "inside_1", "inside_2", "inside_3",
] as const;
export type OneAutoView = (typeof ONEAUTO_VIEWS)[number];

export const IMAGE_BACKGROUNDS = ["Transparent", "Opaque"] as const;
export type ImageBackground = (typeof IMAGE_BACKGROUNDS)[number];

/** How long a signed image link lives, from its `X-Amz-Date` (seconds). */
export const LINK_LIFETIME_SECONDS = 604_800;

/** `20260115T090000Z`: how a signed link writes its `X-Amz-Date`. */
export function formatAmzDate(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
}

/** Epoch milliseconds of an `X-Amz-Date`; undefined when the text is not one. */
export function parseAmzDate(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = m.slice(1).map(Number);
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 20260231 over into March; a date that does not round-trip is not a date.
  return formatAmzDate(ms) === text ? ms : undefined;
}

/** When a signed link stops working (`X-Amz-Date` + `X-Amz-Expires`); undefined if it does not say. */
export function signedLinkExpiry(link: string): number | undefined {
  if (!URL.canParse(link)) return undefined;
  const params = new URL(link).searchParams;
  const issued = parseAmzDate(params.get("X-Amz-Date") ?? "");
  const seconds = Number(params.get("X-Amz-Expires"));
  return issued !== undefined && Number.isInteger(seconds) && seconds > 0
    ? issued + seconds * 1000
    : undefined;
}

export const stockVehicleDto = z.object({
  manufacturer_desc: z.string(),
  model_range_desc: z.string(),
  body_type_desc: z.string().nullish(),
  derivative_desc: z.string().nullish(),
  manufactured_year: z.union([z.number(), z.string()]).nullish(),
  /** View → image id; any view may be missing. */
  image_ids: z.record(z.string(), z.string()),
  /** The model's paint range, in any letter case; not every colour has an image. */
  colour_desc_list: z.array(z.string()),
});
export type StockVehicleDto = z.infer<typeof stockVehicleDto>;

export const failureEnvelopeDto = z.object({ success: z.literal(false), error: z.string() });
export type FailureEnvelopeDto = z.infer<typeof failureEnvelopeDto>;

const success = <T extends z.ZodType>(result: T) => z.object({ success: z.literal(true), result });

/** `GET /vehicleimagery/imagesearch` */
export const imageSearchResponseDto = success(z.array(stockVehicleDto));

/** `GET /vehicleimagery/imagesearchfromvin/` and `.../imagesearchfromvrm/` */
export const identificationResponseDto = success(
  z.object({
    input_parameters: z.record(z.string(), z.unknown()),
    images: z.array(stockVehicleDto),
  }),
);
export type IdentificationResponseDto = z.infer<typeof identificationResponseDto>;

/** `GET /vehicleimagery/imagefromid` */
export const imageFromIdResponseDto = success(z.object({ image_url: z.string() }));
