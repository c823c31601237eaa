// The source line under a diagnostic with a caret under its span, aligned for wide (CJK) text.
import stringWidth from 'string-width';
import type { Range } from './diagnostic.js';

export function codeFrame(line: string, range: Range, paint: (s: string) => string = (s) => s): string[] {
  const display = line.replace(/\t/g, ' ');
  const startCol = Math.min(range.start.column, display.length + 1);
  const endCol = range.end.line === range.start.line ? Math.max(range.end.column, startCol + 1) : display.length + 1;
  const before = display.slice(0, startCol - 1);
  const under = display.slice(startCol - 1, Math.max(endCol - 1, startCol));
  const gutter = String(range.start.line);
  const pad = ' '.repeat(gutter.length);
  const caretWidth = Math.max(1, stringWidth(under));
  return [
    ` ${gutter} | ${display}`,
    ` ${pad} | ${' '.repeat(stringWidth(before))}${paint('^' + '~'.repeat(caretWidth - 1))}`,
  ];
}
