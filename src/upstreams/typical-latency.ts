import { CARCUTTER } from "./carcutter/dto.js";
import { ONEAUTO } from "./oneauto/dto.js";

/**
 * How long each upstream operation takes to answer, as the built-in emulators play it when a person
 * runs the gateway (`npm start`, outside production): the demo should feel like the real APIs, so
 * that a page that waits for its slowest call shows it.
 *
 * Neither provider publishes response times. OneAuto's documentation and CarCutter's published
 * contract (2.60.65) give none, and CarCutter states that processing time is unpublished (the
 * project's notes on the two APIs, "upstreams.md", say the same). So these are orders of magnitude,
 * not measurements: a OneAuto stock link a few hundred milliseconds (a paid call that looks the
 * photo up and signs a link), its searches a little less; a CarCutter record read tens of
 * milliseconds, a write somewhat more, an image submission (multipart, up to 60 URLs, queued and
 * billed) over a hundred, and a synchronous cut, which processes the picture while the caller
 * waits, well over a second. Change them where real timings are known.
 */
export const TYPICAL_LATENCY_MS: {
  readonly carcutter: { readonly [K in keyof typeof CARCUTTER]: number };
  readonly oneauto: { readonly [K in keyof typeof ONEAUTO]: number };
} = {
  carcutter: {
    vehicle: 30,
    features: 30,
    feature: 30,
    imageStatuses: 40,
    listVehicles: 50,
    shotlist: 50,
    imageResult: 80,
    upsertVehicle: 60,
    createFeature: 60,
    deleteVehicle: 40,
    deleteFeature: 40,
    deleteVehicleFeatures: 40,
    submitImages: 150,
    cutSingleSegment: 1500,
  },
  oneauto: {
    search: 250,
    searchByVin: 300,
    searchByRegistration: 300,
    imageLink: 400,
  },
};

/** The typical latency of each operation of an upstream, by its name ("GET /vehicle/status"). */
export function typicalLatencyByName(upstream: "carcutter" | "oneauto"): Record<string, number> {
  const operations: Record<string, { name: string }> =
    upstream === "carcutter" ? CARCUTTER : ONEAUTO;
  const typical: Record<string, number> = TYPICAL_LATENCY_MS[upstream];
  return Object.fromEntries(
    Object.entries(operations).map(([key, { name }]) => [name, typical[key] ?? 0]),
  );
}
