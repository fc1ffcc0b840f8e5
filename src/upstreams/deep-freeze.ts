/**
 * An answer shared by several requests (an upstream read, a whole query), frozen to its leaves
 * before anyone sees it: every request that joined gets the very same object, which costs no
 * copy, and code that tried to change it would throw instead of changing another request's data.
 */
export function deepFreeze<T>(value: T): T {
  // A stack of its own: an upstream body may nest deeper than the call stack goes.
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next !== "object" || next === null || Object.isFrozen(next)) continue;
    Object.freeze(next);
    for (const member of Object.values(next)) pending.push(member);
  }
  return value;
}
