// Appending and taking the largest of lists as long as a large org's roles or findings, which
// spreading into a call (`push(...list)`, `Math.max(...list)`) cannot do past ~120,000 items.
import { describe, expect, it } from 'vitest';
import { maxOf, pushAll } from '../../src/core/arrays.js';

// Past any stack a thread gets (a worker thread has more than the main one).
const LONG = 2_000_000;

describe('pushAll and maxOf', () => {
  it('take a list longer than a call can spread', () => {
    const items = Array.from({ length: LONG }, (_, i) => i % 1000);
    // The failure they exist for, so that this test keeps meaning something on a future V8.
    expect(() => [].push(...(items as never[]))).toThrow(RangeError);
    const target = [-1];
    expect(pushAll(target, items)).toBe(target);
    expect(target).toHaveLength(LONG + 1);
    expect(target[LONG]).toBe(items[LONG - 1]);
    expect(maxOf(items, 0)).toBe(999);
    expect(maxOf(new Map(items.map((v, i) => [i, v])).values())).toBe(999);
  });

  it('give what Math.max gives on short lists, the floor when empty', () => {
    for (const list of [[3, 1, 2], [-5, -2], [0], [2.5, 2.25]]) expect(maxOf(list)).toBe(Math.max(...list));
    expect(maxOf([], 0)).toBe(0);
    expect(maxOf([])).toBe(-Infinity);
    expect(maxOf([-3, -1], 0)).toBe(0);
  });
});
