import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  CARCUTTER,
  deletedFeaturesResponseDto,
  errorResponseDto,
  featureCreatedResponseDto,
  featuresResponseDto,
  imageStatusResponseDto,
  shotlistResponseDto,
  vehicleListResponseDto,
  vehicleResponseDto,
} from "../../src/upstreams/carcutter/dto.js";
import { CUSTOMER, TOKEN } from "../support/credentials.js";
import {
  type CarCutterHarness,
  RETENTION_MS,
  STEP_MS,
  startCarCutter,
} from "../support/emulators.js";
import { OpenApiContract } from "../support/openapi-contract.js";
import { tinyRgbaPng } from "../support/pictures.js";

/**
 * Every request the emulator accepts must conform to CarCutter's published contract, and every
 * answer it gives is checked against the contract (where it declares that status) and against the
 * zod DTOs the gateway parses with.
 */

const contract = new OpenApiContract(
  new URL("../fixtures/carcutter-openapi.json", import.meta.url).pathname,
);

const dtoFor: Record<string, z.ZodType> = {
  [CARCUTTER.upsertVehicle.name]: vehicleResponseDto,
  [CARCUTTER.vehicle.name]: vehicleResponseDto,
  [CARCUTTER.deleteVehicle.name]: vehicleResponseDto,
  [CARCUTTER.listVehicles.name]: vehicleListResponseDto,
  [CARCUTTER.shotlist.name]: shotlistResponseDto,
  [CARCUTTER.submitImages.name]: imageStatusResponseDto,
  [CARCUTTER.imageStatuses.name]: imageStatusResponseDto,
  [CARCUTTER.createFeature.name]: featureCreatedResponseDto,
  [CARCUTTER.features.name]: featuresResponseDto,
  [CARCUTTER.feature.name]: featuresResponseDto,
  [CARCUTTER.deleteVehicleFeatures.name]: deletedFeaturesResponseDto,
  [CARCUTTER.deleteFeature.name]: deletedFeaturesResponseDto,
};

interface Call {
  method: string;
  path: string;
  query?: Record<string, string | string[]>;
  form?: FormData;
  json?: Record<string, unknown>;
  token?: string | null;
}

interface Answer {
  status: number;
  mediaType: string;
  body: unknown;
  bytes: Uint8Array;
}

let cc: CarCutterHarness;
const succeeded = new Set<string>();

// No call here asks for a webhook, so the harness's webhook retry delays play no part.
beforeAll(async () => {
  cc = await startCarCutter({ seed: true });
});

afterAll(async () => {
  await cc.close();
});

/** Sends a call that the contract accepts, and checks the answer against contract and DTOs. */
async function call(c: Call): Promise<Answer> {
  const op = `${c.method} ${c.path}`;
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(c.query ?? {})) {
    for (const item of Array.isArray(v) ? v : [v]) query.append(k, item);
  }
  const headers: Record<string, string> = {};
  if (c.token !== null) headers.authorization = `Bearer ${c.token ?? TOKEN}`;
  if (c.json) headers["content-type"] = "application/json";
  const qs = query.size > 0 ? `?${query}` : "";
  const init: RequestInit = { method: c.method, headers };
  if (c.form) init.body = c.form;
  else if (c.json) init.body = JSON.stringify(c.json);
  const res = await fetch(`${cc.server.url}${c.path}${qs}`, init);
  const mediaType = (res.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  const body: unknown = mediaType === "application/json" ? JSON.parse(text) : text;

  if (res.status < 400) {
    // What the emulator accepts, the real API must accept too: it must conform to the contract.
    const requestProblems = [
      ...contract.validateQuery(c.method, c.path, query),
      ...(c.form ? contract.validateRequestBody(c.method, c.path, c.form) : []),
      ...(c.json ? contract.validateRequestBody(c.method, c.path, c.json) : []),
    ];
    expect(requestProblems, `${op} accepted a request the contract forbids`).toEqual([]);
  }
  if (contract.declaresResponse(c.method, c.path, res.status, mediaType)) {
    const asValidated = mediaType === "image/jpeg" ? "<binary>" : body;
    expect(
      contract.validateResponse(c.method, c.path, res.status, mediaType, asValidated),
      `${op} → ${res.status}`,
    ).toEqual([]);
  } else {
    // Statuses the contract leaves out (404 on a vehicle, say) still use the error envelope.
    expect(res.status, `${op} answered an undeclared success`).toBeGreaterThanOrEqual(400);
  }
  if (res.status >= 400) {
    expect(errorResponseDto.safeParse(body).success, `${op} → ${res.status} envelope`).toBe(true);
  } else if (dtoFor[op]) {
    const parsed = dtoFor[op].safeParse(body);
    expect(parsed.error?.issues ?? [], `${op} body vs DTO`).toEqual([]);
  }
  if (res.status === 200) succeeded.add(op);
  return { status: res.status, mediaType, body, bytes };
}

const form = (fields: Record<string, string | string[] | Blob>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (Array.isArray(v)) for (const item of v) f.append(k, item);
    else f.append(k, v);
  }
  return f;
};

const VIN = "WF0XXXGCDX1234567";
const urls = [
  "https://cdn.dealer.example/contract/front-left.jpg",
  "https://cdn.dealer.example/contract/rear.jpg",
];

describe("the CarCutter emulator honours the published contract", () => {
  it("the contract validator rejects a body the contract forbids (the checks can fail)", () => {
    const problems = contract.validateResponse(
      "GET",
      "/vehicle/image/status",
      200,
      "application/json",
      {
        data: { images: [{ image: "x", status: "vaporised" }] },
      },
    );
    expect(problems.join()).toMatch(/allowed values/);
  });

  it("vehicle operations", async () => {
    await call({
      method: "POST",
      path: "/vehicle/submission",
      form: form({
        vehicle_id: VIN,
        vehicle_manufacturer: "Ford",
        vehicle_model: "Focus",
        vehicle_color: "Frozen White",
        vehicle_lot: "A1",
      }),
    });
    expect(
      (await call({ method: "GET", path: "/vehicle/status", query: { vehicle_id: VIN } })).status,
    ).toBe(200);
    expect(
      (await call({ method: "GET", path: "/vehicle/status", query: { vehicle_id: "NOPE" } }))
        .status,
    ).toBe(404);
    const list = await call({
      method: "POST",
      path: "/vehicle/list",
      json: {
        customer: CUSTOMER,
        filters: [{ column: "vehicle_manufacturer", values: ["Ford"] }],
        sort_by: "last_update",
        sort_direction: "DESC",
        limit: 10,
        offset: 0,
      },
    });
    expect(list.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ vehicle_id: VIN })]),
    );
    const shotlist = await call({ method: "GET", path: "/vehicle/shotlist" });
    expect(shotlist.status).toBe(200);
  });

  it("image submission, status and result, with their declared errors", async () => {
    const accepted = await call({
      method: "POST",
      path: "/vehicle/image/submission",
      form: form({
        image_url: urls,
        vehicle_id: VIN,
        cut_type: "normal",
        processing_speed: "normal",
        retouching_accuracy: "precise",
        custom_json: '{"stock":"A1"}',
        license_plate: new Blob([new Uint8Array(tinyRgbaPng())], { type: "image/png" }),
      }),
    });
    expect(accepted.status).toBe(200);

    const tooMany = Array.from({ length: 61 }, (_, i) => `https://cdn.dealer.example/x/${i}.jpg`);
    expect(
      (
        await call({
          method: "POST",
          path: "/vehicle/image/submission",
          form: form({ image_url: tooMany, vehicle_id: VIN, cut_type: "none" }),
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call({
          method: "POST",
          path: "/vehicle/image/submission",
          token: "wrong",
          form: form({ image_url: urls, vehicle_id: VIN, cut_type: "none" }),
        })
      ).status,
    ).toBe(401);
    const balance = cc.emulator.credits();
    cc.emulator.setCredits(1);
    expect(
      (
        await call({
          method: "POST",
          path: "/vehicle/image/submission",
          form: form({ image_url: urls, vehicle_id: VIN, cut_type: "none" }),
        })
      ).status,
    ).toBe(402);
    cc.emulator.setCredits(balance);

    expect(
      (await call({ method: "GET", path: "/vehicle/image/status", query: { image_url: urls } }))
        .status,
    ).toBe(200);
    expect(
      (
        await call({
          method: "GET",
          path: "/vehicle/image/status",
          query: { image_url: ["https://nowhere.example/a.jpg"] },
        })
      ).status,
    ).toBe(200);

    cc.clock.advance(STEP_MS * 7);
    const result = await call({
      method: "GET",
      path: "/vehicle/image/result",
      query: { image_url: urls[0] ?? "" },
    });
    expect(result.status).toBe(200);
    expect(result.mediaType).toBe("image/jpeg");
    expect([...result.bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(
      (
        await call({
          method: "GET",
          path: "/vehicle/image/result",
          query: { image_url: "https://nowhere.example/a.jpg" },
        })
      ).status,
    ).toBe(404);
    cc.clock.advance(RETENTION_MS + STEP_MS);
    expect(
      (
        await call({
          method: "GET",
          path: "/vehicle/image/result",
          query: { image_url: urls[0] ?? "" },
        })
      ).status,
    ).toBe(410);
  });

  it("feature operations, with their declared errors", async () => {
    const created = await call({
      method: "POST",
      path: "/vehicle/feature/submission",
      form: form({
        vehicle_id: VIN,
        title: "Heated seats",
        icon: "seat-heat",
        type: "text",
        feature_rule_name: "comfort",
      }),
    });
    const featureId = (created.body as { feature_id: string }).feature_id;
    expect(
      (
        await call({
          method: "POST",
          path: "/vehicle/feature/submission",
          form: form({ vehicle_id: VIN, title: "No icon", type: "text" }),
        })
      ).status,
    ).toBe(400);
    expect(
      (await call({ method: "GET", path: "/vehicle/features", query: { vehicle_id: VIN } })).body,
    ).toMatchObject({
      features: [expect.objectContaining({ feature_id: featureId })],
    });
    expect(
      (
        await call({
          method: "GET",
          path: "/vehicle/features",
          query: { vehicle_id: VIN },
          token: "wrong",
        })
      ).status,
    ).toBe(401);
    await call({ method: "GET", path: "/vehicle/feature", query: { feature_id: featureId } });
    await call({
      method: "DELETE",
      path: "/vehicle/feature/delete",
      query: { feature_id: featureId },
    });
    await call({
      method: "POST",
      path: "/vehicle/feature/submission",
      form: form({ vehicle_id: VIN, title: "Tow bar", icon: "tow", type: "text" }),
    });
    const deleted = await call({
      method: "DELETE",
      path: "/vehicle/features/delete",
      query: { vehicle_id: VIN },
    });
    expect((deleted.body as { deleted_features: unknown[] }).deleted_features).toHaveLength(1);
  });

  it("synchronous cut and vehicle deletion", async () => {
    // The published schema marks both `image` and `image_url` required although either one is
    // documented to suffice; sending both keeps these calls inside the contract.
    const photo = () => new Blob([new Uint8Array(tinyRgbaPng())], { type: "image/png" });
    const none = await call({
      method: "POST",
      path: "/vehicle/composition/single-segment",
      form: form({ image: photo(), image_url: urls[0] ?? "", cut_type: "none" }),
    });
    expect(none.body).toEqual({});
    const cut = await call({
      method: "POST",
      path: "/vehicle/composition/single-segment",
      form: form({ image: photo(), image_url: urls[0] ?? "", cut_type: "normal" }),
    });
    expect(cut.mediaType).toBe("text/plain");
    expect([...Buffer.from(String(cut.body), "base64").subarray(0, 2)]).toEqual([0xff, 0xd8]);
    const deleted = await call({
      method: "DELETE",
      path: "/vehicle/delete",
      query: { vehicle_id: VIN },
    });
    expect(deleted.body).toMatchObject({ vehicle: { vehicle_id: VIN, app_status: "deleted" } });
  });

  it("every operation the contract declares was answered 200 at least once above", () => {
    expect([...succeeded].sort()).toEqual(contract.operations().sort());
  });
});
