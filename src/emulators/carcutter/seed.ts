import { createHash } from "node:crypto";
import type {
  FeatureDto,
  VehicleAppStatusValue,
  VehicleDetailField,
} from "../../upstreams/carcutter/dto.js";
import {
  angleOf,
  EMULATE_ERROR,
  EMULATE_RETAKE,
  msUntilFinal,
  msUntilRaw,
  outcomeOf,
} from "./lifecycle.js";
import type { CarCutterState } from "./state.js";

/**
 * A demo account: a small stock of real makes and models (German paint names included, as dealers
 * enter them), features on several, and images at every stage of the pipeline. Times are relative
 * to the clock at construction, in lifecycle steps where the stage depends on them, so the stages
 * hold for any configured step length and retention. Seeded images cost no credits and have no
 * webhook.
 *
 * VINs: all are 17 characters without I, O or Q. The North American ones (first character 1–5) and
 * the ones added for the emulator carry a valid ISO 3779 check digit in position 9; the European
 * ones given by the project keep theirs as given (Europe does not require one).
 */

export const SEED_IMAGE_ORIGIN = "https://images.forecourt-demo.example";

/** Where a seeded image stands when the emulator starts. */
export type SeedImageStage = "final" | "retake" | "raw" | "processing" | "error" | "expired";

export interface SeedImage {
  url: string;
  stage: SeedImageStage;
}

export interface SeedVehicle {
  vehicle_id: string;
  app_status: VehicleAppStatusValue;
  /** How long before the emulator started the status last changed. */
  updatedAgoMs: number;
  details: Readonly<Partial<Record<VehicleDetailField, string>>>;
  features: readonly FeatureDto[];
  images: readonly SeedImage[];
}

/** `https://images.forecourt-demo.example/<vin>/<angle>.jpg`, with the emulate pattern if any. */
export function seedImageUrl(vin: string, angle: string, stage: SeedImageStage = "final"): string {
  const base = `${SEED_IMAGE_ORIGIN}/${vin}/${angle}.jpg`;
  if (stage === "error") return `${base}?${EMULATE_ERROR}`;
  if (stage === "retake") return `${base}?${EMULATE_RETAKE}`;
  return base;
}

/** A stable UUID-shaped id, so seeded features keep their ids across restarts. */
function seedFeatureId(vin: string, title: string): string {
  const hex = createHash("sha256").update(`${vin}/${title}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

type FeatureInput = Omit<FeatureDto, "feature_id" | "vehicle_id">;

function features(vin: string, items: readonly FeatureInput[]): FeatureDto[] {
  return items.map((item) => ({
    feature_id: seedFeatureId(vin, item.title),
    vehicle_id: vin,
    ...item,
  }));
}

function images(vin: string, items: readonly [string, SeedImageStage][]): SeedImage[] {
  return items.map(([angle, stage]) => ({ url: seedImageUrl(vin, angle, stage), stage }));
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

const BMW_320D = "WBA5R1C50KAE81715";
const VW_GOLF = "WVWZZZCDZMW012345";
const AUDI_A4 = "WAUZZZ8K9BA123456";
const FORD_MUSTANG = "1FA6P8TH3L5100001";
const TESLA_MODEL_3 = "5YJ3E1EA4KF317001";
const MERCEDES_C220D = "WDD2050041F123456";
const BMW_X5 = "5UXCR6C07L9B12345";
const SKODA_OCTAVIA = "TMBJJ7NE5L0123456";
const PORSCHE_911 = "WP0ZZZ998PS100123";

export const SEED_VEHICLES: readonly SeedVehicle[] = [
  {
    vehicle_id: BMW_320D,
    app_status: "active",
    updatedAgoMs: 3 * DAY,
    details: {
      vehicle_manufacturer: "BMW",
      vehicle_model: "3 Series",
      vehicle_model_ext: "320d",
      vehicle_color: "Mineralgrau Metallic",
      vehicle_location: "Berlin Mitte",
      vehicle_lot: "A-12",
      custom_reference: "STK-1001",
      suggested_guideline_id: "guideline-2",
    },
    features: features(BMW_320D, [
      { title: "Panoramic roof", icon: "panorama", type: "text", feature_rule_name: "comfort" },
      { title: "Heated seats", icon: "seat-heat", type: "text", feature_rule_name: "comfort" },
      {
        title: "Service history",
        icon: "document",
        type: "doc",
        description: "Full BMW dealer service history, last service at 60,000 km",
      },
    ]),
    images: images(BMW_320D, [
      ["front-left", "final"],
      ["side-left", "final"],
      ["rear-right", "final"],
      ["dashboard", "raw"],
    ]),
  },
  {
    vehicle_id: VW_GOLF,
    app_status: "new",
    updatedAgoMs: 2 * HOUR,
    details: {
      vehicle_manufacturer: "Volkswagen",
      vehicle_model: "Golf",
      vehicle_model_ext: "1.5 eTSI Life",
      vehicle_color: "Mondsteingrau",
      vehicle_location: "Berlin Mitte",
      vehicle_lot: "B-03",
      custom_reference: "STK-1002",
    },
    features: [],
    images: images(VW_GOLF, [
      ["front-left", "processing"],
      ["rear", "processing"],
    ]),
  },
  {
    vehicle_id: AUDI_A4,
    app_status: "active",
    updatedAgoMs: 5 * DAY,
    details: {
      vehicle_manufacturer: "Audi",
      vehicle_model: "A4",
      vehicle_model_ext: "B8 2.0 TDI",
      vehicle_color: "Moroblau Metallic",
      vehicle_location: "Hamburg Harburg",
      vehicle_lot: "C-07",
      custom_reference: "STK-1003",
      suggested_guideline_id: "guideline-2",
    },
    features: features(AUDI_A4, [
      { title: "Matrix LED headlights", icon: "headlight", type: "text" },
      { title: "Virtual cockpit", icon: "cockpit", type: "text" },
      {
        title: "Manufacturer brochure",
        icon: "link",
        type: "href",
        description: "https://www.audi.example/a4-b8/brochure",
      },
    ]),
    images: images(AUDI_A4, [
      ["front-left", "final"],
      ["front", "final"],
      ["rear-left", "retake"],
      ["seats", "final"],
    ]),
  },
  {
    vehicle_id: FORD_MUSTANG,
    app_status: "active",
    updatedAgoMs: 1 * DAY,
    details: {
      vehicle_manufacturer: "Ford",
      vehicle_model: "Mustang",
      vehicle_model_ext: "GT 5.0 V8",
      vehicle_color: "Race Red",
      vehicle_location: "Hamburg Harburg",
      vehicle_lot: "C-11",
    },
    features: features(FORD_MUSTANG, [
      { title: "5.0 V8 engine", icon: "engine", type: "text", annotation_id: "annotation-engine" },
      { title: "Active valve exhaust", icon: "exhaust", type: "text" },
    ]),
    images: images(FORD_MUSTANG, [
      ["front-left", "final"],
      ["side-right", "raw"],
      ["engine", "error"],
    ]),
  },
  {
    vehicle_id: TESLA_MODEL_3,
    app_status: "new",
    updatedAgoMs: 6 * HOUR,
    details: {
      vehicle_manufacturer: "Tesla",
      vehicle_model: "Model 3",
      vehicle_model_ext: "Long Range AWD",
      vehicle_color: "Pearl White Multi-Coat",
      vehicle_location: "Berlin Mitte",
      vehicle_lot: "B-08",
    },
    features: features(TESLA_MODEL_3, [
      { title: "Autopilot", icon: "steering-wheel", type: "text" },
      { title: "Glass roof", icon: "panorama", type: "text" },
      {
        title: "Battery health report",
        icon: "document",
        type: "doc",
        description: "State of health 94 % (independent test)",
        detail_image_id: "battery-report-1",
      },
    ]),
    images: images(TESLA_MODEL_3, [
      ["front-right", "final"],
      ["rear", "expired"],
    ]),
  },
  {
    vehicle_id: MERCEDES_C220D,
    app_status: "active",
    updatedAgoMs: 9 * DAY,
    details: {
      vehicle_manufacturer: "Mercedes-Benz",
      vehicle_model: "C-Class",
      vehicle_model_ext: "C 220 d",
      vehicle_color: "Obsidianschwarz Metallic",
      vehicle_location: "München Nord",
      vehicle_lot: "D-02",
      custom_reference: "STK-1006",
    },
    features: features(MERCEDES_C220D, [
      { title: "Heated seats", icon: "seat-heat", type: "text", feature_rule_name: "comfort" },
      { title: "Burmester sound system", icon: "speaker", type: "text" },
    ]),
    images: images(MERCEDES_C220D, [
      ["front-right", "final"],
      ["rear", "final"],
      ["trunk", "raw"],
    ]),
  },
  {
    vehicle_id: BMW_X5,
    app_status: "new",
    updatedAgoMs: 30 * 60 * 1000,
    details: {
      vehicle_manufacturer: "BMW",
      vehicle_model: "X5",
      vehicle_model_ext: "xDrive30d",
      vehicle_color: "Alpinweiß",
      vehicle_location: "München Nord",
      vehicle_lot: "D-09",
    },
    features: [],
    images: images(BMW_X5, [
      ["front", "processing"],
      ["wheel", "processing"],
    ]),
  },
  {
    vehicle_id: SKODA_OCTAVIA,
    app_status: "active",
    updatedAgoMs: 12 * DAY,
    details: {
      vehicle_manufacturer: "Škoda",
      vehicle_model: "Octavia Combi",
      vehicle_model_ext: "2.0 TDI Style",
      vehicle_color: "Schwarz",
      vehicle_location: "Hamburg Harburg",
      vehicle_lot: "C-15",
    },
    features: features(SKODA_OCTAVIA, [
      { title: "Towbar", icon: "tow", type: "text" },
      { title: "Heated seats", icon: "seat-heat", type: "text", feature_rule_name: "comfort" },
    ]),
    images: images(SKODA_OCTAVIA, [
      ["side-right", "final"],
      ["front-left", "final"],
    ]),
  },
  {
    vehicle_id: PORSCHE_911,
    app_status: "deleted",
    updatedAgoMs: 20 * DAY,
    details: {
      vehicle_manufacturer: "Porsche",
      vehicle_model: "911",
      vehicle_model_ext: "Carrera S",
      vehicle_color: "Enzianblau Metallic",
      vehicle_location: "München Nord",
      custom_reference: "STK-0990",
    },
    features: [],
    images: images(PORSCHE_911, [
      ["front-left", "final"],
      ["rear", "final"],
    ]),
  },
];

export interface SeedTiming {
  now: number;
  stepMs: number;
  retentionMs: number;
}

/** When an image of a stage was submitted, so that at `now` it stands at that stage. */
export function seedSubmittedAt(stage: SeedImageStage, t: SeedTiming): number {
  const final = msUntilFinal(t.stepMs);
  switch (stage) {
    case "final":
    case "retake":
      // Well inside the retention window, however short it is configured.
      return t.now - final - Math.min(Math.floor(t.retentionMs / 2), 2 * DAY);
    case "raw":
      return t.now - msUntilRaw(t.stepMs) - Math.floor(t.stepMs / 2);
    case "processing":
      // Half-way through `cutting`.
      return t.now - Math.floor(2.5 * t.stepMs);
    case "error":
      return t.now - 3 * t.stepMs;
    case "expired":
      return t.now - final - t.retentionMs - Math.max(t.stepMs, DAY);
  }
}

/** Puts the seed into an empty account. */
export function applySeed(state: CarCutterState): void {
  const timing = {
    now: state.clock.now(),
    stepMs: state.stepMs,
    retentionMs: state.retentionMs,
  };
  for (const seed of SEED_VEHICLES) {
    state.vehicles.set(seed.vehicle_id, {
      vehicleId: seed.vehicle_id,
      appStatus: seed.app_status,
      updatedAt: timing.now - seed.updatedAgoMs,
      details: { ...seed.details },
    });
    for (const feature of seed.features) state.features.set(feature.feature_id, { ...feature });
    for (const image of seed.images) {
      const submittedAt = seedSubmittedAt(image.stage, timing);
      const id = state.nextSubmissionId();
      state.submissions.push({
        id,
        receivedAt: submittedAt,
        imageUrls: [image.url],
        creditsCharged: 0,
        seeded: true,
        fields: { vehicle_id: seed.vehicle_id, cut_type: "complete" },
        uploads: {},
      });
      state.images.set(image.url, {
        url: image.url,
        submissionId: id,
        submittedAt,
        lazy: false,
        outcome: outcomeOf(image.url),
        angle: angleOf(image.url),
      });
    }
  }
}
