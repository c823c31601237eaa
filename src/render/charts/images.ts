// Charts as pictures. `mermaid` draws with Mermaid in the system's Chromium, driven by the optional
// puppeteer-core — one browser for the whole run, whatever the number of charts — and refuses
// Mermaid's error pictures ("Syntax error", "Maximum text size", "Edge limit") instead of writing
// them as if fine. `graphviz` lays out SVG in-process from the same charts, with no browser at all,
// and resvg turns it into PNG.
import type { MessageData } from '../../finding.js';
import { say, type CliMessageId } from '../../i18n/cli.js';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'puppeteer-core';
import { importExternal } from '../../external.js';
import path from 'node:path';
import { toDot } from './dot.js';
import { toMermaid } from './mermaid.js';
import { edgeCount, MAX_EDGES, MAX_TEXT, type Chart } from './chart.js';

export type ImageFormat = 'svg' | 'png' | 'pdf';
export type Engine = 'mermaid' | 'graphviz';

/** Drawing failed in a way the user can act on (no browser, a chart Mermaid rejected). */
export class ChartError extends Error {
  override readonly name = 'ChartError';
  messageId?: CliMessageId;
  messageData?: MessageData;

  /** A catalogue line (src/i18n/cli.ts): `message` in English, the CLI says it in the reader's language. */
  static said(messageId: CliMessageId, messageData: MessageData = {}): ChartError {
    const error = new ChartError(say(messageId, 'en', messageData));
    error.messageId = messageId;
    error.messageData = messageData;
    return error;
  }
}

const BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** The browser to draw with: ORGC_CHROME, else the config's `render.chrome`, else a system one. */
export function findBrowser(configured?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.ORGC_CHROME || configured;
  if (chosen) {
    const found = /[\\/]/.test(chosen) ? (existsSync(chosen) ? chosen : undefined) : onPath(chosen, env);
    if (found) return found;
    throw ChartError.said('chart-no-browser-at', { path: chosen, from: env.ORGC_CHROME ? 'ORGC_CHROME' : 'render.chrome' });
  }
  const found = BROWSERS.find((p) => existsSync(p));
  if (found) return found;
  throw ChartError.said('chart-needs-browser');
}

/** A bare command name (`chromium`), looked up like a shell would. */
function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  const exts = process.platform === 'win32' ? ['', '.exe'] : [''];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Mermaid's own pictures of failure, which it renders instead of the chart. */
const ERROR_PICTURES = [/Syntax error in (?:text|graph)/i, /Maximum text size in diagram exceeded/i, /Edge limit exceeded/i, /class="error-icon"/];

/** What an SVG from Mermaid says went wrong, when it is a picture of an error rather than the chart. */
export function errorPicture(svg: string): string | undefined {
  const hit = ERROR_PICTURES.map((re) => re.exec(svg)).find(Boolean);
  return hit ? hit[0].replace(/^class="|"$/g, '') : undefined;
}

export interface DrawOptions {
  engine: Engine;
  browser?: string;
  progress?: (done: number, total: number) => void;
}

export async function drawCharts(charts: Chart[], format: ImageFormat, opts: DrawOptions): Promise<Map<string, string | Uint8Array>> {
  const out = new Map<string, string | Uint8Array>();
  if (opts.engine === 'graphviz') {
    if (format === 'pdf') throw ChartError.said('chart-graphviz-pdf');
    const svgs = await graphvizSvgs(charts);
    if (format === 'png') {
      for (const [chart, png] of await rasterise(svgs)) out.set(`charts/${chart.id}.png`, png);
    } else {
      for (const [chart, svg] of svgs) out.set(`charts/${chart.id}.svg`, svg);
    }
    return out;
  }
  if (charts.length === 0) return out;
  for (const chart of charts) checkSize(chart);
  const { puppeteer, mermaidModule } = await browserPackages(format);
  const executablePath = findBrowser(opts.browser);
  let browser: Browser;
  try {
    browser = await puppeteer.launch({ executablePath, headless: true, args: BROWSER_ARGS });
  } catch (error) {
    throw new ChartError(`cannot start the browser at ${executablePath}: ${(error as Error).message.split('\n')[0]}`);
  }
  try {
    const drawn = new Array<string | Uint8Array>(charts.length);
    let done = 0;
    const drawOne = async (page: Page, chart: Chart) => {
      const text = toMermaid(chart);
      const draw = async (as: ImageFormat) => {
        try {
          return await drawMermaid(page, text, as, chart.title);
        } catch (error) {
          throw new ChartError(`Mermaid could not draw ${chart.id}: ${(error as Error).message.split('\n')[0]}`);
        }
      };
      // The SVG tells whether Mermaid drew the chart or a picture of an error.
      const svgText = Buffer.from(await draw('svg')).toString('utf8');
      const failure = errorPicture(svgText);
      if (failure) throw new ChartError(`Mermaid could not draw ${chart.id}: it drew an error picture ("${failure}")`);
      const picture = format === 'svg' ? svgText : format === 'pdf' ? stablePdf(await draw('pdf')) : await draw('png');
      opts.progress?.(++done, charts.length);
      return picture;
    };
    // Screenshots (png, pdf) one page at a time: Chromium can stall capturing a page that is not in
    // front while others draw (seen here as "Page.captureScreenshot timed out" under load).
    const width = Math.min(charts.length, format === 'svg' ? PAGES_AT_ONCE : 1);
    const pages = await Promise.all(Array.from({ length: width }, () => mermaidPage(browser, mermaidModule))).catch((error: Error) => {
      throw new ChartError(`cannot load Mermaid (${mermaidModule}) into the browser: ${error.message.split('\n')[0]}`);
    });
    await inPool(charts.length, width, async (i, worker) => {
      drawn[i] = await drawOne(pages[worker], charts[i]);
    });
    // In chart order, whatever order the pages finished in.
    charts.forEach((chart, i) => out.set(`charts/${chart.id}.${format}`, drawn[i]));
  } finally {
    await browser.close();
  }
  return out;
}

/** The command that adds the opt-in packages; it downloads no browser (they drive the system's). */
export const BROWSER_PACKAGES_INSTALL = 'npm install puppeteer-core@24 mermaid@11.17';

/**
 * The optional packages that draw in a browser: puppeteer-core (which, unlike puppeteer, downloads
 * no browser when installed) and Mermaid's browser build. They are optional peers of orgc, so a
 * CI check that never draws pictures installs neither (docs/install.md).
 */
async function browserPackages(format: ImageFormat): Promise<{ puppeteer: typeof import('puppeteer-core').default; mermaidModule: string }> {
  const missing: string[] = [];
  let puppeteer: typeof import('puppeteer-core').default | undefined;
  try {
    puppeteer = (await importExternal<typeof import('puppeteer-core')>('puppeteer-core')).default;
  } catch {
    missing.push('puppeteer-core');
  }
  let mermaidModule: string | undefined;
  try {
    mermaidModule = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.esm.min.mjs');
  } catch {
    missing.push('mermaid');
  }
  if (!puppeteer || !mermaidModule) {
    // Two packages at most: puppeteer-core and mermaid.
    throw missing.length === 1
      ? ChartError.said('chart-needs-package', { format, package: missing[0], command: BROWSER_PACKAGES_INSTALL })
      : ChartError.said('chart-needs-packages', { format, first: missing[0], second: missing[1], command: BROWSER_PACKAGES_INSTALL });
  }
  return { puppeteer, mermaidModule };
}

/** Flags that start Chromium headless as root and keep it off the network. */
export const BROWSER_ARGS = ['--no-sandbox', '--disable-setuid-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

const MERMAID_CONFIG = {
  startOnLoad: false,
  theme: 'default',
  securityLevel: 'strict',
  // Mermaid draws some shapes with rough.js, which is random unless seeded: the same chart must give the same bytes.
  handDrawnSeed: 1,
  deterministicIds: true,
  flowchart: { htmlLabels: true, useMaxWidth: false },
};
const VIEWPORT = { width: 1600, height: 1000, deviceScaleFactor: 2 };
const SVG_ID = 'orgc-chart';

/**
 * A page of the browser with Mermaid loaded and set up, to draw charts in one after another.
 * Drawing in it again does not change what Mermaid draws (its ids start afresh with each chart).
 * The page loads Mermaid's ES module build, which fetches only the chunks a flowchart needs
 * (~1.5 s a page here, against ~4.5 s for the 3 MB single-file bundle), from a made-up origin that
 * this page answers from Mermaid's own dist/ folder: file:// pages may not import modules, and
 * nothing else is answered, so the page never reaches the network. This is what mermaid-cli does,
 * without mermaid-cli: that package depends on the full puppeteer, whose install downloads a
 * browser. `config` is merged into Mermaid's (the tests lower its limits).
 */
export async function mermaidPage(browser: Browser, mermaidModule: string, config: object = {}): Promise<Page> {
  const dist = path.dirname(mermaidModule);
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== PAGE_ORIGIN) return void request.abort();
    if (url.pathname === '/') return void request.respond({ status: 200, contentType: 'text/html', body: PAGE });
    const file = path.join(dist, path.normalize(decodeURIComponent(url.pathname)));
    if (!file.startsWith(dist + path.sep) || !existsSync(file)) return void request.respond({ status: 404, body: '' });
    void readFile(file).then(
      (body) => request.respond({ status: 200, contentType: 'text/javascript', body }),
      () => request.respond({ status: 404, body: '' }),
    );
  });
  await page.setViewport(VIEWPORT);
  await page.goto(`${PAGE_ORIGIN}/`);
  // A string, not a function: bundlers and test runners rewrite `import()` in functions they see,
  // and this one must run as written, in the page.
  await page.evaluate(`(async () => {
    const { default: mermaid } = await import(${JSON.stringify(`/${path.basename(mermaidModule)}`)});
    globalThis.mermaid = mermaid;
    await Promise.all(Array.from(document.fonts, (font) => font.load()));
    mermaid.initialize(${JSON.stringify({ ...MERMAID_CONFIG, ...config })});
  })()`);
  return page;
}

/** The page Mermaid draws in, and the origin it is served from (a name that resolves nowhere). */
const PAGE_ORIGIN = 'http://orgc-charts.invalid';
const PAGE = '<!DOCTYPE html><html><body style="background: white; margin: 0"><div id="container"></div></body></html>';

/**
 * One chart drawn by Mermaid in a page from mermaidPage: its SVG, a PNG of it at twice the pixel
 * density, or a PDF page the size of the chart (not a letter page it is shrunk onto).
 */
export async function drawMermaid(page: Page, definition: string, as: ImageFormat, title = 'orgc'): Promise<Uint8Array> {
  await page.setViewport(VIEWPORT);
  const svgText = await page.$eval(
    '#container',
    async (container, { definition, id, title }) => {
      // The PDF's title.
      document.title = title;
      const { svg } = await (globalThis as any).mermaid.render(id, definition, container);
      container.innerHTML = svg;
      const element = container.getElementsByTagName('svg')[0];
      element.style.backgroundColor = 'white';
      // <br> in the labels' HTML is not XML: serialise it as XML.
      return new XMLSerializer().serializeToString(element);
    },
    { definition, id: SVG_ID, title },
  );
  if (as === 'svg') return new TextEncoder().encode(svgText);
  const box = await page.$eval('#container svg', (svg) => {
    const r = svg.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  });
  if (as === 'png') {
    const clip = { x: Math.floor(box.x), y: Math.floor(box.y), width: Math.ceil(box.width), height: Math.ceil(box.height) };
    await page.setViewport({ ...VIEWPORT, width: clip.x + clip.width, height: clip.y + clip.height });
    return await page.screenshot({ clip });
  }
  return await page.pdf({ width: `${Math.ceil(box.width) + box.x * 2}px`, height: `${Math.ceil(box.height) + box.y * 2}px`, pageRanges: '1-1' });
}

/**
 * Pages drawing SVG at once in the one browser, each with Mermaid loaded once. Measured on 2 cores,
 * 187 charts of a 2,000-role org, when every chart loaded Mermaid afresh: 1 page 107 s, 2 pages
 * 86 s, 4 pages 79 s, 8 pages 79 s (CPU-bound from there).
 */
const PAGES_AT_ONCE = 4;

/** Run `task(0..count-1)` on `width` workers, each taking the next index; the first failure stops the rest. */
async function inPool(count: number, width: number, task: (i: number, worker: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async (w: number) => {
    while (!failed && next < count) {
      const i = next++;
      try {
        await task(i, w);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, count) }, (_, w) => worker(w)));
}

/** Within Mermaid's default limits with room to spare; paging keeps every chart there. */
export function checkSize(chart: Chart): void {
  const text = toMermaid(chart);
  const edges = edgeCount(chart);
  if (edges > MAX_EDGES || text.length > MAX_TEXT) {
    throw ChartError.said('chart-too-large', { chart: chart.id, edges, chars: text.length });
  }
}

/** Graphviz's SVGs, laid out in-process; the WebAssembly module loads once per run. */
export async function graphvizSvgs(charts: Chart[]): Promise<Array<[Chart, string]>> {
  const { Graphviz } = await importExternal<typeof import('@hpcc-js/wasm-graphviz')>('@hpcc-js/wasm-graphviz');
  const graphviz = await Graphviz.load();
  return charts.map((chart) => [chart, graphviz.dot(toDot(chart))]);
}

/**
 * Graphviz's SVGs as PNGs at twice their size, drawn by resvg (a Rust SVG renderer shipped as a
 * prebuilt binary inside its npm package: no browser, no install script). It draws text with the
 * system's fonts, so Chinese titles need a CJK font as in Chromium; loading the fonts is most of
 * its time, once per run.
 */
async function rasterise(svgs: Array<[Chart, string]>): Promise<Array<[Chart, Uint8Array]>> {
  const { Resvg } = await importExternal<typeof import('@resvg/resvg-js')>('@resvg/resvg-js');
  return svgs.map(([chart, svg]) => {
    const picture = new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, background: 'white', font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' } });
    return [chart, picture.render().asPng()];
  });
}

/** Chromium stamps PDFs with the time; the same chart must give the same bytes. */
function stablePdf(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  // Same length replacements keep the cross-reference offsets valid.
  const fixed = text.replace(/\/(CreationDate|ModDate) \(D:\d{14}/g, (_m, key: string) => `/${key} (D:20000101000000`);
  return Buffer.from(fixed, 'latin1');
}
