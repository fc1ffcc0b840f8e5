import {
  GraphQLDeferDirective,
  GraphQLStreamDirective,
  MapperKind,
  mapSchema,
} from "@graphql-tools/utils";
import { GraphQLObjectType, type GraphQLSchema, graphqlSync, specifiedDirectives } from "graphql";
import { builder } from "./builder.js";
import { printSchemaWithCosts } from "./cost/cost-directives.js";
import { ENTITIES_COST } from "./cost/cost-estimate.js";
import "./domains/vehicle/vehicle.schema.js";
import "./domains/image/image.schema.js";
import "./domains/image/image-submission.schema.js";
import "./domains/image/image-updates.schema.js";
import "./domains/feature/feature.schema.js";
import "./domains/stock/stock.schema.js";
import "./domains/usage/usage.schema.js";

/**
 * The whole graph. Each domain file registers its types; this only assembles them. The entities'
 * federation keys (`builder.asEntity` beside each type) belong to the subgraph schema alone: here
 * they are dropped, so the standalone graph and its SDL carry no directive they do not define.
 * It declares `@defer` and `@stream` (src/gateway/incremental-delivery.ts runs them), so the
 * committed SDL lets clients' code generators check documents that use them.
 */
export const schema = withoutTypeDirectives(
  builder.toSchema({
    sortSchema: true,
    // graphql-js's own (@skip, @include, @deprecated, @specifiedBy, @oneOf) stay: a list given
    // here replaces them.
    directives: [...specifiedDirectives, GraphQLDeferDirective, GraphQLStreamDirective],
  }),
);

/** The schema as SDL, sorted, with each field's cost, exactly as committed in schema/schema.graphql. */
export function printSchemaSDL(): string {
  return printSchemaWithCosts(schema);
}

/** Federation v2.6: the version @pothos/plugin-federation links by default; Hive composes it. */
export const FEDERATION_LINK = "https://specs.apollo.dev/federation/v2.6";

let subgraph: GraphQLSchema | undefined;

/**
 * The graph as a federation v2 subgraph (FEDERATION=true): the same types and fields, plus
 * `_service { sdl }` and `_entities(representations:)` for Vehicle, Image and Feature, which carry
 * @key. Built on first use, so a gateway that is not a subgraph never builds it.
 */
export function subgraphSchema(): GraphQLSchema {
  subgraph ??= mapSchema(
    builder.toSubGraphSchema({ linkUrl: FEDERATION_LINK, federationDirectives: ["@key"] }),
    {
      // `_entities` is made by the federation plugin, not a domain file: its cost, sized by the
      // representations, is declared here (each entity type declares what one of it costs).
      [MapperKind.QUERY_ROOT_FIELD]: (field, name) =>
        name === "_entities"
          ? { ...field, extensions: { ...field.extensions, cost: ENTITIES_COST } }
          : field,
    },
  );
  return subgraph;
}

/** The subgraph's SDL, asked of `_service { sdl }` itself, as committed in schema/subgraph.graphql. */
export function printSubgraphSDL(): string {
  const result = graphqlSync({ schema: subgraphSchema(), source: "{ _service { sdl } }" });
  const sdl = (result.data?._service as { sdl?: unknown } | undefined)?.sdl;
  if (typeof sdl !== "string") throw new Error("the subgraph schema answered no _service.sdl");
  return `${sdl.trimEnd()}\n`;
}

function withoutTypeDirectives(graph: GraphQLSchema): GraphQLSchema {
  return mapSchema(graph, {
    [MapperKind.OBJECT_TYPE]: (type) => {
      const { directives, ...extensions } = type.extensions as { directives?: unknown };
      if (!Array.isArray(directives) || directives.length === 0) return type;
      return new GraphQLObjectType({ ...type.toConfig(), extensions, astNode: undefined });
    },
  });
}
