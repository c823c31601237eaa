// `orgc render`: validate, then turn the org into its handbook in one format. With errors it
// renders nothing and exits 1 (unless --force); with --check it writes nothing and exits 1 when
// the files on disk differ from what it would write.
import path from 'node:path';
import { Chalk } from 'chalk';
import { catalogueLanguage, uiLanguage } from '../../i18n/lang.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { stylish } from '../../report/formatters/stylish.js';
import { PAGE_KINDS, render, type RenderFormat } from '../../render/index.js';
import { ChartError } from '../../render/charts/images.js';
import { LABELS } from '../../render/labels.js';
import { TemplateError } from '../../render/templates.js';
import type { FindingRow } from '../../render/view/types.js';
import { printTimings, timedAsync } from '../../timing.js';
import { VERSION } from '../../version.js';
import { analyze, diagnose } from '../analyze.js';
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from '../errors.js';
import { checkByFingerprint, CheckedOutput, StagedOutput, type CheckResult } from '../output-dir.js';
import { renderFingerprint } from '../render-fingerprint.js';
import { useColor, type Io } from '../output.js';

export const DEFAULT_OUT = 'handbook';

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
}

export async function renderCommand(paths: string[], opts: RenderCommandOptions, io: Io): Promise<number> {
  const only = opts.only?.split(',').map((s) => s.trim()).filter(Boolean);
  for (const kind of only ?? []) {
    if (!(PAGE_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--only takes ${PAGE_KINDS.join(', ')}; not '${kind}'`);
  }
  const analysis = await analyze(paths, io, opts);
  const diagnostics = diagnose(analysis);
  // A draft (org.draft, as `orgc import` writes it) lacks duties, KPIs and requirements by nature:
  // those findings are its to-do list, shown with the output instead of stopping it.
  const draft = analysis.model?.org.draft === true;
  const todo = draft ? diagnostics.filter((d) => DRAFT_TODO_RULES.includes(d.ruleId)) : [];
  const errors = diagnostics.filter((d) => d.severity === 'error' && !todo.includes(d));
  const color = useColor(io, io.stderrIsTTY);
  const c = new Chalk({ level: color ? 1 : 0 });
  const show = (list: Diagnostic[]) =>
    io.stderr(stylish(list, { lineText: (f, l) => analysis.files.find((x) => x.path === f)?.lines.lineText(l), color, toolVersion: VERSION, files: analysis.files.map((f) => f.path), lang: analysis.lang }));
  if (!analysis.model || (errors.length > 0 && !opts.force)) {
    show(diagnostics);
    io.stderr(`${c.red('orgc:')} ${analysis.model ? 'the org has errors: nothing rendered (--force renders anyway)' : 'the org cannot be read: nothing rendered'}\n`);
    return EXIT_FINDINGS;
  }
  if (todo.length > 0) io.stderr(`${c.yellow('orgc:')} ${draftTodo(todo, catalogueLanguage(analysis.lang) === 'zh-CN')}`);
  const errorCount = errors.reduce((n, d) => n + (d.count ?? 1), 0);
  if (errors.length > 0) io.stderr(`${c.yellow('orgc:')} rendering despite ${errorCount} error${errorCount === 1 ? '' : 's'} (--force)\n`);

  const lang = uiLanguage(opts.lang ?? analysis.model.org.language);
  const out = path.resolve(io.cwd, opts.out ?? analysis.config.render.out ?? DEFAULT_OUT);
  const templates = opts.templates ? path.resolve(io.cwd, opts.templates) : analysis.config.render.templates;
  const severity = { error: LABELS.severityError, warning: LABELS.severityWarning, info: LABELS.severityInfo };
  const findings: FindingRow[] = diagnostics.map((d) => ({
    severity: severity[d.severity][lang],
    severityKey: d.severity,
    where: `${d.file}:${d.range.start.line}:${d.range.start.column}`,
    message: d.message,
    rule: d.ruleId,
  }));
  const browser = analysis.config.render.chrome;
  const shown = path.relative(io.cwd, out) || '.';
  const words = catalogueLanguage(analysis.lang) === 'zh-CN';
  const fingerprint = renderFingerprint({
    files: analysis.files,
    settings: { format: opts.format, lang, only, people: opts.people ?? false, engine: opts.engine ?? null, browser: browser ?? null, findings },
    templates,
  });
  const upToDate = () => {
    io.stdout(words ? `✔ ${shown} 与组织设计一致（${files} 个文件）\n` : `✔ ${shown} is up to date (${files} files)\n`);
    printTimings(io.stderr);
    return EXIT_CLEAN;
  };
  let files = 0;
  if (opts.check && !only) {
    // Rendered from these very inputs: the pages need only be what was written.
    const known = await timedAsync('check', () => checkByFingerprint(out, opts.format, fingerprint));
    if (known) {
      files = known.files;
      return known.missing.length + known.different.length === 0 ? upToDate() : outOfDate(known);
    }
  }
  const progress = io.stderrIsTTY ? progressLine(io) : undefined;
  // Pages go to disk (or, for --check, through a hash) as they are made: a large handbook is never
  // held in memory whole. Nothing is renamed into place before the render has finished.
  const partial = only !== undefined;
  const sink = opts.check ? new CheckedOutput(out, opts.format, partial) : new StagedOutput(out, opts.format, partial);
  try {
    await timedAsync('render', () => render(analysis.model!, opts.format, lang, findings, { only, templates, progress, engine: opts.engine, people: opts.people, browser }, sink));
  } catch (error) {
    if (sink instanceof StagedOutput) sink.abort();
    if (error instanceof TemplateError || error instanceof ChartError) throw new UsageError(error.message);
    throw error;
  } finally {
    if (progress) io.stderr('\r\x1b[K');
  }
  if (sink.size === 0) {
    throw new UsageError(only ? `--only ${only.join(',')} gives nothing to render as ${opts.format}` : `the org has nothing to render as ${opts.format}`);
  }
  function outOfDate(result: CheckResult): number {
    const problems = [
      ...result.missing.map((f) => `missing  ${join(shown, f)}`),
      ...result.different.map((f) => `differs  ${join(shown, f)}`),
      ...result.stale.map((f) => `stale    ${join(shown, f)}`),
    ];
    io.stdout(`${problems.join('\n')}\n`);
    io.stderr(`${c.red('orgc:')} ${shown} is out of date: run \`${renderAgain(paths, opts)}\`\n`);
    printTimings(io.stderr);
    return EXIT_FINDINGS;
  }
  if (sink instanceof CheckedOutput) {
    const result = await timedAsync('check', () => sink.result());
    files = sink.size;
    return result.missing.length + result.different.length + result.stale.length === 0 ? upToDate() : outOfDate(result);
  }
  const result = await timedAsync('write', () => sink.commit(fingerprint));
  const removed = result.removed.length ? (words ? `，删除 ${result.removed.length} 个过期文件` : `, removed ${result.removed.length} stale`) : '';
  io.stdout(
    words
      ? `✔ ${shown}：${result.written} 个文件，其中 ${result.changed} 个有变化${removed}\n`
      : `✔ ${shown}: ${result.written} files, ${result.changed} changed${removed}\n`,
  );
  printTimings(io.stderr);
  return EXIT_CLEAN;
}

/** What a draft still lacks, rendered anyway: the findings every imported draft has. */
export const DRAFT_TODO_RULES = ['role-without-duties', 'kpi-coverage', 'role-fit'];

function draftTodo(todo: readonly Diagnostic[], zh: boolean): string {
  const count = (rule: string) => todo.filter((d) => d.ruleId === rule).reduce((n, d) => n + (d.count ?? 1), 0);
  const items = [
    [count('role-without-duties'), zh ? '个岗位没有职责' : 'roles without duties'],
    [count('kpi-coverage'), zh ? '处 KPI 缺失' : 'missing KPIs'],
    [count('role-fit'), zh ? '处任职要求缺失' : 'missing requirements'],
  ].filter(([n]) => n);
  const list = items.map(([n, what]) => `  - ${n} ${what}`).join('\n');
  return zh
    ? `草稿（org.draft）：照常渲染；待办：\n${list}\n（npx orgc validate 列出每一处）\n`
    : `a draft (org.draft): rendered; to do:\n${list}\n(npx orgc validate lists each one)\n`;
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
  return args.map(shellQuote).join(' ');
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function join(dir: string, file: string): string {
  return dir === '.' ? file : `${dir}/${file}`;
}

/** A one-line progress counter on a terminal; nothing when stderr is not one. */
function progressLine(io: Io): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    if (total < 50) return;
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    io.stderr(`\rrendering ${done}/${total}`);
  };
}
