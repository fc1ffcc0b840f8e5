import { readFile } from "node:fs/promises";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, describe, expect, it } from "vitest";
import type { Logger } from "../../src/logger.js";
import { OperationNames } from "../../src/observability/operation-names.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { ONEAUTO } from "../../src/upstreams/oneauto/dto.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";

/**
 * `/metrics` after a scripted set of operations: the counts are exact, and the paid calls and
 * pence equal what the emulators counted and what `extensions.cost` billed. Also the access log
 * line, the request id, and who may scrape.
 */

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const started: GatewayHarness[] = [];
afterAll(async () => {
  await Promise.all(started.map((h) => h.close()));
});
async function gateway(options: Parameters<typeof startGateway>[0] = {}): Promise<GatewayHarness> {
  const h = await startGateway(options);
  started.push(h);
  return h;
}

/** The value of one series in Prometheus text, 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const matches = Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`));
    if (matches) total += Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return total;
}

function matches(line: string, labels: Record<string, string>): boolean {
  return Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`));
}

/**
 * The README's metrics table: each row's metric names, and the label values it lists
 * ("reason: `cost`, `depth`, …").
 */
function documentedMetrics(readme: string) {
  return readme
    .split("\n")
    .filter((line) => line.startsWith("| `forecourt_"))
    .map((line) => {
      const [, first = "", , what = ""] = line.split("|");
      const names = [...first.matchAll(/`(forecourt_\w+)`/g)].map((m) => m[1] ?? "");
      const values = [...what.matchAll(/(\w+): ((?:`[^`]+`(?:, )?)+)/g)].map(
        (m) =>
          [m[1] ?? "", [...(m[2] ?? "").matchAll(/`([^`]+)`/g)].map((v) => v[1] ?? "")] as const,
      );
      return { names, values };
    });
}

const AUDI = "WAUZZZ8K9BA123456";
const VEHICLE_PAGE = `query MetricsVehiclePage($id: String!) {
  vehicle(vehicleId: $id) { vehicleId features { title } stockPhotos(views: [FRONT_LEFT, REAR]) { url } }
}`;

describe("/metrics", () => {
  it("counts upstream calls, paid calls and pence exactly as the emulators and extensions.cost saw them", async () => {
    const lines: Record<string, unknown>[] = [];
    const logger: Logger = {
      info: (obj) => lines.push(obj as Record<string, unknown>),
      warn: () => {},
      error: () => {},
    };
    const secret = "w".repeat(40);
    const h = await gateway({
      logger,
      env: { PRICE_CARCUTTER_IMAGE_PENCE: "20", WEBHOOK_SECRET: secret },
    });
    let billedPence = 0;
    let billedPaid = 0;
    for (let i = 0; i < 2; i++) {
      const res = await h.execute(VEHICLE_PAGE, { id: AUDI });
      expect(res.errors).toBeUndefined();
      const cost = res.extensions?.cost as { paidCalls: number; estimatedPence: number };
      billedPaid += cost.paidCalls;
      billedPence += cost.estimatedPence;
    }
    // A refusal: too deep.
    const deep = await h.execute(
      "{ vehicles { edges { node { features { vehicle { features { vehicle { features { vehicle { vehicleId } } } } } } } } } }",
    );
    expect(deep.status).toBe(400);
    // Refused before parsing: a document over GRAPHQL_MAX_DOCUMENT_BYTES, a list nested too deep.
    const large = await h.execute(`{ vehicle(vehicleId: "${"x".repeat(70_000)}") { vehicleId } }`);
    expect(large.errors?.[0]?.extensions?.code).toBe("DOCUMENT_TOO_LARGE");
    const nested = await h.execute(
      `{ images(urls: ${"[".repeat(100)}"http://a"${"]".repeat(100)}) { url } }`,
    );
    expect(nested.errors?.[0]?.extensions?.code).toBe("NESTING_LIMIT_EXCEEDED");
    // A submission: two photos, then the same again.
    const submit = `mutation ($input: SubmitImagesInput!) { submitImages(input: $input) { __typename } }`;
    const input = {
      vehicleId: AUDI,
      urls: ["https://photos.example.com/m/1.jpg", "https://photos.example.com/m/2.jpg"],
      processing: { cutType: "NORMAL" },
    };
    await h.execute(submit, { input });
    await h.execute(submit, { input });
    // Two webhooks: one with the wrong key, one accepted.
    const webhook = (key: string) =>
      h.fetch("/webhooks/carcutter", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: JSON.stringify({ image: input.urls[0], status: "processing", phase: "cutting" }),
      });
    expect((await webhook("wrong")).status).toBe(401);
    expect((await webhook(secret)).status).toBe(204);
    // One poll of a watched photo.
    const unwatch = h.runtime.poller.watch(new Set([input.urls[0] ?? ""]));
    const polls = h.carcutter.control.count(CARCUTTER.imageStatuses.name);
    await h.runtime.poller.pollOnce();
    unwatch();
    expect(h.carcutter.control.count(CARCUTTER.imageStatuses.name)).toBe(polls + 1);

    // The GC histogram has a series only once a collection was observed, and a quiet run may
    // have none: one is made, and its entry (delivered on a later turn) awaited.
    gc();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const response = await h.fetch("/metrics");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await response.text();

    const oneautoPaid = [ONEAUTO.searchByVin, ONEAUTO.imageLink]
      .map((op) => h.oneauto.control.answered(op.name, 200))
      .reduce((a, b) => a + b, 0);
    expect(oneautoPaid).toBeGreaterThan(0);
    expect(
      sample(text, "forecourt_paid_calls_total", { upstream: "oneauto", client: "local" }),
    ).toBe(billedPaid);
    expect(billedPaid).toBe(oneautoPaid);
    expect(sample(text, "forecourt_spend_pence_total", { upstream: "oneauto" })).toBeCloseTo(
      billedPence,
      6,
    );
    // CarCutter's submission: one paid call (billing two images), as the emulator answered it.
    const submissions = { upstream: "carcutter", operation: CARCUTTER.submitImages.name };
    expect(sample(text, "forecourt_paid_calls_total", submissions)).toBe(1);
    expect(h.carcutter.control.answered(CARCUTTER.submitImages.name, 200)).toBe(1);
    // Two images at the configured price.
    expect(sample(text, "forecourt_spend_pence_total", submissions)).toBe(40);
    expect(sample(text, "forecourt_submissions_total", { outcome: "ACCEPTED" })).toBe(2);
    expect(sample(text, "forecourt_submissions_total", { outcome: "ALREADY_SUBMITTED" })).toBe(2);
    // Every attempt at CarCutter's vehicle read is in the histogram.
    expect(
      sample(text, "forecourt_upstream_request_duration_seconds_count", {
        upstream: "carcutter",
        operation: CARCUTTER.vehicle.name,
        status: "200",
      }),
    ).toBe(h.carcutter.control.count(CARCUTTER.vehicle.name));
    expect(sample(text, "forecourt_operation_refusals_total", { reason: "depth" })).toBe(1);
    expect(sample(text, "forecourt_operation_refusals_total", { reason: "document-size" })).toBe(1);
    expect(sample(text, "forecourt_operation_refusals_total", { reason: "nesting" })).toBe(1);
    expect(sample(text, "forecourt_webhooks_total", { result: "unauthorized" })).toBe(1);
    expect(sample(text, "forecourt_webhooks_total", { result: "accepted" })).toBe(1);
    expect(sample(text, "forecourt_poller_calls_total", { result: "ok" })).toBe(1);
    // The second page view found the stock data cached.
    expect(sample(text, "forecourt_cache_requests_total", { result: "hit" })).toBeGreaterThan(0);
    expect(sample(text, "forecourt_upstream_circuit_open", { upstream: "carcutter" })).toBe(0);
    expect(text).toMatch(/^forecourt_subscriptions_active 0$/m);
    expect(
      sample(text, "forecourt_graphql_operation_duration_seconds_count", {
        operation: "MetricsVehiclePage",
        type: "query",
      }),
    ).toBe(2);
    // The process's own: event loop lag, heap, GC.
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes /m);
    expect(text).toMatch(/^nodejs_gc_duration_seconds_count/m);

    // One access line per operation, with what it cost.
    const page = lines.filter((l) => l.operation === "MetricsVehiclePage");
    expect(page).toHaveLength(2);
    expect(page[0]).toMatchObject({
      client: "local",
      status: 200,
      outcome: "ok",
      requestId: expect.any(String),
      upstreamCalls: expect.any(Number),
      paidCalls: expect.any(Number),
    });
    expect(lines.find((l) => l.outcome === "DEPTH_LIMIT_EXCEEDED")).toMatchObject({ status: 400 });
  });

  it("an upstream failure is logged once at warn, with upstream, operation, status and attempts", async () => {
    const warnings: Record<string, unknown>[] = [];
    const logger: Logger = {
      warn: (obj) => warnings.push(obj as Record<string, unknown>),
      error: () => {},
    };
    const h = await gateway({ logger });
    h.carcutter.control.script({
      operation: CARCUTTER.vehicle.name,
      fault: { kind: "status", status: 503 },
      times: 3,
    });
    const res = await h.execute(`{ vehicle(vehicleId: "${AUDI}") { vehicleId } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
    const failures = warnings.filter((w) => w.upstream === "carcutter");
    expect(failures).toEqual([
      {
        upstream: "carcutter",
        operation: CARCUTTER.vehicle.name,
        code: "UPSTREAM_UNAVAILABLE",
        status: 503,
        attempts: 3,
      },
    ]);
    const text = await (await h.fetch("/metrics")).text();
    expect(sample(text, "forecourt_upstream_retries_total", { upstream: "carcutter" })).toBe(2);
  });

  it("returns the x-request-id it was given, or a new one", async () => {
    const h = await gateway();
    const given = await h.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "lb-4f2a.7" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(given.headers.get("x-request-id")).toBe("lb-4f2a.7");
    const made = await h.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "not ok\nat all" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("with METRICS_TOKEN, a scrape needs the token; in production without one there is none", async () => {
    const token = "t".repeat(24);
    const h = await gateway({ env: { METRICS_TOKEN: token } });
    expect((await h.fetch("/metrics")).status).toBe(401);
    expect(
      (await h.fetch("/metrics", { headers: { authorization: "Bearer wrong-token-wrong" } }))
        .status,
    ).toBe(401);
    const ok = await h.fetch("/metrics", { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).not.toContain(token);
    const production = await gateway({ env: { NODE_ENV: "production" } });
    const refused = await production.fetch("/metrics");
    expect(refused.status).toBe(403);
    // Even from this machine: the answer says a token is what it takes.
    expect(await refused.text()).toMatch(
      /^In production metrics are served only with a token: set METRICS_TOKEN/,
    );
    const off = await gateway({ env: { METRICS: "false" } });
    expect((await off.fetch("/metrics")).status).toBe(404);
  });

  it("a fresh instance's first scrape lists every series the README documents, at 0", async () => {
    const h = await gateway();
    const text = await (await h.fetch("/metrics")).text();
    const rows = documentedMetrics(
      await readFile(new URL("../../README.md", import.meta.url), "utf8"),
    );
    expect(rows.flatMap((r) => r.names)).toContain("forecourt_operation_refusals_total");
    const typeOf = (name: string) => new RegExp(`^# TYPE ${name} (\\w+)$`, "m").exec(text)?.[1];
    const seriesOf = (name: string) =>
      text.split("\n").filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));
    for (const { names, values } of rows) {
      for (const name of names) {
        const type = typeOf(name);
        expect(type, `${name} is exposed`).toBeDefined();
        // Histograms labelled by outcome or by name seen at run time start empty; the rest do not.
        if (type !== "histogram") expect(seriesOf(name), `${name} has series`).not.toEqual([]);
        for (const [label, listed] of values) {
          for (const value of listed) {
            const series = seriesOf(name).filter((line) => line.includes(`${label}="${value}"`));
            expect(series, `${name}{${label}="${value}"}`).not.toEqual([]);
            for (const line of series) expect(line.endsWith(" 0"), line).toBe(true);
          }
        }
      }
    }
    // Known at start: every billed operation for the callers of an open gateway.
    for (const op of [CARCUTTER.submitImages, ONEAUTO.imageLink, ONEAUTO.searchByVin]) {
      for (const client of ["open", "local"]) {
        const labels = { upstream: op.upstream, operation: op.name, client };
        expect(seriesOf("forecourt_paid_calls_total").filter((l) => matches(l, labels))).toEqual([
          `forecourt_paid_calls_total{upstream="${op.upstream}",operation="${op.name}",client="${client}"} 0`,
        ]);
      }
    }
    const retried = seriesOf("forecourt_upstream_retries_total");
    expect(retried.some((l) => matches(l, { operation: CARCUTTER.imageStatuses.name }))).toBe(true);
    expect(retried.some((l) => matches(l, { operation: CARCUTTER.submitImages.name }))).toBe(false);
  });

  it("bounds operation names: the trusted ones, then the first 200 seen, then other", () => {
    const names = new OperationNames({ trusted: ["Showroom"], capacity: 200 });
    for (let i = 0; i < 300; i++) names.label(`Op${i}`);
    expect(names.label("Op10")).toBe("Op10");
    expect(names.label("Op250")).toBe("other");
    expect(names.label("Showroom")).toBe("Showroom");
    expect(names.label(undefined)).toBe("anonymous");
  });
});
