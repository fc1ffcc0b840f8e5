import DataLoader from "dataloader";
import pLimit from "p-limit";
import type { OneAutoClient } from "../../upstreams/oneauto/client.js";
import { toError } from "../vehicle/vehicle.loaders.js";
import { linkExpiry, type StockBackground, wireBackground } from "./stock.model.js";

export interface StockLinkKey {
  imageId: string;
  color: string | null;
  background: StockBackground | null;
}

export interface StockLink {
  url: string;
  expiresAt: Date;
}

export interface StockLoaders {
  /** A paid call per distinct (image, colour, background) in an operation; null when OneAuto has no such image. */
  stockLinkByKey: DataLoader<StockLinkKey, StockLink | null, string>;
}

export const STOCK_LINK_CONCURRENCY = 8;

export function createStockLoaders(oneauto: OneAutoClient, signal: AbortSignal): StockLoaders {
  const limit = pLimit(STOCK_LINK_CONCURRENCY);
  return {
    stockLinkByKey: new DataLoader(
      async (keys) =>
        Promise.all(
          keys.map((key) =>
            limit(async () => {
              const fetchedAt = new Date();
              const url = await oneauto.imageLink(
                {
                  imageId: key.imageId,
                  ...(key.color ? { colour: key.color } : {}),
                  ...(key.background ? { background: wireBackground(key.background) } : {}),
                },
                signal,
              );
              return url ? { url, expiresAt: linkExpiry(url, fetchedAt) } : null;
            }).catch(toError),
          ),
        ),
      {
        // Colour names arrive in any case ("gray", "Blue"); one link serves them all.
        cacheKeyFn: (key) =>
          JSON.stringify([key.imageId, key.color?.trim().toLowerCase() ?? null, key.background]),
      },
    ),
  };
}
