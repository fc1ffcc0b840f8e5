import { readFile } from "node:fs/promises";
import { composeServices, compositionHasErrors } from "@theguild/federation-composition";
import { graphqlSync, parse } from "graphql";
import { listingsSchema } from "../examples/dealer-listings/listings.js";

/**
 * Composes the README's supergraph with the Guild's composition library (what Hive uses):
 * Forecourt's subgraph SDL as committed (schema/subgraph.graphql, its `_service { sdl }`) and the
 * example listings subgraph's, each routed to the URL given.
 */

export interface SubgraphUrls {
  forecourt: string;
  listings: string;
}

/** Where each subgraph is reached: the README's processes, and deploy/compose.yaml's services. */
export const LOCAL_URLS: SubgraphUrls = {
  forecourt: "http://127.0.0.1:4000/graphql",
  listings: "http://127.0.0.1:4002/graphql",
};
export const COMPOSE_URLS: SubgraphUrls = {
  forecourt: "http://forecourt-subgraph:4000/graphql",
  listings: "http://listings:4002/graphql",
};

export class CompositionError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The supergraph does not compose:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "CompositionError";
  }
}

export async function subgraphSdls(): Promise<{ forecourt: string; listings: string }> {
  const forecourt = await readFile(new URL("../schema/subgraph.graphql", import.meta.url), "utf8");
  const result = graphqlSync({ schema: listingsSchema(), source: "{ _service { sdl } }" });
  const listings = (result.data?._service as { sdl?: string } | undefined)?.sdl;
  if (typeof listings !== "string") throw new Error("the listings subgraph answered no SDL");
  return { forecourt, listings };
}

/** The supergraph SDL; throws CompositionError with every error the composer reports. */
export async function composeSupergraph(urls: SubgraphUrls): Promise<string> {
  const sdls = await subgraphSdls();
  const result = composeServices(
    (["forecourt", "listings"] as const).map((name) => ({
      name,
      url: urls[name],
      typeDefs: parse(sdls[name]),
    })),
  );
  if (compositionHasErrors(result)) {
    throw new CompositionError(result.errors.map((e) => `${e.extensions.code}: ${e.message}`));
  }
  return `${result.supergraphSdl.trimEnd()}\n`;
}
