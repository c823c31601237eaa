// A diff report: the changes between two models, and the findings the change introduces or fixes.
// Findings are matched by rule, severity and message — not by line, which any edit above moves.
import { summarize, type Diagnostic, type Summary } from '../report/diagnostic.js';
import type { Change } from './compare.js';

export interface Side {
  /** As given on the command line: a path, or `rev:path`. */
  spec: string;
  files: string[];
  /** Whether the side loaded into a model (no structural errors); changes need both to. */
  loads: boolean;
  counts: Summary;
}

export interface FindingRef {
  ruleId: string;
  severity: Diagnostic['severity'];
  message: string;
  file: string;
  line: number;
  column: number;
}

export interface DiffReport {
  base: Side;
  head: Side;
  changes: Change[];
  findings: { introduced: FindingRef[]; fixed: FindingRef[] };
}

export function side(spec: string, files: string[], loads: boolean, diagnostics: readonly Diagnostic[]): Side {
  return { spec, files, loads, counts: summarize(diagnostics) };
}

export function compareFindings(base: readonly Diagnostic[], head: readonly Diagnostic[]): DiffReport['findings'] {
  // By what the finding says, not its wording: a retitled role keeps its findings.
  const key = (d: Diagnostic) => `${d.ruleId}\0${d.severity}\0${d.identity ?? d.message}`;
  const ref = (d: Diagnostic): FindingRef => ({ ruleId: d.ruleId, severity: d.severity, message: d.message, file: d.file, line: d.range.start.line, column: d.range.start.column });
  const unmatched = (from: readonly Diagnostic[], against: readonly Diagnostic[]) => {
    const left = new Map<string, number>();
    for (const d of against) left.set(key(d), (left.get(key(d)) ?? 0) + 1);
    return from.filter((d) => {
      const n = left.get(key(d)) ?? 0;
      if (n > 0) left.set(key(d), n - 1);
      return n === 0;
    });
  };
  return { introduced: unmatched(head, base).map(ref), fixed: unmatched(base, head).map(ref) };
}
