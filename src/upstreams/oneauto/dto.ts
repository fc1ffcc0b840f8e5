import { z } from "zod";

/**
 * OneAutoAPI vehicle imagery's wire format, shared by the emulator (which answers with it) and the
 * gateway (which parses every body with it). Views are plain strings in `image_ids` so that a view
 * the provider adds later reaches the mapping layer instead of failing the parse.
 */

export const ONEAUTO_VIEWS = [
  "front",
  "front_right",
  "right",
  "rear_right",
  "rear",
  "rear_left",
  "left",
  "front_left",
  "inside_1",
  "inside_2",
  "inside_3",
] as const;
export type OneAutoView = (typeof ONEAUTO_VIEWS)[number];

export const IMAGE_BACKGROUNDS = ["Transparent", "Opaque"] as const;
export type ImageBackground = (typeof IMAGE_BACKGROUNDS)[number];

/** How long a signed image link lives, from its `X-Amz-Date` (seconds). */
export const LINK_LIFETIME_SECONDS = 604_800;

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
