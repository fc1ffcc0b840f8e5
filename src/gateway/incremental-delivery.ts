import { useDeferStream } from "@graphql-yoga/plugin-defer-stream";
import { type DocumentNode, visit } from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * Incremental delivery (`@defer` on fragments, `@stream` on lists), yoga's own plugin: it adds the
 * two directives to the schema (when it lacks them) and their validation rules. Yoga's executor
 * (graphql-tools') runs them, and answers over `multipart/mixed` or `text/event-stream`, whichever
 * the client accepts; a document without either directive gets one complete answer, as before.
 */
export function useIncrementalDelivery(): Plugin {
  return useDeferStream();
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
