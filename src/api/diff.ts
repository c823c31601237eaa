// diff: what a change does to the org design — changes to the model and findings introduced or
// resolved — between two versions of an org (files, texts or git revisions).
import { defaultConfig } from '../config/load.js';
import { compareModels } from '../diff/compare.js';
import { compareFindings, side, type DiffReport } from '../diff/report.js';
import { chooseLanguage } from '../i18n/lang.js';
import { configOf, type ConfigInput, type OrgInput } from './input.js';
import { lint, type LintResult } from './lint.js';

export interface DiffOptions extends ConfigInput {
  base: OrgInput;
  head: OrgInput;
  /** Language of messages and change descriptions. Default: the config's `lang`, else the head's language. */
  lang?: string;
}

export interface DiffResult {
  /** What `orgc diff --format json` prints (docs/diff-json.md). */
  report: DiffReport;
  base: LintResult;
  head: LintResult;
}

export async function diff(opts: DiffOptions): Promise<DiffResult> {
  // One configuration for both sides: the head's, as the rules the change will live under.
  const config = opts.config === undefined && opts.head.revision === undefined ? await configOf({ ...opts.head }) : opts.config === undefined ? defaultConfig() : await configOf(opts);
  const base = await lint({ ...opts.base, config, lang: opts.lang });
  const head = await lint({ ...opts.head, config, lang: opts.lang });
  const lang = chooseLanguage({ flag: opts.lang, config: config.lang, org: head.model?.org.language ?? base.model?.org.language });
  const name = (input: OrgInput) => input.revision ?? input.files?.join(' ') ?? Object.keys(input.texts ?? {}).join(' ');
  const report: DiffReport = {
    base: side(name(opts.base), base.files.map((f) => f.path), !!base.model, base.diagnostics),
    head: side(name(opts.head), head.files.map((f) => f.path), !!head.model, head.diagnostics),
    changes: base.model && head.model ? compareModels(base.model, head.model, lang) : [],
    findings: compareFindings(base.diagnostics, head.diagnostics),
  };
  return { report, base, head };
}
