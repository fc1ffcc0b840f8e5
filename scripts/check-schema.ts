import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { type Acknowledgement, compareSchemas, SDL_BUILDERS } from "./schema-changes.js";

/**
 * `npm run schema:check -- <git ref>` (default HEAD~1): fails when schema/schema.graphql, or the
 * subgraph SDL that routers compose (schema/subgraph.graphql, FEDERATION=true), has a breaking
 * change against that ref that schema/acknowledged-breaking-changes.json does not list.
 */

const ref = process.argv[2] ?? "HEAD~1";
const root = new URL("../", import.meta.url);
const acknowledged = JSON.parse(
  await readFile(new URL("schema/acknowledged-breaking-changes.json", root), "utf8"),
) as Acknowledgement[];

let unacknowledged = 0;
for (const [name, build] of Object.entries(SDL_BUILDERS)) {
  const path = `schema/${name}.graphql`;
  let previous: string;
  try {
    previous = execFileSync("git", ["show", `${ref}:${path}`], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch {
    console.log(`schema:check: ${ref} has no ${path}; nothing to compare.`);
    continue;
  }
  const current = await readFile(new URL(path, root), "utf8");
  const result = await compareSchemas(previous, current, acknowledged, build);
  const list = (title: string, items: string[]) => {
    if (items.length > 0) console.log(`${title}:\n${items.map((i) => `  - ${i}`).join("\n")}`);
  };
  console.log(`schema:check ${path} against ${ref}`);
  list("breaking", result.breaking);
  list("dangerous", result.dangerous);
  list("safe", result.safe);
  if (result.unacknowledged.length > 0) {
    unacknowledged += result.unacknowledged.length;
    console.error(
      `\n${path}: ${result.unacknowledged.length} breaking change(s) not acknowledged. Typed clients (and, for the subgraph, the supergraph) built from ${ref} would break.\nEither keep the schema compatible, or add each change with a reason to schema/acknowledged-breaking-changes.json:\n${result.unacknowledged.map((c) => `  { "change": ${JSON.stringify(c)}, "reason": "…" }`).join(",\n")}`,
    );
  }
}
if (unacknowledged > 0) process.exit(1);
console.log("no unacknowledged breaking changes");
