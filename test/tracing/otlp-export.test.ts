import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startTracing } from "../../src/observability/tracing-sdk.js";
import { startServer } from "../../src/server.js";
import { localServerConfig } from "../support/server.js";

/**
 * The spans leave the process as OTLP over HTTP, configured by the standard variables alone
 * (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_HEADERS, OTEL_SERVICE_NAME), to a local
 * receiver standing in for the collector.
 */

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe("OTLP export", () => {
  it("POSTs the operation's spans to <endpoint>/v1/traces with the configured headers and service name", async () => {
    const received: { path: string; type: string; auth: string; body: string }[] = [];
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        received.push({
          path: req.url ?? "",
          type: req.headers["content-type"] ?? "",
          auth: req.headers["x-collector-key"]?.toString() ?? "",
          body: Buffer.concat(chunks).toString("utf8"),
        });
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise((resolve) => receiver.close(resolve)));
    const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

    const dataDir = await mkdtemp(join(tmpdir(), "forecourt-otlp-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const config = localServerConfig({
      FORECOURT_DATA_DIR: dataDir,
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_EXPORTER_OTLP_HEADERS: "x-collector-key=k%3D1",
      OTEL_SERVICE_NAME: "forecourt-test",
    });
    expect(config.tracing).toMatchObject({ exporter: "otlp", url: `${endpoint}/v1/traces` });
    const tracing = startTracing(config.tracing);
    expect(tracing).toBeDefined();
    const server = await startServer(config);
    const res = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "query Exported { vehiclesToShoot { vehicleId } }" }),
    });
    expect(res.status).toBe(200);
    await server.close();
    // Flushes the batch.
    await tracing?.shutdown();

    expect(received.length).toBeGreaterThan(0);
    expect(received.every((r) => r.path === "/v1/traces")).toBe(true);
    expect(received[0]?.type).toMatch(/^application\/json/);
    expect(received[0]?.auth).toBe("k=1");
    const all = received.map((r) => r.body).join("\n");
    expect(all).toContain('"forecourt-test"');
    expect(all).toContain('"graphql.query Exported"');
    expect(all).toContain('"carcutter GET /vehicle/shotlist"');
  });
});
