import { describe, expect, it } from "vitest";
import { compareSchemas } from "../scripts/schema-changes.js";

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
