import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { CostMeter, isBilled } from "../../src/cost/cost-meter.js";
import { DEFAULT_COST_POLICY, type Prices } from "../../src/cost/cost-policy.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import type { UpstreamCallEvent } from "../../src/upstreams/http.js";
import { ONEAUTO } from "../../src/upstreams/oneauto/dto.js";

const PRICES: Prices = {
  oneautoImageLink: 15,
  oneautoVinSearch: 20,
  oneautoVrmSearch: 25,
  carcutterImage: 3,
};

const LINK = ONEAUTO.imageLink.name;
const BY_VIN = ONEAUTO.searchByVin.name;
const BY_VRM = ONEAUTO.searchByRegistration.name;
const SEARCH = ONEAUTO.search.name;
const SUBMIT = CARCUTTER.submitImages.name;
const STATUS = CARCUTTER.imageStatuses.name;

function event(
  upstream: UpstreamCallEvent["upstream"],
  operation: string,
  extra: Partial<UpstreamCallEvent> = {},
): UpstreamCallEvent {
  return { upstream, operation, attempt: 1, durationMs: 1, status: 200, ...extra };
}

describe("CostMeter", () => {
  it("a request that joined this one's query spent nothing: its calls and hits became hits", () => {
    const meter = new CostMeter(PRICES);
    meter.recordEstimate(2);
    meter.observe(event("oneauto", LINK));
    meter.observe(event("oneauto", LINK));
    meter.observe(event("carcutter", STATUS));
    meter.recordCacheHit("oneauto", LINK);
    meter.recordCacheHit("oneauto", BY_VIN);
    expect(meter.joinedSummary()).toEqual({
      upstreamCalls: [],
      calls: 0,
      paidCalls: 0,
      // Sorted by upstream, then operation ("GET /vehicleimagery/imagefromid" before "…search…").
      cacheHits: [
        { upstream: "carcutter", operation: STATUS, hits: 1 },
        { upstream: "oneauto", operation: LINK, hits: 3 },
        { upstream: "oneauto", operation: BY_VIN, hits: 1 },
      ],
      cacheHitCount: 5,
      estimatedPence: 0,
      estimatedWorstCasePaidCalls: 2,
    });
    // The first request's own spend is unchanged.
    expect(meter.summary()).toMatchObject({ calls: 3, paidCalls: 2, cacheHitCount: 2 });
  });

  it("a fresh meter reports nothing spent", () => {
    expect(new CostMeter(PRICES).summary()).toEqual({
      upstreamCalls: [],
      calls: 0,
      paidCalls: 0,
      cacheHits: [],
      cacheHitCount: 0,
      estimatedPence: 0,
    });
  });

  it("counts every attempt by upstream and operation, and only billed answers as paid", () => {
    const meter = new CostMeter(PRICES);
    meter.observe(event("oneauto", LINK));
    meter.observe(event("oneauto", LINK, { status: 503, errorCode: "UPSTREAM_UNAVAILABLE" }));
    meter.observe(event("oneauto", LINK, { attempt: 2 }));
    meter.observe(event("oneauto", SEARCH));
    meter.observe(event("carcutter", STATUS));
    expect(meter.summary()).toEqual({
      upstreamCalls: [
        {
          upstream: "carcutter",
          operation: STATUS,
          calls: 1,
          paidCalls: 0,
          paidUnits: 0,
          estimatedPence: 0,
        },
        {
          upstream: "oneauto",
          operation: LINK,
          calls: 3,
          paidCalls: 2,
          paidUnits: 2,
          estimatedPence: 30,
        },
        {
          upstream: "oneauto",
          operation: SEARCH,
          calls: 1,
          paidCalls: 0,
          paidUnits: 0,
          estimatedPence: 0,
        },
      ],
      calls: 5,
      paidCalls: 2,
      cacheHits: [],
      cacheHitCount: 0,
      estimatedPence: 30,
    });
  });

  it("prices VIN and registration searches apart", () => {
    const meter = new CostMeter(PRICES);
    meter.observe(event("oneauto", BY_VIN));
    meter.observe(event("oneauto", BY_VRM));
    meter.observe(event("oneauto", BY_VRM));
    expect(meter.summary().estimatedPence).toBe(20 + 2 * 25);
  });

  it.each([
    ["204 (unknown VIN)", { status: 204 }],
    ["202 (not complete)", { status: 202 }],
    ["400 (colour not found)", { status: 400, errorCode: "UPSTREAM_BAD_REQUEST" as const }],
    ["429", { status: 429, errorCode: "UPSTREAM_RATE_LIMITED" as const }],
    ["a reset (no answer)", { status: undefined, errorCode: "UPSTREAM_UNAVAILABLE" as const }],
  ])("a %s is a call, not a paid one", (_, extra) => {
    const { status, ...rest } = extra;
    const e: UpstreamCallEvent = {
      upstream: "oneauto",
      operation: BY_VIN,
      attempt: 1,
      durationMs: 1,
      ...(status === undefined ? {} : { status }),
      ...rest,
    };
    expect(isBilled(e)).toBe(false);
    const meter = new CostMeter(PRICES);
    meter.observe(e);
    expect(meter.summary()).toMatchObject({ calls: 1, paidCalls: 0, estimatedPence: 0 });
  });

  it("a submission is billed per image it carried", () => {
    const meter = new CostMeter(PRICES);
    meter.observe(event("carcutter", SUBMIT, { units: 60 }));
    meter.observe(event("carcutter", SUBMIT, { units: 1 }));
    meter.observe(event("carcutter", SUBMIT, { units: 60, status: 402 }));
    expect(meter.summary().upstreamCalls).toEqual([
      {
        upstream: "carcutter",
        operation: SUBMIT,
        calls: 3,
        paidCalls: 2,
        paidUnits: 61,
        estimatedPence: 61 * 3,
      },
    ]);
  });

  it("a synchronous cut is billed as one image", () => {
    const meter = new CostMeter(PRICES);
    meter.observe(event("carcutter", CARCUTTER.cutSingleSegment.name));
    expect(meter.summary()).toMatchObject({ paidCalls: 1, estimatedPence: 3 });
  });

  it("the same path at the other upstream is not billed", () => {
    expect(isBilled(event("carcutter", LINK))).toBe(false);
    expect(isBilled(event("oneauto", SUBMIT))).toBe(false);
  });

  it("fractional prices add up without binary noise", () => {
    const meter = new CostMeter({ ...PRICES, oneautoImageLink: 0.1 });
    for (let i = 0; i < 3; i++) meter.observe(event("oneauto", LINK));
    expect(meter.summary().estimatedPence).toBe(0.3);
  });

  it("counts cache hits by upstream and operation", () => {
    const meter = new CostMeter(PRICES);
    meter.recordCacheHit("oneauto", LINK);
    meter.recordCacheHit("oneauto", BY_VIN);
    meter.recordCacheHit("oneauto", LINK);
    expect(meter.summary()).toMatchObject({
      cacheHits: [
        { upstream: "oneauto", operation: LINK, hits: 2 },
        { upstream: "oneauto", operation: BY_VIN, hits: 1 },
      ],
      cacheHitCount: 3,
      calls: 0,
    });
  });

  it("observe works unbound, as a client calls it", () => {
    const meter = new CostMeter(PRICES);
    const { observe } = meter;
    observe(event("oneauto", LINK));
    expect(meter.summary().paidCalls).toBe(1);
  });

  it("a summary is a snapshot: later calls do not change it", () => {
    const meter = new CostMeter(PRICES);
    meter.observe(event("oneauto", LINK));
    const before = meter.summary();
    meter.observe(event("oneauto", LINK));
    expect(before.upstreamCalls[0]?.calls).toBe(1);
  });

  it("the default policy, the configuration's when unset: 15p per OneAuto call, CarCutter free, 50 calls", () => {
    expect(loadConfig({}).cost).toEqual(DEFAULT_COST_POLICY);
    expect(DEFAULT_COST_POLICY).toEqual({
      prices: {
        oneautoImageLink: 15,
        oneautoVinSearch: 15,
        oneautoVrmSearch: 15,
        carcutterImage: 0,
      },
      maxPaidCallsPerOperation: 50,
      maxUpstreamCallsPerOperation: 200,
      maxResultSize: 50_000,
    });
  });
});

describe("CostMeter: billed calls within the reservation, and those of unknown outcome", () => {
  const link = ONEAUTO.imageLink;

  it("refuses a billed OneAuto call past the pence reserved (BUDGET_EXHAUSTED), counting calls under way", () => {
    const meter = new CostMeter(PRICES);
    meter.limitSpend(30);
    meter.admit(link);
    meter.admit(link);
    expect(() => meter.admit(link)).toThrowError(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: "BUDGET_EXHAUSTED", reservedPence: 30 }),
      }),
    );
    // An answer that is certainly not billed (204: no such image) frees its pence.
    meter.observe(event("oneauto", LINK, { status: 204 }));
    expect(() => meter.admit(link)).not.toThrow();
    // Free calls are never refused by it.
    expect(() => meter.admit(ONEAUTO.search)).not.toThrow();
  });

  it("without a limit (no daily budget) admits any number", () => {
    const meter = new CostMeter(PRICES);
    for (let i = 0; i < 100; i++) meter.admit(link);
  });

  it("charges billed calls sent and not answered, or still under way; not those never sent", () => {
    const meter = new CostMeter(PRICES);
    for (let i = 0; i < 5; i++) meter.admit(link);
    meter.observe(event("oneauto", LINK)); // billed: a known paid call
    meter.observe(event("oneauto", LINK, { status: 204 })); // certainly not billed
    meter.observe(event("oneauto", LINK, { status: undefined, aborted: true })); // unknown
    meter.observe(
      event("oneauto", LINK, {
        status: undefined,
        errorCode: "UPSTREAM_UNAVAILABLE",
        notSent: true,
      }),
    ); // connection refused: never sent
    // The fifth is still under way: unknown too.
    expect(meter.uncertainCharges()).toEqual([{ upstream: "oneauto", operation: LINK, pence: 30 }]);
    meter.admit(link);
    meter.notSent(link); // the throttle or the open circuit stopped it
    expect(meter.uncertainCharges()).toEqual([{ upstream: "oneauto", operation: LINK, pence: 30 }]);
    expect(meter.summary()).toMatchObject({ paidCalls: 1, estimatedPence: 15 });
  });
});
