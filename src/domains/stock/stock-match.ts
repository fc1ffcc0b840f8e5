import type { OneAutoReads } from "../../upstreams/oneauto/client.js";
import type { Vehicle } from "../vehicle/vehicle.model.js";
import { modelYearOf, VIN_SHAPE } from "../vehicle/vin.js";
import { type StockVehicle, stockVehicleFromDto } from "./stock.model.js";

/**
 * Joins a CarCutter vehicle to OneAuto's stock imagery. Its id is usually the VIN, so the paid
 * VIN search comes first; when that finds nothing, or the id is not a VIN, the free search by
 * make, model and year is used: first with the year the VIN encodes, then (Europe does not require
 * the year code, so it can mislead) with this year. Free searches cost latency, never money.
 */

export type StockMatchMethod = "VIN" | "SEARCH";

export type StockSearches = Pick<OneAutoReads, "search" | "searchByVin">;

export async function matchStock(
  vehicle: Vehicle,
  oneauto: StockSearches,
  now: Date = new Date(),
): Promise<StockVehicle[]> {
  const vin = vehicle.vehicleId.trim().toUpperCase();
  if (VIN_SHAPE.test(vin)) {
    const found = await oneauto.searchByVin(vin);
    if (found.length > 0)
      return found.map((dto) => ({ ...stockVehicleFromDto(dto), matchedBy: "VIN" }));
  }
  const { manufacturer, model } = vehicle;
  if (!manufacturer || !model) return [];
  const years = new Set([modelYearOf(vin, now) ?? now.getUTCFullYear(), now.getUTCFullYear()]);
  for (const year of years) {
    const found = await oneauto.search({ manufacturer, modelRange: model, year });
    if (found.length > 0) {
      return found.map((dto) => ({ ...stockVehicleFromDto(dto), matchedBy: "SEARCH" }));
    }
  }
  return [];
}

/**
 * The match whose derivative shares most words with the vehicle's model extension ("320d" in
 * "320d M Sport 4dr"); the first match when none shares any, as OneAuto lists the likeliest first.
 */
export function bestMatch(
  matches: readonly StockVehicle[],
  vehicle: Vehicle,
): StockVehicle | undefined {
  const words = new Set((vehicle.modelExtension ?? "").toLowerCase().split(/\s+/).filter(Boolean));
  let best: { match: StockVehicle; score: number } | undefined;
  for (const match of matches) {
    const score = (match.derivative ?? "")
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => words.has(w)).length;
    if (!best || score > best.score) best = { match, score };
  }
  return best?.match;
}
