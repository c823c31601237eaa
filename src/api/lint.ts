// lint: load → model → check → report for an org, as the `validate` command and an editor need it.
import type { Config } from '../core/config.js';
import { type UiLanguage } from '../i18n/lang.js';
import type { OrgModel } from '../model/types.js';
import { summarize, type Diagnostic, type Summary } from '../report/diagnostic.js';
import { analyzeSources, diagnose } from '../cli/analyze.js';
import { toOrgcError } from './errors.js';
import { configOf, sourcesOf, type ConfigInput, type OrgInput } from './input.js';

export interface LintOptions extends OrgInput, ConfigInput {
  /** Language of the messages (`en`, `zh-CN`, `zh-TW`). Default: the config's `lang`, else the org's language. */
  lang?: string;
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
  const [sources, config] = await Promise.all([sourcesOf(opts), configOf(opts)]);
  try {
    // A library does not read the environment: no locale, only what the caller asks for.
    const analysis = await analyzeSources(sources, config, { flag: opts.lang });
    const diagnostics = diagnose(analysis);
    // The files keep their line index (not in the public type): formatDiagnostics uses it for code frames.
    return { diagnostics, summary: summarize(diagnostics), model: analysis.model, files: analysis.files, config, lang: analysis.lang as UiLanguage };
  } catch (error) {
    throw toOrgcError(error, opts.lang);
  }
}
