import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { DocumentLimits } from "../limits.js";

/**
 * The first bounds a request's document meets, before anything reads it: its size in bytes, and
 * how deep its brackets nest, in its text and in the JSON of its variables and extensions.
 * graphql's lexer and parser, and the walks over variables (JSON.stringify among them), recurse
 * once per level, so a list nested 5,000 deep or variables nested 20,000 deep ran out of stack
 * (a 500). Both scans here are iterative and linear, and run before any of those.
 */

export type DocumentBounds = Pick<DocumentLimits, "maxDocumentBytes" | "maxNesting">;

export const DOCUMENT_TOO_LARGE = "DOCUMENT_TOO_LARGE";
export const NESTING_LIMIT_EXCEEDED = "NESTING_LIMIT_EXCEEDED";

/**
 * First among the request's hooks that read its parameters (trusted documents hash and parse the
 * text, shared operations serialise the variables): over HTTP, in `onParams`. WebSocket
 * operations reach the parser without `onParams` (src/gateway/graphql-ws.ts), so the text is
 * checked again when it is parsed, unless the document cache already holds it.
 */
export function useDocumentBounds(bounds: DocumentBounds): Plugin {
  return {
    onParams({ params }) {
      const refusal = paramsRefusal(params, bounds);
      if (refusal) throw refusal;
    },
    onParse({ params }) {
      // Thrown here, not from a parser set with setParseFn: the token limit's plugin, later in
      // line, sets its own parser over any other.
      const refusal = documentRefusal(params.source.toString(), bounds);
      if (refusal) throw refusal;
    },
  };
}

/** The refusal of a request's parameters, or undefined when they are within bounds. */
export function paramsRefusal(
  params: { query?: unknown; variables?: unknown; extensions?: unknown },
  bounds: DocumentBounds,
): GraphQLError | undefined {
  if (typeof params.query === "string") {
    const refusal = documentRefusal(params.query, bounds);
    if (refusal) return refusal;
  }
  for (const part of ["variables", "extensions"] as const) {
    if (jsonNesting(params[part], bounds.maxNesting) > bounds.maxNesting) {
      return nestingError(part, bounds.maxNesting);
    }
  }
  return undefined;
}

/** The refusal of a document's text, or undefined when it is within bounds. */
export function documentRefusal(text: string, bounds: DocumentBounds): GraphQLError | undefined {
  const bytes = utf8Bytes(text, bounds.maxDocumentBytes);
  if (bytes > bounds.maxDocumentBytes) {
    return new GraphQLError(
      `The document is ${bytes} bytes, more than the ${bounds.maxDocumentBytes} accepted (GRAPHQL_MAX_DOCUMENT_BYTES). Pass long values as variables, or split the operation.`,
      {
        extensions: {
          code: DOCUMENT_TOO_LARGE,
          limit: bounds.maxDocumentBytes,
          http: { status: 413 },
        },
      },
    );
  }
  if (textNesting(text, bounds.maxNesting) > bounds.maxNesting) {
    return nestingError("document", bounds.maxNesting);
  }
  return undefined;
}

function nestingError(where: "document" | "variables" | "extensions", limit: number) {
  return new GraphQLError(
    where === "document"
      ? `The document's brackets nest more than ${limit} levels deep (GRAPHQL_MAX_NESTING). Nest its selections and values less.`
      : `The JSON of the ${where} nests more than ${limit} levels deep (GRAPHQL_MAX_NESTING). Nest the ${where} less.`,
    { extensions: { code: NESTING_LIMIT_EXCEEDED, limit, in: where, http: { status: 400 } } },
  );
}

/** The text's size in UTF-8, or its length when that alone shows it within `limit`. */
function utf8Bytes(text: string, limit: number): number {
  // Each UTF-16 unit is 1 to 3 bytes in UTF-8.
  if (text.length * 3 <= limit) return text.length;
  return Buffer.byteLength(text, "utf8");
}

/**
 * How deep `{`, `[` and `(` nest in a GraphQL text, outside strings, block strings and comments,
 * read as graphql's lexer reads them; the scan stops once past `limit`. Where the lexer would fail
 * (a string broken by a line end), the scan goes on as if the string had ended: it can only count
 * more brackets than the parser would open, never fewer.
 */
export function textNesting(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  const end = text.length;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b || c === 0x28) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x7d || c === 0x5d || c === 0x29) {
      if (depth > 0) depth--;
    } else if (c === 0x23) {
      while (i + 1 < end && !isLineEnd(text.charCodeAt(i + 1))) i++;
    } else if (c === 0x22) {
      i = text.startsWith('"""', i) ? blockStringEnd(text, i + 3) : stringEnd(text, i + 1);
    }
  }
  return deepest;
}

/** The index of the quote that closes a string begun before `from`, or where the lexer stops. */
function stringEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22 || isLineEnd(c)) return i;
  }
  return text.length;
}

/** The index of the last quote of the `"""` that closes a block string begun before `from`. */
function blockStringEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text.startsWith('\\"""', i)) i += 3;
    else if (text.startsWith('"""', i)) return i + 2;
  }
  return text.length;
}

function isLineEnd(c: number): boolean {
  return c === 0x0a || c === 0x0d;
}

/**
 * How deep arrays and objects nest in a parsed JSON value (a scalar is 0, `{}` is 1), walked with
 * a stack of its own; the walk stops once past `limit`, which also ends it on a cycle.
 */
export function jsonNesting(value: unknown, limit: number): number {
  let deepest = 0;
  const pending: { value: object; depth: number }[] = [];
  if (typeof value === "object" && value !== null) pending.push({ value, depth: 1 });
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.depth > deepest) {
      deepest = next.depth;
      if (deepest > limit) return deepest;
    }
    const items: unknown[] = Array.isArray(next.value) ? next.value : Object.values(next.value);
    for (const item of items) {
      if (typeof item === "object" && item !== null) {
        pending.push({ value: item, depth: next.depth + 1 });
      }
    }
  }
  return deepest;
}
