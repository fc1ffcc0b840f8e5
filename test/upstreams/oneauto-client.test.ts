import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UNKNOWN_ENUM_VALUE } from "../../src/emulators/control.js";
import { isUpstreamError, UpstreamError } from "../../src/errors.js";
import { ColourNotFoundError } from "../../src/upstreams/oneauto/client.js";
import { ONEAUTO } from "../../src/upstreams/oneauto/dto.js";
import { type OneAutoHarness, startOneAuto } from "../support/emulators.js";
import { expectNoSecrets, expectUpstreamError } from "../support/upstream-clients.js";

const SEARCH = ONEAUTO.search.name;
const BY_VIN = ONEAUTO.searchByVin.name;
const BY_VRM = ONEAUTO.searchByRegistration.name;
const LINK = ONEAUTO.imageLink.name;
const BMW_FRONT = "bmw-3-series-g20-front";

let h: OneAutoHarness;
beforeEach(async () => {
  h = await startOneAuto();
});
afterEach(async () => {
  await h.close();
});

describe("identification", () => {
  it("searches by make, model and year and answers the catalogue's vehicles", async () => {
    const vehicles = await h.client().search({
      manufacturer: "BMW",
      modelRange: "3 Series",
      year: 2019,
    });
    expect(vehicles).toHaveLength(1);
    expect(vehicles[0]).toMatchObject({
      manufacturer_desc: "BMW",
      model_range_desc: "3 Series",
      manufactured_year: 2019,
      image_ids: expect.objectContaining({ front: BMW_FRONT }),
    });
    expect(h.count(SEARCH)).toBe(1);
  });

  it("narrows a search by derivative and body type, and answers [] when nothing matches", async () => {
    const client = h.client();
    const estates = await client.search({
      manufacturer: "Volkswagen",
      modelRange: "Golf",
      year: 2021,
      bodyType: "Estate",
      derivative: "1.5 TSI Life 5dr",
    });
    expect(estates.map((v) => v.body_type_desc)).toEqual(["Estate"]);
    expect(
      await client.search({ manufacturer: "BMW", modelRange: "3 Series", year: 1990 }),
    ).toEqual([]);
  });

  it("identifies by VIN and by registration, and answers [] for an unknown one (204)", async () => {
    const client = h.client();
    const byVin = await client.searchByVin("WAUZZZ8K9BA123456");
    expect(byVin.map((v) => v.derivative_desc)).toHaveLength(2);
    const byVrm = await client.searchByRegistration("AB19 CDE");
    expect(byVrm.map((v) => v.model_range_desc)).toEqual(["3 Series"]);
    expect(await client.searchByVin("WBA00000000000000")).toEqual([]);
    expect(await client.searchByRegistration("ZZ99ZZZ")).toEqual([]);
    expect(h.count(BY_VIN)).toBe(2);
    expect(h.count(BY_VRM)).toBe(2);
  });

  it("keeps a view it has never seen instead of failing", async () => {
    h.emulator.control.script({ operation: BY_VIN, fault: { kind: "unknown-enum" } });
    const [vehicle] = await h.client().searchByVin("WBA5R1C50KAE81715");
    expect(Object.keys(vehicle?.image_ids ?? {})).toContain(UNKNOWN_ENUM_VALUE);
  });
});

describe("image links", () => {
  it("answers a signed link for an image id, colour and background", async () => {
    const link = await h.client().imageLink({
      imageId: BMW_FRONT,
      colour: "Blue",
      background: "Transparent",
    });
    expect(link).not.toBeNull();
    const url = new URL(link ?? "");
    expect(url.searchParams.get("X-Amz-Expires")).toBe("604800");
    expect(url.searchParams.get("X-Amz-Date")).toMatch(/^\d{8}T\d{6}Z$/);
    expect(url.pathname).toContain("blue");
    expect(h.count(LINK)).toBe(1);
  });

  it("answers null for an image id OneAuto does not know (204)", async () => {
    expect(await h.client().imageLink({ imageId: "no-such-image" })).toBeNull();
  });

  it("throws ColourNotFoundError for a colour without a picture, and falls back with ignoreIssues", async () => {
    const client = h.client();
    const error = await client.imageLink({ imageId: BMW_FRONT, colour: "Red" }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ColourNotFoundError);
    expect(error).toBeInstanceOf(UpstreamError);
    if (!(error instanceof ColourNotFoundError)) throw error;
    expect(error.colour).toBe("Red");
    expect(error.imageId).toBe(BMW_FRONT);
    expect(error.extensions).toEqual({
      code: "UPSTREAM_BAD_REQUEST",
      upstream: "oneauto",
      operation: LINK,
      status: 400,
    });
    expectNoSecrets(error);
    expect(h.count(LINK)).toBe(1);

    const fallback = await client.imageLink({
      imageId: BMW_FRONT,
      colour: "Red",
      ignoreIssues: true,
    });
    expect(fallback).toContain("/cdn/");
  });

  it("treats another 400 as a plain UPSTREAM_BAD_REQUEST", async () => {
    const error = await expectUpstreamError(h.client().imageLink({ imageId: " " }), {
      code: "UPSTREAM_BAD_REQUEST",
      upstream: "oneauto",
      operation: LINK,
      status: 400,
    });
    expect(error).not.toBeInstanceOf(ColourNotFoundError);
    expect(error.upstreamDetail).toBe("Missing required parameter: image_id");
  });
});

describe("OneAuto failures", () => {
  it("maps 403 for a wrong key to UPSTREAM_FORBIDDEN naming ONEAUTO_API_KEY, without the key", async () => {
    const wrongKey = "wrong-key-c4ca4238a0b923820dcc509a6f75849b";
    const error = await expectUpstreamError(
      h
        .client({ apiKey: wrongKey })
        .search({ manufacturer: "BMW", modelRange: "3 Series", year: 2019 }),
      { code: "UPSTREAM_FORBIDDEN", upstream: "oneauto", operation: SEARCH, status: 403 },
    );
    expect(error.message).toContain("ONEAUTO_API_KEY");
    expect(JSON.stringify(error)).not.toContain(wrongKey);
    expect(error.message).not.toContain(wrongKey);
  });

  it("retries a paid read after 429 with Retry-After 0 and a 503, and bills nothing twice", async () => {
    h.emulator.control.script({
      operation: LINK,
      fault: { kind: "status", status: 429, retryAfterSeconds: 0 },
    });
    h.emulator.control.script({ operation: LINK, fault: { kind: "status", status: 503 } });
    const link = await h.client().imageLink({ imageId: BMW_FRONT });
    expect(link).toContain("X-Amz-Signature");
    expect(h.count(LINK)).toBe(3);
    expect(h.events.map((e) => e.status)).toEqual([429, 503, 200]);
  });

  it("does not retry 500, and maps it to UPSTREAM_UNAVAILABLE", async () => {
    h.emulator.control.script({ operation: BY_VRM, fault: { kind: "status", status: 500 } });
    await expectUpstreamError(h.client().searchByRegistration("AB19CDE"), {
      code: "UPSTREAM_UNAVAILABLE",
      upstream: "oneauto",
      operation: BY_VRM,
      status: 500,
    });
    expect(h.count(BY_VRM)).toBe(1);
  });

  it("maps a truncated body to UPSTREAM_CONTRACT and a reset to a retry", async () => {
    const client = h.client();
    h.emulator.control.script({ operation: SEARCH, fault: { kind: "malformed" } });
    await expectUpstreamError(
      client.search({ manufacturer: "BMW", modelRange: "3 Series", year: 2019 }),
      { code: "UPSTREAM_CONTRACT", upstream: "oneauto", operation: SEARCH, status: 200 },
    );
    h.emulator.control.script({ operation: SEARCH, fault: { kind: "reset" } });
    await client.search({ manufacturer: "BMW", modelRange: "3 Series", year: 2019 });
    expect(h.count(SEARCH)).toBe(3);
  });

  it("never shows the API key in any error", async () => {
    const client = h.client({ maxRetries: 0 });
    const faults = [400, 403, 404, 429, 500, 502, 503, 504].map(
      (status) => ({ kind: "status", status }) as const,
    );
    for (const fault of [...faults, { kind: "reset" } as const, { kind: "malformed" } as const]) {
      h.emulator.control.script({ operation: LINK, fault });
      const error = await client.imageLink({ imageId: BMW_FRONT, colour: "Blue" }).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (!isUpstreamError(error)) throw new Error(`no UpstreamError for ${JSON.stringify(fault)}`);
      expect(error.extensions.upstream).toBe("oneauto");
      expectNoSecrets(error);
    }
  });
});
