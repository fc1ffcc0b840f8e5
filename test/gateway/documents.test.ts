import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { jsonNesting, textNesting } from "../../src/gateway/document-bounds.js";
import { sha256, trustedDocumentsFrom } from "../../src/gateway/trusted-documents.js";
import { type RunningServer, startServer } from "../../src/server.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";
import { localServerConfig } from "../support/server.js";

/**
 * A document's size and nesting are bounded before anything parses or walks it: a document over
 * GRAPHQL_MAX_DOCUMENT_BYTES is a 413 DOCUMENT_TOO_LARGE, brackets or JSON nested past
 * GRAPHQL_MAX_NESTING a 400 NESTING_LIMIT_EXCEEDED (they were 500s: the parser, and the walks
 * over variables, ran out of stack), whichever way the request came: a JSON POST, a GET, a
 * multipart upload, or a trusted-documents gateway.
 */

const VIN = "WAUZZZ8K9BA123456";
const CSRF = { "x-graphql-yoga-csrf": "1" };

/** A list literal nested `depth` deep in a document: `{ images(urls: [[[…"http://a"…]]]) … }`. */
const deepList = (depth: number) =>
  `{ images(urls: ${"[".repeat(depth)}"http://a"${"]".repeat(depth)}) { url } }`;
/** JSON nested `depth` deep, as text (JSON.stringify itself overflows on such a value). */
const deepJson = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
/** A document of `bytes` bytes that reads one vehicle: it would make a CarCutter call. */
const vehicleQueryOf = (bytes: number) => {
  const head = `{ vehicle(vehicleId: "${VIN}") { model } } #`;
  return head + "x".repeat(bytes - head.length);
};

async function post(h: GatewayHarness, body: string, headers: Record<string, string> = {}) {
  const response = await h.fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  return { status: response.status, body: await response.text() };
}

async function get(h: GatewayHarness, query: string, variables?: string) {
  const search = new URLSearchParams({ query });
  if (variables !== undefined) search.set("variables", variables);
  const response = await h.fetch(`/graphql?${search}`, { headers: CSRF });
  return { status: response.status, body: await response.text() };
}

function errorOf(answer: { body: string }) {
  const { errors } = JSON.parse(answer.body) as {
    errors: { message: string; extensions: Record<string, unknown> }[];
  };
  expect(errors).toHaveLength(1);
  return errors[0] as (typeof errors)[number];
}

function expectNoStack(text: string): void {
  expect(text).not.toMatch(/\n\s+at |node_modules|\/work\/|\.ts:\d|\.js:\d|RangeError/);
}

describe("document size and nesting, with the default limits", () => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await startGateway();
  });
  afterAll(() => h.close());

  it("a document one byte over 64 KiB is a 413 DOCUMENT_TOO_LARGE by POST and by GET, with no upstream call", async () => {
    h.carcutter.control.reset();
    const text = vehicleQueryOf(64 * 1024 + 1);
    for (const answer of [await post(h, JSON.stringify({ query: text })), await get(h, text)]) {
      expect(answer.status).toBe(413);
      const error = errorOf(answer);
      expect(error.extensions).toMatchObject({ code: "DOCUMENT_TOO_LARGE", limit: 65536 });
      expect(error.message).toMatch(/65537 bytes.*65536.*GRAPHQL_MAX_DOCUMENT_BYTES/);
    }
    expect(h.carcutter.control.counts()).toEqual({});
  });

  it("a document of exactly 64 KiB is parsed and answered", async () => {
    h.carcutter.control.reset();
    const answer = await post(h, JSON.stringify({ query: vehicleQueryOf(64 * 1024) }));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ data: { vehicle: { model: "A4" } } });
    expect(h.carcutter.control.count(CARCUTTER.vehicle.name)).toBe(1);
  });

  it("the size is counted in UTF-8 bytes, not characters", async () => {
    // 22,000 euro signs: 22,000 characters, 66,000 bytes.
    const text = `{ __typename } # ${"€".repeat(22_000)}`;
    const answer = await post(h, JSON.stringify({ query: text }));
    expect(answer.status).toBe(413);
    expect(errorOf(answer).extensions.code).toBe("DOCUMENT_TOO_LARGE");
  });

  it("a list literal nested 5,000 deep is a 400 NESTING_LIMIT_EXCEEDED by POST and by GET, not a 500", async () => {
    for (const answer of [
      await post(h, JSON.stringify({ query: deepList(5000) })),
      await get(h, deepList(5000)),
    ]) {
      expect(answer.status).toBe(400);
      expect(errorOf(answer).extensions).toMatchObject({
        code: "NESTING_LIMIT_EXCEEDED",
        limit: 64,
        in: "document",
      });
      expectNoStack(answer.body);
    }
  });

  it("variables nested 20,000 deep are a 400 NESTING_LIMIT_EXCEEDED by POST, GET and multipart, not a 500", async () => {
    const query = "{ __typename }";
    const form = new FormData();
    form.append("operations", `{"query":"${query}","variables":${deepJson(20_000)}}`);
    form.append("map", "{}");
    const multipart = await h.fetch("/graphql", { method: "POST", body: form, headers: CSRF });
    const answers = [
      await post(h, `{"query":"${query}","variables":${deepJson(20_000)}}`),
      await get(h, query, deepJson(20_000)),
      { status: multipart.status, body: await multipart.text() },
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(errorOf(answer).extensions).toMatchObject({
        code: "NESTING_LIMIT_EXCEEDED",
        limit: 64,
        in: "variables",
      });
      expectNoStack(answer.body);
    }
  });

  it("extensions nested 20,000 deep are a 400 NESTING_LIMIT_EXCEEDED", async () => {
    const answer = await post(h, `{"query":"{ __typename }","extensions":${deepJson(20_000)}}`);
    expect(answer.status).toBe(400);
    expect(errorOf(answer).extensions).toMatchObject({
      code: "NESTING_LIMIT_EXCEEDED",
      in: "extensions",
    });
  });

  it("variables nested 64 deep are accepted, 65 deep refused", async () => {
    const at = await post(h, `{"query":"{ __typename }","variables":${deepJson(64)}}`);
    expect(at.status).toBe(200);
    expect(JSON.parse(at.body)).toEqual({
      data: { __typename: "Query" },
      extensions: expect.anything(),
    });
    const past = await post(h, `{"query":"{ __typename }","variables":${deepJson(65)}}`);
    expect(past.status).toBe(400);
    expect(errorOf(past).extensions.code).toBe("NESTING_LIMIT_EXCEEDED");
  });

  it("a normal query still answers after all of them", async () => {
    const answer = await post(
      h,
      JSON.stringify({ query: `{ vehicle(vehicleId: "${VIN}") { model } }` }),
    );
    expect(JSON.parse(answer.body)).toMatchObject({ data: { vehicle: { model: "A4" } } });
  });
});

describe("the limits are configurable", () => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await startGateway({
      gatewayEnv: { GRAPHQL_MAX_DOCUMENT_BYTES: "100", GRAPHQL_MAX_NESTING: "3" },
    });
  });
  afterAll(() => h.close());

  it("GRAPHQL_MAX_DOCUMENT_BYTES and GRAPHQL_MAX_NESTING set them", async () => {
    const large = await post(h, JSON.stringify({ query: `{ __typename } # ${"x".repeat(100)}` }));
    expect(large.status).toBe(413);
    expect(errorOf(large).extensions).toMatchObject({ code: "DOCUMENT_TOO_LARGE", limit: 100 });
    const deep = await post(h, JSON.stringify({ query: deepList(2) }));
    expect(errorOf(deep).extensions).toMatchObject({ code: "NESTING_LIMIT_EXCEEDED", limit: 3 });
    const fits = await post(h, JSON.stringify({ query: deepList(1) }));
    expect(fits.status).toBe(200);
  });
});

describe("with trusted documents only", () => {
  const trustedText = "query Typename { __typename }";
  const trustedDocuments = trustedDocumentsFrom({ [`sha256:${sha256(trustedText)}`]: trustedText });
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await startGateway({ gatewayEnv: { TRUSTED_DOCUMENTS_ONLY: "true" }, trustedDocuments });
  });
  afterAll(() => h.close());

  it("a text over the limit is refused for its size before it is hashed or parsed", async () => {
    const answer = await post(h, JSON.stringify({ query: vehicleQueryOf(1024 * 1024) }));
    expect(answer.status).toBe(413);
    expect(errorOf(answer).extensions.code).toBe("DOCUMENT_TOO_LARGE");
  });

  it("deep variables are refused before the trusted document runs", async () => {
    const extensions = `{"persistedQuery":{"version":1,"sha256Hash":"${sha256(trustedText)}"}}`;
    const answer = await post(h, `{"extensions":${extensions},"variables":${deepJson(20_000)}}`);
    expect(answer.status).toBe(400);
    expect(errorOf(answer).extensions.code).toBe("NESTING_LIMIT_EXCEEDED");
    const ok = await post(h, `{"extensions":${extensions}}`);
    expect(JSON.parse(ok.body)).toMatchObject({ data: { __typename: "Query" } });
  });

  it("a manifest holding a document over the limit stops the gateway from starting, naming it", async () => {
    await expect(
      startGateway({
        beside: h,
        gatewayEnv: { TRUSTED_DOCUMENTS_ONLY: "true", GRAPHQL_MAX_DOCUMENT_BYTES: "10" },
        trustedDocuments,
      }),
    ).rejects.toThrow(
      new RegExp(
        `TRUSTED_DOCUMENTS_PATH: document ${sha256(trustedText)}: .*GRAPHQL_MAX_DOCUMENT_BYTES`,
      ),
    );
  });
});

describe("over graphql-ws, where no onParams hook runs", () => {
  let server: RunningServer;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "forecourt-documents-ws-"));
    server = await startServer(
      localServerConfig({ FORECOURT_DATA_DIR: dataDir, LOG_LEVEL: "silent" }),
    );
  });
  afterAll(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const outcomeOf = async (query: string) => {
    const client = createClient({
      url: `${server.url.replace(/^http/, "ws")}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    try {
      return await new Promise<unknown>((resolve) => {
        client.subscribe(
          { query },
          {
            next: (value) => resolve({ next: value }),
            error: (error) => resolve({ error }),
            complete: () => resolve("complete"),
          },
        );
      });
    } finally {
      await client.dispose();
    }
  };

  it("a list nested 5,000 deep is refused naming the nesting limit, not a stack overflow", async () => {
    const query = `subscription { imageUpdated(urls: ${"[".repeat(5000)}"http://a"${"]".repeat(5000)}) { url } }`;
    expect(await outcomeOf(query)).toMatchObject({
      error: [{ extensions: { code: "NESTING_LIMIT_EXCEEDED", limit: 64 } }],
    });
  });

  it("a subscription document over 64 KiB is refused for its size, not subscribed", async () => {
    const query = `subscription { imageUpdated(vehicleId: "${VIN}") { url } } #${"x".repeat(70_000)}`;
    expect(await outcomeOf(query)).toMatchObject({
      error: [{ extensions: { code: "DOCUMENT_TOO_LARGE", limit: 65536 } }],
    });
  });
});

describe("the nesting scans", () => {
  it("count brackets as graphql's lexer reads them: strings, block strings and comments aside", () => {
    expect(textNesting("{ a(b: [[1]]) }", 99)).toBe(4);
    expect(textNesting('{ a(b: "[[[[") }', 99)).toBe(2);
    expect(textNesting('{ a(b: "\\"[[[[") }', 99)).toBe(2);
    expect(textNesting('{ a(b: """[[ \\""" [[ """) }', 99)).toBe(2);
    expect(textNesting("{ a # [[[[\n b }", 99)).toBe(1);
    // The lexer stops a string at a line end: the brackets after it are counted.
    expect(textNesting('{ a(b: "x\n[[[") }', 99)).toBe(5);
    // Stops once past the limit.
    expect(textNesting("[".repeat(1_000_000), 10)).toBe(11);
  });

  it("count JSON levels with a stack of their own", () => {
    expect(jsonNesting(1, 9)).toBe(0);
    expect(jsonNesting({}, 9)).toBe(1);
    expect(jsonNesting({ a: [1, { b: [] }], c: {} }, 9)).toBe(4);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(jsonNesting(deep, 64)).toBe(65);
  });
});
