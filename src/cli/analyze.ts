// load → model → check, shared by the commands that read an org.
import { ALL_CHECKS } from '../report/catalogue.js';
import { ConfigError, defaultConfig, findConfig, levelFor, loadConfig, type Config } from '../config/load.js';
import type { Diagnostic } from '../report/diagnostic.js';
import { toDiagnostics } from '../report/locate.js';
import { applySuppressions } from '../report/suppress.js';
import { runRules } from '../check/index.js';
import type { Finding } from '../finding.js';
import { chooseLanguage, type Env, type UiLanguage } from '../i18n/lang.js';
import { loadFiles, type LoadedFile } from '../load/index.js';
import { resolveSources, type SourceFile } from '../load/sources.js';
import { buildModel } from '../model/build.js';
import { leaveOutFollowOns } from '../model/follow-ons.js';
import type { OrgModel } from '../model/types.js';
import { timed, timedAsync } from '../timing.js';
import type { Io } from './output.js';

export interface Analysis {
  files: LoadedFile[];
  model?: OrgModel;
  findings: Finding[];
  config: Config;
  /** The language for messages, as `chooseLanguage` decides: `--lang`, config, locale, the org's default, English. */
  lang: UiLanguage;
}

export interface AnalyzeOptions {
  lang?: string;
  config?: string;
}

export async function analyze(paths: readonly string[], io: Io, opts: AnalyzeOptions = {}): Promise<Analysis> {
  const configFile = await findConfig(opts.config, paths, io.cwd);
  const config = configFile ? await loadConfig(configFile, io.cwd) : defaultConfig();
  // An InputError (a path that cannot be read) ends the command with exit code 2 (program.ts).
  const sources = await resolveSources(paths, { cwd: io.cwd, readStdin: io.readStdin });
  return analyzeSources(sources, config, { flag: opts.lang, env: io.env });
}

/** load → model → check for sources already found (files, or the blobs of a git revision). */
export async function analyzeSources(sources: readonly SourceFile[], config: Config, lang: { flag?: string; env?: Env } = {}): Promise<Analysis> {
  const loaded = await timedAsync('load', () => loadFiles(sources));
  const findings = [...loaded.findings];
  let model: OrgModel | undefined;
  let language: string | undefined;
  // The model needs every file read; a file whose shape is wrong in places gives what is left of it
  // (the load stage's error recovery), so one typo does not hide the design findings elsewhere.
  if (loaded.files.every((f) => f.data !== undefined)) {
    const built = timed('model', () => buildModel(loaded.files));
    findings.push(...built.findings);
    const checked = built.model;
    if (checked) findings.push(...timed('rules', () => leaveOutFollowOns(runRules(checked, config), built.unreliable)));
    // A model built around left-out parts is for checking the rest, not for rendering or comparing.
    model = loaded.findings.length === 0 ? checked : undefined;
    language = checked?.org.language;
  }
  const ui = chooseLanguage({ flag: lang.flag, config: config.lang, env: lang.env, org: language ?? orgLanguage(loaded.files) });
  return { files: loaded.files, model, findings, config, lang: ui };
}

/** The findings placed, worded, filtered by configuration and suppressions, and sorted. */
export function diagnose(analysis: Analysis): Diagnostic[] {
  const located = timed('report', () =>
    toDiagnostics(analysis.findings, analysis.files, ALL_CHECKS, {
      lang: analysis.lang,
      levelOf: (ruleId, file) => levelFor(analysis.config, ruleId, file),
    }),
  );
  return applySuppressions(located, analysis.files, ALL_CHECKS, analysis.lang);
}

/**
 * The `lang` of the configuration a command without an org would use (`rules`, `explain`): the
 * one in the working directory. A config that cannot be read is reported by the commands that
 * need it; here it only has no language.
 */
export async function configLanguage(io: Io): Promise<string | undefined> {
  try {
    const file = await findConfig(undefined, [], io.cwd);
    return file ? (await loadConfig(file, io.cwd)).lang : undefined;
  } catch (error) {
    if (error instanceof ConfigError) return undefined;
    throw error;
  }
}

/** The default language declared by any file that parsed, for messages about files that did not. */
function orgLanguage(files: readonly LoadedFile[]): string | undefined {
  for (const f of files) {
    // A file that loaded has its content in `data`, one that did not match the schema in `raw`.
    const org = ((f.raw ?? f.data) as { org?: unknown } | undefined)?.org;
    const lang = org && typeof org === 'object' ? (org as { language?: unknown }).language : undefined;
    if (typeof lang === 'string') return lang;
  }
  return undefined;
}

export { ConfigError };
