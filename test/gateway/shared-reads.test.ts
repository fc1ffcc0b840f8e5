import { afterAll, describe, expect, it } from "vitest";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";

/**
 * Identical upstream reads in flight at the same moment share one call across requests
 * (SHARE_INFLIGHT_READS, on by default), counted at the emulator: never a write, never a read
 * that starts after a write has returned joining one from before it, and each request's
 * `extensions.cost` says what it shared instead of hiding it or billing it twice.
 */

const VIN = "WAUZZZ8K9BA123456";
const READ = `query SharedRead { vehicle(vehicleId: "${VIN}") { vehicleId model } }`;

const started: GatewayHarness[] = [];
afterAll(async () => {
  await Promise.all(started.map((h) => h.close()));
});
async function gateway(env: Record<string, string> = {}): Promise<GatewayHarness> {
  const h = await startGateway({ env });
  started.push(h);
  return h;
}

interface Cost {
  calls: number;
  cacheHits: { upstream: string; operation: string; hits: number }[];
}
const costOf = (result: { extensions?: Record<string, unknown> }) =>
  result.extensions?.cost as Cost;

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
    slow(h, CARCUTTER.vehicle.name, 300);
    const leaving = new AbortController();
    const first = h
      .fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: READ }),
        signal: leaving.signal,
      })
      .catch(() => "left");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = h.execute(READ);
    leaving.abort();
    const answer = await second;
    expect(answer.errors).toBeUndefined();
    expect((answer.data as { vehicle: { vehicleId: string } }).vehicle.vehicleId).toBe(VIN);
    await first;
  });
});
