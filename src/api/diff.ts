// diff: what a change does to the org design — changes to the model and findings introduced or
// resolved — between two versions of an org (files, texts or git revisions).
import { compareModels } from '../diff/compare.js';
import { compareFindings, side, type DiffReport } from '../diff/report.js';
import { chooseLanguage, type Env, type UiLanguage } from '../i18n/lang.js';
import { configOf, type ConfigInput, type OrgInput } from './input.js';
import { lint, type LintResult } from './lint.js';

export interface DiffOptions extends ConfigInput {
  base: OrgInput;
  head: OrgInput;
  /** Language of messages and change descriptions. Default: the config's `lang`, else the head's language. */
  lang?: string;
  /** Environment variables whose locale chooses the language after the config's (as `lint`'s `env`). */
  env?: Env;
}

export interface DiffResult {
  /** What `orgc diff --format json` prints (docs/diff-json.md). */
  report: DiffReport;
  base: LintResult;
  head: LintResult;
  /** The language of the change descriptions, as `lang`, the config's, the head's org decide. */
  lang: UiLanguage;
}

export async function diff(opts: DiffOptions): Promise<DiffResult> {
  // One configuration for both sides: the head's, as the rules the change will live under — next
  // to the head's files, else in the head's working directory (a revision's too).
  const config = await configOf({ config: opts.config, files: opts.head.files, cwd: opts.head.cwd }, { lang: opts.lang, env: opts.env });
  const base = await lint({ ...opts.base, config, lang: opts.lang, env: opts.env });
  const head = await lint({ ...opts.head, config, lang: opts.lang, env: opts.env });
  const lang = chooseLanguage({ flag: opts.lang, config: config.lang, env: opts.env, org: head.model?.org.language ?? base.model?.org.language });
  const name = (input: OrgInput) => input.revision ?? input.files?.join(' ') ?? Object.keys(input.texts ?? {}).join(' ');
  const report: DiffReport = {
    base: side(name(opts.base), base.files.map((f) => f.path), !!base.model, base.diagnostics),
    head: side(name(opts.head), head.files.map((f) => f.path), !!head.model, head.diagnostics),
    changes: base.model && head.model ? compareModels(base.model, head.model, lang) : [],
    findings: compareFindings(base.diagnostics, head.diagnostics),
  };
  return { report, base, head, lang };
}
