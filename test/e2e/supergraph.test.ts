import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGatewayRuntime, type GatewayRuntime } from "@graphql-hive/gateway";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createListingsSubgraph,
  DEMO_LISTINGS,
  type Listing,
} from "../../examples/dealer-listings/listings.js";
import { routerOptions } from "../../examples/supergraph/router.js";
import { composeSupergraph } from "../../scripts/compose-supergraph.js";
import { loadConfig } from "../../src/config.js";
import { startTracing, type TracingHandle } from "../../src/observability/tracing-sdk.js";
import { type RunningServer, startServer } from "../../src/server.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { localServerConfig } from "../support/server.js";

/**
 * The README's three processes, composed by the composition library and served by Hive Gateway:
 * Forecourt in subgraph mode over its built-in emulators (listening on a random port), the
 * example listings subgraph (another), and Hive Gateway's runtime in-process over the supergraph
 * composed with their URLs. A cross-subgraph query through the router is checked against the
 * same data fetched from both subgraphs directly, and its upstream calls are counted at the
 * emulators. This file registers the process's tracer provider, so it runs in a worker of its own.
 */

const ROUTER_KEY = "e2e-router-key-0123456789abcdef0123456789";
const STATUS = CARCUTTER.imageStatuses.name;
const VEHICLE = CARCUTTER.vehicle.name;
const TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
/** Beside the 9 seeded vehicles (24 photos), 11 more with 4 photos each: 68 photos, 20 vehicles. */
const NEW_VEHICLES = 11;
const PHOTOS_EACH = 4;

const CROSS_QUERY = `query DealerListings {
  listings { listingId price listedOn dealerName
    vehicle { vehicleId manufacturer images { url status } stockPhotos { url } } }
}`;

let dataDir: string;
let tracing: TracingHandle | undefined;
let forecourt: RunningServer;
let listingsServer: Server;
let listingsUrl: string;
let router: GatewayRuntime;
let listings: Listing[];

async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...headers },
    body: JSON.stringify({ query }),
  });
  return {
    status: res.status,
    ...((await res.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] }),
  };
}

function viaRouter(query: string, headers: Record<string, string> = {}) {
  return Promise.resolve(
    router.fetch("http://router.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...headers },
      body: JSON.stringify({ query }),
    }),
  ).then(async (res) => ({
    status: res.status,
    ...((await res.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] }),
  }));
}

const carcutter = () => {
  const control = forecourt.emulators?.carcutter?.emulator.control;
  if (!control) throw new Error("no built-in CarCutter emulator");
  return control;
};

beforeAll(async () => {
  tracing = startTracing(loadConfig({}).tracing, [
    new SimpleSpanProcessor(new InMemorySpanExporter()),
  ]);
  dataDir = await mkdtemp(join(tmpdir(), "forecourt-supergraph-"));
  forecourt = await startServer(
    localServerConfig({
      FORECOURT_DATA_DIR: dataDir,
      FEDERATION: "true",
      FEDERATION_ROUTER_KEY: ROUTER_KEY,
      // Closing waits for connections in flight, the router's kept-alive ones too: not long.
      DRAIN_DELAY_MS: "0",
      SHUTDOWN_GRACE_MS: "500",
      // Seeded photos hold their stage for the whole file: at the default 2 s step, a raw one
      // turned final between the routed query and the direct one it is compared with.
      CARCUTTER_EMULATOR_STEP_MS: "600000",
      // 20 vehicles' stock photos in one operation: more OneAuto calls (paid ones too) than the
      // defaults allow, which would refuse it before any call (the estimate sizes it at 280).
      COST_MAX_PAID_CALLS_PER_OPERATION: "1000",
      COST_MAX_UPSTREAM_CALLS_PER_OPERATION: "400",
    }),
    { tracing: true },
  );
  const graphql = `${forecourt.url}/graphql`;
  // The dealer's stock beyond the seed: vehicles and their photos, through Forecourt directly.
  const added: string[] = [];
  for (let i = 0; i < NEW_VEHICLES; i++) {
    const vehicleId = `WAUZZZ8K9BA9${String(i).padStart(5, "0")}`;
    const urls = Array.from(
      { length: PHOTOS_EACH },
      (_, p) => `https://photos.example.com/supergraph/${vehicleId}/${p}.jpg`,
    );
    const upsert = await post(
      graphql,
      `mutation { upsertVehicle(input: { vehicleId: "${vehicleId}", manufacturer: "Audi", model: "A4", color: "Black" }) { __typename } }`,
    );
    expect(upsert.errors).toBeUndefined();
    const submit = await post(
      graphql,
      `mutation { submitImages(input: { vehicleId: "${vehicleId}", urls: ${JSON.stringify(urls)}, processing: { cutType: COMPLETE } }) { ... on SubmitImagesPayload { accepted } } }`,
    );
    expect(submit.data).toEqual({ submitImages: { accepted: PHOTOS_EACH } });
    added.push(vehicleId);
  }
  listings = [
    ...DEMO_LISTINGS,
    ...added.map((vehicleId, i) => ({
      listingId: `L-E2E-${i}`,
      vehicleId,
      price: 1_500_000 + i * 10_000,
      listedOn: `2026-12-${String(i + 1).padStart(2, "0")}`,
      dealerName: "Forecourt Motors Leipzig",
    })),
  ];
  listingsServer = createServer(createListingsSubgraph(listings));
  await new Promise<void>((resolve) => listingsServer.listen(0, "127.0.0.1", resolve));
  listingsUrl = `http://127.0.0.1:${(listingsServer.address() as AddressInfo).port}/graphql`;
  const supergraph = await composeSupergraph({ forecourt: graphql, listings: listingsUrl });
  router = createGatewayRuntime({ supergraph, logging: false, ...routerOptions(ROUTER_KEY) });
}, 60_000);

afterAll(async () => {
  await router?.dispose();
  // The router keeps its connections to the subgraph open (keep-alive).
  listingsServer?.closeAllConnections();
  await new Promise<void>((resolve) =>
    listingsServer ? listingsServer.close(() => resolve()) : resolve(),
  );
  await forecourt?.close();
  await tracing?.shutdown();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 60_000);

beforeEach(() => {
  carcutter().reset();
});

describe("Forecourt in a supergraph, served by Hive Gateway", () => {
  it("listings { price vehicle { manufacturer images { status } stockPhotos { url } } } answers what both subgraphs answer directly, 20 listings' photo statuses in ceil(n/60) calls", async () => {
    expect(listings).toHaveLength(20);
    const routed = await viaRouter(CROSS_QUERY, {
      traceparent: `00-${TRACE_ID}-b7ad6b7169203331-01`,
    });
    expect(routed.errors).toBeUndefined();
    const routedListings = routed.data?.listings as {
      vehicleId?: string;
      vehicle: { vehicleId: string; images: unknown[] };
    }[];
    expect(routedListings).toHaveLength(20);
    const photos = routedListings.reduce((n, l) => n + l.vehicle.images.length, 0);
    expect(photos).toBe(24 + NEW_VEHICLES * PHOTOS_EACH);
    // One _entities call for the 20 vehicles: one record read each, every status in one batch.
    expect(carcutter().count(VEHICLE)).toBe(20);
    expect(carcutter().count(STATUS)).toBe(Math.ceil(photos / 60));
    // The client's trace went on through the router into Forecourt's upstream calls.
    expect(carcutter().traceparents(STATUS).at(-1)).toContain(TRACE_ID);

    // The same data by calling both subgraphs directly and joining vehicleIds by hand.
    const direct = await post(
      listingsUrl,
      "{ listings { listingId price listedOn dealerName vehicle { vehicleId } } }",
    );
    const directListings = (direct.data?.listings ?? []) as Record<string, unknown>[];
    const ids = (directListings as { vehicle: { vehicleId: string } }[]).map(
      (l) => l.vehicle.vehicleId,
    );
    const vehicles = await post(
      `${forecourt.url}/graphql`,
      `{ ${ids.map((id, i) => `v${i}: vehicle(vehicleId: "${id}") { vehicleId manufacturer images { url status } stockPhotos { url } }`).join(" ")} }`,
    );
    expect(vehicles.errors).toBeUndefined();
    const joined = directListings.map((listing, i) => ({
      ...listing,
      vehicle: vehicles.data?.[`v${i}`],
    }));
    expect(routed.data?.listings).toEqual(joined);
  });

  it("a vehicle's fields from Forecourt and its listing from the dealer's subgraph, in one query", async () => {
    const result = await viaRouter(
      '{ vehicle(vehicleId: "WAUZZZ8K9BA123456") { manufacturer model listing { price dealerName } } }',
    );
    expect(result.errors).toBeUndefined();
    const audi = DEMO_LISTINGS.find((l) => l.vehicleId === "WAUZZZ8K9BA123456");
    expect(result.data).toEqual({
      vehicle: {
        manufacturer: "Audi",
        model: "A4",
        listing: { price: audi?.price, dealerName: audi?.dealerName },
      },
    });
  });

  it("imageUpdated through the router: Forecourt's subscription streams to the client as server-sent events", async () => {
    const url = "https://photos.example.com/supergraph/subscribed/front-left.jpg";
    const res = await router.fetch("http://router.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({
        query: `subscription { imageUpdated(urls: ["${url}"]) { url status } }`,
      }),
    });
    expect(res.status).toBe(200);
    const reader = res.body?.getReader();
    if (!reader) throw new Error("no event stream");
    // Once the router has subscribed: the photo, submitted to Forecourt directly, moves on.
    const submitted = new Promise((resolve) => setTimeout(resolve, 300)).then(() =>
      post(
        `${forecourt.url}/graphql`,
        `mutation { submitImages(input: { vehicleId: "WAUZZZ8K9BA123456", urls: ["${url}"], processing: { cutType: COMPLETE } }) { ... on SubmitImagesPayload { accepted } } }`,
      ),
    );
    let text = "";
    const decoder = new TextDecoder();
    while (!/event: next\ndata: .*imageUpdated/.test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    await reader.cancel();
    expect((await submitted).data).toEqual({ submitImages: { accepted: 1 } });
    const event = /event: next\ndata: (.*)\n/.exec(text)?.[1] ?? "{}";
    expect(JSON.parse(event)).toMatchObject({ data: { imageUpdated: { url } } });
  }, 20_000);

  it("without the router's key, Forecourt refuses _entities from a caller that names the listings' vehicles", async () => {
    const result = await post(
      `${forecourt.url}/graphql`,
      `{ _entities(representations: [{ __typename: "Vehicle", vehicleId: "WAUZZZ8K9BA123456" }]) { ... on Vehicle { manufacturer } } }`,
    );
    expect(result.status).toBe(403);
    expect(carcutter().count(VEHICLE)).toBe(0);
  });
});
