import { buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import {
  type CostEstimate,
  declaredCost,
  estimateCost,
  STOCK_MATCHES_MAX,
  STOCK_SEARCH_MAX,
  STOCK_VIEW_COUNT,
  VEHICLE_PAGE_DEFAULT,
  VEHICLE_PAGE_MAX,
  VEHICLES_TO_SHOOT_ESTIMATE,
} from "../../src/cost/cost-estimate.js";
import { DEFAULT_COST_POLICY } from "../../src/cost/cost-policy.js";
import { STOCK_VIEWS } from "../../src/domains/stock/stock.model.js";
import { MAX_PAGE_SIZE } from "../../src/domains/vehicle/vehicle.schema.js";
import { schema } from "../../src/schema.js";

/** The estimator on its own, over the gateway's schema: documents in, worst cases out. */

const VIN = "WBA5R1C50KAE81715";

function estimate(query: string, variables?: Record<string, unknown>, operationName?: string) {
  return estimateCost(schema, parse(query), { variables, operationName });
}
const paid = (query: string, variables?: Record<string, unknown>) =>
  estimate(query, variables).paidCalls;
const byField = (e: CostEstimate) =>
  Object.fromEntries(e.breakdown.map((entry) => [entry.field, entry.paidCalls]));

describe("the cost table", () => {
  it("uses the limits the domains enforce", () => {
    expect(VEHICLE_PAGE_MAX).toBe(MAX_PAGE_SIZE);
    expect(STOCK_VIEW_COUNT).toBe(STOCK_VIEWS.filter((v) => v !== "UNKNOWN").length);
    expect(STOCK_VIEW_COUNT).toBe(11);
  });

  it("is declared on the fields themselves, and on exactly these", () => {
    const declared: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!("getFields" in type) || type.name.startsWith("__")) continue;
      for (const field of Object.values(type.getFields())) {
        if (declaredCost(field)) declared.push(`${type.name}.${field.name}`);
      }
    }
    expect(declared.sort()).toEqual([
      "Feature.vehicle",
      "Image.vehicle",
      "Mutation.createFeature",
      "Mutation.deleteFeature",
      "Mutation.deleteVehicle",
      "Mutation.deleteVehicleFeatures",
      "Mutation.submitImages",
      "Mutation.upsertVehicle",
      "Query.feature",
      "Query.image",
      "Query.images",
      "Query.stockByRegistration",
      "Query.stockByVin",
      "Query.stockImage",
      "Query.stockSearch",
      "Query.vehicle",
      "Query.vehicles",
      "Query.vehiclesToShoot",
      "StockVehicle.photo",
      "SubmittedImage.image",
      "Vehicle.features",
      "Vehicle.images",
      "Vehicle.stockMatches",
      "Vehicle.stockPhotos",
    ]);
  });
});

describe("root fields", () => {
  it.each([
    ["stockByVin", `{ stockByVin(vin: "${VIN}") { manufacturer } }`, 1],
    ["stockByRegistration", `{ stockByRegistration(registration: "AB19CDE") { year } }`, 1],
    ["stockImage", `{ stockImage(imageId: "x") { url } }`, 1],
    [
      "stockSearch (free)",
      `{ stockSearch(input: {manufacturer: "BMW", modelRange: "3 Series", year: 2020}) { views } }`,
      0,
    ],
    ["CarCutter reads", `{ vehicles { edges { node { vehicleId features { title } } } } }`, 0],
    ["introspection", "{ __schema { types { name } } __typename }", 0],
  ])("%s", (_, query, expected) => {
    expect(paid(query)).toBe(expected);
  });

  it("mutations are walked like queries", () => {
    expect(
      paid(`mutation {
        upsertVehicle(input: {vehicleId: "${VIN}"}) { ... on Vehicle { stockPhotos(views: [FRONT]) { url } } }
      }`),
    ).toBe(2);
  });
});

describe("lists multiply what is under them", () => {
  it("a photo under stockByVin costs one link per match", () => {
    const e = estimate(`{ stockByVin(vin: "${VIN}") { photo(view: FRONT) { url } } }`);
    expect(e).toEqual({
      paidCalls: 1 + STOCK_MATCHES_MAX,
      // One identification, then a link per match; nothing at CarCutter.
      upstreamCalls: { carcutter: 0, oneauto: 1 + STOCK_MATCHES_MAX },
      // stockByVin and its 5 items, then photo and url once per item.
      resultSize: 1 + STOCK_MATCHES_MAX + 2 * STOCK_MATCHES_MAX,
      breakdown: [
        { field: "StockVehicle.photo", paidCalls: STOCK_MATCHES_MAX },
        { field: "Query.stockByVin", paidCalls: 1 },
      ],
    });
  });

  it("a photo under the free stockSearch costs one link per result", () => {
    expect(
      paid(`{
        stockSearch(input: {manufacturer: "BMW", modelRange: "3 Series", year: 2020}) {
          photo(view: FRONT) { url }
        }
      }`),
    ).toBe(STOCK_SEARCH_MAX);
  });

  it("vehicles pages by first, else last, else 20, never above 100", () => {
    const photos = (page: string) =>
      paid(`{ vehicles${page} { edges { node { stockMatches { manufacturer } } } } }`);
    expect(photos("")).toBe(VEHICLE_PAGE_DEFAULT);
    expect(photos("(first: 7)")).toBe(7);
    expect(photos('(last: 4, before: "x")')).toBe(4);
    expect(photos("(first: 500)")).toBe(VEHICLE_PAGE_MAX);
    expect(photos("(first: 0)")).toBe(0);
  });

  it("vehiclesToShoot counts as 100 vehicles", () => {
    expect(paid("{ vehiclesToShoot { stockMatches { photo(view: FRONT) { url } } } }")).toBe(
      VEHICLES_TO_SHOOT_ESTIMATE * (1 + STOCK_MATCHES_MAX),
    );
  });

  it("images counts one vehicle per URL", () => {
    expect(
      paid(`{
        images(urls: ["https://a.example/1.jpg", "https://a.example/2.jpg", "https://a.example/3.jpg"]) {
          vehicle { stockMatches { year } }
        }
      }`),
    ).toBe(3);
  });

  it("single objects (vehicle, node, image, feature) count once", () => {
    expect(
      paid(`{
        vehicle(vehicleId: "${VIN}") { stockMatches { year } }
        node(id: "x") { ... on Vehicle { stockMatches { year } } }
        image(url: "https://a.example/1.jpg") { vehicle { stockMatches { year } } }
        feature(featureId: "f") { vehicle { stockMatches { year } } }
      }`),
    ).toBe(4);
  });
});

describe("Vehicle.stockPhotos", () => {
  const photos = (args: string) =>
    paid(`{ vehicle(vehicleId: "${VIN}") { stockPhotos${args} { url } } }`);

  it("costs the VIN search and one link per view asked for", () => {
    expect(photos("(views: [FRONT, REAR, LEFT])")).toBe(1 + 3);
  });

  it("costs the VIN search and every view when none are given", () => {
    expect(photos("")).toBe(1 + STOCK_VIEW_COUNT);
    expect(photos("(background: OPAQUE)")).toBe(1 + 11);
  });

  it("counts a colour fallback as the one paid link it is (the first answer, a 400, is free)", () => {
    expect(photos("(views: [FRONT])")).toBe(2);
  });
});

describe("documents as execution reads them", () => {
  it("each alias counts", () => {
    expect(
      paid(`{
        a: stockImage(imageId: "x") { url }
        b: stockImage(imageId: "x") { url }
        c: stockImage(imageId: "y") { url }
      }`),
    ).toBe(3);
  });

  it("named fragments count wherever they are spread, nested ones too", () => {
    const e = estimate(`
      query {
        a: stockByVin(vin: "${VIN}") { ...Front }
        b: stockByRegistration(registration: "AB19CDE") { ...Front ...Rear }
        vehicle(vehicleId: "${VIN}") { ...Matches }
      }
      fragment Front on StockVehicle { front: photo(view: FRONT) { url } }
      fragment Rear on StockVehicle { rear: photo(view: REAR) { ...Link } }
      fragment Link on StockImage { url }
      fragment Matches on Vehicle { stockMatches { ...Front } }
    `);
    expect(byField(e)).toEqual({
      "Query.stockByVin": 1,
      "Query.stockByRegistration": 1,
      "Vehicle.stockMatches": 1,
      "StockVehicle.photo": 5 + 10 + 5,
    });
    expect(e.paidCalls).toBe(23);
  });

  it("inline fragments count, with and without a type condition", () => {
    expect(
      paid(`{
        vehicles(first: 2) { edges { node {
          ... on Vehicle { stockMatches { year } }
          ... { stockPhotos(views: [FRONT]) { url } }
        } } }
      }`),
    ).toBe(2 * 1 + 2 * 2);
  });

  it("@skip and @include count as selected", () => {
    expect(
      paid(`{
        a: stockImage(imageId: "x") @skip(if: true) { url }
        b: stockImage(imageId: "x") @include(if: false) { url }
      }`),
    ).toBe(2);
  });

  it("reads arguments from variables, and their defaults when they are not given", () => {
    const query = `
      query Page($n: Int = 7, $views: [StockView!]) {
        vehicles(first: $n) { edges { node { stockPhotos(views: $views) { url } } } }
      }`;
    expect(paid(query)).toBe(7 * (1 + 11));
    expect(paid(query, { n: 3 })).toBe(3 * (1 + 11));
    expect(paid(query, { n: 3, views: ["FRONT", "REAR"] })).toBe(3 * (1 + 2));
    expect(paid(query, { n: null })).toBe(VEHICLE_PAGE_DEFAULT * 12);
  });

  it("estimates the operation named, of several", () => {
    const query = `
      query Cheap { stockImage(imageId: "x") { url } }
      query Dear { vehiclesToShoot { stockMatches { year } } }`;
    expect(estimate(query, undefined, "Cheap").paidCalls).toBe(1);
    expect(estimate(query, undefined, "Dear").paidCalls).toBe(100);
  });

  it("variables that do not coerce fail the operation before it runs; the estimate does not throw", () => {
    const query = `query ($n: Int!) { vehicles(first: $n) { edges { node { stockMatches { year } } } } }`;
    expect(() => paid(query, { n: "many" })).not.toThrow();
    expect(() => paid(query)).not.toThrow();
  });

  it("no operation to run costs nothing", () => {
    expect(estimate("query A { __typename } query B { __typename }")).toEqual({
      paidCalls: 0,
      upstreamCalls: { carcutter: 0, oneauto: 0 },
      resultSize: 0,
      breakdown: [],
    });
  });

  it("a document that spreads fragments into fragments is estimated in linear time", () => {
    const levels = 40;
    const fragments = Array.from(
      { length: levels },
      (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`,
    );
    const query = `{ ...F${levels} }
      fragment F0 on Query { stockImage(imageId: "x") { url } }
      ${fragments.join("\n")}`;
    const started = performance.now();
    const e = estimate(query);
    expect(performance.now() - started).toBeLessThan(500);
    // 2^40 spreads of one paid field: far over any budget, and still a finite number.
    expect(e.paidCalls).toBe(2 ** 40);
  });

  it("a cyclic fragment (refused by validation) does not hang the estimate", () => {
    const query = `{ ...A } fragment A on Query { stockImage(imageId: "x") { url } ...B }
      fragment B on Query { ...A }`;
    // The cycle is cut where it closes: the one paid field, counted once.
    expect(paid(query)).toBe(1);
  });
});

describe("costs of one's own, by coordinate", () => {
  const tiny = buildSchema(`
    type Query { shelves(count: Int): [Shelf!]! free: Shelf }
    type Shelf { books: [Book!]! }
    type Book { price: Int }
  `);
  const costs = {
    "Query.shelves": { listSize: { assumedSize: 3, slicingArguments: ["count"] } },
    "Shelf.books": { paidCalls: 1, listSize: { assumedSize: 4 } },
    "Book.price": { paidCalls: 2 },
  };

  it("applies to any schema by coordinate", () => {
    const e = estimateCost(
      tiny,
      parse("{ shelves(count: 2) { books { price } } free { books { price } } }"),
      {
        costs,
      },
    );
    // shelves: 2 × (1 + 4 × 2) = 18; free: 1 × (1 + 4 × 2) = 9
    expect(e.paidCalls).toBe(27);
    expect(byField(e)).toEqual({ "Shelf.books": 3, "Book.price": 24 });
  });
});

describe("upstream calls and result size", () => {
  const calls = (query: string, variables?: Record<string, unknown>) =>
    estimateCost(schema, parse(query), { variables }).upstreamCalls;

  it("60 image(url:) aliases are one status call; 61 are two", () => {
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `i${i}: image(url: "https://p.example/${i}.jpg") { status }`).join(" ")} }`;
    expect(calls(aliases(60))).toEqual({ carcutter: 1, oneauto: 0 });
    expect(calls(aliases(61))).toEqual({ carcutter: 2, oneauto: 0 });
  });

  it("statuses of images(urls:) and image(url:) share their batches", () => {
    const urls = Array.from({ length: 59 }, (_, i) => `"https://p.example/${i}.jpg"`).join(", ");
    expect(
      calls(
        `{ images(urls: [${urls}]) { status } one: image(url: "https://p.example/x.jpg") { status } }`,
      ),
    ).toEqual({ carcutter: 1, oneauto: 0 });
  });

  it("a feature's vehicle reached through Vehicle.features is the vehicle already loaded: no call", () => {
    // The peer benchmark's Q3: the list, then features per vehicle (1 + 20), nothing per feature.
    expect(
      calls(
        "{ vehicles(first: 20) { edges { node { features { title vehicle { vehicleId } } } } } }",
      ),
    ).toEqual({ carcutter: 21, oneauto: 0 });
    // Anywhere else it is a read of its own.
    expect(calls(`{ feature(featureId: "f1") { vehicle { vehicleId } } }`).carcutter).toBe(2);
    // And below it, a vehicle's features again cost their call.
    expect(
      calls(`{ vehicle(vehicleId: "${VIN}") { features { vehicle { features { title } } } } }`)
        .carcutter,
    ).toBe(1 + 1 + 20);
  });

  it("500 vehicle aliases are 500 CarCutter calls", () => {
    const aliases = Array.from(
      { length: 500 },
      (_, i) => `v${i}: vehicle(vehicleId: "${VIN}") { model }`,
    );
    expect(calls(`{ ${aliases.join(" ")} }`)).toEqual({ carcutter: 500, oneauto: 0 });
  });

  it("a page of vehicles: the list, features per vehicle, and their photos' statuses in batches", () => {
    const e = estimateCost(
      schema,
      parse(
        `{ vehicles(first: 100) { edges { node { vehicleId features { title } images { status } } } } }`,
      ),
    );
    // 1 list + 100 features calls + ceil(100 × 30 photos / 60) status calls.
    expect(e.upstreamCalls).toEqual({ carcutter: 1 + 100 + 50, oneauto: 0 });
    expect(e.resultSize).toBeLessThan(DEFAULT_COST_POLICY.maxResultSize);
    expect(e.upstreamCalls.carcutter).toBeLessThanOrEqual(
      DEFAULT_COST_POLICY.maxUpstreamCallsPerOperation,
    );
  });

  it("a document 12 levels deep multiplies to an answer far past the result budget", () => {
    let selection = "featureId";
    for (let i = 0; i < 6; i++) selection = `features { vehicle { ${selection} } }`;
    const e = estimateCost(schema, parse(`{ vehicle(vehicleId: "${VIN}") { ${selection} } }`));
    expect(e.resultSize).toBeGreaterThan(DEFAULT_COST_POLICY.maxResultSize);
  });
});

describe("the declarations in the SDL", () => {
  it("the committed schema shows what each field costs, as directives clients can read", async () => {
    const { readFile } = await import("node:fs/promises");
    const sdl = await readFile(new URL("../../schema/schema.graphql", import.meta.url), "utf8");
    expect(sdl).toMatch(/^directive @listSize\(/m);
    expect(sdl).toMatch(
      /\): \[Image\] @listSize\(assumedSize: 1, slicingArguments: \["urls"\]\) @upstreamCalls\(upstream: "carcutter", batch: "imageStatus", batchSize: 60\)/,
    );
    expect(sdl).toMatch(
      /photo\([^)]*\): StockImage @upstreamCalls\(upstream: "oneauto", each: 1\) @paidCalls\(each: 1\)/s,
    );
  });
});
