import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UNKNOWN_ENUM_VALUE } from "../../src/emulators/control.js";
import type { ImageStatusResponseDto, VehicleDto } from "../../src/upstreams/carcutter/dto.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { CUSTOMER, TOKEN } from "../support/credentials.js";
import {
  type CallOptions,
  type CarCutterHarness,
  type ErrorEnvelope,
  form,
  startCarCutter,
} from "../support/emulators.js";

const STATUS = CARCUTTER.imageStatuses.name;
const URL_A = "https://cdn.dealer.example/front.jpg";

let h: CarCutterHarness;
beforeEach(async () => {
  h = await startCarCutter();
});
afterEach(async () => {
  await h.close();
});

const status = (options: CallOptions = {}) =>
  h.call("GET", "/vehicle/image/status", { query: { image_url: URL_A }, ...options });

const scriptOverHttp = async (body: unknown) => {
  const res = await h.call("POST", "/__emulator/faults", { json: body, token: null });
  expect(res.status).toBe(200);
  return res.json();
};

describe("request counters", () => {
  it("count each API call under METHOD /path, leaving control calls out", async () => {
    await status();
    await status({ token: "wrong" });
    await h.call("POST", "/vehicle/image/submission", {
      form: form({ image_url: URL_A, vehicle_id: "V", cut_type: "none" }),
    });
    await h.call("GET", "/vehicle/nowhere");
    await h.call("GET", "/__emulator/credits");
    const res = await h.callJson<Record<string, number>>("GET", "/__emulator/requests");
    expect(res.body).toEqual({
      [CARCUTTER.imageStatuses.name]: 2,
      "GET /vehicle/nowhere": 1,
      [CARCUTTER.submitImages.name]: 1,
    });
    expect(h.emulator.control.count(STATUS)).toBe(2);
  });

  it("are cleared, with pending faults, by POST /__emulator/reset", async () => {
    await status();
    h.emulator.control.script({ operation: STATUS, fault: { kind: "status", status: 500 } });
    const reset = await h.callJson<{ reset: boolean }>("POST", "/__emulator/reset");
    expect(reset.body).toEqual({ reset: true });
    expect((await h.callJson("GET", "/__emulator/requests")).body).toEqual({});
    expect((await status()).status).toBe(200);
    expect(h.emulator.control.count(STATUS)).toBe(1);
  });
});

describe("aborted requests", () => {
  it("a request whose client leaves before the answer is counted as aborted; answered ones are not", async () => {
    await status();
    h.emulator.control.script({ operation: STATUS, fault: { kind: "latency", ms: 10_000 } });
    const leaving = new AbortController();
    const pending = fetch(`${h.server.url}/vehicle/image/status?image_url=${URL_A}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
      signal: leaving.signal,
    }).catch(() => "left");
    await expect.poll(() => h.emulator.control.count(STATUS)).toBe(2);
    expect(h.emulator.control.aborted(STATUS)).toBe(0);
    leaving.abort();
    expect(await pending).toBe("left");
    await expect.poll(() => h.emulator.control.aborted(STATUS)).toBe(1);
    const res = await h.callJson<Record<string, number>>("GET", "/__emulator/aborted");
    expect(res.body).toEqual({ [STATUS]: 1 });
    await h.callJson("POST", "/__emulator/reset");
    expect(h.emulator.control.aborted(STATUS)).toBe(0);
  });

  it("a connection the emulator resets itself is not counted as aborted", async () => {
    h.emulator.control.script({ operation: STATUS, fault: { kind: "reset" } });
    await expect(status()).rejects.toThrow();
    expect(h.emulator.control.count(STATUS)).toBe(1);
    expect(h.emulator.control.aborted(STATUS)).toBe(0);
  });
});

describe("scripted faults", () => {
  it("answer 429 with Retry-After and the {code, message} envelope, then serve normally", async () => {
    await scriptOverHttp({
      operation: STATUS,
      fault: { kind: "status", status: 429, retryAfterSeconds: 7 },
    });
    const limited = await status();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect(await limited.json()).toEqual({ code: 429, message: "emulated fault: HTTP 429" });
    expect((await status()).status).toBe(200);
  });

  it("answer 500 and 503 in the API's envelope", async () => {
    await scriptOverHttp([
      { operation: STATUS, fault: { kind: "status", status: 500 } },
      { operation: STATUS, fault: { kind: "status", status: 503 } },
    ]);
    const first = await status();
    expect([first.status, await first.json()]).toEqual([
      500,
      { code: 500, message: "emulated fault: HTTP 500" },
    ]);
    const second = await status();
    expect([second.status, await second.json()]).toEqual([
      503,
      { code: 503, message: "emulated fault: HTTP 503" },
    ]);
  });

  it("are served before the token is checked", async () => {
    h.emulator.control.script({ operation: STATUS, fault: { kind: "status", status: 503 } });
    expect((await status({ token: null })).status).toBe(503);
    expect((await status({ token: null })).status).toBe(401);
  });

  it("apply `times: 2` exactly twice, then the operation answers normally", async () => {
    h.emulator.control.script({
      operation: STATUS,
      fault: { kind: "status", status: 503 },
      times: 2,
    });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await status()).status);
    expect(statuses).toEqual([503, 503, 200, 200]);
    expect(h.emulator.control.count(STATUS)).toBe(4);
  });

  it("delay a call measurably with latency, then answer it normally", async () => {
    await scriptOverHttp({ operation: STATUS, fault: { kind: "latency", ms: 250 } });
    const started = performance.now();
    const slow = await status();
    const slowMs = performance.now() - started;
    expect(slow.status).toBe(200);
    expect(slowMs).toBeGreaterThanOrEqual(240);
    const again = performance.now();
    await status();
    expect(performance.now() - again).toBeLessThan(slowMs);
  });

  it("reset the connection so that fetch rejects", async () => {
    await scriptOverHttp({ operation: STATUS, fault: { kind: "reset" } });
    await expect(status()).rejects.toThrow(TypeError);
    expect((await status()).status).toBe(200);
  });

  it("reset in-process calls too: app.request rejects rather than answering 500", async () => {
    h.emulator.control.script({ operation: STATUS, fault: { kind: "reset" } });
    const request = () =>
      h.emulator.app.request(`/vehicle/image/status?image_url=${encodeURIComponent(URL_A)}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
    await expect(request()).rejects.toThrow("emulated connection reset");
    expect((await request()).status).toBe(200);
  });

  it("answer a truncated body that JSON.parse refuses", async () => {
    h.emulator.control.script({ operation: STATUS, fault: { kind: "malformed" } });
    const res = await status();
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it("put an unknown value into image status, phase and quality", async () => {
    await h.call("POST", "/vehicle/image/submission", {
      form: form({ image_url: URL_A, vehicle_id: "V", cut_type: "none" }),
    });
    await scriptOverHttp({ operation: STATUS, fault: { kind: "unknown-enum" } });
    const res = await h.callJson<ImageStatusResponseDto>("GET", "/vehicle/image/status", {
      query: { image_url: URL_A },
    });
    expect(res.body.data.images).toEqual([
      {
        image: URL_A,
        angle: ["exterior", "front"],
        status: UNKNOWN_ENUM_VALUE,
        phase: UNKNOWN_ENUM_VALUE,
        quality: UNKNOWN_ENUM_VALUE,
      },
    ]);
    const normal = await h.callJson<ImageStatusResponseDto>("GET", "/vehicle/image/status", {
      query: { image_url: URL_A },
    });
    expect(normal.body.data.images[0]?.status).toBe("processing");
  });

  it("put an unknown value into the app_status of a vehicle, a list and the shotlist", async () => {
    await h.call("POST", "/vehicle/submission", { form: form({ vehicle_id: "V1" }) });
    for (const operation of [
      CARCUTTER.vehicle.name,
      CARCUTTER.listVehicles.name,
      CARCUTTER.shotlist.name,
    ]) {
      h.emulator.control.script({ operation, fault: { kind: "unknown-enum" } });
    }
    const one = await h.callJson<{ vehicle: VehicleDto }>("GET", "/vehicle/status", {
      query: { vehicle_id: "V1" },
    });
    expect(one.body.vehicle).toMatchObject({ vehicle_id: "V1", app_status: UNKNOWN_ENUM_VALUE });
    const list = await h.callJson<VehicleDto[]>("POST", "/vehicle/list", {
      json: { customer: CUSTOMER },
    });
    expect(list.body.map((v) => v.app_status)).toEqual([UNKNOWN_ENUM_VALUE]);
    const shotlist = await h.callJson<{ vehicles: VehicleDto[] }>("GET", "/vehicle/shotlist");
    expect(shotlist.body.vehicles.map((v) => v.app_status)).toEqual([UNKNOWN_ENUM_VALUE]);
  });

  it("leave error answers and bodies of other shapes unchanged under unknown-enum", async () => {
    h.emulator.control.script({
      operation: CARCUTTER.features.name,
      fault: { kind: "unknown-enum" },
      times: 2,
    });
    const features = await h.callJson("GET", "/vehicle/features", { query: { vehicle_id: "V" } });
    expect(features.body).toEqual({ features: [] });
    const error = await h.callJson("GET", "/vehicle/features");
    expect(error.body).toEqual({ code: 400, message: "vehicle_id is required" });
  });

  it("refuse a fault script that is not valid", async () => {
    const res = await h.call("POST", "/__emulator/faults", {
      json: { operation: "FETCH it", fault: { kind: "explode" } },
    });
    expect(res.status).toBe(400);
    expect(h.emulator.control.pendingFaults()).toEqual({});
  });
});

describe("routing", () => {
  it("answers an unknown path with 404 in the envelope", async () => {
    const res = await h.callJson<ErrorEnvelope>("GET", "/vehicle/images");
    expect(res.body).toEqual({ code: 404, message: "no such endpoint: GET /vehicle/images" });
  });

  it("answers a wrong method on a known path with 405, naming the right one", async () => {
    const res = await h.callJson<ErrorEnvelope>("PUT", "/vehicle/status");
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET");
    expect(res.body).toEqual({
      code: 405,
      message: "method PUT not allowed on /vehicle/status; use GET",
    });
  });
});

describe("robustness", () => {
  const huge = "x".repeat(200_000);
  const multipartHeader = { "content-type": "multipart/form-data; boundary=----fuzz" };
  const malformed: [string, string, CallOptions][] = [
    ["POST", "/vehicle/image/submission", { body: "garbage", headers: multipartHeader }],
    [
      "POST",
      "/vehicle/image/submission",
      { body: "", headers: { "content-type": "multipart/form-data" } },
    ],
    [
      "POST",
      "/vehicle/image/submission",
      {
        body: '------fuzz\r\nContent-Disposition: form-data; name="image_url"\r\n\r\nhttps://a.example/x.jpg',
        headers: multipartHeader,
      },
    ],
    [
      "POST",
      "/vehicle/image/submission",
      {
        body: new Uint8Array([0, 255, 1, 254]),
        headers: { "content-type": "application/octet-stream" },
      },
    ],
    ["POST", "/vehicle/image/submission", {}],
    [
      "POST",
      "/vehicle/image/submission",
      { form: form({ image_url: huge, vehicle_id: "V", cut_type: "none" }) },
    ],
    [
      "POST",
      "/vehicle/image/submission",
      { form: form({ image_url: new Blob(["x"]), vehicle_id: "V", cut_type: "none" }) },
    ],
    [
      "POST",
      "/vehicle/image/submission",
      { form: form({ image_url: URL_A, vehicle_id: "V", cut_type: "none", custom_json: huge }) },
    ],
    [
      "POST",
      "/vehicle/image/submission",
      { form: form({ image_url: URL_A, vehicle_id: "V", cut_type: ["none", "blur"] }) },
    ],
    [
      "POST",
      "/vehicle/image/submission",
      { form: form({ __proto__: "x", constructor: "y", image_url: URL_A }) },
    ],
    ["GET", "/vehicle/image/status", { query: { image_url: "x".repeat(5000) } }],
    ["GET", "/vehicle/image/status?image_url=%E0%A4%A", {}],
    ["GET", "/vehicle/image/result?image_url=%ZZ", {}],
    ["GET", "/vehicle/image/result", { query: { image_url: "not a url at all" } }],
    ["POST", "/vehicle/submission", { form: form({ vehicle_id: huge }) }],
    ["POST", "/vehicle/submission", { json: { vehicle_id: "V" } }],
    ["POST", "/vehicle/list", { body: "{", headers: { "content-type": "application/json" } }],
    [
      "POST",
      "/vehicle/list",
      { body: new Uint8Array([0xff, 0xfe, 0x00]), headers: { "content-type": "application/json" } },
    ],
    ["POST", "/vehicle/list", { json: null }],
    ["POST", "/vehicle/list", { json: [] }],
    ["POST", "/vehicle/list", { json: "customer" }],
    ["POST", "/vehicle/list", { json: { customer: 5 } }],
    ["POST", "/vehicle/list", { json: { customer: huge } }],
    ["POST", "/vehicle/list", { json: { customer: CUSTOMER, filters: "all" } }],
    [
      "POST",
      "/vehicle/list",
      { json: { customer: CUSTOMER, filters: [{ column: null, values: null }] } },
    ],
    ["POST", "/vehicle/list", { json: { customer: CUSTOMER, limit: 1e308, offset: 1.5 } }],
    ["POST", "/vehicle/list", { form: form({ customer: CUSTOMER }) }],
    ["GET", "/vehicle/status", { query: { vehicle_id: ["a", "b"] } }],
    ["DELETE", "/vehicle/delete", { body: "{}", headers: { "content-type": "application/json" } }],
    [
      "POST",
      "/vehicle/feature/submission",
      { json: { vehicle_id: "V", title: "t", icon: "i", type: "text" } },
    ],
    [
      "POST",
      "/vehicle/feature/submission",
      { form: form({ vehicle_id: new Blob(["V"]), title: "t", icon: "i", type: "text" }) },
    ],
    ["GET", "/vehicle/feature", { query: { feature_id: huge.slice(0, 6000) } }],
    [
      "POST",
      "/vehicle/composition/single-segment",
      { form: form({ image: "not a file", cut_type: "normal" }) },
    ],
    [
      "POST",
      "/vehicle/composition/single-segment",
      {
        body: "image=x&cut_type=normal",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      },
    ],
    ["PATCH", "/vehicle/list", { json: {} }],
    ["GET", "/", {}],
  ];

  it("answers a batch of malformed requests with clean 4xx envelopes, then still serves", async () => {
    const problems: string[] = [];
    for (const [method, path, options] of malformed) {
      const res = await h.call(method, path, options);
      const text = await res.text();
      const label = `${method} ${path.slice(0, 60)} ${JSON.stringify(options).slice(0, 80)}`;
      if (res.status >= 500) problems.push(`${label} → ${res.status}`);
      if (res.status >= 400) {
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          problems.push(`${label} → unparsable error body`);
        }
        const envelope = body as Partial<ErrorEnvelope> | undefined;
        if (envelope?.code !== res.status || typeof envelope.message !== "string") {
          problems.push(`${label} → not an envelope: ${text.slice(0, 100)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(h.emulator.submissions()).toHaveLength(0);
    expect(h.emulator.credits()).toBe(1000);
    const ok = await h.call("POST", "/vehicle/image/submission", {
      form: form({ image_url: URL_A, vehicle_id: "V", cut_type: "none" }),
    });
    expect(ok.status).toBe(200);
  });

  it("keeps error messages short whatever the input size", async () => {
    const res = await h.callJson<ErrorEnvelope>("POST", "/vehicle/list", {
      json: { customer: huge },
    });
    expect(res.status).toBe(403);
    expect(res.body.message.length).toBeLessThan(200);
  });
});
