// render: the org's handbook in one format and language, as pages in memory or into a sink of the
// caller's (a sink receives each page as it is made: a large handbook need never be held whole).
import path from 'node:path';
import { chooseLanguage, type UiLanguage } from '../i18n/lang.js';
import { pick } from '../i18n/text.js';
import { LABELS } from '../render/labels.js';
import { render as renderPages, RENDER_FORMATS, PAGE_KINDS, type PageSink, type RenderFormat } from '../render/index.js';
import type { PageMemo } from '../render/page-memo.js';
import type { FindingRow } from '../render/view/types.js';
import type { Diagnostic } from '../report/diagnostic.js';
import { diagnose, type Analysis } from './analyze.js';
import { OrgcError, toOrgcError } from './errors.js';
import { linted, type LintOptions, type LintResult } from './lint.js';

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

/** What a draft (org.draft, as `orgc import` writes it) still lacks by nature: its to-do list, not errors that stop the render. */
export const DRAFT_TODO_RULES = ['role-without-duties', 'kpi-coverage', 'role-fit'];

/** The findings of a draft's to-do list (none for an org that is not a draft). */
export function draftTodo(result: Pick<LintResult, 'model' | 'diagnostics'>): Diagnostic[] {
  return result.model?.org.draft === true ? result.diagnostics.filter((d) => DRAFT_TODO_RULES.includes(d.ruleId)) : [];
}

/** The errors that stop a render unless forced: every error but a draft's to-do list. */
export function renderErrors(result: Pick<LintResult, 'model' | 'diagnostics'>): Diagnostic[] {
  const todo = draftTodo(result);
  return result.diagnostics.filter((d) => d.severity === 'error' && !todo.includes(d));
}

/** What a render of a linted org is made of, before any page is: the command line fingerprints it. */
export interface RenderPlan {
  /** The handbook's language: `lang`, the config's, the org's — never the reader's locale. */
  lang: UiLanguage;
  /** The findings as the handbook lists them, in its language. */
  findings: FindingRow[];
  /** The template directory, absolute. */
  templates?: string;
  browser?: string;
}

/**
 * The plan of a render of `analysis`, or undefined when it renders nothing (unreadable, or errors
 * without `force`).
 * @internal The command line's steps of `render` (not part of the library's API).
 */
export function planRender(result: LintResult, analysis: Analysis, opts: Pick<RenderOptions, 'lang' | 'templates' | 'force' | 'cwd'>): RenderPlan | undefined {
  if (!result.model || (renderErrors(result).length > 0 && !opts.force)) return undefined;
  // The handbook is a file in the repository: its language must not depend on who renders it, so
  // the reader's locale is left out (messages on the terminal still follow it).
  const lang = chooseLanguage({ flag: opts.lang, config: result.config.lang, org: result.model.org.language });
  const severity = { error: LABELS.severityError, warning: LABELS.severityWarning, info: LABELS.severityInfo };
  const findings: FindingRow[] = (lang === result.lang ? result.diagnostics : diagnose({ ...analysis, lang })).map((d) => ({
    severity: pick(severity[d.severity], lang),
    severityKey: d.severity,
    where: `${d.file}:${d.range.start.line}:${d.range.start.column}`,
    message: d.message,
    rule: d.ruleId,
  }));
  const templates = opts.templates ? path.resolve(opts.cwd ?? process.cwd(), opts.templates) : result.config.render.templates;
  return { lang, findings, templates, browser: result.config.render.chrome };
}

/**
 * The pages of a planned render into `sink`.
 * @internal The command line's steps of `render` (not part of the library's API).
 */
export async function renderPlanned(
  model: NonNullable<LintResult['model']>,
  plan: RenderPlan,
  opts: Pick<RenderOptions, 'format' | 'only' | 'people' | 'engine'> & { progress?: (done: number, total: number) => void; messages?: string; memo?: PageMemo },
  sink: PageSink,
): Promise<void> {
  // What the caller's sink throws (a disk that is full, a path it refuses) is the caller's, and
  // goes back as it is; the rest is the render's.
  let sinkError: unknown;
  const caught = <T>(work: () => T): T => {
    try {
      return work();
    } catch (error) {
      sinkError = error;
      throw error;
    }
  };
  const guarded: PageSink = {
    set: (file, page, key) => caught(() => sink.set(file, page, key)),
    // Offered only when the caller's sink can tell: pages it cannot reuse are made as before.
    reuse: sink.reuse ? (file, key) => caught(() => sink.reuse!(file, key)) : undefined,
    get size() {
      return sink.size;
    },
  };
  try {
    await renderPages(model, opts.format, plan.lang, plan.findings, { only: opts.only, templates: plan.templates, progress: opts.progress, engine: opts.engine, people: opts.people, browser: plan.browser, memo: opts.memo }, guarded);
  } catch (error) {
    if (error === sinkError) throw error;
    throw toOrgcError(error, { lang: opts.messages ?? plan.lang });
  }
}

export async function render(opts: RenderOptions): Promise<RenderResult> {
  if (!(RENDER_FORMATS as readonly string[]).includes(opts.format)) throw new OrgcError('usage', `format takes ${RENDER_FORMATS.join(', ')}; not '${opts.format}'`);
  for (const kind of opts.only ?? []) {
    if (!(PAGE_KINDS as readonly string[]).includes(kind)) throw new OrgcError('usage', `only takes ${PAGE_KINDS.join(', ')}; not '${kind}'`);
  }
  const { result, analysis } = await linted(opts);
  const plan = planRender(result, analysis, opts);
  if (!plan || !result.model) return { ...result, rendered: false };
  const sink = opts.sink ?? new Collected();
  await renderPlanned(result.model, plan, opts, sink);
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
