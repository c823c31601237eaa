// The handbook as Markdown or HTML pages: an index, a summary, the RACI matrix and one job
// description per role, linked with relative paths that work on GitHub and from disk.
import type { Output, RenderOptions } from './output.js';
import { loadTemplates, type DocumentFormat } from './templates.js';
import type { Views } from './view/types.js';

/** `views` must have been built with the format's escaping (Markdown's, or none for HTML). */
export async function renderDocuments(v: Views, format: DocumentFormat, opts: RenderOptions, out: Output): Promise<void> {
  const templates = await loadTemplates(format, opts.templates);
  const base = { org: v.org, labels: v.labels, charts: opts.charts ?? [] };
  const wants = (kind: string) => !opts.only || opts.only.includes(kind);
  if (wants('index')) out.set(`index.${format}`, templates.render('index', { ...base, index: v.index }));
  if (wants('summary')) out.set(`summary.${format}`, templates.render('summary', { ...base, summary: v.summary }));
  if (wants('raci')) out.set(`raci.${format}`, templates.render('raci', { ...base, raci: v.raci }));
  if (wants('jd')) {
    v.roles.forEach((role, i) => {
      out.set(`roles/${role.file}.${format}`, templates.render('role', { ...base, role }));
      opts.progress?.(i + 1, v.roles.length);
    });
  }
  for (const [file, text] of templates.assets) out.set(file, text);
}
