// The source line under a diagnostic with a caret under its span, aligned for wide (CJK) text.
import { eastAsianWidth } from 'get-east-asian-width';
import type { Range } from './diagnostic.js';

/** Longest source line shown whole; a longer one is shown as a window around the span. */
const MAX_LINE = 160;
/** Characters kept before the span in such a window. */
const CONTEXT = 40;

export function codeFrame(line: string, range: Range, paint: (s: string) => string = (s) => s): string[] {
  let display = line.replace(/\t/g, ' ');
  let startCol = Math.min(range.start.column, display.length + 1);
  let endCol = range.end.line === range.start.line ? Math.max(range.end.column, startCol + 1) : display.length + 1;
  if (display.length > MAX_LINE) {
    // A 10 MB line must not become a 10 MB report: a window with `…` where it was cut.
    let from = Math.max(0, startCol - 1 - CONTEXT);
    let to = Math.min(display.length, from + MAX_LINE);
    if (isLowSurrogate(display, from)) from++;
    if (isLowSurrogate(display, to)) to--;
    const head = from > 0 ? '…' : '';
    const tail = to < display.length ? '…' : '';
    display = head + display.slice(from, to) + tail;
    startCol = startCol - from + head.length;
    endCol = Math.min(endCol - from + head.length, display.length - tail.length + 1);
  }
  const before = display.slice(0, startCol - 1);
  const under = display.slice(startCol - 1, Math.max(endCol - 1, startCol));
  const gutter = String(range.start.line);
  const pad = ' '.repeat(gutter.length);
  const caretWidth = Math.max(1, displayWidth(under));
  return [
    ` ${gutter} | ${display}`,
    ` ${pad} | ${' '.repeat(displayWidth(before))}${paint('^' + '~'.repeat(caretWidth - 1))}`,
  ];
}

function isLowSurrogate(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Marks, format and control characters take no column of their own. */
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}\p{Cc}]/u;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Terminal columns of a text: East Asian wide characters and emoji take two. (string-width does
 * this with grapheme segmentation, but creating its Intl.Segmenter costs 30 ms at start-up, a
 * tenth of a small validate; a code point after a zero-width joiner joins the emoji before it.)
 */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  let joined = false;
  let last = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (joined) joined = false;
    else if (cp === 0xfe0f && last === 1) {
      // Emoji presentation of a narrow symbol (❤️): two columns.
      width += 1;
      last = 2;
    } else if (!ZERO_WIDTH.test(ch)) {
      last = eastAsianWidth(cp);
      width += last;
    }
    if (cp === 0x200d) joined = true;
  }
  return width;
}
