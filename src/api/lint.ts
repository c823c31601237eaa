// lint: load → model → check → report for an org, as the `validate` command and an editor need it.
import type { Config } from '../core/config.js';
import { chooseLanguage, type Env, type UiLanguage } from '../i18n/lang.js';
import type { OrgModel } from '../model/types.js';
import { summarize, type Diagnostic, type Summary } from '../report/diagnostic.js';
import { analyzeSources, diagnose, type Analysis, type AnalysisCache } from './analyze.js';
import { OrgcError, toOrgcError } from './errors.js';
import { say } from '../i18n/cli.js';
import { isDate } from '../load/scenario.js';
import { configOf, sourcesOf, type ConfigInput, type OrgInput } from './input.js';

export interface LintOptions extends OrgInput, ConfigInput {
  /** Language of the messages (`en`, `zh-CN`, `zh-TW`). Default: the config's `lang`, else the org's language. */
  lang?: string;
  /**
   * Environment variables whose locale (`LC_ALL`, `LC_MESSAGES`, `LANG`) chooses the language after
   * the config's `lang` and before the org's, as on the command line. Default: none — a library
   * does not read `process.env` unless given it.
   */
  env?: Env;
  /**
   * For a scenario with waves: the design on this date (`YYYY-MM-DD`), with only the waves
   * effective by then applied. Default: the whole scenario.
   */
  at?: string;
}

/** A file of the org as read: the path shown in diagnostics, and its text. */
export interface OrgFile {
  readonly path: string;
  readonly text: string;
}

export interface LintResult {
  /** Every finding, placed (file, line:column, YAML path), worded and sorted; suppressions applied. */
  diagnostics: Diagnostic[];
  summary: Summary;
  /** The resolved org; absent when the files' structure is broken (the diagnostics say where). */
  model?: OrgModel;
  /** The files read, in the order they were loaded. */
  files: readonly OrgFile[];
  config: Config;
  lang: UiLanguage;
}

export async function lint(opts: LintOptions = {}): Promise<LintResult> {
  return (await linted(opts)).result;
}

/**
 * `lint`, with the analysis it was made from: render words the findings again when the handbook's
 * language is not the reader's. Not public.
 * @internal
 */
export async function linted(opts: LintOptions, cache?: AnalysisCache): Promise<{ result: LintResult; analysis: Analysis }> {
  const words = { lang: opts.lang, env: opts.env };
  if (opts.at !== undefined && !isDate(opts.at)) {
    throw new OrgcError('usage', say('option-date', chooseLanguage({ flag: opts.lang, env: opts.env }), { option: 'at', value: opts.at }));
  }
  // The configuration first, then the org: of two problems, the same one is reported every time.
  const config = await configOf(opts, words);
  const sources = await sourcesOf(opts, words);
  try {
    // A scenario names its base org by a path from its own file: only files on disk can do that.
    const analysis = await analyzeSources(sources, config, { flag: opts.lang, env: opts.env }, opts.revision === undefined ? { cwd: opts.cwd ?? process.cwd(), until: opts.at } : {}, cache);
    const diagnostics = diagnose(analysis);
    // The files keep their line index (not in the public type): formatDiagnostics uses it for code frames.
    const result: LintResult = { diagnostics, summary: summarize(diagnostics), model: analysis.model, files: analysis.files, config, lang: analysis.lang };
    return { result, analysis };
  } catch (error) {
    throw toOrgcError(error, words);
  }
}
