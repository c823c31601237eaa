// The draft's YAML writer (src/import/yaml.ts) gives exactly js-yaml's `dump`, byte for byte: on
// the drafts of the project's exports and of the bench's, and on random documents whose strings
// are made of the characters that decide how YAML quotes (`:`, `#`, `-`, quotes, brackets, spaces,
// line breaks, NBSP, NEL, U+2028, emoji, Chinese, words YAML reads as booleans).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPinyin } from '../../src/import/ids.js';
import { importPeople } from '../../src/import/people.js';
import { DUMP_OPTIONS, dumpYaml, dumpYamlBytes, dumpYamlChunks } from '../../src/import/yaml.js';
import { DISTRIBUTIONS, peopleExport } from '../../scripts/bench/people-export.js';

const same = (value: unknown) => expect(dumpYaml(value)).toBe(jsYaml.dump(value, DUMP_OPTIONS));

describe("the draft's YAML writer", () => {
  beforeAll(loadPinyin);

  it("writes the drafts of the project's exports as js-yaml does", () => {
    for (const file of ['examples/import/people.csv', 'test/fixtures/import/sourcegraph/team.csv']) {
      for (const language of ['en', 'zh-CN']) same(importPeople(readFileSync(file, 'utf8'), { language, source: 'people.csv' }).org);
    }
    for (const d of DISTRIBUTIONS) same(importPeople(peopleExport(400, d), { language: 'en', source: 'people.csv' }).org);
  });

  it('writes a draft in chunks, its roles and people as text, exactly as js-yaml writes it whole', () => {
    const csvs = [readFileSync('examples/import/people.csv', 'utf8'), readFileSync('test/fixtures/import/sourcegraph/team.csv', 'utf8'), ...DISTRIBUTIONS.map((d) => peopleExport(400, d))];
    // Ids, names, families and regions that YAML reads as booleans or null, names that need
    // quotes, several seats, notes: what the text of roles and people hands to the entries.
    csvs.push(
      [
        'Name,Title,Manager,Department,Region,Dotted Line Manager',
        'No,Yes,,On,Off,',
        '"Smith, Jo",Null,No,Off,y,',
        '#hash,Sales Rep,"Smith, Jo",On,n,No',
        'Jo Smith,Account Executive (East),"Smith, Jo",On,,',
        'Jo Smith,Interim Sales Manager,No,Off,Off,',
        'Y,SDR,Jo Smith,On,y,',
        'Pat,Account Exec,#hash,On,,',
      ].join('\n'),
    );
    for (const csv of csvs) {
      const { draft, org } = importPeople(csv, { language: 'en', source: 'people.csv' });
      const whole = jsYaml.dump(org, DUMP_OPTIONS);
      expect([...dumpYamlChunks(draft)].join('')).toBe(whole);
      // Chunks end wherever an entry ends: small ones say the same.
      expect([...dumpYamlChunks(draft, 64)].join('')).toBe(whole);
      // As UTF-8 for a file: the same text, in chunks of any size, a piece longer than a chunk
      // (64 bytes hold no entry) as one chunk of its own.
      for (const size of [undefined, 4096, 64]) {
        const chunks = [...dumpYamlBytes(draft, size)];
        expect(Buffer.concat(chunks).toString('utf8')).toBe(whole);
        if (size === 64) expect(chunks.length).toBeGreaterThan(10);
      }
    }
  });

  it('quotes, escapes and breaks lines as js-yaml does', () => {
    for (const s of ['', ' ', 'no', 'No', 'NO', 'y', 'null', 'Null', 'true', 'off', 'On', 'nULL', 'x ', ' x', '-x', 'x-', 'a: b', 'a:b', 'a #b', 'a# b', 'x, y', "O'Brien", 'x"y', '[x]', 'x[y]', '·x', 'a\u00a0b', 'a\u0085b', 'a\u2028b', '😀', 'x😀', '王芳', 'a\nb', 'a\n\nb\n', ' a\nb', 'a\r\nb', '12', '1e3', '0x1f', '2024-01-01', '.inf', '~', '<<', 'x'.repeat(1100)]) {
      same({ k: s, nested: { deeper: { k: s, list: [s, 'x'] } }, [s || 'empty']: 1 });
    }
    same({ a: [], b: {}, c: ['x', 'y'], d: { e: 1, f: true, g: false, h: -1, i: 0.5, j: null }, l: [{ a: 1 }, ['x']] });
  });

  it('writes random documents as js-yaml does', () => {
    const char = fc.constantFrom('a', 'Z', '7', ' ', ':', '#', '-', '?', ',', "'", '"', '[', '{', '&', '*', '!', '|', '>', '%', '@', '`', '\n', '\t', '\u00a0', '\u0085', '\u2028', '·', '王', '😀', '\\', '.', '~');
    const text = fc.oneof(fc.string({ unit: char, maxLength: 8 }), fc.constantFrom('no', 'Yes', 'null', 'TRUE', 'off'), fc.string({ maxLength: 6 }));
    const scalarValue = fc.oneof(text, fc.integer(), fc.boolean());
    const doc = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, scalarValue, fc.array(scalarValue, { maxLength: 3 }), tie('map')),
      map: fc.dictionary(text, tie('value'), { maxKeys: 4 }),
    })).map;
    fc.assert(fc.property(doc, (d) => dumpYaml(d) === jsYaml.dump(d, DUMP_OPTIONS)), { numRuns: 2000 });
  });
});
