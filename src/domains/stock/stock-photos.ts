import { ColourNotFoundError } from "../../upstreams/oneauto/client.js";
import type { Vehicle } from "../vehicle/vehicle.model.js";
import { colourFamilyOf, listedColour } from "./colours.js";
import type { StockLinkKey, StockLoaders } from "./stock.loaders.js";
import type { StockBackground, StockImage, StockView } from "./stock.model.js";
import { bestMatch } from "./stock-match.js";

/** One stock link as the graph shows it; null when OneAuto has no such image. */
export async function stockImageFor(
  loaders: Pick<StockLoaders, "stockLinkByKey">,
  key: StockLinkKey,
  view: StockView | null,
): Promise<StockImage | null> {
  const link = await loaders.stockLinkByKey.load(key);
  if (!link) return null;
  return {
    imageId: key.imageId,
    view,
    color: key.ignoreIssues ? null : key.color,
    requestedColor: key.ignoreIssues ? key.color : null,
    background: key.background,
    ...link,
  };
}

/**
 * Stock photos of a CarCutter vehicle: the views of its best OneAuto match, in the generic colour
 * its free-text paint maps to, spelled as the model's colour list spells it. A colour the model
 * lists without photographing answers 400 (free); the photo is then asked again with
 * `ignore_issues`, which gives OneAuto's default colour, and `requestedColor` says what was wanted.
 * A colour the model does not list at all goes straight to the fallback, skipping the doomed 400.
 */
export async function stockPhotosOf(
  vehicle: Vehicle,
  options: { views?: readonly StockView[] | null; background?: StockBackground | null },
  loaders: Pick<StockLoaders, "stockLinkByKey" | "stockMatchesByVehicle">,
): Promise<StockImage[]> {
  const images = await Promise.all(await stockPhotoLinksOf(vehicle, options, loaders));
  return images.filter((image): image is StockImage => image !== null);
}

/**
 * The same photos, each its own paid link on its way (all asked at once, within the loaders'
 * bound): what `@stream` sends one by one as each arrives (src/selection.ts, itemsAsTheyCome).
 */
export async function stockPhotoLinksOf(
  vehicle: Vehicle,
  options: { views?: readonly StockView[] | null; background?: StockBackground | null },
  loaders: Pick<StockLoaders, "stockLinkByKey" | "stockMatchesByVehicle">,
): Promise<Promise<StockImage | null>[]> {
  const match = bestMatch(await loaders.stockMatchesByVehicle.load(vehicle), vehicle);
  if (!match) return [];
  const family = colourFamilyOf(vehicle.color);
  const listed = family ? listedColour(family, match.colors) : undefined;
  const wanted = new Set(options.views ?? match.photos.map((p) => p.view));
  const photos = match.photos.filter((p) => wanted.has(p.view));
  const background = options.background ?? null;
  return photos.map(async (photo) => {
    const key = { imageId: photo.imageId, background };
    if (!family) return stockImageFor(loaders, { ...key, color: null }, photo.view);
    if (!listed) {
      return stockImageFor(loaders, { ...key, color: family, ignoreIssues: true }, photo.view);
    }
    try {
      return await stockImageFor(loaders, { ...key, color: listed }, photo.view);
    } catch (error) {
      if (!(error instanceof ColourNotFoundError)) throw error;
      return stockImageFor(loaders, { ...key, color: listed, ignoreIssues: true }, photo.view);
    }
  });
}
