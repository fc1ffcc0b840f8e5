import {
  type ImageBackground,
  LINK_LIFETIME_SECONDS,
  ONEAUTO_VIEWS,
  type StockVehicleDto,
  signedLinkExpiry,
} from "../../upstreams/oneauto/dto.js";
import { enumValueOf } from "../../wire-enums.js";

/** OneAuto's stock imagery as the graph sees it. */

export const STOCK_VIEWS = [...ONEAUTO_VIEWS.map((v) => v.toUpperCase()), "UNKNOWN"] as StockView[];
export type StockView = Uppercase<(typeof ONEAUTO_VIEWS)[number]> | "UNKNOWN";

export const STOCK_BACKGROUNDS = ["TRANSPARENT", "OPAQUE"] as const;
export type StockBackground = (typeof STOCK_BACKGROUNDS)[number];

export const wireBackground = (background: StockBackground): ImageBackground =>
  background === "TRANSPARENT" ? "Transparent" : "Opaque";

export interface StockPhotoRef {
  view: StockView;
  /** The view as OneAuto named it, kept so an UNKNOWN view still finds its image. */
  wireView: string;
  imageId: string;
}

export interface StockVehicle {
  /** How it was found for a CarCutter vehicle; null when asked for directly. */
  matchedBy: "VIN" | "SEARCH" | null;
  manufacturer: string;
  modelRange: string;
  derivative: string | null;
  bodyType: string | null;
  year: number | null;
  photos: StockPhotoRef[];
  colors: string[];
}

export interface StockImage {
  imageId: string;
  view: StockView | null;
  /** The colour the link shows; null for OneAuto's default colour of the model. */
  color: string | null;
  /** The colour that was wanted, when it differs from what OneAuto could give (a fallback). */
  requestedColor: string | null;
  background: StockBackground | null;
  url: string;
  expiresAt: Date;
}

export function stockVehicleFromDto(dto: StockVehicleDto): StockVehicle {
  const year = Number(dto.manufactured_year);
  return {
    matchedBy: null,
    manufacturer: dto.manufacturer_desc,
    modelRange: dto.model_range_desc,
    derivative: dto.derivative_desc ?? null,
    bodyType: dto.body_type_desc ?? null,
    year: Number.isInteger(year) && dto.manufactured_year !== null ? year : null,
    photos: Object.entries(dto.image_ids).map(([wireView, imageId]) => ({
      view: enumValueOf(STOCK_VIEWS, wireView),
      wireView,
      imageId,
    })),
    colors: dto.colour_desc_list,
  };
}

/**
 * When a pre-signed link stops working: its `X-Amz-Date` plus `X-Amz-Expires`. A link without
 * them is assumed to live the documented 7 days from `fetchedAt`.
 */
export function linkExpiry(link: string, fetchedAt: Date): Date {
  return new Date(signedLinkExpiry(link) ?? fetchedAt.getTime() + LINK_LIFETIME_SECONDS * 1000);
}
