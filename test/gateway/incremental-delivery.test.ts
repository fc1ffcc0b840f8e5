import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  canonicalText,
  sha256,
  trustedDocumentsFrom,
} from "../../src/gateway/trusted-documents.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { ONEAUTO } from "../../src/upstreams/oneauto/dto.js";
import { clientsFile, TempDirs, testClient } from "../support/clients-file.js";
import { type GatewayHarness, NO_CACHE_ENV, startGateway } from "../support/gateway.js";

/**
 * `@defer` and `@stream` through the whole pipeline (gateway.fetch), the payloads read as they
 * are sent (server-sent events: one `next` event per payload): what each increment holds, what
 * is refused before anything is sent, what a fault in one part leaves of the others, and how the
 * rest of the pipeline (limits, trusted documents, sharing) holds with them.
 */

const VIN = "WBA5R1C50KAE81715";

interface Payload {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  incremental?: {
    data?: Record<string, unknown> | null;
    items?: unknown[] | null;
    path: (string | number)[];
    label?: string;
    errors?: Payload["errors"];
  }[];
  hasNext?: boolean;
  extensions?: Record<string, unknown>;
}

/** Every payload of an answer, as the `next` events of its event stream. */
async function payloads(
  h: GatewayHarness,
  query: string,
  variables: Record<string, unknown> = {},
  accept = "text/event-stream",
  apiKey?: string,
): Promise<{ status: number; contentType: string; payloads: Payload[] }> {
  const res = await h.fetch("/graphql", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept,
      ...(apiKey === undefined ? {} : { "x-api-key": apiKey }),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  const contentType = res.headers.get("content-type") ?? "";
  if (!contentType.startsWith("text/event-stream")) {
    return { status: res.status, contentType, payloads: [JSON.parse(text) as Payload] };
  }
  const events = text
    .split("\n\n")
    .filter((event) => event.startsWith("event: next"))
    .map((event) => JSON.parse(event.slice(event.indexOf("data: ") + 6)) as Payload);
  return { status: res.status, contentType, payloads: events };
}

const oneautoCalls = (h: GatewayHarness) =>
  Object.entries(h.oneauto.control.counts()).reduce((sum, [, n]) => sum + n, 0);

let h: GatewayHarness;
beforeAll(async () => {
  h = await startGateway({ env: { ...NO_CACHE_ENV, COST_MAX_PAID_CALLS_PER_OPERATION: "4" } });
});
afterAll(() => h.close());
beforeEach(() => {
  h.oneauto.control.reset();
  h.carcutter.control.reset();
});

describe("incremental payloads", () => {
  it("a deferred fragment comes after the first payload, and the cost only with the last, covering both", async () => {
    const { payloads: sent } = await payloads(
      h,
      `query Page($v: String!) { vehicle(vehicleId: $v) { vehicleId ... @defer(label: "stock") { stockPhotos(views: [FRONT_LEFT]) { view } } } }`,
      { v: VIN },
    );
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatchObject({ data: { vehicle: { vehicleId: VIN } }, hasNext: true });
    expect(sent[0]?.extensions).toBeUndefined();
    expect(sent[1]).toMatchObject({
      incremental: [{ data: { stockPhotos: [{ view: "FRONT_LEFT" }] }, path: ["vehicle"] }],
      hasNext: false,
      extensions: { cost: { paidCalls: 2, estimatedWorstCasePaidCalls: 2 } },
    });
    expect(h.oneauto.control.count(ONEAUTO.imageLink.name)).toBe(1);
  });

  it("a query without @defer or @stream gets one complete answer, even from a client that accepts streams", async () => {
    const answer = await payloads(
      h,
      `{ vehicle(vehicleId: "${VIN}") { vehicleId } }`,
      {},
      "application/json, multipart/mixed, text/event-stream",
    );
    expect(answer.contentType).toContain("application/json");
    expect(answer.payloads).toHaveLength(1);
    expect(answer.payloads[0]?.hasNext).toBeUndefined();
    expect(answer.payloads[0]?.data).toEqual({ vehicle: { vehicleId: VIN } });
  });

  it("a client that accepts only JSON gets one complete answer: the deferred and streamed parts merged in, with the cost", async () => {
    const answer = await payloads(
      h,
      `{ vehicle(vehicleId: "${VIN}") { vehicleId
          ... @defer { features { title } }
          stockPhotos(views: [FRONT_LEFT, REAR_RIGHT]) @stream(initialCount: 1) { view } } }`,
      {},
      "application/json",
    );
    expect(answer.status).toBe(200);
    expect(answer.contentType).toContain("application/json");
    expect(answer.payloads).toHaveLength(1);
    const [whole] = answer.payloads;
    expect(whole?.hasNext).toBeUndefined();
    expect(whole?.errors).toBeUndefined();
    const vehicle = whole?.data?.vehicle as {
      vehicleId: string;
      features: unknown[];
      stockPhotos: { view: string }[];
    };
    expect(vehicle.vehicleId).toBe(VIN);
    expect(vehicle.features.length).toBeGreaterThan(0);
    expect(vehicle.stockPhotos.map((p) => p.view).sort()).toEqual(["FRONT_LEFT", "REAR_RIGHT"]);
    expect(whole?.extensions?.cost).toMatchObject({ paidCalls: 3 });
  });

  it("images(urls) @stream: 130 statuses cost three calls, each batch's items in their own increments", async () => {
    const urls = Array.from(
      { length: 130 },
      (_, i) => `https://photos.example.com/stream/${i}.jpg`,
    );
    const { payloads: sent } = await payloads(
      h,
      "query Statuses($urls: [URL!]!) { images(urls: $urls) @stream(initialCount: 0) { url } }",
      { urls },
    );
    expect(h.carcutter.control.count(CARCUTTER.imageStatuses.name)).toBe(3);
    const items = sent.flatMap((p) => p.incremental?.flatMap((part) => part.items ?? []) ?? []);
    expect(items).toHaveLength(130);
    expect(sent.at(-1)?.hasNext).toBe(false);
  });

  it("a page of vehicles defers each vehicle's features and images", async () => {
    const { payloads: sent } = await payloads(
      h,
      `{ vehicles(first: 2) { edges { node { vehicleId ... @defer { features { title } images { url } } } } } }`,
    );
    const page = sent[0]?.data?.vehicles as
      | { edges: { node: Record<string, unknown> }[] }
      | undefined;
    const edges = page?.edges ?? [];
    expect(edges).toHaveLength(2);
    expect(edges.every((edge) => !("features" in edge.node))).toBe(true);
    const deferred = sent.slice(1).flatMap((p) => p.incremental ?? []);
    expect(deferred.map((part) => part.path)).toEqual(
      expect.arrayContaining([
        ["vehicles", "edges", 0, "node"],
        ["vehicles", "edges", 1, "node"],
      ]),
    );
    expect(deferred.every((part) => Array.isArray(part.data?.features))).toBe(true);
    expect(sent.at(-1)?.hasNext).toBe(false);
  });
});

describe("runtime caps across increments", () => {
  it("MAX_UPSTREAM_CALLS_PER_OPERATION counts every increment's calls: past it, deferred parts fail with the code", async () => {
    const capped = await startGateway({ gatewayEnv: { MAX_UPSTREAM_CALLS_PER_OPERATION: "4" } });
    try {
      capped.carcutter.control.reset();
      const { payloads: sent } = await payloads(
        capped,
        `{ vehicles(first: 10) { edges { node { vehicleId ... @defer { features { title } } } } } }`,
      );
      const sentCalls = Object.values(capped.carcutter.control.counts()).reduce((a, b) => a + b, 0);
      // The list and three vehicles' features: 4, however many increments they came in.
      expect(sentCalls).toBe(4);
      const deferred = sent.slice(1).flatMap((p) => p.incremental ?? []);
      expect(deferred.filter((part) => Array.isArray(part.data?.features))).toHaveLength(3);
      const refused = deferred.flatMap((part) => part.errors ?? []);
      expect(refused.length).toBeGreaterThan(0);
      for (const error of refused) {
        expect(error.extensions).toMatchObject({ code: "UPSTREAM_CALL_LIMIT_EXCEEDED", limit: 4 });
      }
      expect(sent.at(-1)?.hasNext).toBe(false);
    } finally {
      await capped.close();
    }
  });
});

describe("the cost is decided before the first byte", () => {
  it("a deferred part over the paid-call budget refuses the whole operation, before anything is sent, with 0 calls", async () => {
    const answer = await payloads(
      h,
      `{ vehicle(vehicleId: "${VIN}") { vehicleId ... @defer { stockPhotos { url } } } }`,
    );
    expect(answer.payloads).toHaveLength(1);
    expect(answer.payloads[0]?.data).toBeUndefined();
    expect(answer.payloads[0]?.errors?.[0]?.extensions).toMatchObject({
      code: "COST_LIMIT_EXCEEDED",
      limit: 4,
    });
    expect(answer.payloads[0]?.hasNext).toBeUndefined();
    expect(oneautoCalls(h)).toBe(0);
    expect(h.carcutter.control.counts()).toEqual({});
  });

  it("a streamed list counts in full: @stream(initialCount: 0) on eleven photos is refused the same way", async () => {
    const answer = await payloads(
      h,
      `{ vehicle(vehicleId: "${VIN}") { stockPhotos @stream(initialCount: 0) { url } } }`,
    );
    expect(answer.payloads[0]?.errors?.[0]?.extensions?.code).toBe("COST_LIMIT_EXCEEDED");
    expect(oneautoCalls(h)).toBe(0);
  });
});

describe("failure stays local", () => {
  it("OneAuto failing in one deferred fragment: its increment carries the error with path and code; the other arrives", async () => {
    h.oneauto.control.script({
      operation: ONEAUTO.searchByVin.name,
      fault: { kind: "malformed" },
    });
    const { payloads: sent } = await payloads(
      h,
      `{ vehicle(vehicleId: "${VIN}") { vehicleId
          ... @defer(label: "stock") { stockPhotos(views: [FRONT_LEFT]) { url } }
          ... @defer(label: "features") { features { title } } } }`,
    );
    const parts = sent.flatMap((p) => p.incremental ?? []);
    const stock = parts.find((part) => part.label === "stock");
    const features = parts.find((part) => part.label === "features");
    expect(features?.errors).toBeUndefined();
    expect(Array.isArray(features?.data?.features)).toBe(true);
    expect(stock?.data).toEqual({ stockPhotos: null });
    expect(stock?.errors?.[0]).toMatchObject({
      path: ["vehicle", "stockPhotos"],
      extensions: { code: "UPSTREAM_CONTRACT" },
    });
    expect(sent.at(-1)?.hasNext).toBe(false);
  });

  it("one streamed photo's link failing: that item's increment has the error, the other photos arrive", async () => {
    h.oneauto.control.script({ operation: ONEAUTO.imageLink.name, fault: { kind: "malformed" } });
    const { payloads: sent } = await payloads(
      h,
      `{ vehicle(vehicleId: "${VIN}") { stockPhotos(views: [FRONT_LEFT, REAR_RIGHT, INSIDE_1]) @stream(initialCount: 0) { view } } }`,
    );
    const parts = sent.flatMap((p) => p.incremental ?? []);
    const failed = parts.filter((part) => part.errors !== undefined);
    expect(failed).toHaveLength(1);
    expect(failed[0]?.errors?.[0]).toMatchObject({
      path: ["vehicle", "stockPhotos", expect.any(Number)],
      extensions: { code: "UPSTREAM_CONTRACT" },
    });
    // The views OneAuto has photos of, less the one whose link failed (a view without a photo
    // is left out, as without @stream).
    const views = parts.flatMap((part) => (part.items ?? []) as { view: string }[]);
    const index = failed[0]?.path.at(-1);
    expect(views).toHaveLength(Number(index));
    expect(views.length).toBeGreaterThanOrEqual(1);
    // The failure comes last, after every photo that arrived.
    expect(parts.at(-1)).toBe(failed[0]);
    expect(h.oneauto.control.count(ONEAUTO.imageLink.name)).toBe(3);
    expect(sent.at(-1)?.hasNext).toBe(false);
  });

  it("the deadline holds across increments: a deferred part out of time ends with OPERATION_TIMEOUT, the first payload intact", async () => {
    const slow = await startGateway({
      env: { ...NO_CACHE_ENV, ONEAUTO_EMULATOR_LATENCY_MS: `${ONEAUTO.imageLink.name}=2000` },
      gatewayEnv: { REQUEST_TIMEOUT_MS: "300" },
    });
    try {
      const started = performance.now();
      const { payloads: sent } = await payloads(
        slow,
        `{ vehicle(vehicleId: "${VIN}") { vehicleId ... @defer { stockPhotos(views: [FRONT_LEFT]) { url } } } }`,
      );
      expect(performance.now() - started).toBeLessThan(1500);
      expect(sent[0]?.data).toEqual({ vehicle: { vehicleId: VIN } });
      const errors = sent.flatMap((p) => p.incremental?.flatMap((part) => part.errors ?? []) ?? []);
      expect(errors[0]?.extensions?.code).toBe("OPERATION_TIMEOUT");
      expect(sent.at(-1)?.hasNext).toBe(false);
    } finally {
      await slow.close();
    }
  });
});

describe("the rest of the pipeline with incremental delivery", () => {
  it("depth counts inside a deferred fragment: over GRAPHQL_MAX_DEPTH is refused with 0 calls", async () => {
    const limited = await startGateway({ gatewayEnv: { GRAPHQL_MAX_DEPTH: "3" } });
    try {
      const answer = await payloads(
        limited,
        `{ vehicle(vehicleId: "${VIN}") { ... @defer { features { vehicle { features { title } } } } } }`,
      );
      expect(answer.status).toBe(400);
      expect(answer.payloads[0]?.errors?.[0]?.extensions?.code).toBe("DEPTH_LIMIT_EXCEEDED");
      expect(limited.carcutter.control.counts()).toEqual({});
    } finally {
      await limited.close();
    }
  });

  it("aliases count inside a deferred fragment: over GRAPHQL_MAX_ALIASES is refused with 0 calls", async () => {
    const limited = await startGateway({ gatewayEnv: { GRAPHQL_MAX_ALIASES: "2" } });
    try {
      const answer = await payloads(
        limited,
        `{ vehicle(vehicleId: "${VIN}") { ... @defer { a: vehicleId b: vehicleId c: vehicleId } } }`,
      );
      expect(answer.status).toBe(400);
      expect(answer.payloads[0]?.errors?.[0]?.extensions?.code).toBe("ALIAS_LIMIT_EXCEEDED");
      expect(limited.carcutter.control.counts()).toEqual({});
    } finally {
      await limited.close();
    }
  });

  it("a trusted document with @defer, sent by its hash, streams", async () => {
    const text = canonicalText(
      `query TrustedDeferred($v: String!) { vehicle(vehicleId: $v) { vehicleId ... @defer { features { title } } } }`,
    ) as string;
    const hash = sha256(text);
    const trusted = await startGateway({
      gatewayEnv: { TRUSTED_DOCUMENTS_ONLY: "true" },
      trustedDocuments: trustedDocumentsFrom({ [`sha256:${hash}`]: text }),
    });
    try {
      const res = await trusted.fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream" },
        body: JSON.stringify({
          variables: { v: VIN },
          extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
        }),
      });
      const body = await res.text();
      expect(res.headers.get("content-type")).toContain("text/event-stream");
      expect(body).toContain('"hasNext":true');
      expect(body).toContain('"features"');
      expect(body).toContain('"hasNext":false');
    } finally {
      await trusted.close();
    }
  });

  it("identical incremental queries at the same moment are not shared: each runs and streams its own answer", async () => {
    // The first one's record is held, so the second arrives while the first runs.
    h.carcutter.control.script({
      operation: CARCUTTER.vehicle.name,
      fault: { kind: "latency", ms: 300 },
    });
    const query = `{ vehicle(vehicleId: "${VIN}") { vehicleId ... @defer { stockPhotos(views: [FRONT_LEFT]) { view } } } }`;
    const first = payloads(h, query);
    await expect.poll(() => h.carcutter.control.count(CARCUTTER.vehicle.name)).toBe(1);
    const [a, b] = await Promise.all([first, payloads(h, query)]);
    for (const answer of [a, b]) {
      // A request that joined another would be answered with one JSON result, not a stream.
      expect(answer.contentType).toContain("text/event-stream");
      expect(answer.payloads[0]?.hasNext).toBe(true);
      expect(answer.payloads[0]?.data).toEqual({ vehicle: { vehicleId: VIN } });
      const last = answer.payloads.at(-1);
      expect(last?.incremental?.[0]?.data).toEqual({ stockPhotos: [{ view: "FRONT_LEFT" }] });
      expect(last?.extensions?.cost).toBeDefined();
    }
    // Both operations ran (the identical upstream reads beneath them may still be shared).
    expect(h.oneauto.control.count(ONEAUTO.searchByVin.name)).toBeGreaterThanOrEqual(1);
  });
});

describe("a client's daily budget across increments", () => {
  const dirs = new TempDirs("forecourt-incremental-budget-");
  afterAll(() => dirs.removeAll());

  it("the worst case stays reserved until the last increment, which reports the day's spend with it", async () => {
    // 60p a day: one deferred page (1 VIN search + 2 links: 45p at worst) leaves no room for a
    // second while it streams.
    const dealer = testClient("streaming-dealer", { pencePerDay: 60 });
    const b = await startGateway({
      env: NO_CACHE_ENV,
      gatewayEnv: { CLIENTS_PATH: await clientsFile(dirs, [dealer]) },
    });
    try {
      b.oneauto.control.script({
        operation: ONEAUTO.imageLink.name,
        fault: { kind: "latency", ms: 400 },
        times: 2,
      });
      const query = `{ vehicle(vehicleId: "${VIN}") { vehicleId ... @defer { stockPhotos(views: [FRONT_LEFT, REAR_RIGHT]) { url } } } }`;
      const first = payloads(b, query, {}, "text/event-stream", dealer.key);
      // The first is streaming (its links held): its 45p are still held, so a second is refused.
      await expect.poll(() => b.oneauto.control.count(ONEAUTO.imageLink.name)).toBe(2);
      const second = await payloads(b, query, {}, "text/event-stream", dealer.key);
      expect(second.payloads[0]?.errors?.[0]?.extensions?.code).toBe("BUDGET_EXHAUSTED");
      const last = (await first).payloads.at(-1);
      expect(last?.hasNext).toBe(false);
      expect(last?.extensions?.cost).toMatchObject({
        paidCalls: 3,
        estimatedPence: 45,
        spentPenceToday: 45,
        pencePerDay: 60,
      });
      expect(b.oneauto.control.count(ONEAUTO.imageLink.name)).toBe(2);
    } finally {
      await b.close();
    }
  });
});
