// A config file that cannot be used is a usage error: one line per problem, each naming the
// file, line and column of the key, in the language asked for (English by default).
import { ALL_CHECKS } from '../catalogue.js';
import type { ConfigError } from '../check/config.js';
import { uiLanguage } from '../i18n/lang.js';
import { toDiagnostics } from '../report/locate.js';

export function configErrorLines(error: unknown, argv: readonly string[]): string[] {
  const e = error as ConfigError;
  if (e.findings.length === 0) return [`cannot read ${e.file.path}`];
  const langAt = argv.indexOf('--lang');
  const lang = uiLanguage(langAt >= 0 ? argv[langAt + 1] : undefined);
  return toDiagnostics(e.findings, [e.file], ALL_CHECKS, { lang }).map(
    (d) => `${d.file}:${d.range.start.line}:${d.range.start.column}: ${d.message} [${d.ruleId}]`,
  );
}
