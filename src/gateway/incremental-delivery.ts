import { useDeferStream } from "@graphql-yoga/plugin-defer-stream";
import { type DocumentNode, type ExecutionResult, type GraphQLError, visit } from "graphql";
import { isAsyncIterable, type Plugin } from "graphql-yoga";

/**
 * Incremental delivery (`@defer` on fragments, `@stream` on lists), with yoga's own plugin: it adds
 * the two directives to the schema when it lacks them (src/schema.ts declares them, for clients'
 * code generators) and their validation rules. Yoga's executor (graphql-tools') runs them, and
 * answers over `multipart/mixed` or `text/event-stream`, whichever the client accepts.
 *
 * A client that accepts neither (a plain JSON client sending a document that holds @defer, as a
 * shared trusted document may) gets one complete answer, the increments merged into it as a
 * streaming client would merge them, rather than yoga's bare 406. A document without either
 * directive always gets one complete answer.
 */
export function useIncrementalDelivery(): Plugin[] {
  return [useDeferStream(), useWholeAnswerForPlainClients()];
}

const STREAMING_TYPES = ["multipart/mixed", "text/event-stream"];

function acceptsIncremental(request: Request): boolean {
  const accept = request.headers.get("accept") ?? "";
  return STREAMING_TYPES.some((type) => accept.includes(type));
}

const wholeAnswer = {
  // Before the execution phase's hooks (composed after this one): they see one result.
  async onExecuteDone({
    result,
    setResult,
  }: {
    result: unknown;
    setResult: (result: ExecutionResult) => void;
  }) {
    if (isAsyncIterable(result)) setResult(await merged(result as AsyncIterable<Payload>));
  },
};

function useWholeAnswerForPlainClients(): Plugin<{ request: Request }> {
  return {
    onExecute({ args }) {
      // The document first (a lookup kept per document), the request's header only for one
      // that asks for increments.
      if (!isIncremental(args.document) || acceptsIncremental(args.contextValue.request)) {
        return undefined;
      }
      return wholeAnswer;
    },
  };
}

type Json = Record<string, unknown> | unknown[];

interface Increment {
  data?: Record<string, unknown> | null;
  items?: unknown[] | null;
  path?: readonly (string | number)[];
  errors?: readonly GraphQLError[];
  extensions?: Record<string, unknown>;
}

interface Payload extends ExecutionResult {
  incremental?: readonly Increment[];
  hasNext?: boolean;
}

/** Every payload of an incremental answer, merged into one result. */
async function merged(payloads: AsyncIterable<Payload>): Promise<ExecutionResult> {
  let data: Record<string, unknown> | null | undefined;
  const errors: GraphQLError[] = [];
  let extensions: Record<string, unknown> | undefined;
  for await (const payload of payloads) {
    if (payload.data !== undefined) data = payload.data;
    if (payload.errors) errors.push(...payload.errors);
    if (payload.extensions) extensions = { ...extensions, ...payload.extensions };
    for (const part of payload.incremental ?? []) {
      if (part.errors) errors.push(...part.errors);
      if (part.extensions) extensions = { ...extensions, ...part.extensions };
      const path = part.path ?? [];
      if (part.items !== undefined) {
        const list = at(data, path.slice(0, -1));
        if (Array.isArray(list) && part.items) list.push(...part.items);
      } else if (part.data) {
        const target = at(data, path);
        if (target && !Array.isArray(target)) mergeInto(target, part.data);
      }
    }
  }
  return {
    ...(data === undefined ? {} : { data }),
    ...(errors.length > 0 ? { errors } : {}),
    ...(extensions ? { extensions } : {}),
  };
}

function at(root: unknown, path: readonly (string | number)[]): Json | undefined {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node !== null && typeof node === "object" ? (node as Json) : undefined;
}

function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const before = target[key];
    if (isObject(before) && isObject(value)) mergeInto(before, value);
    else if (Array.isArray(before) && Array.isArray(value)) {
      value.forEach((item, i) => {
        const old = before[i];
        if (isObject(old) && isObject(item)) mergeInto(old, item);
        else before[i] = item;
      });
    } else target[key] = value;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

const incremental = new WeakMap<DocumentNode, boolean>();

/** Whether a document asks for incremental delivery anywhere (`@defer` or `@stream`). */
export function isIncremental(document: DocumentNode): boolean {
  let found = incremental.get(document);
  if (found !== undefined) return found;
  found = false;
  visit(document, {
    Directive(node) {
      if (node.name.value === "defer" || node.name.value === "stream") found = true;
    },
  });
  incremental.set(document, found);
  return found;
}
