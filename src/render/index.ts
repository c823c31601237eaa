// The render stage: the model → the files of the handbook in one format and language.
import type { UiLanguage } from '../i18n/lang.js';
import type { OrgModel } from '../model/types.js';
import { renderCsv } from './csv.js';
import { drawCharts } from './charts/images.js';
import { toMermaid } from './charts/mermaid.js';
import { orgCharts } from './charts/org-chart.js';
import { processMap } from './charts/process-map.js';
import { renderDocuments } from './documents.js';
import { markdownText } from './escape.js';
import { renderDocx } from './docx.js';
import { renderJobPostings } from './jobposting.js';
import { renderJson } from './json.js';
import type { Output, PageSink, RenderOptions } from './output.js';
import { buildViews } from './view/build.js';
import type { FindingRow } from './view/types.js';
import { renderXlsx } from './xlsx.js';

export const RENDER_FORMATS = ['md', 'html', 'csv', 'xlsx', 'json', 'mermaid', 'svg', 'png', 'pdf', 'jobposting', 'docx'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];
export const PAGE_KINDS = ['index', 'summary', 'raci', 'jd', 'charts', 'targets', 'kpis', 'service-levels', 'reviews', 'signals'] as const;

/** Renders into `out` page by page, and returns it. */
export async function render<Sink extends PageSink = Output>(
  model: OrgModel,
  format: RenderFormat,
  lang: UiLanguage,
  findings: FindingRow[],
  opts: RenderOptions = {},
  out: Sink = new Map() as PageSink as Sink,
): Promise<Sink> {
  if (format === 'json') {
    renderJson(model, out);
    return out;
  }
  if (format === 'jobposting' || format === 'docx') {
    // Job descriptions only, in plain text: JSON-LD and Word escape what they hold themselves.
    const views = buildViews(model, lang, findings);
    if (format === 'jobposting') renderJobPostings(model, views, lang, out);
    else await renderDocx(views, out, model.org.jobs?.posted);
    return out;
  }
  const wantsCharts = !opts.only || opts.only.includes('charts');
  const org = wantsCharts && format !== 'csv' && format !== 'xlsx' ? orgCharts(model, lang, { people: opts.people, maxRoles: opts.maxChartRoles }) : undefined;
  const process = org ? processMap(model, lang) : undefined;
  const charts = org ? [...org.charts, ...(process ? [process] : [])] : [];
  if (format === 'mermaid') {
    for (const chart of charts) out.set(`charts/${chart.id}.mmd`, toMermaid(chart));
    return out;
  }
  if (format === 'svg' || format === 'png' || format === 'pdf') {
    const drawn = await drawCharts(charts, format, { engine: opts.engine ?? 'mermaid', browser: opts.browser, progress: opts.progress });
    for (const [file, content] of drawn) out.set(file, content);
    return out;
  }
  // Markdown text is escaped as it enters the views, so no template (ours or a user's) can forget to.
  const escape = format === 'md' ? markdownText : undefined;
  const views = buildViews(model, lang, findings, escape, org?.homeOf);
  if (format === 'md' || format === 'html') await renderDocuments(views, format, opts, out, charts);
  else if (format === 'csv') renderCsv(views, opts, out);
  else await renderXlsx(views, out);
  return out;
}

export type { Output, Page, PageSink, RenderOptions } from './output.js';
