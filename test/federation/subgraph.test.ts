import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import type { Logger } from "../../src/logger.js";
import { printSubgraphSDL, schema, subgraphSchema } from "../../src/schema.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";

/**
 * Subgraph mode (FEDERATION=true) through `gateway.fetch`: the router's entry points, who may
 * use them, and what resolving representations costs, counted at the emulators.
 */

const ROUTER_KEY = "router-key-for-tests-0123456789abcdef";
const STATUS = CARCUTTER.imageStatuses.name;
const VEHICLE = CARCUTTER.vehicle.name;
const FEATURE = CARCUTTER.feature.name;
const SEEDED_VIN = "WBA5R1C50KAE81715";

const ENTITIES = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Vehicle { vehicleId manufacturer }
    ... on Image { url status }
    ... on Feature { featureId title }
  }
}`;

const logged: string[] = [];
let h: GatewayHarness;
beforeAll(async () => {
  h = await startGateway({
    env: { FEDERATION: "true", FEDERATION_ROUTER_KEY: ROUTER_KEY },
    logger: loggerInto(logged),
  });
});
afterAll(() => h.close());
beforeEach(() => {
  h.carcutter.control.reset();
  h.oneauto.control.reset();
});

async function asRouter(query: string, variables: Record<string, unknown>, key = ROUTER_KEY) {
  const res = await h.fetch("/graphql", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json",
      "x-router-key": key,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as {
    data?: { _entities?: Record<string, unknown>[] | null };
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
  return { status: res.status, text: JSON.stringify(body), ...body };
}

const calls = () => h.carcutter.control.count(STATUS) + h.carcutter.control.count(VEHICLE);

describe("configuration", () => {
  it("FEDERATION=true needs a router key of 32 characters or more, and says so by name", () => {
    expect(() => loadConfig({ FEDERATION: "true" })).toThrow(ConfigError);
    expect(() => loadConfig({ FEDERATION: "true" })).toThrow(/FEDERATION_ROUTER_KEY: required/);
    expect(() => loadConfig({ FEDERATION: "true", FEDERATION_ROUTER_KEY: "short" })).toThrow(
      /FEDERATION_ROUTER_KEY: must be at least 32/,
    );
    expect(() =>
      loadConfig({
        FEDERATION: "true",
        FEDERATION_ROUTER_KEY: ROUTER_KEY,
        TRUSTED_DOCUMENTS_ONLY: "true",
      }),
    ).toThrow(/TRUSTED_DOCUMENTS_ONLY: cannot be true with FEDERATION=true/);
    expect(loadConfig({}).gateway.federation).toBeUndefined();
    expect(
      loadConfig({ FEDERATION: "true", FEDERATION_ROUTER_KEY: ROUTER_KEY }).gateway.federation,
    ).toEqual({ routerKey: ROUTER_KEY });
  });
});

describe("the subgraph schema", () => {
  it("serves _service { sdl } to the router: federation v2 @link, @key on Vehicle, Image and Feature, as committed", async () => {
    const result = await asRouter("{ _service { sdl } }", {});
    expect(result.errors).toBeUndefined();
    const sdl = (result.data as unknown as { _service: { sdl: string } })._service.sdl;
    expect(sdl).toMatch(/@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+"/);
    expect(sdl).toMatch(/type Vehicle implements Node\s+@key\(fields: "vehicleId"\)/);
    expect(sdl).toMatch(/type Image implements Node\s+@key\(fields: "url"\)/);
    expect(sdl).toMatch(/type Feature implements Node\s+@key\(fields: "featureId"\)/);
    expect(`${sdl.trimEnd()}\n`).toBe(printSubgraphSDL());
    const committed = await readFile(
      new URL("../../schema/subgraph.graphql", import.meta.url),
      "utf8",
    );
    expect(committed).toBe(printSubgraphSDL());
  });

  it("the standalone schema has no entry points and no @key; the subgraph has the same fields besides", () => {
    const fields = (s: typeof schema) => Object.keys(s.getQueryType()?.getFields() ?? {}).sort();
    expect(fields(schema)).not.toContain("_entities");
    expect(fields(subgraphSchema()).filter((f) => !f.startsWith("_"))).toEqual(fields(schema));
    expect(schema.getType("Vehicle")?.astNode?.directives ?? []).toEqual([]);
  });
});

describe("only the router may use _entities and _service", () => {
  it.each([
    ["without a key", undefined],
    ["with a wrong key", "not-the-router-key-but-as-long-as-it-0123"],
    ["with the key's prefix", ROUTER_KEY.slice(0, -1)],
  ])(
    "_entities %s is refused with ROUTER_ONLY (403) and no call; the key never comes back or goes to the log",
    async (_, key) => {
      logged.length = 0;
      const res = await h.fetch("/graphql", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          ...(key === undefined ? {} : { "x-router-key": key }),
        },
        body: JSON.stringify({
          query: ENTITIES,
          variables: { representations: [{ __typename: "Vehicle", vehicleId: SEEDED_VIN }] },
        }),
      });
      const text = await res.text();
      expect(res.status).toBe(403);
      expect(JSON.parse(text).errors[0].extensions.code).toBe("ROUTER_ONLY");
      expect(JSON.parse(text).errors[0].message).toMatch(/x-router-key/);
      expect(calls()).toBe(0);
      for (const secret of [ROUTER_KEY, key].filter((k) => k !== undefined)) {
        expect(text).not.toContain(secret);
        expect(logged.join("\n")).not.toContain(secret);
      }
    },
  );

  it("_service and an _entities hidden in a fragment are refused too; the rest of the graph still answers", async () => {
    for (const query of [
      "{ _service { sdl } }",
      "query { ...Root } fragment Root on Query { _entities(representations: []) { __typename } }",
    ]) {
      const result = await asRouter(query, {}, "");
      expect(result.status).toBe(403);
      expect(result.errors?.[0]?.extensions?.code).toBe("ROUTER_ONLY");
    }
    const direct = await h.execute(`{ vehicle(vehicleId: "${SEEDED_VIN}") { manufacturer } }`);
    expect(direct.errors).toBeUndefined();
    expect(direct.data).toEqual({ vehicle: { manufacturer: "BMW" } });
  });

  it("the router's own key is neither returned nor logged when it is used", async () => {
    logged.length = 0;
    const result = await asRouter(ENTITIES, {
      representations: [{ __typename: "Vehicle", vehicleId: SEEDED_VIN }],
    });
    expect(result.errors).toBeUndefined();
    expect(result.text).not.toContain(ROUTER_KEY);
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.join("\n")).not.toContain(ROUTER_KEY);
  });
});

describe("entities resolve through the request's loaders, batched", () => {
  it("120 Image representations in one _entities call make 2 status calls, answered in order", async () => {
    const urls = Array.from({ length: 120 }, (_, i) => `https://photos.example.com/fed/${i}.jpg`);
    const result = await asRouter(ENTITIES, {
      representations: urls.map((url) => ({ __typename: "Image", url })),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities?.map((e) => e?.url)).toEqual(urls);
    expect(h.carcutter.control.count(STATUS)).toBe(Math.ceil(120 / 60));
  });

  it("20 Vehicle representations make the 20 calls the vehicle loader makes for 20 ids (one per id), 12 repeated ids none more", async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `FEDVIN${String(i).padStart(11, "0")}`);
    const result = await asRouter(ENTITIES, {
      representations: [...ids, ...ids.slice(0, 12)].map((vehicleId) => ({
        __typename: "Vehicle",
        vehicleId,
      })),
    });
    expect(result.errors).toBeUndefined();
    // Unknown to CarCutter: null entities, each looked up once.
    expect(result.data?._entities).toHaveLength(32);
    expect(h.carcutter.control.count(VEHICLE)).toBe(20);
  });

  it("Vehicle, Image and Feature representations mixed in one call each resolve to their type", async () => {
    const features = await h.execute(
      `{ vehicle(vehicleId: "${SEEDED_VIN}") { features { featureId title } } }`,
    );
    const feature = (
      features.data as { vehicle: { features: { featureId: string; title: string }[] } }
    ).vehicle.features[0];
    h.carcutter.control.reset();
    const result = await asRouter(ENTITIES, {
      representations: [
        { __typename: "Feature", featureId: feature?.featureId },
        { __typename: "Vehicle", vehicleId: SEEDED_VIN },
        { __typename: "Image", url: "https://photos.example.com/fed/mixed.jpg" },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      { __typename: "Feature", featureId: feature?.featureId, title: feature?.title },
      { __typename: "Vehicle", vehicleId: SEEDED_VIN, manufacturer: "BMW" },
      { __typename: "Image", url: "https://photos.example.com/fed/mixed.jpg", status: "UNKNOWN" },
    ]);
    expect(h.carcutter.control.count(FEATURE)).toBe(1);
    expect(h.carcutter.control.count(VEHICLE)).toBe(1);
    expect(h.carcutter.control.count(STATUS)).toBe(1);
  });

  it("a representation with a bad key fails alone, naming its type and field, and is not sent upstream", async () => {
    const result = await asRouter(ENTITIES, {
      representations: [
        { __typename: "Image", url: "ftp://photos.example.com/x.jpg" },
        { __typename: "Vehicle", vehicleId: "" },
        { __typename: "Image", url: "https://photos.example.com/fed/good.jpg" },
      ],
    });
    expect(result.data?._entities?.[0]).toBeNull();
    expect(result.data?._entities?.[1]).toBeNull();
    expect(result.data?._entities?.[2]).toMatchObject({ status: "UNKNOWN" });
    const messages = result.errors?.map((e) => e.message).join("\n") ?? "";
    expect(messages).toMatch(/representations\.Image\.url/);
    expect(messages).toMatch(/representations\.Vehicle\.vehicleId/);
    expect(h.carcutter.control.count(VEHICLE)).toBe(0);
    expect(h.carcutter.control.count(STATUS)).toBe(1);
  });
});

describe("the cost estimate sizes _entities by its representations", () => {
  it("201 Vehicle representations are refused before any call (over 200 CarCutter calls)", async () => {
    const result = await asRouter(ENTITIES, {
      representations: Array.from({ length: 201 }, (_, i) => ({
        __typename: "Vehicle",
        vehicleId: `OVER${i}`,
      })),
    });
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe("UPSTREAM_CALLS_ESTIMATE_EXCEEDED");
    expect(result.errors?.[0]?.extensions?.estimate).toMatchObject({ calls: 201 });
    expect(calls()).toBe(0);
  });

  it("the same document with 200 Image representations fits: they cost 4 batched calls, not 200", async () => {
    const representations = Array.from({ length: 200 }, (_, i) => ({
      __typename: "Image",
      url: `https://photos.example.com/fit/${i}.jpg`,
    }));
    const result = await asRouter(ENTITIES, { representations });
    expect(result.errors).toBeUndefined();
    expect(h.carcutter.control.count(STATUS)).toBe(4);
  });

  it("an estimate kept for Image representations is not reused for as many Vehicle ones of the same shape", async () => {
    const shaped = (__typename: string) =>
      Array.from({ length: 201 }, (_, i) => ({
        __typename,
        vehicleId: `SHAPE${i}`,
        url: `https://photos.example.com/shape/${i}.jpg`,
      }));
    const images = await asRouter(ENTITIES, { representations: shaped("Image") });
    expect(images.errors).toBeUndefined();
    h.carcutter.control.reset();
    const vehicles = await asRouter(ENTITIES, { representations: shaped("Vehicle") });
    expect(vehicles.errors?.[0]?.extensions?.code).toBe("UPSTREAM_CALLS_ESTIMATE_EXCEEDED");
    expect(calls()).toBe(0);
  });

  it("paid fields under `... on Vehicle` count once per Vehicle representation: 10 vehicles' stock photos are refused with 0 calls", async () => {
    const result = await asRouter(
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on Vehicle { stockPhotos { url } } }
      }`,
      {
        representations: Array.from({ length: 10 }, () => ({
          __typename: "Vehicle",
          vehicleId: SEEDED_VIN,
        })),
      },
    );
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe("COST_LIMIT_EXCEEDED");
    expect(calls()).toBe(0);
    expect(Object.values(h.oneauto.control.counts())).toEqual([]);
  });

  it("Image representations do not make the Vehicle fragment's paid fields count", async () => {
    const result = await asRouter(
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on Vehicle { stockPhotos { url } }
          ... on Image { status }
        }
      }`,
      {
        representations: Array.from({ length: 10 }, (_, i) => ({
          __typename: "Image",
          url: `https://photos.example.com/only-images/${i}.jpg`,
        })),
      },
    );
    expect(result.errors).toBeUndefined();
    expect(h.carcutter.control.count(STATUS)).toBe(1);
  });
});

function loggerInto(lines: string[]): Logger {
  const write = (obj: object, msg: string) => {
    lines.push(`${msg} ${JSON.stringify(obj)}`);
  };
  return { debug: write, info: write, warn: write, error: write };
}
