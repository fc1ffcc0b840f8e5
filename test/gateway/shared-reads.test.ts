import { afterAll, describe, expect, it, vi } from "vitest";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { ONEAUTO } from "../../src/upstreams/oneauto/dto.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";

/**
 * Identical upstream reads in flight at the same moment share one call across requests, and
 * identical queries in flight run once (SHARE_INFLIGHT_READS, on by default), counted at the
 * emulator: never a write, never a read that starts after a write has returned joining one from
 * before it, and each request's `extensions.cost` says what it shared instead of hiding it or
 * billing it twice.
 */

const VIN = "WAUZZZ8K9BA123456";
const READ = `query SharedRead { vehicle(vehicleId: "${VIN}") { vehicleId model } }`;
/** Two calls one after the other: the vehicle, then its features. */
const WITH_FEATURES = `query SharedPage($vehicleId: String!) {
  vehicle(vehicleId: $vehicleId) { vehicleId model features { featureId title } }
}`;

const started: GatewayHarness[] = [];
afterAll(async () => {
  await Promise.all(started.map((h) => h.close()));
});
async function gateway(env: Record<string, string> = {}): Promise<GatewayHarness> {
  const h = await startGateway({ env });
  started.push(h);
  return h;
}

/** A gateway whose access lines (the logger's info) the test reads. */
async function gatewayWithAccessLines() {
  const lines: Record<string, unknown>[] = [];
  const h = await startGateway({
    logger: {
      info: (obj) => lines.push(obj as Record<string, unknown>),
      warn: () => {},
      error: () => {},
    },
  });
  started.push(h);
  return { h, lines };
}

interface Cost {
  calls: number;
  estimatedWorstCasePaidCalls?: number;
  cacheHits: { upstream: string; operation: string; hits: number }[];
}
const costOf = (result: { extensions?: Record<string, unknown> }) =>
  result.extensions?.cost as Cost;

/**
 * Requests that have reached the step that shares queries: it asks for the caller first, then
 * joins the identical query in flight (at once, in the same step) or runs.
 */
function arrivals(h: GatewayHarness): () => number {
  const spy = vi.spyOn(h.runtime.clients, "callerOf");
  return () => new Set(spy.mock.calls.map(([request]) => request)).size;
}

/** Slows the next call of the operation, so that reads sent meanwhile find it in flight. */
function slow(h: GatewayHarness, operation: string, ms = 300): void {
  h.carcutter.control.script({ operation, fault: { kind: "latency", ms } });
}

describe("reads in flight are shared", () => {
  it("five identical reads at once: one call, five answers, one request charged with it", async () => {
    const h = await gateway();
    slow(h, CARCUTTER.vehicle.name);
    const before = h.carcutter.control.count(CARCUTTER.vehicle.name);
    const results = await Promise.all(Array.from({ length: 5 }, () => h.execute(READ)));
    expect(h.carcutter.control.count(CARCUTTER.vehicle.name)).toBe(before + 1);
    for (const result of results) {
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual(results[0]?.data);
    }
    const costs = results.map(costOf);
    expect(costs.filter((c) => c.calls === 1)).toHaveLength(1);
    const shared = costs.filter((c) => c.calls === 0);
    expect(shared).toHaveLength(4);
    for (const cost of shared) {
      expect(cost.cacheHits).toEqual([
        { upstream: "carcutter", operation: CARCUTTER.vehicle.name, hits: 1 },
      ]);
    }
  });

  it("a read that starts after a write has returned never joins one from before it", async () => {
    const h = await gateway();
    slow(h, CARCUTTER.vehicle.name, 500);
    const before = h.carcutter.control.count(CARCUTTER.vehicle.name);
    const early = h.execute(READ);
    // The early read is in flight; a write to the same vehicle completes meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const write = await h.execute(
      `mutation { upsertVehicle(input: { vehicleId: "${VIN}", model: "A4 Avant" }) { __typename } }`,
    );
    expect(write.errors).toBeUndefined();
    const late = await h.execute(READ);
    expect((late.data as { vehicle: { model: string } }).vehicle.model).toBe("A4 Avant");
    expect(costOf(late).calls).toBe(1);
    await early;
    expect(h.carcutter.control.count(CARCUTTER.vehicle.name)).toBe(before + 2);
  });

  it("writes are never shared: two identical upserts at once are two calls", async () => {
    const h = await gateway();
    slow(h, CARCUTTER.upsertVehicle.name);
    const upsert = `mutation { upsertVehicle(input: { vehicleId: "${VIN}", lot: "Z-1" }) { __typename } }`;
    const before = h.carcutter.control.count(CARCUTTER.upsertVehicle.name);
    await Promise.all([h.execute(upsert), h.execute(upsert)]);
    expect(h.carcutter.control.count(CARCUTTER.upsertVehicle.name)).toBe(before + 2);
  });

  it("off (SHARE_INFLIGHT_READS=false): every request makes its own call", async () => {
    const h = await gateway({ SHARE_INFLIGHT_READS: "false" });
    slow(h, CARCUTTER.vehicle.name);
    const before = h.carcutter.control.count(CARCUTTER.vehicle.name);
    await Promise.all(Array.from({ length: 3 }, () => h.execute(READ)));
    expect(h.carcutter.control.count(CARCUTTER.vehicle.name)).toBe(before + 3);
  });

  it("the request that started a shared read may leave: the others still get the answer", async () => {
    const h = await gateway();
    slow(h, CARCUTTER.vehicle.name, 1000);
    const before = h.carcutter.control.count(CARCUTTER.vehicle.name);
    // Each vehicle read a request makes: the second one has joined the first's call once made.
    const json = vi.spyOn(h.runtime.carcutter.http, "json");
    const vehicleReads = () =>
      json.mock.calls.filter(([call]) => call.operation.name === CARCUTTER.vehicle.name).length;
    const leaving = new AbortController();
    const first = h
      .fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: READ }),
        signal: leaving.signal,
      })
      .catch(() => "left");
    await expect.poll(() => h.carcutter.control.count(CARCUTTER.vehicle.name)).toBe(before + 1);
    // Another query over the same vehicle: it shares the read, not the whole query.
    const second = h.execute(
      `query SharedReadColor { vehicle(vehicleId: "${VIN}") { vehicleId color } }`,
    );
    await expect.poll(vehicleReads).toBe(2);
    leaving.abort();
    const answer = await second;
    expect(answer.errors).toBeUndefined();
    expect((answer.data as { vehicle: { vehicleId: string } }).vehicle.vehicleId).toBe(VIN);
    // The call went on for the one still waiting: one call, never aborted, and a cache hit.
    expect(h.carcutter.control.count(CARCUTTER.vehicle.name)).toBe(before + 1);
    expect(h.carcutter.control.aborted(CARCUTTER.vehicle.name)).toBe(0);
    expect(costOf(answer)).toMatchObject({ calls: 0 });
    expect(costOf(answer).cacheHits).toEqual([
      { upstream: "carcutter", operation: CARCUTTER.vehicle.name, hits: 1 },
    ]);
    await first;
    json.mockRestore();
  });
});

describe("queries in flight are shared", () => {
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const calls = (h: GatewayHarness) => ({
    vehicle: h.carcutter.control.count(CARCUTTER.vehicle.name),
    features: h.carcutter.control.count(CARCUTTER.features.name),
  });
  /**
   * Sends the page's query with its features call slowed by `slowMs`, and hands over its answer
   * to come once the emulator has its features call: it has its vehicle and waits for the
   * features, for `slowMs`.
   */
  async function firstUnderWay(h: GatewayHarness, slowMs = 1000) {
    slow(h, CARCUTTER.features.name, slowMs);
    const features = calls(h).features;
    const answer = h.execute(WITH_FEATURES, { vehicleId: VIN });
    await expect.poll(() => calls(h).features, { timeout: 5000 }).toBe(features + 1);
    return { answer };
  }
  /** The page's query as raw HTTP, with `extra` parameters beside query and variables. */
  const postPage = (h: GatewayHarness, extra: Record<string, unknown> = {}, signal?: AbortSignal) =>
    h.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query: WITH_FEATURES, variables: { vehicleId: VIN }, ...extra }),
      ...(signal ? { signal } : {}),
    });

  it("a query sent while an identical one runs joins it, even past the calls already made", async () => {
    const h = await gateway();
    const before = calls(h);
    // The first query has its vehicle and waits for the features: a read-level share of the
    // vehicle call is over, so only joining the whole query saves the second vehicle call.
    const { answer: first } = await firstUnderWay(h);
    expect(calls(h).vehicle).toBe(before.vehicle + 1);
    const later = await Promise.all([1, 2].map(() => h.execute(WITH_FEATURES, { vehicleId: VIN })));
    const leader = await first;
    const results = [leader, ...later];
    expect(calls(h)).toEqual({ vehicle: before.vehicle + 1, features: before.features + 1 });
    for (const result of results) {
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual(leader.data);
    }
    expect(
      (leader.data as { vehicle: { features: unknown[] } }).vehicle.features.length,
    ).toBeGreaterThan(0);
    expect(costOf(leader).calls).toBe(2);
    expect(costOf(leader).estimatedWorstCasePaidCalls).toBeTypeOf("number");
    for (const result of later) {
      const cost = costOf(result);
      expect(cost).toMatchObject({
        calls: 0,
        paidCalls: 0,
        estimatedPence: 0,
        client: "local",
        estimatedWorstCasePaidCalls: costOf(leader).estimatedWorstCasePaidCalls,
      });
      expect(cost.cacheHits).toEqual([
        { upstream: "carcutter", operation: CARCUTTER.features.name, hits: 1 },
        { upstream: "carcutter", operation: CARCUTTER.vehicle.name, hits: 1 },
      ]);
    }
  });

  it("other variables are another query: each runs", async () => {
    const h = await gateway();
    const other = "WBA5R1C50KAE81715";
    const before = calls(h);
    const { answer: first } = await firstUnderWay(h);
    const second = await h.execute(WITH_FEATURES, { vehicleId: other });
    await first;
    expect(calls(h).vehicle).toBe(before.vehicle + 2);
    expect((second.data as { vehicle: { vehicleId: string } }).vehicle.vehicleId).toBe(other);
    expect(costOf(second).calls).toBe(2);
  });

  it("a query that starts after a mutation returned never joins one from before it", async () => {
    const h = await gateway();
    const before = calls(h);
    const { answer: early } = await firstUnderWay(h);
    const write = await h.execute(
      `mutation { upsertVehicle(input: { vehicleId: "${VIN}", model: "A6 Allroad" }) { __typename } }`,
    );
    expect(write.errors).toBeUndefined();
    const late = await h.execute(WITH_FEATURES, { vehicleId: VIN });
    expect((late.data as { vehicle: { model: string } }).vehicle.model).toBe("A6 Allroad");
    expect(costOf(late).calls).toBe(2);
    await early;
    expect(calls(h).vehicle).toBe(before.vehicle + 2);
  });

  it("when the first request leaves, the ones that joined it run for themselves", async () => {
    const h = await gateway();
    const arrived = arrivals(h);
    const before = calls(h);
    slow(h, CARCUTTER.features.name, 5000);
    const leaving = new AbortController();
    const first = postPage(h, {}, leaving.signal).catch(() => "left");
    await expect.poll(() => calls(h).features).toBe(before.features + 1);
    const joined = h.execute(WITH_FEATURES, { vehicleId: VIN });
    await expect.poll(arrived).toBe(2);
    leaving.abort();
    const answer = await joined;
    expect(answer.errors).toBeUndefined();
    expect(
      (answer.data as { vehicle: { features: unknown[] } }).vehicle.features.length,
    ).toBeGreaterThan(0);
    // Not the first request's cut-off result: it made both calls itself, the first's features
    // call (held 5 s) being cut when the first left rather than shared.
    expect(costOf(answer)).toMatchObject({ calls: 2, cacheHits: [] });
    expect(calls(h)).toEqual({ vehicle: before.vehicle + 2, features: before.features + 2 });
    await expect.poll(() => h.carcutter.control.aborted(CARCUTTER.features.name)).toBe(1);
    await first;
  });

  it("when the first request runs out of time, the ones that joined it run for themselves", async () => {
    const h = await startGateway({ gatewayEnv: { REQUEST_TIMEOUT_MS: "1500" } });
    started.push(h);
    const arrived = arrivals(h);
    const before = calls(h);
    const { answer: first } = await firstUnderWay(h, 5000);
    let firstDone = false;
    void first.then(() => {
      firstDone = true;
    });
    const joining = h.execute(WITH_FEATURES, { vehicleId: VIN });
    await expect.poll(arrived).toBe(2);
    // It arrived while the first still ran: it joined.
    expect(firstDone).toBe(false);
    const joined = await joining;
    expect((await first).errors?.[0]?.extensions?.code).toBe("OPERATION_TIMEOUT");
    // Its own deadline had time left for its own (no longer slowed) calls: both made anew.
    expect(joined.errors).toBeUndefined();
    expect(costOf(joined)).toMatchObject({ calls: 2, cacheHits: [] });
    expect(calls(h)).toEqual({ vehicle: before.vehicle + 2, features: before.features + 2 });
  });

  it("a result with errors is not handed on: the ones that joined run for themselves", async () => {
    const h = await gateway();
    slow(h, CARCUTTER.vehicle.name, 300);
    h.carcutter.control.script({
      operation: CARCUTTER.features.name,
      fault: { kind: "status", status: 400 },
    });
    const first = h.execute(WITH_FEATURES, { vehicleId: VIN });
    await pause(100);
    const joined = await h.execute(WITH_FEATURES, { vehicleId: VIN });
    expect((await first).errors?.length).toBeGreaterThan(0);
    expect(joined.errors).toBeUndefined();
    expect(costOf(joined).calls).toBe(2);
  });

  it("a request with parameters beyond query, variables and operationName runs for itself", async () => {
    const h = await gateway();
    const before = calls(h);
    const { answer: first } = await firstUnderWay(h);
    const response = await postPage(h, { extensions: { note: "mine" } });
    const answer = (await response.json()) as { extensions?: Record<string, unknown> };
    await first;
    // Its own vehicle call; its features read, identical and in flight, shared the first's call.
    expect(costOf(answer)).toMatchObject({ calls: 1 });
    expect(costOf(answer).cacheHits).toEqual([
      { upstream: "carcutter", operation: CARCUTTER.features.name, hits: 1 },
    ]);
    expect(calls(h)).toEqual({ vehicle: before.vehicle + 2, features: before.features + 1 });
  });

  it("a request that joined has its own access line: client, operation, nothing spent", async () => {
    const { h, lines } = await gatewayWithAccessLines();
    const { answer: first } = await firstUnderWay(h);
    const joined = await h.execute(WITH_FEATURES, { vehicleId: VIN });
    await first;
    expect(costOf(joined).calls).toBe(0);
    const access = lines.filter((l) => l.operation === "SharedPage");
    expect(access).toHaveLength(2);
    expect(access.map((l) => [l.client, l.upstreamCalls, l.outcome])).toEqual(
      expect.arrayContaining([
        ["local", 2, "ok"],
        ["local", 0, "ok"],
      ]),
    );
    expect(new Set(access.map((l) => l.requestId)).size).toBe(2);
  });

  it("a request that joined stops waiting when its client leaves, not when the first ends", async () => {
    const { h, lines } = await gatewayWithAccessLines();
    const arrived = arrivals(h);
    const { answer: first } = await firstUnderWay(h, 3000);
    const leaving = new AbortController();
    const joiner = postPage(h, {}, leaving.signal).catch(() => "left");
    await expect.poll(arrived).toBe(2);
    leaving.abort();
    await joiner;
    // Its line is written while the first request still waits on its 3 s call.
    await expect
      .poll(() => lines.filter((l) => l.outcome === "CLIENT_GONE").length, { timeout: 1500 })
      .toBe(1);
    expect(lines.filter((l) => l.operation === "SharedPage")).toHaveLength(0);
    const answer = await first;
    expect(answer.errors).toBeUndefined();
    expect(costOf(answer).calls).toBe(2);
    expect(lines.filter((l) => l.operation === "SharedPage")).toHaveLength(1);
  });

  it("a joiner's body is the JSON yoga would write, the shared data serialised once", async () => {
    const h = await gateway();
    const { answer: first } = await firstUnderWay(h);
    const text = await (await postPage(h)).text();
    const leader = await first;
    const body = JSON.parse(text) as { data: unknown; extensions: Record<string, unknown> };
    expect(Object.keys(body)).toEqual(["data", "extensions"]);
    expect(body.data).toEqual(leader.data);
    expect(costOf(body).calls).toBe(0);
    expect(text).toBe(JSON.stringify(body));
  });
});

describe("one way to share work in flight (src/upstreams/in-flight.ts)", () => {
  const BMW = "WBA5R1C50KAE81715";
  const BY_VIN = ONEAUTO.searchByVin.name;
  /** The same paid OneAuto read under another operation name each time: no whole query is shared. */
  const stockByVin = (i: number) =>
    `query StockByVin${i} { stockByVin(vin: "${BMW}") { manufacturer modelRange } }`;
  const slowOneAuto = (h: GatewayHarness, operation: string, ms = 300) =>
    h.oneauto.control.script({ operation, fault: { kind: "latency", ms } });
  /** What each shared read was keyed on, in order (the generation line left out). */
  function readsOf(h: GatewayHarness): () => string[] {
    const spy = vi.spyOn(h.runtime.inFlight, "read");
    return () => spy.mock.calls.map(([what]) => what);
  }

  it("a OneAuto miss joined by five requests makes one call and passes one single-flight", async () => {
    const h = await gateway();
    const reads = readsOf(h);
    slowOneAuto(h, BY_VIN);
    const results = await Promise.all([1, 2, 3, 4, 5].map((i) => h.execute(stockByVin(i))));
    expect(h.oneauto.control.count(BY_VIN)).toBe(1);
    for (const result of results) {
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual(results[0]?.data);
    }
    // Each request's read went through CachedOneAuto's flight (cache lookup and call); the call
    // beneath it was made as it was, never shared a second time by UpstreamHttp.
    expect(reads()).toEqual(Array(5).fill(`oneauto:vin:${BMW}`));
    const costs = results.map(costOf);
    expect(costs.filter((c) => c.calls === 1)).toHaveLength(1);
    for (const cost of costs.filter((c) => c.calls === 0)) {
      expect(cost.cacheHits).toEqual([{ upstream: "oneauto", operation: BY_VIN, hits: 1 }]);
    }
    expect(costs.filter((c) => c.calls === 0)).toHaveLength(4);
  });

  it("off (SHARE_INFLIGHT_READS=false): five identical OneAuto misses at once make five calls", async () => {
    const h = await gateway({ SHARE_INFLIGHT_READS: "false" });
    slowOneAuto(h, BY_VIN);
    const results = await Promise.all([1, 2, 3, 4, 5].map((i) => h.execute(stockByVin(i))));
    expect(h.oneauto.control.count(BY_VIN)).toBe(5);
    expect(results.map((r) => costOf(r).calls)).toEqual([1, 1, 1, 1, 1]);
  });

  it("one read-your-writes counter: a mutation that wrote nothing upstream keeps later queries and reads from joining earlier ones", async () => {
    const h = await gateway();
    const submit = `mutation { submitImages(input: { vehicleId: "${VIN}", urls: ["https://photos.example.com/${VIN}/counter.jpg"], processing: { cutType: COMPLETE } }) {
      ... on SubmitImagesPayload { results { outcome } }
    } }`;
    const outcome = (result: { data?: unknown }) =>
      (result.data as { submitImages: { results: { outcome: string }[] } }).submitImages.results[0]
        ?.outcome;
    expect(outcome(await h.execute(submit))).toBe("ACCEPTED");
    const submissions = h.carcutter.control.count(CARCUTTER.submitImages.name);
    slow(h, CARCUTTER.vehicle.name, 2000);
    const before = h.carcutter.control.count(CARCUTTER.vehicle.name);
    // In flight: the whole query, and its vehicle read beneath it.
    const early = h.execute(READ);
    await expect.poll(() => h.carcutter.control.count(CARCUTTER.vehicle.name)).toBe(before + 1);
    const generation = h.runtime.inFlight.generation;
    // Answered from the ledger: no upstream write, only the mutation returning counts.
    expect(outcome(await h.execute(submit))).toBe("ALREADY_SUBMITTED");
    expect(h.carcutter.control.count(CARCUTTER.submitImages.name)).toBe(submissions);
    // The same query would have joined the early one; another over the same vehicle, its read.
    const sameQuery = await h.execute(READ);
    const sameRead = await h.execute(
      `query SharedReadColor { vehicle(vehicleId: "${VIN}") { vehicleId color } }`,
    );
    expect(costOf(sameQuery)).toMatchObject({ calls: 1, cacheHits: [] });
    expect(costOf(sameRead)).toMatchObject({ calls: 1, cacheHits: [] });
    expect(h.runtime.inFlight.generation).toBe(generation + 1);
    expect((await early).errors).toBeUndefined();
    expect(h.carcutter.control.count(CARCUTTER.vehicle.name)).toBe(before + 3);
  });

  it("one read-your-writes counter: an upstream write bumps the counter whole queries are keyed on", async () => {
    const h = await gateway();
    slow(h, CARCUTTER.features.name, 1000);
    const features = h.carcutter.control.count(CARCUTTER.features.name);
    const early = h.execute(WITH_FEATURES, { vehicleId: VIN });
    await expect.poll(() => h.carcutter.control.count(CARCUTTER.features.name)).toBe(features + 1);
    // A write by the process-wide client, in no mutation: only UpstreamHttp counts it.
    const generation = h.runtime.inFlight.generation;
    await h.runtime.carcutter.upsertVehicle({ vehicleId: VIN, model: "A4 Allroad" });
    expect(h.runtime.inFlight.generation).toBe(generation + 1);
    const late = await h.execute(WITH_FEATURES, { vehicleId: VIN });
    expect((late.data as { vehicle: { model: string } }).vehicle.model).toBe("A4 Allroad");
    expect(costOf(late)).toMatchObject({ calls: 2 });
    await early;
  });
});
