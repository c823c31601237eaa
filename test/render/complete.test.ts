// Every part of the design is in the handbook: each entity of every top-level section of the
// language (SECTIONS in src/schema/grammar.ts) is found by its name, in the render's language, in
// the Markdown and HTML pages, the workbook and the model JSON of the example org. A section the
// language gains fails here until NAMES says how its entities are named (and the renders show them).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UiLanguage } from '../../src/i18n/lang.js';
import { localize } from '../../src/i18n/text.js';
import { loadFiles } from '../../src/load/index.js';
import { sourceFromBytes } from '../../src/load/sources.js';
import { buildModel } from '../../src/model/build.js';
import type { OrgModel, Text } from '../../src/model/types.js';
import { PAGE_KINDS, render } from '../../src/render/index.js';
import type { Page } from '../../src/render/output.js';
import { orgOrder } from '../../src/render/view/build.js';
import { SECTIONS } from '../../src/schema/grammar.js';
import { syntheticOrg } from '../../scripts/bench/synthetic-org.js';
import { ROOT } from '../helpers/cli.js';
import { readWorkbook, sheetRows } from '../helpers/xlsx.js';

type Section = (typeof SECTIONS)[number];

/** An entity as the handbook must show it: each of `names` (texts as written in the YAML) somewhere. */
interface Named {
  id: string;
  names: Text[];
}

/**
 * How each section's entities are named. Extend this when the language gains a section (or an
 * entity gains a field every render must show). A target without a name is shown by its value.
 */
const NAMES: Record<Section, (m: OrgModel) => Named[]> = {
  dimensions: (m) => [...m.dimensions.values()].flatMap((d) => [{ id: d.id, names: [d.name] }, ...[...d.values.values()].map((v) => ({ id: v.id, names: [v.name] }))]),
  families: (m) => [...m.families.values()].map((f) => ({ id: f.id, names: [f.name] })),
  competencies: (m) => [...m.competencies.values()].map((c) => ({ id: c.id, names: [c.name] })),
  process: (m) => [...m.stages.values()].flatMap((s) => [{ id: s.id, names: [s.name] }, ...s.steps.map((step) => ({ id: step.id, names: [step.name] }))]),
  duties: (m) => [...m.duties.values()].map((d) => ({ id: d.id, names: [d.name] })),
  roles: (m) => [...m.roles.values()].map((r) => ({ id: r.id, names: [r.title] })),
  kpis: (m) => [...m.kpis.values()].map((k) => ({ id: k.id, names: [k.name] })),
  metrics: (m) => [...m.metrics.values()].map((x) => ({ id: x.id, names: [x.name] })),
  service_levels: (m) => [...m.serviceLevels.values()].map((s) => ({ id: s.id, names: [s.what] })),
  reviews: (m) => [...m.reviews.values()].map((r) => ({ id: r.id, names: [r.name] })),
  tools: (m) => [...m.tools.values()].map((t) => ({ id: t.id, names: [t.name] })),
  targets: (m) => [...m.targets.values()].map((t) => ({ id: t.id, names: t.name === undefined ? [t.value.text] : [t.name, t.value.text] })),
  signals: (m) => [...m.signals.values()].map((s) => ({ id: s.id, names: s.name === undefined ? [] : [s.name] })),
  people: (m) => [...m.people.values()].map((p) => ({ id: p.id, names: [p.name] })),
  // A pay band shows as its name where it has one (the cost sheet, the JSON); job descriptions show its range.
  pay_bands: (m) => [...m.payBands.values()].map((b) => ({ id: b.id, names: b.name === undefined ? [] : [b.name] })),
};

let model: OrgModel;
beforeAll(async () => {
  const dir = path.join(ROOT, 'examples', 'sales-org');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml')).sort();
  const loaded = await loadFiles(files.map((f) => sourceFromBytes(`examples/sales-org/${f}`, readFileSync(path.join(dir, f)))));
  model = buildModel(loaded.files).model!;
});

function bytes(page: Page): Buffer {
  if (typeof page === 'string') return Buffer.from(page);
  if (page instanceof Uint8Array) return Buffer.from(page);
  return Buffer.concat([...page].map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk))));
}

/** Every page's text, as a reader sees it: Markdown's escapes and HTML's entities undone. */
async function renderedText(format: 'md' | 'html' | 'xlsx', lang: UiLanguage): Promise<string> {
  // Charts left out: every name must be on a page, not only in a picture.
  const out = await render(model, format, lang, [], { only: PAGE_KINDS.filter((k) => k !== 'charts') });
  const texts: string[] = [];
  for (const [file, page] of out) {
    if (file.endsWith('.xlsx')) for (const sheet of readWorkbook(bytes(page))) texts.push(sheet.name, ...sheetRows(sheet).flat());
    else if (file.endsWith('.md')) texts.push(unMarkdown(bytes(page).toString('utf8')));
    else if (file.endsWith('.html')) texts.push(unHtml(bytes(page).toString('utf8')));
  }
  return texts.join('\n');
}

const unMarkdown = (s: string) => decodeEntities(s.replace(/\\([\\`*_{}[\]()#+!|~$:.\-=>])/g, '$1').replace(/<br>/g, '\n'));
const unHtml = (s: string) => decodeEntities(s.replace(/<[^>]*>/g, ''));
const decodeEntities = (s: string) =>
  s.replace(/&(lt|gt|quot|#x27|#39|#x3D|#x60|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'", '#x3D': '=', '#x60': '`', amp: '&' })[e]!);

function missing(text: string, lang: UiLanguage): string[] {
  const out: string[] = [];
  for (const section of SECTIONS) {
    for (const entity of NAMES[section](model)) {
      for (const name of entity.names) {
        const shown = localize(name, lang, model.org.language);
        if (!text.includes(shown)) out.push(`${section} ${entity.id}: ${shown}`);
      }
    }
  }
  return out;
}

describe('every section of the example org is in every render', () => {
  it('walks every section of the language, and the example has entities in each', () => {
    expect(Object.keys(NAMES).sort()).toEqual([...SECTIONS].sort());
    for (const section of SECTIONS) expect(NAMES[section](model).length, section).toBeGreaterThan(0);
  });

  for (const format of ['md', 'html', 'xlsx'] as const) {
    for (const lang of ['en', 'zh-CN'] as const) {
      it(`${format} in ${lang}`, async () => {
        expect(missing(await renderedText(format, lang), lang)).toEqual([]);
      }, 60_000);
    }
  }

  it('json: every entity by id, its names as written', async () => {
    const out = await render(model, 'json', 'en', []);
    const strings = new Set<string>();
    const walk = (v: unknown): void => {
      if (typeof v === 'string') strings.add(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(JSON.parse(bytes(out.get('org.json')!).toString('utf8')));
    const lost: string[] = [];
    for (const section of SECTIONS) {
      for (const entity of NAMES[section](model)) {
        if (!strings.has(entity.id)) lost.push(`${section} ${entity.id}`);
        for (const name of entity.names) for (const text of typeof name === 'string' ? [name] : Object.values(name)) if (!strings.has(text)) lost.push(`${section} ${entity.id}: ${text}`);
      }
    }
    expect(lost).toEqual([]);
  });

  it('shows the adaptation signals in Chinese: the livestream (直播) case is on a page', async () => {
    expect(await renderedText('md', 'zh-CN')).toContain('直播');
    expect(await renderedText('html', 'zh-CN')).toContain('直播');
  }, 60_000);
});

describe('the RACI page', () => {
  it('has roles in reporting-tree order: each manager before their team, each team together', () => {
    const order = orgOrder(model);
    expect(order).toHaveLength(model.roles.size);
    const at = new Map(order.map((r, i) => [r, i]));
    for (const role of order) {
      if (role.manager) expect(at.get(role.manager)!, role.id).toBeLessThan(at.get(role)!);
      // A role's reports and everything under them come right after it.
      const under = (r: typeof role): number => r.reports.reduce((n, x) => n + 1 + under(x), 0);
      const span = order.slice(at.get(role)! + 1, at.get(role)! + 1 + under(role));
      for (const x of span) {
        let up = x.manager;
        while (up && up !== role) up = up.manager;
        expect(up, `${x.id} under ${role.id}`).toBe(role);
      }
    }
  });

  it('is one matrix in a small org, and says why a large one is split by area and step', async () => {
    const small = bytes((await render(model, 'md', 'en', [], { only: ['raci'] })).get('raci.md')!).toString('utf8');
    expect(small.match(/^\| Duty \|/gm)).toHaveLength(1);
    expect(small).toContain('| **A / R count** |');
    const org = syntheticOrg(400);
    const loaded = await loadFiles([...org.files].map(([p, text]) => sourceFromBytes(p, Buffer.from(text))));
    const large = bytes((await render(buildModel(loaded.files).model!, 'md', 'en', [], { only: ['raci'] })).get('raci.md')!).toString('utf8');
    expect(large).toContain('more than 100 roles');
    expect(large.match(/^\| Duty \|/gm)!.length).toBeGreaterThan(1);
  }, 60_000);
});
