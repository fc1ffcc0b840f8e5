import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORWARDED_HEADERS, routerOptions } from "../../examples/supergraph/router.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { clientsFile, TempDirs, testClient } from "../support/clients-file.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";

/**
 * Behind the router, the end client pays: with client keys on (CLIENTS_PATH), an `_entities`
 * request needs the router's key and the client key the router forwards, and is charged to that
 * client's daily budget.
 */

const ROUTER_KEY = "router-key-for-clients-0123456789abcdef";
const SEEDED_VIN = "WBA5R1C50KAE81715";
const dirs = new TempDirs("forecourt-router-clients-");
// 15p a stock link: 30p a day covers two links, not a vehicle's dozen.
const dealer = testClient("dealer-web", { pencePerDay: 30 });
let h: GatewayHarness;

beforeAll(async () => {
  h = await startGateway({
    env: { FEDERATION: "true", FEDERATION_ROUTER_KEY: ROUTER_KEY },
    gatewayEnv: { CLIENTS_PATH: await clientsFile(dirs, [dealer]) },
  });
});
afterAll(async () => {
  await h.close();
  await dirs.removeAll();
});

function entities(selection: string, headers: Record<string, string>) {
  return h
    .fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...headers },
      body: JSON.stringify({
        query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Vehicle { ${selection} } } }`,
        variables: { r: [{ __typename: "Vehicle", vehicleId: SEEDED_VIN }] },
      }),
    })
    .then(async (res) => ({
      status: res.status,
      ...((await res.json()) as {
        data?: unknown;
        errors?: { extensions?: Record<string, unknown> }[];
        extensions?: { cost?: { client?: string } };
      }),
    }));
}

describe("the end client behind the router", () => {
  it("the router's key alone is not a client key: 401 UNAUTHENTICATED, no call", async () => {
    h.carcutter.control.reset();
    const result = await entities("manufacturer", { "x-router-key": ROUTER_KEY });
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(h.carcutter.control.count(CARCUTTER.vehicle.name)).toBe(0);
  });

  it("with the forwarded client key the entity is resolved and charged to that client", async () => {
    const result = await entities("manufacturer", {
      "x-router-key": ROUTER_KEY,
      "x-api-key": dealer.key,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ _entities: [{ manufacturer: "BMW" }] });
    expect(result.extensions?.cost?.client).toBe("dealer-web");
  });

  it("an entity fetch that could spend more than the client has left today is refused before any call", async () => {
    h.oneauto.control.reset();
    const result = await entities("stockPhotos { url }", {
      "x-router-key": ROUTER_KEY,
      "x-api-key": dealer.key,
    });
    expect(result.status).toBe(429);
    expect(result.errors?.[0]?.extensions?.code).toBe("BUDGET_EXHAUSTED");
    expect(h.oneauto.control.counts()).toEqual({});
  });
});

describe("the router's configuration (examples/supergraph/router.ts)", () => {
  it("forwards the client's key and trace context to every subgraph, and its own key (and a CSRF header, for subscriptions) to Forecourt alone", async () => {
    const request = new Request("http://router.test/graphql", {
      headers: {
        "x-api-key": dealer.key,
        traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        cookie: "session=not-forwarded",
      },
    });
    const propagate = routerOptions(ROUTER_KEY).propagateHeaders?.fromClientToSubgraphs;
    const headersFor = async (subgraphName: string) =>
      (await propagate?.({ request, subgraphName } as never)) ?? {};
    const forecourt = await headersFor("forecourt");
    expect(forecourt).toMatchObject({
      "x-api-key": dealer.key,
      traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
      "x-router-key": ROUTER_KEY,
    });
    expect(Object.keys(forecourt).sort()).toEqual(
      [...FORWARDED_HEADERS, "x-router-key", "x-forecourt-csrf"].sort(),
    );
    expect(await headersFor("listings")).not.toHaveProperty("x-router-key");
    expect(await headersFor("listings")).not.toHaveProperty("cookie");
  });
});
