import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { type Acknowledgement, compareSchemas } from "./schema-changes.js";

/**
 * `npm run schema:check -- <git ref>` (default HEAD~1): fails when schema/schema.graphql has a
 * breaking change against that ref that schema/acknowledged-breaking-changes.json does not list.
 */

const ref = process.argv[2] ?? "HEAD~1";
const root = new URL("../", import.meta.url);

let previous: string;
try {
  previous = execFileSync("git", ["show", `${ref}:schema/schema.graphql`], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
} catch {
  console.log(`schema:check: ${ref} has no schema/schema.graphql; nothing to compare.`);
  process.exit(0);
}
const current = await readFile(new URL("schema/schema.graphql", root), "utf8");
const acknowledged = JSON.parse(
  await readFile(new URL("schema/acknowledged-breaking-changes.json", root), "utf8"),
) as Acknowledgement[];

const result = await compareSchemas(previous, current, acknowledged);
const list = (title: string, items: string[]) => {
  if (items.length > 0) console.log(`${title}:\n${items.map((i) => `  - ${i}`).join("\n")}`);
};
console.log(`schema:check against ${ref}`);
list("breaking", result.breaking);
list("dangerous", result.dangerous);
list("safe", result.safe);
if (result.unacknowledged.length > 0) {
  console.error(
    `\n${result.unacknowledged.length} breaking change(s) not acknowledged. Typed clients built from ${ref} would break.\nEither keep the schema compatible, or add each change with a reason to schema/acknowledged-breaking-changes.json:\n${result.unacknowledged.map((c) => `  { "change": ${JSON.stringify(c)}, "reason": "…" }`).join(",\n")}`,
  );
  process.exit(1);
}
console.log("no unacknowledged breaking changes");
