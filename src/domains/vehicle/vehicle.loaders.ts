import DataLoader from "dataloader";
import pLimit from "p-limit";
import { toError } from "../../errors.js";
import type { CarCutterClient } from "../../upstreams/carcutter/client.js";
import { type Vehicle, vehicleFromDto } from "./vehicle.model.js";

export interface VehicleLoaders {
  /** Null when CarCutter has no such vehicle. */
  vehicleById: DataLoader<string, Vehicle | null>;
}

/** CarCutter reads one vehicle per call; this bound keeps a big page from opening a burst. */
export const VEHICLE_READ_CONCURRENCY = 8;

export function createVehicleLoaders(carcutter: CarCutterClient): VehicleLoaders {
  const limit = pLimit(VEHICLE_READ_CONCURRENCY);
  return {
    vehicleById: new DataLoader(async (ids) =>
      Promise.all(
        ids.map((id) =>
          limit(async () => {
            const dto = await carcutter.vehicle(id);
            return dto ? vehicleFromDto(dto) : null;
          }).catch(toError),
        ),
      ),
    ),
  };
}
