import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { sha256, trustedDocumentsFrom } from "../../src/gateway/trusted-documents.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";

/**
 * Where GraphiQL is off (production's default, trusted-documents mode), a browser opening
 * /graphql is told so and how to turn it on; GRAPHIQL=true brings introspection along, so the
 * Docs pane works, unless GRAPHQL_INTROSPECTION=false, which GraphiQL's first tab then explains.
 */

const BROWSER = { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } };
const INTROSPECT = "{ __schema { queryType { name } } }";

async function withGateway(
  env: Record<string, string>,
  run: (h: GatewayHarness) => Promise<void>,
  extra: Parameters<typeof startGateway>[0] = {},
): Promise<void> {
  const h = await startGateway({ ...extra, gatewayEnv: env });
  try {
    await run(h);
  } finally {
    await h.close();
  }
}

describe("GraphiQL's settings", () => {
  it("with NODE_ENV=production, a browser opening /graphql is told GraphiQL is off and how to turn it on, not 403", async () => {
    await withGateway({ NODE_ENV: "production" }, async (h) => {
      const page = await h.fetch("/graphql", BROWSER);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toMatch(/^text\/html/);
      const text = await page.text();
      expect(text).toMatch(/GraphiQL is off/);
      expect(text).toMatch(/GRAPHIQL=true/);
      expect(text).not.toMatch(/YogaGraphiQL/);
      // Only the page: an API GET without a CSRF header is refused as before.
      const get = await h.fetch(`/graphql?query=${encodeURIComponent("{ __typename }")}`);
      expect(get.status).toBe(403);
      expect((await h.execute("{ __typename }")).data).toEqual({ __typename: "Query" });
    });
  });

  it("with TRUSTED_DOCUMENTS_ONLY, the page says that trusted-documents mode is why", async () => {
    const trustedDocuments = trustedDocumentsFrom({ [sha256("{ __typename }")]: "{ __typename }" });
    await withGateway(
      { TRUSTED_DOCUMENTS_ONLY: "true" },
      async (h) => {
        const text = await (await h.fetch("/graphql", BROWSER)).text();
        expect(text).toMatch(/GraphiQL is off: TRUSTED_DOCUMENTS_ONLY=true/);
      },
      { trustedDocuments },
    );
  });

  it("NODE_ENV=production with GRAPHIQL=true serves GraphiQL with introspection for its Docs pane", async () => {
    await withGateway({ NODE_ENV: "production", GRAPHIQL: "true" }, async (h) => {
      const page = await h.fetch("/graphql", BROWSER);
      expect(await page.text()).toMatch(/YogaGraphiQL/);
      const introspection = await h.execute<{ __schema: { queryType: { name: string } } }>(
        INTROSPECT,
      );
      expect(introspection.errors).toBeUndefined();
      expect(introspection.data?.__schema.queryType.name).toBe("Query");
    });
  });

  it("GRAPHIQL=true with GRAPHQL_INTROSPECTION=false keeps introspection off, and GraphiQL's first tab says why the Docs pane is empty", async () => {
    await withGateway(
      { NODE_ENV: "production", GRAPHIQL: "true", GRAPHQL_INTROSPECTION: "false" },
      async (h) => {
        const page = await (await h.fetch("/graphql", BROWSER)).text();
        expect(page).toMatch(/Introspection is off here \(GRAPHQL_INTROSPECTION=false\)/);
        const introspection = await h.execute(INTROSPECT);
        expect(introspection.errors?.[0]?.extensions?.code).toBe("INTROSPECTION_DISABLED");
      },
    );
  });

  it.each([
    [{}, { graphiql: true, introspection: true }],
    [{ NODE_ENV: "production" }, { graphiql: false, introspection: false }],
    [
      { NODE_ENV: "production", GRAPHIQL: "true" },
      { graphiql: true, introspection: true },
    ],
    [
      { NODE_ENV: "production", GRAPHIQL: "true", GRAPHQL_INTROSPECTION: "false" },
      { graphiql: true, introspection: false },
    ],
    [
      { NODE_ENV: "production", GRAPHQL_INTROSPECTION: "true" },
      { graphiql: false, introspection: true },
    ],
    // Off in development, GraphiQL takes nothing else with it (codegen introspects).
    [{ GRAPHIQL: "false" }, { graphiql: false, introspection: true }],
    [
      { GRAPHIQL: "false", GRAPHQL_INTROSPECTION: "false" },
      { graphiql: false, introspection: false },
    ],
  ])("the environment %j gives %j", (env, expected) => {
    const { graphiql, introspection } = loadConfig(env).gateway;
    expect({ graphiql, introspection }).toEqual(expected);
  });
});
