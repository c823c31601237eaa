// What an org is read from, for every call of the library: files and directories on disk, texts
// in memory (an editor's unsaved buffers, a test), or a git revision.
import path from 'node:path';
import { defaultConfig, findConfig, loadConfig as readConfig } from '../config/load.js';
import type { Config } from '../core/config.js';
import type { Env } from '../i18n/lang.js';
import { gitSources } from '../load/git.js';
import { resolveSources, sourceFromBytes, type SourceFile } from '../load/sources.js';
import { OrgcError, toOrgcError } from './errors.js';

export interface OrgInput {
  /** Org files or directories (a directory gives its YAML files, sorted), relative to `cwd`. */
  files?: readonly string[];
  /** Org files in memory, by the path to show for them (`{ 'org.yaml': 'org:\n  id: acme …' }`). */
  texts?: Readonly<Record<string, string>>;
  /** A git revision of files in the repository at `cwd`: `main:org/`, `HEAD~1:org.yaml`. */
  revision?: string;
  /** Where relative paths start, and the repository of `revision`. Default: `process.cwd()`. */
  cwd?: string;
  /** What `-` among `files` reads (the command line's standard input). Default: the process's. */
  stdin?: () => Promise<Uint8Array>;
}

export interface ConfigInput {
  /**
   * The configuration: one already loaded (`loadConfig`), the path of an `orgc.config.yaml`, or
   * `false` for the defaults. Default: the `orgc.config.yaml` next to the org's files, else in
   * `cwd`, else the defaults (`recommended`).
   */
  config?: Config | string | false;
}

export async function sourcesOf(input: OrgInput, errorLang?: ErrorLanguage): Promise<SourceFile[]> {
  const cwd = input.cwd ?? process.cwd();
  const given = [input.files !== undefined, input.texts !== undefined, input.revision !== undefined].filter(Boolean).length;
  if (given > 1) throw new OrgcError('usage', 'give the org as one of files, texts or revision');
  try {
    if (input.texts) return Object.entries(input.texts).map(([p, text]) => sourceFromBytes(p, new TextEncoder().encode(text)));
    if (input.revision !== undefined) return gitSources(input.revision, cwd);
    return await resolveSources(input.files ?? [], { cwd, readStdin: input.stdin });
  } catch (error) {
    throw toOrgcError(error, errorLang);
  }
}

export async function configOf(opts: ConfigInput & OrgInput, errorLang?: ErrorLanguage): Promise<Config> {
  const cwd = opts.cwd ?? process.cwd();
  try {
    if (opts.config === false) return defaultConfig();
    if (typeof opts.config === 'object') return opts.config;
    const file = await findConfig(opts.config, opts.files ?? [], cwd);
    return file ? await readConfig(file, cwd) : defaultConfig();
  } catch (error) {
    throw toOrgcError(error, errorLang);
  }
}

/**
 * The language of an error met before the org is read (its `lang`, and the config's, are unknown
 * then): the caller's `lang`, else the locale of `env` when given, else English.
 */
export interface ErrorLanguage {
  lang?: string;
  env?: Env;
}

/**
 * Reads an `orgc.config.yaml` (its `extends` preset, rule settings, overrides and render defaults
 * resolved). Throws an OrgcError of kind `config`, with a diagnostic for each problem, when the file
 * cannot be used.
 */
export async function loadConfig(file: string, opts: { cwd?: string; lang?: string } = {}): Promise<Config> {
  const cwd = opts.cwd ?? process.cwd();
  try {
    return await readConfig(path.resolve(cwd, file), cwd);
  } catch (error) {
    throw toOrgcError(error, { lang: opts.lang });
  }
}
