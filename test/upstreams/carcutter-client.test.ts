import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UNKNOWN_ENUM_VALUE } from "../../src/emulators/control.js";
import { isUpstreamError, neverSent } from "../../src/errors.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { CUSTOMER } from "../support/credentials.js";
import {
  type CarCutterHarness,
  RETENTION_MS,
  STEP_MS,
  startCarCutter,
  urlsFor,
} from "../support/emulators.js";
import { tinyRgbaPng } from "../support/pictures.js";
import { expectUpstreamError } from "../support/upstream-clients.js";

const VIN = "WBA5R1C50KAE81715";
const STATUS = CARCUTTER.imageStatuses.name;
const SUBMIT = CARCUTTER.submitImages.name;

let h: CarCutterHarness;
beforeEach(async () => {
  h = await startCarCutter();
});
afterEach(async () => {
  await h.close();
});

const png = () => new Blob([new Uint8Array(tinyRgbaPng())], { type: "image/png" });

describe("image statuses", () => {
  it("asks for 60 URLs in one call, repeating image_url in the order given", async () => {
    const urls = urlsFor(60).reverse();
    const images = await h.client().imageStatuses(urls);
    expect(images.map((i) => i.image)).toEqual(urls);
    expect(images.every((i) => i.status === "unknown")).toBe(true);
    expect(h.count(STATUS)).toBe(1);
  });

  it("refuses no URLs or more than 60 with a RangeError before calling CarCutter", async () => {
    const client = h.client();
    await expect(client.imageStatuses([])).rejects.toThrow(RangeError);
    await expect(client.imageStatuses(urlsFor(61))).rejects.toThrow(RangeError);
    await expect(client.submitImages({ urls: urlsFor(61), vehicleId: VIN })).rejects.toThrow(
      RangeError,
    );
    expect(h.emulator.control.counts()).toEqual({});
  });

  it("reads a status value it has never seen as a plain string instead of failing", async () => {
    h.emulator.control.script({ operation: STATUS, fault: { kind: "unknown-enum" } });
    const [image] = await h.client().imageStatuses(urlsFor(1));
    expect(image).toMatchObject({
      status: UNKNOWN_ENUM_VALUE,
      phase: UNKNOWN_ENUM_VALUE,
      quality: UNKNOWN_ENUM_VALUE,
    });
  });
});

describe("image submission", () => {
  it("sends every field that is set, with the files as parts, and answers the statuses", async () => {
    const urls = urlsFor(3).reverse();
    const images = await h.client().submitImages({
      urls,
      vehicleId: VIN,
      cutType: "complete",
      guidelineId: "guideline-7",
      locationId: "location-2",
      processingSpeed: "lazy",
      retouchingAccuracy: "precise",
      webhookUrl: "https://gateway.example/hooks/carcutter",
      webhookAuthKey: "hook-key",
      customJson: '{"stock":"A1"}',
      sceneId: "scene-3",
      licensePlate: png(),
      background: png(),
      overlay: png(),
    });
    expect(images.map((i) => [i.image, i.status, i.phase])).toEqual(
      urls.map((url) => [url, "processing", "downloading"]),
    );
    const [submission] = h.emulator.submissions();
    expect(submission?.imageUrls).toEqual(urls);
    expect(submission?.fields).toEqual({
      vehicle_id: VIN,
      cut_type: "complete",
      guideline_id: "guideline-7",
      location_id: "location-2",
      processing_speed: "lazy",
      retouching_accuracy: "precise",
      webhook_url: "https://gateway.example/hooks/carcutter",
      webhook_response_auth_key: "hook-key",
      custom_json: '{"stock":"A1"}',
      scene_id: "scene-3",
    });
    expect(Object.keys(submission?.uploads ?? {}).sort()).toEqual([
      "background",
      "license_plate",
      "overlay",
    ]);
    expect(submission?.uploads.license_plate).toMatchObject({
      filename: "license_plate.png",
      contentType: "image/png",
    });
    expect(h.count(SUBMIT)).toBe(1);
  });

  it("leaves optional fields out, including empty ones, which CarCutter would refuse", async () => {
    await h.client().submitImages({
      urls: urlsFor(1),
      vehicleId: VIN,
      guidelineId: "guideline-7",
      locationId: "",
      customJson: "",
    });
    const [submission] = h.emulator.submissions();
    expect(submission?.fields).toEqual({ vehicle_id: VIN, guideline_id: "guideline-7" });
    expect(submission?.uploads).toEqual({});
  });
});

describe("image result", () => {
  it("answers the processed picture's bytes and content type once the image is final", async () => {
    const client = h.client();
    const [url = ""] = urlsFor(1);
    await client.submitImages({ urls: [url], vehicleId: VIN, cutType: "normal" });
    h.clock.advance(6 * STEP_MS);
    const result = await client.imageResult(url);
    expect(result.contentType).toBe("image/jpeg");
    expect([...result.bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  });

  it("is UPSTREAM_NOT_FOUND for a URL never submitted", async () => {
    await expectUpstreamError(h.client().imageResult("https://cdn.dealer.example/none.jpg"), {
      code: "UPSTREAM_NOT_FOUND",
      upstream: "carcutter",
      operation: CARCUTTER.imageResult.name,
      status: 404,
    });
  });

  it("is UPSTREAM_GONE once the result has outlived CarCutter's retention", async () => {
    const client = h.client();
    const [url = ""] = urlsFor(1);
    await client.submitImages({ urls: [url], vehicleId: VIN, cutType: "normal" });
    h.clock.advance(6 * STEP_MS + RETENTION_MS);
    const error = await expectUpstreamError(client.imageResult(url), {
      code: "UPSTREAM_GONE",
      upstream: "carcutter",
      operation: CARCUTTER.imageResult.name,
      status: 410,
    });
    expect(error.upstreamDetail).toBe("file does not exist anymore.");
  });
});

describe("vehicles", () => {
  it("upserts with only the fields given, then updates one field and keeps the rest", async () => {
    const client = h.client();
    const created = await client.upsertVehicle({
      vehicleId: VIN,
      manufacturer: "BMW",
      model: "3 Series",
      modelExtension: "320d M Sport",
      color: "Moroblau Metallic",
      location: "Leeds",
      lot: "B-12",
      customReference: "stock-4711",
      suggestedGuidelineId: "guideline-7",
    });
    expect(created).toMatchObject({
      vehicle_id: VIN,
      app_status: "new",
      vehicle_manufacturer: "BMW",
      vehicle_model: "3 Series",
      vehicle_model_ext: "320d M Sport",
      vehicle_color: "Moroblau Metallic",
      vehicle_location: "Leeds",
      vehicle_lot: "B-12",
      custom_reference: "stock-4711",
      suggested_guideline_id: "guideline-7",
    });
    const updated = await client.upsertVehicle({ vehicleId: VIN, lot: "C-3", color: "" });
    expect(updated).toMatchObject({ vehicle_lot: "C-3", vehicle_color: "Moroblau Metallic" });
    expect(await client.vehicle(VIN)).toEqual(updated);
  });

  it("answers null for a vehicle CarCutter does not know, on read and on delete", async () => {
    const client = h.client();
    expect(await client.vehicle("NO-SUCH-VEHICLE")).toBeNull();
    expect(await client.deleteVehicle("NO-SUCH-VEHICLE")).toBeNull();
    expect(h.count(CARCUTTER.vehicle.name)).toBe(1);
    expect(h.count(CARCUTTER.deleteVehicle.name)).toBe(1);
  });

  it("lists the customer's vehicles with filters, order and paging, and the shotlist", async () => {
    const client = h.client();
    for (const [i, manufacturer] of ["BMW", "Audi", "BMW"].entries()) {
      await client.upsertVehicle({ vehicleId: `VIN-${i}`, manufacturer });
      h.clock.advance(1000);
    }
    const bmws = await client.listVehicles({
      filters: [{ column: "vehicle_manufacturer", values: ["BMW"] }],
      sort_by: "last_update",
      sort_direction: "ASC",
    });
    expect(bmws.map((v) => v.vehicle_id)).toEqual(["VIN-0", "VIN-2"]);
    const page = await client.listVehicles({ limit: 1, offset: 1 });
    expect(page.map((v) => v.vehicle_id)).toEqual(["VIN-1"]);

    await client.deleteVehicle("VIN-1");
    const shotlist = await client.shotlist();
    expect(shotlist.map((v) => v.vehicle_id)).toEqual(["VIN-2", "VIN-0"]);
  });

  it("deletes softly: the vehicle comes back with status deleted", async () => {
    const client = h.client();
    await client.upsertVehicle({ vehicleId: VIN });
    expect(await client.deleteVehicle(VIN)).toMatchObject({
      vehicle_id: VIN,
      app_status: "deleted",
    });
  });

  it("sends the configured customer, so another customer is UPSTREAM_FORBIDDEN", async () => {
    await h.client().listVehicles({});
    await expectUpstreamError(h.client({ customer: `${CUSTOMER}-other` }).listVehicles({}), {
      code: "UPSTREAM_FORBIDDEN",
      upstream: "carcutter",
      operation: CARCUTTER.listVehicles.name,
      status: 403,
    });
  });
});

describe("features", () => {
  it("creates, reads, lists and deletes features with the wire's field names", async () => {
    const client = h.client();
    await client.upsertVehicle({ vehicleId: VIN });
    const featureId = await client.createFeature({
      vehicleId: VIN,
      title: "Panoramic roof",
      icon: "roof",
      type: "text",
      description: "Tilting glass roof",
      ruleName: "roof-rule",
      annotationId: "annotation-1",
      detailImageId: "detail-1",
    });
    const second = await client.createFeature({
      vehicleId: VIN,
      title: "Tow bar",
      icon: "hook",
      type: "text",
    });
    const expected = {
      feature_id: featureId,
      vehicle_id: VIN,
      title: "Panoramic roof",
      icon: "roof",
      type: "text",
      description: "Tilting glass roof",
      feature_rule_name: "roof-rule",
      annotation_id: "annotation-1",
      detail_image_id: "detail-1",
    };
    expect(await client.feature(featureId)).toEqual(expected);
    expect((await client.features(VIN)).map((f) => f.feature_id)).toEqual([featureId, second]);
    expect(await client.deleteFeature(featureId)).toEqual([expected]);
    expect(await client.feature(featureId)).toBeNull();
    expect(await client.deleteFeature(featureId)).toBeNull();
    const rest = await client.deleteVehicleFeatures(VIN);
    expect(rest).toEqual([expect.objectContaining({ feature_id: second, title: "Tow bar" })]);
    expect(await client.features(VIN)).toEqual([]);
  });

  it("refuses a feature for a vehicle CarCutter does not know with UPSTREAM_NOT_FOUND", async () => {
    await expectUpstreamError(
      h.client().createFeature({ vehicleId: "NO-SUCH", title: "t", icon: "i", type: "text" }),
      {
        code: "UPSTREAM_NOT_FOUND",
        upstream: "carcutter",
        operation: CARCUTTER.createFeature.name,
        status: 404,
      },
    );
  });
});

describe("a submission after shutdown", () => {
  it("is refused by the closed pool without reaching CarCutter: never sent, safe to send again", async () => {
    const client = h.client();
    await client.http.close();
    const before = h.count(SUBMIT);
    const error = await client.submitImages({ urls: urlsFor(2), vehicleId: VIN }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    if (!isUpstreamError(error)) throw new Error(`expected an UpstreamError, got ${String(error)}`);
    expect(neverSent(error)).toBe(true);
    expect(h.count(SUBMIT)).toBe(before);
  });
});
