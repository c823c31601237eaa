// The findings of a lint as one of the report formats `orgc validate --format` prints.
import { ALL_CHECKS } from '../report/catalogue.js';
import { pick } from '../i18n/text.js';
import { FORMATTERS, type ReportFormat } from '../report/formatters/index.js';
import { VERSION } from '../version.js';
import { OrgcError } from './errors.js';
import { LineMap } from '../load/line-map.js';
import type { LintResult } from './lint.js';

export type { ReportFormat };

/** `stylish` (for people, with code frames), `json`, `sarif`, `junit` or `github` (annotations). */
export function formatDiagnostics(result: Pick<LintResult, 'diagnostics' | 'files' | 'lang'>, format: ReportFormat, opts: { color?: boolean } = {}): string {
  const formatter = FORMATTERS[format];
  if (!formatter) throw new OrgcError('usage', `format takes ${Object.keys(FORMATTERS).join(', ')}; not '${format}'`);
  // The line index lint made (its files carry one); for files put together by the caller, one made here.
  const loaded = result.files.map((f) => ('lines' in f && f.lines instanceof LineMap ? { path: f.path, lines: f.lines } : { path: f.path, lines: new LineMap(f.text) }));
  const byPath = new Map(loaded.map((f) => [f.path, f]));
  return formatter(result.diagnostics, {
    lineText: (file, line) => byPath.get(file)?.lines.lineText(line),
    color: opts.color ?? false,
    toolVersion: VERSION,
    files: result.files.map((f) => f.path),
    lang: result.lang,
    rules: [...ALL_CHECKS.values()].map((m) => ({ id: m.id, description: pick(m.description, result.lang), severity: m.severity })),
  });
}
