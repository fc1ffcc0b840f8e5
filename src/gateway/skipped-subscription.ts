import {
  type DirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
} from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * A subscription's root selections may not carry @skip or @include: the GraphQL specification's
 * "Single Root Field" rule says so since graphql-spec#860 (graphql-js 17 checks it; the graphql 16
 * this gateway runs does not). Without it, `imageUpdated @include(if: false)` left the executor no
 * field to subscribe to, and it threw (a 500); and a condition on a variable made graphql 16's own
 * rule throw while validating (a 400 blaming a variable that was given). Checked by reading the
 * document, whatever the variables, before graphql's rules run: a 400 that says what to change.
 */

export const SUBSCRIPTION_ROOT_SKIP_INCLUDE = "SUBSCRIPTION_ROOT_SKIP_INCLUDE";

export function useSkippedSubscriptionRefused(): Plugin {
  return {
    onValidate({ params: { documentAST }, setResult }) {
      const errors = rootConditionErrors(documentAST);
      // Set as the validation's result: graphql 16's SingleFieldSubscriptionsRule would throw on
      // a condition on a variable before any other rule could report.
      if (errors.length > 0) setResult(errors);
    },
  };
}

/** An error for each @skip or @include on a subscription's root selections. */
export function rootConditionErrors(document: DocumentNode): GraphQLError[] {
  const errors: GraphQLError[] = [];
  let fragments: Map<string, FragmentDefinitionNode> | undefined;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION || definition.operation !== "subscription") {
      continue;
    }
    fragments ??= fragmentsOf(document);
    const name = definition.name ? `Subscription "${definition.name.value}"` : "A subscription";
    checkRoot(definition.selectionSet, fragments, new Set(), (directive, where) => {
      errors.push(
        new GraphQLError(
          `${name} has @${directive.name.value} on its root selection (${where}): a subscription always subscribes to its one root field, so it may not be skipped or included conditionally (GraphQL specification, "Single Root Field"). Remove the directive, and leave the subscription out when it is not wanted.`,
          { nodes: [directive], extensions: { code: SUBSCRIPTION_ROOT_SKIP_INCLUDE } },
        ),
      );
    });
  }
  return errors;
}

type Report = (directive: DirectiveNode, where: string) => void;

/** The root selections, through fragments spread or inlined at the root, fragments once each. */
function checkRoot(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  visited: Set<string>,
  report: Report,
): void {
  for (const selection of selectionSet.selections) {
    const where =
      selection.kind === Kind.FIELD
        ? `field ${selection.name.value}`
        : selection.kind === Kind.FRAGMENT_SPREAD
          ? `fragment ${selection.name.value}`
          : "an inline fragment";
    for (const directive of selection.directives ?? []) {
      if (directive.name.value === "skip" || directive.name.value === "include") {
        report(directive, where);
      }
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      checkRoot(selection.selectionSet, fragments, visited, report);
    } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments.get(selection.name.value);
      // An unknown fragment or a cycle is another rule's error.
      if (!fragment || visited.has(fragment.name.value)) continue;
      visited.add(fragment.name.value);
      checkRoot(fragment.selectionSet, fragments, visited, report);
    }
  }
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  return fragments;
}
