import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { UpstreamCallEvent } from "../../src/upstreams/http.js";
import {
  type CarCutterHarness,
  type OneAutoHarness,
  startCarCutter,
  startOneAuto,
} from "../support/emulators.js";

/**
 * Per-request attribution: a client's withObserver view shares the process-wide request path
 * (pool, breaker, settings) and reports its own calls, and only those, to its observer.
 */

const LINK = "GET /vehicleimagery/imagefromid";
const SEARCH = "GET /vehicleimagery/imagesearch";
const SUBMIT = "POST /vehicle/image/submission";
const STATUS = "GET /vehicle/image/status";
const urls = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => `https://photos.example.com/${prefix}/${i}.jpg`);

describe("OneAuto", () => {
  let h: OneAutoHarness;
  beforeEach(async () => {
    h = await startOneAuto();
  });
  afterEach(() => h.close());

  it("an observed client shares the request path and reports only its own calls", async () => {
    const client = h.client();
    const mine: UpstreamCallEvent[] = [];
    const theirs: UpstreamCallEvent[] = [];
    const a = client.withObserver((e) => mine.push(e));
    const b = client.withObserver((e) => theirs.push(e));
    expect(a.http).toBe(client.http);
    expect(b.http).toBe(client.http);

    await a.imageLink({ imageId: "bmw-3-series-g20-front" });
    await b.search({ manufacturer: "BMW", modelRange: "3 Series", year: 2019 });
    await client.search({ manufacturer: "BMW", modelRange: "3 Series", year: 2019 });

    expect(mine.map((e) => [e.operation, e.status])).toEqual([[LINK, 200]]);
    expect(theirs.map((e) => [e.operation, e.status])).toEqual([[SEARCH, 200]]);
    // The process-wide listener still hears every call.
    expect(h.events.map((e) => e.operation)).toEqual([LINK, SEARCH, SEARCH]);
  });

  it("an observer hears every attempt of a retried call", async () => {
    h.emulator.control.script({ operation: LINK, fault: { kind: "status", status: 503 } });
    const events: UpstreamCallEvent[] = [];
    await h
      .client()
      .withObserver((e) => events.push(e))
      .imageLink({ imageId: "bmw-3-series-g20-front" });
    expect(events.map((e) => [e.attempt, e.status])).toEqual([
      [1, 503],
      [2, 200],
    ]);
  });

  it("an observer that throws never breaks the call", async () => {
    const observed = h.client().withObserver(() => {
      throw new Error("accounting bug");
    });
    await expect(observed.imageLink({ imageId: "bmw-3-series-g20-front" })).resolves.toMatch(
      /^http/,
    );
  });

  it("a second withObserver replaces the first", async () => {
    const first = vi.fn();
    const second = vi.fn();
    await h
      .client()
      .withObserver(first)
      .withObserver(second)
      .imageLink({ imageId: "bmw-3-series-g20-front" });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();
  });

  it("a stub on the process-wide client applies to its observed views", async () => {
    const client = h.client();
    const observed = client.withObserver(() => {});
    vi.spyOn(client, "searchByVin").mockResolvedValue([]);
    await expect(observed.searchByVin("WBA5R1C50KAE81715")).resolves.toEqual([]);
    expect(h.count("GET /vehicleimagery/imagesearchfromvin/")).toBe(0);
  });
});

describe("CarCutter", () => {
  let h: CarCutterHarness;
  beforeEach(async () => {
    h = await startCarCutter();
  });
  afterEach(() => h.close());

  it("a submission's events carry its image count as units; reads carry none", async () => {
    const events: UpstreamCallEvent[] = [];
    const observed = h.client().withObserver((e) => events.push(e));
    const sent = urls(7, "units");
    await observed.submitImages({
      urls: sent,
      vehicleId: "WBA5R1C50KAE81715",
      cutType: "complete",
    });
    await observed.imageStatuses(sent);
    expect(events.map((e) => [e.operation, e.status, e.units])).toEqual([
      [SUBMIT, 200, 7],
      [STATUS, 200, undefined],
    ]);
  });

  it("an observed client lists vehicles for the configured customer", async () => {
    const events: UpstreamCallEvent[] = [];
    const vehicles = await h
      .client()
      .withObserver((e) => events.push(e))
      .listVehicles({ limit: 5, offset: 0 });
    expect(Array.isArray(vehicles)).toBe(true);
    expect(events.map((e) => e.status)).toEqual([200]);
  });

  it("a call the open circuit refuses reaches no observer: nothing was sent", async () => {
    const client = h.client({ breaker: { consecutiveFailures: 1, halfOpenAfterMs: 60_000 } });
    h.emulator.control.script({
      operation: STATUS,
      fault: { kind: "status", status: 500 },
    });
    const events: UpstreamCallEvent[] = [];
    const observed = client.withObserver((e) => events.push(e));
    await expect(observed.imageStatuses(urls(1, "open"))).rejects.toThrow();
    await expect(observed.imageStatuses(urls(1, "open"))).rejects.toThrow();
    expect(events.map((e) => e.status)).toEqual([500]);
  });
});
