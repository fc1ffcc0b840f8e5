import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED_VEHICLES } from "../../src/emulators/carcutter/seed.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";
import { expectNoErrors, photoUrls, present } from "../support/operations.js";

/**
 * Both providers may add enum values at any time. Scripted "unknown-enum" faults answer a valid
 * body with a value never documented; the gateway answers UNKNOWN for it, never an error.
 */

const UNKNOWN_ENUM = { kind: "unknown-enum" } as const;
const bmw = present(SEED_VEHICLES[0]);
const finalPhoto = present(bmw.images[0]).url;

let h: GatewayHarness;
beforeAll(async () => {
  h = await startGateway();
});
afterAll(() => h.close());
beforeEach(() => {
  h.carcutter.control.reset();
  h.oneauto.control.reset();
});

describe("CarCutter values added later", () => {
  it("an image's unknown status, phase and quality read as UNKNOWN, without a result link", async () => {
    h.carcutter.control.script({ operation: "GET /vehicle/image/status", fault: UNKNOWN_ENUM });
    const result = await h.execute(
      `query ($url: URL!) { image(url: $url) { status phase quality resultAvailable resultUrl } }`,
      { url: finalPhoto },
    );
    expectNoErrors(result);
    expect(result.data).toEqual({
      image: {
        status: "UNKNOWN",
        phase: "UNKNOWN",
        quality: "UNKNOWN",
        resultAvailable: false,
        resultUrl: null,
      },
    });
    expect(h.carcutter.control.pendingFaults()).toEqual({});
  });

  it("a submission answered with unknown values is still ACCEPTED, its image status UNKNOWN", async () => {
    h.carcutter.control.script({
      operation: "POST /vehicle/image/submission",
      fault: UNKNOWN_ENUM,
    });
    const result = await h.execute<{
      submitImages: { results: { outcome: string; image: { status: string; phase: string } }[] };
    }>(
      `mutation ($urls: [URL!]!) { submitImages(input: {vehicleId: "V", urls: $urls, processing: {cutType: NONE}}) {
        ... on SubmitImagesPayload { results { outcome image { status phase } } } } }`,
      { urls: photoUrls(2, "unknown-enum") },
    );
    expectNoErrors(result);
    expect(present(result.data).submitImages.results).toEqual([
      { outcome: "ACCEPTED", image: { status: "UNKNOWN", phase: "UNKNOWN" } },
      { outcome: "ACCEPTED", image: { status: "UNKNOWN", phase: "UNKNOWN" } },
    ]);
  });

  it("a vehicle's unknown status reads as UNKNOWN", async () => {
    h.carcutter.control.script({ operation: "GET /vehicle/status", fault: UNKNOWN_ENUM });
    const result = await h.execute(
      `query ($id: String!) { vehicle(vehicleId: $id) { vehicleId status } }`,
      { id: bmw.vehicle_id },
    );
    expectNoErrors(result);
    expect(result.data).toEqual({ vehicle: { vehicleId: bmw.vehicle_id, status: "UNKNOWN" } });
  });

  it("unknown statuses in the vehicle list and the shot list read as UNKNOWN", async () => {
    h.carcutter.control.script({ operation: "POST /vehicle/list", fault: UNKNOWN_ENUM });
    h.carcutter.control.script({ operation: "GET /vehicle/shotlist", fault: UNKNOWN_ENUM });
    const result = await h.execute<{
      vehicles: { edges: { node: { status: string } }[] };
      vehiclesToShoot: { status: string }[];
    }>(`{ vehicles(first: 3) { edges { node { status } } } vehiclesToShoot { status } }`);
    expectNoErrors(result);
    const data = present(result.data);
    expect(data.vehicles.edges.map((e) => e.node.status)).toEqual([
      "UNKNOWN",
      "UNKNOWN",
      "UNKNOWN",
    ]);
    expect(data.vehiclesToShoot.length).toBeGreaterThan(0);
    expect(new Set(data.vehiclesToShoot.map((v) => v.status))).toEqual(new Set(["UNKNOWN"]));
  });
});

describe("OneAuto values added later", () => {
  it("an unknown view is listed as UNKNOWN, and photo(view: UNKNOWN) still finds its image", async () => {
    h.oneauto.control.script({ operation: "GET /vehicleimagery/imagesearch", fault: UNKNOWN_ENUM });
    const result = await h.execute<{
      stockSearch: { views: string[]; photo: { imageId: string; view: string } | null }[];
    }>(`{ stockSearch(input: {manufacturer: "BMW", modelRange: "3 Series", year: 2020}) {
      views photo(view: UNKNOWN) { imageId view }
    } }`);
    expectNoErrors(result);
    const [vehicle] = present(result.data).stockSearch;
    expect(present(vehicle).views.filter((v) => v === "UNKNOWN")).toHaveLength(1);
    expect(present(vehicle).photo).toMatchObject({ view: "UNKNOWN" });
    expect(h.oneauto.control.count("GET /vehicleimagery/imagefromid")).toBe(1);
  });

  it("an unknown view in a VIN search reads as UNKNOWN", async () => {
    h.oneauto.control.script({
      operation: "GET /vehicleimagery/imagesearchfromvin/",
      fault: UNKNOWN_ENUM,
    });
    const result = await h.execute<{ stockByVin: { views: string[] }[] }>(
      `query ($vin: String!) { stockByVin(vin: $vin) { views } }`,
      { vin: bmw.vehicle_id },
    );
    expectNoErrors(result);
    for (const vehicle of present(result.data).stockByVin)
      expect(vehicle.views).toContain("UNKNOWN");
  });
});
