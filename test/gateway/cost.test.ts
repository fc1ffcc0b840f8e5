import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CostSummary } from "../../src/cost/cost-meter.js";
import { imageIdOf, STOCK_MODELS, VIN_ENTRIES } from "../../src/emulators/oneauto/catalogue.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { ONEAUTO } from "../../src/upstreams/oneauto/dto.js";
import { graphql } from "../gql/index.js";
import { type GatewayHarness, NO_CACHE_ENV, startGateway } from "../support/gateway.js";
import { costOf, expectNoErrors, onlyError, photoUrls, present } from "../support/operations.js";

/**
 * extensions.cost and the cost guard through the whole gateway. Every count is checked against
 * what the emulators received: the meter must see exactly the calls that reached the upstreams.
 */

const BY_VIN = ONEAUTO.searchByVin.name;
const BY_VRM = ONEAUTO.searchByRegistration.name;
const LINK = ONEAUTO.imageLink.name;
const SEARCH = ONEAUTO.search.name;
const STATUS = CARCUTTER.imageStatuses.name;
const SUBMIT = CARCUTTER.submitImages.name;
const VEHICLE = "WBA5R1C50KAE81715";
const LIMIT = 50;

graphql(`
  fragment CostFrontPhoto on StockVehicle { photo(view: FRONT) { url } }
`);

const VehicleWithImages = graphql(`
  query CostVehicleWithImages($vehicleId: String!, $urls: [URL!]!) {
    vehicle(vehicleId: $vehicleId) { vehicleId features { title } }
    images(urls: $urls) { url status }
  }
`);

const Upsert = graphql(`
  mutation CostUpsertVehicle($input: UpsertVehicleInput!) {
    upsertVehicle(input: $input) { __typename ... on Vehicle { vehicleId } }
  }
`);

const Submit = graphql(`
  mutation CostSubmitImages($input: SubmitImagesInput!) {
    submitImages(input: $input) { __typename ... on SubmitImagesPayload { accepted } }
  }
`);

const Statuses = graphql(`
  query CostImageStatuses($urls: [URL!]!) { images(urls: $urls) { url status } }
`);

const Search = graphql(`
  query CostStockSearch {
    stockSearch(input: {manufacturer: "BMW", modelRange: "3 Series", year: 2020}) { derivative }
  }
`);

const ByVin = graphql(`
  query CostStockByVin($vin: String!) { stockByVin(vin: $vin) { derivative } }
`);

const ByRegistration = graphql(`
  query CostStockByRegistration { stockByRegistration(registration: "AB19CDE") { derivative } }
`);

const Link = graphql(`
  query CostStockImage($id: String!, $color: String) { stockImage(imageId: $id, color: $color) { url } }
`);

const VinPhoto = graphql(`
  query CostVinPhoto($vin: String!) { stockByVin(vin: $vin) { ...CostFrontPhoto } }
`);

const VinAndLink = graphql(`
  query CostVinAndLink($vin: String!, $id: String!) {
    stockByVin(vin: $vin) { ...CostFrontPhoto }
    stockImage(imageId: $id) { url }
  }
`);

/** n vehicles × (1 VIN search + 4 links) = 5n paid calls at worst: 10 vehicles is the budget. */
const PagePhotos = graphql(`
  query CostPagePhotos($n: Int = 11) {
    vehicles(first: $n) {
      edges { node { vehicleId stockPhotos(views: [FRONT, REAR, LEFT, RIGHT]) { url } } }
    }
  }
`);

const PageMatches = graphql(`
  query CostPageMatches {
    vehicles(first: 50) {
      edges { node { vehicleId stockMatches { ...CostFrontPhoto } } }
    }
  }
`);

/** 8 × (1 VIN search + 5 photos) = 48 at worst. */
const EightAliases = graphql(`
  query CostEightAliases($vin: String!) {
    a: stockByVin(vin: $vin) { ...CostFrontPhoto }
    b: stockByVin(vin: $vin) { ...CostFrontPhoto }
    c: stockByVin(vin: $vin) { ...CostFrontPhoto }
    d: stockByVin(vin: $vin) { ...CostFrontPhoto }
    e: stockByVin(vin: $vin) { ...CostFrontPhoto }
    f: stockByVin(vin: $vin) { ...CostFrontPhoto }
    g: stockByVin(vin: $vin) { ...CostFrontPhoto }
    h: stockByVin(vin: $vin) { ... on StockVehicle { photo(view: FRONT) { url } } }
  }
`);

/** The same and one more, skipped: 9 × 6 = 54, because @skip is counted. */
const NineAliases = graphql(`
  query CostNineAliases($vin: String!, $skip: Boolean = true) {
    a: stockByVin(vin: $vin) { ...CostFrontPhoto }
    b: stockByVin(vin: $vin) { ...CostFrontPhoto }
    c: stockByVin(vin: $vin) { ...CostFrontPhoto }
    d: stockByVin(vin: $vin) { ...CostFrontPhoto }
    e: stockByVin(vin: $vin) { ...CostFrontPhoto }
    f: stockByVin(vin: $vin) { ...CostFrontPhoto }
    g: stockByVin(vin: $vin) { ...CostFrontPhoto }
    h: stockByVin(vin: $vin) { ... on StockVehicle { photo(view: FRONT) { url } } }
    i: stockByVin(vin: $vin) @skip(if: $skip) { ...CostFrontPhoto }
  }
`);

/** 1 VIN search + 11 views = 12 at worst. */
const UpsertWithPhotos = graphql(`
  mutation CostUpsertWithPhotos($input: UpsertVehicleInput!) {
    upsertVehicle(input: $input) { __typename ... on Vehicle { stockPhotos { url } } }
  }
`);

/** A summary's calls to one upstream, shaped like that emulator's request counters. */
function callsTo(cost: CostSummary, upstream: "carcutter" | "oneauto"): Record<string, number> {
  return Object.fromEntries(
    cost.upstreamCalls.filter((c) => c.upstream === upstream).map((c) => [c.operation, c.calls]),
  );
}

function entry(cost: CostSummary, operation: string) {
  return present(
    cost.upstreamCalls.find((c) => c.operation === operation),
    operation,
  );
}

const model = (key: string) =>
  present(
    STOCK_MODELS.find((m) => m.key === key),
    key,
  );
const vinWithModels = (n: number) =>
  present(
    [...VIN_ENTRIES].find(([, e]) => e.modelKeys.length === n),
    `a VIN with ${n} models`,
  )[0];

let h: GatewayHarness;
beforeAll(async () => {
  // This suite counts what each operation calls; with caching, repeats would be free.
  h = await startGateway({ env: NO_CACHE_ENV });
});
afterAll(() => h.close());
beforeEach(() => {
  h.carcutter.control.reset();
  h.oneauto.control.reset();
});

/** Both emulators received exactly the calls the summary lists. */
function expectEmulatorsSaw(cost: CostSummary, harness: GatewayHarness = h): void {
  expect(callsTo(cost, "carcutter")).toEqual(harness.carcutter.control.counts());
  expect(callsTo(cost, "oneauto")).toEqual(harness.oneauto.control.counts());
}

describe("extensions.cost on every response", () => {
  it("a query lists its calls by upstream and operation, as the emulators counted them", async () => {
    const result = await h.run(VehicleWithImages, {
      vehicleId: VEHICLE,
      urls: photoUrls(3, "cost-query"),
    });
    expectNoErrors(result);
    const cost = costOf(result);
    expect(cost).toEqual({
      upstreamCalls: [
        {
          upstream: "carcutter",
          operation: STATUS,
          calls: 1,
          paidCalls: 0,
          paidUnits: 0,
          estimatedPence: 0,
        },
        {
          upstream: "carcutter",
          operation: CARCUTTER.features.name,
          calls: 1,
          paidCalls: 0,
          paidUnits: 0,
          estimatedPence: 0,
        },
        {
          upstream: "carcutter",
          operation: CARCUTTER.vehicle.name,
          calls: 1,
          paidCalls: 0,
          paidUnits: 0,
          estimatedPence: 0,
        },
      ].sort((a, b) => a.operation.localeCompare(b.operation)),
      calls: 3,
      paidCalls: 0,
      cacheHits: [],
      cacheHitCount: 0,
      estimatedPence: 0,
      estimatedWorstCasePaidCalls: 0,
      // Not a client's request: the machine's own, with no daily budget.
      client: "local",
      pencePerDay: 0,
      spentPenceToday: expect.any(Number),
    });
    expectEmulatorsSaw(cost);
  });

  it("a mutation carries it too", async () => {
    const result = await h.run(Upsert, { input: { vehicleId: "COST-UPSERT-1", color: "Blue" } });
    expectNoErrors(result);
    const cost = costOf(result);
    expect(cost).toMatchObject({ calls: 1, paidCalls: 0, estimatedPence: 0 });
    expect(callsTo(cost, "carcutter")).toEqual({ [CARCUTTER.upsertVehicle.name]: 1 });
    expectEmulatorsSaw(cost);
  });

  it("a response with an upstream error counts the failed call", async () => {
    h.carcutter.control.script({ operation: STATUS, fault: { kind: "status", status: 500 } });
    const result = await h.run(Statuses, { urls: photoUrls(1, "cost-500") });
    expect(onlyError(result).extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
    const cost = costOf(result);
    expect(entry(cost, STATUS)).toMatchObject({ calls: 1, paidCalls: 0 });
    expectEmulatorsSaw(cost);
  });

  it("a retried read counts every attempt: a 503 then an answer is two calls", async () => {
    h.carcutter.control.script({ operation: STATUS, fault: { kind: "status", status: 503 } });
    const result = await h.run(Statuses, { urls: photoUrls(2, "cost-503") });
    expectNoErrors(result);
    const cost = costOf(result);
    expect(entry(cost, STATUS)).toMatchObject({ calls: 2, paidCalls: 0 });
    expect(h.carcutter.control.count(STATUS)).toBe(2);
    expectEmulatorsSaw(cost);
  });

  it("a retried paid read is paid once: a 503 is not billed, the 200 after it is", async () => {
    h.oneauto.control.script({ operation: BY_VIN, fault: { kind: "status", status: 503 } });
    const result = await h.run(ByVin, { vin: vinWithModels(1) });
    expectNoErrors(result);
    const cost = costOf(result);
    expect(entry(cost, BY_VIN)).toMatchObject({ calls: 2, paidCalls: 1, estimatedPence: 15 });
    expectEmulatorsSaw(cost);
  });

  it("a field refused by argument validation made no call and says so", async () => {
    const result = await h.run(ByVin, { vin: "NOT-A-VIN" });
    expect(onlyError(result).extensions?.code).toBe("BAD_USER_INPUT");
    expect(costOf(result)).toMatchObject({ upstreamCalls: [], calls: 0, paidCalls: 0 });
    expect(h.oneauto.control.counts()).toEqual({});
  });

  it("operations running at the same time are each charged their own calls only", async () => {
    const [search, byVin, statuses] = await Promise.all([
      h.run(Search),
      h.run(ByVin, { vin: vinWithModels(1) }),
      h.run(Statuses, { urls: photoUrls(70, "cost-concurrent") }),
    ]);
    expect(callsTo(costOf(search), "oneauto")).toEqual({ [SEARCH]: 1 });
    expect(callsTo(costOf(byVin), "oneauto")).toEqual({ [BY_VIN]: 1 });
    expect(costOf(statuses).upstreamCalls).toEqual([
      {
        upstream: "carcutter",
        operation: STATUS,
        calls: 2,
        paidCalls: 0,
        paidUnits: 0,
        estimatedPence: 0,
      },
    ]);
    for (const result of [search, byVin]) expect(callsTo(costOf(result), "carcutter")).toEqual({});
  });
});

describe("paid and free calls (default prices: 15p per OneAuto call)", () => {
  it("stockSearch is free: one call, nothing paid", async () => {
    const result = await h.run(Search);
    expectNoErrors(result);
    const cost = costOf(result);
    expect(cost).toMatchObject({ calls: 1, paidCalls: 0, estimatedPence: 0 });
    expect(entry(cost, SEARCH)).toMatchObject({ calls: 1, paidCalls: 0 });
    expectEmulatorsSaw(cost);
  });

  it("stockByVin is one paid call", async () => {
    const result = await h.run(ByVin, { vin: vinWithModels(2) });
    expectNoErrors(result);
    const cost = costOf(result);
    expect(cost).toMatchObject({ calls: 1, paidCalls: 1, estimatedPence: 15 });
    expect(cost.estimatedWorstCasePaidCalls).toBe(1);
    expectEmulatorsSaw(cost);
  });

  it("a VIN OneAuto does not know (204) is a call, not a paid one", async () => {
    const result = await h.run(ByVin, { vin: "WAUZZZ8K9BA000000" });
    expectNoErrors(result);
    expect(result.data).toEqual({ stockByVin: [] });
    const cost = costOf(result);
    expect(entry(cost, BY_VIN)).toMatchObject({ calls: 1, paidCalls: 0, estimatedPence: 0 });
    expectEmulatorsSaw(cost);
  });

  it("stockByRegistration is one paid call", async () => {
    const result = await h.run(ByRegistration);
    expectNoErrors(result);
    expect(entry(costOf(result), BY_VRM)).toMatchObject({
      calls: 1,
      paidCalls: 1,
      estimatedPence: 15,
    });
  });

  it("stockImage is one paid link", async () => {
    const result = await h.run(Link, { id: imageIdOf(model("bmw-3-series-g20"), "front") });
    expectNoErrors(result);
    const cost = costOf(result);
    expect(cost).toMatchObject({ calls: 1, paidCalls: 1, estimatedPence: 15 });
    expectEmulatorsSaw(cost);
  });

  it("a colour without a photo (400) is a call, not a paid one", async () => {
    const bmw = model("bmw-3-series-g20");
    const missing = present(bmw.colours.find((c) => !bmw.coloursWithImages.includes(c)));
    const result = await h.run(Link, { id: imageIdOf(bmw, "front"), color: missing });
    expect(onlyError(result).extensions?.code).toBe("UPSTREAM_BAD_REQUEST");
    const cost = costOf(result);
    expect(entry(cost, LINK)).toMatchObject({ calls: 1, paidCalls: 0, estimatedPence: 0 });
    expectEmulatorsSaw(cost);
  });

  it("a submission's images are paid units; CarCutter's price is 0 unless configured", async () => {
    const result = await h.run(Submit, {
      input: {
        vehicleId: VEHICLE,
        processing: { cutType: "COMPLETE" },
        urls: photoUrls(3, "cost-free"),
      },
    });
    expectNoErrors(result);
    const cost = costOf(result);
    expect(entry(cost, SUBMIT)).toEqual({
      upstream: "carcutter",
      operation: SUBMIT,
      calls: 1,
      paidCalls: 1,
      paidUnits: 3,
      estimatedPence: 0,
    });
    expectEmulatorsSaw(cost);
  });
});

describe("the cost guard (budget: 50 paid OneAuto calls)", () => {
  it("an operation at the budget runs", async () => {
    const result = await h.run(PagePhotos, { n: 10 });
    expectNoErrors(result);
    const cost = costOf(result);
    expect(cost.estimatedWorstCasePaidCalls).toBe(LIMIT);
    expect(cost.paidCalls).toBeGreaterThan(0);
    expect(cost.paidCalls).toBeLessThanOrEqual(LIMIT);
    expectEmulatorsSaw(cost);
  });

  it("one vehicle more (the variable's default) is refused before any upstream call", async () => {
    // n left out: its default, 11, applies.
    const result = await h.run(PagePhotos, { n: undefined });
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    const error = onlyError(result);
    expect(error.extensions).toEqual({
      code: "COST_LIMIT_EXCEEDED",
      estimate: { paidCalls: 55, breakdown: [{ field: "Vehicle.stockPhotos", paidCalls: 55 }] },
      limit: LIMIT,
    });
    expect(error.message).toMatch(/up to 55 paid OneAuto calls, more than the 50 allowed/);
    expect(costOf(result)).toEqual({
      upstreamCalls: [],
      calls: 0,
      paidCalls: 0,
      cacheHits: [],
      cacheHitCount: 0,
      estimatedPence: 0,
      estimatedWorstCasePaidCalls: 55,
      client: "local",
      pencePerDay: 0,
      spentPenceToday: expect.any(Number),
    });
    expect(h.carcutter.control.counts()).toEqual({});
    expect(h.oneauto.control.counts()).toEqual({});
  });

  it("a page of 50 vehicles with their stock matches' photos is refused, with the estimate", async () => {
    const result = await h.run(PageMatches);
    expect(result.status).toBe(400);
    expect(onlyError(result).extensions).toMatchObject({
      code: "COST_LIMIT_EXCEEDED",
      estimate: {
        paidCalls: 50 * (1 + 5),
        breakdown: [
          { field: "StockVehicle.photo", paidCalls: 250 },
          { field: "Vehicle.stockMatches", paidCalls: 50 },
        ],
      },
    });
    expect(h.carcutter.control.counts()).toEqual({});
    expect(h.oneauto.control.counts()).toEqual({});
  });

  it("aliases and fragments are counted: eight stockByVin photos (48) run", async () => {
    const result = await h.run(EightAliases, { vin: vinWithModels(2) });
    expectNoErrors(result);
    const cost = costOf(result);
    expect(cost.estimatedWorstCasePaidCalls).toBe(48);
    // The eight identical searches run at once and share one call (the other seven join it and
    // count as cache hits); the loader asks each distinct link once: far below the worst case.
    expect(entry(cost, BY_VIN)).toMatchObject({ calls: 1, paidCalls: 1 });
    expect(cost.cacheHits).toEqual([{ upstream: "oneauto", operation: BY_VIN, hits: 7 }]);
    expect(entry(cost, LINK)).toMatchObject({ calls: 2, paidCalls: 2 });
    expect(cost.estimatedPence).toBe(3 * 15);
    expectEmulatorsSaw(cost);
  });

  it("an estimate is reused for variables of the same shape, never for variables that failed to coerce", async () => {
    const views = `query CostViews($vehicleId: String!, $views: [StockView!]) {
      vehicle(vehicleId: $vehicleId) { stockPhotos(views: $views) { url } }
    }`;
    const worst = async (vehicleId: string, list: string[]) =>
      costOf(await h.execute(views, { vehicleId, views: list })).estimatedWorstCasePaidCalls;
    // One paid match, then a paid link per view asked for.
    expect(await worst(VEHICLE, ["FRONT", "REAR"])).toBe(3);
    expect(await worst("WAUZZZ8K9BA123456", ["LEFT", "FRONT"])).toBe(3);
    expect(await worst(VEHICLE, ["FRONT", "REAR", "LEFT"])).toBe(4);
    // 60 views with one that is no view: the variables fail, so list sizes are assumed (11)...
    const broken = [...Array.from({ length: 59 }, () => "FRONT"), "NOT_A_VIEW"];
    const failed = await h.execute(views, { vehicleId: VEHICLE, views: broken });
    expect(failed.errors?.[0]?.message).toMatch(/NOT_A_VIEW/);
    // ...and that guess never stands for 60 real views of the same shape: 61 paid calls, refused.
    h.oneauto.control.reset();
    const refused = await h.execute(views, {
      vehicleId: VEHICLE,
      views: Array.from({ length: 60 }, () => "FRONT"),
    });
    expect(onlyError(refused).extensions).toMatchObject({
      code: "COST_LIMIT_EXCEEDED",
      estimate: { paidCalls: 61 },
    });
    expect(h.oneauto.control.counts()).toEqual({});
  });

  it("a ninth, even skipped, makes 54 and is refused with nothing sent", async () => {
    const result = await h.run(NineAliases, { vin: vinWithModels(2) });
    expect(onlyError(result).extensions).toMatchObject({
      code: "COST_LIMIT_EXCEEDED",
      estimate: {
        paidCalls: 54,
        breakdown: [
          { field: "StockVehicle.photo", paidCalls: 45 },
          { field: "Query.stockByVin", paidCalls: 9 },
        ],
      },
      limit: LIMIT,
    });
    expect(h.oneauto.control.counts()).toEqual({});
  });
});

describe("with prices and a budget from the environment", () => {
  let priced: GatewayHarness;
  beforeAll(async () => {
    priced = await startGateway({
      env: {
        ...NO_CACHE_ENV,
        PRICE_ONEAUTO_IMAGE_LINK_PENCE: "12.5",
        PRICE_ONEAUTO_VIN_SEARCH_PENCE: "40",
        PRICE_ONEAUTO_VRM_SEARCH_PENCE: "35",
        PRICE_CARCUTTER_IMAGE_PENCE: "2.5",
        COST_MAX_PAID_CALLS_PER_OPERATION: "6",
      },
    });
  });
  afterAll(() => priced.close());
  beforeEach(() => {
    priced.carcutter.control.reset();
    priced.oneauto.control.reset();
  });

  it("prices each paid call as configured", async () => {
    const result = await priced.run(VinPhoto, { vin: vinWithModels(2) });
    expectNoErrors(result);
    const cost = costOf(result);
    expect(entry(cost, BY_VIN)).toMatchObject({ paidCalls: 1, estimatedPence: 40 });
    expect(entry(cost, LINK)).toMatchObject({ paidCalls: 2, estimatedPence: 25 });
    expect(cost.estimatedPence).toBe(65);
    expectEmulatorsSaw(cost, priced);
  });

  it("submitting 61 photos is two calls, both paid, billed per photo", async () => {
    const result = await priced.run(Submit, {
      input: {
        vehicleId: VEHICLE,
        processing: { cutType: "COMPLETE" },
        urls: photoUrls(61, "cost-61"),
      },
    });
    expectNoErrors(result);
    const cost = costOf(result);
    expect(entry(cost, SUBMIT)).toEqual({
      upstream: "carcutter",
      operation: SUBMIT,
      calls: 2,
      paidCalls: 2,
      paidUnits: 61,
      estimatedPence: 61 * 2.5,
    });
    expect(cost.estimatedPence).toBe(152.5);
    expect(priced.carcutter.control.count(SUBMIT)).toBe(2);
    expectEmulatorsSaw(cost, priced);
  });

  it("the configured budget applies: 6 paid calls run, 7 are refused", async () => {
    const vin = vinWithModels(1);
    const atLimit = await priced.run(VinPhoto, { vin });
    expectNoErrors(atLimit);
    expect(costOf(atLimit).estimatedWorstCasePaidCalls).toBe(6);

    priced.oneauto.control.reset();
    const over = await priced.run(VinAndLink, {
      vin,
      id: imageIdOf(model("bmw-3-series-g20"), "front"),
    });
    expect(onlyError(over).extensions).toMatchObject({
      code: "COST_LIMIT_EXCEEDED",
      estimate: { paidCalls: 7 },
      limit: 6,
    });
    expect(priced.oneauto.control.counts()).toEqual({});
  });

  it("mutations are guarded too: nothing is written when what they select is too dear", async () => {
    const result = await priced.run(UpsertWithPhotos, { input: { vehicleId: "COST-UPSERT-2" } });
    expect(result.status).toBe(400);
    expect(onlyError(result).extensions).toMatchObject({
      code: "COST_LIMIT_EXCEEDED",
      estimate: { paidCalls: 12, breakdown: [{ field: "Vehicle.stockPhotos", paidCalls: 12 }] },
    });
    expect(costOf(result)).toMatchObject({ calls: 0, estimatedWorstCasePaidCalls: 12 });
    expect(priced.carcutter.control.counts()).toEqual({});
    expect(priced.oneauto.control.counts()).toEqual({});
  });
});
