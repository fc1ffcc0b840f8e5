import { GraphQLDeferDirective, GraphQLStreamDirective } from "@graphql-tools/utils";
import { specifiedDirectives } from "graphql";
import { builder } from "./builder.js";
import { printSchemaWithCosts } from "./cost/cost-directives.js";
import "./domains/vehicle/vehicle.schema.js";
import "./domains/image/image.schema.js";
import "./domains/image/image-submission.schema.js";
import "./domains/image/image-updates.schema.js";
import "./domains/feature/feature.schema.js";
import "./domains/stock/stock.schema.js";
import "./domains/usage/usage.schema.js";

/**
 * The whole graph. Each domain file registers its types; this only assembles them. It declares
 * `@defer` and `@stream` (src/gateway/incremental-delivery.ts runs them), so the committed SDL
 * lets clients' code generators check documents that use them.
 */
export const schema = builder.toSchema({
  sortSchema: true,
  // graphql-js's own (@skip, @include, @deprecated, @specifiedBy, @oneOf) stay: a list given here
  // replaces them.
  directives: [...specifiedDirectives, GraphQLDeferDirective, GraphQLStreamDirective],
});

/** The schema as SDL, sorted, with each field's cost, exactly as committed in schema/schema.graphql. */
export function printSchemaSDL(): string {
  return printSchemaWithCosts(schema);
}
