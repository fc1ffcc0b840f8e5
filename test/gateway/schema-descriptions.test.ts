import {
  type GraphQLNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  isUnionType,
} from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../../src/schema.js";

/**
 * Frontends generate typed documents from this schema and read it in GraphiQL: every element a
 * client can name should say what it means.
 */

const described = (text: string | null | undefined) =>
  typeof text === "string" && text.trim() !== "";

/** Coordinates ("Type", "Type.field", "Type.field(arg)", "Enum.VALUE") lacking a description. */
function undescribed(type: GraphQLNamedType): string[] {
  const missing: string[] = [];
  if (!described(type.description)) missing.push(type.name);
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
      for (const arg of field.args) {
        if (!described(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
  } else if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
    }
  } else if (isEnumType(type)) {
    for (const value of type.getValues()) {
      if (!described(value.description)) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing;
}

const ownTypes = Object.values(schema.getTypeMap()).filter(
  (type) => !isIntrospectionType(type) && !isSpecifiedScalarType(type),
);

describe("schema documentation", () => {
  it("every type, field, argument, input field and enum value has a description", () => {
    expect(ownTypes.flatMap(undescribed)).toEqual([]);
  });

  it("the walk covers every kind of element, so an empty list above means something", () => {
    const kinds = new Set(
      ownTypes.map((type) =>
        isObjectType(type)
          ? "object"
          : isInterfaceType(type)
            ? "interface"
            : isInputObjectType(type)
              ? "input"
              : isEnumType(type)
                ? "enum"
                : isUnionType(type)
                  ? "union"
                  : "scalar",
      ),
    );
    expect([...kinds].sort()).toEqual(["enum", "input", "interface", "object", "scalar", "union"]);
    const args = ownTypes.flatMap((type) =>
      isObjectType(type) ? Object.values(type.getFields()).flatMap((f) => f.args) : [],
    );
    expect(args.length).toBeGreaterThan(20);
  });
});
