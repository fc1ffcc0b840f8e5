import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_VEHICLES } from "../../src/emulators/carcutter/seed.js";
import { PHASE_NAMES, type PhaseName } from "../../src/gateway/create-gateway.js";
import { type GatewayHarness, startGateway } from "./../support/gateway.js";

/**
 * The ladder of `npm run bench` composes fewer phases to measure what each costs: each phase left
 * out must really be gone (its marks missing from the answer), and the answer's data unchanged.
 */

const vehicleId = SEED_VEHICLES[0]?.vehicle_id ?? "";
const query = `query PhasesProbe($id: String!) { vehicle(vehicleId: $id) { vehicleId manufacturer } }`;

async function probe(gateway: GatewayHarness) {
  const response = await gateway.fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, variables: { id: vehicleId } }),
  });
  const body = (await response.json()) as { data?: unknown; extensions?: Record<string, unknown> };
  return {
    status: response.status,
    data: body.data,
    // Set by the reporting phase (the request id), and by the execution phase (extensions.cost).
    requestId: response.headers.get("x-request-id"),
    cost: body.extensions?.cost,
  };
}

describe("createGateway's phases option", () => {
  const gateways = new Map<string, GatewayHarness>();
  const variants: Record<string, readonly PhaseName[] | undefined> = {
    all: undefined,
    bare: [],
    "no execution": PHASE_NAMES.filter((phase) => phase !== "execution"),
  };

  beforeAll(async () => {
    for (const [name, phases] of Object.entries(variants)) {
      gateways.set(name, await startGateway(phases ? { phases } : {}));
    }
  });
  afterAll(async () => {
    for (const gateway of gateways.values()) await gateway.close();
  });

  it("the bare stack answers the same data, without the reporting or execution phase's marks", async () => {
    const all = await probe(gateways.get("all") as GatewayHarness);
    const bare = await probe(gateways.get("bare") as GatewayHarness);
    expect(all.status).toBe(200);
    expect(all.data).toEqual({ vehicle: { vehicleId, manufacturer: expect.any(String) } });
    expect(all.requestId).toMatch(/\S/);
    expect(all.cost).toBeDefined();
    expect(bare.status).toBe(200);
    expect(bare.data).toEqual(all.data);
    expect(bare.requestId).toBeNull();
    expect(bare.cost).toBeUndefined();
  });

  it("leaving out one phase removes only that phase", async () => {
    const noExecution = await probe(gateways.get("no execution") as GatewayHarness);
    expect(noExecution.status).toBe(200);
    expect(noExecution.requestId).toMatch(/\S/);
    expect(noExecution.cost).toBeUndefined();
  });
});
