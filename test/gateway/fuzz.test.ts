import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/server.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";
import { rawHttp } from "../support/raw-http.js";
import { localServerConfig } from "../support/server.js";

/**
 * Property: whatever a client sends, the gateway answers (documents and variables nested tens of
 * thousands deep among it). No 5xx but an intended 503/504, no
 * stack or install path in any body, every JSON body parses and each of its errors carries a
 * code, and a normal query still answers
 * afterwards. 10,000 generated requests and operations through the gateway, plus a fixed corpus
 * of requests that once broke it, some over a raw socket. Traffic stays on 127.0.0.1.
 */

const RUNS = 10_000;
const VIN = "WAUZZZ8K9BA123456";

function expectSafe(status: number, contentType: string | null, body: string): void {
  expect([500, 501, 502, 505].includes(status), `status ${status}: ${body.slice(0, 200)}`).toBe(
    false,
  );
  // GraphiQL's page inlines its own bundled code (source-map paths, error texts, file names):
  // there only this machine's install path would be a leak.
  const graphiqlPage =
    status === 200 && /^\s*<!doctype html>[\s\S]*<title>Forecourt<\/title>/i.test(body);
  const leak = graphiqlPage
    ? new RegExp(process.cwd().replaceAll("/", "\\/"))
    : /\n\s+at |node_modules|\/work\/|\.[jt]s:\d+:\d+/;
  expect(body, body.slice(0, 300)).not.toMatch(leak);
  if (contentType?.includes("json") && body !== "") {
    expect(() => JSON.parse(body), body.slice(0, 200)).not.toThrow();
    const { errors } = JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] };
    for (const error of errors ?? []) {
      expect(typeof error.extensions?.code, body.slice(0, 300)).toBe("string");
    }
  }
}

/**
 * What an event stream sent within a moment (a subscription may stay open), then cancelled.
 * Cancelling in-process can hit yoga's SSE cancel before its stream started (it reads an iterator
 * not yet set); over a socket a client leaving early is handled, so that throw is ignored here.
 */
async function firstEvents(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  let text = "";
  const decoder = new TextDecoder();
  const until = Date.now() + 200;
  while (Date.now() < until) {
    const next = await Promise.race([
      reader.read(),
      new Promise<undefined>((resolve) => setTimeout(resolve, until - Date.now())),
    ]);
    if (next === undefined || next.done) break;
    text += decoder.decode(next.value, { stream: true });
  }
  await reader.cancel().catch(() => undefined);
  return text.replace(/^data: /gm, "");
}

/** Documents: valid, deep, wide, aliased, with directives, fragments, or broken mid-way. */
const fieldName = fc.constantFrom(
  "vehicle",
  "vehicles",
  "images",
  "image",
  "feature",
  "stockSearch",
  "__typename",
  "__schema",
  "nope",
  "features",
  "model",
);
const argument = fc.oneof(
  fc.constant(`(vehicleId: "${VIN}")`),
  fc.constant('(url: "https://photos.example.com/fuzz/1.jpg")'),
  fc.constant("(first: 3)"),
  fc.constant("(first: -1)"),
  fc.constant("(vehicleId: $v)"),
  fc.constant(""),
  fc.string({ maxLength: 12 }).map((s) => `(x: ${JSON.stringify(s)})`),
);
const selection: fc.Arbitrary<string> = fc.letrec<{ sel: string }>((tie) => ({
  sel: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fieldName,
    fc.tuple(fieldName, argument, tie("sel")).map(([f, a, s]) => `${f}${a} { ${s} }`),
    fc.tuple(tie("sel"), tie("sel")).map(([a, b]) => `${a} ${b}`),
    fc.tuple(fc.nat(20), fieldName).map(([n, f]) => `a${n}: ${f}`),
    fc
      .tuple(fieldName, fc.constantFrom("@skip(if: true)", "@include(if: $flag)", "@nope"))
      .map(([f, d]) => `${f} ${d}`),
    fc.constant("... on Query { __typename }"),
  ),
})).sel;
const document = fc.oneof(
  selection.map((s) => `{ ${s} }`),
  selection.map((s) => `query Q($v: String!, $flag: Boolean) { ${s} }`),
  selection.map((s) => `mutation { ${s} }`),
  selection.map((s) => `subscription { ${s} }`),
  fc.nat(4000).map((n) => `${"{a".repeat(n)}${"}".repeat(n)}`),
  // Values nested deep: lists, input objects, or both, past the parser's stack.
  fc
    .tuple(fc.nat(8000), fc.constantFrom(["[", "]"], ["{a:", "}"], ["[{a:", "}]"]))
    .map(
      ([n, [open, close]]) =>
        `{ images(urls: ${open.repeat(n)}"http://a"${close.repeat(n)}) { url } }`,
    ),
  fc
    .nat(600)
    .map((n) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(" ")} }`),
  fc.string({ maxLength: 200 }),
  selection.map((s) => `{ ${s}`),
);
const variables = fc.oneof(
  fc.constant(undefined),
  fc.constant({ v: VIN, flag: true }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.constant({ v: 12, flag: "yes" }),
);

const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "application/graphql-response+json",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "text/plain",
  "application/octet-stream",
  "",
);
const accept = fc.constantFrom(
  "application/json",
  "application/graphql-response+json",
  "text/event-stream",
  "text/html",
  "*/*",
  "",
);

/** One generated request: an operation as a client would send it, or bytes that are not one. */
const request = fc.oneof(
  fc.record({
    method: fc.constant("POST"),
    path: fc.constant("/graphql"),
    contentType,
    accept,
    body: fc.oneof(
      fc.tuple(document, variables).map(([query, v]) => JSON.stringify({ query, variables: v })),
      fc.string({ maxLength: 300 }),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc.constant('{"query": "{ __typ'),
      fc.constant('{"query": 1, "variables": []}'),
      // Variables or extensions nested deep (written out: JSON.stringify would overflow first).
      fc
        .tuple(fc.nat(30_000), fc.constantFrom("variables", "extensions"), fc.boolean())
        .map(([n, part, list]) => {
          const [open, close] = list ? ["[", "]"] : ['{"a":', "}"];
          return `{"query":"{ __typename }","${part}":{"a":${open.repeat(n)}1${close.repeat(n)}}}`;
        }),
    ),
    csrf: fc.boolean(),
  }),
  fc.record({
    method: fc.constantFrom("GET", "DELETE", "PUT", "OPTIONS", "PATCH"),
    path: fc.oneof(
      document.map((q) => `/graphql?query=${encodeURIComponent(q)}`),
      fc
        .tuple(document, fc.string({ maxLength: 40 }))
        .map(
          ([q, v]) => `/graphql?query=${encodeURIComponent(q)}&variables=${encodeURIComponent(v)}`,
        ),
      fc
        .tuple(fc.nat(30_000), fc.boolean())
        .map(
          ([n, list]) =>
            `/graphql?query=%7B__typename%7D&variables=${encodeURIComponent(`{"a":${list ? `${"[".repeat(n)}1${"]".repeat(n)}` : `${'{"a":'.repeat(n)}1${"}".repeat(n)}`}}`)}`,
        ),
      fc.constantFrom("/", "/health", "/ready", "/results/x", "/webhooks/carcutter", "/nowhere"),
    ),
    contentType,
    accept,
    body: fc.constant(undefined),
    csrf: fc.boolean(),
  }),
);

describe("fuzz: no request takes the gateway down", () => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await startGateway({ gatewayEnv: { REQUEST_TIMEOUT_MS: "2000" } });
  });
  afterAll(() => h.close());

  it(`${RUNS} generated requests and operations are all answered safely`, async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const headers: Record<string, string> = {};
        if (r.contentType !== "") headers["content-type"] = r.contentType;
        if (r.accept !== "") headers.accept = r.accept;
        if (r.csrf) headers["x-graphql-yoga-csrf"] = "1";
        const response = await h.fetch(r.path, {
          method: r.method,
          headers,
          ...(r.body === undefined ? {} : { body: r.body }),
        });
        const type = response.headers.get("content-type");
        const body = type?.includes("event-stream")
          ? await firstEvents(response)
          : await response.text();
        expectSafe(response.status, type, body);
      }),
      { numRuns: RUNS, seed: 20261201, endOnFailure: true },
    );
    const after = await h.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ vehicle(vehicleId: "${VIN}") { model } }` }),
    });
    expect(await after.json()).toMatchObject({ data: { vehicle: { model: "A4" } } });
  }, 240_000);
});

describe("the fixed corpus, over a raw socket", () => {
  let server: RunningServer;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "forecourt-fuzz-"));
    server = await startServer(
      localServerConfig({
        FORECOURT_DATA_DIR: dataDir,
        LOG_LEVEL: "silent",
      }),
    );
  });
  afterAll(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const raw = (bytes: string) => rawHttp(server.url, bytes);

  const close = "Connection: close\r\n\r\n";
  const corpus = [
    `GET /graphql HTTP/1.1\r\nHost: a b\r\n${close}`,
    `GET http://evil.example/graphql?query=%7B__typename%7D HTTP/1.1\r\nHost: x\r\n${close}`,
    `OPTIONS * HTTP/1.1\r\nHost: x\r\n${close}`,
    `GET /graphql?query=%7B__typename%7D&variables=%00 HTTP/1.1\r\nHost: x\r\n${close}`,
    `GET /graphql?query=%7B__typename%7D&extensions=nope HTTP/1.1\r\nHost: x\r\n${close}`,
    `GET graphql HTTP/1.1\r\nHost: x\r\n${close}`,
    `BREW /graphql HTTP/1.1\r\nHost: x\r\n${close}`,
    "GET /graphql HTTP/9.9\r\nHost: x\r\n\r\n",
    `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\n${close}{"que`,
    `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 9\r\n${close}query=%7B`,
    "\x00\x01\x02 garbage\r\n\r\n",
  ];

  it.each(corpus.map((bytes) => [JSON.stringify(bytes.slice(0, 60)), bytes]))(
    "%s is answered with a 4xx or 2xx, never a stack",
    async (_, bytes) => {
      const answer = await raw(bytes);
      expect(answer.status).toBeGreaterThanOrEqual(200);
      expect(answer.status).toBeLessThan(500);
      const contentType = /content-type: ([^\r\n]+)/i.exec(answer.head)?.[1] ?? null;
      expectSafe(answer.status, contentType, answer.body);
    },
  );

  it("still answers a normal query after the corpus", async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(await response.json()).toMatchObject({ data: { __typename: "Query" } });
  });
});
