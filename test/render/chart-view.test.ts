// The HTML handbook's chart pages in a real browser (the system's Chromium, driven by
// puppeteer-core): charts at a readable size, not shrunk to the page, in a pan-and-zoom viewport,
// with a search box that brings a role into view, at a desktop and a phone width, in English and
// Chinese, offline. Screenshots go to a temporary directory (printed) to be looked at.
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse as parseHtml } from 'parse5';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/render/charts/images.js';
import { launch } from '../helpers/browser.js';
import { orgc } from '../helpers/cli.js';

/** Why the browser tests cannot run here, or '' when they can (CI installs Chromium). */
const noBrowser = (() => {
  try {
    findBrowser();
    return '';
  } catch (error) {
    return (error as Error).message;
  }
})();

/** Titles that would break a page that did not escape them. */
const HOSTILE = ['Sales "Lead"', 'R&D <script>alert(1)</script>', '</option><script>x()</script>', "it's {q} & {title}"];

/** Box text smaller than this is not read but guessed at. */
const MIN_TEXT_PX = 10;
const WIDTHS = [
  { name: 'desktop', width: 1400, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];
/** A role typed as a reader would (part of the title, any case) and the box it must bring into view. */
const QUERIES = {
  en: { typed: 'customer oper', node: 'r_customer_operations', title: 'Customer Operations Specialist', missing: 'Nothing on this chart matches “no such role”.' },
  'zh-CN': { typed: '客户运营', node: 'r_customer_operations', title: '客户运营专员', missing: '图中没有与“no such role”匹配的内容。' },
} as const;
type Lang = keyof typeof QUERIES;

interface Measure {
  /** Heights of the text lines of the boxes shown in the viewport, in CSS pixels. */
  textHeights: number[];
  /** Their font size as drawn, in CSS pixels. */
  fontPx: number[];
  /** The chart's viewport, and where it is on the screen. */
  view: { left: number; top: number; right: number; bottom: number };
  formShown: boolean;
}

/** Once Panzoom has drawn what was asked: it sets up in a timeout and draws on animation frames. */
function settled(page: Page): Promise<unknown> {
  return page.evaluate(() => new Promise((done) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(done)), 0)));
}

/** Every box's text lines as laid out now, and the viewport they are seen through. */
async function measure(page: Page, js = true): Promise<Measure> {
  if (js) await settled(page);
  return page.evaluate(() => {
    const view = document.querySelector('.chart-view')!.getBoundingClientRect();
    const inView = (r: DOMRect) => r.right > view.left && r.left < view.right && r.bottom > view.top && r.top < view.bottom;
    const shown = Array.from(document.querySelectorAll('.chart-view svg g.node text')).filter((t) => inView(t.getBoundingClientRect()));
    const texts = shown.map((t) => t.getBoundingClientRect());
    // The font size as drawn: its size in the SVG's units times screen pixels per unit (the
    // text's height on screen over its height in those units).
    const fontPx = shown.map((t) => parseFloat(t.getAttribute('font-size') ?? '0') * (t.getBoundingClientRect().height / (t as SVGTextElement).getBBox().height));
    const form = document.querySelector('form.chart-find') as HTMLFormElement;
    return {
      textHeights: texts.map((r) => r.height),
      fontPx,
      view: { left: view.left, top: view.top, right: view.right, bottom: view.bottom },
      formShown: !form.hidden && form.getBoundingClientRect().height > 0,
    };
  });
}

/** Whether a box lies wholly inside both the chart's viewport and the browser window. */
async function boxInView(page: Page, node: string): Promise<boolean> {
  return page.evaluate((id: string) => {
    const g = Array.from(document.querySelectorAll('.chart-view svg g.node')).find((n) => n.querySelector('title')?.textContent === id);
    if (!g) return false;
    const r = g.getBoundingClientRect();
    const v = document.querySelector('.chart-view')!.getBoundingClientRect();
    return r.width > 0 && r.left >= v.left && r.right <= v.right && r.top >= v.top && r.bottom <= v.bottom && r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
  }, node);
}

/** Types a query into the search box and submits it; returns what the page says and which box is marked. */
async function search(page: Page, query: string): Promise<{ status: string; found: string[] }> {
  await page.click('#chart-find', { count: 3 });
  await page.keyboard.press('Backspace');
  await page.type('#chart-find', query);
  await page.keyboard.press('Enter');
  await settled(page);
  return page.evaluate(() => ({
    status: document.querySelector('form.chart-find output')!.textContent ?? '',
    found: Array.from(document.querySelectorAll('g.node.found title'), (t) => t.textContent ?? ''),
  }));
}

/** The box farthest from the middle of the first view: the one a reader would have to look for. */
async function farthestBox(page: Page): Promise<{ node: string; title: string; id: string }> {
  return page.evaluate(() => {
    const v = document.querySelector('.chart-view')!.getBoundingClientRect();
    const options = Array.from(document.querySelectorAll('#chart-find-list option')) as HTMLOptionElement[];
    const boxes = new Map(Array.from(document.querySelectorAll('.chart-view svg g.node'), (g) => [g.querySelector('title')?.textContent ?? '', g]));
    let best = { node: '', title: '', id: '', d: -1 };
    for (const o of options) {
      const r = boxes.get(o.dataset.node ?? '')?.getBoundingClientRect();
      if (!r) continue;
      const d = Math.hypot(r.left + r.width / 2 - (v.left + v.width / 2), r.top + r.height / 2 - (v.top + v.height / 2));
      if (d > best.d) best = { node: o.dataset.node ?? '', title: o.value, id: o.dataset.id ?? '', d };
    }
    return { node: best.node, title: best.title, id: best.id };
  });
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name !== '.orgc-manifest.json')
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('the HTML chart viewer: assets and determinism', () => {
  it('copies Panzoom and the viewer script beside the pages, the same bytes on every run, and links them relatively', () => {
    const [a, b] = [0, 1].map(() => {
      const out = mkdtempSync(path.join(tmpdir(), 'orgc-chartview-'));
      expect(orgc(['render', 'examples/sales-org', '-f', 'html', '--lang', 'zh-CN', '--out', out]).code).toBe(0);
      return out;
    });
    expect(files(a)).toEqual(files(b));
    for (const f of files(a)) expect(readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))), f).toBe(true);
    expect(files(a)).toEqual(expect.arrayContaining(['assets/panzoom.min.js', 'assets/chart-view.js', 'assets/orgc.css']));
    // Panzoom as npm ships it (its licence header kept), not a copy edited by hand.
    const panzoom = readFileSync(path.join(a, 'assets/panzoom.min.js'), 'utf8');
    expect(panzoom).toBe(readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('@panzoom/panzoom/package.json')), 'dist/panzoom.min.js'), 'utf8'));
    expect(panzoom).toMatch(/^\/\*\*\n\* Panzoom 4\.6\.2/);
    const page = readFileSync(path.join(a, 'charts/org.html'), 'utf8');
    expect(page).toContain('<script src="../assets/panzoom.min.js"></script>');
    expect(page).toContain('<script src="../assets/chart-view.js"></script>');
    // Pages without a chart carry no script.
    expect(readFileSync(path.join(a, 'index.html'), 'utf8')).not.toContain('<script');
  });

  it('lists each box for the search box with its title as written, hostile text inert', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'orgc-chartview-'));
    const roles = HOSTILE.map((h, i) => `  r${i}: { title: ${JSON.stringify(h)}, level: frontline, reports_to: top, duties: { d: R } }`).join('\n');
    writeFileSync(path.join(dir, 'org.yaml'), `orgc: 1\norg: { id: h, name: H, language: en }\nduties:\n  d: { name: D, area: execution }\nroles:\n  top: { title: Top, level: strategic, duties: { d: A } }\n${roles}\n`);
    expect(orgc(['render', '-f', 'html', '--out', 'out', '--force'], { cwd: dir }).code).toBe(0);
    const doc = parseHtml(readFileSync(path.join(dir, 'out', 'charts', 'org.html'), 'utf8'));
    const elements = (node: any, name: string, out: any[] = []): any[] => {
      if (node.nodeName === name) out.push(node);
      for (const child of node.childNodes ?? []) elements(child, name, out);
      return out;
    };
    const attr = (node: any, name: string) => node.attrs.find((a: { name: string }) => a.name === name)?.value;
    const options = elements(doc, 'option');
    expect(options.map((o) => attr(o, 'value'))).toEqual(['Top', ...HOSTILE]);
    expect(options.map((o) => attr(o, 'data-id'))).toEqual(['top', ...HOSTILE.map((_, i) => `r${i}`)]);
    expect(elements(doc, 'script').map((s) => attr(s, 'src'))).toEqual(['../assets/panzoom.min.js', '../assets/chart-view.js']);
  });

  it('writes no script when no chart page is written', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'orgc-chartview-'));
    expect(orgc(['render', 'examples/sales-org', '-f', 'html', '--only', 'index,raci', '--out', out]).code).toBe(0);
    expect(files(out).filter((f) => f.startsWith('assets'))).toEqual(['assets/orgc.css']);
  });
});

describe.skipIf(noBrowser !== '')(noBrowser ? `the HTML chart viewer in Chromium — skipped: ${noBrowser}` : 'the HTML chart viewer in Chromium', () => {
  const shots = process.env.ORGC_SCREENSHOTS ?? mkdtempSync(path.join(tmpdir(), 'orgc-chart-shots-'));
  const handbooks: Record<string, string> = {};
  const report: Record<string, unknown> = {};
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    for (const lang of Object.keys(QUERIES)) {
      const out = mkdtempSync(path.join(tmpdir(), `orgc-chartview-${lang}-`));
      const r = orgc(['render', 'examples/sales-org', '-f', 'html', '--lang', lang, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      handbooks[lang] = out;
    }
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    writeFileSync(path.join(shots, 'measurements.json'), `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`chart viewer screenshots and measurements: ${shots}\n`);
  });

  /** A page of the handbook opened from disk, with every request that is not a local file refused and counted. */
  async function open(lang: Lang, chart: string, width: { width: number; height: number }, js = true): Promise<{ page: Page; outside: string[]; errors: string[] }> {
    const page = await browser.newPage();
    const outside: string[] = [];
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url().startsWith('file:')) return void request.continue();
      outside.push(request.url());
      void request.abort();
    });
    await page.setJavaScriptEnabled(js);
    await page.setViewport({ width: width.width, height: width.height, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(path.join(handbooks[lang], 'charts', `${chart}.html`)).href, { waitUntil: 'load' });
    return { page, outside, errors };
  }

  for (const lang of Object.keys(QUERIES) as Lang[]) {
    for (const screen of WIDTHS) {
      it(`org chart in ${lang} at ${screen.width} px: box text at least ${MIN_TEXT_PX} px tall, a searched role brought into view`, async () => {
        const q = QUERIES[lang];
        const { page, outside, errors } = await open(lang, 'org', screen);
        try {
          const first = await measure(page);
          await page.screenshot({ path: path.join(shots, `org-${lang}-${screen.width}.png`) });
          expect(first.formShown).toBe(true);
          expect(first.textHeights.length).toBeGreaterThan(0);
          expect(Math.min(...first.textHeights)).toBeGreaterThanOrEqual(MIN_TEXT_PX);

          // Typed: part of the title, in lower case.
          const typed = await search(page, q.typed);
          expect(typed.found).toEqual([q.node]);
          expect(typed.status).toContain(q.title);
          expect(await boxInView(page, q.node)).toBe(true);
          const after = await measure(page);
          expect(Math.min(...after.textHeights)).toBeGreaterThanOrEqual(MIN_TEXT_PX);
          await page.screenshot({ path: path.join(shots, `org-${lang}-${screen.width}-found.png`) });

          // The role farthest from where the chart opened, by its id.
          await page.click('button[data-zoom="actual"]');
          await settled(page);
          const far = await farthestBox(page);
          const byId = await search(page, far.id.toUpperCase());
          expect(byId.found).toEqual([far.node]);
          expect(await boxInView(page, far.node)).toBe(true);

          const missing = await search(page, 'no such role');
          expect(missing.found).toEqual([]);
          expect(missing.status).toBe(q.missing);

          // Zoom: the whole chart fits the viewport; zooming in from there makes the text larger.
          await page.click('button[data-zoom="whole"]');
          const whole = await page.evaluate(async () => {
            await new Promise((done) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(done)), 0));
            const v = document.querySelector('.chart-view')!.getBoundingClientRect();
            const boxes = Array.from(document.querySelectorAll('.chart-view svg g.node'), (g) => g.getBoundingClientRect());
            return { all: boxes.every((r) => r.left >= v.left - 0.5 && r.right <= v.right + 0.5 && r.top >= v.top - 0.5 && r.bottom <= v.bottom + 0.5), text: document.querySelector('.chart-view svg g.node text')!.getBoundingClientRect().height };
          });
          expect(whole.all).toBe(true);
          await page.click('button[data-zoom="in"]');
          await settled(page);
          expect(await page.evaluate(() => document.querySelector('.chart-view svg g.node text')!.getBoundingClientRect().height)).toBeGreaterThan(whole.text);

          report[`org ${lang} ${screen.width}px`] = { minTextPx: round(Math.min(...first.textHeights)), maxTextPx: round(Math.max(...first.textHeights)), fontPx: round(Math.min(...first.fontPx)), textLinesInView: first.textHeights.length, afterSearchMinTextPx: round(Math.min(...after.textHeights)) };
          expect(outside).toEqual([]);
          expect(errors).toEqual([]);
        } finally {
          await page.close();
        }
      });

      it(`process map in ${lang} at ${screen.width} px: step text at least ${MIN_TEXT_PX} px tall, a searched step brought into view`, async () => {
        const { page, outside, errors } = await open(lang, 'process', screen);
        try {
          const first = await measure(page);
          await page.screenshot({ path: path.join(shots, `process-${lang}-${screen.width}.png`) });
          expect(first.formShown).toBe(true);
          expect(first.textHeights.length).toBeGreaterThan(0);
          expect(Math.min(...first.textHeights)).toBeGreaterThanOrEqual(MIN_TEXT_PX);
          const far = await farthestBox(page);
          const found = await search(page, far.title);
          expect(found.found[0]).toBe(far.node);
          expect(await boxInView(page, far.node)).toBe(true);
          await page.screenshot({ path: path.join(shots, `process-${lang}-${screen.width}-found.png`) });
          report[`process ${lang} ${screen.width}px`] = { minTextPx: round(Math.min(...first.textHeights)), maxTextPx: round(Math.max(...first.textHeights)), fontPx: round(Math.min(...first.fontPx)), textLinesInView: first.textHeights.length };
          expect(outside).toEqual([]);
          expect(errors).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  }

  it('without JavaScript: the chart at natural size in a box that scrolls, no search form', async () => {
    const { page } = await open('zh-CN', 'org', WIDTHS[1], false);
    try {
      const m = await measure(page, false);
      await page.screenshot({ path: path.join(shots, 'org-zh-CN-390-nojs.png') });
      expect(m.formShown).toBe(false);
      expect(Math.min(...m.textHeights)).toBeGreaterThanOrEqual(MIN_TEXT_PX);
      const scroll = await page.evaluate(() => {
        const v = document.querySelector('.chart-view')!;
        return { scrollable: v.scrollWidth > v.clientWidth, overflow: getComputedStyle(v).overflowX };
      });
      expect(scroll).toEqual({ scrollable: true, overflow: 'auto' });
    } finally {
      await page.close();
    }
  });
});

const round = (n: number) => Math.round(n * 10) / 10;
