import DataLoader from "dataloader";
import pLimit from "p-limit";
import { toError } from "../../errors.js";
import type { OneAutoReads } from "../../upstreams/oneauto/client.js";
import type { Vehicle } from "../vehicle/vehicle.model.js";
import {
  linkExpiry,
  type StockBackground,
  type StockVehicle,
  wireBackground,
} from "./stock.model.js";
import { matchStock } from "./stock-match.js";

export interface StockLinkKey {
  imageId: string;
  color: string | null;
  background: StockBackground | null;
  /** Ask OneAuto for its default picture when the colour has none (no 400). */
  ignoreIssues?: boolean;
}

export interface StockLink {
  url: string;
  expiresAt: Date;
}

export interface StockLoaders {
  /** A paid call per distinct (image, colour, background) in an operation; null when OneAuto has no such image. */
  stockLinkByKey: DataLoader<StockLinkKey, StockLink | null, string>;
  /** The stock vehicles matching a CarCutter vehicle (VIN search, else make/model search). */
  stockMatchesByVehicle: DataLoader<Vehicle, StockVehicle[], string>;
}

export const STOCK_LINK_CONCURRENCY = 8;

export function createStockLoaders(oneauto: OneAutoReads): StockLoaders {
  // One bound for both loaders: they hit the same upstream.
  const limit = pLimit(STOCK_LINK_CONCURRENCY);
  return {
    stockLinkByKey: new DataLoader(
      async (keys) =>
        Promise.all(
          keys.map((key) =>
            limit(async () => {
              const fetchedAt = new Date();
              const url = await oneauto.imageLink({
                imageId: key.imageId,
                ...(key.color ? { colour: key.color } : {}),
                ...(key.background ? { background: wireBackground(key.background) } : {}),
                ...(key.ignoreIssues ? { ignoreIssues: true } : {}),
              });
              return url ? { url, expiresAt: linkExpiry(url, fetchedAt) } : null;
            }).catch(toError),
          ),
        ),
      {
        // Colour names arrive in any case ("gray", "Blue"); one link serves them all.
        cacheKeyFn: (key) =>
          JSON.stringify([
            key.imageId,
            key.color?.trim().toLowerCase() ?? null,
            key.background,
            key.ignoreIssues === true,
          ]),
      },
    ),
    stockMatchesByVehicle: new DataLoader(
      async (vehicles) =>
        Promise.all(
          vehicles.map((vehicle) => limit(() => matchStock(vehicle, oneauto)).catch(toError)),
        ),
      { cacheKeyFn: (vehicle) => vehicle.vehicleId },
    ),
  };
}
