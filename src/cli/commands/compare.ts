// `orgc compare <base> <scenario>…`: designs side by side — one column each, the figures a sales
// leader decides on, each scenario's change from the base in its cells, and what each scenario
// changes (its diff) below. `--fail-on` makes it a CI gate, as diff's.
import path from 'node:path';
import { defaultConfig, findConfig, loadConfig } from '../../config/load.js';
import { designFigures } from '../../compare/figures.js';
import { COMPARE_FORMATS, comparisonXlsx, formatComparison, waveName, type CompareFormat, type Comparison } from '../../compare/format.js';
import { comparisonRows, type Design } from '../../compare/table.js';
import { compareModels } from '../../diff/compare.js';
import { compareFindings, side, type DiffReport } from '../../diff/report.js';
import { say } from '../../i18n/cli.js';
import { chooseLanguage } from '../../i18n/lang.js';
import { localize } from '../../i18n/text.js';
import type { Text } from '../../core/text.js';
import { isDate, scenarioHead, type Wave } from '../../load/scenario.js';
import { resolveSources, type SourceFile } from '../../load/sources.js';
import { analyzeSources, diagnose, type Analysis } from '../../api/analyze.js';
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from '../errors.js';
import type { Io } from '../output.js';
import { writeFileAtomic } from '../write-files.js';
import { FAIL_ON } from './diff.js';

export interface CompareOptions {
  format: CompareFormat;
  lang?: string;
  config?: string;
  output?: string;
  failOn: (typeof FAIL_ON)[number];
  /** Every scenario on this date (`--at`), instead of a column per wave. */
  at?: string;
}

export async function compareCommand(given: readonly string[], opts: CompareOptions, io: Io): Promise<number> {
  if (!COMPARE_FORMATS.includes(opts.format)) {
    throw new UsageError(say('option-choices', chooseLanguage({ flag: opts.lang, env: io.env }), { option: '--format', choices: COMPARE_FORMATS.join(', '), value: opts.format }));
  }
  if (opts.format === 'xlsx' && !opts.output) {
    throw new UsageError(say('option-choices', chooseLanguage({ flag: opts.lang, env: io.env }), { option: '--format', choices: 'text, md, html, json (xlsx needs -o FILE)', value: opts.format }));
  }
  if (opts.at !== undefined && !isDate(opts.at)) {
    throw new UsageError(say('option-date', chooseLanguage({ flag: opts.lang, env: io.env }), { option: 'at', value: opts.at }));
  }
  // One configuration for every design: the base's, so that the figures are counted alike.
  const configFile = await findConfig(opts.config, [given[0]], io.cwd);
  const config = configFile ? await loadConfig(configFile, io.cwd) : defaultConfig();
  /** Each column: the design as given, its analysis, and for a scenario in waves the wave it shows. */
  const columns: Array<{ spec: string; analysis: Analysis; stage?: Stage }> = [];
  const words = { flag: opts.lang, env: io.env };
  for (const [i, spec] of given.entries()) {
    // An InputError (a path that cannot be read) ends the command with exit code 2, in the reader's language (program.ts).
    const sources = await resolveSources([spec], { cwd: io.cwd, readStdin: io.readStdin });
    // A directory of scenarios is one design per scenario (its files grouped by scenario id).
    for (const [shown, group] of i === 0 ? [[spec, sources] as const] : await byScenario(spec, sources)) {
      const whole = await analyzeSources(group, config, words, { cwd: io.cwd, until: i === 0 ? undefined : opts.at });
      const waves = whole.scenario?.waves ?? [];
      if (opts.at !== undefined || waves.length === 0) {
        columns.push({ spec: shown, analysis: whole });
        continue;
      }
      // A scenario in waves is shown at each date: before its first wave (when it changes anything
      // at once, `effective` undefined), then after each wave; the last column is the whole scenario.
      for (const stage of [...(whole.scenario!.immediate ? [{}] : []), ...waves.slice(0, -1)] as Stage[]) {
        columns.push({ spec: shown, analysis: await analyzeSources(group, config, words, { cwd: io.cwd, until: stage.effective ?? '' }), stage });
      }
      columns.push({ spec: shown, analysis: whole, stage: waves[waves.length - 1] });
    }
  }
  const specs = columns.map((c) => c.spec);
  const analyses = columns.map((c) => c.analysis);
  const base = analyses[0];
  const lang = chooseLanguage({ flag: opts.lang, config: config.lang, env: io.env, org: base.model?.org.language });
  const diagnostics = analyses.map(diagnose);
  const designs: Design[] = columns.map(({ spec, analysis: a, stage }, i) => {
    const org = a.model?.org;
    const name = a.scenario?.name ?? org?.name;
    const local = (text: Text) => localize(text, lang, org?.language ?? lang);
    const shown = name !== undefined ? local(name) : spec;
    const id = a.scenario?.id ?? org?.id ?? spec;
    return {
      spec,
      id: stage ? `${id}@${stage.effective ?? 'start'}` : id,
      name: stage ? waveName(shown, { effective: stage.effective, name: stage.name !== undefined ? local(stage.name) : undefined }, lang) : shown,
      ...(a.model ? { figures: designFigures(a.model, diagnostics[i], config) } : {}),
    };
  });
  const diffs: DiffReport[] = analyses.slice(1).map((a, k) => ({
    base: side(specs[0], base.files.map((f) => f.path), !!base.model, diagnostics[0]),
    head: side(specs[k + 1], a.files.map((f) => f.path), !!a.model, diagnostics[k + 1]),
    changes: base.model && a.model ? compareModels(base.model, a.model, lang) : [],
    findings: compareFindings(diagnostics[0], diagnostics[k + 1]),
  }));
  const comparison: Comparison = { designs, rows: comparisonRows(designs), diffs };
  if (opts.format === 'xlsx') {
    const chunks = [...comparisonXlsx(comparison, lang)];
    await writeFileAtomic(path.resolve(io.cwd, opts.output!), Buffer.concat(chunks));
  } else {
    const output = formatComparison(comparison, opts.format, lang);
    if (opts.output) await writeFileAtomic(path.resolve(io.cwd, opts.output), output);
    else io.stdout(output);
  }
  const introduced = diffs.flatMap((d) => d.findings.introduced);
  const failed = opts.failOn === 'new-errors' ? introduced.some((f) => f.severity === 'error') : opts.failOn === 'new-warnings' ? introduced.some((f) => f.severity !== 'info') : false;
  return failed ? EXIT_FINDINGS : EXIT_CLEAN;
}

/** A wave of a scenario, or (no date) the state before its first wave. */
type Stage = Partial<Wave>;

/**
 * The designs a path holds: a directory whose files are all scenarios gives one design per
 * scenario id (shown by its first file); anything else is one design.
 */
async function byScenario(spec: string, sources: SourceFile[]): Promise<Array<readonly [string, SourceFile[]]>> {
  if (sources.length < 2) return [[spec, sources]];
  const groups = new Map<string, SourceFile[]>();
  for (const source of sources) {
    const bytes = await source.read();
    const id = scenarioHead(bytes)?.id;
    if (id === undefined) return [[spec, sources]];
    const cached: SourceFile = { path: source.path, read: async () => bytes };
    const group = groups.get(id);
    if (group) group.push(cached);
    else groups.set(id, [cached]);
  }
  return [...groups.values()].map((group) => [group[0].path, group] as const);
}
