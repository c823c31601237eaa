// GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff.
import type { Formatter } from '../formatter.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export const github: Formatter = (diagnostics) => {
  const lines = diagnostics.map((d) => {
    const { start, end } = d.range;
    const props = [`file=${property(d.file)}`, `line=${start.line}`, `endLine=${end.line}`];
    // Columns only make sense on a single line.
    if (start.line === end.line) props.push(`col=${start.column}`, `endColumn=${Math.max(end.column, start.column + 1)}`);
    props.push(`title=${property(d.ruleId)}`);
    return `::${COMMAND[d.severity]} ${props.join(',')}::${data(d.message)}`;
  });
  return lines.length ? lines.join('\n') + '\n' : '';
};

export function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function property(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
