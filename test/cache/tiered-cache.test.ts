import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Cache } from "../../src/cache/cache.js";
import { createCache } from "../../src/cache/create-cache.js";
import { deleteNamespace, redisUrlVia } from "../support/redis.js";
import { hostAndPort, startTcpProxy, type TcpProxy } from "../support/tcp-proxy.js";

/**
 * Redis behind an in-process tier: what an instance stored or read stays with it while Redis is
 * away, and never longer than Redis keeps it. Two caches stand for two instances; one reaches the
 * shared Redis through a proxy that the test cuts (the shared redis-server itself is never touched).
 */

const REDIS_URL = process.env.REDIS_URL;

describe.skipIf(!REDIS_URL)(
  "a Redis cache with an in-process tier (skipped: needs REDIS_URL)",
  () => {
    const namespace = `forecourt-tier-${randomUUID()}`;
    const url = REDIS_URL ?? "";
    let now = Date.now();
    const clock = () => now;
    let proxy: TcpProxy;
    let writer: Cache;
    let reader: Cache;
    beforeEach(async () => {
      now = Date.now();
      proxy = await startTcpProxy(hostAndPort(url));
      const options = { namespace, now: clock, onError: () => {} };
      writer = createCache({ redisUrl: url, maxEntries: 100 }, options);
      reader = createCache(
        { redisUrl: redisUrlVia(url, proxy.port), maxEntries: 100, maxBytes: 100_000 },
        options,
      );
    });
    afterEach(async () => {
      await Promise.all([writer.close(), reader.close()]);
      await proxy.close();
    });
    afterAll(() => deleteNamespace(url, namespace));

    it("a value read from Redis is kept through an outage, until Redis would have dropped it", async () => {
      const key = `read-${randomUUID()}`;
      await writer.set(key, { link: "https://cdn.example/a" }, 60_000);
      expect(await reader.get(key)).toEqual({ link: "https://cdn.example/a" });

      await proxy.cut();
      expect(await reader.get(key)).toEqual({ link: "https://cdn.example/a" });
      // Redis said at most 60 s were left when it was read: not a moment longer here.
      now += 60_000;
      expect(await reader.get(key)).toBeUndefined();
    });

    it("a value it stored is kept through an outage for the time it was stored for", async () => {
      const key = `stored-${randomUUID()}`;
      await reader.set(key, ["WBA5R1C50KAE81715"], 5_000);
      await proxy.cut();
      now += 4_999;
      expect(await reader.get(key)).toEqual(["WBA5R1C50KAE81715"]);
      now += 1;
      expect(await reader.get(key)).toBeUndefined();
    });
  },
);
