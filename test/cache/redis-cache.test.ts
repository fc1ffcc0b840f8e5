import { randomUUID } from "node:crypto";
import { createServer, type Server, type Socket, connect as tcpConnect } from "node:net";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CachedOneAuto } from "../../src/cache/cached-oneauto.js";
import { RedisCache } from "../../src/cache/redis-cache.js";
import { InFlight } from "../../src/upstreams/in-flight.js";
import { ONEAUTO } from "../../src/upstreams/oneauto/dto.js";
import { type OneAutoHarness, startOneAuto } from "../support/emulators.js";

/**
 * Against a real Redis (CI sets REDIS_URL). Every key lives under a namespace unique to this run,
 * which is deleted afterwards: the server may be shared, so nothing here flushes it.
 */
const REDIS_URL = process.env.REDIS_URL;

const LINK = ONEAUTO.imageLink.name;
const BY_VIN = ONEAUTO.searchByVin.name;
const BMW_FRONT = "bmw-3-series-g20-front";
const BMW_VIN = "WBA5R1C50KAE81715";
const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const MARGIN = HOUR;
const IDENTIFICATION_TTL = 6 * HOUR;

describe.skipIf(!REDIS_URL)("RedisCache against a real Redis", () => {
  const url = REDIS_URL ?? "";
  const namespace = `forecourt-test-${randomUUID()}`;
  let raw: Redis;
  let h: OneAutoHarness;
  const caches: RedisCache[] = [];

  function redisCache(onError: (e: Error) => void = () => {}): RedisCache {
    const cache = new RedisCache({ url, namespace, onError });
    caches.push(cache);
    return cache;
  }

  function cachedOver(cache: RedisCache, hits: string[] = []): CachedOneAuto {
    return new CachedOneAuto({
      client: h.client(),
      cache,
      inFlight: new InFlight(),
      stockLinkSafetyMarginMs: MARGIN,
      identificationTtlMs: IDENTIFICATION_TTL,
      now: () => h.clock.now(),
      onCacheHit: (op) => hits.push(op),
    });
  }

  async function keysOfRun(): Promise<string[]> {
    const keys: string[] = [];
    let cursor = "0";
    do {
      const [next, batch] = await raw.scan(cursor, "MATCH", `${namespace}:*`, "COUNT", 1000);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== "0");
    return keys.sort();
  }

  beforeAll(() => {
    raw = new Redis(url);
  });
  afterAll(async () => {
    const keys = await keysOfRun();
    if (keys.length > 0) await raw.del(...keys);
    await raw.quit();
  });
  beforeEach(async () => {
    h = await startOneAuto();
    const keys = await keysOfRun();
    if (keys.length > 0) await raw.del(...keys);
  });
  afterEach(async () => {
    await Promise.all(caches.splice(0).map((c) => c.close()));
    await h.close();
  });

  it("stores and reads JSON values under namespaced, versioned keys", async () => {
    const cache = redisCache();
    await cache.set("k", { a: [1, "two", null] }, 60_000);
    expect(await cache.get("k")).toEqual({ a: [1, "two", null] });
    expect(await keysOfRun()).toEqual([`${namespace}:v1:k`]);
    await cache.set("nothing", "x", 0);
    expect(await cache.get("nothing")).toBeUndefined();
  });

  it("two gateway instances share a link: one upstream call in all, a hit for the second", async () => {
    const firstHits: string[] = [];
    const secondHits: string[] = [];
    const first = cachedOver(redisCache(), firstHits);
    const second = cachedOver(redisCache(), secondHits);
    const link = await first.imageLink({ imageId: BMW_FRONT, colour: "Blue" });
    expect(await second.imageLink({ imageId: BMW_FRONT, colour: "blue" })).toBe(link);
    expect(await second.searchByVin(BMW_VIN)).toHaveLength(1);
    expect(await first.searchByVin(BMW_VIN.toLowerCase())).toHaveLength(1);
    expect(h.count(LINK)).toBe(1);
    expect(h.count(BY_VIN)).toBe(1);
    expect(firstHits).toEqual([BY_VIN]);
    expect(secondHits).toEqual([LINK]);
  });

  it("keeps a link for its life less the margin, and identification for its TTL (PTTL)", async () => {
    const cached = cachedOver(redisCache());
    await cached.imageLink({ imageId: BMW_FRONT });
    await cached.searchByVin(BMW_VIN);
    const keys = await keysOfRun();
    const linkKey = keys.find((k) => k.startsWith(`${namespace}:v1:oneauto:link:`));
    const vinKey = keys.find((k) => k === `${namespace}:v1:oneauto:vin:${BMW_VIN}`);
    expect(linkKey).toBe(`${namespace}:v1:oneauto:link:["${BMW_FRONT}",null,null,false]`);
    const linkTtl = await raw.pttl(linkKey ?? "");
    expect(linkTtl).toBeGreaterThan(7 * DAY - MARGIN - 60_000);
    expect(linkTtl).toBeLessThanOrEqual(7 * DAY - MARGIN);
    const vinTtl = await raw.pttl(vinKey ?? "");
    expect(vinTtl).toBeGreaterThan(IDENTIFICATION_TTL - 60_000);
    expect(vinTtl).toBeLessThanOrEqual(IDENTIFICATION_TTL);
  });

  it("a value that is not JSON is a miss: OneAuto is asked and the entry rewritten", async () => {
    const errors: Error[] = [];
    const cache = redisCache((e) => errors.push(e));
    const cached = cachedOver(cache);
    const key = `${namespace}:v1:oneauto:vin:${BMW_VIN}`;
    await raw.set(key, "{not json", "PX", 60_000);
    expect(await cache.get(`oneauto:vin:${BMW_VIN}`)).toBeUndefined();
    expect(errors.map((e) => e.message)).toEqual(["Redis cache held a value that is not JSON"]);
    expect(await cached.searchByVin(BMW_VIN)).toHaveLength(1);
    expect(h.count(BY_VIN)).toBe(1);
    expect(JSON.parse((await raw.get(key)) ?? "null")).toHaveLength(1);
    await cached.searchByVin(BMW_VIN);
    expect(h.count(BY_VIN)).toBe(1);
  });

  it("an entry written in another format version is never read", async () => {
    const cache = redisCache();
    await raw.set(`${namespace}:v0:oneauto:vin:${BMW_VIN}`, "[]", "PX", 60_000);
    expect(await cache.get(`oneauto:vin:${BMW_VIN}`)).toBeUndefined();
  });

  it("a Redis that stops answering costs one command timeout, then is skipped for a cooldown", async () => {
    const proxy = await startProxy(new URL(url));
    const errors: Error[] = [];
    let now = Date.now();
    const cache = new RedisCache({
      url: proxy.url,
      namespace,
      onError: (e) => errors.push(e),
      now: () => now,
    });
    try {
      const cached = cachedOver(cache);
      const link = await cached.imageLink({ imageId: BMW_FRONT });
      expect(await cached.imageLink({ imageId: BMW_FRONT })).toBe(link);
      expect(h.count(LINK)).toBe(1);

      proxy.mode("stall");
      const timedOut = performance.now();
      expect(await cache.get("anything")).toBeUndefined();
      expect(performance.now() - timedOut).toBeLessThan(500);
      expect(errors.map((e) => e.message)).toEqual([
        expect.stringMatching(/Redis cache read failed: .*timed out/i),
      ]);
      // Cooling down: the next reads and writes skip Redis without waiting for it (a command
      // sent to the stalled Redis would have timed out and been reported).
      await cache.set("anything", 1, 60_000);
      expect(await cached.searchByVin(BMW_VIN)).toHaveLength(1);
      expect(await cached.searchByVin(BMW_VIN)).toHaveLength(1);
      expect(await cached.imageLink({ imageId: BMW_FRONT })).toBe(link);
      expect(errors).toHaveLength(1);
      // Served by OneAuto while the cache is stalled, and nothing cached meanwhile.
      expect(h.count(BY_VIN)).toBe(2);
      expect(h.count(LINK)).toBe(2);

      // The network recovers; after the cooldown the cache is used again.
      proxy.mode("forward");
      now += 1000;
      await cached.searchByVin(BMW_VIN);
      await cached.searchByVin(BMW_VIN);
      expect(h.count(BY_VIN)).toBe(3);

      const closing = performance.now();
      await cache.close();
      expect(performance.now() - closing).toBeLessThan(1000);
    } finally {
      await cache.close();
      await proxy.close();
    }
  });

  it("a Redis that is down at start is used as soon as it comes up", async () => {
    const proxy = await startProxy(new URL(url), "refuse");
    const errors: Error[] = [];
    const cache = new RedisCache({ url: proxy.url, namespace, onError: (e) => errors.push(e) });
    try {
      await cache.set("k", "v", 60_000);
      expect(await cache.get("k")).toBeUndefined();
      expect(errors).toHaveLength(1);
      proxy.mode("forward");
      await vi.waitFor(
        async () => {
          await cache.set("k", "v", 60_000);
          expect(await cache.get("k")).toBe("v");
        },
        { timeout: 5000, interval: 50 },
      );
      expect(cache.status).toBe("ready");
    } finally {
      await cache.close();
      await proxy.close();
    }
  });
});

interface Proxy {
  /** The target's URL (credentials and database kept) with the proxy's host and port. */
  url: string;
  /**
   * forward: a transparent pipe. refuse: new connections are closed at once (Redis down).
   * stall: bytes are held in both directions, as over a network that stopped delivering; going
   * back to forward delivers them, in order.
   */
  mode(mode: "forward" | "refuse" | "stall"): void;
  close(): Promise<void>;
}

/** A TCP proxy to Redis whose link can be refused, stalled and restored. */
async function startProxy(target: URL, initial: "forward" | "refuse" = "forward"): Promise<Proxy> {
  let mode: "forward" | "refuse" | "stall" = initial;
  const sockets = new Set<Socket>();
  const flushes = new Set<() => void>();
  const server: Server = createServer((client) => {
    if (mode === "refuse") {
      client.destroy();
      return;
    }
    const upstream = tcpConnect(Number(target.port || 6379), target.hostname);
    const held: { to: Socket; chunk: Buffer }[] = [];
    const flush = () => {
      for (const { to, chunk } of held.splice(0)) to.write(chunk);
    };
    flushes.add(flush);
    const pipe = (from: Socket, to: Socket) =>
      from.on("data", (chunk: Buffer) => {
        if (mode === "forward") to.write(chunk);
        else held.push({ to, chunk });
      });
    pipe(client, upstream);
    pipe(upstream, client);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
      socket.on("close", () => {
        sockets.delete(socket);
        flushes.delete(flush);
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  const url = new URL(target.href);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.href,
    mode: (next) => {
      mode = next;
      if (next === "forward") for (const flush of flushes) flush();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
