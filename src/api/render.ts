// render: the org's handbook in one format and language, as pages in memory or into a sink of the
// caller's (a sink receives each page as it is made: a large handbook need never be held whole).
import { uiLanguage } from '../i18n/lang.js';
import { LABELS } from '../render/labels.js';
import { render as renderPages, RENDER_FORMATS, PAGE_KINDS, type PageSink, type RenderFormat } from '../render/index.js';
import type { FindingRow } from '../render/view/types.js';
import { OrgcError, toOrgcError } from './errors.js';
import { lint, type LintOptions, type LintResult } from './lint.js';

export interface RenderOptions extends LintOptions {
  format: RenderFormat;
  /** Page kinds to produce (`index`, `summary`, `raci`, `jd`, `charts`); all when absent. */
  only?: readonly string[];
  /** A directory whose `<format>/*.hbs` override the built-in templates. Default: the config's. */
  templates?: string;
  /** Show named people in org chart boxes. */
  people?: boolean;
  /** How svg, png and pdf charts are drawn. Default: `mermaid` (needs Chromium). */
  engine?: 'mermaid' | 'graphviz';
  /** Render even when the org has errors (never when it cannot be read). */
  force?: boolean;
  /** Receives each page as it is made; default: the pages are returned in `pages`. */
  sink?: PageSink;
}

export interface RenderResult extends LintResult {
  /**
   * The pages by path (relative to the output directory, with `/`): text or bytes. Absent when
   * nothing was rendered — the org cannot be read, or it has errors and `force` was not given — or
   * when a `sink` took them.
   */
  pages?: Map<string, string | Uint8Array>;
  rendered: boolean;
}

export async function render(opts: RenderOptions): Promise<RenderResult> {
  if (!(RENDER_FORMATS as readonly string[]).includes(opts.format)) throw new OrgcError('usage', `format takes ${RENDER_FORMATS.join(', ')}; not '${opts.format}'`);
  for (const kind of opts.only ?? []) {
    if (!(PAGE_KINDS as readonly string[]).includes(kind)) throw new OrgcError('usage', `only takes ${PAGE_KINDS.join(', ')}; not '${kind}'`);
  }
  const result = await lint(opts);
  const errors = result.diagnostics.some((d) => d.severity === 'error');
  if (!result.model || (errors && !opts.force)) return { ...result, rendered: false };
  const lang = uiLanguage(opts.lang ?? result.model.org.language);
  const severity = { error: LABELS.severityError, warning: LABELS.severityWarning, info: LABELS.severityInfo };
  const findings: FindingRow[] = result.diagnostics.map((d) => ({
    severity: severity[d.severity][lang],
    severityKey: d.severity,
    where: `${d.file}:${d.range.start.line}:${d.range.start.column}`,
    message: d.message,
    rule: d.ruleId,
  }));
  const sink = opts.sink ?? new Collected();
  try {
    await renderPages(result.model, opts.format, lang, findings, {
      only: opts.only,
      templates: opts.templates ?? result.config.render.templates,
      people: opts.people,
      engine: opts.engine,
      browser: result.config.render.chrome,
    }, sink);
  } catch (error) {
    throw toOrgcError(error, lang);
  }
  return { ...result, rendered: true, pages: sink instanceof Collected ? sink.pages : undefined };
}

/** Pages in memory, chunked ones joined. */
class Collected implements PageSink {
  readonly pages = new Map<string, string | Uint8Array>();
  set(path: string, page: string | Uint8Array | Iterable<string | Uint8Array>): void {
    if (typeof page === 'string' || page instanceof Uint8Array) {
      this.pages.set(path, page);
      return;
    }
    const parts = [...page];
    this.pages.set(path, parts.every((p) => typeof p === 'string') ? parts.join('') : Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))));
  }
  get size(): number {
    return this.pages.size;
  }
}
