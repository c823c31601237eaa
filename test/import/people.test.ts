// importPeople reads an export given as UTF-8 bytes (what `orgc import` passes for a UTF-8 file,
// so that csv-parse needs no copy of the text) exactly as it reads the same export as text.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { toSimplified } from '../../src/i18n/traditional.js';
import { loadPinyin } from '../../src/import/ids.js';
import { DEFAULT_LEVEL_WORDS } from '../../src/import/levels.js';
import { COLUMNS, importPeople, LOCATION_HEADERS } from '../../src/import/people.js';
import { peopleExport } from '../../scripts/bench/people-export.js';

describe('importPeople', () => {
  beforeAll(loadPinyin);

  it("keeps its own header names and level words in Simplified, as it compares them without converting", () => {
    const own = [...Object.values(COLUMNS).flat(), ...LOCATION_HEADERS, ...DEFAULT_LEVEL_WORDS.map(([word]) => word)].map((w) => w.toLowerCase());
    expect(own.filter((w) => /\p{Script=Han}/u.test(w)).length).toBeGreaterThan(20);
    expect(own.filter((w) => toSimplified(w) !== w)).toEqual([]);
  });

  it('reads Traditional headers and level words in an export', () => {
    const { report, org } = importPeople('工號,姓名,職位,上級工號\n1,王芳,總經理,\n2,李娜,銷售經理,1\n', { language: 'zh-TW', source: 'people.csv' });
    expect(report.columns.map((c) => c.header)).toEqual(['工號', '姓名', '職位', '上級工號']);
    expect(report.lines).toMatchObject({ total: 1, kept: 1 });
    expect(Object.values(org.roles as Record<string, { level: string }>).map((r) => r.level)).toEqual(['strategic', 'tactical']);
  });

  it('reads UTF-8 bytes, with or without a byte order mark, as it reads the text', () => {
    for (const text of [readFileSync('examples/import/people.csv', 'utf8'), peopleExport(300, 'long-tail'), 'Name,Title,Manager\nZoë Müller,Directrice,\nJosé,Vendeur,Zoë Müller\n']) {
      const fromText = importPeople(text, { language: 'en', source: 'people.csv' });
      for (const bytes of [Buffer.from(text), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), new TextEncoder().encode(text)]) {
        const fromBytes = importPeople(bytes, { language: 'en', source: 'people.csv' });
        expect(fromBytes.org).toEqual(fromText.org);
        expect(fromBytes.report).toEqual(fromText.report);
      }
    }
  });
});
