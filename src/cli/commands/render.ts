// `orgc render`: validate, then turn the org into its handbook in one format (the library's
// lint and render; here, the terminal's messages and the output directory). With errors it
// renders nothing and exits 1 (unless --force); with --check it writes nothing and exits 1 when
// the files on disk differ from what it would write.
import path from 'node:path';
import { Chalk } from 'chalk';
import { AnalysisCache } from '../../api/analyze.js';
import { linted } from '../../api/lint.js';
import { draftTodo as draftTodoOf, planRender, renderErrors, renderPlanned } from '../../api/render.js';
import { say } from '../../i18n/cli.js';
import { pick } from '../../i18n/text.js';
import { chooseLanguage, type UiLanguage } from '../../i18n/lang.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { stylish } from '../../report/formatters/stylish.js';
import { PAGE_KINDS, type RenderFormat } from '../../render/index.js';
import { postingGapMessage, postingGaps } from '../../render/jobposting.js';
import { ReadBuffers } from '../../load/read-buffers.js';
import { PageMemo } from '../../render/page-memo.js';
import { printTimings, timed, timedAsync } from '../../timing.js';
import { VERSION } from '../../version.js';
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from '../errors.js';
import type { LockWait } from '../dir-lock.js';
import { OutputWatch } from '../out-watch.js';
import { checkByFingerprint, CheckedOutput, StagedOutput, type CheckResult, type WriteResult } from '../output-dir.js';
import { quietRender, readRenderInputs, recordedInputs, renderFingerprint } from '../render-fingerprint.js';
import { useColor, type Io } from '../output.js';

export const DEFAULT_OUT = 'handbook';

/**
 * Formats whose pages follow from what the inputs' fingerprint holds (the org, the configuration,
 * the options, the templates, orgc's build) and from orgc's own dependencies, installed with it (as
 * `--check` trusts them too): a render of unchanged inputs whose pages are all as written has
 * nothing to do. Not the chart images (a browser found at run time draws png, pdf and Mermaid's
 * svg), nor Word files (the optional docx package). `--force` renders anyway.
 */
const SETTLED_BY_MANIFEST: ReadonlySet<RenderFormat> = new Set(['md', 'html', 'csv', 'xlsx', 'json', 'mermaid', 'jobposting']);

export interface RenderCommandOptions {
  format: RenderFormat;
  out?: string;
  lang?: string;
  config?: string;
  templates?: string;
  only?: string;
  check?: boolean;
  force?: boolean;
  engine?: 'mermaid' | 'graphviz';
  people?: boolean;
  /** A scenario's design on a date (`--at`). */
  at?: string;
}

/**
 * What `orgc render --watch` keeps from one render to the next in its process: the analysis (an
 * edit of a role's own fields is read into the last model, and only the rules it reaches run
 * again) and the job descriptions made (a page whose role and linked roles are untouched is not
 * made again, nor its view): api/analyze.ts AnalysisCache, render/page-memo.ts.
 */
export interface RenderSession {
  analysis: AnalysisCache;
  memo: PageMemo;
  /** The output directory of the last render, absolute: a watch leaves it out. */
  out?: string;
  /** The last render's templates directory and config file, absolute: a watch watches them too. */
  templates?: string;
  config?: string;
  /** The watch of the handbook's directories, for the whole session (out-watch.ts). */
  handbook?: OutputWatch;
  /** Where the org's files are read into, render after render (load/read-buffers.ts). */
  buffers: ReadBuffers;
}

export function renderSession(): RenderSession {
  return { analysis: new AnalysisCache(), memo: new PageMemo(), buffers: new ReadBuffers() };
}

export async function renderCommand(paths: string[], opts: RenderCommandOptions, io: Io, session?: RenderSession): Promise<number> {
  const only = opts.only?.split(',').map((s) => s.trim()).filter(Boolean);
  for (const kind of only ?? []) {
    if (!(PAGE_KINDS as readonly string[]).includes(kind)) throw new UsageError(say('option-choices', chooseLanguage({ flag: opts.lang, env: io.env }), { option: '--only', choices: PAGE_KINDS.join(', '), value: kind }));
  }
  // The inputs as they are on disk, before anything is parsed: `--check` of a handbook rendered
  // from these very inputs needs nothing else (render-fingerprint.ts), nor does a render of them,
  // unless --force asks for one.
  const inputs = await timedAsync('inputs', () => readRenderInputs(paths, opts, io, session?.buffers));
  if (!only && inputs && (opts.check || (!opts.force && SETTLED_BY_MANIFEST.has(opts.format)))) {
    const out = outDir(inputs.config);
    let lang: string | undefined;
    const wait = waiting(io, chooseLanguage({ flag: opts.lang, config: inputs.config.lang, env: io.env }));
    const known = await timedAsync('check', () => checkByFingerprint(out, opts.format, (recorded) => (lang = quietRender(recorded, inputs.fingerprint)) !== undefined, inputs.fingerprint, wait));
    if (known && lang) {
      const ui = chooseLanguage({ flag: opts.lang, config: inputs.config.lang, env: io.env, org: lang });
      const shown = path.relative(io.cwd, out) || '.';
      if (opts.check) return checked(known, known.files, shown, ui);
      // Rendered quietly from these very inputs, every page still as written: a render would make
      // the same pages and write none of them. (A page edited or removed by hand since is made
      // and written again by the render below.)
      if (known.missing.length + known.different.length === 0) {
        timed(`  pages made 0, kept ${known.files}`, () => undefined);
        return written(shown, ui, { written: known.files, changed: 0, removed: [] });
      }
    }
  }
  // The configuration and (in a session) the org's bytes the inputs' fingerprint was made from:
  // what the manifest will say was rendered is what is rendered, whatever is saved meanwhile.
  session?.analysis.readFrom(inputs?.bytes);
  if (inputs) inputs.bytes = undefined;
  let linting;
  try {
    linting = await linted({ files: paths, cwd: io.cwd, stdin: io.readStdin, config: inputs?.config ?? opts.config, lang: opts.lang, env: io.env, at: opts.at }, session?.analysis);
  } finally {
    session?.analysis.readFrom(undefined);
  }
  const { result: analysis, analysis: raw } = linting;
  // Whether or not this render goes on to make pages: what the model lost, the pages lose.
  session?.memo.changed(session.analysis.takeChange());
  if (session) {
    session.out = outDir(analysis.config);
    session.config = analysis.config.file === undefined ? undefined : path.resolve(io.cwd, analysis.config.file);
    session.templates = opts.templates ? path.resolve(io.cwd, opts.templates) : analysis.config.render.templates;
  }
  const diagnostics = analysis.diagnostics;
  // A draft (org.draft, as `orgc import` writes it) lacks duties, KPIs and requirements by nature:
  // those findings are its to-do list, shown with the output instead of stopping it.
  const todo = draftTodoOf(analysis);
  const errors = renderErrors(analysis);
  const color = useColor(io, io.stderrIsTTY);
  const c = new Chalk({ level: color ? 1 : 0 });
  const show = (list: Diagnostic[]) =>
    io.stderr(stylish(list, { lineText: (f, l) => raw.files.find((x) => x.path === f)?.lines.lineText(l), color, toolVersion: VERSION, files: analysis.files.map((f) => f.path), lang: analysis.lang }));
  const plan = planRender(analysis, raw, { lang: opts.lang, templates: opts.templates, force: opts.force, cwd: io.cwd });
  if (!analysis.model || !plan) {
    show(diagnostics);
    io.stderr(`${c.red('orgc:')} ${say(analysis.model ? 'render-errors' : 'render-unreadable', analysis.lang)}\n`);
    return EXIT_FINDINGS;
  }
  if (todo.length > 0) io.stderr(`${c.yellow('orgc:')} ${draftTodo(todo, analysis.lang)}`);
  const errorCount = errors.reduce((n, d) => n + (d.count ?? 1), 0);
  if (errors.length > 0) io.stderr(`${c.yellow('orgc:')} ${say('render-despite', analysis.lang, { n: errorCount })}\n`);

  const { lang, templates, browser } = plan;
  const out = outDir(analysis.config);
  // A job posting without a property Google requires would be refused by job boards: say which
  // role lacks what, and write nothing unless --force (src/render/jobposting.ts).
  let gaps: ReturnType<typeof postingGaps> = [];
  if (opts.format === 'jobposting') {
    gaps = postingGaps(analysis.model);
    for (const gap of gaps) io.stderr(`${c.yellow('orgc:')} ${postingGapMessage(gap, analysis.model, analysis.lang)}\n`);
    if (gaps.length && !opts.force) {
      io.stderr(`${c.red('orgc:')} ${pick({ en: 'job postings not written: add what is missing above (--force writes them anyway)', 'zh-CN': '未生成职位发布：请补充上面缺少的内容（加 --force 仍然生成）' }, analysis.lang)}\n`);
      return EXIT_FINDINGS;
    }
  }
  const shown = path.relative(io.cwd, out) || '.';
  const ui = analysis.lang;
  const settings = { format: opts.format, lang, only, people: opts.people ?? false, engine: opts.engine ?? null, browser: browser ?? null };
  // The inputs' fingerprint stands for the render when the render read nothing else: then --check
  // can trust it without validating. A scenario reads its base org too, found only by parsing: its
  // record takes in every file read, and a check validates before comparing it.
  const notes = todo.length > 0 || errors.length > 0 || gaps.length > 0;
  const fingerprint = !inputs
    ? undefined
    : sameFiles(inputs.files, analysis.files)
      ? recordedInputs(inputs.fingerprint, lang, notes)
      : recordedInputs(renderFingerprint({ files: analysis.files, settings: inputs.fingerprint }), lang, true);
  // What every page depends on besides what its template is given (src/render/page-key.ts): orgc's
  // code and the options. (The templates' text is in every page's key already.) Pages whose key
  // and salt are those of the last render are neither made nor written again.
  const salt = renderFingerprint({ files: [], settings });
  if (opts.check && !only && fingerprint) {
    // Rendered from these very inputs (with notes, which the lines above have said again): the
    // pages need only be what was written.
    const known = await timedAsync('check', () => checkByFingerprint(out, opts.format, fingerprint, undefined, waiting(io, ui)));
    if (known) return checked(known, known.files, shown, ui);
  }
  const progress = io.stderrIsTTY ? progressLine(io, ui) : undefined;
  // Pages go to disk (or, for --check, through a hash) as they are made: a large handbook is never
  // held in memory whole. Nothing is renamed into place before the render has finished.
  const partial = only !== undefined;
  // A session watches its handbook from its first render on, and vouches for the pages it saw as
  // written and nothing touched since: a watch that lost track (or of another directory) is
  // replaced, and vouches for nothing until it has seen the pages again.
  const handbook = session && watchOf(session, out);
  await handbook?.settle();
  const sink = opts.check ? new CheckedOutput(out, opts.format, partial, salt, waiting(io, ui)) : new StagedOutput(out, opts.format, partial, salt, waiting(io, ui), handbook);
  try {
    try {
      await timedAsync('render', () => renderPlanned(analysis.model!, plan, { format: opts.format, only, progress, engine: opts.engine, people: opts.people, messages: ui, memo: session?.memo }, sink));
    } finally {
      if (progress) io.stderr('\r\x1b[K');
    }
    // For ORGC_TIMING (and the tests of incremental renders): how many pages were made, how many kept.
    timed(`  pages made ${sink.size - sink.kept}, kept ${sink.kept}`, () => undefined);
    if (sink.size === 0) {
      throw new UsageError(only ? say('render-only-nothing', ui, { only: only.join(','), format: opts.format }) : say('render-nothing', ui, { format: opts.format }));
    }
    if (sink instanceof CheckedOutput) {
      const result = await timedAsync('check', () => sink.result());
      return checked(result, sink.size, shown, ui);
    }
    const result = await timedAsync('write', () => sink.commit(fingerprint));
    return written(shown, ui, result);
  } finally {
    // Whatever stopped the render before its commit: what it staged goes, and so does its lock.
    if (sink instanceof StagedOutput) sink.abort();
  }

  /** What the render wrote: `✔ handbook: 10962 files, 11 changed`. */
  function written(dir: string, ui: UiLanguage, result: WriteResult): number {
    const data = { dir, n: result.written, changed: result.changed, removed: result.removed.length };
    io.stdout(`${say(result.removed.length ? 'render-written-removed' : 'render-written', ui, data)}\n`);
    printTimings(io.stderr);
    return EXIT_CLEAN;
  }

  /** What `--check` found: the handbook is up to date (exit 0), or which files are not (exit 1). */
  function checked(result: CheckResult, files: number, shown: string, ui: UiLanguage): number {
    if (result.missing.length + result.different.length + result.stale.length === 0) {
      io.stdout(`${say('render-up-to-date', ui, { dir: shown, n: files })}\n`);
      printTimings(io.stderr);
      return EXIT_CLEAN;
    }
    const problems = [
      ...result.missing.map((f) => say('render-missing', ui, { file: join(shown, f) })),
      ...result.different.map((f) => say('render-differs', ui, { file: join(shown, f) })),
      ...result.stale.map((f) => say('render-stale', ui, { file: join(shown, f) })),
    ];
    io.stdout(`${problems.join('\n')}\n`);
    const c = new Chalk({ level: useColor(io, io.stderrIsTTY) ? 1 : 0 });
    io.stderr(`${c.red('orgc:')} ${say('render-out-of-date', ui, { dir: shown, command: renderAgain(paths, opts) })}\n`);
    printTimings(io.stderr);
    return EXIT_FINDINGS;
  }

  function outDir(config: { render: { out?: string } }): string {
    return path.resolve(io.cwd, opts.out ?? config.render.out ?? DEFAULT_OUT);
  }
}

/** The session's watch of `out`, started (again) when there is none, it is of another directory, or it lost track. */
function watchOf(session: RenderSession, out: string): OutputWatch | undefined {
  if (session.handbook && (session.handbook.dir !== out || !session.handbook.live)) {
    session.handbook.close();
    session.handbook = undefined;
  }
  return (session.handbook ??= OutputWatch.start(out));
}

/** Whether the render read exactly the files given (no scenario's base besides them). */
function sameFiles(given: readonly string[], read: ReadonlyArray<{ path: string }>): boolean {
  return given.length === read.length && read.every((f, i) => f.path === given[i]);
}

function draftTodo(todo: readonly Diagnostic[], lang: UiLanguage): string {
  const count = (rule: string) => todo.filter((d) => d.ruleId === rule).reduce((n, d) => n + (d.count ?? 1), 0);
  const items = [
    [count('role-without-duties'), 'draft-no-duties'],
    [count('kpi-coverage'), 'draft-no-kpis'],
    [count('role-fit'), 'draft-no-requirements'],
  ] as const;
  const list = items.filter(([n]) => n).map(([n, id]) => `  - ${say(id, lang, { n })}`).join('\n');
  return `${say('render-draft', lang)}\n${list}\n${say('render-draft-after', lang)}\n`;
}

/**
 * The command that brings the handbook up to date: the user's own paths and options (less --check),
 * quoted for a POSIX shell, so that it can be copied from the hint and pasted as it is.
 */
export function renderAgain(paths: readonly string[], opts: RenderCommandOptions): string {
  const args = ['orgc', 'render', ...paths, '--format', opts.format];
  if (opts.out) args.push('--out', opts.out);
  if (opts.lang) args.push('--lang', opts.lang);
  if (opts.config) args.push('--config', opts.config);
  if (opts.templates) args.push('--templates', opts.templates);
  if (opts.engine && opts.engine !== 'mermaid') args.push('--engine', opts.engine);
  if (opts.people) args.push('--people');
  if (opts.force) args.push('--force');
  if (opts.at) args.push('--at', opts.at);
  return args.map(shellQuote).join(' ');
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function join(dir: string, file: string): string {
  return dir === '.' ? file : `${dir}/${file}`;
}

/** What a render or check says, once, when another render holds the output directory and it waits (dir-lock.ts). */
function waiting(io: Io, lang: UiLanguage): LockWait {
  return (holder, file) => {
    const c = new Chalk({ level: useColor(io, io.stderrIsTTY) ? 1 : 0 });
    // As the user would type them here: relative within the working directory (not the directory itself), else whole.
    const shown = (p: string) => {
      const rel = path.relative(io.cwd, p);
      return rel === '' || rel.startsWith('..') ? p : rel;
    };
    const lock = shown(file);
    const dir = shown(path.dirname(file));
    const text = holder ? say('render-waiting', lang, { pid: String(holder.pid), host: holder.host, since: localTime(holder.since), dir, lock }) : say('render-waiting-unknown', lang, { dir, lock });
    io.stderr(`${c.yellow('orgc:')} ${text}\n`);
  };
}

/** `2026-12-01 17:05:40` in the reader's time zone; a time that does not parse, as it was written. */
function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** A one-line progress counter on a terminal; nothing when stderr is not one. */
function progressLine(io: Io, lang: UiLanguage): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    if (total < 50) return;
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    io.stderr(`\r${say('render-progress', lang, { done, total })}`);
  };
}
