import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED_VEHICLES } from "../../src/emulators/carcutter/seed.js";
import type { Fault } from "../../src/emulators/control.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { ONEAUTO } from "../../src/upstreams/oneauto/dto.js";
import { graphql } from "../gql/index.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";
import { errorsOf, expectNoErrors, onlyError, present } from "../support/operations.js";

/**
 * Every way an upstream call fails, seen through GraphQL: the error's code and upstream, HTTP 200
 * with the rest of the data intact, and the number of calls the emulator saw (retries included).
 */

const STATUS = CARCUTTER.imageStatuses.name;
const IMAGE_FROM_ID = ONEAUTO.imageLink.name;
const MAX_RETRIES = 2;
const ATTEMPTS = MAX_RETRIES + 1;
const HEADERS_TIMEOUT_MS = 200;
const DEADLINE_MS = 4000;

const bmw = present(SEED_VEHICLES[0]);
const photo = present(bmw.images[0]).url;

let h: GatewayHarness;
beforeAll(async () => {
  h = await startGateway({
    env: {
      UPSTREAM_MAX_RETRIES: String(MAX_RETRIES),
      UPSTREAM_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
      UPSTREAM_DEADLINE_MS: String(DEADLINE_MS),
      // Failures in a row are the point here; the circuit is tested in health.test.ts.
      UPSTREAM_BREAKER_FAILURES: "1000",
    },
  });
});
afterAll(() => h.close());
beforeEach(() => {
  h.carcutter.control.reset();
  h.oneauto.control.reset();
});

/** A vehicle (GET /vehicle/status) next to a photo status (GET /vehicle/image/status). */
const VehicleAndImage = graphql(`
  query UpstreamErrorsVehicleAndImage($vin: String!, $url: URL!) {
    vehicle(vehicleId: $vin) { vehicleId }
    image(url: $url) { status }
  }
`);
const vehicleAndImage = () => h.run(VehicleAndImage, { vin: bmw.vehicle_id, url: photo });

const ImagesAndVehicle = graphql(`
  query UpstreamErrorsImagesAndVehicle($urls: [URL!]!, $vin: String!) {
    images(urls: $urls) { status }
    vehicle(vehicleId: $vin) { vehicleId }
  }
`);

const VehicleFeatures = graphql(`
  query UpstreamErrorsVehicleFeatures {
    vehicles(first: 4) { edges { node { vehicleId features { featureId } } } }
  }
`);

const VehicleAndStockImage = graphql(`
  query UpstreamErrorsVehicleAndStockImage($vin: String!) {
    vehicle(vehicleId: $vin) { vehicleId }
    stockImage(imageId: "bmw-3-series-g20-front") { url }
  }
`);

const VehiclesAndStockSearch = graphql(`
  query UpstreamErrorsVehiclesAndStockSearch {
    vehicles(first: 2) { edges { node { vehicleId } } }
    stockSearch(input: {manufacturer: "BMW", modelRange: "3 Series", year: 2020}) { year }
  }
`);

const OneVehicle = graphql(`
  query UpstreamErrorsOneVehicle { vehicles(first: 1) { edges { cursor } } }
`);

const StockImage = graphql(`
  query UpstreamErrorsStockImage { stockImage(imageId: "bmw-3-series-g20-front") { url } }
`);

describe("CarCutter failures on a read, through GraphQL", () => {
  it.each<[string, string, number, Fault]>([
    ["400", "UPSTREAM_BAD_REQUEST", 1, { kind: "status", status: 400 }],
    ["402", "UPSTREAM_CREDITS_EXCEEDED", 1, { kind: "status", status: 402 }],
    ["403", "UPSTREAM_FORBIDDEN", 1, { kind: "status", status: 403 }],
    ["404", "UPSTREAM_NOT_FOUND", 1, { kind: "status", status: 404 }],
    ["410", "UPSTREAM_GONE", 1, { kind: "status", status: 410 }],
    ["500", "UPSTREAM_UNAVAILABLE", 1, { kind: "status", status: 500 }],
    ["503", "UPSTREAM_UNAVAILABLE", ATTEMPTS, { kind: "status", status: 503 }],
    [
      "429",
      "UPSTREAM_RATE_LIMITED",
      ATTEMPTS,
      { kind: "status", status: 429, retryAfterSeconds: 0 },
    ],
    ["timeout", "UPSTREAM_TIMEOUT", ATTEMPTS, { kind: "latency", ms: HEADERS_TIMEOUT_MS * 5 }],
    ["reset", "UPSTREAM_UNAVAILABLE", ATTEMPTS, { kind: "reset" }],
    ["malformed body", "UPSTREAM_CONTRACT", 1, { kind: "malformed" }],
  ])(
    "a persistent %s nulls only image, as %s after %i call(s); vehicle still answers",
    async (_, code, calls, fault) => {
      h.carcutter.control.script({ operation: STATUS, fault, times: ATTEMPTS });
      const result = await vehicleAndImage();
      expect(result.status).toBe(200);
      expect(result.data).toEqual({ vehicle: { vehicleId: bmw.vehicle_id }, image: null });
      const error = onlyError(result);
      expect(error.path).toEqual(["image"]);
      expect(error.extensions).toMatchObject({ code, upstream: "carcutter", operation: STATUS });
      if (fault.kind === "status") expect(error.extensions?.status).toBe(fault.status);
      expect(error.message).toMatch(/^CarCutter /);
      expect(h.carcutter.control.count(STATUS)).toBe(calls);
    },
  );

  it.each<[string, Fault]>([
    ["503", { kind: "status", status: 503 }],
    ["429 with Retry-After: 0", { kind: "status", status: 429, retryAfterSeconds: 0 }],
    ["timeout", { kind: "latency", ms: HEADERS_TIMEOUT_MS * 5 }],
    ["reset", { kind: "reset" }],
  ])("a single %s is retried: two calls, then the data and no error", async (_, fault) => {
    h.carcutter.control.script({ operation: STATUS, fault });
    const result = await vehicleAndImage();
    expectNoErrors(result);
    expect(result.data?.image?.status).toBe("FINAL");
    expect(h.carcutter.control.count(STATUS)).toBe(2);
  });

  it("a 429 with Retry-After: 1 is retried after waiting about a second", async () => {
    h.carcutter.control.script({
      operation: STATUS,
      fault: { kind: "status", status: 429, retryAfterSeconds: 1 },
    });
    const started = performance.now();
    const result = await vehicleAndImage();
    const elapsed = performance.now() - started;
    expectNoErrors(result);
    expect(result.data?.image?.status).toBe("FINAL");
    expect(h.carcutter.control.count(STATUS)).toBe(2);
    expect(elapsed).toBeGreaterThanOrEqual(900);
  });

  it("a Retry-After beyond the call's deadline is not waited for: one call, RATE_LIMITED with retryAfterSeconds", async () => {
    h.carcutter.control.script({
      operation: STATUS,
      fault: { kind: "status", status: 429, retryAfterSeconds: 60 },
    });
    const started = performance.now();
    const result = await vehicleAndImage();
    expect(performance.now() - started).toBeLessThan(DEADLINE_MS);
    const error = onlyError(result);
    expect(error.extensions).toMatchObject({
      code: "UPSTREAM_RATE_LIMITED",
      retryAfterSeconds: 60,
      status: 429,
    });
    expect(error.message).toMatch(/try again in 60 s/);
    expect(h.carcutter.control.count(STATUS)).toBe(1);
  });

  it("a failed status batch nulls only the items of that field; each item carries the error", async () => {
    h.carcutter.control.script({ operation: STATUS, fault: { kind: "status", status: 500 } });
    const result = await h.run(ImagesAndVehicle, {
      urls: [photo, "https://photos.example.com/other.jpg"],
      vin: bmw.vehicle_id,
    });
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ images: [null, null], vehicle: { vehicleId: bmw.vehicle_id } });
    const errors = errorsOf(result);
    expect(errors.map((e) => e.path)).toEqual([
      ["images", 0],
      ["images", 1],
    ]);
    expect(errors.every((e) => e.extensions?.code === "UPSTREAM_UNAVAILABLE")).toBe(true);
    expect(h.carcutter.control.count(STATUS)).toBe(1);
  });

  it("a failed features call nulls only that vehicle's features", async () => {
    h.carcutter.control.script({
      operation: CARCUTTER.features.name,
      fault: { kind: "status", status: 500 },
    });
    const result = await h.run(VehicleFeatures);
    expect(result.status).toBe(200);
    const nodes = present(present(result.data).vehicles).edges.map((e) => e.node);
    expect(nodes).toHaveLength(4);
    const failed = nodes.flatMap((node, i) => (node.features === null ? [i] : []));
    expect(failed).toHaveLength(1);
    const error = onlyError(result);
    expect(error.path).toEqual(["vehicles", "edges", present(failed[0]), "node", "features"]);
    expect(error.extensions).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", status: 500 });
    expect(h.carcutter.control.count(CARCUTTER.features.name)).toBe(4);
  });
});

describe("OneAuto failures, through GraphQL", () => {
  it.each<[string, string, number, Fault]>([
    ["400", "UPSTREAM_BAD_REQUEST", 1, { kind: "status", status: 400 }],
    ["403", "UPSTREAM_FORBIDDEN", 1, { kind: "status", status: 403 }],
    [
      "429",
      "UPSTREAM_RATE_LIMITED",
      ATTEMPTS,
      { kind: "status", status: 429, retryAfterSeconds: 0 },
    ],
    ["500", "UPSTREAM_UNAVAILABLE", 1, { kind: "status", status: 500 }],
    ["503", "UPSTREAM_UNAVAILABLE", ATTEMPTS, { kind: "status", status: 503 }],
    ["timeout", "UPSTREAM_TIMEOUT", ATTEMPTS, { kind: "latency", ms: HEADERS_TIMEOUT_MS * 5 }],
    ["reset", "UPSTREAM_UNAVAILABLE", ATTEMPTS, { kind: "reset" }],
    ["malformed body", "UPSTREAM_CONTRACT", 1, { kind: "malformed" }],
  ])(
    "a persistent %s nulls only stockImage, as %s after %i call(s); the CarCutter vehicle still answers",
    async (_, code, calls, fault) => {
      h.oneauto.control.script({ operation: IMAGE_FROM_ID, fault, times: ATTEMPTS });
      const result = await h.run(VehicleAndStockImage, { vin: bmw.vehicle_id });
      expect(result.status).toBe(200);
      expect(result.data).toEqual({ vehicle: { vehicleId: bmw.vehicle_id }, stockImage: null });
      const error = onlyError(result);
      expect(error.path).toEqual(["stockImage"]);
      expect(error.extensions).toMatchObject({
        code,
        upstream: "oneauto",
        operation: IMAGE_FROM_ID,
      });
      expect(error.message).toMatch(/^OneAuto /);
      expect(h.oneauto.control.count(IMAGE_FROM_ID)).toBe(calls);
    },
  );

  // Root fields that depend on one upstream are nullable, so that upstream failing cannot take
  // the other upstream's answer with it.
  it("a failing OneAuto search nulls only stockSearch; vehicles still answers", async () => {
    h.oneauto.control.script({
      operation: ONEAUTO.search.name,
      fault: { kind: "status", status: 500 },
    });
    const result = await h.run(VehiclesAndStockSearch);
    // Whole: the same vehicles as when nothing fails.
    const healthy = await h.run(VehiclesAndStockSearch);
    expect(healthy.errors).toBeUndefined();
    expect(healthy.data?.vehicles?.edges?.length).toBeGreaterThan(0);
    expect(result.data?.vehicles).toEqual(healthy.data?.vehicles);
    expect(result.data?.stockSearch).toBeNull();
    expect(errorsOf(result).map((e) => e.path)).toEqual([["stockSearch"]]);
  });

  it("a failing CarCutter list nulls only vehicles; stockSearch still answers", async () => {
    h.carcutter.control.script({
      operation: CARCUTTER.listVehicles.name,
      fault: { kind: "status", status: 500 },
    });
    const result = await h.run(VehiclesAndStockSearch);
    expect(result.data?.vehicles).toBeNull();
    expect(result.data?.stockSearch).toHaveLength(1);
    expect(errorsOf(result).map((e) => e.extensions?.code)).toEqual(["UPSTREAM_UNAVAILABLE"]);
  });
});

describe("credentials and customer the upstreams refuse", () => {
  it("a CarCutter token the upstream rejects is UPSTREAM_UNAUTHORIZED naming the setting, after one call", async () => {
    const wrong = await startGateway({ gatewayEnv: { CARCUTTER_API_TOKEN: "not-the-token" } });
    try {
      const result = await wrong.run(VehicleAndImage, { vin: bmw.vehicle_id, url: photo });
      expect(result.status).toBe(200);
      expect(result.data).toEqual({ vehicle: null, image: null });
      const errors = errorsOf(result);
      expect(errors).toHaveLength(2);
      for (const error of errors) {
        expect(error.extensions).toMatchObject({
          code: "UPSTREAM_UNAUTHORIZED",
          upstream: "carcutter",
          status: 401,
        });
        expect(error.message).toMatch(/CARCUTTER_API_TOKEN/);
      }
      expect(wrong.carcutter.control.counts()).toEqual({
        [CARCUTTER.vehicle.name]: 1,
        [STATUS]: 1,
      });
      expect(JSON.stringify(result)).not.toContain("not-the-token");
    } finally {
      await wrong.close();
    }
  });

  it("a customer the token does not own is UPSTREAM_FORBIDDEN on vehicles; an unknown OneAuto key is UPSTREAM_FORBIDDEN naming ONEAUTO_API_KEY", async () => {
    const wrong = await startGateway({
      gatewayEnv: { CARCUTTER_CUSTOMER: "someone-else", ONEAUTO_API_KEY: "not-the-key" },
    });
    try {
      const vehicles = await wrong.run(OneVehicle);
      expect(vehicles.status).toBe(200);
      const refused = onlyError(vehicles);
      expect(refused.extensions).toMatchObject({
        code: "UPSTREAM_FORBIDDEN",
        upstream: "carcutter",
        operation: CARCUTTER.listVehicles.name,
        status: 403,
      });
      expect(refused.message).toMatch(/CARCUTTER_CUSTOMER/);
      expect(wrong.carcutter.control.count(CARCUTTER.listVehicles.name)).toBe(1);

      const stock = await wrong.run(StockImage);
      expect(stock.data).toEqual({ stockImage: null });
      const key = onlyError(stock);
      expect(key.extensions).toMatchObject({ code: "UPSTREAM_FORBIDDEN", upstream: "oneauto" });
      expect(key.message).toMatch(/ONEAUTO_API_KEY/);
      expect(wrong.oneauto.control.count(IMAGE_FROM_ID)).toBe(1);
      expect(JSON.stringify([vehicles, stock])).not.toContain("not-the-key");
    } finally {
      await wrong.close();
    }
  });
});
