import DataLoader from "dataloader";
import type { CarCutterClient } from "../../upstreams/carcutter/client.js";
import { callsPerKey } from "../call-per-key.js";
import { type Feature, featureFromDto } from "./feature.model.js";

export interface FeatureLoaders {
  /** One upstream call per vehicle (CarCutter has no batch read), a bounded number at a time. */
  featuresByVehicleId: DataLoader<string, Feature[]>;
  /** Null when CarCutter has no such feature. */
  featureById: DataLoader<string, Feature | null>;
}

export function createFeatureLoaders(carcutter: CarCutterClient): FeatureLoaders {
  // One bound for the loaders of this upstream.
  const perKey = callsPerKey();
  const featureById = new DataLoader(
    perKey(async (id: string) => {
      const dto = await carcutter.feature(id);
      return dto ? featureFromDto(dto) : null;
    }),
  );
  const featuresByVehicleId = new DataLoader(
    perKey(async (vehicleId: string) => {
      const features = (await carcutter.features(vehicleId)).map(featureFromDto);
      for (const feature of features) featureById.prime(feature.featureId, feature);
      return features;
    }),
  );
  return { featuresByVehicleId, featureById };
}
