// A fast path for the YAML that org files are made of: block mappings and sequences (a mapping may
// start on a dash's line), one-line flow
// collections, plain and quoted one-line scalars, comments. Written for this subset, it parses
// such a file about twice as fast as js-yaml, which took most of a large org's validation time. It answers only when it is sure: anything outside the subset — anchors,
// aliases, tags, merge keys, block scalars, multi-line scalars or flows, duplicate keys, odd
// indentation, tabs, CR, non-printable characters, anything js-yaml would reject — makes it give
// up, and js-yaml parses the file as before. Where it answers, the result is what js-yaml with
// YAML_SCHEMA gives (plain scalars are resolved by js-yaml's own types); test/load/fast-yaml.test.ts
// checks that on the examples, the fixtures and random documents.
import { MAX_DEPTH, YAML_SCHEMA } from './yaml-schema.js';

/** Half js-yaml's limit, so that no document this parser answers for is one js-yaml would refuse. */
const DEPTH = MAX_DEPTH / 2;

/** Thrown inside the parser to give up; never escapes `fastParse`. */
const GIVE_UP = Symbol('give up');

interface ImplicitType {
  resolve(data: string): boolean;
  construct(data: string): unknown;
}
// js-yaml resolves a plain scalar by trying these in order (null, bool, int, float, merge).
const IMPLICIT = (YAML_SCHEMA as unknown as { compiledImplicit: ImplicitType[] }).compiledImplicit;

// What js-yaml refuses in a stream. Decoded UTF-8 holds no lone surrogates, the rest of its test.
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]/;

/** The data of `text`, or undefined when the text is outside the subset this parser is sure of. */
export function fastParse(text: string): { data: unknown } | undefined {
  if (NON_PRINTABLE.test(text) || text.includes('\r') || text.includes('\t')) return undefined;
  try {
    return { data: new Parser(text).document() };
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

function giveUp(): never {
  throw GIVE_UP;
}

const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;
const COLON = 0x3a;

/** A table of ASCII characters by class, for the hot loops: a lookup is cheaper than a Set's. */
const CLASS = new Uint8Array(128);
/** Cannot start a plain scalar in the subset (YAML's indicators, and `?`, `:`). */
const NOT_PLAIN_START = 1;
/** Ends a plain scalar in a flow collection. */
const FLOW_STOP = 2;
/** A letter no implicit type starts with: a plain scalar starting with it is a string. */
const WORD_START = 4;
for (const c of '-?:,[]{}#&*!|>\'"%@`') CLASS[c.charCodeAt(0)] |= NOT_PLAIN_START;
for (const c of ',[]{}') CLASS[c.charCodeAt(0)] |= FLOW_STOP;
// null, Null, NULL, true, True, TRUE, false, False, FALSE start with n, N, t, T, f, F; numbers with
// a digit, a sign or a dot; `~` and `<<` with neither class, so they too are asked of the types.
for (const c of 'abcdeghijklmopqrsuvwxyzABCDEGHIJKLMOPQRSUVWXYZ') CLASS[c.charCodeAt(0)] |= WORD_START;

const is = (c: number, cls: number) => c < 128 && (CLASS[c] & cls) !== 0;

class Parser {
  private lineStart = 0;
  private lineEnd = 0;
  /** Indentation of the current content line; -1 at the end of the text. */
  private indent = -1;
  private next = 0;
  /** Where the value read last ends: the scalar and flow readers leave it here. */
  private at = 0;

  constructor(private readonly t: string) {
    this.advance();
  }

  document(): unknown {
    if (this.indent !== 0) giveUp(); // empty, or starting indented
    const first = this.t.charCodeAt(this.lineStart);
    // `---`, `...` and directives belong to streams, not to the subset.
    if (first === 0x25 || this.t.startsWith('---', this.lineStart) || this.t.startsWith('...', this.lineStart)) giveUp();
    if (this.isDashLine()) giveUp(); // org files are mappings
    const data = this.mapping(0, 1);
    if (!this.atEnd()) giveUp();
    return data;
  }

  /** Moves to the next line with content, skipping blank and comment-only lines. */
  private advance(): void {
    const t = this.t;
    while (this.next < t.length) {
      const start = this.next;
      let end = t.indexOf('\n', start);
      if (end === -1) end = t.length;
      this.next = end + 1;
      const p = skipSpaces(t, start, end);
      if (p === end || t.charCodeAt(p) === HASH) continue;
      this.lineStart = p;
      this.lineEnd = end;
      this.indent = p - start;
      return;
    }
    this.indent = -1;
  }

  private atEnd(): boolean {
    return this.indent === -1;
  }

  private isDashLine(): boolean {
    const p = this.lineStart;
    return this.t.charCodeAt(p) === DASH && (p + 1 === this.lineEnd || this.t.charCodeAt(p + 1) === SPACE);
  }

  private mapping(n: number, depth: number): Record<string, unknown> {
    if (depth > DEPTH) giveUp();
    const t = this.t;
    const obj: Record<string, unknown> = {};
    while (this.indent === n) {
      if (this.isDashLine()) giveUp();
      const end = this.lineEnd;
      let p = this.lineStart;
      let key: string;
      const c = t.charCodeAt(p);
      if (c === 0x22 || c === 0x27) {
        key = c === 0x22 ? this.doubleQuoted(p, end) : this.singleQuoted(p, end);
        p = skipSpaces(t, this.at, end);
        if (t.charCodeAt(p) !== COLON) giveUp();
      } else {
        if (is(c, NOT_PLAIN_START)) giveUp();
        const colon = keyColon(t, p, end);
        key = plainKey(t.slice(p, colon).trimEnd());
        p = colon;
      }
      if (key === '<<' || key === '__proto__' || Object.prototype.hasOwnProperty.call(obj, key)) giveUp();
      p++; // the colon
      if (p < end && t.charCodeAt(p) !== SPACE) giveUp();
      p = skipSpaces(t, p, end);
      if (p === end || t.charCodeAt(p) === HASH) {
        // The value is on the lines below: a nested block, a sequence at this indentation, or null.
        this.advance();
        if (this.indent > n) obj[key] = this.block(depth + 1);
        else if (this.indent === n && this.isDashLine()) obj[key] = this.sequence(n, depth + 1);
        else obj[key] = null;
      } else {
        obj[key] = this.inline(p, end, depth + 1);
        this.advance();
        if (this.indent > n) giveUp(); // a continuation line, or an error js-yaml should word
      }
    }
    if (this.indent > n) giveUp();
    return obj;
  }

  private block(depth: number): unknown {
    return this.isDashLine() ? this.sequence(this.indent, depth) : this.mapping(this.indent, depth);
  }

  private sequence(n: number, depth: number): unknown[] {
    if (depth > DEPTH) giveUp();
    const list: unknown[] = [];
    while (this.indent === n && this.isDashLine()) {
      const end = this.lineEnd;
      const p = skipSpaces(this.t, this.lineStart + 1, end);
      // `-` alone, with a block below it, is outside the subset.
      if (p === end || this.t.charCodeAt(p) === HASH) giveUp();
      if (!is(this.t.charCodeAt(p), NOT_PLAIN_START) && hasKeyColon(this.t, p, end)) {
        // `- key: value`, a mapping that starts on the dash's line (a scenario's waves): its keys
        // stand at the column of the first one.
        this.indent += p - this.lineStart;
        this.lineStart = p;
        list.push(this.mapping(this.indent, depth + 1));
        if (this.indent > n) giveUp();
        continue;
      }
      list.push(this.inline(p, end, depth + 1));
      this.advance();
      if (this.indent > n) giveUp();
    }
    return list;
  }

  /** A value that ends on its line: a flow collection, a quoted scalar or a plain scalar. */
  private inline(p: number, end: number, depth: number): unknown {
    const t = this.t;
    const c = t.charCodeAt(p);
    let value: unknown;
    if (c === 0x5b || c === 0x7b) {
      value = this.flow(p, end, depth);
    } else if (c === 0x22 || c === 0x27) {
      value = c === 0x22 ? this.doubleQuoted(p, end) : this.singleQuoted(p, end);
    } else {
      if (is(c, NOT_PLAIN_START)) giveUp();
      let stop = p;
      while (stop < end && !(t.charCodeAt(stop) === HASH && t.charCodeAt(stop - 1) === SPACE)) stop++;
      const text = t.slice(p, stop).trimEnd();
      // `a: b` inside a value is a mapping js-yaml rejects there; `a:` at the end, a key.
      if (text.includes(': ') || text.endsWith(':')) giveUp();
      return plain(text);
    }
    const after = skipSpaces(t, this.at, end);
    if (after < end && (t.charCodeAt(after) !== HASH || t.charCodeAt(after - 1) !== SPACE)) giveUp();
    return value;
  }

  /** A flow collection that closes on its line. */
  private flow(p: number, end: number, depth: number): unknown {
    if (depth > DEPTH) giveUp();
    const t = this.t;
    const mapping = t.charCodeAt(p) === 0x7b;
    const close = mapping ? 0x7d : 0x5d;
    const out: unknown = mapping ? {} : [];
    p = skipSpaces(t, p + 1, end);
    if (t.charCodeAt(p) === close) {
      this.at = p + 1;
      return out;
    }
    for (;;) {
      if (mapping) {
        let key: string;
        const c = t.charCodeAt(p);
        if (c === 0x22 || c === 0x27) {
          key = c === 0x22 ? this.doubleQuoted(p, end) : this.singleQuoted(p, end);
          p = skipSpaces(t, this.at, end);
        } else {
          if (is(c, NOT_PLAIN_START)) giveUp();
          const start = p;
          while (p < end && !is(t.charCodeAt(p), FLOW_STOP) && t.charCodeAt(p) !== COLON) p++;
          key = plainKey(t.slice(start, p).trimEnd());
        }
        if (t.charCodeAt(p) !== COLON || t.charCodeAt(p + 1) !== SPACE) giveUp();
        if (key === '<<' || key === '__proto__' || Object.prototype.hasOwnProperty.call(out, key)) giveUp();
        p = skipSpaces(t, p + 1, end);
        (out as Record<string, unknown>)[key] = this.flowValue(p, end, depth + 1);
        p = this.at;
      } else {
        (out as unknown[]).push(this.flowValue(p, end, depth + 1));
        p = this.at;
      }
      p = skipSpaces(t, p, end);
      const c = t.charCodeAt(p);
      if (c === close) {
        this.at = p + 1;
        return out;
      }
      if (c !== 0x2c) giveUp();
      p = skipSpaces(t, p + 1, end);
      if (t.charCodeAt(p) === close) giveUp(); // a trailing comma
    }
  }

  private flowValue(p: number, end: number, depth: number): unknown {
    const t = this.t;
    const c = t.charCodeAt(p);
    if (c === 0x5b || c === 0x7b) return this.flow(p, end, depth);
    if (c === 0x22) return this.doubleQuoted(p, end);
    if (c === 0x27) return this.singleQuoted(p, end);
    if (is(c, NOT_PLAIN_START)) giveUp(); // also an empty value: `{ a: , b }`
    const start = p;
    while (p < end && !is(t.charCodeAt(p), FLOW_STOP)) {
      // `:` in a flow scalar (a key of a pair, a URL) and ` #` are left to js-yaml.
      if (t.charCodeAt(p) === COLON || (t.charCodeAt(p) === HASH && t.charCodeAt(p - 1) === SPACE)) giveUp();
      p++;
    }
    if (p === end) giveUp(); // the flow does not close on this line
    this.at = p;
    return plain(t.slice(start, p).trimEnd());
  }

  private singleQuoted(p: number, end: number): string {
    const t = this.t;
    let value = '';
    let from = p + 1;
    for (;;) {
      let q = from;
      while (q < end && t.charCodeAt(q) !== 0x27) q++;
      if (q === end) giveUp(); // continues on the next line
      value += t.slice(from, q);
      if (t.charCodeAt(q + 1) === 0x27 && q + 1 < end) {
        value += "'";
        from = q + 2;
        continue;
      }
      this.at = q + 1;
      return value;
    }
  }

  private doubleQuoted(p: number, end: number): string {
    const t = this.t;
    let value = '';
    let from = p + 1;
    for (let i = from; i < end; i++) {
      const c = t.charCodeAt(i);
      if (c === 0x22) {
        this.at = i + 1;
        return value + t.slice(from, i);
      }
      if (c !== 0x5c) continue;
      value += t.slice(from, i);
      const e = t[i + 1];
      const simple = ESCAPES[e];
      if (simple !== undefined && i + 1 < end) {
        value += simple;
        i += 1;
      } else if ((e === 'u' || e === 'x') && i + 1 < end) {
        const digits = e === 'u' ? 4 : 2;
        const hex = t.slice(i + 2, i + 2 + digits);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits || i + 1 + digits >= end) giveUp();
        value += String.fromCharCode(parseInt(hex, 16));
        i += 1 + digits;
      } else {
        giveUp();
      }
      from = i + 1;
    }
    return giveUp(); // continues on the next line
  }
}

/** The escapes of double-quoted scalars that map to one character. */
const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', ' ': ' ' };

function skipSpaces(t: string, p: number, end: number): number {
  while (p < end && t.charCodeAt(p) === SPACE) p++;
  return p;
}

/** Where a block key's colon is: the first `:` followed by a space or the line's end. */
function keyColon(t: string, p: number, end: number): number {
  for (let i = p; i < end; i++) {
    const c = t.charCodeAt(i);
    if (c === COLON && (i + 1 === end || t.charCodeAt(i + 1) === SPACE)) return i;
    if (c === HASH && t.charCodeAt(i - 1) === SPACE) giveUp();
  }
  return giveUp(); // a plain scalar where a key belongs
}

/** Whether a plain text from `p` holds a key's colon (`: ` or `:` at its end) before any comment. */
function hasKeyColon(t: string, p: number, end: number): boolean {
  for (let i = p; i < end; i++) {
    const c = t.charCodeAt(i);
    if (c === COLON && (i + 1 === end || t.charCodeAt(i + 1) === SPACE)) return true;
    if (c === HASH && t.charCodeAt(i - 1) === SPACE) return false;
  }
  return false;
}

/** A plain key: kept only when js-yaml would read it as a string (not `1`, `true`, `null`). */
function plainKey(text: string): string {
  if (text === '') giveUp();
  const value = plain(text);
  if (typeof value !== 'string') giveUp();
  return value;
}

/** A plain scalar as js-yaml resolves it: null, bool, int, float — or the string itself. */
function plain(text: string): unknown {
  const c = text.charCodeAt(0);
  // Most scalars are words (or CJK text): no type can claim them, so skip asking each.
  if (c >= 128 || is(c, WORD_START)) return text;
  for (const type of IMPLICIT) if (type.resolve(text)) return type.construct(text);
  return text;
}
