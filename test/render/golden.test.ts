// Rendered output, byte for byte, for every format in both languages: the quickstart org in full
// and the five typical roles of the example org. A workbook (.xlsx, a zip) is compared by its
// parts' XML, not its bytes: how the zip is packed is not what the golden is about. Refresh after
// a deliberate change with `UPDATE_GOLDEN=1 npm test` and review the diff like code.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { orgc, ROOT } from '../helpers/cli.js';
import { xlsxParts } from '../helpers/xlsx.js';

const GOLDEN = `${ROOT}test/golden/render`;
/** Regular files below a directory, relative, sorted; orgc's manifest is not part of the output. */
function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name !== '.orgc-manifest.json')
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

function compare(rendered: string, golden: string, only?: (file: string) => boolean) {
  const got = files(rendered).filter((f) => !only || only(f));
  if (process.env.UPDATE_GOLDEN) {
    rmSync(golden, { recursive: true, force: true });
    mkdirSync(golden, { recursive: true });
    for (const f of got) cpSync(path.join(rendered, f), path.join(golden, f));
  }
  expect(got, `files in ${golden}`).toEqual(files(golden));
  for (const f of got) {
    const [made, kept] = [readFileSync(path.join(rendered, f)), readFileSync(path.join(golden, f))];
    if (f.endsWith('.xlsx')) expect(xlsxParts(made), `${golden}/${f}`).toEqual(xlsxParts(kept));
    else expect(made.equals(kept), `${golden}/${f}`).toBe(true);
  }
}

const cases: Array<[string, string, string]> = [];
for (const format of ['md', 'html', 'csv', 'xlsx']) for (const lang of ['en', 'zh-CN']) cases.push([format, lang, `quickstart/${format}/${lang}`]);
cases.push(['json', 'en', 'quickstart/json']);

describe('workbooks compared by their parts', () => {
  const golden = readFileSync(`${GOLDEN}/quickstart/xlsx/en/org.xlsx`);
  const parts = unzipSync(golden);

  it('pass when only the zip differs: another compression, another order of entries', () => {
    const repacked = zipSync(Object.fromEntries(Object.entries(parts).reverse()), { level: 0, mtime: new Date('2001-02-03') });
    expect(Buffer.from(repacked).equals(golden)).toBe(false);
    expect(xlsxParts(repacked)).toEqual(xlsxParts(golden));
  });

  it('fail when a cell differs', () => {
    const sheet = Object.keys(parts).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
    const strings = 'xl/sharedStrings.xml' in parts ? 'xl/sharedStrings.xml' : sheet;
    const xml = Buffer.from(parts[strings]).toString('utf8');
    const changed = xml.replace(/<t([^>]*)>([^<]+)<\/t>/, (_, attrs: string, text: string) => `<t${attrs}>${text}!</t>`);
    expect(changed).not.toBe(xml);
    const edited = zipSync({ ...parts, [strings]: strToU8(changed) });
    expect(xlsxParts(edited)).not.toEqual(xlsxParts(golden));
  });
});

describe('render golden output', () => {
  for (const [format, lang, where] of cases) {
    it(`quickstart as ${format} in ${lang}`, () => {
      const out = mkdtempSync(path.join(tmpdir(), 'orgc-golden-'));
      const r = orgc(['render', 'examples/quickstart/org.yaml', '--format', format, '--lang', lang, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      compare(out, `${GOLDEN}/${where}`);
    });
  }

  const typical = ['sales-director', 'sales-manager', 'sales-rep', 'customer-success-manager', 'sales-support-specialist'];
  for (const lang of ['en', 'zh-CN']) {
    it(`job descriptions of the five typical roles of the example org in ${lang}`, () => {
      const out = mkdtempSync(path.join(tmpdir(), 'orgc-golden-'));
      expect(orgc(['render', 'examples/sales-org', '--only', 'jd', '--lang', lang, '--out', out]).code).toBe(0);
      compare(out, `${GOLDEN}/sales-org/md/${lang}`, (f) => typical.some((id) => f === `roles/${id}.md`));
    });
  }
});
