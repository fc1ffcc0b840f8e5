import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ONEAUTO } from "../../src/upstreams/oneauto/dto.js";
import { graphql } from "../gql/index.js";
import { type GatewayHarness, NO_CACHE_ENV, startGateway } from "../support/gateway.js";
import { expectNoErrors, present } from "../support/operations.js";

const BY_VIN = ONEAUTO.searchByVin.name;
const SEARCH = ONEAUTO.search.name;
const LINK = ONEAUTO.imageLink.name;

const Matches = graphql(`
  query VehicleStockMatches($vehicleId: String!) {
    vehicle(vehicleId: $vehicleId) {
      stockMatches { matchedBy manufacturer modelRange derivative year }
    }
  }
`);

const Photos = graphql(`
  query VehicleStockPhotos($vehicleId: String!, $views: [StockView!], $background: StockBackground) {
    vehicle(vehicleId: $vehicleId) {
      color
      stockPhotos(views: $views, background: $background) {
        view color requestedColor background url expiresAt
      }
    }
  }
`);

const MatchesAndPhotos = graphql(`
  query VehicleStockMatchesAndPhotos($vehicleId: String!) {
    vehicle(vehicleId: $vehicleId) {
      stockMatches { matchedBy }
      stockPhotos(views: [FRONT]) { url }
    }
  }
`);

const Upsert = graphql(`
  mutation VehicleStockUpsert($input: UpsertVehicleInput!) {
    upsertVehicle(input: $input) { __typename }
  }
`);

let h: GatewayHarness;
beforeAll(async () => {
  // This suite counts what each operation calls; with caching, repeats would be free.
  h = await startGateway({ env: NO_CACHE_ENV });
});
afterAll(() => h.close());
beforeEach(() => h.oneauto.control.reset());
const count = (operation: string) => h.oneauto.control.count(operation);

async function matchesOf(vehicleId: string) {
  const result = await h.run(Matches, { vehicleId });
  expectNoErrors(result);
  return present(present(result.data).vehicle).stockMatches ?? [];
}

async function photosOf(vehicleId: string, views?: ("FRONT" | "REAR" | "LEFT")[]) {
  const result = await h.run(Photos, { vehicleId, ...(views ? { views } : {}) });
  expectNoErrors(result);
  return present(present(result.data).vehicle).stockPhotos ?? [];
}

describe("Vehicle.stockMatches: the VIN join", () => {
  it("a VIN OneAuto knows matches by VIN, with one paid search", async () => {
    const matches = await matchesOf("WBA5R1C50KAE81715");
    expect(matches).toEqual([
      expect.objectContaining({ matchedBy: "VIN", manufacturer: "BMW", modelRange: "3 Series" }),
    ]);
    expect(count(BY_VIN)).toBe(1);
    expect(count(SEARCH)).toBe(0);
  });

  it("a VIN OneAuto does not know (204) falls back to the free search by make and model", async () => {
    // The Mercedes' VIN is unknown to OneAuto, and its 10th character ("1") reads as 2001, a year
    // the C-Class was not made in: the search then tries this year.
    const matches = await matchesOf("WDD2050041F123456");
    expect(matches.map((m) => [m.matchedBy, m.manufacturer, m.modelRange])).toEqual([
      ["SEARCH", "Mercedes-Benz", "C-Class"],
    ]);
    expect(count(BY_VIN)).toBe(1);
    expect(count(SEARCH)).toBe(2);
  });

  it("an id that is not a VIN skips the paid search", async () => {
    await h.run(Upsert, {
      input: { vehicleId: "STOCK-0042", manufacturer: "Toyota", model: "Yaris", color: "Rot" },
    });
    const matches = await matchesOf("STOCK-0042");
    expect(matches.map((m) => m.matchedBy)).toEqual(["SEARCH"]);
    expect(count(BY_VIN)).toBe(0);
  });

  it("nothing to search by gives an empty list, without any call", async () => {
    await h.run(Upsert, { input: { vehicleId: "STOCK-0043" } });
    expect(await matchesOf("STOCK-0043")).toEqual([]);
    expect(h.oneauto.control.counts()).toEqual({});
  });
});

describe("Vehicle.stockPhotos: the best match in the vehicle's colour", () => {
  it("Mineralgrau maps to the model's 'gray': every view, one paid link each, no fallback", async () => {
    const photos = await photosOf("WBA5R1C50KAE81715");
    expect(photos).toHaveLength(11);
    expect(new Set(photos.map((p) => p.color))).toEqual(new Set(["gray"]));
    expect(photos.every((p) => p.requestedColor === null && p.url.includes("/gray/"))).toBe(true);
    expect(count(LINK)).toBe(11);
  });

  it("asked views only: two views, two links", async () => {
    const photos = await photosOf("WBA5R1C50KAE81715", ["FRONT", "REAR"]);
    expect(photos.map((p) => p.view)).toEqual(["FRONT", "REAR"]);
    expect(count(LINK)).toBe(2);
  });

  it("Moroblau is Blue, which the A4 lists but has no photo of: fallback to the default colour, said so", async () => {
    const photos = await photosOf("WAUZZZ8K9BA123456", ["FRONT"]);
    expect(photos).toEqual([
      expect.objectContaining({ view: "FRONT", color: null, requestedColor: "Blue" }),
    ]);
    // One refused (HTTP 400, not billed) and one fallback link with ignore_issues.
    expect(count(LINK)).toBe(2);
  });

  it("Race Red and Pearl White come in their colours", async () => {
    const mustang = await photosOf("1FA6P8TH3L5100001", ["FRONT"]);
    expect(mustang.map((p) => p.color)).toEqual(["Red"]);
    const tesla = await photosOf("5YJ3E1EA4KF317001", ["FRONT"]);
    expect(tesla.map((p) => p.color)).toEqual(["white"]);
  });

  it("a paint name that names no colour gets the model's default colour without a fallback", async () => {
    await h.run(Upsert, {
      input: { vehicleId: "WBA5R1C50KAE81715", color: "Individual Sonderlackierung" },
    });
    const photos = await photosOf("WBA5R1C50KAE81715", ["FRONT"]);
    expect(photos).toEqual([expect.objectContaining({ color: null, requestedColor: null })]);
    expect(count(LINK)).toBe(1);
    await h.run(Upsert, {
      input: { vehicleId: "WBA5R1C50KAE81715", color: "Mineralgrau Metallic" },
    });
  });

  it("matches and photos of one vehicle in one operation share the VIN search", async () => {
    const result = await h.run(MatchesAndPhotos, { vehicleId: "WBA5R1C50KAE81715" });
    expectNoErrors(result);
    expect(count(BY_VIN)).toBe(1);
    expect(count(LINK)).toBe(1);
  });
});

describe("Vehicle.stockPhotos(unlessPhotographed): a list's thumbnails, frugally", () => {
  const thumbs = (stock: string) => `query StockThumbs($a: String!, $b: String!) {
    a: vehicle(vehicleId: $a) { images(status: [FINAL, RAW]) { url } ${stock} }
    b: vehicle(vehicleId: $b) { images(status: [FINAL, RAW]) { url } ${stock} }
  }`;
  const STOCK = "stockPhotos(views: [FRONT_LEFT], unlessPhotographed: true) { url }";
  type Thumbs = Record<"a" | "b", { images: { url: string }[]; stockPhotos: { url: string }[] }>;
  const AUDI = "WAUZZZ8K9BA123456";

  beforeAll(async () => {
    // The Audi's photos in the emulator's seed, recorded in the ledger as `npm start` records them.
    const urls = h.carcutter
      .submissions()
      .filter((s) => s.seeded && s.fields.vehicle_id === AUDI)
      .flatMap((s) => s.imageUrls);
    const at = new Date();
    const { claim, won } = await h.runtime.ledger.claim(
      urls.map((url) => ({ url, vehicleId: AUDI, options: { cutType: "complete" } })),
      { at, until: at, force: false },
    );
    await h.runtime.ledger.settle(won, "ACCEPTED", at, claim);
  });

  it.each([
    ["asked directly", thumbs(STOCK)],
    ["deferred, as the showroom's list asks", thumbs(`... @defer { ${STOCK} }`)],
  ])(
    "%s: a vehicle with a processed photo of its own gets none and pays nothing; one without pays its link",
    async (_, query) => {
      const statusCalls = h.carcutter.control.count("GET /vehicle/image/status");
      const result = await h.execute<Thumbs>(query, {
        a: AUDI, // processed photos in the ledger
        b: "WBA5R1C50KAE81715",
      });
      expect(result.errors).toBeUndefined();
      const data = present(result.data);
      expect(data.a.images.length).toBeGreaterThan(0);
      expect(data.a.stockPhotos).toEqual([]);
      expect(data.b.images).toEqual([]);
      expect(data.b.stockPhotos).toHaveLength(1);
      expect(count(LINK)).toBe(1);
      // The check reads the statuses `images` read: no call of its own.
      expect(h.carcutter.control.count("GET /vehicle/image/status")).toBe(statusCalls + 1);
    },
  );
});
