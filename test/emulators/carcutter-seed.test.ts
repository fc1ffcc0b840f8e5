import { afterEach, describe, expect, it } from "vitest";
import { hasValidCheckDigit, VIN_SHAPE, vinCheckDigit } from "../../src/domains/vehicle/vin.js";
import { SEED_VEHICLES, type SeedImageStage } from "../../src/emulators/carcutter/seed.js";
import type {
  FeatureDto,
  ImageStatusResponseDto,
  VehicleDto,
} from "../../src/upstreams/carcutter/dto.js";
import { CUSTOMER } from "../support/credentials.js";
import { type CarCutterHarness, startCarCutter } from "../support/emulators.js";

/** The European VINs the project chose; Europe does not require a check digit. */
const PROJECT_EUROPEAN_VINS = [
  "WBA5R1C50KAE81715",
  "WVWZZZCDZMW012345",
  "WAUZZZ8K9BA123456",
  "WDD2050041F123456",
];

const seedById = new Map(SEED_VEHICLES.map((v) => [v.vehicle_id, v]));

describe("the VIN check digit helper", () => {
  it("computes known check digits, X included", () => {
    expect(vinCheckDigit("1M8GDM9AXKP042788")).toBe("X");
    expect(vinCheckDigit("11111111111111111")).toBe("1");
    expect(hasValidCheckDigit("1HGCM82633A004352")).toBe(true);
    expect(hasValidCheckDigit("1HGCM82643A004352")).toBe(false);
  });
});

describe("the seed", () => {
  it("has at least seven vehicles with 17-character VINs free of I, O and Q", () => {
    expect(SEED_VEHICLES.length).toBeGreaterThanOrEqual(7);
    for (const { vehicle_id } of SEED_VEHICLES) expect(vehicle_id).toMatch(VIN_SHAPE);
  });

  it("gives every North American VIN a valid check digit", () => {
    const northAmerican = SEED_VEHICLES.filter((v) => /^[1-5]/.test(v.vehicle_id));
    expect(northAmerican.length).toBeGreaterThanOrEqual(3);
    for (const { vehicle_id } of northAmerican) {
      expect(hasValidCheckDigit(vehicle_id), vehicle_id).toBe(true);
    }
  });

  it("gives every VIN beyond the project's European ones a valid check digit", () => {
    const added = SEED_VEHICLES.filter((v) => !PROJECT_EUROPEAN_VINS.includes(v.vehicle_id));
    for (const { vehicle_id } of added)
      expect(hasValidCheckDigit(vehicle_id), vehicle_id).toBe(true);
  });

  it("keeps the project's vehicles with their makes, models and colours", () => {
    const expectations: [string, string, string, string][] = [
      ["WBA5R1C50KAE81715", "BMW", "3 Series", "Mineralgrau Metallic"],
      ["WVWZZZCDZMW012345", "Volkswagen", "Golf", "Mondsteingrau"],
      ["WAUZZZ8K9BA123456", "Audi", "A4", "Moroblau Metallic"],
      ["1FA6P8TH3L5100001", "Ford", "Mustang", "Race Red"],
      ["5YJ3E1EA4KF317001", "Tesla", "Model 3", "Pearl White Multi-Coat"],
      ["WDD2050041F123456", "Mercedes-Benz", "C-Class", "Obsidianschwarz Metallic"],
    ];
    for (const [vin, make, model, colour] of expectations) {
      expect(seedById.get(vin)?.details, vin).toMatchObject({
        vehicle_manufacturer: make,
        vehicle_model: model,
        vehicle_color: colour,
      });
    }
    expect(seedById.get("WAUZZZ8K9BA123456")?.details.vehicle_model_ext).toBe("B8 2.0 TDI");
    expect(seedById.get("WDD2050041F123456")?.details.vehicle_model_ext).toBe("C 220 d");
    expect(seedById.get("WBA5R1C50KAE81715")?.details.vehicle_model_ext).toBe("320d");
  });

  it("uses German paint names as dealers enter them", () => {
    const colours = SEED_VEHICLES.map((v) => v.details.vehicle_color);
    for (const colour of ["Moroblau Metallic", "Mineralgrau Metallic", "Schwarz", "Alpinweiß"]) {
      expect(colours).toContain(colour);
    }
  });

  it("gives several vehicles two to four features of the documented types", () => {
    const withFeatures = SEED_VEHICLES.filter((v) => v.features.length > 0);
    expect(withFeatures.length).toBeGreaterThanOrEqual(4);
    for (const vehicle of withFeatures) {
      expect(vehicle.features.length).toBeGreaterThanOrEqual(2);
      expect(vehicle.features.length).toBeLessThanOrEqual(4);
      for (const feature of vehicle.features) {
        expect(["text", "doc", "href"]).toContain(feature.type);
        expect(feature.vehicle_id).toBe(vehicle.vehicle_id);
      }
    }
    const titles = SEED_VEHICLES.flatMap((v) => v.features.map((f) => f.title));
    expect(titles).toEqual(expect.arrayContaining(["Panoramic roof", "Heated seats"]));
    const ids = SEED_VEHICLES.flatMap((v) => v.features.map((f) => f.feature_id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gives every vehicle two to five images under the demo host, one error and one expired in all", () => {
    for (const vehicle of SEED_VEHICLES) {
      expect(vehicle.images.length).toBeGreaterThanOrEqual(2);
      expect(vehicle.images.length).toBeLessThanOrEqual(5);
      for (const image of vehicle.images) {
        expect(
          image.url.startsWith(`https://images.forecourt-demo.example/${vehicle.vehicle_id}/`),
        ).toBe(true);
      }
    }
    const stages = SEED_VEHICLES.flatMap((v) => v.images.map((i) => i.stage));
    expect(stages.filter((s) => s === "error")).toHaveLength(1);
    expect(stages.filter((s) => s === "expired")).toHaveLength(1);
    expect(new Set(stages)).toEqual(
      new Set<SeedImageStage>(["final", "retake", "raw", "processing", "error", "expired"]),
    );
  });
});

describe("a seeded emulator", () => {
  let h: CarCutterHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  const statusByStage = async (harness: CarCutterHarness) => {
    const images = SEED_VEHICLES.flatMap((v) => v.images);
    const res = await harness.callJson<ImageStatusResponseDto>("GET", "/vehicle/image/status", {
      query: { image_url: images.map((i) => i.url) },
    });
    expect(res.status).toBe(200);
    return images.map((image, i) => [image.stage, res.body.data.images[i]?.status] as const);
  };

  const expectedStatus: Record<SeedImageStage, string> = {
    final: "final",
    retake: "final",
    raw: "raw",
    processing: "processing",
    error: "error",
    expired: "expired",
  };

  it.each([
    { stepMs: 2000, retentionMs: 30 * 24 * 60 * 60 * 1000 },
    { stepMs: 50, retentionMs: 1000 },
    { stepMs: 60_000, retentionMs: 60_000 },
  ])(
    "starts each image at its stage (step $stepMs ms, retention $retentionMs ms)",
    async (timing) => {
      h = await startCarCutter({ seed: true, ...timing });
      for (const [stage, status] of await statusByStage(h))
        expect(status, stage).toBe(expectedStatus[stage]);
    },
  );

  it("charged no credits for the seeded images and lists their submissions as seeded", async () => {
    h = await startCarCutter({ seed: true, credits: 7 });
    expect(h.emulator.credits()).toBe(7);
    const submissions = h.emulator.submissions();
    expect(submissions.length).toBe(SEED_VEHICLES.flatMap((v) => v.images).length);
    expect(submissions.every((s) => s.seeded && s.creditsCharged === 0)).toBe(true);
  });

  it("serves seeded results: final 200, expired 410, error 404", async () => {
    h = await startCarCutter({ seed: true });
    const urlOf = (stage: SeedImageStage) =>
      SEED_VEHICLES.flatMap((v) => v.images).find((i) => i.stage === stage)?.url ?? "";
    const result = (stage: SeedImageStage) =>
      h?.call("GET", "/vehicle/image/result", { query: { image_url: urlOf(stage) } });
    expect((await result("final"))?.status).toBe(200);
    expect((await result("expired"))?.status).toBe(410);
    expect((await result("error"))?.status).toBe(404);
  });

  it("serves seeded vehicles, features, list and shotlist over the API", async () => {
    h = await startCarCutter({ seed: true });
    const audi = await h.callJson<{ vehicle: VehicleDto }>("GET", "/vehicle/status", {
      query: { vehicle_id: "WAUZZZ8K9BA123456" },
    });
    expect(audi.body.vehicle).toMatchObject({
      vehicle_manufacturer: "Audi",
      vehicle_color: "Moroblau Metallic",
      app_status: "active",
    });
    expect(audi.body.vehicle.app_status_updated).toMatch(
      /^\d{4}\/\d{2}\/\d{2}, \d{2}:\d{2}:\d{2}$/,
    );
    const features = await h.callJson<{ features: FeatureDto[] }>("GET", "/vehicle/features", {
      query: { vehicle_id: "WBA5R1C50KAE81715" },
    });
    expect(features.body.features.map((f) => f.title)).toEqual([
      "Panoramic roof",
      "Heated seats",
      "Service history",
    ]);
    const list = await h.callJson<VehicleDto[]>("POST", "/vehicle/list", {
      json: { customer: CUSTOMER },
    });
    expect(list.body).toHaveLength(SEED_VEHICLES.length);
    const shotlist = await h.callJson<{ vehicles: VehicleDto[] }>("GET", "/vehicle/shotlist");
    expect(shotlist.body.vehicles.map((v) => v.vehicle_id).sort()).toEqual(
      SEED_VEHICLES.filter((v) => v.app_status === "new")
        .map((v) => v.vehicle_id)
        .sort(),
    );
  });

  it("is empty when seeding is off", async () => {
    h = await startCarCutter({ seed: false });
    const list = await h.callJson<VehicleDto[]>("POST", "/vehicle/list", {
      json: { customer: CUSTOMER },
    });
    expect(list.body).toEqual([]);
    expect(h.emulator.submissions()).toEqual([]);
  });
});
