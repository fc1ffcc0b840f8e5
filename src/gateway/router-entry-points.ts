import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  getOperationAST,
  Kind,
  type SelectionSetNode,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import { keyCheck } from "../bearer.js";

/**
 * Subgraph mode (FEDERATION=true): `_entities` and `_service` are the router's entry points. An
 * operation that selects either runs only when the request carries the router's key
 * (FEDERATION_ROUTER_KEY) in `x-router-key`, compared in constant time; any other is refused with
 * ROUTER_ONLY (403) before its cost is estimated or anything is called. The rest of the graph
 * answers as in standalone mode, to the router (which forwards the end client's key, so client
 * keys, rate limits and budgets apply to that client) and to direct callers alike.
 */

export const ROUTER_KEY_HEADER = "x-router-key";
export const ROUTER_ONLY = "ROUTER_ONLY";
const ENTRY_POINTS: ReadonlySet<string> = new Set(["_entities", "_service"]);

export function useRouterEntryPoints(routerKey: string): Plugin<{ request: Request }> {
  const isRouter = keyCheck(routerKey);
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation || !selectsEntryPoint(operation.selectionSet, args.document)) return;
      if (isRouter(args.contextValue.request.headers.get(ROUTER_KEY_HEADER))) return;
      setResultAndStopExecution({ errors: [routerOnlyError()] });
    },
  };
}

function routerOnlyError(): GraphQLError {
  // Says what is needed, never what was sent: the header's value is not echoed or logged.
  return new GraphQLError(
    `_entities and _service are this subgraph's entry points for the federation router only: send the router's key (FEDERATION_ROUTER_KEY) in the ${ROUTER_KEY_HEADER} header, or query the rest of the graph.`,
    { extensions: { code: ROUTER_ONLY, http: { status: 403 } } },
  );
}

/** Whether the root selection reaches an entry point, through fragments as execution would. */
function selectsEntryPoint(
  selectionSet: SelectionSetNode,
  document: DocumentNode,
  seen = new Set<string>(),
): boolean {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (ENTRY_POINTS.has(selection.name.value)) return true;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (selectsEntryPoint(selection.selectionSet, document, seen)) return true;
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = document.definitions.find(
        (d): d is FragmentDefinitionNode =>
          d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
      );
      if (fragment && selectsEntryPoint(fragment.selectionSet, document, seen)) return true;
    }
  }
  return false;
}
