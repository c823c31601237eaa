// Offsets ↔ lines and columns, against the plain definition (split on `\n`), on texts shorter and
// longer than the line table's first guess (it grows as it fills).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineMap } from '../../src/load/line-map.js';

function expected(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

describe('LineMap', () => {
  it('places every offset as splitting on newlines does', () => {
    const texts = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'é', '中', '\n', '\r', ' ') }),
      // Many short lines: more than the first guess of one line per 32 characters.
      fc.integer({ min: 0, max: 300 }).map((n) => '\n'.repeat(n)),
    );
    fc.assert(
      fc.property(texts, (text) => {
        const map = new LineMap(text);
        for (let offset = 0; offset <= text.length; offset++) {
          const { line, column } = map.position(offset);
          expect({ line, column }).toEqual(expected(text, offset));
        }
        expect(map.lineCount).toBe(text.split('\n').length);
      }),
      { seed: 1127, numRuns: 300 },
    );
  });

  it('gives each line its text and finds offsets back', () => {
    const text = 'a: 1\r\n  b: 2\n\nlast';
    const map = new LineMap(text);
    expect([1, 2, 3, 4].map((l) => map.lineText(l))).toEqual(['a: 1', '  b: 2', '', 'last']);
    expect(map.offset(2, 3)).toBe(8);
    expect(map.position(text.length)).toMatchObject({ line: 4, column: 5 });
  });
});
