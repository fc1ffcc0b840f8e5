import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Cache } from "../../src/cache/cache.js";
import {
  CachedOneAuto,
  type CachedOneAutoOptions,
  imageLinkKey,
  registrationKey,
  searchKey,
  vinKey,
} from "../../src/cache/cached-oneauto.js";
import { MemoryCache } from "../../src/cache/memory-cache.js";
import { isUpstreamError } from "../../src/errors.js";
import type { UpstreamCallEvent } from "../../src/upstreams/http.js";
import { InFlight } from "../../src/upstreams/in-flight.js";
import { ColourNotFoundError, type OneAutoReads } from "../../src/upstreams/oneauto/client.js";
import { ONEAUTO, signedLinkExpiry } from "../../src/upstreams/oneauto/dto.js";
import { type OneAutoHarness, startOneAuto } from "../support/emulators.js";

const SEARCH = ONEAUTO.search.name;
const BY_VIN = ONEAUTO.searchByVin.name;
const BY_VRM = ONEAUTO.searchByRegistration.name;
const LINK = ONEAUTO.imageLink.name;
const BMW_FRONT = "bmw-3-series-g20-front";
const BMW_VIN = "WBA5R1C50KAE81715";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MARGIN = HOUR;
const IDENTIFICATION_TTL = 6 * HOUR;

let h: OneAutoHarness;
beforeEach(async () => {
  h = await startOneAuto();
});
afterEach(async () => {
  await h.close();
});

interface Setup {
  cached: CachedOneAuto;
  cache: MemoryCache;
  hits: string[];
}

/** A CachedOneAuto over the emulator, its cache and itself on the emulator's clock. */
function setup(overrides: Partial<CachedOneAutoOptions> = {}): Setup {
  const now = () => h.clock.now();
  const cache = new MemoryCache({ maxEntries: 1000, now });
  const hits: string[] = [];
  const cached = new CachedOneAuto({
    client: h.client(),
    cache,
    inFlight: new InFlight(),
    stockLinkSafetyMarginMs: MARGIN,
    identificationTtlMs: IDENTIFICATION_TTL,
    now,
    onCacheHit: (operation) => hits.push(operation),
    ...overrides,
  });
  return { cached, cache, hits };
}

describe("stock image links", () => {
  it("the same link asked twice costs one imagefromid call; the second is a cache hit", async () => {
    const { cached, hits } = setup();
    const first = await cached.imageLink({ imageId: BMW_FRONT, colour: "Black" });
    const second = await cached.imageLink({ imageId: BMW_FRONT, colour: "Black" });
    expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/cdn\//);
    expect(second).toBe(first);
    expect(h.count(LINK)).toBe(1);
    expect(hits).toEqual([LINK]);
  });

  it("colour names that differ only in letter case and spaces share one link", async () => {
    const { cached, hits } = setup();
    await cached.imageLink({ imageId: BMW_FRONT, colour: "Black" });
    await cached.imageLink({ imageId: BMW_FRONT, colour: " black " });
    await cached.imageLink({ imageId: BMW_FRONT, colour: "BLACK" });
    expect(h.count(LINK)).toBe(1);
    expect(hits).toEqual([LINK, LINK]);
  });

  it("another background, colour or ignoreIssues is another link, with its own call", async () => {
    const { cached } = setup();
    const transparent = await cached.imageLink({ imageId: BMW_FRONT, background: "Transparent" });
    const opaque = await cached.imageLink({ imageId: BMW_FRONT, background: "Opaque" });
    expect(opaque).not.toBe(transparent);
    expect(h.count(LINK)).toBe(2);
    await cached.imageLink({ imageId: BMW_FRONT, background: "Opaque", colour: "Blue" });
    await cached.imageLink({
      imageId: BMW_FRONT,
      background: "Opaque",
      colour: "Blue",
      ignoreIssues: true,
    });
    expect(h.count(LINK)).toBe(4);
    await cached.imageLink({ imageId: BMW_FRONT, background: "Transparent" });
    expect(h.count(LINK)).toBe(4);
  });

  it("keeps a link until the safety margin before its expiry, then fetches a fresh one", async () => {
    const { cached, hits } = setup();
    const query = { imageId: BMW_FRONT, colour: "Blue", background: "Transparent" } as const;
    const original = await cached.imageLink(query);
    const expiry = signedLinkExpiry(original ?? "");
    expect(expiry).toBe(h.clock.now() + 7 * DAY);

    h.clock.advance(7 * DAY - MARGIN - MINUTE); // a minute of usable life left
    expect(await cached.imageLink(query)).toBe(original);
    expect(h.count(LINK)).toBe(1);

    h.clock.advance(2 * MINUTE); // now inside the margin: refreshed
    const refreshed = await cached.imageLink(query);
    expect(h.count(LINK)).toBe(2);
    expect(refreshed).not.toBe(original);
    expect(signedLinkExpiry(refreshed ?? "")).toBe(h.clock.now() + 7 * DAY);

    expect(await cached.imageLink(query)).toBe(refreshed);
    expect(h.count(LINK)).toBe(2);
    expect(hits).toEqual([LINK, LINK]);
  });

  it("never caches a link whose remaining life is no more than the margin", async () => {
    const { cached, cache, hits } = setup({ stockLinkSafetyMarginMs: 7 * DAY });
    await cached.imageLink({ imageId: BMW_FRONT });
    await cached.imageLink({ imageId: BMW_FRONT });
    expect(h.count(LINK)).toBe(2);
    expect(hits).toEqual([]);
    expect(cache.size).toBe(0);
  });

  it("an unknown image id (null) is cached for the identification TTL", async () => {
    const { cached, hits } = setup();
    expect(await cached.imageLink({ imageId: "no-such-image" })).toBeNull();
    expect(await cached.imageLink({ imageId: "no-such-image" })).toBeNull();
    expect(h.count(LINK)).toBe(1);
    expect(hits).toEqual([LINK]);
    h.clock.advance(IDENTIFICATION_TTL);
    expect(await cached.imageLink({ imageId: "no-such-image" })).toBeNull();
    expect(h.count(LINK)).toBe(2);
  });
});

describe("a link that carries no expiry", () => {
  it("is kept for 7 days from fetching, less the margin", async () => {
    let now = Date.UTC(2026, 0, 15);
    let calls = 0;
    const reads: OneAutoReads = {
      search: async () => [],
      searchByVin: async () => [],
      searchByRegistration: async () => [],
      imageLink: async () => {
        calls += 1;
        return `https://cdn.example/unsigned-${calls}.png`;
      },
    };
    const client = { forRequest: () => reads };
    const cached = new CachedOneAuto({
      client,
      cache: new MemoryCache({ maxEntries: 10, now: () => now }),
      inFlight: new InFlight(),
      stockLinkSafetyMarginMs: MARGIN,
      identificationTtlMs: IDENTIFICATION_TTL,
      now: () => now,
    });
    expect(await cached.imageLink({ imageId: "x" })).toBe("https://cdn.example/unsigned-1.png");
    now += 7 * DAY - MARGIN - 1;
    expect(await cached.imageLink({ imageId: "x" })).toBe("https://cdn.example/unsigned-1.png");
    now += 1;
    expect(await cached.imageLink({ imageId: "x" })).toBe("https://cdn.example/unsigned-2.png");
    expect(calls).toBe(2);
  });
});

describe("identification", () => {
  it("a VIN is looked up once per TTL, whatever its letter case and surrounding spaces", async () => {
    const { cached, hits } = setup();
    const first = await cached.searchByVin(BMW_VIN);
    expect(first.map((v) => v.model_range_desc)).toEqual(["3 Series"]);
    expect(await cached.searchByVin(` ${BMW_VIN.toLowerCase()} `)).toEqual(first);
    expect(h.count(BY_VIN)).toBe(1);

    h.clock.advance(IDENTIFICATION_TTL - 1);
    await cached.searchByVin(BMW_VIN);
    expect(h.count(BY_VIN)).toBe(1);
    h.clock.advance(1);
    await cached.searchByVin(BMW_VIN);
    expect(h.count(BY_VIN)).toBe(2);
    expect(hits).toEqual([BY_VIN, BY_VIN]);
  });

  it("a registration is looked up once, with or without its space and in any case", async () => {
    const { cached, hits } = setup();
    const first = await cached.searchByRegistration("AB19 CDE");
    expect(await cached.searchByRegistration("ab19cde")).toEqual(first);
    expect(await cached.searchByRegistration(" Ab 19 cDe")).toEqual(first);
    expect(h.count(BY_VRM)).toBe(1);
    expect(hits).toEqual([BY_VRM, BY_VRM]);
  });

  it("a search is cached by its normalised parameters", async () => {
    const { cached, hits } = setup();
    const first = await cached.search({ manufacturer: "BMW", modelRange: "3 Series", year: 2019 });
    expect(first).toHaveLength(1);
    const same = await cached.search({
      manufacturer: " bmw ",
      modelRange: "3  SERIES",
      year: 2019,
      derivative: "",
    });
    expect(same).toEqual(first);
    expect(h.count(SEARCH)).toBe(1);
    await cached.search({ manufacturer: "BMW", modelRange: "3 Series", year: 2020 });
    await cached.search({
      manufacturer: "BMW",
      modelRange: "3 Series",
      year: 2019,
      bodyType: "Saloon",
    });
    expect(h.count(SEARCH)).toBe(3);
    expect(hits).toEqual([SEARCH]);
  });

  it("an empty answer (204, unknown VIN or registration) is cached too", async () => {
    const { cached } = setup();
    expect(await cached.searchByVin("WBA00000000000000")).toEqual([]);
    expect(await cached.searchByVin("WBA00000000000000")).toEqual([]);
    expect(await cached.searchByRegistration("ZZ99ZZZ")).toEqual([]);
    expect(await cached.searchByRegistration("ZZ99 ZZZ")).toEqual([]);
    expect(h.count(BY_VIN)).toBe(1);
    expect(h.count(BY_VRM)).toBe(1);
  });

  it("an identification TTL of 0 turns identification caching off, not link caching", async () => {
    const { cached, cache } = setup({ identificationTtlMs: 0 });
    await cached.searchByVin(BMW_VIN);
    await cached.searchByVin(BMW_VIN);
    expect(h.count(BY_VIN)).toBe(2);
    await cached.imageLink({ imageId: BMW_FRONT });
    await cached.imageLink({ imageId: BMW_FRONT });
    expect(h.count(LINK)).toBe(1);
    expect(cache.size).toBe(1);
  });
});

describe("failures are never cached", () => {
  it("a 503 from imagefromid is passed on, and the next read asks OneAuto again", async () => {
    const { cached, hits } = setup({ client: h.client({ maxRetries: 0 }) });
    h.emulator.control.script({ operation: LINK, fault: { kind: "status", status: 503 } });
    const failure = await cached.imageLink({ imageId: BMW_FRONT }).catch((e: unknown) => e);
    expect(isUpstreamError(failure) && failure.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(h.count(LINK)).toBe(1);

    const link = await cached.imageLink({ imageId: BMW_FRONT });
    expect(link).toMatch(/\/cdn\//);
    expect(h.count(LINK)).toBe(2);
    expect(await cached.imageLink({ imageId: BMW_FRONT })).toBe(link);
    expect(h.count(LINK)).toBe(2);
    expect(hits).toEqual([LINK]);
  });

  it("a 503 from a VIN search is not cached either", async () => {
    const { cached } = setup({ client: h.client({ maxRetries: 0 }) });
    h.emulator.control.script({ operation: BY_VIN, fault: { kind: "status", status: 503 } });
    await expect(cached.searchByVin(BMW_VIN)).rejects.toSatisfy(isUpstreamError);
    expect(await cached.searchByVin(BMW_VIN)).toHaveLength(1);
    expect(h.count(BY_VIN)).toBe(2);
  });

  it("a colour without a picture fails every time it is asked, each time upstream", async () => {
    const { cached, cache } = setup();
    const query = { imageId: BMW_FRONT, colour: "Red" };
    await expect(cached.imageLink(query)).rejects.toBeInstanceOf(ColourNotFoundError);
    await expect(cached.imageLink(query)).rejects.toBeInstanceOf(ColourNotFoundError);
    expect(h.count(LINK)).toBe(2);
    expect(cache.size).toBe(0);
  });

  it("a malformed body (contract error) is not cached", async () => {
    const { cached } = setup({ client: h.client({ maxRetries: 0 }) });
    h.emulator.control.script({ operation: LINK, fault: { kind: "malformed" } });
    await expect(cached.imageLink({ imageId: BMW_FRONT })).rejects.toSatisfy(isUpstreamError);
    expect(await cached.imageLink({ imageId: BMW_FRONT })).toMatch(/\/cdn\//);
    expect(h.count(LINK)).toBe(2);
  });
});

describe("a cache that fails", () => {
  it("is a miss, never a failed read: OneAuto answers every time", async () => {
    const broken: Cache = {
      kind: "memory",
      get: () => Promise.reject(new Error("cache read exploded")),
      set: () => Promise.reject(new Error("cache write exploded")),
      close: async () => {},
    };
    const { cached, hits } = setup({ cache: broken });
    expect(await cached.imageLink({ imageId: BMW_FRONT })).toMatch(/\/cdn\//);
    expect(await cached.imageLink({ imageId: BMW_FRONT })).toMatch(/\/cdn\//);
    expect(await cached.searchByVin(BMW_VIN)).toHaveLength(1);
    expect(h.count(LINK)).toBe(2);
    expect(h.count(BY_VIN)).toBe(1);
    expect(hits).toEqual([]);
  });

  it("an entry of the wrong shape under a key is a miss, refilled from OneAuto", async () => {
    const { cached, cache } = setup();
    await cache.set(imageLinkKey({ imageId: BMW_FRONT }), { link: 42 }, HOUR);
    await cache.set(vinKey(BMW_VIN), [{ not: "a vehicle" }], HOUR);
    expect(await cached.imageLink({ imageId: BMW_FRONT })).toMatch(/\/cdn\//);
    expect(await cached.searchByVin(BMW_VIN)).toHaveLength(1);
    expect(h.count(LINK)).toBe(1);
    expect(h.count(BY_VIN)).toBe(1);
    await cached.imageLink({ imageId: BMW_FRONT });
    expect(h.count(LINK)).toBe(1);
  });

  it("a throwing onCacheHit listener does not fail the read", async () => {
    const { cached } = setup({
      onCacheHit: () => {
        throw new Error("meter broke");
      },
    });
    const link = await cached.imageLink({ imageId: BMW_FRONT });
    expect(await cached.imageLink({ imageId: BMW_FRONT })).toBe(link);
  });
});

describe("concurrent identical misses (single flight)", () => {
  it("ten concurrent reads of one link make one upstream call", async () => {
    const { cached, hits } = setup();
    h.emulator.control.script({ operation: LINK, fault: { kind: "latency", ms: 50 } });
    const links = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        cached.imageLink({ imageId: BMW_FRONT, colour: i % 2 ? "Black" : "black" }),
      ),
    );
    expect(new Set(links).size).toBe(1);
    expect(h.count(LINK)).toBe(1);
    expect(hits).toEqual(Array(9).fill(LINK));
  });

  it("ten concurrent reads of one VIN make one paid call", async () => {
    const { cached } = setup();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => cached.searchByVin(BMW_VIN)),
    );
    expect(h.count(BY_VIN)).toBe(1);
    // One answer for all, frozen (InFlight's protection): no caller can change another's.
    expect(new Set(results).size).toBe(1);
    expect(Object.isFrozen(results[0])).toBe(true);
  });

  it("a read joined by another is frozen for both: changing it throws instead of changing the other's", async () => {
    const { cached } = setup();
    h.emulator.control.script({ operation: BY_VIN, fault: { kind: "latency", ms: 50 } });
    const [started, joined] = await Promise.all([
      cached.forRequest({}).searchByVin(BMW_VIN),
      cached.forRequest({}).searchByVin(BMW_VIN),
    ]);
    expect(h.count(BY_VIN)).toBe(1);
    expect(joined).toBe(started);
    const vehicle = joined[0];
    if (vehicle === undefined) throw new Error("the VIN matched nothing");
    expect(() => {
      joined.push(vehicle);
    }).toThrow(TypeError);
    expect(() => {
      vehicle.colour_desc_list.pop();
    }).toThrow(TypeError);
    expect(started).toHaveLength(1);
  });

  it("a read nobody joined is the caller's own, not frozen", async () => {
    const { cached } = setup();
    const alone = await cached.searchByVin(BMW_VIN);
    expect(Object.isFrozen(alone)).toBe(false);
  });

  it("concurrent reads that share a failure all fail, and none is cached", async () => {
    const { cached } = setup({ client: h.client({ maxRetries: 0 }) });
    h.emulator.control.script({ operation: LINK, fault: { kind: "status", status: 503 } });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, () => cached.imageLink({ imageId: BMW_FRONT })),
    );
    expect(outcomes.every((o) => o.status === "rejected")).toBe(true);
    expect(h.count(LINK)).toBe(1);
    await cached.imageLink({ imageId: BMW_FRONT });
    expect(h.count(LINK)).toBe(2);
  });

  it("a caller that gives up does not cancel the shared call for the others", async () => {
    const { cached } = setup();
    h.emulator.control.script({ operation: LINK, fault: { kind: "latency", ms: 150 } });
    const quitter = new AbortController();
    const reason = new Error("client went away");
    const abandoned = cached
      .forRequest({ signal: quitter.signal })
      .imageLink({ imageId: BMW_FRONT });
    const kept = cached.imageLink({ imageId: BMW_FRONT });
    setTimeout(() => quitter.abort(reason), 20);
    await expect(abandoned).rejects.toBe(reason);
    const link = await kept;
    expect(link).toMatch(/\/cdn\//);
    expect(h.count(LINK)).toBe(1);
    expect(await cached.imageLink({ imageId: BMW_FRONT })).toBe(link);
    expect(h.count(LINK)).toBe(1);
  });

  it("when every caller gives up the call is abandoned, and the next caller starts afresh", async () => {
    const { cached, cache } = setup();
    h.emulator.control.script({ operation: LINK, fault: { kind: "latency", ms: 2000 } });
    const quitter = new AbortController();
    const reason = new Error("client went away");
    const abandoned = cached
      .forRequest({ signal: quitter.signal })
      .imageLink({ imageId: BMW_FRONT });
    setTimeout(() => quitter.abort(reason), 20);
    const started = Date.now();
    await expect(abandoned).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(cache.size).toBe(0);
    expect(await cached.imageLink({ imageId: BMW_FRONT })).toMatch(/\/cdn\//);
    expect(h.count(LINK)).toBe(2);
  });

  it("per-request views share in-flight calls and the cache; each counts its own hits and calls", async () => {
    const { cached, hits } = setup();
    const viewA = countingView();
    const viewB = countingView();
    const a = cached.forRequest(viewA.scope);
    const b = cached.forRequest(viewB.scope);
    h.emulator.control.script({ operation: BY_VRM, fault: { kind: "latency", ms: 50 } });
    await Promise.all([a.searchByRegistration("AB19CDE"), b.searchByRegistration("AB19 CDE")]);
    expect(h.count(BY_VRM)).toBe(1);
    // The call went through the client of the view that started it; the other view joined it.
    expect([viewA.calls, viewB.calls]).toEqual([[BY_VRM], []]);
    expect(viewA.hits).toEqual([]);
    expect(viewB.hits).toEqual([BY_VRM]);
    await a.searchByRegistration("AB19CDE");
    expect(viewA.hits).toEqual([BY_VRM]);
    expect(h.count(BY_VRM)).toBe(1);
    // The process-wide instance's own listener heard none of the views' hits.
    expect(hits).toEqual([]);
  });
});

/** A request's view that notes the calls it made (its observer) and the hits it saved. */
function countingView() {
  const calls: string[] = [];
  const hits: string[] = [];
  const scope = {
    observe: (event: UpstreamCallEvent) => calls.push(event.operation),
    onCacheHit: (operation: string) => hits.push(operation),
  };
  return { scope, calls, hits };
}

describe("cache keys", () => {
  it("are normalised as documented", () => {
    expect(vinKey(" wba5r1c50kae81715 ")).toBe("oneauto:vin:WBA5R1C50KAE81715");
    expect(registrationKey("ab19 cde")).toBe("oneauto:vrm:AB19CDE");
    expect(searchKey({ manufacturer: " BMW", modelRange: "3  Series", year: 2019 })).toBe(
      'oneauto:search:["bmw","3 series",2019,null,null]',
    );
    expect(imageLinkKey({ imageId: BMW_FRONT, colour: " Black ", background: "Transparent" })).toBe(
      'oneauto:link:["bmw-3-series-g20-front","black","Transparent",false]',
    );
    expect(imageLinkKey({ imageId: BMW_FRONT, colour: "", ignoreIssues: true })).toBe(
      'oneauto:link:["bmw-3-series-g20-front",null,null,true]',
    );
  });
});
