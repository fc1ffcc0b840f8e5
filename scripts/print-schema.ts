import { writeFile } from "node:fs/promises";
import { printSchemaSDL } from "../src/schema.js";

/** Writes schema/schema.graphql from the Pothos schema; the first step of `npm run codegen`. */
const target = new URL("../schema/schema.graphql", import.meta.url);
await writeFile(target, printSchemaSDL());
console.log(`wrote ${target.pathname}`);
