import DataLoader from "dataloader";
import { toError } from "../../errors.js";
import type { LedgerEntry, SubmissionLedger } from "../../ledger/ledger.js";
import type { CarCutterClient } from "../../upstreams/carcutter/client.js";
import { MAX_IMAGE_URLS_PER_CALL } from "../../upstreams/carcutter/dto.js";
import { type Image, imageFromDto } from "./image.model.js";

export interface ImageLoaders {
  /**
   * Live status by submitted URL; null when CarCutter's answer leaves the URL out. Batched across
   * the whole operation, at most 60 URLs per upstream call, and never cached across requests.
   */
  imageStatusByUrl: DataLoader<string, Image | null>;
}

export function createImageLoaders(
  carcutter: CarCutterClient,
  ledger: SubmissionLedger,
): ImageLoaders {
  return {
    imageStatusByUrl: new DataLoader(
      async (urls) => {
        try {
          const [dtos, entries] = await Promise.all([
            carcutter.imageStatuses(urls),
            // The ledger only adds what CarCutter does not say (vehicle, submission time); if it
            // cannot be read, the status is still worth answering.
            ledger.get(urls).catch(() => new Map<string, LedgerEntry>()),
          ]);
          const byUrl = new Map(dtos.map((dto) => [dto.image, dto]));
          return urls.map((url) => {
            const dto = byUrl.get(url);
            return dto ? imageFromDto(dto, entries.get(url)) : null;
          });
        } catch (error) {
          const failure = toError(error);
          return urls.map(() => failure);
        }
      },
      {
        maxBatchSize: MAX_IMAGE_URLS_PER_CALL,
        // Wait for the whole current turn of the event loop (not just the microtask queue) so that
        // loads from sibling fields resolved in separate promise chains share one batch.
        batchScheduleFn: (dispatch) => setImmediate(dispatch),
      },
    ),
  };
}
