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
    const response = await h.fetch("/graphql", { headers: { accept: "text/html" } });
    // No other site may frame it (clickjacking): its requests pass CSRF prevention.
    expect(response.headers.get("content-security-policy")).toBe("frame-ancestors 'none'");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    const page = await response.text();
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
