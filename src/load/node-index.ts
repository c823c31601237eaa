// Source positions for a YAML text, recorded while js-yaml parses it with a listener. The index
// stores four numbers per node in typed arrays (pre-order: where the node opened, where it closed,
// its last descendant, its kind), so even a whole large file fits in memory; positions.ts decides
// what to parse this way (usually one small block per finding), and line-map.ts turns offsets into
// line:column at report time.

import type { Part, Path, PathSegment } from '../core/paths.js';

export type { Part, Path, PathSegment };

export interface Span {
  start: number;
  end: number;
}

const KIND_OTHER = 0;
const KIND_SCALAR = 1;
const KIND_MAPPING = 2;
const KIND_SEQUENCE = 3;

export class NodeIndex {
  private open: Int32Array;
  private close: Int32Array;
  private last: Int32Array;
  private kind: Uint8Array;
  private count = 0;
  /** Alias nodes (`*name`) seen; a file without any needs no expansion check. */
  aliases = 0;
  private stack: number[] = [];
  /** Key → child index maps, built on the first lookup inside a large mapping. */
  private keyMaps = new Map<number, Map<string, [number, number]>>();

  constructor(private readonly text: string) {
    // A node needs at least two characters of source; start small and grow for big files.
    const initial = Math.max(64, Math.min(1 << 20, text.length >> 3));
    this.open = new Int32Array(initial);
    this.close = new Int32Array(initial);
    this.last = new Int32Array(initial);
    this.kind = new Uint8Array(initial);
  }

  /** The js-yaml `listener` callback. */
  readonly listener = (event: 'open' | 'close', state: { position: number; kind: string | null; result: unknown }): void => {
    if (event === 'open') {
      if (this.count === this.open.length) this.grow();
      this.open[this.count] = state.position;
      this.stack.push(this.count++);
    } else {
      const i = this.stack.pop()!;
      this.close[i] = state.position;
      this.last[i] = this.count - 1;
      const k = state.kind;
      this.kind[i] = k === 'mapping' ? KIND_MAPPING : k === 'sequence' ? KIND_SEQUENCE : k === 'scalar' ? KIND_SCALAR : KIND_OTHER;
      // js-yaml leaves `kind` unset for an alias but gives it the anchored value.
      if (k === null && state.result !== null && state.result !== undefined) this.aliases++;
    }
  };

  private grow(): void {
    const size = this.open.length * 2;
    const grown = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.open = grown(this.open, (n) => new Int32Array(n));
    this.close = grown(this.close, (n) => new Int32Array(n));
    this.last = grown(this.last, (n) => new Int32Array(n));
    this.kind = grown(this.kind, (n) => new Uint8Array(n));
  }

  get nodeCount(): number {
    return this.count;
  }

  /**
   * The span of the key or value at `path`. When the path leads somewhere the source does not
   * spell out (a key that came in through a merge `<<`, a default), the deepest node that exists
   * is returned with `exact: false`.
   */
  locate(path: Path, part: Part = 'value'): { span: Span; exact: boolean } {
    if (this.count === 0) return { span: { start: 0, end: 0 }, exact: false };
    let node = this.unwrap(0);
    let keyNode = -1;
    for (let depth = 0; depth < path.length; depth++) {
      const segment = path[depth];
      const found = this.child(node, segment);
      if (!found) return { span: this.spanOf(keyNode >= 0 ? keyNode : node), exact: false };
      [keyNode, node] = found;
      node = this.unwrap(node);
    }
    if (part === 'key' && keyNode >= 0) return { span: this.spanOf(keyNode), exact: true };
    return { span: this.spanOf(node), exact: true };
  }

  /**
   * A block sequence entry like `- p` yields a wrapper node holding one node of the same kind
   * that starts at the same place; `[p]` (a list of one) does not.
   */
  private unwrap(node: number): number {
    while (this.last[node] > node) {
      const first = node + 1;
      if (this.last[first] !== this.last[node] || this.kind[first] !== this.kind[node]) break;
      if (this.spanOf(first).start !== this.spanOf(node).start) break;
      node = first;
    }
    return node;
  }

  private children(node: number): number[] {
    const out: number[] = [];
    for (let c = node + 1; c <= this.last[node]; c = this.last[c] + 1) out.push(c);
    return out;
  }

  /** [key node or -1, value node] for a mapping key or a sequence index. */
  private child(node: number, segment: PathSegment): [number, number] | undefined {
    if (typeof segment === 'number') {
      if (this.kind[node] !== KIND_SEQUENCE) return undefined;
      const entries = this.children(node);
      return segment < entries.length ? [-1, entries[segment]] : undefined;
    }
    if (this.kind[node] !== KIND_MAPPING) return undefined;
    let keys = this.keyMaps.get(node);
    if (!keys) {
      keys = this.buildKeyMap(node);
      this.keyMaps.set(node, keys);
    }
    return keys.get(segment);
  }

  private buildKeyMap(node: number): Map<string, [number, number]> {
    const map = new Map<string, [number, number]>();
    const kids = this.children(node);
    if (kids.length % 2 === 0) {
      for (let i = 0; i < kids.length; i += 2) {
        const key = this.keyText(kids[i]);
        if (key !== undefined && !map.has(key)) map.set(key, [kids[i], kids[i + 1]]);
      }
      return map;
    }
    // Odd count: a flow mapping with a key that has no value (`{a, b: 1}`). Walk the entries:
    // a key followed by `:` takes the next node as its value; one that is not stands alone.
    let expectKey = true;
    for (let i = 0; i < kids.length; i++) {
      if (!expectKey) {
        expectKey = true;
        continue;
      }
      const key = this.keyText(kids[i]);
      const hasValue = this.followedByColon(kids[i]) && i + 1 < kids.length;
      if (key !== undefined && !map.has(key)) map.set(key, [kids[i], hasValue ? kids[i + 1] : kids[i]]);
      if (hasValue) expectKey = false;
    }
    return map;
  }

  private followedByColon(node: number): boolean {
    const t = this.text;
    let p = this.spanOf(node).end;
    while (p < t.length && (t[p] === ' ' || t[p] === '\t')) p++;
    return t[p] === ':';
  }

  private keyText(node: number): string | undefined {
    const { start, end } = this.spanOf(node);
    let raw = this.text.slice(start, end);
    // Anchors and tags may precede a key: `&a key:` or `!!str key:`.
    raw = raw.replace(/^(?:[&!]\S*\s+)+/, '');
    if (raw.startsWith('"')) {
      try {
        return JSON.parse(raw) as string;
      } catch {
        return raw.slice(1, -1);
      }
    }
    if (raw.startsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
    return raw;
  }

  /** The node's text without the whitespace and comments js-yaml skipped around it. */
  spanOf(node: number): Span {
    const t = this.text;
    const rawStart = this.open[node];
    let end = this.close[node];
    let start = skipSpaceAndComments(t, rawStart, end);
    while (end > start && isSpace(t.charCodeAt(end - 1))) end--;
    // A trailing comment after a collection belongs to the layout, not to the node.
    if (this.kind[node] === KIND_MAPPING || this.kind[node] === KIND_SEQUENCE) end = trimTrailingComments(t, start, end);
    if (start >= end) {
      // An empty value (`key:` with nothing after it): point right after the colon.
      start = rawStart;
      end = rawStart;
    }
    return { start, end };
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function skipSpaceAndComments(t: string, p: number, limit: number): number {
  while (p < limit) {
    const c = t.charCodeAt(p);
    if (isSpace(c)) p++;
    else if (c === 0x23 /* # */) {
      while (p < limit && t.charCodeAt(p) !== 0x0a) p++;
    } else break;
  }
  return p;
}

function trimTrailingComments(t: string, start: number, end: number): number {
  for (;;) {
    const lineStart = t.lastIndexOf('\n', end - 1) + 1;
    if (lineStart <= start) return end;
    const line = t.slice(lineStart, end).trimStart();
    if (!line.startsWith('#')) return end;
    end = lineStart;
    while (end > start && isSpace(t.charCodeAt(end - 1))) end--;
  }
}
