import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import type { UpstreamCallEvent } from "../../src/upstreams/http.js";
import { ONEAUTO } from "../../src/upstreams/oneauto/dto.js";
import {
  type CarCutterHarness,
  type OneAutoHarness,
  startCarCutter,
  startOneAuto,
} from "../support/emulators.js";

/**
 * Per-request scope: a client's forRequest view shares the process-wide request path (pool,
 * breaker, settings), reports its own calls, and only those, to its observer, and carries its
 * request's abort signal to each of them.
 */

const LINK = ONEAUTO.imageLink.name;
const SEARCH = ONEAUTO.search.name;
const SUBMIT = CARCUTTER.submitImages.name;
const STATUS = CARCUTTER.imageStatuses.name;
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
    const a = client.forRequest({ observe: (e) => mine.push(e) });
    const b = client.forRequest({ observe: (e) => theirs.push(e) });
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
      .forRequest({ observe: (e) => events.push(e) })
      .imageLink({ imageId: "bmw-3-series-g20-front" });
    expect(events.map((e) => [e.attempt, e.status])).toEqual([
      [1, 503],
      [2, 200],
    ]);
  });

  it("an observer that throws never breaks the call", async () => {
    const observed = h.client().forRequest({
      observe: () => {
        throw new Error("accounting bug");
      },
    });
    await expect(observed.imageLink({ imageId: "bmw-3-series-g20-front" })).resolves.toMatch(
      /^http/,
    );
  });

  it("a second forRequest replaces the first scope", async () => {
    const first = vi.fn();
    const second = vi.fn();
    await h
      .client()
      .forRequest({ observe: first })
      .forRequest({ observe: second })
      .imageLink({ imageId: "bmw-3-series-g20-front" });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();
  });

  it("a request's signal cancels its own calls and no other request's", async () => {
    const client = h.client();
    h.emulator.control.script({
      operation: LINK,
      fault: { kind: "latency", ms: 120 },
      times: 2,
    });
    const leaving = new AbortController();
    const reason = new Error("client went away");
    const gone = client
      .forRequest({ signal: leaving.signal })
      .imageLink({ imageId: "bmw-3-series-g20-front" });
    const staying = client
      .forRequest({ signal: new AbortController().signal })
      .imageLink({ imageId: "bmw-3-series-g20-front" });
    setTimeout(() => leaving.abort(reason), 20);
    await expect(gone).rejects.toBe(reason);
    await expect(staying).resolves.toMatch(/^http/);
    expect(h.count(LINK)).toBe(2);
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
    const observed = h.client().forRequest({ observe: (e) => events.push(e) });
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
      .forRequest({ observe: (e) => events.push(e) })
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
    const observed = client.forRequest({ observe: (e) => events.push(e) });
    await expect(observed.imageStatuses(urls(1, "open"))).rejects.toThrow();
    await expect(observed.imageStatuses(urls(1, "open"))).rejects.toThrow();
    expect(events.map((e) => e.status)).toEqual([500]);
  });
});
