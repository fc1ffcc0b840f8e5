import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import type { TracingHandle } from "../../src/observability/tracing-sdk.js";
import { startTracing } from "../../src/observability/tracing-sdk.js";
import { type RunningServer, startServer } from "../../src/server.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { localServerConfig } from "../support/server.js";

/**
 * The spans of a vehicle page, captured in memory: the operation continues the incoming
 * traceparent, its phases and upstream attempts are under it, and each upstream got the trace in
 * its own traceparent (the emulators record the header). This file registers the process's
 * tracer provider, so it runs in a worker of its own (vitest isolates test files).
 */

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const PARENT_SPAN = "00f067aa0ba902b7";
const AUDI = "WAUZZZ8K9BA123456";

let exporter: InMemorySpanExporter;
let tracing: TracingHandle | undefined;
let server: RunningServer;
let dataDir: string;

beforeAll(async () => {
  exporter = new InMemorySpanExporter();
  tracing = startTracing(loadConfig({}).tracing, [new SimpleSpanProcessor(exporter)]);
  dataDir = await mkdtemp(join(tmpdir(), "forecourt-traces-"));
  server = await startServer(localServerConfig({ FORECOURT_DATA_DIR: dataDir }), { tracing: true });
});
afterAll(async () => {
  await server?.close();
  await tracing?.shutdown();
  await rm(dataDir, { recursive: true, force: true });
});

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

describe("traces", () => {
  it("a vehicle page: its upstream spans under the operation's, continuing the request's traceparent", async () => {
    exporter.reset();
    const res = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        traceparent: `00-${TRACE_ID}-${PARENT_SPAN}-01`,
      },
      body: JSON.stringify({
        query: `query TracedVehiclePage { vehicle(vehicleId: "${AUDI}") { vehicleId features { title } stockPhotos(views: [FRONT_LEFT]) { url } } }`,
      }),
    });
    expect(res.status).toBe(200);
    const spans = exporter.getFinishedSpans();
    const operation = spans.find((s) => s.name === "graphql.query TracedVehiclePage");
    expect(operation).toBeDefined();
    if (!operation) return;
    expect(operation.spanContext().traceId).toBe(TRACE_ID);
    expect(parentOf(operation)).toBe(PARENT_SPAN);
    expect(operation.attributes["graphql.operation.name"]).toBe("TracedVehiclePage");
    const operationId = operation.spanContext().spanId;
    for (const phase of ["graphql.parse", "graphql.validate", "graphql.execute"]) {
      const span = spans.find((s) => s.name === phase);
      expect(span && parentOf(span), phase).toBe(operationId);
    }
    const execute = spans.find((s) => s.name === "graphql.execute");
    const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
    /** Whether the span sits under `ancestor` (any depth). */
    const under = (span: ReadableSpan, ancestor: string): boolean => {
      let parent = parentOf(span);
      while (parent) {
        if (parent === ancestor) return true;
        parent = byId.get(parent) ? parentOf(byId.get(parent) as ReadableSpan) : undefined;
      }
      return false;
    };
    const upstream = spans.filter((s) => s.attributes["forecourt.upstream"] !== undefined);
    const names = upstream.map((s) => s.name);
    expect(names).toContain(`carcutter ${CARCUTTER.vehicle.name}`);
    expect(names).toContain(`carcutter ${CARCUTTER.features.name}`);
    expect(names.some((n) => n.startsWith("oneauto "))).toBe(true);
    for (const span of upstream) {
      expect(span.spanContext().traceId).toBe(TRACE_ID);
      expect(under(span, execute?.spanContext().spanId ?? "")).toBe(true);
      expect(span.attributes["forecourt.attempt"]).toBe(1);
      expect(span.attributes["http.response.status_code"]).toEqual(expect.any(Number));
    }
    expect(upstream.some((s) => s.attributes["forecourt.paid"] === true)).toBe(true);
    // The emulator received the trace, from that very attempt's span.
    const attempt = upstream.find((s) => s.name === `carcutter ${CARCUTTER.vehicle.name}`);
    expect(attempt?.attributes["http.response.status_code"]).toBe(200);
    const received = server.emulators?.carcutter?.emulator.control.traceparents(
      CARCUTTER.vehicle.name,
    );
    expect(received).toContain(`00-${TRACE_ID}-${attempt?.spanContext().spanId}-01`);
    // A cache lookup before each OneAuto read.
    expect(spans.some((s) => s.name === "cache.get" && under(s, operationId))).toBe(true);
  });

  it("a submission's ledger writes have spans of their own", async () => {
    exporter.reset();
    await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `mutation { submitImages(input: { vehicleId: "${AUDI}", urls: ["https://photos.example.com/traced.jpg"], processing: { cutType: NORMAL } }) { __typename } }`,
      }),
    });
    const names = exporter.getFinishedSpans().map((s) => s.name);
    expect(names).toContain("ledger.claim");
    expect(names).toContain("ledger.settle");
    expect(names).toContain(`carcutter ${CARCUTTER.submitImages.name}`);
  });
});
