// A finding made ready for people and tools: its place as line:column, its message in the reader's
// language, its final severity. Formatters take a sorted list of these and nothing else.
import type { Severity } from '../finding.js';
import type { Position } from '../load/line-map.js';

export interface Range {
  start: Position;
  end: Position;
}

export interface RelatedDiagnostic {
  message: string;
  file: string;
  range: Range;
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  range: Range;
  /** Where in the file's YAML the finding points, e.g. `['roles', 'sales-rep', 'reports_to']` (for editors and tools); absent for syntax errors. */
  path?: readonly (string | number)[];
  related: RelatedDiagnostic[];
  /**
   * What the finding says, independent of wording: its message id and data, entities by id. Two
   * revisions of an org have the same finding when this matches, though a role's title changed.
   */
  identity?: string;
  /** The edit that fixes it: replace the text in `range` with `text`. */
  fix?: { range: Range; text: string };
  /** How many findings this one stands for: more than 1 for the line that counts those past the per-rule cap. */
  count?: number;
}

export interface Summary {
  error: number;
  warning: number;
  info: number;
}

export function summarize(diagnostics: readonly Diagnostic[]): Summary {
  const s: Summary = { error: 0, warning: 0, info: 0 };
  // Findings past the per-rule cap are one line in the report but count in full.
  for (const d of diagnostics) s[d.severity] += d.count ?? 1;
  return s;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compare(a.file, b.file) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    compare(a.ruleId, b.ruleId) ||
    compare(a.message, b.message)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
