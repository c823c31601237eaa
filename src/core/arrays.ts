// What `target.push(...items)` and `Math.max(...values)` do, at any length. Spreading into a call
// passes every item as an argument, and V8 throws "Maximum call stack size exceeded" past about
// 120,000 of them: the roles of a large org, or the findings of a large file with one problem per
// entry.

/** Append every item to `target`; returns it. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of `values`, or `floor` when there are none (or all are below it). */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const value of values) if (value > max) max = value;
  return max;
}
