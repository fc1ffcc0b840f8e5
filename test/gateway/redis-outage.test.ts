import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/emulators/clock.js";
import { ONEAUTO } from "../../src/upstreams/oneauto/dto.js";
import { graphql } from "../gql/index.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";
import { expectNoErrors, present } from "../support/operations.js";
import { deleteNamespace, redisUrlVia } from "../support/redis.js";
import { hostAndPort, startTcpProxy, type TcpProxy } from "../support/tcp-proxy.js";

/**
 * Two instances share Redis; then Redis becomes unreachable (a proxy in front of the shared
 * redis-server is cut, the server itself is left alone). Stock links each instance already fetched
 * or read cost nothing more, and a link new to an instance costs it one paid call, however often
 * it is asked for; an in-process copy never outlives the link. Paid calls counted at the emulator.
 */

const REDIS_URL = process.env.REDIS_URL;
const LINK = ONEAUTO.imageLink.name;
const DAY = 24 * 60 * 60 * 1000;

const StockImage = graphql(`
  query OutageStockImage($id: String!) { stockImage(imageId: $id) { url expiresAt } }
`);
const StockByVin = graphql(`
  query OutageStockByVin($vin: String!) { stockByVin(vin: $vin) { manufacturer } }
`);
const BY_VIN = ONEAUTO.searchByVin.name;
const BMW = "WBA5R1C50KAE81715";
const HOUR = 60 * 60 * 1000;

const IDS = ["front", "front-right", "right", "rear-right", "rear", "rear-left"].map(
  (view) => `bmw-3-series-g20-${view}`,
);

describe.skipIf(!REDIS_URL)("a Redis outage under two instances (skipped: needs REDIS_URL)", () => {
  const namespace = `forecourt-outage-${randomUUID()}`;
  const url = REDIS_URL ?? "";
  const opened: GatewayHarness[] = [];
  let proxy: TcpProxy | undefined;
  afterEach(async () => {
    for (const h of opened.splice(0).reverse()) await h.close();
    await proxy?.close();
  });
  afterAll(() => deleteNamespace(url, namespace));

  it("costs no paid call for a link an instance fetched or read, and one per instance for a new one", async () => {
    const clock = new ManualClock(Date.now());
    proxy = await startTcpProxy(hostAndPort(url));
    const env = { REDIS_URL: redisUrlVia(url, proxy.port), CACHE_NAMESPACE: namespace };
    const a = await startGateway({ clock, env });
    opened.push(a);
    const b = await startGateway({ clock, env, beside: a });
    opened.push(b);
    const paid = () => a.oneauto.control.count(LINK);
    const view = async (h: GatewayHarness, ids: readonly string[]) => {
      for (const id of ids) {
        const result = await h.run(StockImage, { id });
        expectNoErrors(result);
        expect(present(present(result.data).stockImage).url).toMatch(/\/cdn\//);
      }
    };

    const identify = async (h: GatewayHarness) => {
      const result = await h.run(StockByVin, { vin: BMW });
      expectNoErrors(result);
      expect(present(result.data).stockByVin).toHaveLength(1);
    };
    const searches = () => a.oneauto.control.count(BY_VIN);

    // Redis up: A fetches four links and identifies a VIN, B reads two links from Redis.
    await view(a, IDS.slice(0, 4));
    await view(b, IDS.slice(0, 2));
    await identify(a);
    expect(paid()).toBe(4);
    expect(searches()).toBe(1);

    await present(proxy).cut();
    const before = paid();
    // What each instance fetched or read: free.
    await view(a, IDS.slice(0, 4));
    await view(b, IDS.slice(0, 2));
    expect(paid() - before).toBe(0);
    // In Redis, but never read by B: one paid call each, then free.
    await view(b, IDS.slice(2, 4));
    await view(b, IDS.slice(2, 4));
    expect(paid() - before).toBe(2);
    // New to both: one paid call per link per instance, however often asked.
    for (let round = 0; round < 2; round++) {
      await view(a, IDS.slice(4));
      await view(b, IDS.slice(4));
    }
    expect(paid() - before).toBe(2 + 2 * 2);
    // The VIN: free where it was asked, once on the other instance.
    await identify(a);
    await identify(b);
    await identify(b);
    expect(searches()).toBe(2);

    // Past the identification TTL (6 h): identified again, once per instance; links still free.
    clock.advance(6 * HOUR);
    const linksBefore = paid();
    await identify(a);
    await identify(b);
    await identify(a);
    expect(searches()).toBe(4);
    await view(a, IDS);
    await view(b, IDS);
    expect(paid()).toBe(linksBefore);

    // Seven days on, every link has expired: an in-process copy is not used beyond the link's life.
    clock.advance(7 * DAY);
    const expired = paid();
    await view(a, IDS.slice(0, 1));
    await view(b, IDS.slice(0, 1));
    expect(paid() - expired).toBe(2);
  });
});
