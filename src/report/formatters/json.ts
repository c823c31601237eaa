// Machine-readable diagnostics: a versioned object with counts and full ranges.
// Shape documented in docs/reports.md; bump `version` on any incompatible change.
import { summarize } from '../diagnostic.js';
import type { Formatter } from '../formatter.js';

export const JSON_REPORT_VERSION = 1;

export const json: Formatter = (diagnostics, ctx) => {
  const report = {
    version: JSON_REPORT_VERSION,
    tool: { name: 'orgc', version: ctx.toolVersion },
    files: ctx.files,
    counts: summarize(diagnostics),
    diagnostics: diagnostics.map((d) => ({
      file: d.file,
      ruleId: d.ruleId,
      severity: d.severity,
      message: d.message,
      range: d.range,
      related: d.related,
      // The edit a "did you mean" suggests, for editors and scripts to apply.
      ...(d.fix ? { fix: d.fix } : {}),
      // The line standing for findings past the per-rule cap says how many.
      ...(d.count !== undefined ? { count: d.count } : {}),
    })),
  };
  return JSON.stringify(report, null, 2) + '\n';
};
