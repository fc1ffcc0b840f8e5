import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCarCutterClient } from "../../src/upstreams/carcutter/client.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { TOKEN } from "../support/credentials.js";
import { type CarCutterHarness, startCarCutter, urlsFor } from "../support/emulators.js";
import { expectUpstreamError, FAST } from "../support/upstream-clients.js";

/** Retries, timeouts, deadlines, cancellation and the circuit breaker, counted at the emulator. */

const VIN = "WBA5R1C50KAE81715";
const STATUS = CARCUTTER.imageStatuses.name;
const SUBMIT = CARCUTTER.submitImages.name;
const FEATURE = CARCUTTER.createFeature.name;

let h: CarCutterHarness;
beforeEach(async () => {
  h = await startCarCutter();
});
afterEach(async () => {
  await h.close();
});

const statusFault = (fault: Parameters<CarCutterHarness["emulator"]["control"]["script"]>[0]) =>
  h.emulator.control.script(fault);

describe("retries of reads", () => {
  it("waits out a 429's Retry-After, then succeeds on the second call", async () => {
    statusFault({
      operation: STATUS,
      fault: { kind: "status", status: 429, retryAfterSeconds: 1 },
    });
    const started = performance.now();
    const images = await h.client().imageStatuses(urlsFor(2));
    const elapsed = performance.now() - started;
    expect(images).toHaveLength(2);
    expect(h.count(STATUS)).toBe(2);
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(h.events.map((e) => [e.attempt, e.status, e.errorCode])).toEqual([
      [1, 429, "UPSTREAM_RATE_LIMITED"],
      [2, 200, undefined],
    ]);
  });

  it("fails at once with UPSTREAM_RATE_LIMITED when Retry-After is beyond the deadline", async () => {
    statusFault({
      operation: STATUS,
      fault: { kind: "status", status: 429, retryAfterSeconds: 30 },
    });
    const started = performance.now();
    const error = await expectUpstreamError(
      h.client({ deadlineMs: 2000 }).imageStatuses(urlsFor(1)),
      { code: "UPSTREAM_RATE_LIMITED", upstream: "carcutter", operation: STATUS, status: 429 },
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.extensions.retryAfterSeconds).toBe(30);
    expect(error.message).toContain("try again in 30 s");
    expect(h.count(STATUS)).toBe(1);
  });

  it.each([502, 503, 504])(
    "retries HTTP %i up to maxRetries, then fails with UPSTREAM_UNAVAILABLE",
    async (status) => {
      statusFault({ operation: STATUS, fault: { kind: "status", status }, times: 10 });
      await expectUpstreamError(h.client({ maxRetries: 3 }).imageStatuses(urlsFor(1)), {
        code: "UPSTREAM_UNAVAILABLE",
        upstream: "carcutter",
        operation: STATUS,
        status,
      });
      expect(h.count(STATUS)).toBe(4);
    },
  );

  it("recovers when CarCutter answers 503 twice and then 200", async () => {
    statusFault({ operation: STATUS, fault: { kind: "status", status: 503 }, times: 2 });
    const images = await h.client({ maxRetries: 2 }).imageStatuses(urlsFor(1));
    expect(images).toHaveLength(1);
    expect(h.count(STATUS)).toBe(3);
  });

  it("backs off with full jitter: base × 2^retry × random", async () => {
    statusFault({ operation: STATUS, fault: { kind: "status", status: 503 }, times: 2 });
    const started = performance.now();
    await h.client({ retryBaseDelayMs: 200, random: () => 0.5 }).imageStatuses(urlsFor(1));
    // Waits of 100 ms and 200 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(h.count(STATUS)).toBe(3);
  });

  it("retries a read whose answer is later than the headers timeout", async () => {
    statusFault({ operation: STATUS, fault: { kind: "latency", ms: 2000 } });
    const images = await h.client({ headersTimeoutMs: 150 }).imageStatuses(urlsFor(1));
    expect(images).toHaveLength(1);
    expect(h.count(STATUS)).toBe(2);
    expect(h.events[0]).toMatchObject({ attempt: 1, errorCode: "UPSTREAM_TIMEOUT" });
  });

  it("fails with UPSTREAM_TIMEOUT when every attempt times out", async () => {
    statusFault({ operation: STATUS, fault: { kind: "latency", ms: 2000 }, times: 3 });
    const error = await expectUpstreamError(
      h.client({ headersTimeoutMs: 150, maxRetries: 2 }).imageStatuses(urlsFor(1)),
      { code: "UPSTREAM_TIMEOUT", upstream: "carcutter", operation: STATUS },
    );
    expect(error.message).toContain("no response within 150 ms");
    expect(h.count(STATUS)).toBe(3);
  });

  it("retries a read after a connection reset", async () => {
    statusFault({ operation: STATUS, fault: { kind: "reset" } });
    expect(await h.client().imageStatuses(urlsFor(1))).toHaveLength(1);
    expect(h.count(STATUS)).toBe(2);
  });

  it("fails with UPSTREAM_UNAVAILABLE when every attempt is reset", async () => {
    statusFault({ operation: STATUS, fault: { kind: "reset" }, times: 3 });
    await expectUpstreamError(h.client({ maxRetries: 2 }).imageStatuses(urlsFor(1)), {
      code: "UPSTREAM_UNAVAILABLE",
      upstream: "carcutter",
      operation: STATUS,
    });
    expect(h.count(STATUS)).toBe(3);
  });

  it("retries a vehicle upsert, which is keyed on vehicle_id and safe to repeat", async () => {
    statusFault({
      operation: CARCUTTER.upsertVehicle.name,
      fault: { kind: "status", status: 503 },
    });
    const vehicle = await h.client().upsertVehicle({ vehicleId: VIN, lot: "A-1" });
    expect(vehicle).toMatchObject({ vehicle_id: VIN, vehicle_lot: "A-1" });
    expect(h.count(CARCUTTER.upsertVehicle.name)).toBe(2);
  });

  it("retries a delete", async () => {
    statusFault({ operation: CARCUTTER.deleteVehicle.name, fault: { kind: "reset" } });
    expect(await h.client().deleteVehicle("NO-SUCH")).toBeNull();
    expect(h.count(CARCUTTER.deleteVehicle.name)).toBe(2);
  });

  it("retries when nothing listens on the port, then fails with UPSTREAM_UNAVAILABLE", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const attempts: number[] = [];
    const client = createCarCutterClient({
      ...FAST,
      baseUrl: `http://127.0.0.1:${port}`,
      token: TOKEN,
      customer: "c",
      onCall: (e) => attempts.push(e.attempt),
    });
    try {
      const error = await expectUpstreamError(client.imageStatuses(urlsFor(1)), {
        code: "UPSTREAM_UNAVAILABLE",
        upstream: "carcutter",
        operation: STATUS,
      });
      expect(error.outcomeUnknown).toBe(false);
      expect(attempts).toEqual([1, 2, 3]);
    } finally {
      await client.http.close();
    }
  });
});

describe("calls that are never retried", () => {
  const submit = () =>
    h
      .client({ maxRetries: 3 })
      .submitImages({ urls: urlsFor(2), vehicleId: VIN, cutType: "normal" });
  const createFeature = () =>
    h
      .client({ maxRetries: 3 })
      .createFeature({ vehicleId: VIN, title: "t", icon: "i", type: "text" });

  it.each([
    ["HTTP 503", { kind: "status", status: 503 }, "UPSTREAM_UNAVAILABLE"],
    ["HTTP 502", { kind: "status", status: 502 }, "UPSTREAM_UNAVAILABLE"],
    ["a reset", { kind: "reset" }, "UPSTREAM_UNAVAILABLE"],
    ["a timeout", { kind: "latency", ms: 2000 }, "UPSTREAM_TIMEOUT"],
    ["HTTP 429", { kind: "status", status: 429, retryAfterSeconds: 0 }, "UPSTREAM_RATE_LIMITED"],
  ] as const)("an image submission is sent once on %s", async (_, fault, code) => {
    h.emulator.control.script({ operation: SUBMIT, fault, times: 5 });
    const error = await submit().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ extensions: { code, operation: SUBMIT } });
    expect(h.count(SUBMIT)).toBe(1);
  });

  it("marks a timed-out submission's outcome as unknown", async () => {
    h.emulator.control.script({ operation: SUBMIT, fault: { kind: "latency", ms: 2000 } });
    const error = await expectUpstreamError(submit(), {
      code: "UPSTREAM_TIMEOUT",
      upstream: "carcutter",
      operation: SUBMIT,
    });
    expect(error.outcomeUnknown).toBe(true);
    expect(h.count(SUBMIT)).toBe(1);
  });

  it.each([
    ["HTTP 503", { kind: "status", status: 503 }, "UPSTREAM_UNAVAILABLE"],
    ["a reset", { kind: "reset" }, "UPSTREAM_UNAVAILABLE"],
    ["a timeout", { kind: "latency", ms: 2000 }, "UPSTREAM_TIMEOUT"],
  ] as const)("a feature creation is sent once on %s", async (_, fault, code) => {
    await h.client().upsertVehicle({ vehicleId: VIN });
    h.emulator.control.script({ operation: FEATURE, fault, times: 5 });
    const error = await createFeature().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ extensions: { code, operation: FEATURE } });
    expect(h.count(FEATURE)).toBe(1);
  });
});

describe("deadline and cancellation", () => {
  it("gives up at the deadline with UPSTREAM_TIMEOUT, however long the upstream takes", async () => {
    statusFault({ operation: STATUS, fault: { kind: "latency", ms: 5000 } });
    const started = performance.now();
    const error = await expectUpstreamError(
      h.client({ headersTimeoutMs: 10_000, deadlineMs: 300 }).imageStatuses(urlsFor(1)),
      { code: "UPSTREAM_TIMEOUT", upstream: "carcutter", operation: STATUS },
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.message).toContain("deadline of 300 ms exceeded");
    expect(h.count(STATUS)).toBe(1);
  });

  it("does not start a backoff that would end after the deadline", async () => {
    statusFault({ operation: STATUS, fault: { kind: "status", status: 503 }, times: 5 });
    const started = performance.now();
    await expectUpstreamError(
      h
        .client({ retryBaseDelayMs: 5000, deadlineMs: 1000, random: () => 0.9 })
        .imageStatuses(urlsFor(1)),
      { code: "UPSTREAM_UNAVAILABLE", upstream: "carcutter", operation: STATUS, status: 503 },
    );
    expect(performance.now() - started).toBeLessThan(500);
    expect(h.count(STATUS)).toBe(1);
  });

  it("cancels an in-flight call when the caller's signal aborts, without retrying", async () => {
    statusFault({ operation: STATUS, fault: { kind: "latency", ms: 3000 } });
    const controller = new AbortController();
    const started = performance.now();
    const call = h
      .client({ headersTimeoutMs: 10_000 })
      .forRequest({ signal: controller.signal })
      .imageStatuses(urlsFor(1));
    setTimeout(() => controller.abort(), 50);
    await expect(call).rejects.toMatchObject({ name: "AbortError" });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(h.count(STATUS)).toBe(1);
    expect(h.events).toMatchObject([{ attempt: 1, aborted: true }]);
  });

  it("cancels during a backoff wait", async () => {
    statusFault({ operation: STATUS, fault: { kind: "status", status: 503 }, times: 5 });
    const controller = new AbortController();
    const call = h
      .client({ retryBaseDelayMs: 1000, random: () => 0.99 })
      .forRequest({ signal: controller.signal })
      .imageStatuses(urlsFor(1));
    setTimeout(() => controller.abort(new Error("caller went away")), 100);
    await expect(call).rejects.toThrow("caller went away");
    expect(h.count(STATUS)).toBe(1);
  });

  it("does not call at all with a signal that is already aborted", async () => {
    const call = h.client().forRequest({ signal: AbortSignal.abort() }).imageStatuses(urlsFor(1));
    await expect(call).rejects.toMatchObject({ name: "AbortError" });
    expect(h.count(STATUS)).toBe(0);
  });
});

describe("circuit breaker", () => {
  const breaker = { consecutiveFailures: 3, halfOpenAfterMs: 200 };

  it("opens after N consecutive failures, fails fast without calling, and closes after a good test call", async () => {
    const client = h.client({ maxRetries: 0, breaker });
    statusFault({ operation: STATUS, fault: { kind: "status", status: 503 }, times: 3 });
    for (let i = 0; i < 3; i++) {
      await expectUpstreamError(client.imageStatuses(urlsFor(1)), {
        code: "UPSTREAM_UNAVAILABLE",
        upstream: "carcutter",
        operation: STATUS,
        status: 503,
      });
    }
    expect(client.http.circuitState()).toBe("open");
    const error = await expectUpstreamError(client.imageStatuses(urlsFor(1)), {
      code: "UPSTREAM_UNAVAILABLE",
      upstream: "carcutter",
      operation: STATUS,
    });
    expect(error.extensions.circuit).toBe("open");
    // Other operations share the upstream's circuit.
    await expectUpstreamError(client.shotlist(), {
      code: "UPSTREAM_UNAVAILABLE",
      upstream: "carcutter",
      operation: CARCUTTER.shotlist.name,
    });
    expect(h.emulator.control.counts()).toEqual({ [STATUS]: 3 });

    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await client.imageStatuses(urlsFor(1))).toHaveLength(1);
    expect(client.http.circuitState()).toBe("closed");
    expect(h.count(STATUS)).toBe(4);
  });

  it("counts every attempt, so a retry loop stops at the open circuit", async () => {
    const client = h.client({ maxRetries: 5, breaker });
    statusFault({ operation: STATUS, fault: { kind: "status", status: 503 }, times: 10 });
    const error = await expectUpstreamError(client.imageStatuses(urlsFor(1)), {
      code: "UPSTREAM_UNAVAILABLE",
      upstream: "carcutter",
      operation: STATUS,
    });
    expect(error.extensions.circuit).toBe("open");
    expect(h.count(STATUS)).toBe(3);
  });

  it("opens again when the test call after halfOpenAfterMs fails", async () => {
    const client = h.client({ maxRetries: 0, breaker });
    statusFault({ operation: STATUS, fault: { kind: "reset" }, times: 4 });
    for (let i = 0; i < 3; i++) await client.imageStatuses(urlsFor(1)).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 250));
    await expectUpstreamError(client.imageStatuses(urlsFor(1)), {
      code: "UPSTREAM_UNAVAILABLE",
      upstream: "carcutter",
      operation: STATUS,
    });
    expect(client.http.circuitState()).toBe("open");
    expect(h.count(STATUS)).toBe(4);
  });

  it("reports half-open once halfOpenAfterMs has passed, before any call tests it (readiness must not wait for traffic)", async () => {
    const client = h.client({ maxRetries: 0, breaker });
    statusFault({ operation: STATUS, fault: { kind: "status", status: 503 }, times: 3 });
    for (let i = 0; i < 3; i++) await client.imageStatuses(urlsFor(1)).catch(() => undefined);
    expect(client.http.circuitState()).toBe("open");
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(client.http.circuitState()).toBe("half-open");
    expect(h.count(STATUS)).toBe(3);
  });

  it("is not opened by answers the upstream gave deliberately (4xx)", async () => {
    const client = h.client({ maxRetries: 0, breaker });
    for (let i = 0; i < 5; i++) {
      await expectUpstreamError(client.imageResult(`https://cdn.dealer.example/${i}.jpg`), {
        code: "UPSTREAM_NOT_FOUND",
        upstream: "carcutter",
        operation: CARCUTTER.imageResult.name,
        status: 404,
      });
    }
    expect(client.http.circuitState()).toBe("closed");
    expect(h.count(CARCUTTER.imageResult.name)).toBe(5);
  });

  it("starts counting again after a success", async () => {
    const client = h.client({ maxRetries: 0, breaker });
    statusFault({ operation: STATUS, fault: { kind: "status", status: 503 }, times: 2 });
    await client.imageStatuses(urlsFor(1)).catch(() => undefined);
    await client.imageStatuses(urlsFor(1)).catch(() => undefined);
    await client.imageStatuses(urlsFor(1));
    statusFault({ operation: STATUS, fault: { kind: "status", status: 503 }, times: 2 });
    await client.imageStatuses(urlsFor(1)).catch(() => undefined);
    await client.imageStatuses(urlsFor(1)).catch(() => undefined);
    expect(client.http.circuitState()).toBe("closed");
  });
});
