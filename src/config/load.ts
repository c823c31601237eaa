// Which rules run, how severe their findings are, and with which options: a preset derived from
// the rules' metadata, then `orgc.config.yaml` on top. A bad config file is a usage error (exit 2)
// that names the file, line and key.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import type { Finding } from '../core/finding.js';
import { validate as validateConfig } from '../load/generated/validate-config.js';
import configSchema from '../../schemas/orgc.config.schema.json' with { type: 'json' };
import { LineMap } from '../load/line-map.js';
import { decodeUtf8 } from '../load/decode.js';
import type { LoadedFile } from '../load/index.js';
import { parseYaml } from '../load/parse.js';
import { Positions } from '../load/positions.js';
import { checkSchema } from '../load/schema-check.js';
import { CONFIG_NAMES, displayPath } from '../load/sources.js';
import { defaultOptions, type Rule } from '../check/rule.js';
import { RULES } from '../check/rules/index.js';

import type { Config, Level, Preset, RuleSetting } from '../core/config.js';
export type { Config, Level, Override, Preset, RuleSetting } from '../core/config.js';
export { levelFor, ruleRuns } from '../core/config.js';

/** A config file that cannot be used: its findings, already placed, say why. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly findings: Finding[],
    readonly file: LoadedFile,
  ) {
    super(`invalid configuration in ${file.path}`);
  }
}

export function presetSettings(preset: Preset, rules: readonly Rule<any>[] = RULES): Map<string, RuleSetting> {
  const out = new Map<string, RuleSetting>();
  for (const rule of rules) {
    const { severity, recommended } = rule.meta;
    const level: Level = preset === 'strict' ? (severity === 'warning' ? 'error' : severity) : recommended ? severity : 'off';
    out.set(rule.meta.id, { level, options: defaultOptions(rule.meta) as Record<string, unknown> });
  }
  return out;
}

export function defaultConfig(): Config {
  return { rules: presetSettings('recommended'), overrides: [], render: {} };
}

/** Where the config is: `--config`, else next to the org (its directory), else the working directory. */
export async function findConfig(explicit: string | undefined, orgPaths: readonly string[], cwd: string): Promise<string | undefined> {
  if (explicit) return path.resolve(cwd, explicit);
  const dirs: string[] = [];
  const first = orgPaths.find((p) => p !== '-');
  if (first) {
    const abs = path.resolve(cwd, first);
    const info = await stat(abs).catch(() => undefined);
    dirs.push(info?.isDirectory() ? abs : path.dirname(abs));
  }
  dirs.push(cwd);
  for (const dir of dirs) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(dir, name);
      if (await stat(candidate).then((s) => s.isFile(), () => false)) return candidate;
    }
  }
  return undefined;
}

interface ConfigInput {
  extends?: Preset;
  lang?: string;
  rules?: Record<string, string | { severity?: string; options?: Record<string, unknown> }>;
  overrides?: Array<{ files: string[]; rules?: Record<string, string> }>;
  render?: { out?: string; templates?: string; chrome?: string };
}

export async function loadConfig(file: string, cwd: string): Promise<Config> {
  const shown = displayPath(cwd, file);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch {
    throw new ConfigError([], { path: shown, text: '', lines: new LineMap('') });
  }
  const decoded = decodeUtf8(bytes);
  const text = decoded.ok ? decoded.text : '';
  const loaded: LoadedFile = { path: shown, text, lines: new LineMap(text) };
  if (!decoded.ok) throw new ConfigError([{ ruleId: 'encoding', messageId: decoded.messageId, data: decoded.data, at: { file: shown, offset: decoded.offset } }], loaded);
  const parsed = await parseYaml(shown, text);
  if (!parsed.ok) throw new ConfigError(parsed.findings, loaded);
  loaded.positions = new Positions(text);
  const data = parsed.data ?? {};
  const findings = checkSchema(shown, data, { validate: validateConfig, schema: configSchema });
  if (findings.length) throw new ConfigError(findings, loaded);
  return { ...resolveConfig(data as ConfigInput, path.dirname(file), cwd, shown), text };
}

function level(word: string): Level {
  return word === 'warn' ? 'warning' : (word as Level);
}

export function resolveConfig(input: ConfigInput, dir: string, cwd: string, file?: string): Config {
  const rules = presetSettings(input.extends ?? 'recommended');
  for (const [id, setting] of Object.entries(input.rules ?? {})) {
    const current = rules.get(id)!;
    if (typeof setting === 'string') {
      rules.set(id, { ...current, level: level(setting) });
      continue;
    }
    const meta = RULES.find((r) => r.meta.id === id)!.meta;
    // Options alone turn an off rule on at its default severity.
    const lvl = setting.severity ? level(setting.severity) : current.level === 'off' ? meta.severity : current.level;
    rules.set(id, { level: lvl, options: { ...current.options, ...(setting.options ?? {}) } });
  }
  const overrides = (input.overrides ?? []).map((o) => {
    const match = picomatch(o.files, { dot: true });
    return {
      // Findings name files relative to the working directory; globs are relative to the config.
      matches: (f: string) => match(path.relative(dir, path.resolve(cwd, f)).split(path.sep).join('/')),
      levels: new Map(Object.entries(o.rules ?? {}).map(([id, w]) => [id, level(w)])),
    };
  });
  const render = {
    out: input.render?.out === undefined ? undefined : path.resolve(dir, input.render.out),
    templates: input.render?.templates === undefined ? undefined : path.resolve(dir, input.render.templates),
    // A path is relative to the config; a bare name (`chromium`) is looked up on PATH when drawing.
    chrome: input.render?.chrome === undefined || !/[\\/]/.test(input.render.chrome) ? input.render?.chrome : path.resolve(dir, input.render.chrome),
  };
  return { file, lang: input.lang, rules, overrides, render };
}
