import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import { parse } from "graphql";
import { createYoga, type Plugin } from "graphql-yoga";
import { describe, expect, it } from "vitest";
import { documentBytes, useDocumentCache } from "../../src/gateway/document-cache.js";
import { schema } from "../../src/schema.js";

/**
 * The document cache (src/gateway/document-cache.ts) keeps a parsed document only once it has passed
 * validation, and within its bytes as well as its entries. Parses are counted by wrapping the
 * parser: a document served from the cache is not parsed again.
 */

function gatewayWithCache(cache: Parameters<typeof useDocumentCache>[0]) {
  let parses = 0;
  let validations = 0;
  const counting: Plugin = {
    onParse({ parseFn, setParseFn }) {
      setParseFn((source, options) => {
        parses++;
        return parseFn(source, options);
      });
    },
    onValidate({ validateFn, setValidationFn }) {
      setValidationFn((...args) => {
        validations++;
        return validateFn(...args);
      });
    },
  };
  const yoga = createYoga({
    schema,
    logging: false,
    parserAndValidationCache: false,
    // Counting wraps the token limit's parser, which replaces graphql's.
    plugins: [
      maxTokensPlugin({ n: 50 }),
      maxDepthPlugin({ n: 3 }),
      counting,
      useDocumentCache(cache),
    ],
  });
  const send = async (query: string) => {
    const response = await yoga.fetch("http://gateway.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data?: unknown; errors?: unknown[] };
  };
  return { send, counts: () => ({ parses, validations }) };
}

const ROOMY = { maxEntries: 100, maxBytes: 1024 * 1024 };

describe("the document cache", () => {
  it("a document that passed validation is neither parsed nor validated again", async () => {
    const g = gatewayWithCache(ROOMY);
    for (let i = 0; i < 3; i++) {
      expect(await g.send("{ __typename }")).toEqual({ data: { __typename: "Query" } });
    }
    expect(g.counts()).toEqual({ parses: 1, validations: 1 });
  });

  it("refused documents are not kept: a parse error, the token limit, the depth limit, an unknown field", async () => {
    const g = gatewayWithCache(ROOMY);
    const refused = [
      "{ __typename",
      `{ ${"__typename ".repeat(60)}}`,
      '{ vehicle(vehicleId: "V") { features { vehicle { features { title } } } } }',
      "{ nope }",
    ];
    for (const query of refused) {
      for (let i = 0; i < 3; i++) expect((await g.send(query)).errors).toHaveLength(1);
    }
    // Each refused document is parsed every time it comes; the two that parse are validated again.
    expect(g.counts()).toEqual({ parses: 12, validations: 6 });
  });

  it("holds no more bytes than its bound: the oldest documents go", async () => {
    const text = (n: number) => `query Q${n} { __typename }`;
    const oneDocument = documentBytes(text(10), parse(text(10)));
    const g = gatewayWithCache({ maxEntries: 100, maxBytes: 8 * oneDocument });
    for (let n = 10; n < 30; n++) await g.send(text(n));
    expect(g.counts().parses).toBe(20);
    // The last eight are still held; the first was dropped long ago.
    for (let n = 22; n < 30; n++) await g.send(text(n));
    expect(g.counts().parses).toBe(20);
    await g.send(text(10));
    expect(g.counts().parses).toBe(21);
  });

  it("holds no more entries than its bound", async () => {
    const g = gatewayWithCache({ maxEntries: 2, maxBytes: 1024 * 1024 });
    for (const n of [1, 2, 3, 3, 2, 1]) await g.send(`query Q${n} { __typename }`);
    // 1, 2, 3 parsed; 3 and 2 held; 1 was dropped for 3.
    expect(g.counts().parses).toBe(4);
  });

  it("estimates a parsed document by its tokens and text", () => {
    const small = "{ __typename }";
    const large = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: __typename`).join(" ")} }`;
    expect(documentBytes(small, parse(small))).toBeLessThan(2_000);
    // 600 tokens: some 200 KB parsed, whatever the text's length.
    expect(documentBytes(large, parse(large))).toBeGreaterThan(200_000);
    const noLocation = parse(large, { noLocation: true });
    expect(documentBytes(large, noLocation)).toBe(64 * large.length);
  });
});
