// `orgc signals <metrics> <org> [scenarios…]`: which of the design's adaptation signals fire on
// this period's values, and the scenario that answers each — the loop of dynamic adjustment
// (动态调整): measure, see the signal, compare the design that answers it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import jsYaml from 'js-yaml';
import { defaultConfig, findConfig, loadConfig } from '../../config/load.js';
import { judgeSignals, VALUE, type AnsweringScenario, type MeasuredValue, type SignalResult } from '../../compare/signals.js';
import type { Messages } from '../../finding.js';
import { formatMessage } from '../../i18n/format.js';
import { chooseLanguage, type UiLanguage } from '../../i18n/lang.js';
import { localize } from '../../i18n/text.js';
import { scenarioHead } from '../../load/scenario.js';
import { resolveSources } from '../../load/sources.js';
import type { OrgModel } from '../../model/types.js';
import { markdownText } from '../../render/escape.js';
import { analyzeSources, diagnose } from '../../api/analyze.js';
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from '../errors.js';
import { formatDiagnostics } from '../../api/report.js';
import type { Io } from '../output.js';

export const SIGNALS_FORMATS = ['text', 'md', 'json'] as const;
export const SIGNALS_FAIL_ON = ['fired', 'unanswered', 'never'] as const;

export interface SignalsOptions {
  format: (typeof SIGNALS_FORMATS)[number];
  lang?: string;
  config?: string;
  failOn: (typeof SIGNALS_FAIL_ON)[number];
}

const WORDS: Messages = {
  title: { en: 'Adaptation signals', 'zh-CN': '调整信号' },
  colon: { en: ': ', 'zh-CN': '：' },
  fires: { en: 'fires', 'zh-CN': '触发' },
  quiet: { en: 'quiet', 'zh-CN': '未触发' },
  'no-value': { en: 'no value', 'zh-CN': '无数据' },
  'not-comparable': { en: 'not comparable', 'zh-CN': '无法比较' },
  measured: { en: '{metric} is {value} (fires when {when})', 'zh-CN': '{metric} 为 {value}（{when} 时触发）' },
  unmeasured: { en: '{metric} is not in {file} (fires when {when})', 'zh-CN': '{file} 中没有 {metric}（{when} 时触发）' },
  incomparable: { en: '{metric} is {value}, which cannot be compared with {when}: write it in the same unit', 'zh-CN': '{metric} 为 {value}，无法与 {when} 比较：请使用相同的单位' },
  add: { en: 'calls for a new role {role}', 'zh-CN': '需要新增岗位 {role}' },
  split: { en: 'calls for splitting {role} into {roles}', 'zh-CN': '需要把 {role} 拆分为 {roles}' },
  merge: { en: 'calls for merging {roles} into {role}', 'zh-CN': '需要把 {roles} 合并为 {role}' },
  retire: { en: 'calls for retiring {role}', 'zh-CN': '需要撤销岗位 {role}' },
  answered: { en: 'answered by {scenarios}', 'zh-CN': '应对方案：{scenarios}' },
  unanswered: { en: 'no scenario answers it yet: write one with `answers: {id}`', 'zh-CN': '还没有方案应对它：请编写一个带有 `answers: {id}` 的方案' },
  summary: { en: '{fired} of {total} signals fire; {unanswered} without a scenario', 'zh-CN': '{total} 个信号中有 {fired} 个触发；其中 {unanswered} 个没有应对方案' },
  'not-a-map': { en: '{file}: write the values as `metric-id: value` lines (YAML), or a CSV with the columns metric and value', 'zh-CN': '{file}：请按 `指标 id: 值` 的格式逐行填写（YAML），或使用包含 metric 和 value 两列的 CSV' },
  'bad-value': { en: '{at}: `{value}` is not a value orgc reads: write a number, a share (`35%`), an amount (`3.2M CNY`) or a duration (`24h`)', 'zh-CN': '{at}：`{value}` 不是可识别的数值：请写数字、百分比（`35%`）、金额（`3.2M CNY`）或时长（`24h`）' },
  'unreadable': { en: 'cannot read {file}: {reason}', 'zh-CN': '无法读取 {file}：{reason}' },
  'bad-org': { en: 'the org has errors: fix them first (`orgc validate {org}`)', 'zh-CN': '组织文件有错误：请先修正（`orgc validate {org}`）' },
};

const w = (key: string, lang: UiLanguage, data?: Record<string, string | number>) => formatMessage(WORDS, key, data, lang);

export async function signalsCommand(metricsFile: string, org: string, scenarioPaths: readonly string[], opts: SignalsOptions, io: Io): Promise<number> {
  const early = chooseLanguage({ flag: opts.lang, env: io.env });
  const configFile = await findConfig(opts.config, [org], io.cwd);
  const config = configFile ? await loadConfig(configFile, io.cwd) : defaultConfig();
  const values = await readMetrics(metricsFile, io, early);
  const scenarios = await findScenarios(scenarioPaths, io);
    // An InputError (a path that cannot be read) ends the command with exit code 2, in the reader's language (program.ts).
  const sources = await resolveSources([org], { cwd: io.cwd });
  const analysis = await analyzeSources(sources, config, { flag: opts.lang, env: io.env }, { cwd: io.cwd });
  const lang = analysis.lang;
  if (!analysis.model) {
    const diagnostics = diagnose(analysis).filter((d) => d.severity === 'error');
    io.stderr(formatDiagnostics({ diagnostics, files: analysis.files, lang }, 'stylish'));
    io.stderr(`orgc: ${w('bad-org', lang, { org })}\n`);
    return EXIT_FINDINGS;
  }
  const results = judgeSignals(analysis.model, values, scenarios);
  io.stdout(format(results, analysis.model, metricsFile, opts.format, lang));
  const fired = results.filter((r) => r.state === 'fires');
  const failed = opts.failOn === 'fired' ? fired.length > 0 : opts.failOn === 'unanswered' ? fired.some((r) => r.scenarios.length === 0) : false;
  return failed ? EXIT_FINDINGS : EXIT_CLEAN;
}

/** `metric-id: value` in YAML, or a CSV with `metric` and `value` columns (指标, 值 in Chinese). */
async function readMetrics(file: string, io: Io, lang: UiLanguage): Promise<Map<string, MeasuredValue>> {
  let text: string;
  try {
    text = await readFile(path.resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(w('unreadable', lang, { file, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((error as Error).message) }));
  }
  const values = new Map<string, MeasuredValue>();
  const add = (id: string, value: unknown, line: number) => {
    const written = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
    if (!VALUE.test(written)) throw new UsageError(w('bad-value', lang, { at: `${file}:${line}`, value: written || String(value) }));
    values.set(id.trim(), { text: written, at: `${file}:${line}` });
  };
  if (/\.csv$/i.test(file)) {
    let rows: Record<string, string>[];
    try {
      rows = parseCsv(text.replace(/^\uFEFF/, ''), { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true });
    } catch {
      throw new UsageError(w('not-a-map', lang, { file }));
    }
    const column = (names: string[]) => (rows[0] ? names.find((n) => n in rows[0]) : undefined);
    const [id, value] = [column(['metric', '指标', 'id']), column(['value', '值', '数值'])];
    if (!id || !value) throw new UsageError(w('not-a-map', lang, { file }));
    rows.forEach((r, i) => add(r[id], r[value], i + 2));
    return values;
  }
  let data: unknown;
  try {
    data = jsYaml.load(text);
  } catch {
    throw new UsageError(w('not-a-map', lang, { file }));
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new UsageError(w('not-a-map', lang, { file }));
  const lines = text.split('\n');
  for (const [id, value] of Object.entries(data)) add(id, value, lines.findIndex((l) => l.startsWith(`${id}:`)) + 1);
  return values;
}

/** The scenarios among the files given (directories searched), with the signal each answers. */
async function findScenarios(paths: readonly string[], io: Io): Promise<AnsweringScenario[]> {
  if (paths.length === 0) return [];
    const sources = await resolveSources(paths, { cwd: io.cwd });
  const out: AnsweringScenario[] = [];
  for (const source of sources) {
    const head = scenarioHead(await source.read());
    if (head?.answers) out.push({ id: head.id, name: head.name, file: source.path, answers: head.answers });
  }
  return out;
}

function format(results: readonly SignalResult[], model: OrgModel, metricsFile: string, kind: SignalsOptions['format'], lang: UiLanguage): string {
  const text = (t: Parameters<typeof localize>[0]) => localize(t, lang, model.org.language);
  const measureName = (id: string) => {
    const named = model.metrics.get(id) ?? model.kpis.get(id);
    return named ? `${text(named.name)} (${id})` : id;
  };
  const roleName = (id: string) => {
    const role = model.roles.get(id);
    return role ? `${text(role.title)} (${id})` : id;
  };
  const lines = results.map((r) => {
    const s = r.signal;
    const detail =
      r.state === 'no-value'
        ? w('unmeasured', lang, { metric: measureName(s.watch), file: metricsFile, when: s.when })
        : r.state === 'not-comparable'
          ? w('incomparable', lang, { metric: measureName(s.watch), value: r.value!, when: s.when })
          : w('measured', lang, { metric: measureName(s.watch), value: r.value!, when: s.when });
    const change = w(s.change, lang, { role: roleName(s.role), roles: s.roles.map(roleName).join(', ') });
    const answer = r.scenarios.length
      ? w('answered', lang, { scenarios: r.scenarios.map((x) => `${x.name ? text(x.name) : x.id} (${x.file})`).join(', ') })
      : w('unanswered', lang, { id: s.id });
    return { r, name: `${s.name ? text(s.name) : s.id} (${s.id})`, detail, change, answer };
  });
  const fired = results.filter((r) => r.state === 'fires');
  const summary = w('summary', lang, { fired: fired.length, total: results.length, unanswered: fired.filter((r) => r.scenarios.length === 0).length });
  if (kind === 'json') {
    return (
      JSON.stringify(
        {
          version: 1,
          metrics: metricsFile,
          signals: results.map((r) => ({ id: r.signal.id, watch: r.signal.watch, when: r.signal.when, state: r.state, value: r.value ?? null, change: r.signal.change, role: r.signal.role, roles: r.signal.roles, scenarios: r.scenarios.map(({ id, file }) => ({ id, file })) })),
        },
        null,
        2,
      ) + '\n'
    );
  }
  if (kind === 'md') {
    const out = [`### ${w('title', lang)}`, '', markdownText(summary), ''];
    for (const l of lines) {
      const mark = l.r.state === 'fires' ? '🔔' : l.r.state === 'quiet' ? '·' : '❔';
      out.push(`- ${mark} **${markdownText(l.name)}** — ${w(l.r.state, lang)}${w('colon', lang)}${markdownText(l.detail)}`);
      if (l.r.state === 'fires') out.push(`  ${markdownText(l.change)}; ${markdownText(l.answer)}`);
    }
    return out.join('\n') + '\n';
  }
  const colon = w('colon', lang);
  const out = [`${w('title', lang)}${colon}${summary}`, ''];
  for (const l of lines) {
    out.push(`${l.r.state === 'fires' ? '!' : l.r.state === 'quiet' ? '·' : '?'} ${l.name} — ${w(l.r.state, lang)}${colon}${l.detail}`);
    if (l.r.state === 'fires') out.push(`    ${l.change}`, `    ${l.answer}`);
  }
  return out.join('\n') + '\n';
}

