// Hostile text in every text field of an org — every value the JSON Schema calls Text, in every
// section of the bundled example — rendered in every format and read back with each format's real
// parser: each string arrives intact where it is shown, and nothing in it becomes markup, a table
// cell of its own, a formula or a script.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import jsYaml from 'js-yaml';
import MarkdownIt from 'markdown-it';
import { parse as parseHtml } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { launch, mermaidParse } from '../helpers/browser.js';
import { orgc, ROOT } from '../helpers/cli.js';

const HOSTILE = [
  'Pipe | in a cell',
  'Line one\nline two',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '# Not a heading',
  '`code` *stars* _under_ ~~strike~~',
  '[a link](https://evil.example) ![img](x.png)',
  '=HYPERLINK("http://evil.example")',
  '+1 plus',
  '-1 minus',
  '@sum(a1)',
  '"double" \'single\'',
  'cdata ]]> end',
  'rtl \u202Eevil\u202C mark',
  'emoji 🚀 and 销售总监 & &amp;',
  '{{handlebars}} {{{triple}}}',
  '%%{init: {"theme":"dark"}}%%',
  '--> end; click x call y()',
  '\\ backslash \\n',
];

type Schema = Record<string, any>;
const schema: Schema = JSON.parse(readFileSync(`${ROOT}schemas/orgc.schema.json`, 'utf8'));
const deref = (s: Schema): Schema => (s.$ref ? deref(schema.$defs[s.$ref.replace('#/$defs/', '')]) : s);
const isText = (s: Schema) => s.$ref === '#/$defs/Text';

/** Every Text value replaced by a hostile string with a unique tag; the originals by tag. */
function poison(value: unknown, s: Schema, placed: Map<string, string>): unknown {
  if (isText(s)) {
    const make = () => {
      const n = placed.size;
      const text = `${HOSTILE[n % HOSTILE.length]} T${n}T`;
      placed.set(`T${n}T`, text);
      return text;
    };
    if (typeof value === 'string') return make();
    if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).map((k) => [k, make()]));
    return value;
  }
  const d = deref(s);
  for (const branch of d.anyOf ?? d.oneOf ?? []) {
    const b = deref(branch);
    const fits = (b.type === 'object' && value && typeof value === 'object' && !Array.isArray(value)) || (b.type === 'array' && Array.isArray(value));
    if (fits || isText(branch)) return poison(value, branch, placed);
  }
  if (Array.isArray(value)) return value.map((v) => (d.items ? poison(v, d.items, placed) : v));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const sub = d.properties?.[k] ?? (typeof d.additionalProperties === 'object' ? d.additionalProperties : undefined);
      out[k] = sub ? poison(v, sub, placed) : v;
    }
    return out;
  }
  return value;
}

let dir: string;
const placed = new Map<string, string>();
const one = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Every tagged string found in a text: it must be the whole original, untouched. */
function checkIntact(texts: string[], where: string, seen: Set<string>): void {
  const all = one(texts.join('\n'));
  for (const m of all.matchAll(/T(\d+)T/g)) {
    const tag = m[0];
    const original = one(placed.get(tag)!);
    expect(all.includes(original), `${where}: ${JSON.stringify(original)}`).toBe(true);
    seen.add(tag);
  }
}

function render(format: string): string {
  const out = path.join(dir, 'out', format);
  const r = orgc(['render', 'org', '--format', format, '--out', out, '--force', '--lang', 'en'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return out;
}

const files = (root: string, ext: string) =>
  readdirSync(root, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => path.join(root, f));

function textNodes(node: any, out: string[] = []): string[] {
  if (node.nodeName === '#text') out.push(node.value);
  if (node.nodeName === 'br') out.push('\n');
  for (const c of node.childNodes ?? []) textNodes(c, out);
  if (node.content) textNodes(node.content, out);
  return out;
}

/** Attribute values, each on its own: a title or alt must hold the whole string. */
function attributeValues(node: any, out: string[] = []): string[] {
  for (const a of node.attrs ?? []) out.push(a.value);
  for (const c of node.childNodes ?? []) attributeValues(c, out);
  if (node.content) attributeValues(node.content, out);
  return out;
}

function elements(node: any, test: (n: any) => boolean, out: any[] = []): any[] {
  if (node.tagName && test(node)) out.push(node);
  for (const c of node.childNodes ?? []) elements(c, test, out);
  if (node.content) elements(node.content, test, out);
  return out;
}

const inert = (n: any) => n.tagName === 'script' || n.tagName === 'img' || n.tagName === 'iframe' || (n.attrs ?? []).some((a: any) => /^on/i.test(a.name));

const seen = { md: new Set<string>(), html: new Set<string>(), json: new Set<string>() };

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'orgc-every-field-'));
  mkdirSync(path.join(dir, 'org', 'roles'), { recursive: true });
  for (const f of files(`${ROOT}examples/sales-org`, '.yaml')) {
    const data = jsYaml.load(readFileSync(f, 'utf8'), { schema: jsYaml.CORE_SCHEMA });
    const rel = path.relative(`${ROOT}examples/sales-org`, f);
    writeFileSync(path.join(dir, 'org', rel), jsYaml.dump(poison(data, schema.$defs.OrgFile, placed), { lineWidth: -1 }));
  }
});

describe('hostile text in every text field', () => {
  it('is placed in every section', () => {
    expect(placed.size).toBeGreaterThan(300);
  });

  it('Markdown: tables keep their shape, nothing becomes markup, every string intact', () => {
    const md = new MarkdownIt({ html: true });
    for (const file of files(render('md'), '.md')) {
      const doc = parseHtml(md.render(readFileSync(file, 'utf8')));
      expect(elements(doc, inert), file).toEqual([]);
      for (const table of elements(doc, (n) => n.tagName === 'table')) {
        const width = elements(table, (n) => n.tagName === 'tr').map((tr) => elements(tr, (n) => n.tagName === 'td' || n.tagName === 'th').length);
        expect(new Set(width).size, `${file}: rows of ${width.join(', ')} cells`).toBe(1);
      }
      // A heading only where the template puts one: never from text.
      for (const h of elements(doc, (n) => /^h[1-6]$/.test(n.tagName))) expect(textNodes(h).join(''), file).not.toMatch(/^Not a heading/);
      // Mermaid source is checked by Mermaid itself (below): its labels are entity-coded by design.
      for (const code of elements(doc, (n) => (n.attrs ?? []).some((a: any) => a.name === 'class' && a.value === 'language-mermaid'))) code.childNodes = [];
      checkIntact(textNodes(doc), file, seen.md);
    }
  });

  it('HTML: text and attributes intact and inert', () => {
    for (const file of files(render('html'), '.html')) {
      const doc = parseHtml(readFileSync(file, 'utf8'));
      // No script but the chart viewer's own files, by relative path with nothing inline (test/render/chart-view.test.ts).
      const viewer = (n: any) => n.tagName === 'script' && n.childNodes.length === 0 && ['../assets/panzoom.min.js', '../assets/chart-view.js'].includes(n.attrs.find((a: any) => a.name === 'src')?.value);
      expect(elements(doc, (n) => (n.tagName === 'script' && !viewer(n)) || n.tagName === 'iframe' || (n.attrs ?? []).some((a: any) => /^on/i.test(a.name))), file).toEqual([]);
      checkIntact(textNodes(doc), file, seen.html);
      for (const value of attributeValues(doc)) checkIntact([value], `${file} (attribute)`, seen.html);
    }
  });

  it('CSV: every row as wide as its header, formula-like cells neutralised', () => {
    for (const file of files(render('csv'), '.csv')) {
      const rows: string[][] = parseCsv(readFileSync(file, 'utf8'), { bom: true, relax_column_count: true });
      for (const row of rows) expect(row.length, file).toBe(rows[0].length);
      for (const cell of rows.flat()) expect(cell, file).not.toMatch(/^[=+\-@\t\r]/);
      checkIntact(rows.flat().map((c) => c.replace(/^'(?=[=+\-@\t\r])/, '')), file, new Set());
    }
  });

  it('XLSX: strings, never formulas', () => {
    const zip = unzipSync(readFileSync(path.join(render('xlsx'), 'org.xlsx')));
    const xml = (name: string) => Buffer.from(zip[name]).toString('utf8');
    for (const name of Object.keys(zip).filter((n) => n.startsWith('xl/worksheets/'))) expect(xml(name)).not.toMatch(/<f[ >]/);
    const sst = new XMLParser({ htmlEntities: true, processEntities: true }).parse(xml('xl/sharedStrings.xml')).sst.si;
    const strings = (Array.isArray(sst) ? sst : [sst]).map((s: any) => String(s.t));
    checkIntact(strings.map((c) => c.replace(/^'(?=[=+\-@\t\r])/, '')), 'org.xlsx', new Set());
  });

  it('JSON: every string intact', () => {
    const json = readFileSync(path.join(render('json'), 'org.json'), 'utf8');
    const strings: string[] = [];
    JSON.parse(json, (_k, v) => (typeof v === 'string' && strings.push(v), v));
    checkIntact(strings, 'org.json', seen.json);
  });

  it('every text field reaches the readers: the handbook or the model JSON shows each one', () => {
    const missing = [...placed.keys()].filter((t) => !seen.md.has(t) && !seen.html.has(t) && !seen.json.has(t));
    expect(missing.map((t) => placed.get(t))).toEqual([]);
  });

  describe('Mermaid', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launch();
    }, 60_000);
    afterAll(async () => browser?.close());

    it('accepts every chart, hostile labels and all', async () => {
      const charts = files(render('mermaid'), '.mmd').map((f) => readFileSync(f, 'utf8'));
      expect(charts.length).toBeGreaterThan(0);
      expect(await mermaidParse(browser, charts)).toEqual(charts.map(() => ''));
    }, 60_000);
  });
});
