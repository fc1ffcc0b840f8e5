import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_QUERY } from "../../src/gateway/graphiql-page.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";

let h: GatewayHarness;
beforeAll(async () => {
  h = await startGateway();
});
afterAll(() => h.close());

describe("GraphiQL", () => {
  it("opens with the example query, which runs without errors", async () => {
    const page = await (await h.fetch("/graphql", { headers: { accept: "text/html" } })).text();
    expect(page).toContain("<title>Forecourt</title>");
    expect(page).toContain("query Showroom");
    const result = await h.execute<{ vehicles: { edges: unknown[] }; images: unknown[] }>(
      EXAMPLE_QUERY,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.vehicles.edges).toHaveLength(5);
    expect(result.data?.images).toHaveLength(2);
  });
});
