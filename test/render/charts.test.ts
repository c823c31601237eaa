// Org charts and process maps: the Mermaid text (golden), Mermaid's own acceptance of every chart
// we generate, pictures drawn in Chromium, the browser-free SVG, and paging of a large org.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticOrg } from '../../scripts/bench/synthetic-org.js';
import { drawMermaid, errorPicture, findBrowser, mermaidPage } from '../../src/render/charts/images.js';
import { clip, LIST_BREAKS, MAX_EDGES, MAX_TEXT, wrap } from '../../src/render/charts/chart.js';
import { launch, MERMAID_MODULE, mermaidParse } from '../helpers/browser.js';
import { orgc, ROOT } from '../helpers/cli.js';

const GOLDEN = `${ROOT}test/golden/charts`;
const tmp = () => mkdtempSync(path.join(tmpdir(), 'orgc-charts-'));
const mmd = (dir: string) =>
  Object.fromEntries(
    readdirSync(path.join(dir, 'charts'))
      .filter((f) => f.endsWith('.mmd'))
      .sort()
      .map((f) => [f, readFileSync(path.join(dir, 'charts', f), 'utf8')]),
  );

function golden(name: string, files: Record<string, string>) {
  const dir = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const [f, text] of Object.entries(files)) writeFileSync(path.join(dir, f), text);
  }
  expect(Object.keys(files)).toEqual(readdirSync(dir).sort());
  for (const [f, text] of Object.entries(files)) expect(text, `${name}/${f}`).toBe(readFileSync(path.join(dir, f), 'utf8'));
}

/** Titles that would break a diagram that did not escape them. */
const HOSTILE = ['Sales "Lead"', 'R&D <script>alert(1)</script>', '# hash; semi', '`back` ticks', '[brackets] (parens) {braces}', 'a --> b | pipe', '销售总监 🚀', 'end', 'click x call y()', '%%{init: {"theme":"dark"}}%%'];

function hostileOrg(dir: string) {
  const roles = HOSTILE.map((h, i) => `  r${i}: { title: ${JSON.stringify(h)}, level: frontline, reports_to: ${i ? 'r0' : 'top'}, vacancies: ${i % 2}, headcount: 2, dotted_line_to: [${i > 1 ? 'r1' : 'top'}], duties: { d: R } }`).join('\n');
  writeFileSync(path.join(dir, 'org.yaml'), `orgc: 1\norg: { id: h, name: H, language: en }\nprocess:\n  s1: { name: ${JSON.stringify(HOSTILE[0])}, steps: { a: { name: ${JSON.stringify(HOSTILE[1])} }, b: { name: ${JSON.stringify(HOSTILE[5])} } } }\nduties:\n  d: { name: D, area: execution, step: a }\n  e: { name: E, area: execution, step: b }\nroles:\n  top: { title: Top, level: strategic, duties: { d: A, e: [A, R] } }\n${roles}\nservice_levels:\n  x: { what: ${JSON.stringify(HOSTILE[3])}, from: r1, to: top, within: 1h, step: b }\n`);
}

describe('label wrapping', () => {
  it('breaks at spaces, never inside a service level, and lists only between names', () => {
    expect(wrap('合格线索及需求记录 ≤ 24h', 12)).toEqual(['合格线索及需求记录 ≤ 24h']);
    expect(wrap('Qualified lead with notes ≤ 24h', 12)).toEqual(['Qualified lead with', 'notes ≤ 24h']);
    expect(wrap('R: 销售顾问、KA 客户经理、医疗行业销售 +3', 12, LIST_BREAKS)).toEqual(['R: 销售顾问、', 'KA 客户经理、', '医疗行业销售 +3']);
    expect(wrap('R: Customer Success Manager, Sales Rep', 12, LIST_BREAKS)).toEqual(['R: Customer Success Manager,', 'Sales Rep']);
  });

  it('cuts a very long title to a box-sized line', () => {
    expect(clip('Sales Director')).toBe('Sales Director');
    expect(clip('销'.repeat(100))).toBe(`${'销'.repeat(59)}…`);
    expect([...clip('🚀'.repeat(100))].length).toBe(60);
  });
});

describe('Mermaid text', () => {
  it('of the example org: dotted lines, vacancies, the process map with its service levels', () => {
    const out = tmp();
    expect(orgc(['render', 'examples/sales-org', '-f', 'mermaid', '--out', out, '--people']).code).toBe(0);
    const files = mmd(out);
    // The KA account manager's dotted lines go to its peers on its own layer: written in its box,
    // not drawn (a drawn line would push it a layer down).
    expect(files['org.mmd']).not.toMatch(/-\.-> r_ka_account_manager/);
    expect(files['org.mmd']).toContain('r_ka_account_manager["KA 客户经理<br/>编制 3<br/>陈杰<br/>虚线汇报：<br/>华东区域销售经理、<br/>华南区域销售经理"]:::role');
    expect(files['org.mmd']).toMatch(/^---\ntitle: "Acme 科技销售中心 · 组织架构图"\n---\nflowchart TB\n/);
    expect(files['org.mmd']).toContain('subgraph legend["图例"]');
    expect(files['org.mmd']).toMatch(/r_sales_consultant\["销售顾问<br\/>编制 4 · 空缺 1"\]:::vacant/);
    expect(files['org.mmd']).toMatch(/张伟/);
    expect(files['process.mmd']).toContain('s_lead_qualification -->|"合格线索及需求记录 ≤ 24h"| s_need_analysis');
    golden('sales-org', files);
  });

  it('with hostile titles, every label escaped', () => {
    const dir = tmp();
    hostileOrg(dir);
    expect(orgc(['render', '-f', 'mermaid', '--out', 'out', '--force'], { cwd: dir }).code).toBe(0);
    const files = mmd(path.join(dir, 'out'));
    // (The legend's lines are orgc's own words.)
    for (const line of files['org.mmd'].split('\n').filter((l) => l.includes('["') && !l.trim().startsWith('legend_'))) {
      // Inside a label, apart from our line breaks and entity codes: no quote, backtick, angle
      // bracket, hash or semicolon.
      const label = line.slice(line.indexOf('["') + 2, line.lastIndexOf('"]')).replace(/<br\/>/g, ' ');
      expect(label.replace(/#(?:\d+|quot|lt|gt|amp);/g, ''), line).not.toMatch(/["`<>;#]/);
    }
    golden('hostile', files);
  });

  it('of a manager with many reports: a block of rows and columns under one arrow, not one long row', () => {
    const dir = tmp();
    const reports = Array.from({ length: 20 }, (_, i) => `  r${i}: { title: Rep ${i}, level: frontline, reports_to: top, duties: { d: R } }`);
    writeFileSync(path.join(dir, 'org.yaml'), ['orgc: 1', 'org: { id: w, name: W, language: en }', 'duties:', '  d: { name: D, area: execution }', 'roles:', '  top: { title: Top, level: strategic, duties: { d: A } }', ...reports, ''].join('\n'));
    expect(orgc(['render', '-f', 'mermaid', '--out', 'out', '--force'], { cwd: dir }).code).toBe(0);
    const text = readFileSync(path.join(dir, 'out', 'charts', 'org.mmd'), 'utf8');
    expect(text).toContain('  r_top --> g_r_top\n');
    expect(text).not.toMatch(/r_top --> r_r/);
    // 20 reports: rows of five, four rows; each column a chain of invisible links under its head,
    // which the manager holds.
    expect(text.match(/^    r_r\d+ ~~~ .*$/gm)).toEqual(['    r_r0 ~~~ r_r5 ~~~ r_r10 ~~~ r_r15', '    r_r1 ~~~ r_r6 ~~~ r_r11 ~~~ r_r16', '    r_r2 ~~~ r_r7 ~~~ r_r12 ~~~ r_r17', '    r_r3 ~~~ r_r8 ~~~ r_r13 ~~~ r_r18', '    r_r4 ~~~ r_r9 ~~~ r_r14 ~~~ r_r19']);
    expect(text.match(/^  r_top ~~~ .*$/gm)).toEqual(['  r_top ~~~ r_r0', '  r_top ~~~ r_r1', '  r_top ~~~ r_r2', '  r_top ~~~ r_r3', '  r_top ~~~ r_r4']);
    expect(orgc(['render', '-f', 'svg', '--engine', 'graphviz', '--out', 'svg', '--force'], { cwd: dir }).code).toBe(0);
    expect(XMLValidator.validate(readFileSync(path.join(dir, 'svg', 'charts', 'org.svg'), 'utf8'))).toBe(true);
  });

  it('of a large org, paged: every page small, reachable from the overview, every role on a page', () => {
    const dir = tmp();
    const org = syntheticOrg(300);
    for (const [f, text] of org.files) writeFileSync(path.join(dir, f), text);
    expect(orgc(['render', 'org.yaml', '-f', 'md', '--out', 'out'], { cwd: dir }).code).toBe(0);
    const pages = readdirSync(path.join(dir, 'out', 'charts')).filter((f) => f.startsWith('org'));
    expect(pages.length).toBeGreaterThan(3);
    // Reachability by the links between chart pages.
    const seen = new Set(['org.md']);
    const queue = ['org.md'];
    while (queue.length) {
      const page = queue.pop()!;
      for (const m of readFileSync(path.join(dir, 'out', 'charts', page), 'utf8').matchAll(/\]\((org[^)]*\.md)\)/g)) {
        if (!seen.has(m[1])) {
          seen.add(m[1]);
          queue.push(m[1]);
        }
      }
    }
    expect([...seen].sort()).toEqual(pages.sort());
    // Every role page links to a chart page that exists and shows the role.
    for (const rolePage of readdirSync(path.join(dir, 'out', 'roles'))) {
      const link = /\(\.\.\/charts\/(org[^)]*\.md)\)/.exec(readFileSync(path.join(dir, 'out', 'roles', rolePage), 'utf8'))?.[1];
      expect(link, rolePage).toBeDefined();
      const id = rolePage.replace(/\.md$/, '').replace(/-/g, '_');
      expect(readFileSync(path.join(dir, 'out', 'charts', link!), 'utf8')).toContain(`r_${id}[`);
    }
    expect(orgc(['render', 'org.yaml', '-f', 'mermaid', '--out', 'mmd'], { cwd: dir }).code).toBe(0);
    golden('paged-300', mmd(path.join(dir, 'mmd')));
  });
});

describe('Mermaid itself', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  }, 60_000);
  afterAll(async () => browser?.close());

  it('accepts every Mermaid block of the handbook, the hostile org and a 2,000-role org', async () => {
    const texts: Array<[string, string]> = [];
    const out = tmp();
    orgc(['render', 'examples/sales-org', '-f', 'md', '--out', out]);
    for (const f of readdirSync(path.join(out, 'charts'))) {
      for (const m of readFileSync(path.join(out, 'charts', f), 'utf8').matchAll(/```mermaid\n([\s\S]*?)```/g)) texts.push([`sales-org ${f}`, m[1]]);
    }
    const hostile = tmp();
    hostileOrg(hostile);
    orgc(['render', '-f', 'mermaid', '--out', 'out', '--force'], { cwd: hostile });
    for (const [f, text] of Object.entries(mmd(path.join(hostile, 'out')))) texts.push([`hostile ${f}`, text]);
    const big = tmp();
    for (const [f, text] of syntheticOrg(2000).files) writeFileSync(path.join(big, f), text);
    expect(orgc(['render', 'org.yaml', '-f', 'mermaid', '--out', 'out'], { cwd: big }).code).toBe(0);
    const pages = mmd(path.join(big, 'out'));
    expect(Object.keys(pages).length).toBeGreaterThan(20);
    for (const [f, text] of Object.entries(pages)) {
      expect(text.length, f).toBeLessThan(MAX_TEXT);
      expect((text.match(/-\.->|-->|~~~/g) ?? []).length, f).toBeLessThan(MAX_EDGES);
      texts.push([`2000 ${f}`, text]);
    }
    const results = await mermaidParse(browser, texts.map(([, t]) => t));
    expect(texts.map(([name], i) => [name, results[i]]).filter(([, e]) => e)).toEqual([]);
  }, 120_000);

  it('draws an error picture for an oversized chart, which orgc recognises', async () => {
    const small = await mermaidPage(browser, MERMAID_MODULE, { maxTextSize: 5 });
    const svg = Buffer.from(await drawMermaid(small, 'flowchart TB\n  a --> b\n', 'svg')).toString('utf8');
    expect(errorPicture(svg)).toMatch(/Maximum text size/);
    const good = await drawMermaid(await mermaidPage(browser, MERMAID_MODULE), 'flowchart TB\n  a --> b\n', 'svg');
    expect(errorPicture(Buffer.from(good).toString('utf8'))).toBeUndefined();
  }, 60_000);
});

describe('pictures', () => {
  it('svg, png and pdf are drawn in Chromium with one browser launch for the run, byte for byte the same each time', () => {
    const dir = tmp();
    // A wrapper that counts launches and hands over to the real browser.
    const log = path.join(dir, 'launches.log');
    const wrapper = path.join(dir, 'chrome');
    writeFileSync(wrapper, `#!/bin/sh\necho launch >> ${JSON.stringify(log)}\nexec ${JSON.stringify(findBrowser())} "$@"\n`);
    chmodSync(wrapper, 0o755);
    for (const [format, magic] of [['svg', '<svg'], ['png', '\x89PNG'], ['pdf', '%PDF']] as const) {
      rmSync(log, { force: true });
      const out = path.join(dir, format);
      const r = orgc(['render', 'examples/sales-org', '-f', format, '--out', out], { env: { ORGC_CHROME: wrapper } });
      expect(r.stderr, format).toBe('');
      expect(r.code, format).toBe(0);
      expect(readdirSync(path.join(out, 'charts')).sort()).toEqual([`org.${format}`, `process.${format}`]);
      for (const f of readdirSync(path.join(out, 'charts'))) expect(readFileSync(path.join(out, 'charts', f), 'latin1').slice(0, 10)).toContain(magic);
      expect(readFileSync(log, 'utf8').trim().split('\n'), format).toEqual(['launch']);
      // Deterministic: drawing again changes no byte, so nothing is rewritten.
      const again = orgc(['render', 'examples/sales-org', '-f', format, '--out', out]);
      expect(again, format).toMatchObject({ code: 0, stderr: '' });
      expect(again.stdout, format).toContain('2 个文件，其中 0 个有变化');
    }
    const svg = readFileSync(path.join(dir, 'svg', 'charts', 'org.svg'), 'utf8');
    expect(svg).toContain('销售总监');
    expect(XMLValidator.validate(svg)).toBe(true);
    // Six runs of the browser: minutes on a loaded two-core machine.
  }, 360_000);

  it('says in one line how to get a browser when there is none', () => {
    const r = orgc(['render', 'examples/quickstart/org.yaml', '-f', 'png', '--out', tmp()], { env: { ORGC_CHROME: '/nonexistent/chrome' } });
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe('orgc: no browser at /nonexistent/chrome (from ORGC_CHROME)\n');
  });

  it('finds the browser by path or by command name on PATH', () => {
    const dir = tmp();
    const chrome = path.join(dir, 'my-chrome');
    writeFileSync(chrome, '#!/bin/sh\n');
    chmodSync(chrome, 0o755);
    expect(findBrowser(undefined, { ORGC_CHROME: chrome })).toBe(chrome);
    expect(findBrowser('my-chrome', { PATH: `/nonexistent${path.delimiter}${dir}` })).toBe(chrome);
    expect(() => findBrowser('my-chrome', { PATH: '/nonexistent' })).toThrow('no browser at my-chrome (from render.chrome)');
  });

  it('draws SVG without a browser with --engine graphviz, Chinese text included', () => {
    const out = tmp();
    const r = orgc(['render', 'examples/sales-org', '-f', 'svg', '--engine', 'graphviz', '--out', out], { env: { ORGC_CHROME: '/nonexistent/chrome' } });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    for (const f of ['org.svg', 'process.svg']) {
      const svg = readFileSync(path.join(out, 'charts', f), 'utf8');
      expect(XMLValidator.validate(svg), f).toBe(true);
      expect(svg).toContain('销售');
    }
    const texts = new XMLParser({ ignoreAttributes: true }).parse(readFileSync(path.join(out, 'charts', 'org.svg'), 'utf8'));
    expect(JSON.stringify(texts)).toContain('华南区域销售经理');
    // In the org's language (zh-CN) unless asked otherwise, as every line orgc prints.
    expect(orgc(['render', 'examples/sales-org', '-f', 'pdf', '--engine', 'graphviz', '--out', out])).toMatchObject({ code: 2, stderr: 'orgc: --engine graphviz 只能绘制 svg 和 png；pdf 请用 --engine mermaid\n' });
    expect(orgc(['render', 'examples/sales-org', '-f', 'pdf', '--engine', 'graphviz', '--out', out, '--lang', 'en'])).toMatchObject({ code: 2, stderr: 'orgc: --engine graphviz draws svg and png; use --engine mermaid for pdf\n' });
  });

  it('draws PNG without a browser with --engine graphviz: twice the SVG\'s size, the same bytes each time', () => {
    const out = tmp();
    const r = orgc(['render', 'examples/sales-org', '-f', 'png', '--engine', 'graphviz', '--out', out], { env: { ORGC_CHROME: '/nonexistent/chrome' } });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(path.join(out, 'charts')).sort()).toEqual(['org.png', 'process.png']);
    const svgOut = tmp();
    expect(orgc(['render', 'examples/sales-org', '-f', 'svg', '--engine', 'graphviz', '--out', svgOut]).code).toBe(0);
    for (const chart of ['org', 'process']) {
      const png = readFileSync(path.join(out, 'charts', `${chart}.png`));
      expect(png.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
      // Graphviz sizes its SVG in points (4/3 px each); the PNG is drawn at twice that.
      const [, widthPt, heightPt] = /<svg width="(\d+)pt" height="(\d+)pt"/.exec(readFileSync(path.join(svgOut, 'charts', `${chart}.svg`), 'utf8'))!;
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], chart).toEqual([Math.round((Number(widthPt) * 8) / 3), Math.round((Number(heightPt) * 8) / 3)]);
      // Not blank: a chart has many colours (text, boxes, vacancies).
      expect(png.length, chart).toBeGreaterThan(50_000);
    }
    const again = orgc(['render', 'examples/sales-org', '-f', 'png', '--engine', 'graphviz', '--out', out]);
    expect(again.stdout).toContain('2 个文件，其中 0 个有变化');
  }, 120_000);

  it('embeds the browser-free SVG in the HTML handbook, with hostile text inert', () => {
    const dir = tmp();
    hostileOrg(dir);
    expect(orgc(['render', '-f', 'html', '--out', 'out', '--force'], { cwd: dir }).code).toBe(0);
    const html = readFileSync(path.join(dir, 'out', 'charts', 'org.html'), 'utf8');
    expect(html).toContain('<svg');
    // No script but the chart viewer's own two (test/render/chart-view.test.ts).
    expect(html.match(/<script[^>]*>/g)).toEqual(['<script src="../assets/panzoom.min.js">', '<script src="../assets/chart-view.js">']);
    expect(html).toContain('R&amp;D &lt;script&gt;');
    expect(existsSync(path.join(dir, 'out', 'charts', 'process.html'))).toBe(true);
  });
});

describe('Markdown handbook', () => {
  it('carries the org chart and process map as mermaid blocks GitHub renders, linked from the index and role pages', () => {
    const out = tmp();
    expect(orgc(['render', 'examples/sales-org', '-f', 'md', '--out', out]).code).toBe(0);
    expect(readFileSync(path.join(out, 'index.md'), 'utf8')).toMatch(/\[组织架构图\]\(charts\/org\.md\)\n- \[流程图\]\(charts\/process\.md\)/);
    expect(readFileSync(path.join(out, 'charts', 'org.md'), 'utf8')).toMatch(/```mermaid\n---\ntitle: "Acme 科技销售中心 · 组织架构图"\n---\nflowchart TB\n/);
    expect(readFileSync(path.join(out, 'charts', 'process.md'), 'utf8')).toMatch(/```mermaid\n---\ntitle: "Acme 科技销售中心 · 流程图"\nconfig:\n[\s\S]*?---\nflowchart TB\n/);
    expect(readFileSync(path.join(out, 'roles', 'sales-rep.md'), 'utf8')).toContain('[在组织架构图中](../charts/org.md)');
  });
});
