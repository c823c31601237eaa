import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstOthers } from '../../src/render/view/build.js';

// A job description lists a few of the other owners of each of its KPIs, and how many there are.
describe('firstOthers', () => {
  it('is the filtered list, cut to the limit, and its length', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 30 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 8 }), (list, self, limit) => {
        const others = list.filter((x) => x !== self);
        // Asked twice: the second answer comes from what the first remembered about the list.
        for (let i = 0; i < 2; i++) expect(firstOthers(list, self, limit)).toEqual({ first: others.slice(0, limit), count: others.length });
      }),
    );
  });

  it('answers for every member of a long list without scanning it each time', () => {
    const list = Array.from({ length: 50_000 }, (_, i) => ({ i }));
    let total = 0;
    for (const self of list) total += firstOthers(list, self, 3).count;
    expect(total).toBe(50_000 * 49_999);
  });
});
