import { MapperKind, mapSchema, printSchemaWithDirectives } from "@graphql-tools/utils";
import {
  DirectiveLocation,
  GraphQLBoolean,
  GraphQLDirective,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLSchema,
  GraphQLString,
  lexicographicSortSchema,
} from "graphql";
import { declaredCost, type FieldCost } from "./cost-estimate.js";

/**
 * The fields' cost declarations (`extensions.cost`) printed in the SDL as directives, so that
 * clients see what each field costs before they ask: the GraphQL cost specification's @listSize,
 * and Forecourt's @upstreamCalls and @paidCalls for what the specification has no words for.
 */

const list = (of: typeof GraphQLString) => new GraphQLList(new GraphQLNonNull(of));
const onFields = [DirectiveLocation.FIELD_DEFINITION];

const COST_DIRECTIVES = [
  new GraphQLDirective({
    name: "listSize",
    description:
      "How many items a list field answers at most (GraphQL cost specification): the first slicing argument given, else assumedSize.",
    locations: onFields,
    args: {
      assumedSize: { type: GraphQLInt },
      slicingArguments: { type: list(GraphQLString) },
      sizedFields: { type: list(GraphQLString) },
      requireOneSlicingArgument: { type: GraphQLBoolean, defaultValue: false },
    },
  }),
  new GraphQLDirective({
    name: "upstreamCalls",
    description:
      "The upstream calls a field makes each time it resolves, and per item of its list; a batched field adds its keys to `batch`, whose calls are ceil(keys / batchSize) for the whole operation; under a field of `freeUnder` (Type.field) it makes none (it answers with an object already loaded).",
    locations: onFields,
    args: {
      upstream: { type: new GraphQLNonNull(GraphQLString) },
      each: { type: GraphQLInt },
      perItem: { type: GraphQLInt },
      batch: { type: GraphQLString },
      batchSize: { type: GraphQLInt },
      freeUnder: { type: new GraphQLList(new GraphQLNonNull(GraphQLString)) },
    },
  }),
  new GraphQLDirective({
    name: "paidCalls",
    description: "The OneAuto calls a field pays for each time it resolves, and per item.",
    locations: onFields,
    args: { each: { type: GraphQLInt }, perItem: { type: GraphQLInt } },
  }),
];

/** The schema as SDL, sorted, with the cost directives defined and applied. */
export function printSchemaWithCosts(schema: GraphQLSchema): string {
  const annotated = mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field) => {
      const cost = declaredCost(field);
      if (!cost) return field;
      return { ...field, extensions: { ...field.extensions, directives: directivesOf(cost) } };
    },
  });
  const config = annotated.toConfig();
  const withDirectives = new GraphQLSchema({
    ...config,
    directives: [...config.directives, ...COST_DIRECTIVES],
  });
  return `${printSchemaWithDirectives(lexicographicSortSchema(withDirectives))}\n`;
}

function directivesOf(cost: FieldCost): Record<string, Record<string, unknown>> {
  const directives: Record<string, Record<string, unknown>> = {};
  if (cost.listSize) {
    const { assumedSize, slicingArguments } = cost.listSize;
    directives.listSize = { assumedSize, ...(slicingArguments ? { slicingArguments } : {}) };
  }
  if (cost.calls || cost.batch) {
    const upstream = cost.calls?.upstream ?? cost.batch?.upstream;
    directives.upstreamCalls = {
      upstream,
      ...(cost.calls?.each ? { each: cost.calls.each } : {}),
      ...(cost.calls?.perItem ? { perItem: cost.calls.perItem } : {}),
      ...(cost.batch ? { batch: cost.batch.group, batchSize: cost.batch.size } : {}),
      ...(cost.freeUnder ? { freeUnder: [...cost.freeUnder] } : {}),
    };
  }
  if (cost.paidCalls || cost.paidCallsPerItem) {
    directives.paidCalls = {
      ...(cost.paidCalls ? { each: cost.paidCalls } : {}),
      ...(cost.paidCallsPerItem ? { perItem: cost.paidCallsPerItem } : {}),
    };
  }
  return directives;
}
