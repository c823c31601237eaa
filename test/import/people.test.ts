// importPeople reads an export given as UTF-8 bytes (what `orgc import` passes for a UTF-8 file,
// so that csv-parse needs no copy of the text) exactly as it reads the same export as text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPeople } from '../../src/import/people.js';
import { peopleExport } from '../../scripts/bench/people-export.js';

describe('importPeople', () => {
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
