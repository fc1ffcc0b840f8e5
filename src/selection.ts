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
 * A list's items as they come, for a field asked for with `@stream`: the list is awaited inside
 * the iteration (so the payload around the field is sent first), then each item as soon as it
 * settles, in the order they settle. An item that failed is handed on as its Error, which the
 * executor reports at that item's path with its code, after every item that succeeded: the
 * executor ends a stream at a failed item of a non-null list (the GraphQL incremental delivery
 * rule), so a failure sent last leaves every other item its place. Items that settle to null or undefined are left out when `skipMissing` is
 * set.
 */
export function itemsAsTheyCome<T>(
  list: Promise<readonly (T | Promise<T>)[]> | readonly (T | Promise<T>)[],
  options: { skipMissing?: boolean } = {},
): AsyncIterable<NonNullable<T>> {
  // Typed as the list's items: graphql-js completes an Error item as that item's field error
  // (completeValue), which the builder's resolver types do not model.
  return settledAsTheyCome(list, options.skipMissing === true) as AsyncIterable<NonNullable<T>>;
}

async function* settledAsTheyCome<T>(
  list: Promise<readonly (T | Promise<T>)[]> | readonly (T | Promise<T>)[],
  skipMissing: boolean,
): AsyncGenerator<T | Error> {
  const items = await list;
  const ready: { value: T }[] = [];
  const failed: Error[] = [];
  let wake: (() => void) | undefined;
  for (const item of items) {
    Promise.resolve(item)
      .then(
        (value) => ready.push({ value }),
        (error: unknown) => failed.push(error instanceof Error ? error : new Error(String(error))),
      )
      .finally(() => wake?.());
  }
  for (let handed = 0; handed + failed.length < items.length; ) {
    const next = ready.shift();
    if (next === undefined) {
      // Nothing ready yet: wait for the next item to settle.
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      continue;
    }
    handed++;
    if (skipMissing && (next.value === null || next.value === undefined)) continue;
    yield next.value;
  }
  // The first failure, last: it ends the stream, with its error at its item's path. A turn of
  // the event loop first, for the reader to take the items before it: the executor drops the
  // items of a stream it has not sent yet when one of a non-null list fails.
  if (failed[0]) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    yield failed[0];
  }
}
