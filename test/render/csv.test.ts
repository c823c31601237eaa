// The CSV writer (src/render/csv.ts) writes records itself, for speed: it must give, byte for byte,
// what csv-stringify gives with the options orgc used before (CRLF records, line breaks quoted).
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { inertCell, record } from '../../src/render/csv.js';

const oracle = (row: Array<string | number>) => stringify([row.map(inertCell)], { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });

// Text made mostly of what CSV treats specially, so that every rule is met often.
const special = fc.constantFrom(',', '"', '\r', '\n', '\r\n', "'", '=', '+', '-', '@', '\t', ' ', 'a', 'Z', '0', '销售', '；', '\\');
const text = fc.oneof(fc.array(special, { maxLength: 8 }).map((parts) => parts.join('')), fc.string(), fc.constant(''));
const num = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY));
const row = fc.array(fc.oneof(text, num), { minLength: 1, maxLength: 12 });

describe('csv records', () => {
  it('are what csv-stringify writes, on random rows', () => {
    fc.assert(
      fc.property(row, (r) => {
        expect(record(r)).toBe(oracle(r));
      }),
      { numRuns: 5000, seed: 19 },
    );
  });

  it('quote commas, quotes and line breaks, and make formulas inert', () => {
    expect(record(['a,b', 'say "hi"', 'one\ntwo', '=SUM(A1)', -3, 0, ''])).toBe('"a,b","say ""hi""","one\ntwo",\'=SUM(A1),-3,0,\r\n');
  });
});
