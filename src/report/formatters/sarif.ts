// SARIF 2.1.0 for GitHub code scanning and other tools. Every rule carries the descriptions code
// scanning requires; locations are relative to the working directory (run orgc from the
// repository root), with 1-based columns in UTF-16 code units and `endColumn` after the span.
import type { Formatter } from '../formatter.js';
import type { Range } from '../diagnostic.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export const sarif: Formatter = (diagnostics, ctx) => {
  const rules = [...(ctx.rules ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'orgc',
            version: ctx.toolVersion,
            semanticVersion: ctx.toolVersion,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.description },
              fullDescription: { text: r.description },
              help: { text: `${r.description} Run \`orgc explain ${r.id}\` for what it checks, why, and how to fix it.` },
              defaultConfiguration: { level: LEVEL[r.severity as keyof typeof LEVEL] ?? 'warning' },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map((d) => ({
          ruleId: d.ruleId,
          ...(index.has(d.ruleId) ? { ruleIndex: index.get(d.ruleId) } : {}),
          level: LEVEL[d.severity],
          message: { text: d.message },
          locations: [location(d.file, d.range)],
          ...(d.related.length
            ? { relatedLocations: d.related.map((r, i) => ({ id: i + 1, ...location(r.file, r.range), message: { text: r.message } })) }
            : {}),
          ...(d.fix
            ? { fixes: [{ artifactChanges: [{ artifactLocation: { uri: fileUri(d.file) }, replacements: [{ deletedRegion: exactRegion(d.fix.range), insertedContent: { text: d.fix.text } }] }] }] }
            : {}),
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

/** A fix's region as it is, empty or not: widening it as `location` does would delete a character. */
function exactRegion(range: Range) {
  return { startLine: range.start.line, startColumn: range.start.column, endLine: range.end.line, endColumn: range.end.column };
}

function location(file: string, range: Range) {
  return {
    physicalLocation: {
      artifactLocation: { uri: fileUri(file) },
      region: {
        startLine: range.start.line,
        startColumn: range.start.column,
        endLine: range.end.line,
        // An empty span still covers one column: viewers need something to underline.
        endColumn: range.end.line === range.start.line ? Math.max(range.end.column, range.start.column + 1) : range.end.column,
      },
    },
  };
}

/** A relative URI reference: each path segment percent-encoded (`#`, spaces, CJK, `<stdin>`). */
export function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}
