import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "graphql";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/server.js";
import { ONEAUTO } from "../../src/upstreams/oneauto/dto.js";
import { NO_CACHE_ENV } from "../support/gateway.js";
import { readIncrementally, type Transport } from "../support/incremental.js";
import { localServerConfig } from "../support/server.js";

/**
 * `@defer` and `@stream` over HTTP, as a browser's client reads them (urql's fetch exchange), on
 * both transports, with OneAuto's paid links taking a second each: the vehicle's record first,
 * its stock photos when their links arrive; one access line and one cost, for the whole answer.
 */

const VIN = "WBA5R1C50KAE81715";
const LINK_MS = 1000;

const DeferredPhotos = parse(`
  query DeferredPhotos($vehicleId: String!) {
    vehicle(vehicleId: $vehicleId) {
      vehicleId
      manufacturer
      ... @defer(label: "photos") {
        stockPhotos(views: [FRONT_LEFT, REAR_RIGHT]) { view url }
      }
    }
  }
`);

const StreamedPhotos = parse(`
  query StreamedPhotos($vehicleId: String!) {
    vehicle(vehicleId: $vehicleId) {
      vehicleId
      stockPhotos(views: [FRONT_LEFT, REAR_RIGHT, INSIDE_1]) @stream(initialCount: 0) { view url }
    }
  }
`);

interface Logged {
  msg: string;
  obj: Record<string, unknown>;
}

let server: RunningServer;
let dataDir: string;
const logged: Logged[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "forecourt-incremental-"));
  const config = localServerConfig({
    FORECOURT_DATA_DIR: dataDir,
    ...NO_CACHE_ENV,
    // Only the paid link is slow: the page's record and the VIN search answer at once.
    ONEAUTO_EMULATOR_LATENCY_MS: `${ONEAUTO.imageLink.name}=${LINK_MS}`,
    CARCUTTER_EMULATOR_LATENCY_MS: "0",
  });
  const info = (obj: object, msg: string) => logged.push({ msg, obj: obj as Logged["obj"] });
  server = await startServer(config, {
    logger: { debug: () => {}, info, warn: () => {}, error: () => {} },
  });
  // Warm: the first request of a gateway pays for connections and the first document.
  await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `{ vehicle(vehicleId: "${VIN}") { vehicleId } }` }),
  });
}, 30_000);
afterAll(async () => {
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const oneauto = () => {
  const emulator = server.emulators?.oneauto?.emulator;
  if (!emulator) throw new Error("the server started no OneAuto emulator");
  return emulator;
};

beforeEach(() => {
  oneauto().control.reset();
  logged.length = 0;
});

const operationLines = (name: string) =>
  logged.filter((line) => line.msg === "graphql operation" && line.obj.operation === name);

describe.each<Transport>(["multipart/mixed", "text/event-stream"])("over %s", (transport) => {
  it("@defer: the record comes in under 200 ms, the stock photos with the last payload after about a second", async () => {
    const { results, contentTypes } = await readIncrementally(
      `${server.url}/graphql`,
      DeferredPhotos,
      { vehicleId: VIN },
      { transport },
    );
    expect(contentTypes[0]).toContain(transport);
    const [first] = results;
    const last = results.at(-1);
    expect(first?.hasNext).toBe(true);
    expect(first?.ms).toBeLessThan(200);
    expect(first?.result.data.vehicle).toEqual({ vehicleId: VIN, manufacturer: "BMW" });
    expect(last?.hasNext).toBe(false);
    expect(last?.ms).toBeGreaterThanOrEqual(LINK_MS);
    expect(last?.ms).toBeLessThan(LINK_MS + 700);
    const photos = last?.result.data.vehicle.stockPhotos as { view: string; url: string }[];
    expect(photos.map((p) => p.view).sort()).toEqual(["FRONT_LEFT", "REAR_RIGHT"]);
    expect(photos.every((p) => p.url.startsWith("http"))).toBe(true);
    expect(last?.result.error).toBeUndefined();
    // The cost comes once, with the last payload, and covers the whole operation.
    expect(last?.result.extensions?.cost).toMatchObject({
      calls: 4,
      paidCalls: 3,
      estimatedWorstCasePaidCalls: 3,
    });
    expect(oneauto().control.count(ONEAUTO.imageLink.name)).toBe(2);
    // One access line, written when the last increment was sent, with the whole duration.
    await expect.poll(() => operationLines("DeferredPhotos").length).toBe(1);
    const [line] = operationLines("DeferredPhotos");
    expect(line?.obj).toMatchObject({ paidCalls: 3, outcome: "ok", incremental: true });
    expect(line?.obj.durationMs).toBeGreaterThanOrEqual(LINK_MS);
  });

  it("@stream: each stock photo comes as its own increment, the first payload before any link", async () => {
    const { results } = await readIncrementally(
      `${server.url}/graphql`,
      StreamedPhotos,
      { vehicleId: VIN },
      { transport },
    );
    expect(results[0]?.ms).toBeLessThan(200);
    expect(results[0]?.result.data.vehicle.stockPhotos).toEqual([]);
    const last = results.at(-1);
    expect(last?.hasNext).toBe(false);
    const photos = (last?.result.data?.vehicle?.stockPhotos ?? []) as { view: string }[];
    const views = photos.map((p) => p.view);
    expect(views.sort()).toEqual(["FRONT_LEFT", "INSIDE_1", "REAR_RIGHT"]);
    // One increment per photo (urql hands on one merged result per payload).
    expect(results.length).toBeGreaterThanOrEqual(2);
    expect(last?.ms).toBeGreaterThanOrEqual(LINK_MS);
    expect(last?.ms).toBeLessThan(LINK_MS + 700);
    expect(last?.result.extensions?.cost).toMatchObject({ paidCalls: 4 });
    expect(oneauto().control.count(ONEAUTO.imageLink.name)).toBe(3);
  });
});

describe("a client that leaves mid-stream", () => {
  it("stops the upstream calls still to come and is charged for none of them", async () => {
    // The VIN search is held, so the links of the photos are all still to come when it leaves.
    oneauto().control.script({
      operation: ONEAUTO.searchByVin.name,
      fault: { kind: "latency", ms: 1500 },
    });
    const { results } = await readIncrementally(
      `${server.url}/graphql`,
      DeferredPhotos,
      { vehicleId: VIN },
      { transport: "multipart/mixed", leaveAfter: 1 },
    );
    expect(results).toHaveLength(1);
    expect(results[0]?.hasNext).toBe(true);
    await expect.poll(() => oneauto().control.count(ONEAUTO.searchByVin.name)).toBe(1);
    // Past the search's and a link's time: no link was ever asked for, and the search in
    // flight was cut at the emulator before its answer (so not billed).
    await new Promise((resolve) => setTimeout(resolve, 1500 + LINK_MS));
    expect(oneauto().control.count(ONEAUTO.imageLink.name)).toBe(0);
    expect(oneauto().control.aborted(ONEAUTO.searchByVin.name)).toBe(1);
    expect(oneauto().control.answered(ONEAUTO.searchByVin.name, 200)).toBe(0);
    // Its line is written once, when it ended, with nothing paid.
    await expect.poll(() => operationLines("DeferredPhotos").length).toBe(1);
    expect(operationLines("DeferredPhotos")[0]?.obj).toMatchObject({ incremental: true });
  }, 10_000);
});
