import { parseCarCutterTimestamp, type VehicleDto } from "../../upstreams/carcutter/dto.js";

/** A CarCutter vehicle record as the graph sees it: camelCase, enums mapped, dates parsed. */

export const VEHICLE_STATUSES = ["NEW", "ACTIVE", "DELETED", "UNKNOWN"] as const;
export type VehicleStatus = (typeof VEHICLE_STATUSES)[number];

export interface Vehicle {
  vehicleId: string;
  status: VehicleStatus | null;
  statusUpdatedAt: Date | null;
  manufacturer: string | null;
  model: string | null;
  modelExtension: string | null;
  color: string | null;
  location: string | null;
  lot: string | null;
  customReference: string | null;
  suggestedGuidelineId: string | null;
}

/** Unseen upstream values become UNKNOWN: the provider may add statuses at any time. */
export function vehicleStatusOf(wire: string | null | undefined): VehicleStatus | null {
  if (wire === null || wire === undefined) return null;
  const upper = wire.toUpperCase();
  return VEHICLE_STATUSES.find((s) => s === upper && s !== "UNKNOWN") ?? "UNKNOWN";
}

export function vehicleFromDto(dto: VehicleDto): Vehicle {
  return {
    vehicleId: dto.vehicle_id,
    status: vehicleStatusOf(dto.app_status),
    statusUpdatedAt: dto.app_status_updated
      ? (parseCarCutterTimestamp(dto.app_status_updated) ?? null)
      : null,
    manufacturer: dto.vehicle_manufacturer ?? null,
    model: dto.vehicle_model ?? null,
    modelExtension: dto.vehicle_model_ext ?? null,
    color: dto.vehicle_color ?? null,
    location: dto.vehicle_location ?? null,
    lot: dto.vehicle_lot ?? null,
    customReference: dto.custom_reference ?? null,
    suggestedGuidelineId: dto.suggested_guideline_id ?? null,
  };
}
