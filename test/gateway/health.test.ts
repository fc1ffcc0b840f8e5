import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_VEHICLES } from "../../src/emulators/carcutter/seed.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { graphql } from "../gql/index.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";
import { expectNoErrors, onlyError, present } from "../support/operations.js";

/** Liveness, readiness, and readiness following the upstreams' circuit breakers. */

const BREAKER_FAILURES = 3;
const HALF_OPEN_MS = 800;
const STATUS = CARCUTTER.vehicle.name;
const vin = present(SEED_VEHICLES[0]).vehicle_id;

let h: GatewayHarness;
beforeAll(async () => {
  h = await startGateway({
    env: {
      UPSTREAM_BREAKER_FAILURES: String(BREAKER_FAILURES),
      UPSTREAM_BREAKER_HALF_OPEN_MS: String(HALF_OPEN_MS),
      UPSTREAM_MAX_RETRIES: "0",
    },
  });
});
afterAll(() => h.close());

const Vehicle = graphql(`
  query HealthVehicle($v: String!) { vehicle(vehicleId: $v) { vehicleId } }
`);
const StockImage = graphql(`
  query HealthStockImage { stockImage(imageId: "bmw-3-series-g20-front") { url } }
`);

const vehicle = () => h.run(Vehicle, { v: vin });

describe("/health and /ready", () => {
  it("/health answers 200", async () => {
    expect((await h.fetch("/health")).status).toBe(200);
  });

  it("/ready answers 200 while both upstreams' circuits are closed", async () => {
    expect((await h.fetch("/ready")).status).toBe(200);
  });

  it("once CarCutter keeps failing, its circuit opens: /ready answers 503 and calls fail fast without reaching it; it recovers after the half-open delay", async () => {
    h.carcutter.control.reset();
    h.carcutter.control.script({
      operation: STATUS,
      fault: { kind: "status", status: 503 },
      times: BREAKER_FAILURES,
    });
    for (let i = 0; i < BREAKER_FAILURES; i++) {
      expect(onlyError(await vehicle()).extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
    }
    expect(h.carcutter.control.count(STATUS)).toBe(BREAKER_FAILURES);
    expect((await h.fetch("/ready")).status).toBe(503);

    const refused = onlyError(await vehicle());
    expect(refused.extensions).toMatchObject({
      code: "UPSTREAM_UNAVAILABLE",
      upstream: "carcutter",
      circuit: "open",
    });
    expect(refused.message).toMatch(/circuit open/);
    expect(h.carcutter.control.count(STATUS)).toBe(BREAKER_FAILURES);

    // OneAuto has its own circuit: still closed, still served.
    const stock = await h.run(StockImage);
    expectNoErrors(stock);

    await sleep(HALF_OPEN_MS + 50);
    expect((await h.fetch("/ready")).status).toBe(200);
    const recovered = await vehicle();
    expectNoErrors(recovered);
    expect(recovered.data).toEqual({ vehicle: { vehicleId: vin } });
    expect((await h.fetch("/ready")).status).toBe(200);
  });
});
