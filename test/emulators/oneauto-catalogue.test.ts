import { describe, expect, it } from "vitest";
import {
  allImageIds,
  defaultColourOf,
  imageById,
  imageIdOf,
  modelByKey,
  STOCK_MODELS,
  VIN_ENTRIES,
  VRM_ENTRIES,
} from "../../src/emulators/oneauto/catalogue.js";
import { colourSlug } from "../../src/emulators/oneauto/colours.js";
import { ONEAUTO_VIEWS } from "../../src/upstreams/oneauto/dto.js";

describe("OneAuto emulator catalogue", () => {
  it("holds at least eight distinct models of real makes", () => {
    const models = new Set(STOCK_MODELS.map((m) => `${m.manufacturer} ${m.modelRange}`));
    expect(models.size).toBeGreaterThanOrEqual(8);
    expect(models).toContain("BMW 3 Series");
    expect(models).toContain("Volkswagen Golf");
    expect(models).toContain("Audi A4");
    expect(models).toContain("Ford Mustang");
  });

  it("has models with all eleven views and models with fewer, including some without interiors", () => {
    const viewCounts = STOCK_MODELS.map((m) => m.views.length);
    expect(viewCounts).toContain(ONEAUTO_VIEWS.length);
    expect(viewCounts.some((n) => n <= 5)).toBe(true);
    expect(STOCK_MODELS.some((m) => !m.views.some((v) => v.startsWith("inside_")))).toBe(true);
    for (const model of STOCK_MODELS) {
      expect(new Set(model.views).size, model.key).toBe(model.views.length);
      expect(model.firstYear, model.key).toBeLessThanOrEqual(model.lastYear ?? model.firstYear);
    }
  });

  it("photographs only colours from each model's paint range, and at least one per model", () => {
    for (const model of STOCK_MODELS) {
      expect(model.coloursWithImages.length, model.key).toBeGreaterThan(0);
      expect(model.coloursWithImages.length, model.key).toBeLessThan(model.colours.length);
      for (const colour of model.coloursWithImages)
        expect(model.colours, model.key).toContain(colour);
      expect(model.coloursWithImages, model.key).toContain(defaultColourOf(model));
    }
  });

  it("gives colours distinct link slugs within a model, so the path names the colour served", () => {
    for (const model of STOCK_MODELS) {
      const slugs = model.colours.map(colourSlug);
      expect(new Set(slugs).size, model.key).toBe(slugs.length);
    }
  });

  it("lists colours in mixed letter case, as the real API does", () => {
    const colours = STOCK_MODELS.flatMap((m) => m.colours);
    expect(colours.some((c) => c === c.toLowerCase())).toBe(true);
    expect(colours.some((c) => c !== c.toLowerCase())).toBe(true);
  });

  it("gives every image a unique, readable id that looks up its model and view", () => {
    const ids = allImageIds();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain("bmw-3-series-g20-front");
    expect(ids).toContain("volkswagen-golf-mk8-rear-left");
    for (const model of STOCK_MODELS) {
      for (const view of model.views) {
        const id = imageIdOf(model, view);
        expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(imageById(id)).toEqual({ model, view });
      }
    }
    expect(imageById("bmw-3-series-g20-nope")).toBeUndefined();
  });

  it("knows the VINs the rest of the project seeds vehicles with", () => {
    const manufacturersOf = (vin: string) =>
      VIN_ENTRIES.get(vin)?.modelKeys.map((k) => modelByKey(k)?.modelRange);
    expect(manufacturersOf("WBA5R1C50KAE81715")).toEqual(["3 Series"]);
    expect(manufacturersOf("WVWZZZCDZMW012345")).toEqual(["Golf"]);
    expect(manufacturersOf("WAUZZZ8K9BA123456")).toEqual(["A4", "A4"]);
    expect(manufacturersOf("1FA6P8TH3L5100001")).toEqual(["Mustang"]);
  });

  it("points every VIN and registration at existing models built in that year", () => {
    expect(VRM_ENTRIES.size).toBeGreaterThanOrEqual(4);
    for (const [identity, entry] of [...VIN_ENTRIES, ...VRM_ENTRIES]) {
      expect(identity).toBe(identity.toUpperCase().replace(/\s+/g, ""));
      for (const key of entry.modelKeys) {
        const model = modelByKey(key);
        expect(model, `${identity} → ${key}`).toBeDefined();
        expect(entry.year).toBeGreaterThanOrEqual(model?.firstYear ?? Number.POSITIVE_INFINITY);
        expect(entry.year).toBeLessThanOrEqual(model?.lastYear ?? 9999);
      }
    }
  });
});
