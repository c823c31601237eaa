// The render stage: the model → the files of the handbook in one format and language.
import type { UiLanguage } from '../i18n/lang.js';
import type { OrgModel } from '../model/types.js';
import { renderCsv } from './csv.js';
import { renderDocuments } from './documents.js';
import { markdownText } from './escape.js';
import { renderJson } from './json.js';
import type { Output, RenderOptions } from './output.js';
import { buildViews } from './view/build.js';
import type { FindingRow } from './view/types.js';
import { renderXlsx } from './xlsx.js';

export const RENDER_FORMATS = ['md', 'html', 'csv', 'xlsx', 'json'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];
export const PAGE_KINDS = ['index', 'summary', 'raci', 'jd'] as const;

export async function render(model: OrgModel, format: RenderFormat, lang: UiLanguage, findings: FindingRow[], opts: RenderOptions = {}): Promise<Output> {
  const out: Output = new Map();
  if (format === 'json') {
    renderJson(model, out);
    return out;
  }
  // Markdown text is escaped as it enters the views, so no template (ours or a user's) can forget to.
  const views = buildViews(model, lang, findings, format === 'md' ? markdownText : undefined);
  if (format === 'md' || format === 'html') await renderDocuments(views, format, opts, out);
  else if (format === 'csv') renderCsv(views, opts, out);
  else await renderXlsx(views, out);
  return out;
}

export type { Output, RenderOptions };
