import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/server.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";
import { rawHttp } from "../support/raw-http.js";
import { localServerConfig } from "../support/server.js";

/**
 * One request must never take the gateway down: hostile documents are refused before any upstream
 * call, a page on another site cannot run a mutation, malformed HTTP gets a 4xx with a code, too
 * many requests at once get a 503, and production hides the schema. Upstream calls are counted at
 * the emulators.
 */

const VIN = "WAUZZZ8K9BA123456";

const upstreamCalls = (h: GatewayHarness) =>
  Object.values(h.carcutter.control.counts()).reduce((a, b) => a + b, 0) +
  Object.values(h.oneauto.control.counts()).reduce((a, b) => a + b, 0);

async function postJson(h: GatewayHarness, query: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  const response = await h.fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}

function nested(depth: number): string {
  let selection = "vehicleId";
  for (let i = 0; i < depth; i++) selection = `features { vehicle { ${selection} } }`;
  return `{ vehicle(vehicleId: "${VIN}") { ${selection} } }`;
}

/** Nothing a client gets back may show a stack or where the server is installed. */
function expectNoInternals(text: string): void {
  expect(text).not.toMatch(/\n\s+at |node_modules|\/work\/|\.ts:\d|\.js:\d/);
}

describe("hostile documents, refused before any upstream call", () => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await startGateway();
  });
  afterAll(() => h.close());

  it("a document nested 12 levels deep is refused naming the depth limit", async () => {
    h.carcutter.control.reset();
    const answer = await postJson(h, nested(6));
    expect(answer.status).toBe(400);
    const body = JSON.parse(answer.text);
    expect(body.errors[0].extensions).toMatchObject({ code: "DEPTH_LIMIT_EXCEEDED", limit: 8 });
    expect(body.errors[0].message).toMatch(/depth limit of 8/);
    expect(upstreamCalls(h)).toBe(0);
    expect(answer.ms).toBeLessThan(1000);
  });

  it("500 aliases of vehicle(vehicleId:) are refused before any call", async () => {
    h.carcutter.control.reset();
    const aliases = Array.from(
      { length: 500 },
      (_, i) => `v${i}: vehicle(vehicleId: "${VIN}") { model }`,
    );
    const answer = await postJson(h, `{ ${aliases.join(" ")} }`);
    expect(answer.status).toBe(400);
    const code = JSON.parse(answer.text).errors[0].extensions.code;
    expect(["ALIAS_LIMIT_EXCEEDED", "TOKEN_LIMIT_EXCEEDED"]).toContain(code);
    expect(upstreamCalls(h)).toBe(0);
  });

  it("more aliases than GRAPHQL_MAX_ALIASES are refused naming the alias limit", async () => {
    const aliases = Array.from(
      { length: 120 },
      (_, i) => `v${i}: vehicle(vehicleId: "${VIN}") { model }`,
    );
    const answer = await postJson(h, `{ ${aliases.join(" ")} }`);
    expect(answer.status).toBe(400);
    const error = JSON.parse(answer.text).errors[0];
    expect(error.extensions).toMatchObject({ code: "ALIAS_LIMIT_EXCEEDED", limit: 100 });
    expect(error.message).toMatch(/100/);
  });

  it("a document nested 3,000 levels deep is a 400 naming the nesting limit, not a 500", async () => {
    h.carcutter.control.reset();
    const answer = await postJson(h, `${"{a".repeat(3000)}${"}".repeat(3000)}`);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).errors[0].extensions).toMatchObject({
      code: "NESTING_LIMIT_EXCEEDED",
      limit: 64,
    });
    expectNoInternals(answer.text);
    expect(upstreamCalls(h)).toBe(0);
  });

  it("a flat document of more than 3,000 tokens is a 400 naming the token limit", async () => {
    const answer = await postJson(h, `{ ${"__typename ".repeat(3001)}}`);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).errors[0].extensions).toMatchObject({
      code: "TOKEN_LIMIT_EXCEEDED",
      limit: 3000,
    });
  });

  it("the documented operations fit the default limits: 60 aliased images, GraphiQL's example", async () => {
    const images = Array.from(
      { length: 60 },
      (_, i) => `i${i}: image(url: "https://photos.example.com/limits/${i}.jpg") { status }`,
    );
    const answer = await postJson(h, `{ ${images.join(" ")} }`);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text).errors).toBeUndefined();
  });
});

describe("the estimate, first in line (with the document backstops out of the way)", () => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await startGateway({
      gatewayEnv: {
        GRAPHQL_MAX_DEPTH: "100",
        GRAPHQL_MAX_ALIASES: "10000",
        GRAPHQL_MAX_TOKENS: "100000",
      },
    });
  });
  afterAll(() => h.close());

  it("the 12-deep query is refused for its result size, with the estimate and the limit", async () => {
    h.carcutter.control.reset();
    const answer = await postJson(h, nested(6));
    expect(answer.status).toBe(400);
    const error = JSON.parse(answer.text).errors[0];
    expect(error.extensions).toMatchObject({ code: "RESULT_SIZE_EXCEEDED", limit: 50_000 });
    expect(error.extensions.estimate.resultSize).toBeGreaterThan(50_000);
    expect(upstreamCalls(h)).toBe(0);
  });

  it("500 vehicle aliases are refused for their 500 CarCutter calls", async () => {
    h.carcutter.control.reset();
    const aliases = Array.from(
      { length: 500 },
      (_, i) => `v${i}: vehicle(vehicleId: "${VIN}") { model }`,
    );
    const answer = await postJson(h, `{ ${aliases.join(" ")} }`);
    expect(answer.status).toBe(400);
    const error = JSON.parse(answer.text).errors[0];
    expect(error.extensions).toMatchObject({
      code: "UPSTREAM_CALLS_ESTIMATE_EXCEEDED",
      limit: 200,
      estimate: { upstream: "carcutter", calls: 500 },
    });
    expect(upstreamCalls(h)).toBe(0);
  });

  it("a 100-vehicle listing page with features and photos fits every default budget", async () => {
    const answer = await postJson(
      h,
      "{ vehicles(first: 100) { edges { node { vehicleId model features { title } images { status } } } } }",
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text).errors).toBeUndefined();
  });
});

describe("runtime caps, for what an estimate cannot know", () => {
  it("past MAX_UPSTREAM_CALLS_PER_OPERATION further calls fail with a code; what was fetched stays", async () => {
    const h = await startGateway({ gatewayEnv: { MAX_UPSTREAM_CALLS_PER_OPERATION: "4" } });
    try {
      h.carcutter.control.reset();
      const answer = await postJson(
        h,
        "{ vehicles(first: 10) { edges { node { vehicleId features { title } } } } }",
      );
      const { data, errors } = JSON.parse(answer.text);
      const sent = Object.values(h.carcutter.control.counts()).reduce((a, b) => a + b, 0);
      expect(sent).toBe(4);
      const nodes = data.vehicles.edges.map((e: { node: { features: unknown } }) => e.node);
      expect(nodes.filter((n: { features: unknown }) => n.features !== null)).toHaveLength(3);
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) {
        expect(error.extensions).toMatchObject({
          code: "UPSTREAM_CALL_LIMIT_EXCEEDED",
          upstream: "carcutter",
          limit: 4,
        });
      }
    } finally {
      await h.close();
    }
  });

  it("past REQUEST_TIMEOUT_MS the operation's upstream calls are aborted and it answers OPERATION_TIMEOUT", async () => {
    const h = await startGateway({ gatewayEnv: { REQUEST_TIMEOUT_MS: "200" } });
    try {
      h.carcutter.control.script({
        operation: CARCUTTER.vehicle.name,
        fault: { kind: "latency", ms: 5000 },
      });
      const answer = await postJson(h, `{ vehicle(vehicleId: "${VIN}") { model } }`);
      expect(answer.ms).toBeLessThan(2000);
      const { data, errors } = JSON.parse(answer.text);
      expect(data).toEqual({ vehicle: null });
      expect(errors[0].extensions).toMatchObject({ code: "OPERATION_TIMEOUT", timeoutMs: 200 });
      expect(h.carcutter.control.count(CARCUTTER.vehicle.name)).toBe(1);
      // Aborted at the upstream too: the emulator, holding its answer for 5 s, saw the
      // connection close well before then.
      await expect
        .poll(() => h.carcutter.control.aborted(CARCUTTER.vehicle.name), { timeout: 3000 })
        .toBe(1);
    } finally {
      await h.close();
    }
  });
});

describe("browser safety", () => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await startGateway();
  });
  afterAll(() => h.close());

  it("a form-encoded POST (which any page can send cross-site) runs nothing: 403, no DELETE sent", async () => {
    h.carcutter.control.reset();
    const response = await h.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `query=${encodeURIComponent('mutation { deleteFeature(featureId: "f-1") { __typename } }')}`,
    });
    expect(response.status).toBe(403);
    const error = JSON.parse(await response.text()).errors[0];
    expect(error.extensions.code).toBe("CSRF_PREVENTED");
    expect(error.message).toMatch(/x-graphql-yoga-csrf/);
    expect(h.carcutter.control.count(CARCUTTER.deleteFeature.name)).toBe(0);
    expect(upstreamCalls(h)).toBe(0);
  });

  it("a multipart POST without a preflight header is refused; a JSON POST needs none", async () => {
    const form = new FormData();
    form.append("operations", JSON.stringify({ query: "{ __typename }" }));
    form.append("map", "{}");
    const refused = await h.fetch("/graphql", { method: "POST", body: form });
    expect(refused.status).toBe(403);
    expect((await postJson(h, "{ __typename }")).status).toBe(200);
  });

  it("GraphiQL still opens, and an SSE subscription still streams", async () => {
    const page = await h.fetch("/graphql", { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    const stream = await h.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({
        query: `subscription { imageUpdated(urls: ["https://images.forecourt-demo.example/WBA5R1C50KAE81715/front-left.jpg"]) { status } }`,
      }),
    });
    expect(stream.status).toBe(200);
    expect(await stream.text()).toMatch(/"status":"FINAL"/);
  });

  it("without CORS_ORIGINS no other origin is allowed; with it, only those", async () => {
    const preflight = {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    };
    const closed = await h.fetch("/graphql", preflight);
    expect(closed.headers.get("access-control-allow-origin")).toBeNull();
    const shop = await startGateway({ gatewayEnv: { CORS_ORIGINS: "https://shop.example" } });
    try {
      const evil = await shop.fetch("/graphql", preflight);
      // The allowed origin, which the browser compares with the page's and refuses (not `*`).
      expect(evil.headers.get("access-control-allow-origin")).toBe("https://shop.example");
      const allowed = await shop.fetch("/graphql", {
        ...preflight,
        headers: { ...preflight.headers, origin: "https://shop.example" },
      });
      expect(allowed.headers.get("access-control-allow-origin")).toBe("https://shop.example");
    } finally {
      await shop.close();
    }
  });
});

describe("production defaults", () => {
  it("with NODE_ENV=production introspection, suggestions and GraphiQL are off, and say how to turn them on", async () => {
    const h = await startGateway({ gatewayEnv: { NODE_ENV: "production" } });
    try {
      const introspection = await postJson(h, "{ __schema { queryType { name } } }");
      expect(introspection.status).toBe(400);
      const { data, errors } = JSON.parse(introspection.text);
      expect(data).toBeUndefined();
      const error = errors[0];
      expect(error.extensions.code).toBe("INTROSPECTION_DISABLED");
      expect(error.message).toMatch(/GRAPHQL_INTROSPECTION=true/);
      const typo = await postJson(h, `{ vehicle(vehicleId: "${VIN}") { modle } }`);
      expect(typo.text).not.toMatch(/Did you mean/);
      const page = await h.fetch("/graphql", { headers: { accept: "text/html" } });
      expect(await page.text()).not.toMatch(/YogaGraphiQL/);
    } finally {
      await h.close();
    }
  });

  it("in development they are on", async () => {
    const h = await startGateway();
    try {
      const introspection = await postJson(h, "{ __schema { queryType { name } } }");
      expect(JSON.parse(introspection.text).data.__schema.queryType.name).toBe("Query");
      const typo = await postJson(h, `{ vehicle(vehicleId: "${VIN}") { modle } }`);
      expect(typo.text).toMatch(/Did you mean/);
    } finally {
      await h.close();
    }
  });
});

describe("over real HTTP", () => {
  let server: RunningServer;
  let dataDir: string;
  /** The whole request body accepted: three uploads at UPLOAD_MAX_BYTES plus 1 MiB. */
  let limit: number;
  const logged: { level: string; msg: string; obj: object }[] = [];
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "forecourt-hardening-"));
    const config = localServerConfig({
      FORECOURT_DATA_DIR: dataDir,
      MAX_REQUESTS_IN_FLIGHT: "2",
    });
    limit = 3 * config.gateway.maxUploadBytes + 1024 * 1024;
    const log = (level: string) => (obj: object, msg: string) => logged.push({ level, msg, obj });
    server = await startServer(config, {
      logger: { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") },
    });
  });
  afterAll(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const raw = (bytes: string) => rawHttp(server.url, bytes);

  it.each([
    ["a Host header that does not parse", "GET /graphql HTTP/1.1\r\nHost: a b\r\n", 400],
    [
      "non-JSON variables",
      "GET /graphql?query=%7B__typename%7D&variables=%00 HTTP/1.1\r\nHost: x\r\n",
      400,
    ],
    [
      "non-JSON extensions",
      "GET /graphql?query=%7B__typename%7D&extensions=nope HTTP/1.1\r\nHost: x\r\n",
      400,
    ],
    ["a target that is neither a path nor a URL", "GET graphql HTTP/1.1\r\nHost: x\r\n", 400],
    ["OPTIONS *", "OPTIONS * HTTP/1.1\r\nHost: x\r\n", 204],
  ])("%s answers %d with a JSON error and a code, never a stack", async (_, head, status) => {
    const answer = await raw(`${head}Connection: close\r\n\r\n`);
    expect(answer.status).toBe(status);
    expectNoInternals(answer.body);
    if (status !== 204) {
      expect(JSON.parse(answer.body).errors[0].extensions.code).toBe("BAD_REQUEST");
    }
  });

  it("a whole body over the limit is a 413 naming it: by Content-Length before it is read, chunked once past it", async () => {
    const declared = await raw(
      `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${limit + 1}\r\nConnection: close\r\n\r\n{}`,
    );
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).errors[0].extensions).toMatchObject({
      code: "REQUEST_ENTITY_TOO_LARGE",
      limit,
    });
    const query = JSON.stringify({ query: "{ __typename }" });
    const chunked = (body: string) =>
      raw(
        `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`,
      );
    const small = await chunked(query);
    expect(small.status).toBe(200);
    expect(JSON.parse(small.body).data).toEqual({ __typename: "Query" });
    // Padding inside the JSON text, so only its size is wrong.
    const large = await chunked(`${query.slice(0, -1)}${" ".repeat(limit)}}`);
    expect(large.status).toBe(413);
    expect(JSON.parse(large.body).errors[0].extensions.code).toBe("REQUEST_ENTITY_TOO_LARGE");
    const bad = await raw(
      "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1,1\r\nConnection: close\r\n\r\n{",
    );
    expect(bad.status).toBe(400);
  });

  it("an absolute-form target is served by its path", async () => {
    const answer = await raw(
      "GET http://elsewhere.example/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    expect(answer.status).toBe(200);
  });

  it("a body that is not JSON is a 400 that does not echo it", async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"query": "{ secret-looking-text',
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toContain("secret-looking-text");
    expect(JSON.parse(text).errors[0].extensions.code).toBe("BAD_REQUEST");
  });

  it("beyond MAX_REQUESTS_IN_FLIGHT a request is answered 503 with Retry-After at once, and the rest complete", async () => {
    const carcutter = server.emulators?.carcutter?.emulator;
    carcutter?.control.reset();
    carcutter?.control.script({
      operation: CARCUTTER.vehicle.name,
      fault: { kind: "latency", ms: 2000 },
      times: 2,
    });
    let settled = 0;
    const slow = (id: string) =>
      fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ vehicle(vehicleId: "${id}") { model } }` }),
      }).finally(() => settled++);
    const held = [slow(VIN), slow("WBA5R1C50KAE81715")];
    // Both are in flight once the emulator holds both their calls.
    await expect.poll(() => carcutter?.control.count(CARCUTTER.vehicle.name)).toBe(2);
    const third = await fetch(`${server.url}/graphql?query=%7B__typename%7D`, {
      headers: { "x-graphql-yoga-csrf": "1" },
    });
    expect(third.status).toBe(503);
    expect(third.headers.get("retry-after")).toBe("1");
    expect(JSON.parse(await third.text()).errors[0].extensions.code).toBe("OVERLOADED");
    // At once: answered while the two it waited behind were still held upstream.
    expect(settled).toBe(0);
    // Counted among the refusals, though it never reached the gateway's plugins.
    const scraped = await server.runtime.metrics.text();
    expect(scraped).toMatch(/^forecourt_operation_refusals_total\{reason="overload"\} 1$/m);
    // The adaptive concurrency limit, read at the scrape: both held requests worked on, none
    // waiting, and the limit no higher than the bound on requests in flight.
    expect(scraped).toMatch(/^forecourt_graphql_requests\{state="running"\} 2$/m);
    expect(scraped).toMatch(/^forecourt_graphql_requests\{state="waiting"\} 0$/m);
    expect(scraped).toMatch(/^forecourt_graphql_requests\{state="limit"\} 2$/m);
    expect((await Promise.all(held)).map((r) => r.status)).toEqual([200, 200]);
    await expect
      .poll(async () => await server.runtime.metrics.text())
      .toMatch(/^forecourt_graphql_requests\{state="running"\} 0$/m);
  });

  it("a client that goes away is not an error in the log", async () => {
    const carcutter = server.emulators?.carcutter?.emulator;
    carcutter?.control.reset();
    logged.splice(0);
    carcutter?.control.script({
      operation: CARCUTTER.vehicle.name,
      fault: { kind: "latency", ms: 5000 },
    });
    const leaving = new AbortController();
    const pending = fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ vehicle(vehicleId: "${VIN}") { model } }` }),
      signal: leaving.signal,
    }).catch(() => undefined);
    // The upstream call is under way when the client leaves: the path is taken.
    await expect.poll(() => carcutter?.control.count(CARCUTTER.vehicle.name)).toBe(1);
    leaving.abort();
    await pending;
    // The gateway is done with it once its access line is written (errors are logged before).
    await expect
      .poll(() => logged.filter((l) => l.msg === "graphql operation").length, { timeout: 5000 })
      .toBe(1);
    // Its line says why it ended: the client left (it said INTERNAL_SERVER_ERROR before).
    const line = logged.find((l) => l.msg === "graphql operation")?.obj as { outcome?: string };
    expect(line.outcome).toBe("CLIENT_GONE");
    expect(logged.filter((l) => l.level === "error")).toEqual([]);
    // At most the line saying the client went away (a query compiled on the way is no news of it).
    const debug = logged.filter((l) => l.level === "debug" && l.msg !== "query compiled");
    expect(debug.length).toBeLessThanOrEqual(1);
  });
});
