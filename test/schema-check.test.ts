import { readFile } from "node:fs/promises";
import { buildSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { compareSchemas, SDL_BUILDERS } from "../scripts/schema-changes.js";

const before = `type Query { vehicle(vehicleId: String!): Vehicle  vehicles: [Vehicle!]! }
type Vehicle { vehicleId: String! color: String }`;

describe("schema change safety", () => {
  it("a removed field is breaking and unacknowledged until listed with a reason", async () => {
    const after = before.replace("color: String", "");
    const open = await compareSchemas(before, after, []);
    expect(open.breaking).toHaveLength(1);
    expect(open.breaking[0]).toMatch(/color/);
    expect(open.unacknowledged).toEqual(open.breaking);

    const settled = await compareSchemas(before, after, [
      { change: open.breaking[0] ?? "", reason: "no client reads it" },
    ]);
    expect(settled.unacknowledged).toEqual([]);
  });

  it("an added field is safe, and making an output field nullable is breaking for typed clients", async () => {
    const added = await compareSchemas(
      before,
      before.replace("color: String", "color: String lot: String"),
      [],
    );
    expect(added.breaking).toEqual([]);
    expect(added.safe.join()).toMatch(/lot/);

    const nullable = await compareSchemas(
      before,
      before.replace("vehicles: [Vehicle!]!", "vehicles: [Vehicle!]"),
      [],
    );
    expect(nullable.breaking.join()).toMatch(/vehicles/);
  });
});

describe("schema change safety of the subgraph SDL", () => {
  it("the committed subgraph SDL is read with federation's definitions, and a field removed from it is breaking", async () => {
    const sdl = await readFile(new URL("../schema/subgraph.graphql", import.meta.url), "utf8");
    // As plain GraphQL it does not build (@key is defined by federation, not in the SDL).
    expect(() => buildSchema(sdl)).toThrow();
    const same = await compareSchemas(sdl, sdl, [], SDL_BUILDERS.subgraph);
    expect(same.breaking).toEqual([]);
    const without = sdl.replace(/^\s+"""Model, e\.g\. A4\."""\n\s+model: String\n/m, "\n");
    expect(without).not.toBe(sdl);
    const removed = await compareSchemas(sdl, without, [], SDL_BUILDERS.subgraph);
    expect(removed.breaking.join()).toMatch(/'model' was removed from object type 'Vehicle'/);
  });
});
