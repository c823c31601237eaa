// Ids made from names (src/import/ids.ts) are what the regular expressions they replaced gave:
// `idBase`'s loop against the replacements, and a person's id made from name and employee id apart
// (the name's words made once) against the two read together — on hard strings (markup, Chinese,
// accents, final sigma, combining marks after the space, long names) and on random ones.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { asciiWords, idBase, Ids, loadPinyin } from '../../src/import/ids.js';
import { ID_PATTERN, MAX_ID } from '../../src/schema/grammar.js';

/** The id's base as the import wrote it before `idBase`. */
const referenceBase = (words: string) => words.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, MAX_ID - 4).replace(/-+$/, '');

/** `Ids.make` as it was: the text read whole, the base checked against the id pattern. */
class ReferenceIds {
  private used = new Set<string>();
  private counters = new Map<string, number>();
  make(text: string, prefix: string): string {
    let base = referenceBase(asciiWords(text));
    if (base === '') {
      const n = (this.counters.get(prefix) ?? 0) + 1;
      this.counters.set(prefix, n);
      base = `${prefix}-${n}`;
    } else if (!new RegExp(ID_PATTERN).test(base)) base = `${prefix}-${base}`;
    let id = base;
    for (let i = 2; this.used.has(id); i++) id = `${base}-${i}`;
    this.used.add(id);
    return id;
  }
}

const HARD = [
  'Wang Wei', 'Ólafur Páll', 'Łukasz Żółw', 'ΟΔΥΣΣΕΑΣ', 'ΟΔΥΣΣΕΑΣ Σ', 'Σ', 'Straße', 'Æsa Œuvre', '王芳', '王 芳', 'Li 王', '王', 'A王',
  'Ann B', 'Ann', 'B 1', '1', '2', 'ann-b', 'Ann B-2', '-', '--', ' ', '·', 'Sales · East', 'Account Executive · Solutions Engineering · Partner Manager · 2',
  '<', '>', '< >', '[x](y)', '**Bold**', '_', 'a_b', '~~old~~ new', 'x  y', 'e\u0301', '\u0301e', 'café', 'ﬁle', '①', '¨', 'Ǆ', 'İstanbul',
  'A'.repeat(70), `${'ab '.repeat(30)}c`, `${'a'.repeat(59)}-b`, `${'a'.repeat(60)} b`, '9 lives', '007', 'E123', 'e-1', '',
];

describe('ids', () => {
  beforeAll(loadPinyin);

  it("makes a base as the regular expressions did", () => {
    for (const s of HARD) expect(idBase(asciiWords(s))).toBe(referenceBase(asciiWords(s)));
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'z', '0', '9', '-', ' ', '·', 'é', '_', 'A', '\u0301', '王'), maxLength: 80 }), (s) => {
        expect(idBase(s)).toBe(referenceBase(s));
        expect(idBase(asciiWords(s))).toBe(referenceBase(asciiWords(s)));
      }),
      { numRuns: 2000 },
    );
  });

  it("makes a person's id from name and employee id as from the two read together", () => {
    const ids = new Ids();
    const reference = new ReferenceIds();
    for (const name of HARD) {
      for (const id of HARD) {
        if (!name) continue;
        expect(ids.make(name, 'person', id)).toBe(reference.make(id ? `${name} ${id}` : name, 'person'));
      }
    }
    const part = fc.string({ unit: fc.constantFrom('a', 'B', '1', '-', ' ', 'é', 'Σ', 'σ', '\u0301', '王', '<', '>', '_', '·', 'ø'), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.tuple(part, part), { maxLength: 30 }), (people) => {
        const a = new Ids();
        const b = new ReferenceIds();
        for (const [name, id] of people) if (name) expect(a.make(name, 'person', id)).toBe(b.make(id ? `${name} ${id}` : name, 'person'));
      }),
      { numRuns: 1000 },
    );
  });
});
