import { type GraphQLResolveInfo, getDirectiveValues, Kind, type SelectionSetNode } from "graphql";

/** Whether the field being resolved selects `name` directly (inline or through a fragment). */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const visit = (set: SelectionSetNode | undefined): boolean =>
    set?.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === name;
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet);
      return visit(info.fragments[selection.name.value]?.selectionSet);
    }) ?? false;
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}

/**
 * Whether the field being resolved is asked for with `@stream` (its `if` not false): then its
 * items may come as an async iterable, which only graphql-js's executor takes (graphql-jit, which
 * runs documents without incremental delivery, wants a list).
 */
export function isStreamed(info: GraphQLResolveInfo): boolean {
  const stream = info.schema.getDirective("stream");
  if (!stream) return false;
  return info.fieldNodes.some((node) => {
    if (!node.directives?.some((directive) => directive.name.value === "stream")) return false;
    return getDirectiveValues(stream, node, info.variableValues)?.if !== false;
  });
}

/**
 * A list's items as they come: the list is awaited inside the iteration (so an `@stream`ed field
 * sends the payload around it first), then each item in order as it settles; an item that failed
 * is handed on as its Error, which the executor reports at that item's path, and the items after
 * it still come. Items that settle to null or undefined are left out when `skipMissing` is set.
 */
export function itemsAsTheyCome<T>(
  list: Promise<readonly (T | Promise<T>)[]> | readonly (T | Promise<T>)[],
  options: { skipMissing?: boolean } = {},
): AsyncIterable<NonNullable<T>> {
  // Typed as the list's items: graphql-js completes an Error item as that item's field error
  // (completeValue), which the builder's resolver types do not model.
  return settledInOrder(list, options.skipMissing === true) as AsyncIterable<NonNullable<T>>;
}

async function* settledInOrder<T>(
  list: Promise<readonly (T | Promise<T>)[]> | readonly (T | Promise<T>)[],
  skipMissing: boolean,
): AsyncGenerator<T | Error> {
  const items = (await list).map((item) =>
    Promise.resolve(item).then(
      (value): T | Error => value,
      (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
    ),
  );
  for (const item of items) {
    const value = await item;
    if (skipMissing && (value === null || value === undefined)) continue;
    yield value;
  }
}
