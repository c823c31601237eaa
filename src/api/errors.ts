// The one error the library throws: what kind of problem stopped it, in words for the reader, and —
// for a configuration or input that can be pointed at — the diagnostics that place it. The CLI
// maps every kind to its exit code here, in one place.
import { ALL_CHECKS } from '../report/catalogue.js';
import { ConfigError } from '../config/load.js';
import { say, sayError } from '../i18n/cli.js';
import { ImportError } from '../import/people.js';
import { InputError } from '../load/sources.js';
import { ChartError } from '../render/charts/images.js';
import { TemplateError } from '../render/templates.js';
import type { Diagnostic } from '../report/diagnostic.js';
import { chooseLanguage, type Env } from '../i18n/lang.js';
import { toDiagnostics } from '../report/locate.js';

/**
 * - `usage`: the call itself is wrong (an unknown format, a bad option value);
 * - `config`: the configuration file cannot be used;
 * - `input`: the org's files cannot be read (missing, too large, not a file) — not their content,
 *   which is reported as diagnostics;
 * - `internal`: a bug in orgc.
 */
export type OrgcErrorKind = 'usage' | 'config' | 'input' | 'internal';

export class OrgcError extends Error {
  override readonly name = 'OrgcError';
  constructor(
    readonly kind: OrgcErrorKind,
    message: string,
    /** Where the problem is, for a configuration file: one diagnostic per problem. */
    readonly diagnostics: readonly Diagnostic[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Exit codes of the command line: 0 clean, 1 findings (or out of date), 2 anything that stopped the run. */
export const EXIT = { clean: 0, findings: 1, error: 2 } as const;

export function exitCodeOf(_error: OrgcError): number {
  return EXIT.error;
}

/**
 * Any error from the pipeline as an OrgcError. A bad configuration is worded in the caller's `lang`,
 * else in the locale of `env` (the command line's), else in English: the config itself failed, so
 * its `lang` and the org's are unknown.
 */
export function toOrgcError(error: unknown, words: { lang?: string; env?: Env } = {}): OrgcError {
  if (error instanceof OrgcError) return error;
  const lang = chooseLanguage({ flag: words.lang, env: words.env });
  if (error instanceof ConfigError) {
    const diagnostics = toDiagnostics(error.findings, [error.file], ALL_CHECKS, { lang });
    return new OrgcError('config', error.findings.length > 0 ? error.message : say('config-unreadable', lang, { file: error.file.path }), diagnostics, { cause: error });
  }
  // A template or chart back end the user chose that cannot work is theirs to fix, like an option.
  if (error instanceof TemplateError || error instanceof ChartError) return new OrgcError('usage', sayError(error, lang), [], { cause: error });
  if (error instanceof InputError || error instanceof ImportError) return new OrgcError('input', sayError(error, lang), [], { cause: error });
  return new OrgcError('internal', error instanceof Error ? error.message : String(error), [], { cause: error });
}
