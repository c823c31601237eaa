// The handbook as Markdown or HTML pages: an index, a summary, the RACI matrix, one job
// description per role, and the chart pages (org chart pages, process map), linked with relative
// paths that work on GitHub and from disk.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import type { Chart } from './charts/chart.js';
import { GraphvizWorker } from './charts/graphviz-worker.js';
import { toDot } from './charts/dot.js';
import { graphvizSvgs } from './charts/images.js';
import { toMermaid } from './charts/mermaid.js';
import { markdownText } from './escape.js';
import type { ChartLink, PageSink, RenderOptions  } from './output.js';
import { pageKey, sharedKey } from './page-key.js';
import { roleFile } from './paths.js';
import { loadTemplates, TemplateError, type DocumentFormat, type Page } from './templates.js';
import type { Views } from './view/types.js';
import { copyWith } from '../core/copy-with.js';

/** `views` must have been built with the format's escaping (Markdown's, or none for HTML). */
export async function renderDocuments(v: Views, format: DocumentFormat, opts: RenderOptions, out: PageSink, charts: Chart[] = []): Promise<void> {
  const templates = await loadTemplates(format, opts.templates);
  const esc = format === 'md' ? markdownText : (s: string) => s;
  const links: ChartLink[] = charts.filter((c) => c.id === 'org' || c.id === 'process').map((c) => ({ title: esc(c.title), href: `charts/${c.id}.${format}` }));
  const wants = (kind: string) => !opts.only || opts.only.includes(kind);
  // The reference pages the model has something for, linked from every page's navigation.
  const titles = { targets: v.labels.targetTree, kpis: v.labels.kpiDictionary, 'service-levels': v.labels.serviceLevelTable, reviews: v.labels.reviewCalendar, signals: v.labels.signalsPage };
  const data = { targets: v.pages.targets, kpis: v.pages.kpis, 'service-levels': v.pages.serviceLevels, reviews: v.pages.reviews, signals: v.pages.signals };
  const references = REFERENCE_PAGES.filter((page) => data[page].length > 0).map((page) => ({ page, title: titles[page], href: `${page}.${format}` }));
  const base = { org: v.org, labels: v.labels, charts: links, references };
  // Every page's key starts from the templates and what all pages share; a sink that still holds
  // the page made from the same key (an unchanged role's job description) takes none of the work.
  const shared = sharedKey(templates.key, base);
  const emit = (file: string, page: Page, data: object, key = out.reuse ? pageKey(page, shared, data) : undefined) => {
    if (key !== undefined && out.reuse!(file, key)) return;
    out.set(file, templates.render(page, copyWith(base, data)), key);
  };
  // The pages of the whole org (the index, the summary, the RACI, the reference pages) have no key:
  // they are made every time, and written only when their text changed. Nearly any change to the
  // org changes them, so a key saved little, and at 100k roles their keys cost 2.5–3.5 s of every
  // render (the RACI's view alone is 88 MB of JSON). (The CLI settles a render of inputs unchanged
  // since a quiet render without making any page: cli/commands/render.ts.)
  const emitWhole = (file: string, page: Page, data: object) => out.set(file, templates.render(page, copyWith(base, data)));
  if (wants('index')) emitWhole(`index.${format}`, 'index', { index: v.index });
  if (wants('summary')) emitWhole(`summary.${format}`, 'summary', { summary: v.summary });
  if (wants('raci')) emitWhole(`raci.${format}`, 'raci', { raci: v.raci });
  for (const { page } of references) if (wants(page)) emitWhole(`${page}.${format}`, page, { [PAGE_DATA[page]]: data[page] });
  // HTML's chart pages are laid out by Graphviz on a worker thread while the job descriptions are
  // made here, a batch or two ahead at a time (graphviz-worker.ts); the rest after the roles.
  const chartPages = charts.length ? chartWriter(charts, format, out, shared, (page) => templates.render('chart', copyWith(base, { chart: page })), esc) : undefined;
  try {
    if (wants('jd')) {
      let done = 0;
      const memo = out.reuse ? opts.memo : undefined;
      memo?.begin(shared);
      for (const model of v.roles.roles()) {
        const file = `roles/${roleFile(model.id)}.${format}`;
        // A page the memo vouches for, still on disk as written: neither its view nor its key is made.
        const known = memo?.key(model.id, v.roles.chart(model));
        if (known === undefined || !out.reuse!(file, known)) {
          const links = memo ? new Set<string>() : undefined;
          const role = v.roles.view(model, links);
          const key = out.reuse ? pageKey('role', shared, { role }) : undefined;
          emit(file, 'role', { role }, key);
          if (links) memo!.record(model.id, key!, role.chart, links);
        }
        opts.progress?.(++done, v.roles.length);
        if (chartPages && done % PUMP_EVERY === 0) await chartPages.pump();
      }
    }
    if (chartPages) await chartPages.finish();
  } finally {
    await chartPages?.close();
  }
  if (charts.length && format === 'html') out.set(PANZOOM_ASSET, await panzoomScript());
  // The chart viewer's script goes with the chart pages; the stylesheet with every page.
  for (const [file, text] of templates.assets) if (!file.endsWith('.js') || (charts.length && format === 'html')) out.set(file, text);
}

/** Roles made between two looks at the chart layouts the worker has finished. */
const PUMP_EVERY = 64;
/** Batches of charts the worker is given ahead of the pages that wait for them. */
const AHEAD = 2;

interface ChartWriter {
  /** Write the chart pages whose layouts are done, hand the worker more, and let its replies in. */
  pump(): Promise<void>;
  /** Every chart page written. */
  finish(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The chart pages, a batch at a time: a large org has thousands of charts. A chart's SVG is made from
 * the chart alone, so its page's key is the chart's and the page's other data: a page the sink still
 * holds is neither drawn nor rendered. Markdown pages carry the Mermaid text; HTML pages the
 * browser-free Graphviz SVG inline (the site stays self-contained and offline), drawn on a worker
 * thread where one starts, else here.
 */
function chartWriter(charts: Chart[], format: DocumentFormat, out: PageSink, shared: string, render: (page: object) => string, esc: (s: string) => string): ChartWriter {
  const ref = (r: { id: string; title: string }) => ({ id: r.id, title: esc(r.title) });
  let next = 0;
  /** The next batch's pages, those the sink still holds already counted as produced. */
  const batch = () => {
    const made = charts.slice(next, (next += CHART_BATCH)).map((chart) => {
      const page = {
        id: chart.id,
        title: esc(chart.title),
        parent: chart.parent ? ref(chart.parent) : undefined,
        parts: chart.parts.map(ref),
        children: chart.children.map(ref),
        mermaid: undefined as string | undefined,
        svg: undefined as string | undefined,
        find: format === 'html' ? findList(chart) : undefined,
        steps: chart.nodes.some((n) => n.kind === 'step'),
      };
      const file = `charts/${chart.id}.${format}`;
      // The Mermaid text and the SVG are made from the chart: keyed by it, made only when needed.
      const key = out.reuse ? pageKey('chart', shared, { chart: page }, chart) : undefined;
      return { chart, page, file, key, reused: key !== undefined && out.reuse!(file, key) };
    });
    return made.filter((b) => !b.reused);
  };
  type Batch = ReturnType<typeof batch>;
  const write = (toDraw: Batch, svgs?: string[]) =>
    toDraw.forEach(({ chart, page, file, key }, i) => {
      if (format === 'md') page.mermaid = toMermaid(chart).trimEnd();
      if (svgs) page.svg = inlineSvg(svgs[i]);
      out.set(file, render(page), key);
    });
  const drawHere = async (toDraw: Batch) => write(toDraw, format === 'html' && toDraw.length ? (await graphvizSvgs(toDraw.map((b) => b.chart))).map(([, svg]) => svg) : undefined);

  const worker = format === 'html' ? GraphvizWorker.start() : undefined;
  if (!worker) {
    return {
      pump: async () => {},
      finish: async () => {
        while (next < charts.length) await drawHere(batch());
      },
      close: async () => {},
    };
  }
  // Batches handed to the worker, oldest first; each writes its pages when its SVGs come back.
  const inFlight: Array<{ drawn: Promise<void>; done: boolean }> = [];
  // Closed when the render is over, done or failed: nothing more is drawn or written then.
  let closed = false;
  const handOut = () => {
    while (inFlight.length < AHEAD && next < charts.length) {
      const toDraw = batch();
      if (toDraw.length === 0) continue;
      // A worker that failed (out of its memory, say) leaves its batches to be drawn here, where a
      // Graphviz error, if that is what it was, is met again and reported.
      const drawn = worker.draw(toDraw.map((b) => toDot(b.chart))).then(
        (svgs) => write(toDraw, svgs),
        () => (closed ? undefined : drawHere(toDraw)),
      );
      const entry = { drawn, done: false };
      // Marked handled here: a failure is thrown when its batch's turn comes to be awaited.
      entry.drawn.then(() => (entry.done = true), () => (entry.done = true));
      inFlight.push(entry);
    }
  };
  return {
    async pump() {
      handOut();
      // A turn of the event loop: the worker's replies come in, and their pages are written.
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (inFlight[0]?.done) await inFlight.shift()!.drawn;
      handOut();
    },
    async finish() {
      for (handOut(); inFlight.length; handOut()) await inFlight.shift()!.drawn;
    },
    close: () => {
      closed = true;
      return worker.close();
    },
  };
}

/**
 * What the chart page's search box looks through (templates/html/chart.hbs, chart-view.js): each
 * box with its Graphviz node id (the SVG's `<title>`), its title, the role id, and all its text, so
 * that a role is found by its title or id, and a process step by its name or the roles on it.
 */
function findList(chart: Chart): Array<{ node: string; title: string; id: string; text: string }> {
  return chart.nodes.filter((n) => n.kind === 'role' || n.kind === 'step').map((n) => ({ node: n.id, title: n.lines[0] ?? n.id, id: n.role ?? '', text: n.lines.join(' ') }));
}

/** The pan-and-zoom library, copied beside the pages so that the handbook works offline. */
const PANZOOM_ASSET = 'assets/panzoom.min.js';
const PANZOOM_PACKAGE = '@panzoom/panzoom';

/** Panzoom's own minified build, byte for byte as npm installed it (package.json pins the version). */
async function panzoomScript(): Promise<string> {
  let file: string;
  try {
    file = createRequire(import.meta.url).resolve(`${PANZOOM_PACKAGE}/dist/panzoom.min.js`);
  } catch {
    throw TemplateError.said('chart-viewer-missing', { package: PANZOOM_PACKAGE });
  }
  return readFile(file, 'utf8');
}

/** The reference pages, in the order the index lists them; each written when the model has entries for it. */
export const REFERENCE_PAGES = ['targets', 'kpis', 'service-levels', 'reviews', 'signals'] as const;
/** The name a reference page's template finds its list under. */
const PAGE_DATA = { targets: 'targets', kpis: 'kpis', 'service-levels': 'serviceLevels', reviews: 'reviews', signals: 'signals' } as const;

/** Charts drawn at once for the HTML pages. */
const CHART_BATCH = 100;

/** Graphviz's SVG without its XML prolog, doctype and comments, ready to sit inside HTML. */
function inlineSvg(svg: string): string {
  return svg.slice(svg.indexOf('<svg')).replace(/<!--[\s\S]*?-->\n?/g, '').trim();
}
