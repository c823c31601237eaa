// Where a path lies in a file's text, computed only when a finding asks. A clean file never pays
// for positions: the fast parse records none. Asked for `roles.sales-rep.reports_to`, this finds
// the block of `sales-rep` under `roles:` by indentation, parses just that block with the position
// listener, and adds the block's offset; a large file with a handful of findings parses a handful
// of small blocks. When the text is laid out in a way the scan cannot be sure of (a section written
// in flow style, an alias into another block), the whole file is parsed once with the listener.
import jsYaml from 'js-yaml';
import { NodeIndex, type Path, type Span } from './node-index.js';
import { YAML_SCHEMA } from './yaml-schema.js';

export interface Located {
  span: Span;
  exact: boolean;
}

export class Positions {
  private full: NodeIndex | undefined;
  private topLevel: Map<string, number> | undefined;
  private blocks = new Map<string, { start: number; index: NodeIndex } | null>();
  private sections = new Map<string, Map<string, [number, number]> | null>();

  constructor(private readonly text: string) {}

  locate(path: Path, part: 'key' | 'value' = 'value'): Located {
    if (!this.full && path.length >= 2 && typeof path[0] === 'string' && typeof path[1] === 'string') {
      const block = this.block(path[0], path[1]);
      if (block) {
        const inner = block.index.locate(path.slice(1), part);
        if (inner.exact || path.length === 2) return { span: shift(inner.span, block.start), exact: inner.exact };
        // The rest of the path is not in the block as written (a merge key, say): ask the whole file.
      }
    }
    return this.fullIndex().locate(path, part);
  }

  /** Whether a lookup had to parse the whole file (for tests and timing). */
  get parsedWholeFile(): boolean {
    return this.full !== undefined;
  }

  /** How many top-level sections were scanned for their entries (for tests). */
  get sectionsScanned(): number {
    return this.sections.size;
  }

  /** The whole file parsed with the position listener, once. */
  fullIndex(): NodeIndex {
    if (!this.full) {
      const index = new NodeIndex(this.text);
      try {
        jsYaml.load(this.text, { schema: YAML_SCHEMA, listener: index.listener } as jsYaml.LoadOptions);
      } catch {
        // The file parsed before; a failure here leaves a partial index, which still locates what it saw.
      }
      this.full = index;
    }
    return this.full;
  }

  /** The block of `entry` under the top-level `section`, parsed on its own; null when unsure. */
  private block(section: string, entry: string): { start: number; index: NodeIndex } | null {
    const cacheKey = `${section}\0${entry}`;
    const cached = this.blocks.get(cacheKey);
    if (cached !== undefined) return cached;
    let found: { start: number; index: NodeIndex } | null = null;
    const range = this.entryRange(section, entry);
    if (range) {
      const piece = this.text.slice(range[0], range[1]);
      const index = new NodeIndex(piece);
      try {
        jsYaml.load(piece, { schema: YAML_SCHEMA, listener: index.listener } as jsYaml.LoadOptions);
        found = { start: range[0], index };
      } catch {
        found = null; // an alias to an anchor outside the block, for one
      }
    }
    this.blocks.set(cacheKey, found);
    return found;
  }

  /** Offsets of the lines holding `entry:` under `section:` and everything indented below it. */
  private entryRange(section: string, entry: string): [number, number] | undefined {
    let entries = this.sections.get(section);
    if (entries === undefined) this.sections.set(section, (entries = this.sectionEntries(section)));
    return entries?.get(entry);
  }

  /**
   * Every entry of a top-level section with its range, in one scan of the section: a file with
   * many findings scans each section once, not once per finding.
   */
  private sectionEntries(section: string): Map<string, [number, number]> | null {
    const t = this.text;
    const sectionLine = this.topLevelKeys().get(section);
    if (sectionLine === undefined) return null;
    const afterKey = t.indexOf('\n', sectionLine);
    if (afterKey === -1) return null;
    // The section's value must be a block mapping starting on a later line.
    const rest = t.slice(sectionLine, afterKey).replace(/\s+#.*$/, '');
    if (!/:\s*$/.test(rest)) return null;
    const entries = new Map<string, [number, number]>();
    let childIndent = -1;
    let p = afterKey + 1;
    let open: { key: string; start: number } | undefined;
    const close = (end: number) => {
      // A key written twice is reported elsewhere (duplicate-key); positions follow the first.
      if (open && !entries.has(open.key)) entries.set(open.key, [open.start, end]);
      open = undefined;
    };
    while (p < t.length) {
      const eol = nextLineEnd(t, p);
      const indent = indentAt(t, p, eol);
      if (indent >= 0) {
        if (indent === 0) break; // the next top-level key: the section ends
        if (childIndent === -1) childIndent = indent;
        if (indent <= childIndent) {
          close(p);
          const key = indent === childIndent ? keyOfLine(t.slice(p + indent, eol)) : undefined;
          if (key !== undefined) open = { key, start: p };
        }
      }
      p = eol + 1;
    }
    close(Math.min(p, t.length));
    return entries;
  }

  /** Line offsets of the top-level keys, found once. */
  private topLevelKeys(): Map<string, number> {
    if (this.topLevel) return this.topLevel;
    const keys = new Map<string, number>();
    const t = this.text;
    for (let p = 0; p < t.length; ) {
      const eol = nextLineEnd(t, p);
      const c = t.charCodeAt(p);
      if (c !== 0x20 && c !== 0x09 && c !== 0x23 && c !== 0x0a && c !== 0x0d) {
        const key = keyOfLine(t.slice(p, eol));
        if (key !== undefined && !keys.has(key)) keys.set(key, p);
      }
      p = eol + 1;
    }
    return (this.topLevel = keys);
  }
}

function nextLineEnd(t: string, p: number): number {
  const eol = t.indexOf('\n', p);
  return eol === -1 ? t.length : eol;
}

/** Indentation of the line from `start` to `end`, or -1 for a blank or comment-only line. */
function indentAt(t: string, start: number, end: number): number {
  let i = start;
  while (i < end && t.charCodeAt(i) === 0x20) i++;
  if (i === end || t[i] === '#' || t[i] === '\r') return -1;
  return i - start;
}

/** The mapping key a line starts with (`key:`, `"key":`, `'key':`), if any. */
function keyOfLine(line: string): string | undefined {
  const m = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"{}[\],&*!|>%@`][^:#]*?))\s*:(?:\s|$)/.exec(line);
  if (!m) return undefined;
  if (m[1] !== undefined) {
    try {
      return JSON.parse(`"${m[1]}"`) as string;
    } catch {
      return undefined;
    }
  }
  if (m[2] !== undefined) return m[2].replace(/''/g, "'");
  return m[3];
}

function shift(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

