// The pipeline: load → model → check → report, for the library's calls (lint, render, diff) and
// the language server; the commands reach it through them.
import path from 'node:path';
import { pushAll } from '../core/arrays.js';
import { ALL_CHECKS } from '../report/catalogue.js';
import { levelFor, type Config } from '../core/config.js';
import type { Diagnostic } from '../report/diagnostic.js';
import { toDiagnostics } from '../report/locate.js';
import { applySuppressions } from '../report/suppress.js';
import { runRules } from '../check/index.js';
import type { Finding } from '../finding.js';
import { chooseLanguage, type Env, type UiLanguage } from '../i18n/lang.js';
import type { Loaded, LoadedFile } from '../load/index.js';
import { loadOrg, type LoadedOrg, type Scenario } from '../load/scenario.js';
import { Reloader } from '../load/reload.js';
import { resolveSources, type SourceFile } from '../load/sources.js';
import { buildModel, type Built } from '../model/build.js';
import { ModelCache, type ModelChange } from '../model/incremental.js';
import { RuleCache } from '../check/incremental.js';
import { forgetLines } from '../check/lines.js';
import { leaveOutFollowOns } from '../model/follow-ons.js';
import type { OrgModel } from '../model/types.js';
import { timed, timedAsync } from '../timing.js';

export interface Analysis {
  files: LoadedFile[];
  model?: OrgModel;
  findings: Finding[];
  config: Config;
  /** The language for messages, as `chooseLanguage` decides: `--lang`, config, locale, the org's default, English. */
  lang: UiLanguage;
  /** Present when the input was a scenario: the model is its base org with the scenario applied. */
  scenario?: Scenario;
}

/** load → model → check for sources already found (files, or the blobs of a git revision). */
export async function analyzeSources(
  sources: readonly SourceFile[],
  config: Config,
  lang: { flag?: string; env?: Env } = {},
  where: { cwd?: string; until?: string } = {},
  cache?: AnalysisCache,
): Promise<Analysis> {
  // A scenario names its base org by a path from its own file: only files on disk can do that.
  const resolveBase = where.cwd === undefined ? undefined : (base: string, from: string) => resolveSources([path.resolve(from, base)], { cwd: where.cwd! });
  const full = () => loadOrg(sources, { resolveBase, cwd: where.cwd, until: where.until });
  const loaded = await timedAsync('load', () => (cache ? cache.load(sources, full) : full()));
  if (cache) return cache.analyze(loaded, config, lang);
  // Loaded here and held by no one else: the model may consume the files' data as it builds.
  return analyzeLoaded(loaded, config, lang, { consume: true });
}

/**
 * The model and the rules' findings kept from one analysis of an org to the next in the same
 * process, as the language server keeps them (src/lsp/workspace.ts): an edit of a role's own
 * fields is read into the last model instead of building it anew, and a rule whose input did not
 * change is not run again (model/incremental.ts, check/incremental.ts). For `orgc render --watch`.
 * @internal The command line's (not part of the library's API).
 */
export class AnalysisCache {
  private models = new ModelCache();
  private rules = new RuleCache();
  /** The configuration the kept findings were made under, by its text: the rules' cache knows it by identity. */
  private config?: { text: string; config: Config };
  /** What the analyses since the last `takeChange` changed in the model (ModelCache.change), merged. */
  private change: ModelChange = { kind: 'other' };
  /** The files as last loaded, for the next load to read edits into (load/reload.ts). */
  private readonly files = new Reloader();
  /** Bytes of the org's files read already, for the next load alone (`readFrom`). */
  private given?: ReadonlyMap<string, Uint8Array>;

  /**
   * The next load takes these bytes for the files of these paths instead of reading them: those a
   * render's fingerprint was made from (cli/render-fingerprint.ts), so that the render analyses what
   * its manifest will say it did, and a large org is not read twice. (Undefined: none.)
   */
  readFrom(bytes: ReadonlyMap<string, Uint8Array> | undefined): void {
    this.given = bytes;
  }

  /** The org's files, edits within whole entries read into the last load's data; a scenario by `full`. */
  load(sources: readonly SourceFile[], full: () => Promise<LoadedOrg>): Promise<LoadedOrg> {
    const given = this.given;
    this.given = undefined;
    return this.files.load(sources, full, given);
  }

  analyze(loaded: LoadedOrg, config: Config, lang: { flag?: string; env?: Env }): Analysis {
    if (loaded.scenario) {
      // A scenario is applied to its base org from the start (as the language server does), and
      // the next plain org is built anew.
      this.models = new ModelCache();
      this.change = { kind: 'other' };
      return analyzeLoaded(loaded, config, lang, { consume: true });
    }
    const text = configText(config);
    if (this.config?.text === text) config = this.config.config;
    else this.config = { text, config };
    // The model stage only reads the files' data (no `consume`): the caches keep it, to compare the
    // next edit with, and a file read again unchanged is the very same data (reload.ts).
    const files = loaded.files;
    const models = this.models;
    const analysis = analyzeLoaded(loaded, config, lang, {
      model: (files) => {
        const built = models.build(files);
        this.change = mergeChanges(this.change, models.change());
        // Management lines and teams were worked out on the roles before they moved.
        if (models.linesMoved) forgetLines();
        return built;
      },
      rules: (model, config) => this.rules.run(model, config, files, { scopesKept: models.how !== 'built' && models.scopesKept }),
    });
    return analysis;
  }

  /**
   * What the model lost since the last call: every analysis's change merged (an analysis that
   * stopped after its model, and the one after it, both count). No model built: nothing.
   */
  takeChange(): ModelChange {
    const change = this.change;
    this.change = { kind: 'kept' };
    return change;
  }
}

function mergeChanges(a: ModelChange, b: ModelChange): ModelChange {
  if (a.kind === 'kept') return b;
  if (b.kind === 'kept') return a;
  if (a.kind === 'roles' && b.kind === 'roles') return { kind: 'roles', ids: [...new Set([...a.ids, ...b.ids])] };
  return { kind: 'other' };
}

/** What a configuration was read from: one read again from the same file and text is the same. */
function configText(config: Config): string {
  return config.file === undefined ? '' : `${config.file}\0${config.text ?? `${Date.now()}\0${Math.random()}`}`;
}

/**
 * model → check for files already loaded (the language server keeps each file's load until it
 * changes). The files are left as they are unless `consume` gives their data to the model.
 */
export function analyzeLoaded(
  loaded: Loaded & { redirect?: (f: Finding) => Finding; scenario?: Scenario },
  config: Config,
  lang: { flag?: string; env?: Env } = {},
  opts: {
    consume?: boolean;
    /** What builds the model: the language server keeps it between edits (model/incremental.ts). */
    model?: (files: readonly LoadedFile[]) => Built;
    /** What runs the rules: the language server keeps their findings between edits (check/incremental.ts). */
    rules?: (model: OrgModel, config: Config) => Finding[];
  } = {},
): Analysis {
  const placed = loaded.redirect ?? ((f: Finding) => f);
  const findings = [...loaded.findings];
  let model: OrgModel | undefined;
  let language: string | undefined;
  // The model needs every file read; a file whose shape is wrong in places gives what is left of it
  // (the load stage's error recovery), so one typo does not hide the design findings elsewhere.
  if (loaded.files.every((f) => f.data !== undefined)) {
    const built = timed('model', () => (opts.model ? opts.model(loaded.files) : buildModel(loaded.files, opts)));
    pushAll(findings, built.findings.map(placed));
    const checked = built.model;
    if (checked) pushAll(findings, timed('rules', () => leaveOutFollowOns((opts.rules ?? runRules)(checked, config), built.unreliable)).map(placed));
    // A model built around left-out parts is for checking the rest, not for rendering or comparing.
    model = loaded.findings.length === 0 ? checked : undefined;
    language = checked?.org.language;
  }
  const ui = chooseLanguage({ flag: lang.flag, config: config.lang, env: lang.env, org: language ?? orgLanguage(loaded.files) });
  return { files: loaded.files, model, findings, config, lang: ui, ...(loaded.scenario ? { scenario: loaded.scenario } : {}) };
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
