import { randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { print } from "graphql";
import { Redis } from "ioredis";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { ManualClock } from "../../src/emulators/clock.js";
import { createRuntime, type Runtime } from "../../src/server.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { ONEAUTO } from "../../src/upstreams/oneauto/dto.js";
import { graphql } from "../gql/index.js";
import { GATEWAY_ORIGIN, type GatewayHarness, startGateway } from "../support/gateway.js";
import { costOf, expectNoErrors, present } from "../support/operations.js";

/**
 * A vehicle page (vehicle, features, photo statuses and 8 stock photos) viewed again costs no
 * OneAuto calls: the VIN search and the links are reused, counted at the emulator. Image status
 * is never reused.
 */

const VehiclePage = graphql(`
  query CacheVehiclePage($vehicleId: String!, $photos: [URL!]!) {
    vehicle(vehicleId: $vehicleId) {
      vehicleId
      features { title }
      stockPhotos(views: [FRONT, FRONT_RIGHT, RIGHT, REAR_RIGHT, REAR, REAR_LEFT, LEFT, FRONT_LEFT]) {
        view
        url
        expiresAt
      }
    }
    images(urls: $photos) { url status }
  }
`);

const BMW = "WBA5R1C50KAE81715";
const PAGE = {
  vehicleId: BMW,
  photos: [`https://images.forecourt-demo.example/${BMW}/front-left.jpg`],
};
const BY_VIN = ONEAUTO.searchByVin.name;
const LINK = ONEAUTO.imageLink.name;
const STATUS = CARCUTTER.imageStatuses.name;
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

const harnesses: GatewayHarness[] = [];
const runtimes: Runtime[] = [];
afterEach(async () => {
  await Promise.all(runtimes.splice(0).map((r) => r.close()));
  await Promise.all(harnesses.splice(0).map((h) => h.close()));
});

async function gateway(options: Parameters<typeof startGateway>[0] = {}) {
  const h = await startGateway(options);
  harnesses.push(h);
  return h;
}

async function viewPage(run: GatewayHarness["run"]) {
  const result = await run(VehiclePage, PAGE);
  expectNoErrors(result);
  expect(present(present(result.data).vehicle).stockPhotos).toHaveLength(8);
  return costOf(result);
}

describe("the vehicle page, viewed twice", () => {
  it("costs 9 paid calls the first time and none the second; image status is read both times", async () => {
    const h = await gateway();
    const first = await viewPage(h.run);
    expect(first.paidCalls).toBe(9);
    expect(h.oneauto.control.counts()).toMatchObject({ [BY_VIN]: 1, [LINK]: 8 });

    const second = await viewPage(h.run);
    expect(second.paidCalls).toBe(0);
    expect(second.estimatedPence).toBe(0);
    expect(second.cacheHitCount).toBe(9);
    expect(h.oneauto.control.counts()).toMatchObject({ [BY_VIN]: 1, [LINK]: 8 });
    expect(h.carcutter.control.count(STATUS)).toBe(2);
  });

  it("refreshes links near their expiry (inside the 1 h margin) and re-identifies after the TTL", async () => {
    const clock = new ManualClock(Date.now());
    const h = await gateway({ clock });
    expect((await viewPage(h.run)).paidCalls).toBe(9);

    // A day later: the VIN search (6 h TTL) is asked again; the links (7 days) are reused.
    clock.advance(DAY);
    const dayLater = await viewPage(h.run);
    expect(dayLater.paidCalls).toBe(1);
    expect(h.oneauto.control.counts()).toMatchObject({ [BY_VIN]: 2, [LINK]: 8 });

    // Half an hour before the links expire, within the margin: new links, paid again.
    clock.advance(6 * DAY - HOUR / 2);
    const nearExpiry = await viewPage(h.run);
    expect(nearExpiry.paidCalls).toBe(9);
    expect(h.oneauto.control.counts()).toMatchObject({ [BY_VIN]: 3, [LINK]: 16 });
  });
});

describe.skipIf(!process.env.REDIS_URL)("two gateway instances sharing Redis", () => {
  const namespace = `forecourt-test-${randomUUID()}`;
  const env = { REDIS_URL: process.env.REDIS_URL ?? "", CACHE_NAMESPACE: namespace };

  it("a page viewed on one instance costs nothing on the other", async () => {
    const h = await gateway({ env });
    const other = await createRuntime(
      loadConfig({
        CARCUTTER_EMULATOR_PORT: "0",
        ONEAUTO_EMULATOR_PORT: "0",
        // Its own embedded ledger: a file ledger belongs to one process.
        FORECOURT_DATA_DIR: await mkdtemp(join(tmpdir(), "forecourt-ledger-")),
        ...env,
      }),
      {
        carcutterUrl: h.emulators.carcutter.server.url,
        oneautoUrl: h.emulators.oneauto.server.url,
      },
      { publicUrl: GATEWAY_ORIGIN },
    );
    runtimes.push(other);
    const runOnOther: GatewayHarness["run"] = async (document, ...[variables]) => {
      const res = await other.gateway.fetch(`${GATEWAY_ORIGIN}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: print(document), variables }),
      });
      return { status: res.status, ...(await res.json()) };
    };

    expect((await viewPage(h.run)).paidCalls).toBe(9);
    const onOther = await viewPage(runOnOther);
    expect(onOther.paidCalls).toBe(0);
    expect(onOther.cacheHitCount).toBe(9);
    expect(h.oneauto.control.counts()).toMatchObject({ [BY_VIN]: 1, [LINK]: 8 });
  });

  afterAll(async () => {
    // Leave the shared Redis as it was found.
    const redis = new Redis(env.REDIS_URL);
    const keys = await redis.keys(`${namespace}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });
});

describe("Redis down", () => {
  it("the page still answers without errors, and what the instance fetched is not paid for again", async () => {
    const h = await gateway({ env: { REDIS_URL: "redis://127.0.0.1:1" } });
    const started = Date.now();
    expect((await viewPage(h.run)).paidCalls).toBe(9);
    // Kept in process while Redis is away.
    expect((await viewPage(h.run)).paidCalls).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(h.oneauto.control.counts()).toMatchObject({ [BY_VIN]: 1, [LINK]: 8 });
  });
});
