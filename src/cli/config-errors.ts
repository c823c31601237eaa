// A config file that cannot be used is a usage error: one line per problem, each naming the
// file, line and column of the key, in the language asked for (`--lang`, else the user's locale, else English).
import type { OrgcError } from '../api/errors.js';
import { ALL_CHECKS } from '../report/catalogue.js';
import type { ConfigError } from '../config/load.js';
import { say } from '../i18n/cli.js';
import { chooseLanguage, langFlag, type Env } from '../i18n/lang.js';
import { toDiagnostics } from '../report/locate.js';

export function configErrorLines(error: unknown, argv: readonly string[], env: Env): string[] {
  // From the library: already placed and worded (in the same language: the flag, else the locale).
  if ((error as Error).name === 'OrgcError') {
    const e = error as OrgcError;
    if (e.diagnostics.length === 0) return [e.message];
    return e.diagnostics.map((d) => `${d.file}:${d.range.start.line}:${d.range.start.column}: ${d.message} [${d.ruleId}]`);
  }
  const e = error as ConfigError;
  // The config itself is what failed, so its `lang` and the org's are unknown: the flag, else the locale.
  const lang = chooseLanguage({ flag: langFlag(argv), env });
  if (e.findings.length === 0) return [say('config-unreadable', lang, { file: e.file.path })];
  return toDiagnostics(e.findings, [e.file], ALL_CHECKS, { lang }).map(
    (d) => `${d.file}:${d.range.start.line}:${d.range.start.column}: ${d.message} [${d.ruleId}]`,
  );
}
