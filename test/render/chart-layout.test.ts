// Charts that read, measured on what Mermaid draws in Chromium: the proportions of the picture, the
// title and legend on it, every box on its reporting layer, and on the process map one labelled
// arrow per hand-off, none of them through a label or a box.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawMermaid, mermaidPage } from '../../src/render/charts/images.js';
import { toMermaid } from '../../src/render/charts/mermaid.js';
import { launch, MERMAID_MODULE, mermaidParse } from '../helpers/browser.js';
import { orgc } from '../helpers/cli.js';

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Drawing {
  /** The PNG's size in pixels. */
  png: { width: number; height: number };
  title: string;
  /** Boxes by Mermaid node id (`r_sales_director`, `legend_2`). */
  nodes: Box[];
  /** Edge labels with text, by edge id (`L_s_a_s_b_0`). */
  labels: Array<Box & { text: string }>;
  /** Points along each visible line, by edge id. */
  lines: Array<{ id: string; points: Array<[number, number]> }>;
  /** Frames with their titles' boxes. */
  clusters: Array<Box & { text: string }>;
}

/** Draw a Mermaid chart as a PNG and read the geometry of the SVG it was drawn from. */
async function draw(page: Page, text: string): Promise<Drawing> {
  const png = Buffer.from(await drawMermaid(page, text, 'png'));
  const geometry = await page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    };
    const svg = document.querySelector('#container svg')!;
    const nodeId = (id: string) => id.replace(/^orgc-chart-flowchart-/, '').replace(/-\d+$/, '');
    return {
      title: svg.querySelector('.flowchartTitleText')?.textContent ?? '',
      nodes: [...svg.querySelectorAll('g.node')].map((el) => ({ id: nodeId(el.id), ...box(el.querySelector('rect, path, polygon') ?? el) })),
      labels: [...svg.querySelectorAll('g.edgeLabel .label[data-id]')]
        .map((el) => ({ id: el.getAttribute('data-id')!, text: (el.textContent ?? '').trim(), ...box(el) }))
        .filter((l) => l.text),
      lines: [...svg.querySelectorAll('path[data-edge="true"]')]
        // Invisible links have no line style.
        .filter((el) => (el.getAttribute('class') ?? '').includes('edge-pattern'))
        .map((el) => {
          const path = el as SVGPathElement;
          const matrix = path.getScreenCTM()!;
          const length = path.getTotalLength();
          const points: Array<[number, number]> = [];
          for (let at = 0; at <= length; at += 3) {
            const p = path.getPointAtLength(at).matrixTransform(matrix);
            points.push([p.x, p.y]);
          }
          return { id: el.getAttribute('data-id')!, points };
        }),
      clusters: [...svg.querySelectorAll('g.cluster')].map((el) => {
        const title = el.querySelector('.cluster-label');
        return { id: el.id.replace(/^orgc-chart-/, ''), text: (title?.textContent ?? '').trim(), ...box(title ?? el) };
      }),
    };
  });
  return { png: { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }, ...geometry };
}

const inside = (p: [number, number], b: Box, margin = 2) => p[0] > b.x + margin && p[0] < b.x + b.width - margin && p[1] > b.y + margin && p[1] < b.y + b.height - margin;
const centreY = (b: Box) => b.y + b.height / 2;

/** The chart sources of an example in a language, as `orgc render -f mermaid` writes them. */
function sources(example: string, lang: string): Record<string, string> {
  const out = mkdtempSync(path.join(tmpdir(), 'orgc-layout-'));
  expect(orgc(['render', example, '-f', 'mermaid', '--out', out, '--lang', lang]).code).toBe(0);
  return { org: readFileSync(path.join(out, 'charts', 'org.mmd'), 'utf8'), process: readFileSync(path.join(out, 'charts', 'process.mmd'), 'utf8') };
}

/** Landscape at most 2 : 1 (a slide is 16 : 9), portrait at most 1 : 2 (a page). */
function expectReadableProportions(d: Drawing, what: string) {
  const ratio = d.png.width / d.png.height;
  expect(ratio, `${what}: ${d.png.width}×${d.png.height}`).toBeLessThanOrEqual(2);
  expect(ratio, `${what}: ${d.png.width}×${d.png.height}`).toBeGreaterThanOrEqual(0.5);
}

/** No line runs through a label other than its own, a frame's title, nor a box other than its ends. */
function expectClearLines(d: Drawing, what: string) {
  const crossings: string[] = [];
  const titles = d.clusters.filter((c) => c.text);
  for (const line of d.lines) {
    const ends = line.id.replace(/^L_/, '').replace(/_\d+$/, '');
    for (const label of d.labels) if (label.id !== line.id && line.points.some((p) => inside(p, label))) crossings.push(`${line.id} crosses label "${label.text}"`);
    for (const title of titles) if (line.points.some((p) => inside(p, title))) crossings.push(`${line.id} crosses the title "${title.text}"`);
    for (const node of d.nodes) if (!ends.startsWith(`${node.id}_`) && !ends.endsWith(`_${node.id}`) && line.points.some((p) => inside(p, node))) crossings.push(`${line.id} crosses box ${node.id}`);
  }
  expect(crossings, what).toEqual([]);
}

describe('charts that read', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launch();
    page = await mermaidPage(browser, MERMAID_MODULE);
  }, 120_000);
  afterAll(async () => browser?.close());

  for (const [lang, words] of [
    ['zh-CN', { org: 'Acme 科技销售中心 · 组织架构图', process: 'Acme 科技销售中心 · 流程图', legend: '图例', solid: '汇报关系', dotted: '虚线汇报（矩阵管理）', vacant: '有空缺的岗位', customer: '客户' }],
    ['en', { org: 'Acme Technology Sales · Org chart', process: 'Acme Technology Sales · Process map', legend: 'Legend', solid: 'reports to', dotted: 'dotted line (matrix manager)', vacant: 'Role with open positions', customer: 'Customer' }],
  ] as const) {
    describe(lang, () => {
      let charts: Record<string, string>;
      beforeAll(() => {
        charts = sources('examples/sales-org', lang);
      });

      it('org chart: the proportions of a slide, with its title and legend', async () => {
        const d = await draw(page, charts.org);
        expectReadableProportions(d, `org (${lang})`);
        expect(d.title).toBe(words.org);
        const legend = d.clusters.find((c) => c.id === 'legend');
        expect(legend?.text).toBe(words.legend);
        expect(d.labels.map((l) => l.text)).toEqual(expect.arrayContaining([words.solid, words.dotted]));
        expect(d.nodes.find((n) => n.id === 'legend_2')).toBeDefined();
        expect(charts.org).toContain(`legend_2["${words.vacant}"]:::vacant`);
        // The legend hangs under the chart.
        const lowestRole = Math.max(...d.nodes.filter((n) => n.id.startsWith('r_')).map((n) => n.y + n.height));
        expect(d.nodes.find((n) => n.id === 'legend_2')!.y).toBeGreaterThan(lowestRole);
      }, 60_000);

      it('org chart: every direct report of the director on one layer, the KA account manager with its dotted lines too', async () => {
        const d = await draw(page, charts.org);
        const y = (id: string) => centreY(d.nodes.find((n) => n.id === id)!);
        const peers = ['r_sales_manager', 'r_regional_manager_east', 'r_regional_manager_south', 'r_customer_success_manager', 'r_sales_support_specialist', 'r_ka_account_manager'];
        for (const id of peers) expect(Math.abs(y(id) - y('r_sales_manager')), id).toBeLessThan(1);
        expect(y('r_sales_director')).toBeLessThan(y('r_sales_manager'));
        // The teams' first rows on the next layer, all level.
        const heads = ['r_sales_development_rep', 'r_industry_sales_healthcare', 'r_industry_sales_education', 'r_delivery_support'];
        for (const id of heads) expect(Math.abs(y(id) - y('r_sales_development_rep')), id).toBeLessThan(1);
        expect(y('r_sales_development_rep')).toBeGreaterThan(y('r_ka_account_manager'));
      }, 60_000);

      it('process map: one labelled arrow per hand-off, between the steps that hand over and take over, none through a label or a box', async () => {
        const d = await draw(page, charts.process);
        expectReadableProportions(d, `process (${lang})`);
        expect(d.title).toBe(words.process);
        // Seven service levels in the example, seven labelled arrows; the legend's two more.
        const handoffs = d.labels.filter((l) => !l.id.startsWith('L_legend'));
        // Mermaid names an arrow `L_<from>_<to>_<n>`.
        const ends = (l: { id: string }) => l.id.replace(/_\d+$/, '');
        expect(handoffs.map(ends).sort()).toEqual(
          [
            'L_s_lead_qualification_s_need_analysis',
            'L_s_contract_signing_s_delivery_coordination',
            'L_s_delivery_coordination_s_complaint_handling',
            'L_s_delivery_coordination_s_payment_collection',
            'L_s_payment_collection_s_complaint_handling',
            'L_s_complaint_handling_p_customer',
            'L_s_complaint_handling_p_customer',
          ].sort(),
        );
        const labels = (id: string) => handoffs.filter((l) => ends(l) === id).map((l) => l.text.replace(/.*≤ /, '≤ ')).sort();
        expect(labels('L_s_lead_qualification_s_need_analysis')).toEqual(['≤ 24h']);
        expect(labels('L_s_delivery_coordination_s_payment_collection')).toEqual(['≤ 1d']);
        expect(labels('L_s_payment_collection_s_complaint_handling')).toEqual(['≤ 1h']);
        expect(labels('L_s_delivery_coordination_s_complaint_handling')).toEqual(['≤ 2d']);
        expect(labels('L_s_complaint_handling_p_customer')).toEqual(['≤ 24h', '≤ 48h']);
        // No box floats: every box but the legend's has a line.
        const linked = new Set(d.lines.flatMap((l) => [l.id]));
        for (const node of d.nodes.filter((n) => !n.id.startsWith('legend'))) expect([...linked].some((id) => id.includes(node.id)), node.id).toBe(true);
        expect(d.nodes.filter((n) => n.id.startsWith('p_')).map((n) => n.id)).toEqual(['p_customer']);
        expect(charts.process).toContain(`p_customer(["${words.customer}"]):::party`);
        expectClearLines(d, `process (${lang})`);
      }, 60_000);
    });
  }

  it('draws a hostile org name as the title, as written', async () => {
    const heading = 'R&D "Sales"\n---\ntitle: x # %%{init: {"theme":"dark"}}%% <b>';
    const text = toMermaid({ id: 'org', title: 'Org chart', heading, direction: 'TB', nodes: [{ id: 'r_a', lines: ['A'], kind: 'role' }], edges: [], groups: [], children: [], parts: [] });
    expect(await mermaidParse(browser, [text])).toEqual(['']);
    // Mermaid would show `&` as "&amp;": the full-width forms, which look the same, are drawn instead.
    expect((await draw(page, text)).title).toBe('R＆D "Sales" --- title: x # %%{init: {"theme":"dark"}}%% ＜b＞');
  }, 60_000);

  it('the same org gives byte-identical chart sources', () => {
    expect(sources('examples/sales-org', 'zh-CN')).toEqual(sources('examples/sales-org', 'zh-CN'));
  }, 60_000);
});
