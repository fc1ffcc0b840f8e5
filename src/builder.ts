import SchemaBuilder, { typeBrandKey } from "@pothos/core";
import DirectivesPlugin from "@pothos/plugin-directives";
import ErrorsPlugin from "@pothos/plugin-errors";
import FederationPlugin from "@pothos/plugin-federation";
import RelayPlugin from "@pothos/plugin-relay";
import ValidationPlugin from "@pothos/plugin-validation";
import { GraphQLError, valueFromASTUntyped } from "graphql";
import { DateTimeResolver, JSONResolver } from "graphql-scalars";
import type { Context } from "./context.js";
import { CreditsExceededError, InputValidationError, NotFoundError } from "./domain-errors.js";
import { parseHttpUrl } from "./http-url.js";

/**
 * The Pothos builder, its plugins and scalars. It defines no domain types: each domain's
 * `*.schema.ts` adds its own, and `schema.ts` assembles them.
 */
export const builder = new SchemaBuilder<{
  Context: Context;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    URL: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
    File: { Input: File; Output: never };
  };
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
}>({
  // Errors before validation so that validation failures can be returned as typed results.
  // Directives and federation last, as the federation plugin asks: they wrap no resolver, and only
  // the subgraph schema (schema.ts, FEDERATION=true) carries what they declare.
  plugins: [ErrorsPlugin, ValidationPlugin, RelayPlugin, DirectivesPlugin, FederationPlugin],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    nodeQueryOptions: {
      description: "Fetches any object by its global id.",
      args: { id: { description: "A global id, as an object's `id` field gives it." } },
    },
    nodesQueryOptions: false,
    nodeTypeOptions: { description: "An object with a global id, refetchable with `node(id:)`." },
    idFieldOptions: { description: "Global id: opaque, stable, accepted by `node(id:)`." },
    pageInfoTypeOptions: { description: "Where a page sits in its list (Relay cursor paging)." },
    hasNextPageFieldOptions: { description: "Whether more items follow this page." },
    hasPreviousPageFieldOptions: { description: "Whether items precede this page." },
    startCursorFieldOptions: { description: "Cursor of the first item of the page." },
    endCursorFieldOptions: {
      description: "Cursor of the last item of the page; pass it as `after` for the next page.",
    },
    firstArgOptions: { description: "How many items to return from the start (or after `after`)." },
    afterArgOptions: {
      description: "Return items after this cursor (an `endCursor` or `cursor`).",
    },
    lastArgOptions: { description: "How many items to return before `before`; needs `before`." },
    beforeArgOptions: { description: "Return items before this cursor." },
    edgesFieldOptions: { description: "The items of the page, each with its cursor." },
    pageInfoFieldOptions: { description: "Cursors and whether more pages exist." },
    cursorFieldOptions: { description: "Opaque position of this item, for `after` or `before`." },
    nodeFieldOptions: { description: "The item." },
  },
  validation: {
    validationError: (result) => InputValidationError.fromIssues(result.issues),
  },
  errors: {
    defaultTypes: [],
    // Argument validation runs before the resolver, outside the errors plugin's reach unless
    // this is set; without it an InputValidationError listed in a field's `errors.types` would
    // still be raised instead of returned. "Unsafe" only skips field authorization hooks, which
    // this schema has none of.
    unsafelyHandleInputErrors: true,
  },
});

builder.queryType({
  description: "Reads: vehicles, their photos and features, and stock imagery.",
});
builder.mutationType({
  description: "Writes to CarCutter: vehicles, photo submissions, features.",
});

builder.addScalarType("DateTime", DateTimeResolver, {
  description: "An instant, as an ISO 8601 string in UTC (e.g. 2024-03-01T09:59:55.000Z).",
});
builder.addScalarType("JSON", JSONResolver, { description: "Any JSON value." });

/**
 * Parses a variable's value with a parser that throws TypeError on bad input, and reports that as
 * the client's mistake. graphql-js keeps a TypeError from `parseValue` as the `originalError` of
 * the variable error, and error masking then treats it as a crash ("Unexpected error.", HTTP 500);
 * a GraphQLError keeps its message, which graphql-js prefixes with the variable and the path.
 */
function parseVariable<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof TypeError) throw new GraphQLError(error.message);
    throw error;
  }
}

builder.scalarType("URL", {
  description: "An absolute http(s) URL.",
  serialize: (value) => value,
  parseValue: (value) => parseVariable(() => parseHttpUrl(value)),
  // Literals are checked during validation, which reports a TypeError with the type and location.
  parseLiteral: (node) => parseHttpUrl(valueFromASTUntyped(node)),
});

builder.scalarType("File", {
  description: "A file uploaded with the GraphQL multipart request specification.",
  serialize: () => {
    throw new TypeError("File is an input-only scalar");
  },
  parseValue: (value) =>
    parseVariable(() => {
      if (isUpload(value)) return value;
      throw new TypeError("File: expected an upload (multipart request), got another value");
    }),
});

/**
 * An upload as yoga hands it over. On Node, yoga parses multipart bodies with @whatwg-node's own
 * File class, which is not the global `File`: `instanceof File` refused every real upload. What the
 * resolvers use (name, type, size, arrayBuffer) is checked instead.
 */
function isUpload(value: unknown): value is File {
  return (
    typeof value === "object" &&
    value !== null &&
    "arrayBuffer" in value &&
    typeof value.arrayBuffer === "function" &&
    "size" in value &&
    typeof value.size === "number" &&
    "name" in value &&
    typeof value.name === "string" &&
    "type" in value &&
    typeof value.type === "string"
  );
}

const ErrorInterface = builder.interfaceRef<Error & { code: string }>("Error").implement({
  description: "An expected failure of an operation, returned as data rather than raised.",
  fields: (t) => ({
    message: t.exposeString("message", { description: "What went wrong and what to do." }),
    code: t.exposeString("code", { description: "A stable machine-readable reason." }),
  }),
});

const InputIssue = builder
  .objectRef<{ path: readonly string[]; message: string }>("InputIssue")
  .implement({
    description: "One rule an input broke.",
    fields: (t) => ({
      path: t.exposeStringList("path", {
        description: "Where in the input, e.g. [input, urls, 2].",
      }),
      message: t.exposeString("message", { description: "The rule that was broken." }),
    }),
  });

builder.objectType(InputValidationError, {
  name: "InputValidationError",
  description: "The input broke one or more rules; nothing was sent upstream.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof InputValidationError,
  fields: (t) => ({
    issues: t.field({
      type: [InputIssue],
      description: "Every rule broken, each naming the field.",
      resolve: (error) => error.issues,
    }),
  }),
});

export { ErrorInterface };

builder.objectType(CreditsExceededError, {
  name: "CreditsExceededError",
  description: "CarCutter refused the work for lack of credits (HTTP 402); nothing more was sent.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof CreditsExceededError,
  fields: () => ({}),
});

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  description: "The object the operation names does not exist upstream.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof NotFoundError,
  fields: (t) => ({
    resource: t.exposeString("resource", { description: "The kind of object, e.g. Vehicle." }),
    resourceId: t.exposeString("resourceId", {
      // Not called `id`: in a result union beside a Node type, `id` would clash with Node.id.
      description: "The id that was not found (the upstream's id, not a global id).",
    }),
  }),
});

/** Enum values from a list of names and a description for each (the record makes none missing). */
/**
 * A node type's `loadOne`, its value branded with the type before anyone awaits it. Pothos's relay
 * plugin brands a loaded node only once the whole load has settled, yet hands the same pending
 * load to a second `node(id)` of the same id in one operation, which then resolved unbranded and
 * failed the Node interface ("Abstract type "Node" must resolve to an Object type").
 */
export function brandedLoadOne<K, V extends object>(
  typename: string,
  load: (key: K, ctx: Context) => Promise<V | null>,
): (key: K, ctx: Context) => Promise<V | null> {
  return async (key, ctx) => {
    const value = await load(key, ctx);
    // The brand Pothos writes itself (its brandWithType, typed for refs, with the name as value):
    // the same value, so its own branding afterwards is allowed.
    if (value !== null) {
      Object.defineProperty(value, typeBrandKey, { enumerable: false, value: typename });
    }
    return value;
  };
}

export function describedValues<T extends string>(
  values: readonly T[],
  text: Record<T, string>,
): Record<T, { description: string }> {
  return Object.fromEntries(values.map((v) => [v, { description: text[v] }])) as Record<
    T,
    { description: string }
  >;
}
