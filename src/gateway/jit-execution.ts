import {
  astFromValue,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  getLocation,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  typeFromAST,
  valueFromASTUntyped,
  visit,
} from "graphql";
import { type CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";
import type { Plugin } from "graphql-yoga";
import type { Logger } from "../logger.js";
import { isIncremental } from "./incremental-delivery.js";

/**
 * Queries run as code graphql-jit compiled from their document. It skips most of what
 * graphql-js's executor does per field, which on a 60-field query is the larger part of the
 * executor's cost. Compiled on a document's second run (see below) and kept beside the parsed
 * document (a WeakMap: it leaves when the document cache lets the document go), which the
 * document cache hands to every request with the same text.
 *
 * graphql-js still runs what graphql-jit does not do or would not do better: mutations (each runs
 * once, so compiling costs more than it saves, and their fields run in order), subscriptions,
 * documents asking for incremental delivery (`@defer`, `@stream`), documents holding more than
 * one operation, and any document graphql-jit fails to compile (logged once, then served as
 * before: @envelop/graphql-jit's only answer to a failed compilation is an error for every
 * request of that document).
 *
 * Variables are coerced once, by the compiled query (checking them first with graphql-js too cost
 * a second coercion of every variable, a URL parse per image on a 60-photo page); when it refuses
 * them, graphql-js is asked why, so a wrong one gets graphql-js's error, word for word. graphql-jit
 * 0.8 also leaves out the default of a required input field (`VehicleOrder.field`), which is
 * written into the variables it is handed.
 */
export function useJitQueries(logger?: Logger): Plugin {
  const compiled = new WeakMap<DocumentNode, JitQuery | null | "seen">();
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const { document, schema } = args;
      let jit = compiled.get(document);
      if (jit === undefined) {
        // Compiled from its second run: a text sent once (values written into it) would cost a
        // compilation it never repays, and V8 keeps each compiled source (some 70 KB for a
        // vehicle page) in its compilation cache until the heap nears its limit.
        compiled.set(document, "seen");
        return;
      }
      if (jit === "seen") {
        jit = compile(schema, document, logger);
        compiled.set(document, jit);
      }
      if (jit === null) return;
      const { query, operation, defaulted } = jit;
      const asGraphQLErrors = (result: ExecutionResult) => withGraphQLErrors(result, document);
      setExecuteFn((execution) => {
        // Another operation name than the document's: graphql-js says so, as it always did.
        const { operationName } = execution;
        if (operationName != null && operationName !== operation.name?.value) {
          return executeFn(execution);
        }
        const raw = execution.variableValues ?? {};
        const variables = defaulted.length > 0 ? withInputDefaults(raw, defaulted) : raw;
        const result = query(execution.rootValue, execution.contextValue, variables);
        if (result instanceof Promise) return result.then(asGraphQLErrors);
        // A result with no data is graphql-jit refusing the variables (its fields always leave
        // data): graphql-js says why, in its own words, which clients and tests know.
        if (result.data === undefined && result.errors !== undefined) {
          const checked = getVariableValues(schema, operation.variableDefinitions ?? [], raw, {
            maxErrors: 50,
          });
          if (checked.errors !== undefined) return { errors: checked.errors };
        }
        return asGraphQLErrors(result);
      });
    },
  };
}

interface JitQuery {
  query: CompiledQuery["query"];
  operation: OperationDefinitionNode;
  /** Variables whose type holds a required input field with a default: [name, type]. */
  defaulted: [string, GraphQLInputType][];
}

function compile(
  schema: GraphQLSchema,
  document: DocumentNode,
  logger: Logger | undefined,
): JitQuery | null {
  const operation = jitOperation(document);
  if (operation === undefined) return null;
  const defaulted: [string, GraphQLInputType][] = [];
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (type === undefined || !holdsRequiredDefault(type, new Set())) continue;
    // A default of the variable's own, written in the document, reaches graphql-jit without
    // its input fields' defaults: graphql-js runs such a document.
    if (definition.defaultValue !== undefined) return null;
    defaulted.push([definition.variable.name.value, type]);
  }
  const result = compileQuery(schema, document, undefined, {
    // Errors go to the client as messages and paths; a stack per error is waste.
    disablingCapturingStackErrors: true,
  });
  if (!isCompiledQuery(result)) {
    logger?.warn(
      { event: "jit.fallback", reason: result.errors?.[0]?.message },
      "graphql-jit could not compile a query; graphql-js runs it",
    );
    return null;
  }
  logger?.debug?.({ event: "jit.compiled", operation: operation.name?.value }, "query compiled");
  return { query: result.query, operation, defaulted };
}

/** Where each field of a document starts ("line:column"), to find an error's nodes again. */
const fieldsByPlace = new WeakMap<DocumentNode, Map<string, FieldNode>>();

/**
 * graphql-jit's errors name their locations but not the nodes they came from, and yoga renders
 * an error again from its nodes, so they would lose their locations on the way out. Errors are
 * rare: the map of places is made on a document's first one.
 */
function withGraphQLErrors(result: ExecutionResult, document: DocumentNode): ExecutionResult {
  if (result.errors === undefined || result.errors.length === 0) return result;
  let fields = fieldsByPlace.get(document);
  if (fields === undefined) {
    const places = new Map<string, FieldNode>();
    visit(document, {
      Field(node) {
        if (node.loc === undefined) return;
        const { line, column } = getLocation(node.loc.source, node.loc.start);
        places.set(`${line}:${column}`, node);
      },
    });
    fields = places;
    fieldsByPlace.set(document, fields);
  }
  const found = fields;
  const errors = result.errors.map((error) => {
    const nodes = (error.locations ?? []).flatMap((place) => {
      const node = found.get(`${place.line}:${place.column}`);
      return node === undefined ? [] : [node];
    });
    return new GraphQLError(error.message, {
      nodes,
      path: error.path,
      originalError: error.originalError,
      extensions: error.extensions,
    });
  });
  return { ...result, errors };
}

/** The document's one operation when it is a query with no incremental delivery. */
function jitOperation(document: DocumentNode): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = getOperationAST(document);
  if (operations.length !== 1 || operation?.operation !== "query") return undefined;
  return isIncremental(document) ? undefined : operation;
}

function holdsRequiredDefault(type: GraphQLInputType, seen: Set<string>): boolean {
  const named = getNamedType(type);
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some(
    (field) =>
      (isNonNullType(field.type) && field.defaultValue !== undefined) ||
      holdsRequiredDefault(field.type, seen),
  );
}

/** The variables with each missing required input field given its default, as a client writes it. */
function withInputDefaults(
  raw: Record<string, unknown>,
  defaulted: readonly [string, GraphQLInputType][],
): Record<string, unknown> {
  const filled = { ...raw };
  for (const [name, type] of defaulted) filled[name] = fill(raw[name], type);
  return filled;
}

function fill(value: unknown, type: GraphQLInputType): unknown {
  if (value === null || value === undefined) return value;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const itemType = nullable.ofType as GraphQLInputType;
    return Array.isArray(value) ? value.map((item) => fill(item, itemType)) : fill(value, itemType);
  }
  if (!isInputObjectType(nullable) || typeof value !== "object") return value;
  const source = value as Record<string, unknown>;
  const filled: Record<string, unknown> = { ...source };
  for (const field of Object.values(nullable.getFields())) {
    if (source[field.name] === undefined && field.defaultValue !== undefined) {
      const literal = astFromValue(field.defaultValue, field.type);
      if (literal !== null && literal !== undefined)
        filled[field.name] = valueFromASTUntyped(literal);
    } else if (field.name in source) {
      filled[field.name] = fill(source[field.name], field.type);
    }
  }
  return filled;
}
