import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CachedOneAuto } from "../../src/cache/cached-oneauto.js";
import { createCache } from "../../src/cache/create-cache.js";
import { RedisCache } from "../../src/cache/redis-cache.js";
import { InFlight } from "../../src/upstreams/in-flight.js";
import { ONEAUTO } from "../../src/upstreams/oneauto/dto.js";
import { type OneAutoHarness, startOneAuto } from "../support/emulators.js";

/** Nothing listens on port 1: every connection attempt is refused at once. */
const NOWHERE = "redis://127.0.0.1:1";
const LINK = ONEAUTO.imageLink.name;
const BMW_FRONT = "bmw-3-series-g20-front";

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work;
  return { value, ms: performance.now() - started };
}

describe("a Redis cache whose server is down", () => {
  let cache: RedisCache;
  let errors: Error[];
  beforeEach(() => {
    errors = [];
    cache = new RedisCache({ url: NOWHERE, onError: (e) => errors.push(e) });
  });
  afterEach(async () => {
    await cache.close();
  });

  it("answers get with a miss and set with nothing, quickly and without throwing", async () => {
    const read = await timed(cache.get("k"));
    expect(read.value).toBeUndefined();
    expect(read.ms).toBeLessThan(1000);
    const write = await timed(cache.set("k", { v: 1 }, 60_000));
    expect(write.value).toBeUndefined();
    expect(write.ms).toBeLessThan(1000);
    // Once the first attempt has failed, commands do not wait at all.
    const many = await timed(Promise.all(Array.from({ length: 50 }, () => cache.get("k"))));
    expect(many.value.every((v) => v === undefined)).toBe(true);
    expect(many.ms).toBeLessThan(250);
  });

  it("reports the outage through onError, at most once per interval", async () => {
    for (let i = 0; i < 20; i++) await cache.get(`k${i}`);
    await new Promise((resolve) => setTimeout(resolve, 300)); // a few reconnect attempts
    expect(errors).toHaveLength(1);
    expect(errors[0]?.name).toBe("CacheError");
    expect(errors[0]?.message).toMatch(/Redis cache/);
    expect(errors[0]?.message).not.toContain("127.0.0.1:1/");
  });

  it("reports again once the interval has passed", async () => {
    let now = 0;
    const reported: Error[] = [];
    const limited = new RedisCache({
      url: NOWHERE,
      onError: (e) => reported.push(e),
      errorReportIntervalMs: 1000,
      now: () => now,
    });
    try {
      await limited.get("k");
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect(reported).toHaveLength(1);
      now = 1000;
      // The next background reconnect fails too, and is reported this time.
      await vi.waitFor(() => expect(reported).toHaveLength(2), { timeout: 3000, interval: 20 });
    } finally {
      await limited.close();
    }
  });

  it("closes promptly", async () => {
    await cache.get("k");
    const closing = await timed(cache.close());
    expect(closing.ms).toBeLessThan(500);
    expect(await cache.get("k")).toBeUndefined();
  });

  it("closes promptly even when nothing was ever asked of it", async () => {
    const fresh = new RedisCache({ url: NOWHERE });
    const closing = await timed(fresh.close());
    expect(closing.ms).toBeLessThan(500);
  });
});

describe("CachedOneAuto over a Redis that is down", () => {
  let h: OneAutoHarness;
  beforeEach(async () => {
    h = await startOneAuto();
  });
  afterEach(async () => {
    await h.close();
  });

  it("still answers every read from OneAuto, and says why the cache did not help", async () => {
    const errors: Error[] = [];
    const cache = new RedisCache({ url: NOWHERE, onError: (e) => errors.push(e) });
    const hits: string[] = [];
    const cached = new CachedOneAuto({
      client: h.client(),
      cache,
      inFlight: new InFlight(),
      stockLinkSafetyMarginMs: 60 * 60_000,
      identificationTtlMs: 60 * 60_000,
      now: () => h.clock.now(),
      onCacheHit: (op) => hits.push(op),
    });
    try {
      const first = await timed(cached.imageLink({ imageId: BMW_FRONT }));
      const second = await timed(cached.imageLink({ imageId: BMW_FRONT }));
      expect(first.value).toMatch(/\/cdn\//);
      expect(second.value).toMatch(/\/cdn\//);
      expect(first.ms + second.ms).toBeLessThan(1000);
      expect(await cached.searchByVin("WBA5R1C50KAE81715")).toHaveLength(1);
      expect(h.count(LINK)).toBe(2);
      expect(hits).toEqual([]);
      expect(errors.length).toBeGreaterThanOrEqual(1);
    } finally {
      await cache.close();
    }
  });
});

describe("createCache", () => {
  it("builds an in-process LRU when no Redis URL is configured", async () => {
    const cache = createCache({ redisUrl: undefined, maxEntries: 5 });
    expect(cache.kind).toBe("memory");
    await cache.set("k", "v", 1000);
    expect(await cache.get("k")).toBe("v");
    await cache.close();
  });

  it("builds a Redis cache when a Redis URL is configured", async () => {
    const cache = createCache({ redisUrl: NOWHERE, maxEntries: 5 }, { onError: () => {} });
    expect(cache.kind).toBe("redis");
    expect(await cache.get("k")).toBeUndefined();
    await cache.close();
  });
});
