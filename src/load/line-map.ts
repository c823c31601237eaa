// Offset → 1-based line and column, built on first use: a clean file never pays for it.
// Columns count UTF-16 code units, which is what SARIF assumes by default and what editors show
// for CJK text (one column per character).

export interface Position {
  line: number;
  column: number;
  offset: number;
}

export class LineMap {
  private starts: Uint32Array | undefined;

  constructor(private readonly text: string) {}

  private lineStarts(): Uint32Array {
    if (this.starts) return this.starts;
    const t = this.text;
    // One pass, into a table that doubles when full (a guess of one line per 32 characters first).
    let starts = new Uint32Array(Math.max(16, (t.length >> 5) + 1));
    let n = 1;
    for (let p = t.indexOf('\n'); p !== -1; p = t.indexOf('\n', p + 1)) {
      if (n === starts.length) {
        const bigger = new Uint32Array(n * 2);
        bigger.set(starts);
        starts = bigger;
      }
      starts[n++] = p + 1;
    }
    return (this.starts = starts.subarray(0, n));
  }

  position(offset: number): Position {
    const starts = this.lineStarts();
    offset = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1, offset };
  }

  /** The offset of a 1-based line and column. */
  offset(line: number, column: number): number {
    const starts = this.lineStarts();
    const l = Math.max(1, Math.min(line, starts.length));
    return Math.min(starts[l - 1] + column - 1, this.text.length);
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const starts = this.lineStarts();
    if (line < 1 || line > starts.length) return '';
    const start = starts[line - 1];
    const end = line < starts.length ? starts[line] - 1 : this.text.length;
    return this.text.slice(start, end).replace(/\r$/, '');
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }
}
