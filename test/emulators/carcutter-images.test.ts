import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderPng } from "../../src/emulators/pictures.js";
import type { ImageStatusResponseDto } from "../../src/upstreams/carcutter/dto.js";
import {
  type CarCutterHarness,
  type ErrorEnvelope,
  form,
  RETENTION_MS,
  STEP_MS,
  startCarCutter,
  THREE_WEBHOOK_RETRIES_MS,
  urlsFor,
} from "../support/emulators.js";
import { pngBlob, tinyRgbaPng, tinyRgbPng } from "../support/pictures.js";

const SUBMIT = "/vehicle/image/submission";
const STATUS = "/vehicle/image/status";
const RESULT = "/vehicle/image/result";
const VIN = "WBA5R1C50KAE81715";

let h: CarCutterHarness;
beforeEach(async () => {
  h = await startCarCutter({ webhookRetryDelaysMs: THREE_WEBHOOK_RETRIES_MS });
});
afterEach(async () => {
  await h.close();
});

const submit = (fields: Record<string, string | readonly string[] | Blob>) =>
  h.callJson<ImageStatusResponseDto & ErrorEnvelope>("POST", SUBMIT, { form: form(fields) });

const statusOf = async (...urls: string[]) => {
  const res = await h.callJson<ImageStatusResponseDto>("GET", STATUS, {
    query: { image_url: urls },
  });
  expect(res.status).toBe(200);
  return res.body.data.images;
};

const jpegMagic = (bytes: Uint8Array) => [...bytes.subarray(0, 3)];

describe("bearer auth", () => {
  const operations: [string, string][] = [
    ["POST", SUBMIT],
    ["GET", STATUS],
    ["GET", RESULT],
    ["POST", "/vehicle/submission"],
    ["GET", "/vehicle/status"],
    ["POST", "/vehicle/list"],
    ["GET", "/vehicle/shotlist"],
    ["DELETE", "/vehicle/delete"],
    ["POST", "/vehicle/feature/submission"],
    ["GET", "/vehicle/features"],
    ["GET", "/vehicle/feature"],
    ["DELETE", "/vehicle/feature/delete"],
    ["DELETE", "/vehicle/features/delete"],
    ["POST", "/vehicle/composition/single-segment"],
  ];

  it("refuses every operation without a token with 401 and the documented message", async () => {
    for (const [method, path] of operations) {
      const res = await h.callJson<ErrorEnvelope>(method, path, { token: null });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.body).toEqual({ code: 401, message: "submitted 'Bearer' token is unauthorized" });
    }
  });

  it("refuses a wrong token, a token without the Bearer scheme, and an empty bearer", async () => {
    const wrong = await h.callJson<ErrorEnvelope>("GET", STATUS, {
      token: "not-the-token",
      query: { image_url: "https://a.example/x.jpg" },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toBe("submitted 'Bearer' token is unauthorized");
    const basic = await h.call("GET", "/vehicle/shotlist", {
      token: null,
      headers: { authorization: "Basic dGVzdA==" },
    });
    expect(basic.status).toBe(401);
    const empty = await h.call("GET", "/vehicle/shotlist", {
      token: null,
      headers: { authorization: "Bearer " },
    });
    expect(empty.status).toBe(401);
  });

  it("checks the token before the input, so a bad request without a token is still 401", async () => {
    const res = await h.call("POST", SUBMIT, { token: null, body: "junk" });
    expect(res.status).toBe(401);
    expect(h.emulator.submissions()).toHaveLength(0);
  });

  it("serves the control routes without a token", async () => {
    const res = await h.call("GET", "/__emulator/requests", { token: null });
    expect(res.status).toBe(200);
  });
});

describe("image submission", () => {
  it("accepts 60 URLs, answers each as processing/downloading in request order, costs 60 credits", async () => {
    const urls = urlsFor(60);
    const res = await submit({ image_url: urls, vehicle_id: VIN, cut_type: "complete" });
    expect(res.status).toBe(200);
    expect(res.body.data.images.map((i) => i.image)).toEqual(urls);
    expect(res.body.data.images[0]).toEqual({
      image: urls[0],
      angle: ["exterior", "front-left"],
      status: "processing",
      phase: "downloading",
      quality: null,
    });
    expect(h.emulator.credits()).toBe(1000 - 60);
    expect(h.emulator.submissions()).toHaveLength(1);
  });

  it("refuses 61 URLs with a 400 naming the limit, storing and charging nothing", async () => {
    const res = await submit({ image_url: urlsFor(61), vehicle_id: VIN, cut_type: "complete" });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 400, message: "image_url: at most 60 per request, got 61" });
    expect(h.emulator.credits()).toBe(1000);
    expect(h.emulator.submissions()).toHaveLength(0);
  });

  it("refuses a submission without image_url", async () => {
    const res = await submit({ vehicle_id: VIN, cut_type: "complete" });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^image_url is required \(1 to 60 per request\)$/);
  });

  it("refuses relative, non-http and empty image URLs, naming image_url", async () => {
    for (const bad of ["/relative/car.jpg", "ftp://files.example/car.jpg", "not a url"]) {
      const res = await submit({ image_url: bad, vehicle_id: VIN, cut_type: "complete" });
      expect(res.status, bad).toBe(400);
      expect(res.body.message).toMatch(/^image_url: must be an absolute http\(s\) URL/);
    }
    const empty = await submit({ image_url: "", vehicle_id: VIN, cut_type: "complete" });
    expect(empty.body.message).toBe("image_url is required");
  });

  it("requires vehicle_id, but not an existing vehicle record", async () => {
    const missing = await submit({ image_url: "https://a.example/x.jpg", cut_type: "complete" });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toBe("vehicle_id is required");
    const unknownVehicle = await submit({
      image_url: "https://a.example/x.jpg",
      vehicle_id: "NO-SUCH-VEHICLE",
      cut_type: "complete",
    });
    expect(unknownVehicle.status).toBe(200);
  });

  it("requires cut_type or guideline_id, and accepts either or both", async () => {
    const neither = await submit({ image_url: "https://a.example/1.jpg", vehicle_id: VIN });
    expect(neither.status).toBe(400);
    expect(neither.body.message).toMatch(/cut_type or guideline_id is required/);
    const choices: Record<string, string>[] = [
      { cut_type: "blur" },
      { guideline_id: "guideline-2" },
      { cut_type: "none", guideline_id: "guideline-2" },
    ];
    for (const choice of choices) {
      const res = await submit({
        image_url: "https://a.example/2.jpg",
        vehicle_id: VIN,
        ...choice,
      });
      expect(res.status, JSON.stringify(choice)).toBe(200);
    }
  });

  it("refuses values outside the enums, naming the field and the allowed values", async () => {
    const base = { image_url: "https://a.example/x.jpg", vehicle_id: VIN, cut_type: "complete" };
    const cut = await submit({ ...base, cut_type: "diagonal" });
    expect(cut.body).toEqual({
      code: 400,
      message: 'cut_type: must be one of complete, normal, blur, none, got "diagonal"',
    });
    const speed = await submit({ ...base, processing_speed: "fast" });
    expect(speed.body.message).toMatch(/^processing_speed: must be one of normal, lazy/);
    const accuracy = await submit({ ...base, retouching_accuracy: "sloppy" });
    expect(accuracy.body.message).toMatch(/^retouching_accuracy: must be one of normal, precise/);
    const hook = await submit({ ...base, webhook_url: "mailto:ops@dealer.example" });
    expect(hook.body.message).toMatch(/^webhook_url: must be an absolute http\(s\) URL/);
    expect(h.emulator.submissions()).toHaveLength(0);
  });

  it("refuses optional parameters sent empty, asking to leave them out", async () => {
    const res = await submit({
      image_url: "https://a.example/x.jpg",
      vehicle_id: VIN,
      cut_type: "complete",
      location_id: "",
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(
      "location_id: sent empty; leave non-mandatory parameters out of the request",
    );
  });

  it("refuses a field sent twice where one value is expected", async () => {
    const res = await submit({
      image_url: "https://a.example/x.jpg",
      vehicle_id: [VIN, "OTHER"],
      cut_type: "complete",
    });
    expect(res.body).toEqual({ code: 400, message: "vehicle_id: expected once, got 2 values" });
  });

  it("refuses a body that is not multipart/form-data", async () => {
    const json = await h.callJson<ErrorEnvelope>("POST", SUBMIT, {
      json: { image_url: ["https://a.example/x.jpg"], vehicle_id: VIN, cut_type: "complete" },
    });
    expect(json.status).toBe(400);
    expect(json.body.message).toBe(
      "request body must be multipart/form-data, got application/json",
    );
    const urlencoded = await h.callJson<ErrorEnvelope>("POST", SUBMIT, {
      body: "image_url=https%3A%2F%2Fa.example%2Fx.jpg&vehicle_id=X&cut_type=none",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(urlencoded.status).toBe(400);
  });

  it("refuses custom_json that is not JSON, and stores it when it is", async () => {
    const base = { image_url: "https://a.example/x.jpg", vehicle_id: VIN, cut_type: "complete" };
    const bad = await submit({ ...base, custom_json: "{stock: A1}" });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^custom_json: must be a JSON document/);
    const good = await submit({ ...base, custom_json: '{"stock":"A1","price":18990}' });
    expect(good.status).toBe(200);
    expect(h.emulator.submissions().at(-1)?.fields.custom_json).toBe(
      '{"stock":"A1","price":18990}',
    );
  });

  it("stores every accepted field and upload, and ignores unknown fields", async () => {
    const plate = tinyRgbaPng();
    const res = await submit({
      image_url: ["https://a.example/front-left.jpg", "https://a.example/rear.jpg"],
      vehicle_id: VIN,
      cut_type: "normal",
      guideline_id: "guideline-2",
      location_id: "berlin-mitte",
      processing_speed: "lazy",
      retouching_accuracy: "precise",
      webhook_url: "https://gateway.example/hooks/carcutter",
      webhook_response_auth_key: "hook-secret",
      custom_json: '{"stock":"A1"}',
      scene_id: "scene-7",
      license_plate: pngBlob(plate),
      background: pngBlob(renderPng({ width: 4, height: 4, body: [1, 2, 3] })),
      overlay: pngBlob(plate),
      favourite_colour: "green",
    });
    expect(res.status).toBe(200);
    const [stored] = h.emulator.submissions();
    expect(stored?.imageUrls).toEqual([
      "https://a.example/front-left.jpg",
      "https://a.example/rear.jpg",
    ]);
    expect(stored?.creditsCharged).toBe(2);
    expect(stored?.fields).toEqual({
      vehicle_id: VIN,
      cut_type: "normal",
      guideline_id: "guideline-2",
      location_id: "berlin-mitte",
      processing_speed: "lazy",
      retouching_accuracy: "precise",
      webhook_url: "https://gateway.example/hooks/carcutter",
      webhook_response_auth_key: "hook-secret",
      custom_json: '{"stock":"A1"}',
      scene_id: "scene-7",
    });
    expect(stored?.uploads.license_plate).toEqual({
      bytes: plate.length,
      sha256: createHash("sha256").update(plate).digest("hex"),
      filename: "license_plate.png",
      contentType: "image/png",
    });
    expect(stored?.uploads.overlay?.bytes).toBe(plate.length);
    expect(stored?.uploads.background?.bytes).toBeGreaterThan(33);
    const overHttp = await h.callJson("GET", "/__emulator/submissions", { token: null });
    expect(overHttp.body).toEqual(JSON.parse(JSON.stringify(h.emulator.submissions())));
  });

  it("refuses a binary part that is not a PNG, naming the field", async () => {
    const res = await submit({
      image_url: "https://a.example/x.jpg",
      vehicle_id: VIN,
      cut_type: "complete",
      license_plate: new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], {
        type: "image/jpeg",
      }),
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(
      "license_plate: must be an RGBA PNG, got a file that is not a PNG",
    );
  });

  it("refuses an RGB PNG without alpha, naming the field and the colour type", async () => {
    const res = await submit({
      image_url: "https://a.example/x.jpg",
      vehicle_id: VIN,
      cut_type: "complete",
      overlay: pngBlob(tinyRgbPng()),
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(
      "overlay: must be an RGBA PNG (colour type 6), got PNG colour type 2",
    );
  });

  it("refuses a text value where a file part belongs", async () => {
    const res = await submit({
      image_url: "https://a.example/x.jpg",
      vehicle_id: VIN,
      cut_type: "complete",
      background: "white",
    });
    expect(res.body).toEqual({
      code: 400,
      message: "background: must be a file part, got a text field",
    });
  });

  it("refuses an upload over the size limit, naming the field and the limit", async () => {
    const small = await startCarCutter({ maxUploadBytes: 2048 });
    try {
      // A real RGBA PNG header, padded past the limit: only the size may be the problem.
      const big = Buffer.concat([tinyRgbaPng(), Buffer.alloc(3000)]);
      const res = await small.callJson<ErrorEnvelope>("POST", SUBMIT, {
        form: form({
          image_url: "https://a.example/x.jpg",
          vehicle_id: VIN,
          cut_type: "complete",
          background: pngBlob(big),
        }),
      });
      expect(res.status).toBe(400);
      expect(res.body.message).toBe(`background: at most 2048 bytes per file, got ${big.length}`);
      expect(small.emulator.submissions()).toHaveLength(0);
    } finally {
      await small.close();
    }
  });

  it("refuses a whole body far over the limits with 413 before reading it", async () => {
    const small = await startCarCutter({ maxUploadBytes: 1024 });
    try {
      const res = await small.callJson<ErrorEnvelope>("POST", SUBMIT, {
        form: form({ image_url: "https://a.example/x.jpg", junk: "x".repeat(2 * 1024 * 1024) }),
      });
      expect(res.status).toBe(413);
      expect(res.body.message).toMatch(/^request body: at most \d+ bytes$/);
    } finally {
      await small.close();
    }
  });

  it("lists and bills a URL repeated within one request once", async () => {
    const url = "https://a.example/front.jpg";
    const res = await submit({
      image_url: [url, "https://a.example/rear.jpg", url],
      vehicle_id: VIN,
      cut_type: "complete",
    });
    expect(res.body.data.images.map((i) => i.image)).toEqual([url, "https://a.example/rear.jpg"]);
    expect(h.emulator.credits()).toBe(998);
  });

  it("bills a resubmitted URL again and restarts its lifecycle", async () => {
    const url = "https://a.example/front.jpg";
    await submit({ image_url: url, vehicle_id: VIN, cut_type: "complete" });
    h.clock.advance(7 * STEP_MS);
    expect((await statusOf(url))[0]?.status).toBe("final");
    const again = await submit({ image_url: url, vehicle_id: VIN, cut_type: "complete" });
    expect(again.body.data.images[0]?.status).toBe("processing");
    expect((await statusOf(url))[0]?.phase).toBe("downloading");
    expect(h.emulator.credits()).toBe(998);
    expect(h.emulator.submissions()).toHaveLength(2);
  });
});

describe("credits", () => {
  it("accepts a submission that uses the exact balance, leaving zero", async () => {
    h.emulator.setCredits(3);
    const res = await submit({ image_url: urlsFor(3), vehicle_id: VIN, cut_type: "complete" });
    expect(res.status).toBe(200);
    expect(h.emulator.credits()).toBe(0);
  });

  it("refuses a submission one credit short with 402, storing and charging nothing", async () => {
    h.emulator.setCredits(2);
    const urls = urlsFor(3);
    const res = await submit({ image_url: urls, vehicle_id: VIN, cut_type: "complete" });
    expect(res.status).toBe(402);
    expect(res.body).toEqual({ code: 402, message: "Credits exceeded. Please contact sales." });
    expect(res.headers.get("retry-after")).toBeNull();
    expect(h.emulator.credits()).toBe(2);
    expect(h.emulator.submissions()).toHaveLength(0);
    expect((await statusOf(...urls)).map((i) => i.status)).toEqual([
      "unknown",
      "unknown",
      "unknown",
    ]);
  });

  it("are read and set over /__emulator/credits", async () => {
    const set = await h.callJson<{ credits: number }>("POST", "/__emulator/credits", {
      json: { credits: 5 },
      token: null,
    });
    expect(set.body).toEqual({ credits: 5 });
    expect(h.emulator.credits()).toBe(5);
    const read = await h.callJson<{ credits: number }>("GET", "/__emulator/credits");
    expect(read.body).toEqual({ credits: 5 });
    const bad = await h.callJson<ErrorEnvelope>("POST", "/__emulator/credits", {
      json: { credits: -1 },
    });
    expect(bad.status).toBe(400);
    expect(h.emulator.credits()).toBe(5);
    expect(() => h.emulator.setCredits(1.5)).toThrow(RangeError);
  });
});

describe("image status", () => {
  it("answers URLs never submitted as unknown with no angle", async () => {
    expect(await statusOf("https://nowhere.example/a.jpg")).toEqual([
      {
        image: "https://nowhere.example/a.jpg",
        angle: [],
        status: "unknown",
        phase: "unknown",
        quality: null,
      },
    ]);
  });

  it("answers each distinct URL once, in request order", async () => {
    await submit({ image_url: "https://a.example/rear.jpg", vehicle_id: VIN, cut_type: "blur" });
    const images = await statusOf(
      "https://b.example/x.jpg",
      "https://a.example/rear.jpg",
      "https://b.example/x.jpg",
    );
    expect(images.map((i) => [i.image, i.status])).toEqual([
      ["https://b.example/x.jpg", "unknown"],
      ["https://a.example/rear.jpg", "processing"],
    ]);
  });

  it("accepts 60 URLs, refuses 61 naming the limit, and refuses none", async () => {
    expect(await statusOf(...urlsFor(60))).toHaveLength(60);
    const tooMany = await h.callJson<ErrorEnvelope>("GET", STATUS, {
      query: { image_url: urlsFor(61) },
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.message).toBe("image_url: at most 60 per request, got 61");
    const none = await h.callJson<ErrorEnvelope>("GET", STATUS);
    expect(none.status).toBe(400);
    expect(none.body.message).toMatch(/^image_url is required/);
  });
});

describe("the lifecycle seen over HTTP on a manual clock", () => {
  it("moves through processing phases to raw and final, serving results only when ready", async () => {
    const url = "https://cdn.dealer.example/WBA/front-left.jpg";
    await submit({ image_url: url, vehicle_id: VIN, cut_type: "complete" });
    const seen: string[] = [];
    for (let step = 0; step < 5; step++) {
      const [image] = await statusOf(url);
      seen.push(`${image?.status}/${image?.phase}/${image?.quality}`);
      const result = await h.callJson<ErrorEnvelope>("GET", RESULT, { query: { image_url: url } });
      expect(result.body).toEqual({ code: 404, message: "result not available yet" });
      h.clock.advance(STEP_MS);
    }
    const [raw] = await statusOf(url);
    expect(raw).toMatchObject({ status: "raw", phase: "ready", quality: null });
    const rawResult = await h.call("GET", RESULT, { query: { image_url: url } });
    expect(rawResult.status).toBe(200);
    expect(rawResult.headers.get("content-type")).toBe("image/jpeg");
    const rawBytes = new Uint8Array(await rawResult.arrayBuffer());
    expect(jpegMagic(rawBytes)).toEqual([0xff, 0xd8, 0xff]);

    h.clock.advance(STEP_MS);
    const [final] = await statusOf(url);
    expect(final).toEqual({
      image: url,
      angle: ["exterior", "front-left"],
      status: "final",
      phase: "ready",
      quality: "ok",
    });
    const finalBytes = new Uint8Array(
      await (await h.call("GET", RESULT, { query: { image_url: url } })).arrayBuffer(),
    );
    expect(jpegMagic(finalBytes)).toEqual([0xff, 0xd8, 0xff]);
    expect(Buffer.from(finalBytes).equals(Buffer.from(rawBytes))).toBe(false);
    expect(seen).toEqual([
      "processing/downloading/null",
      "processing/analyzing/null",
      "processing/cutting/null",
      "processing/qa-ing/null",
      "processing/retouching/null",
    ]);
  });

  it("expires a final result after the retention window: status expired and result 410", async () => {
    const url = "https://cdn.dealer.example/WBA/rear.jpg";
    await submit({ image_url: url, vehicle_id: VIN, cut_type: "complete" });
    h.clock.advance(6 * STEP_MS + RETENTION_MS - 1);
    expect((await h.call("GET", RESULT, { query: { image_url: url } })).status).toBe(200);
    h.clock.advance(1);
    expect((await statusOf(url))[0]?.status).toBe("expired");
    const gone = await h.callJson<ErrorEnvelope>("GET", RESULT, { query: { image_url: url } });
    expect(gone.status).toBe(410);
    expect(gone.body).toEqual({ code: 410, message: "file does not exist anymore." });
  });

  it("turns an emulate=error URL into an error after two steps, with no result", async () => {
    const url = "https://cdn.dealer.example/WBA/engine.jpg?emulate=error";
    await submit({ image_url: url, vehicle_id: VIN, cut_type: "complete" });
    h.clock.advance(STEP_MS);
    expect((await statusOf(url))[0]).toMatchObject({ status: "processing", phase: "analyzing" });
    h.clock.advance(STEP_MS);
    expect((await statusOf(url))[0]).toMatchObject({
      status: "error",
      phase: "analyzing",
      quality: null,
      angle: ["detail", "engine"],
    });
    h.clock.advance(RETENTION_MS * 2);
    expect((await statusOf(url))[0]?.status).toBe("error");
    const result = await h.callJson<ErrorEnvelope>("GET", RESULT, { query: { image_url: url } });
    expect(result.body).toEqual({ code: 404, message: "no such image" });
  });

  it("finishes an emulate=retake URL as final with quality retake, result available", async () => {
    const url = "https://cdn.dealer.example/WBA/seats.jpg?emulate=retake";
    await submit({ image_url: url, vehicle_id: VIN, cut_type: "complete" });
    h.clock.advance(6 * STEP_MS);
    expect((await statusOf(url))[0]).toMatchObject({ status: "final", quality: "retake" });
    expect((await h.call("GET", RESULT, { query: { image_url: url } })).status).toBe(200);
  });

  it("takes twice as long with processing_speed=lazy", async () => {
    const lazy = "https://cdn.dealer.example/lazy/front.jpg";
    const normal = "https://cdn.dealer.example/normal/front.jpg";
    await submit({
      image_url: lazy,
      vehicle_id: VIN,
      cut_type: "complete",
      processing_speed: "lazy",
    });
    await submit({ image_url: normal, vehicle_id: VIN, cut_type: "complete" });
    h.clock.advance(6 * STEP_MS);
    expect((await statusOf(lazy, normal)).map((i) => `${i.status}/${i.phase}`)).toEqual([
      "processing/qa-ing",
      "final/ready",
    ]);
    h.clock.advance(6 * STEP_MS);
    expect((await statusOf(lazy))[0]?.status).toBe("final");
  });
});

describe("image result", () => {
  it("requires exactly one image_url", async () => {
    const none = await h.callJson<ErrorEnvelope>("GET", RESULT);
    expect(none.body).toEqual({ code: 400, message: "image_url is required" });
    const two = await h.callJson<ErrorEnvelope>("GET", RESULT, {
      query: { image_url: ["https://a.example/1.jpg", "https://a.example/2.jpg"] },
    });
    expect(two.body).toEqual({ code: 400, message: "image_url: exactly one per request, got 2" });
  });

  it("answers 404 no such image for a URL never submitted", async () => {
    const res = await h.callJson<ErrorEnvelope>("GET", RESULT, {
      query: { image_url: "https://nowhere.example/a.jpg" },
    });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 404, message: "no such image" });
  });

  it("renders different pictures for different URLs", async () => {
    const urls = ["https://a.example/one/front.jpg", "https://a.example/two/front.jpg"];
    await submit({ image_url: urls, vehicle_id: VIN, cut_type: "complete" });
    h.clock.advance(6 * STEP_MS);
    const [one, two] = await Promise.all(
      urls.map(async (url) =>
        Buffer.from(
          await (await h.call("GET", RESULT, { query: { image_url: url } })).arrayBuffer(),
        ),
      ),
    );
    expect(one?.equals(two ?? Buffer.alloc(0))).toBe(false);
  });
});
