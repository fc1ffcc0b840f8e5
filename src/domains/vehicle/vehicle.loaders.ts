import DataLoader from "dataloader";
import type { CarCutterClient } from "../../upstreams/carcutter/client.js";
import { callsPerKey } from "../call-per-key.js";
import { type Vehicle, vehicleFromDto } from "./vehicle.model.js";

export interface VehicleLoaders {
  /** Null when CarCutter has no such vehicle. */
  vehicleById: DataLoader<string, Vehicle | null>;
}

export function createVehicleLoaders(carcutter: CarCutterClient): VehicleLoaders {
  const perKey = callsPerKey();
  return {
    vehicleById: new DataLoader(
      perKey(async (id: string) => {
        const dto = await carcutter.vehicle(id);
        return dto ? vehicleFromDto(dto) : null;
      }),
    ),
  };
}
