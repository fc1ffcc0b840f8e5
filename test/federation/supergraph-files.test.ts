import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import {
  COMPOSE_URLS,
  CompositionError,
  composeSupergraph,
  LOCAL_URLS,
  subgraphSdls,
} from "../../scripts/compose-supergraph.js";
import { printSubgraphSDL } from "../../src/schema.js";

/**
 * `npm run supergraph`'s output: composed by the Guild's library with no errors from the
 * committed subgraph SDLs, and committed as composition makes it now (as schema/ is for codegen).
 */

const read = (path: string) => readFile(new URL(`../../${path}`, import.meta.url), "utf8");

describe("the supergraph", () => {
  it.each([
    ["examples/supergraph/supergraph.graphql", LOCAL_URLS],
    ["deploy/supergraph.graphql", COMPOSE_URLS],
  ] as const)(
    "%s is what composing the subgraphs makes now (npm run supergraph)",
    async (path, urls) => {
      expect(await read(path)).toBe(await composeSupergraph(urls));
    },
  );

  it("joins Forecourt's Vehicle with the listings subgraph's by key, routing each to its URL", async () => {
    const sdl = await composeSupergraph(LOCAL_URLS);
    expect(sdl).toContain(`@join__graph(name: "forecourt", url: "${LOCAL_URLS.forecourt}")`);
    expect(sdl).toContain(`@join__graph(name: "listings", url: "${LOCAL_URLS.listings}")`);
    expect(sdl).toMatch(
      /type Vehicle implements Node @join__type\(graph: FORECOURT, key: "vehicleId"\) @join__type\(graph: LISTINGS, key: "vehicleId"/,
    );
    expect((await subgraphSdls()).forecourt).toBe(printSubgraphSDL());
  });

  it("a conflict between the subgraphs is reported as a composition error, every one named", async () => {
    const sdls = await subgraphSdls();
    const { composeServices, compositionHasErrors } = await import(
      "@theguild/federation-composition"
    );
    const { parse } = await import("graphql");
    // The listings subgraph declaring vehicleId as an Int clashes with Forecourt's String!.
    const clashing = sdls.listings.replace("vehicleId: String!", "vehicleId: Int!");
    expect(clashing).not.toBe(sdls.listings);
    const result = composeServices([
      { name: "forecourt", url: LOCAL_URLS.forecourt, typeDefs: parse(sdls.forecourt) },
      { name: "listings", url: LOCAL_URLS.listings, typeDefs: parse(clashing) },
    ]);
    expect(compositionHasErrors(result)).toBe(true);
    expect(new CompositionError(["x"]).message).toMatch(/does not compose/);
  });
});
