import { writeFile } from "node:fs/promises";
import { COMPOSE_URLS, composeSupergraph, LOCAL_URLS } from "./compose-supergraph.js";

/**
 * `npm run supergraph`: composes Forecourt's subgraph (schema/subgraph.graphql; `npm run codegen`
 * prints it) with the example listings subgraph, and writes the supergraph Hive Gateway serves:
 * examples/supergraph/supergraph.graphql for the README's processes on 127.0.0.1, and
 * deploy/supergraph.graphql for deploy/compose.yaml's services.
 */
for (const [path, urls] of [
  ["../examples/supergraph/supergraph.graphql", LOCAL_URLS],
  ["../deploy/supergraph.graphql", COMPOSE_URLS],
] as const) {
  const target = new URL(path, import.meta.url);
  await writeFile(target, await composeSupergraph(urls));
  console.log(`wrote ${target.pathname}`);
}
console.log("composed with no errors (@theguild/federation-composition reports no hints)");
