import { buildSubgraphSchema } from "@apollo/subgraph";
import { CriticalityLevel, diff } from "@graphql-inspector/core";
import { buildSchema, type GraphQLSchema, parse } from "graphql";

/**
 * Compares two versions of the SDL. Breaking changes (a removed field, a nullable field made
 * non-null in an input, …) break the typed clients generated from the old schema, so each must be
 * acknowledged, with a reason, in schema/acknowledged-breaking-changes.json.
 */

export interface Acknowledgement {
  /** The change exactly as graphql-inspector words it. */
  change: string;
  /** Why clients can live with it, and what they must do. */
  reason: string;
}

export interface SchemaComparison {
  breaking: string[];
  unacknowledged: string[];
  dangerous: string[];
  safe: string[];
}

/** How each committed SDL is read: the subgraph's carries federation's @link and @key. */
export const SDL_BUILDERS = {
  schema: (sdl: string): GraphQLSchema => buildSchema(sdl),
  subgraph: (sdl: string): GraphQLSchema => buildSubgraphSchema(parse(sdl)),
} as const;

export async function compareSchemas(
  oldSdl: string,
  newSdl: string,
  acknowledged: readonly Acknowledgement[],
  build: (sdl: string) => GraphQLSchema = SDL_BUILDERS.schema,
): Promise<SchemaComparison> {
  const changes = await diff(build(oldSdl), build(newSdl));
  const messages = (level: CriticalityLevel) =>
    changes.filter((c) => c.criticality.level === level).map((c) => c.message);
  const breaking = messages(CriticalityLevel.Breaking);
  const known = new Set(acknowledged.map((a) => a.change));
  return {
    breaking,
    unacknowledged: breaking.filter((message) => !known.has(message)),
    dangerous: messages(CriticalityLevel.Dangerous),
    safe: messages(CriticalityLevel.NonBreaking),
  };
}
