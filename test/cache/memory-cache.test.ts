import { describe, expect, it } from "vitest";
import { MemoryCache } from "../../src/cache/memory-cache.js";

function fakeClock(start = 1_000_000) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe("MemoryCache", () => {
  it("keeps at most maxEntries, evicting the least recently used", async () => {
    const cache = new MemoryCache({ maxEntries: 2 });
    await cache.set("a", 1, 60_000);
    await cache.set("b", 2, 60_000);
    expect(await cache.get("a")).toBe(1); // a is now the most recently used
    await cache.set("c", 3, 60_000);
    expect(cache.size).toBe(2);
    expect(await cache.get("b")).toBeUndefined();
    expect(await cache.get("a")).toBe(1);
    expect(await cache.get("c")).toBe(3);
  });

  it("keeps at most maxBytes of keys and JSON, evicting the least recently used, and never one larger than that", async () => {
    const cache = new MemoryCache({ maxEntries: 1000, maxBytes: 2000 });
    const value = "x".repeat(300);
    for (let i = 0; i < 20; i++) await cache.set(`k${i}`, value, 60_000);
    expect(cache.bytes).toBeLessThanOrEqual(2000);
    expect(cache.size).toBeLessThan(20);
    expect(await cache.get("k19")).toBe(value);
    expect(await cache.get("k0")).toBeUndefined();

    await cache.set("k19", "y".repeat(3000), 60_000);
    expect(await cache.get("k19")).toBeUndefined();
    expect(cache.bytes).toBeLessThanOrEqual(2000);
  });

  it("expires an entry when its time to live has passed on its clock", async () => {
    const clock = fakeClock();
    const cache = new MemoryCache({ maxEntries: 10, now: clock.now });
    await cache.set("k", { v: "x" }, 1000);
    clock.advance(999);
    expect(await cache.get("k")).toEqual({ v: "x" });
    clock.advance(1);
    expect(await cache.get("k")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("stores nothing for a time to live of zero, less, or not finite", async () => {
    const cache = new MemoryCache({ maxEntries: 10 });
    await cache.set("zero", 1, 0);
    await cache.set("negative", 1, -5);
    await cache.set("nan", 1, Number.NaN);
    await cache.set("infinite", 1, Number.POSITIVE_INFINITY);
    expect(cache.size).toBe(0);
  });

  it("hands out copies: changing a value read never changes what the next reader gets", async () => {
    const cache = new MemoryCache({ maxEntries: 10 });
    const stored = { colours: ["Black"] };
    await cache.set("k", stored, 60_000);
    stored.colours.push("changed after set");
    const first = await cache.get<{ colours: string[] }>("k");
    first?.colours.push("changed after get");
    expect(await cache.get("k")).toEqual({ colours: ["Black"] });
  });

  it("drops a value with no JSON form instead of throwing", async () => {
    const cache = new MemoryCache({ maxEntries: 10 });
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    await expect(cache.set("cyclic", cyclic, 60_000)).resolves.toBeUndefined();
    await expect(cache.set("bigint", 10n, 60_000)).resolves.toBeUndefined();
    await expect(cache.set("undefined", undefined, 60_000)).resolves.toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("caches null, empty arrays and false as values, not as misses", async () => {
    const cache = new MemoryCache({ maxEntries: 10 });
    await cache.set("null", null, 60_000);
    await cache.set("empty", [], 60_000);
    await cache.set("false", false, 60_000);
    expect(await cache.get("null")).toBeNull();
    expect(await cache.get("empty")).toEqual([]);
    expect(await cache.get("false")).toBe(false);
  });

  it("forgets everything on close", async () => {
    const cache = new MemoryCache({ maxEntries: 10 });
    await cache.set("k", 1, 60_000);
    await cache.close();
    expect(await cache.get("k")).toBeUndefined();
  });
});
