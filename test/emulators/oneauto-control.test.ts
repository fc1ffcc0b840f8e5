import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { UNKNOWN_ENUM_VALUE } from "../../src/emulators/control.js";
import {
  failureEnvelopeDto,
  identificationResponseDto,
  imageSearchResponseDto,
  ONEAUTO,
} from "../../src/upstreams/oneauto/dto.js";
import { type OneAutoHarness, startOneAuto } from "../support/emulators.js";

let h: OneAutoHarness;
beforeAll(async () => {
  h = await startOneAuto();
});
afterAll(() => h.close());
beforeEach(() => h.emulator.control.reset());

const SEARCH =
  "/vehicleimagery/imagesearch?manufacturer_desc=Volkswagen&model_range_desc=Golf&manufactured_year=2021";
const VIN = "/vehicleimagery/imagesearchfromvin/?vehicle_identification_number=WAUZZZ8K9BA123456";
const IMAGE = "/vehicleimagery/imagefromid?image_id=bmw-3-series-g20-front";

async function scriptFault(body: unknown): Promise<void> {
  const res = await fetch(`${h.server.url}/__emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
}

async function counters(): Promise<Record<string, number>> {
  const res = await fetch(`${h.server.url}/__emulator/requests`);
  return (await res.json()) as Record<string, number>;
}

describe("OneAuto emulator request counters", () => {
  it("count image-from-id calls, fold every signed link into GET /cdn, and reset", async () => {
    const blue = await h.linkFor({
      image_id: "bmw-3-series-g20-front",
      generic_colour_desc: "Blue",
    });
    const rear = await h.linkFor({ image_id: "bmw-3-series-g20-rear" });
    for (const link of [blue, rear, blue]) await (await fetch(link)).arrayBuffer();
    expect(await counters()).toEqual({ "GET /cdn": 3, [ONEAUTO.imageLink.name]: 2 });

    const reset = await fetch(`${h.server.url}/__emulator/reset`, { method: "POST" });
    expect(reset.status).toBe(200);
    expect(await counters()).toEqual({});
  });

  it("are served without an API key", async () => {
    expect((await fetch(`${h.server.url}/__emulator/requests`)).status).toBe(200);
  });
});

describe("OneAuto emulator scripted faults", () => {
  it("holds a request for the scripted latency, then answers normally", async () => {
    await scriptFault({
      operation: ONEAUTO.search.name,
      fault: { kind: "latency", ms: 200 },
    });
    const started = performance.now();
    const res = await h.api(SEARCH);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(res.status).toBe(200);
    imageSearchResponseDto.parse(await res.json());
  });

  it("answers a scripted 429 with Retry-After and the API's envelope", async () => {
    await scriptFault({
      operation: ONEAUTO.imageLink.name,
      fault: { kind: "status", status: 429, retryAfterSeconds: 7 },
    });
    const res = await h.api(IMAGE);
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
    expect(failureEnvelopeDto.parse(await res.json()).success).toBe(false);
  });

  it("answers scripted 500 and 503 in the envelope, then recovers", async () => {
    h.emulator.control.script({
      operation: ONEAUTO.imageLink.name,
      fault: { kind: "status", status: 500 },
    });
    h.emulator.control.script({
      operation: ONEAUTO.imageLink.name,
      fault: { kind: "status", status: 503 },
    });
    for (const status of [500, 503]) {
      const res = await h.api(IMAGE);
      expect(res.status).toBe(status);
      failureEnvelopeDto.parse(await res.json());
    }
    expect((await h.api(IMAGE)).status).toBe(200);
  });

  it("resets the connection so that fetch rejects", async () => {
    h.emulator.control.script({
      operation: ONEAUTO.imageLink.name,
      fault: { kind: "reset" },
    });
    await expect(h.api(IMAGE)).rejects.toThrow();
    expect((await h.api(IMAGE)).status).toBe(200);
  });

  it("can reset the connection of a signed link too", async () => {
    const link = await h.linkFor({ image_id: "bmw-3-series-g20-front" });
    h.emulator.control.script({ operation: "GET /cdn", fault: { kind: "reset" } });
    await expect(fetch(link)).rejects.toThrow();
    expect((await fetch(link)).status).toBe(200);
  });

  it("answers a malformed body that JSON.parse refuses", async () => {
    h.emulator.control.script({
      operation: ONEAUTO.search.name,
      fault: { kind: "malformed" },
    });
    const res = await h.api(SEARCH);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it("adds an undocumented view to every vehicle of a search under unknown-enum", async () => {
    h.emulator.control.script({
      operation: ONEAUTO.search.name,
      fault: { kind: "unknown-enum" },
    });
    const res = await h.api(SEARCH);
    const { result } = imageSearchResponseDto.parse(await res.json());
    expect(result.length).toBeGreaterThan(1);
    for (const vehicle of result) {
      expect(Object.keys(vehicle.image_ids)).toContain(UNKNOWN_ENUM_VALUE);
      // The odd view still points at an image of that vehicle.
      expect(Object.values(vehicle.image_ids)).toContain(vehicle.image_ids[UNKNOWN_ENUM_VALUE]);
    }
  });

  it("adds the undocumented view inside result.images for a VIN search, and leaves other bodies alone", async () => {
    h.emulator.control.script({
      operation: ONEAUTO.searchByVin.name,
      fault: { kind: "unknown-enum" },
    });
    h.emulator.control.script({
      operation: ONEAUTO.imageLink.name,
      fault: { kind: "unknown-enum" },
    });
    const vin = identificationResponseDto.parse(await (await h.api(VIN)).json());
    expect(vin.result.images).toHaveLength(2);
    for (const vehicle of vin.result.images)
      expect(vehicle.image_ids).toHaveProperty(UNKNOWN_ENUM_VALUE);
    const image = (await (await h.api(IMAGE)).json()) as unknown;
    expect(Object.keys(image as object)).toEqual(["success", "result"]);
    expect(JSON.stringify(image)).not.toContain(UNKNOWN_ENUM_VALUE);
  });

  it("applies a fault scripted for two calls exactly twice", async () => {
    await scriptFault({
      operation: ONEAUTO.imageLink.name,
      fault: { kind: "status", status: 503 },
      times: 2,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await h.api(IMAGE);
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses).toEqual([503, 503, 200]);
    expect(h.emulator.control.count(ONEAUTO.imageLink.name)).toBe(3);
  });
});

describe("OneAuto emulator robustness", () => {
  // Two of these stay under Node's 16 KiB header limit, so the emulator itself sees them.
  const huge = "x".repeat(5000);
  const odd = encodeURIComponent("'\"<script>é🚗\u0000;--");
  const badRequests: { path: string; method?: string; key?: string | null }[] = [
    {
      path: `/vehicleimagery/imagesearch?manufacturer_desc=${huge}&model_range_desc=${huge}&manufactured_year=2020`,
    },
    {
      path: `/vehicleimagery/imagesearch?manufacturer_desc=${odd}&model_range_desc=${odd}&manufactured_year=${odd}`,
    },
    {
      path: "/vehicleimagery/imagesearch?manufacturer_desc=BMW&model_range_desc=3%20Series&manufactured_year=99999999999999999999",
    },
    {
      path: "/vehicleimagery/imagesearch?manufacturer_desc=BMW&manufacturer_desc=Audi&model_range_desc=A4&manufactured_year=2010&manufactured_year=x",
    },
    {
      path: "/vehicleimagery/imagesearch?manufacturer_desc[]=BMW&model_range_desc=%E0%A4%A&manufactured_year=%",
    },
    { path: `/vehicleimagery/imagesearchfromvin/?vehicle_identification_number=${huge}` },
    { path: `/vehicleimagery/imagesearchfromvin/?vehicle_identification_number=${odd}` },
    { path: "/vehicleimagery/imagesearchfromvrm/?vehicle_registration_mark=%20%20%20" },
    { path: "/vehicleimagery/imagesearchfromvrm/?vehicle_registration_mark=%ZZ" },
    { path: `/vehicleimagery/imagefromid?image_id=${huge}&generic_colour_desc=${huge}` },
    { path: `/vehicleimagery/imagefromid?image_id=${odd}&image_background=${odd}` },
    {
      path: "/vehicleimagery/imagefromid?image_id=bmw-3-series-g20-front&generic_colour_desc=constructor",
    },
    {
      path: "/vehicleimagery/imagefromid?image_id=bmw-3-series-g20-front&generic_colour_desc=__proto__&ignore_issues=maybe",
    },
    { path: "/vehicleimagery/imagefromid?image_id=__proto__" },
    { path: "/vehicleimagery/imagefromid?image_id=toString" },
    { path: "/vehicleimagery/imagefromid?image_id=bmw-3-series-g20-front&image_background=" },
    { path: "/vehicleimagery/imagefromid?image_id", method: "DELETE" },
    { path: "/vehicleimagery/imagesearch", method: "PUT" },
    { path: "/vehicleimagery/imagefromid/extra?image_id=bmw-3-series-g20-front" },
    { path: `/${huge}` },
    { path: "/vehicleimagery/imagefromid?image_id=x", key: huge },
    { path: "/cdn/vehicleimagery/bmw-3-series-g20-front/black/opaque.png?X-Amz-Date=nonsense" },
    {
      path: "/cdn/vehicleimagery/bmw-3-series-g20-front/black/opaque.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=x&X-Amz-Date=20261399T999999Z&X-Amz-Expires=-1&X-Amz-SignedHeaders=host&X-Amz-Signature=zz",
    },
    { path: "/cdn/vehicleimagery/%E0%A4%A/%/opaque.png?X-Amz-Signature=1&X-Amz-Signature=2" },
    { path: "/cdn/vehicleimagery/../../etc/passwd" },
    { path: `/cdn/${huge}`, method: "POST" },
    { path: "/__emulator/faults", method: "POST" },
  ];

  it("never answers 5xx to malformed, oversized or odd requests", async () => {
    for (const { path, method, key } of badRequests) {
      const res = await h.api(path, {
        method: method ?? "GET",
        ...(key === undefined ? {} : { key }),
      });
      const text = await res.text();
      expect(res.status, `${method ?? "GET"} ${path.slice(0, 120)}`).toBeLessThan(500);
      if (
        res.headers.get("content-type")?.includes("application/json") &&
        path.startsWith("/vehicleimagery")
      ) {
        const body = JSON.parse(text) as { success?: unknown };
        expect(typeof body.success).toBe("boolean");
      }
    }
    // The emulator is still healthy afterwards.
    expect((await h.api(IMAGE)).status).toBe(200);
  });

  it("uses the first value of a repeated parameter", async () => {
    const link = await h.linkFor({
      image_id: "bmw-3-series-g20-front",
      image_background: "Transparent",
    });
    expect(link.pathname).toMatch(/transparent\.png$/);
    const res = await h.api(`${IMAGE}&image_background=Transparent&image_background=Checkered`);
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain("/transparent.png");
  });
});
