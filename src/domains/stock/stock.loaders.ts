import DataLoader from "dataloader";
import type { OneAutoReads } from "../../upstreams/oneauto/client.js";
import { callsPerKey } from "../call-per-key.js";
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

export function createStockLoaders(oneauto: OneAutoReads): StockLoaders {
  // One bound for the loaders of this upstream.
  const perKey = callsPerKey();
  return {
    stockLinkByKey: new DataLoader(
      perKey(async (key: StockLinkKey) => {
        const fetchedAt = new Date();
        const url = await oneauto.imageLink({
          imageId: key.imageId,
          colour: key.color ?? undefined,
          background: key.background ? wireBackground(key.background) : undefined,
          ignoreIssues: key.ignoreIssues,
        });
        return url ? { url, expiresAt: linkExpiry(url, fetchedAt) } : null;
      }),
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
      perKey((vehicle: Vehicle) => matchStock(vehicle, oneauto)),
      { cacheKeyFn: (vehicle) => vehicle.vehicleId },
    ),
  };
}
