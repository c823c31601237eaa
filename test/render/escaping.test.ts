// Text from the org must land intact and inert in every format: tables keep their shape, markup
// stays text, formulas stay strings. Each output is read back with a real parser.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import MarkdownIt from 'markdown-it';
import { parse as parseHtml } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { orgc } from '../helpers/cli.js';

/** Hostile names, one per role; each also names a duty. */
const HOSTILE = [
  'Sales | Service',
  'Line one\nline two',
  '<script>alert(1)</script>',
  '# Not a heading',
  '`code` and *stars* and _under_',
  '[a link](https://example.com) ![img](x.png)',
  '=SUM(A1:A9)',
  '-1 day',
  '+cmd|calc',
  '@admin',
  '"quoted" \'single\'',
  'rtl \u202Eevil\u202C mark',
  'emoji 🚀 and 销售总监 & &amp;',
  'cdata ]]> end',
  '1. ordered? 2) maybe',
];

let dir: string;

function org(): string {
  const q = (s: string) => JSON.stringify(s);
  const duties = HOSTILE.map((h, i) => `  d${i}: { name: ${q(`duty ${h}`)}, area: execution }`).join('\n');
  const roles = HOSTILE.map((h, i) => `  r${i}:\n    title: ${q(h)}\n    level: frontline\n    reports_to: boss\n    duties: { d${i}: R }`).join('\n');
  return `orgc: 1\norg: { id: hostile, name: ${q('Hostile | <Org> `#1`')}, language: en }\nduties:\n${duties}\nroles:\n  boss:\n    title: Boss\n    level: strategic\n    duties: { ${HOSTILE.map((_, i) => `d${i}: A`).join(', ')} }\n${roles}\n`;
}

function render(format: string): string {
  const out = path.join(dir, format);
  const r = orgc(['render', 'org.yaml', '--format', format, '--out', out, '--force'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return out;
}

/** Text content of an HTML node, with <br> as a line break. */
function textOf(node: any): string {
  if (node.nodeName === '#text') return node.value;
  if (node.nodeName === 'br') return '\n';
  return (node.childNodes ?? []).map(textOf).join('');
}

function find(node: any, name: string, out: any[] = []): any[] {
  if (node.nodeName === name) out.push(node);
  for (const c of node.childNodes ?? []) find(c, name, out);
  if (node.content) find(node.content, name, out);
  return out;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'orgc-escape-'));
  writeFileSync(path.join(dir, 'org.yaml'), org());
});

describe('escaping', () => {
  // Read as GitHub reads Markdown: inline HTML (our <br>) is rendered.
  it('keeps Markdown tables in shape and every name intact', () => {
    const out = render('md');
    const html = new MarkdownIt({ html: true }).render(readFileSync(path.join(out, 'raci.md'), 'utf8'));
    const doc = parseHtml(html);
    const tables = find(doc, 'table');
    const first = tables[0];
    const header = find(first, 'th');
    // The one matrix: an area heading row, a row per duty, the A / R count row; every row as wide as the header.
    const all = find(first, 'tr').slice(1);
    for (const row of all) expect(find(row, 'td')).toHaveLength(HOSTILE.length + 2);
    expect(textOf(find(all.at(-1)!, 'td')[0])).toBe('A / R count');
    const rows = all.filter((r) => textOf(find(r, 'td')[0]).startsWith('duty '));
    expect(header.map(textOf)).toEqual(['Duty', 'Boss', ...HOSTILE]);
    expect(rows).toHaveLength(HOSTILE.length);
    expect(rows.map((r) => textOf(find(r, 'td')[0]))).toEqual(HOSTILE.map((h) => `duty ${h}`));
    expect(find(doc, 'script')).toEqual([]);
    expect(find(doc, 'img')).toEqual([]);

    for (let i = 0; i < HOSTILE.length; i++) {
      const page = parseHtml(new MarkdownIt({ html: true }).render(readFileSync(path.join(out, `roles/r${i}.md`), 'utf8')));
      expect(textOf(find(page, 'h1')[0]), `r${i}`).toBe(HOSTILE[i]);
      expect(find(page, 'h1')).toHaveLength(1);
      expect(find(page, 'script')).toEqual([]);
    }
  });

  it('keeps HTML text and attributes intact and inert', () => {
    const out = render('html');
    const doc = parseHtml(readFileSync(path.join(out, 'raci.html'), 'utf8'));
    expect(find(doc, 'script')).toEqual([]);
    const headers = find(find(doc, 'thead')[0], 'th').map(textOf);
    expect(headers).toEqual(['Duty', 'Boss', ...HOSTILE]);
    for (let i = 0; i < HOSTILE.length; i++) {
      const page = parseHtml(readFileSync(path.join(out, `roles/r${i}.html`), 'utf8'));
      expect(textOf(find(page, 'h1')[0])).toBe(HOSTILE[i]);
      expect(textOf(find(page, 'title')[0])).toBe(`${HOSTILE[i]} — Hostile | <Org> \`#1\``);
      expect(find(page, 'script')).toEqual([]);
    }
  });

  it('keeps CSV cells intact, with formula-like cells neutralised', () => {
    const out = render('csv');
    const text = readFileSync(path.join(out, 'raci.csv'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows: string[][] = parseCsv(text, { bom: true, relax_column_count: false });
    const inert = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
    expect(rows[0].slice(4)).toEqual(['Boss', ...HOSTILE.map(inert)]);
    expect(rows.slice(1).map((r) => r[3])).toEqual(HOSTILE.map((h) => `duty ${h}`));
    for (const row of rows) expect(row).toHaveLength(HOSTILE.length + 5);
  });

  it('writes XLSX text as strings, never formulas', () => {
    const out = render('xlsx');
    const zip = unzipSync(readFileSync(path.join(out, 'org.xlsx')));
    const xml = (name: string) => Buffer.from(zip[name]).toString('utf8');
    const strings = new XMLParser({ htmlEntities: true, processEntities: true }).parse(xml('xl/sharedStrings.xml')).sst.si.map((s: any) => String(s.t));
    for (const h of HOSTILE) expect(strings.includes(h) || strings.includes(`'${h}`), h).toBe(true);
    for (const name of Object.keys(zip).filter((n) => n.startsWith('xl/worksheets/sheet'))) expect(xml(name)).not.toMatch(/<f[ >]/);
  });

  it('keeps JSON strings intact', () => {
    const out = render('json');
    const model = JSON.parse(readFileSync(path.join(out, 'org.json'), 'utf8'));
    expect(model.roles.slice(1).map((r: any) => r.title)).toEqual(HOSTILE);
  });
});
