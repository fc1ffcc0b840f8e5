import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED_VEHICLES } from "../../src/emulators/carcutter/seed.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { ONEAUTO } from "../../src/upstreams/oneauto/dto.js";
import { graphql } from "../gql/index.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";
import { expectNoErrors, photoUrls, present } from "../support/operations.js";

/**
 * Both providers may add enum values at any time. Scripted "unknown-enum" faults answer a valid
 * body with a value never documented; the gateway answers UNKNOWN for it, never an error.
 */

const UNKNOWN_ENUM = { kind: "unknown-enum" } as const;
const bmw = present(SEED_VEHICLES[0]);
const finalPhoto = present(bmw.images[0]).url;

const Image = graphql(`
  query UnknownEnumsImage($url: URL!) {
    image(url: $url) { status phase quality resultAvailable resultUrl }
  }
`);

const Submit = graphql(`
  mutation UnknownEnumsSubmit($urls: [URL!]!) {
    submitImages(input: {vehicleId: "V", urls: $urls, processing: {cutType: NONE}}) {
      ... on SubmitImagesPayload { results { outcome image { status phase } } }
    }
  }
`);

const Vehicle = graphql(`
  query UnknownEnumsVehicle($id: String!) { vehicle(vehicleId: $id) { vehicleId status } }
`);

const Lists = graphql(`
  query UnknownEnumsLists {
    vehicles(first: 3) { edges { node { status } } }
    vehiclesToShoot { status }
  }
`);

const StockSearch = graphql(`
  query UnknownEnumsStockSearch {
    stockSearch(input: {manufacturer: "BMW", modelRange: "3 Series", year: 2020}) {
      views photo(view: UNKNOWN) { imageId view }
    }
  }
`);

const StockByVin = graphql(`
  query UnknownEnumsStockByVin($vin: String!) { stockByVin(vin: $vin) { views } }
`);

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
    h.carcutter.control.script({ operation: CARCUTTER.imageStatuses.name, fault: UNKNOWN_ENUM });
    const result = await h.run(Image, { url: finalPhoto });
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
      operation: CARCUTTER.submitImages.name,
      fault: UNKNOWN_ENUM,
    });
    const result = await h.run(Submit, { urls: photoUrls(2, "unknown-enum") });
    expectNoErrors(result);
    const submitted = present(result.data).submitImages;
    expect("results" in submitted ? submitted.results : undefined).toEqual([
      { outcome: "ACCEPTED", image: { status: "UNKNOWN", phase: "UNKNOWN" } },
      { outcome: "ACCEPTED", image: { status: "UNKNOWN", phase: "UNKNOWN" } },
    ]);
  });

  it("a vehicle's unknown status reads as UNKNOWN", async () => {
    h.carcutter.control.script({ operation: CARCUTTER.vehicle.name, fault: UNKNOWN_ENUM });
    const result = await h.run(Vehicle, { id: bmw.vehicle_id });
    expectNoErrors(result);
    expect(result.data).toEqual({ vehicle: { vehicleId: bmw.vehicle_id, status: "UNKNOWN" } });
  });

  it("unknown statuses in the vehicle list and the shot list read as UNKNOWN", async () => {
    h.carcutter.control.script({ operation: CARCUTTER.listVehicles.name, fault: UNKNOWN_ENUM });
    h.carcutter.control.script({ operation: CARCUTTER.shotlist.name, fault: UNKNOWN_ENUM });
    const result = await h.run(Lists);
    expectNoErrors(result);
    const data = present(result.data);
    expect(present(data.vehicles).edges.map((e) => e.node.status)).toEqual([
      "UNKNOWN",
      "UNKNOWN",
      "UNKNOWN",
    ]);
    const toShoot = present(data.vehiclesToShoot);
    expect(toShoot.length).toBeGreaterThan(0);
    expect(new Set(toShoot.map((v) => v.status))).toEqual(new Set(["UNKNOWN"]));
  });
});

describe("OneAuto values added later", () => {
  it("an unknown view is listed as UNKNOWN, and photo(view: UNKNOWN) still finds its image", async () => {
    h.oneauto.control.script({ operation: ONEAUTO.search.name, fault: UNKNOWN_ENUM });
    const result = await h.run(StockSearch);
    expectNoErrors(result);
    const [vehicle] = present(present(result.data).stockSearch);
    expect(present(vehicle).views.filter((v) => v === "UNKNOWN")).toHaveLength(1);
    expect(present(vehicle).photo).toMatchObject({ view: "UNKNOWN" });
    expect(h.oneauto.control.count(ONEAUTO.imageLink.name)).toBe(1);
  });

  it("an unknown view in a VIN search reads as UNKNOWN", async () => {
    h.oneauto.control.script({
      operation: ONEAUTO.searchByVin.name,
      fault: UNKNOWN_ENUM,
    });
    const result = await h.run(StockByVin, { vin: bmw.vehicle_id });
    expectNoErrors(result);
    for (const vehicle of present(present(result.data).stockByVin))
      expect(vehicle.views).toContain("UNKNOWN");
  });
});
