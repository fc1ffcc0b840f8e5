import DataLoader from "dataloader";
import pLimit from "p-limit";
import { toError } from "../../errors.js";
import type { CarCutterClient } from "../../upstreams/carcutter/client.js";
import { type Feature, featureFromDto } from "./feature.model.js";

export interface FeatureLoaders {
  /** One upstream call per vehicle (CarCutter has no batch read), a bounded number at a time. */
  featuresByVehicleId: DataLoader<string, Feature[]>;
  /** Null when CarCutter has no such feature. */
  featureById: DataLoader<string, Feature | null>;
}

export const FEATURE_READ_CONCURRENCY = 8;

export function createFeatureLoaders(carcutter: CarCutterClient): FeatureLoaders {
  // One bound for both loaders: they hit the same upstream.
  const limit = pLimit(FEATURE_READ_CONCURRENCY);
  const featureById: DataLoader<string, Feature | null> = new DataLoader(async (ids) =>
    Promise.all(
      ids.map((id) =>
        limit(async () => {
          const dto = await carcutter.feature(id);
          return dto ? featureFromDto(dto) : null;
        }).catch(toError),
      ),
    ),
  );
  const featuresByVehicleId = new DataLoader<string, Feature[]>(async (vehicleIds) =>
    Promise.all(
      vehicleIds.map((vehicleId) =>
        limit(async () => {
          const features = (await carcutter.features(vehicleId)).map(featureFromDto);
          for (const feature of features) featureById.prime(feature.featureId, feature);
          return features;
        }).catch(toError),
      ),
    ),
  );
  return { featuresByVehicleId, featureById };
}
