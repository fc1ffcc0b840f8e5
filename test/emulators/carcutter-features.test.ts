import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FeatureDto } from "../../src/upstreams/carcutter/dto.js";
import {
  type CarCutterHarness,
  type ErrorEnvelope,
  form,
  startCarCutter,
} from "../support/emulators.js";
import { pngBlob, tinyRgbaPng } from "../support/pictures.js";

const VIN = "WBA5R1C50KAE81715";
const OTHER = "WDD2050041F123456";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let h: CarCutterHarness;
beforeEach(async () => {
  h = await startCarCutter();
  for (const vehicleId of [VIN, OTHER]) {
    await h.call("POST", "/vehicle/submission", { form: form({ vehicle_id: vehicleId }) });
  }
});
afterEach(async () => {
  await h.close();
});

const createFeature = (fields: Record<string, string>) =>
  h.callJson<{ feature_id: string } & ErrorEnvelope>("POST", "/vehicle/feature/submission", {
    form: form(fields),
  });

const featuresOf = (vehicleId: string) =>
  h.callJson<{ features: FeatureDto[] } & ErrorEnvelope>("GET", "/vehicle/features", {
    query: { vehicle_id: vehicleId },
  });

const getFeature = (featureId: string) =>
  h.callJson<{ features: FeatureDto[] } & ErrorEnvelope>("GET", "/vehicle/feature", {
    query: { feature_id: featureId },
  });

describe("feature creation", () => {
  it("answers a fresh UUID and stores every field it was given", async () => {
    const fields = {
      vehicle_id: VIN,
      title: "Panoramic roof",
      icon: "panorama",
      type: "text",
      description: "Tilting glass roof with blind",
      feature_rule_name: "comfort",
      annotation_id: "annotation-7",
      detail_image_id: "detail-3",
    };
    const created = await createFeature(fields);
    expect(created.status).toBe(200);
    expect(created.body.feature_id).toMatch(UUID);
    expect(Object.keys(created.body)).toEqual(["feature_id"]);
    const read = await getFeature(created.body.feature_id);
    expect(read.body).toEqual({ features: [{ feature_id: created.body.feature_id, ...fields }] });
    const second = await createFeature({
      vehicle_id: VIN,
      title: "Heated seats",
      icon: "seat-heat",
      type: "text",
    });
    expect(second.body.feature_id).not.toBe(created.body.feature_id);
  });

  it("leaves unset optional fields out", async () => {
    const created = await createFeature({
      vehicle_id: VIN,
      title: "Towbar",
      icon: "tow",
      type: "text",
    });
    const [feature] = (await getFeature(created.body.feature_id)).body.features;
    expect(Object.keys(feature ?? {}).sort()).toEqual([
      "feature_id",
      "icon",
      "title",
      "type",
      "vehicle_id",
    ]);
  });

  it("names every missing required field in one 400", async () => {
    const none = await createFeature({});
    expect(none.body).toEqual({
      code: 400,
      message: "required fields missing: vehicle_id, title, icon, type",
    });
    const some = await createFeature({ vehicle_id: VIN, title: "", type: "doc" });
    expect(some.body.message).toBe("required fields missing: title, icon");
    expect((await featuresOf(VIN)).body.features).toEqual([]);
  });

  it("refuses a feature for an unknown vehicle with 404", async () => {
    const res = await createFeature({ vehicle_id: "NOPE", title: "x", icon: "y", type: "text" });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 404, message: "no such vehicle" });
  });

  it("refuses an empty optional field", async () => {
    const res = await createFeature({
      vehicle_id: VIN,
      title: "x",
      icon: "y",
      type: "text",
      annotation_id: "",
    });
    expect(res.body.message).toBe(
      "annotation_id: sent empty; leave non-mandatory parameters out of the request",
    );
  });
});

describe("feature reading and deletion", () => {
  let roof: string;
  let seats: string;
  let sound: string;
  beforeEach(async () => {
    roof = (
      await createFeature({
        vehicle_id: VIN,
        title: "Panoramic roof",
        icon: "panorama",
        type: "text",
      })
    ).body.feature_id;
    sound = (
      await createFeature({ vehicle_id: OTHER, title: "Burmester", icon: "speaker", type: "text" })
    ).body.feature_id;
    seats = (
      await createFeature({
        vehicle_id: VIN,
        title: "Heated seats",
        icon: "seat-heat",
        type: "doc",
      })
    ).body.feature_id;
  });

  it("lists a vehicle's features in creation order, and none for an unknown vehicle", async () => {
    expect((await featuresOf(VIN)).body.features.map((f) => f.feature_id)).toEqual([roof, seats]);
    expect((await featuresOf("NOPE")).body).toEqual({ features: [] });
    const missing = await h.callJson<ErrorEnvelope>("GET", "/vehicle/features");
    expect(missing.body).toEqual({ code: 400, message: "vehicle_id is required" });
  });

  it("answers one feature in a list, and 404 for an unknown id", async () => {
    expect((await getFeature(sound)).body.features.map((f) => f.title)).toEqual(["Burmester"]);
    expect((await getFeature("00000000-0000-4000-a000-000000000000")).body).toEqual({
      code: 404,
      message: "no such feature",
    });
  });

  it("deletes one feature and answers it whole; a second deletion is 404", async () => {
    const res = await h.callJson<{ deleted_features: FeatureDto[] } & ErrorEnvelope>(
      "DELETE",
      "/vehicle/feature/delete",
      { query: { feature_id: roof } },
    );
    expect(res.body.deleted_features).toEqual([
      {
        feature_id: roof,
        vehicle_id: VIN,
        title: "Panoramic roof",
        icon: "panorama",
        type: "text",
      },
    ]);
    expect((await getFeature(roof)).status).toBe(404);
    expect((await featuresOf(VIN)).body.features.map((f) => f.feature_id)).toEqual([seats]);
    const again = await h.callJson<ErrorEnvelope>("DELETE", "/vehicle/feature/delete", {
      query: { feature_id: roof },
    });
    expect(again.body).toEqual({ code: 404, message: "no such feature" });
  });

  it("deletes all features of one vehicle, leaving other vehicles' features", async () => {
    const res = await h.callJson<{ deleted_features: FeatureDto[] }>(
      "DELETE",
      "/vehicle/features/delete",
      { query: { vehicle_id: VIN } },
    );
    expect(res.body.deleted_features.map((f) => f.feature_id)).toEqual([roof, seats]);
    expect((await featuresOf(VIN)).body.features).toEqual([]);
    expect((await featuresOf(OTHER)).body.features.map((f) => f.feature_id)).toEqual([sound]);
    const nothingLeft = await h.callJson<{ deleted_features: FeatureDto[] }>(
      "DELETE",
      "/vehicle/features/delete",
      { query: { vehicle_id: VIN } },
    );
    expect(nothingLeft.body).toEqual({ deleted_features: [] });
  });
});

describe("synchronous cut", () => {
  const CUT = "/vehicle/composition/single-segment";
  const cut = (fields: Record<string, string | Blob>) =>
    h.call("POST", CUT, { form: form(fields) });
  const decode = async (res: Response) => Buffer.from(await res.text(), "base64");

  it("answers a base64 JPEG as text for an image_url, for one credit", async () => {
    const res = await cut({ image_url: "https://a.example/car.jpg", cut_type: "normal" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect([...(await decode(res)).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(h.emulator.credits()).toBe(999);
  });

  it("cuts an uploaded image file too, and the picture follows the input and the cut type", async () => {
    const fromFile = await decode(
      await cut({ image: pngBlob(tinyRgbaPng()), cut_type: "complete" }),
    );
    const fromUrl = await decode(
      await cut({ image_url: "https://a.example/car.jpg", cut_type: "complete" }),
    );
    const blurred = await decode(
      await cut({ image_url: "https://a.example/car.jpg", cut_type: "blur" }),
    );
    expect([...fromFile.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    expect(fromFile.equals(fromUrl)).toBe(false);
    expect(fromUrl.equals(blurred)).toBe(false);
    expect(h.emulator.credits()).toBe(997);
  });

  it("answers {} for cut_type none, still for one credit", async () => {
    const res = await cut({ image_url: "https://a.example/car.jpg", cut_type: "none" });
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({});
    expect(h.emulator.credits()).toBe(999);
  });

  it("requires an image or image_url, and a valid cut_type", async () => {
    const neither = await h.callJson<ErrorEnvelope>("POST", CUT, {
      form: form({ cut_type: "normal" }),
    });
    expect(neither.body).toEqual({ code: 400, message: "image or image_url is required" });
    const noCut = await h.callJson<ErrorEnvelope>("POST", CUT, {
      form: form({ image_url: "https://a.example/car.jpg" }),
    });
    expect(noCut.body).toEqual({ code: 400, message: "cut_type is required" });
    const badCut = await h.callJson<ErrorEnvelope>("POST", CUT, {
      form: form({ image_url: "https://a.example/car.jpg", cut_type: "zigzag" }),
    });
    expect(badCut.body.message).toMatch(/^cut_type: must be one of complete, normal, blur, none/);
    expect(h.emulator.credits()).toBe(1000);
  });

  it("ignores layout options it does not model", async () => {
    const res = await cut({
      image_url: "https://a.example/car.jpg",
      cut_type: "normal",
      resolution: "1600x1200",
      padding_x: "10",
    });
    expect(res.status).toBe(200);
  });

  it("refuses with 402 when no credit is left, charging nothing", async () => {
    h.emulator.setCredits(0);
    const res = await h.callJson<ErrorEnvelope>("POST", CUT, {
      form: form({ image_url: "https://a.example/car.jpg", cut_type: "normal" }),
    });
    expect(res.status).toBe(402);
    expect(res.body).toEqual({ code: 402, message: "Credits exceeded. Please contact sales." });
    expect(h.emulator.credits()).toBe(0);
  });
});
