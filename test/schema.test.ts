import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { printSchemaSDL } from "../src/schema.js";

describe("the committed schema", () => {
  it("schema/schema.graphql is what the code prints (run `npm run codegen` after a schema change)", async () => {
    const committed = await readFile(new URL("../schema/schema.graphql", import.meta.url), "utf8");
    expect(printSchemaSDL()).toBe(committed);
  });
});
