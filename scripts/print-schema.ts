import { writeFile } from "node:fs/promises";
import { printSchemaSDL, printSubgraphSDL } from "../src/schema.js";

/**
 * Writes schema/schema.graphql from the Pothos schema, and schema/subgraph.graphql, the SDL the
 * subgraph mode (FEDERATION=true) answers `_service { sdl }` with and `npm run supergraph`
 * composes; the first step of `npm run codegen`.
 */
for (const [file, sdl] of [
  ["schema.graphql", printSchemaSDL()],
  ["subgraph.graphql", printSubgraphSDL()],
] as const) {
  const target = new URL(`../schema/${file}`, import.meta.url);
  await writeFile(target, sdl);
  console.log(`wrote ${target.pathname}`);
}
