import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  getOperationAST,
  getVariableValues,
  Kind,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type ValidationRule,
} from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * A subscription runs its one root field; one whose root fields are all skipped (`@skip(if:
 * true)`, `@include(if: false)`) has nothing to run, and the executor threw on it (a 500). It is
 * the client's mistake: refused in validation when the directives say so literally, and before
 * subscribing when they depend on variables (which validation cannot know).
 */

export const SUBSCRIPTION_FIELD_SKIPPED = "SUBSCRIPTION_FIELD_SKIPPED";

export function useSkippedSubscriptionRefused(): Plugin {
  const rule: ValidationRule = (context) => ({
    OperationDefinition(operation) {
      if (operation.operation !== "subscription") return;
      if (!selectsAField(operation.selectionSet, fragmentsOf(context.getDocument()), undefined)) {
        context.reportError(skippedError(operation, "its directives"));
      }
    },
  });
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== "subscription") return;
      const { coerced } = getVariableValues(
        args.schema,
        operation.variableDefinitions ?? [],
        args.variableValues ?? {},
      );
      // Variables that do not coerce: the executor reports them.
      if (!coerced) return;
      if (!selectsAField(operation.selectionSet, fragmentsOf(args.document), coerced)) {
        const error = skippedError(operation, "its variables");
        Object.assign(error.extensions, { http: { status: 400 } });
        setResultAndStopExecution({ errors: [error] });
      }
    },
  };
}

function skippedError(operation: OperationDefinitionNode, by: string): GraphQLError {
  return new GraphQLError(
    `This subscription has no field to subscribe to: ${by} skip every root field (@skip/@include). Subscribe to one field that is not skipped, or do not send the subscription.`,
    { nodes: [operation], extensions: { code: SUBSCRIPTION_FIELD_SKIPPED } },
  );
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

/**
 * Whether a field is left in `selectionSet` once @skip and @include are applied, through inline
 * fragments and spreads, as the executor collects them. Without `variables` (validation), a
 * condition on a variable counts as keeping its selection.
 */
function selectsAField(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Readonly<Record<string, unknown>> | undefined,
  visited = new Set<string>(),
): boolean {
  for (const selection of selectionSet.selections) {
    if (!isIncluded(selection, variables)) continue;
    if (selection.kind === Kind.FIELD) return true;
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (selectsAField(selection.selectionSet, fragments, variables, visited)) return true;
      continue;
    }
    const name = selection.name.value;
    const fragment = fragments.get(name);
    // An unknown fragment is another rule's error; a spread seen before adds nothing.
    if (!fragment || visited.has(name)) continue;
    visited.add(name);
    if (selectsAField(fragment.selectionSet, fragments, variables, visited)) return true;
  }
  return false;
}

function isIncluded(
  selection: SelectionNode,
  variables: Readonly<Record<string, unknown>> | undefined,
): boolean {
  return (
    condition(selection, "skip", variables) !== true &&
    condition(selection, "include", variables) !== false
  );
}

/** The value of the `if` of the directive `name` on `selection`; undefined when not known. */
function condition(
  selection: SelectionNode,
  name: "skip" | "include",
  variables: Readonly<Record<string, unknown>> | undefined,
): boolean | undefined {
  const directive = selection.directives?.find((d) => d.name.value === name);
  const value = directive?.arguments?.find((a) => a.name.value === "if")?.value;
  if (value?.kind === Kind.BOOLEAN) return value.value;
  if (value?.kind === Kind.VARIABLE && variables) {
    const given = variables[value.name.value];
    return typeof given === "boolean" ? given : undefined;
  }
  return undefined;
}
