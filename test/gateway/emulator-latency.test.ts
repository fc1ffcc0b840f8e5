import { afterEach, describe, expect, it } from "vitest";
import { EMULATOR_LATENCY_OPERATIONS } from "../../src/config.js";
import { imageIdOf, STOCK_MODELS } from "../../src/emulators/oneauto/catalogue.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { ONEAUTO } from "../../src/upstreams/oneauto/dto.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";

/**
 * The emulators behind a gateway take the time the real APIs take when told to
 * (ONEAUTO_EMULATOR_LATENCY_MS, CARCUTTER_EMULATOR_LATENCY_MS), and none in the test harness
 * unless a test sets it. Timed at the GraphQL request, as a client sees it.
 */

const BMW = STOCK_MODELS.find((model) => model.key === "bmw-3-series-g20");
if (!BMW) throw new Error("the catalogue lost its BMW 3 Series");
const IMAGE_LINK = `{ stockImage(imageId: "${imageIdOf(BMW, "front")}", color: "Blue") { url } }`;
const SEARCH = `{ stockSearch(input: {manufacturer: "BMW", modelRange: "3 Series", year: 2021}) { modelRange } }`;
const VEHICLE = `{ vehicle(vehicleId: "WBA5R1C50KAE81715") { vehicleId } }`;
const TO_SHOOT = "{ vehiclesToShoot { vehicleId } }";

const harnesses: GatewayHarness[] = [];
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.close()));
});

async function gateway(env: Record<string, string> = {}): Promise<GatewayHarness> {
  const h = await startGateway({ env });
  harnesses.push(h);
  // The first request of a gateway pays for warming up (connections, the first document).
  await timedQuery(h, SEARCH);
  await timedQuery(h, TO_SHOOT);
  return h;
}

/** Milliseconds a query took through the gateway; fails on any error. */
async function timedQuery(h: GatewayHarness, query: string): Promise<number> {
  const started = performance.now();
  const result = await h.execute(query);
  const ms = performance.now() - started;
  expect(result.errors).toBeUndefined();
  expect(result.status).toBe(200);
  return ms;
}

describe("emulator latency behind the gateway", () => {
  it("the test harness's emulators answer at once: a stock link query takes well under 300 ms", async () => {
    const h = await gateway();
    for (const name of EMULATOR_LATENCY_OPERATIONS.oneauto.api) {
      expect(h.oneauto.control.latencyOf(name)).toBe(0);
    }
    for (const name of EMULATOR_LATENCY_OPERATIONS.carcutter.api) {
      expect(h.carcutter.control.latencyOf(name)).toBe(0);
    }
    expect(h.oneauto.control.latencyOf("GET /cdn")).toBe(0);
    expect(await timedQuery(h, IMAGE_LINK)).toBeLessThan(150);
    expect(h.oneauto.control.count(ONEAUTO.imageLink.name)).toBe(1);
  });

  it("with ONEAUTO_EMULATOR_LATENCY_MS=300, a stock link query takes at least 300 ms", async () => {
    const h = await gateway({ ONEAUTO_EMULATOR_LATENCY_MS: "300" });
    const ms = await timedQuery(h, IMAGE_LINK);
    expect(ms).toBeGreaterThanOrEqual(300);
    expect(ms).toBeLessThan(1_000);
    expect(h.oneauto.control.count(ONEAUTO.imageLink.name)).toBe(1);
  });

  it("a latency for one operation holds that operation only, at either upstream", async () => {
    const h = await gateway({
      ONEAUTO_EMULATOR_LATENCY_MS: `${ONEAUTO.imageLink.name}=300`,
      CARCUTTER_EMULATOR_LATENCY_MS: `${CARCUTTER.vehicle.name}=300`,
    });
    expect(await timedQuery(h, IMAGE_LINK)).toBeGreaterThanOrEqual(300);
    expect(await timedQuery(h, SEARCH)).toBeLessThan(150);
    expect(await timedQuery(h, VEHICLE)).toBeGreaterThanOrEqual(300);
    expect(await timedQuery(h, TO_SHOOT)).toBeLessThan(150);
    expect(h.carcutter.control.count(CARCUTTER.vehicle.name)).toBe(1);
  });
});
