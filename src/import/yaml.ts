// The draft written as YAML: the text js-yaml's `dump` gives with the options below, made in a
// fraction of its time. At 100,000 people js-yaml spent ~2 s on the draft (a third of the import),
// most of it deciding, character by character, how to write each of a million short scalars, and
// building the document by appending to one ever-longer string. Here a scalar that is plainly safe
// (a letter first, then letters, digits, spaces and harmless punctuation; not a word YAML reads as
// a boolean or null) is written as it is, and anything else — quoting, escapes, several lines — is
// handed to js-yaml itself, so the output stays exactly js-yaml's (test/import/yaml.test.ts compares
// the two on every draft of the tests and on random documents).
import jsYaml from 'js-yaml';

/** The options `orgc import` has always dumped the draft with. */
export const DUMP_OPTIONS: jsYaml.DumpOptions = { lineWidth: -1, noRefs: true, quotingType: '"' };

/**
 * A string js-yaml writes plain, without quotes: first a letter (or any character past Latin-1's
 * symbols), then no `:`, `#`, line break, control or unusual character, and no space at the end.
 * Narrower than YAML allows, never wider: what it leaves out goes to js-yaml.
 */
const PLAIN = /^[A-Za-z\u00C0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD][A-Za-z0-9 .,()'&/+_\u00A1-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD-]*$/;
/** Words YAML 1.1 or 1.2 reads as booleans or null, which js-yaml quotes (case aside: a superset). */
const AMBIGUOUS = /^(?:null|true|false|y|yes|on|n|no|off)$/i;

const plain = (s: string) => PLAIN.test(s) && s.charCodeAt(s.length - 1) !== 32 && !AMBIGUOUS.test(s) && s.length <= 1024;

/** One scalar on one line, as js-yaml writes it; undefined for what must go to js-yaml whole. */
function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') {
    if (plain(value)) return value;
    // One line: js-yaml writes it the same alone or nested (no block style, no folding).
    return value.includes('\n') || value.includes('\r') ? undefined : jsYaml.dump(value, DUMP_OPTIONS).slice(0, -1);
  }
  if (typeof value === 'number') return Number.isSafeInteger(value) && !Object.is(value, -0) ? String(value) : undefined;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return undefined;
}

const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/** `value` as js-yaml's `dump(value, DUMP_OPTIONS)` writes it. */
export function dumpYaml(value: unknown): string {
  if (!isMapping(value)) return jsYaml.dump(value, DUMP_OPTIONS);
  // Appended to one string: V8 keeps the pieces as a rope and copies them once, when the text is
  // written (an array of pieces and a join cost several times as much at a million lines).
  const text = mapping(value, '');
  // An empty mapping is `{}` at the top too.
  return text || jsYaml.dump(value, DUMP_OPTIONS);
}

/** A block mapping's pairs, each line indented by `indent`. */
function mapping(map: Record<string, unknown>, indent: string): string {
  let out = '';
  for (const key in map) out += pair(key, map[key], indent);
  return out;
}

/** A key as a block mapping writes it before `: `, or undefined for a key js-yaml quotes. */
export function yamlKey(key: string): string | undefined {
  return plain(key) ? key : undefined;
}

/** A value as a block mapping writes it after `key: `, or undefined for one that needs more than that line. */
export const yamlScalar: (value: unknown) => string | undefined = scalar;

/** One pair of a block mapping, `key: value` and what `value` holds, indented by `indent`. */
export function pair(key: string, value: unknown, indent: string): string {
  // js-yaml leaves out what JSON would (functions, undefined) only with skipInvalid; never here.
  const k = typeof key === 'string' && plain(key) ? key : undefined;
  if (k !== undefined) {
    const s = scalar(value);
    if (s !== undefined) return `${indent}${k}: ${s}\n`;
    if (isMapping(value)) {
      for (const _ in value) return `${indent}${k}:\n${mapping(value, indent + '  ')}`;
      return `${indent}${k}: {}\n`;
    }
    if (Array.isArray(value)) {
      if (value.length === 0) return `${indent}${k}: []\n`;
      const items = value.map(scalar);
      if (items.every((i) => i !== undefined)) {
        let out = `${indent}${k}:\n`;
        for (const i of items) out += `${indent}  - ${i}\n`;
        return out;
      }
    }
  }
  // Anything else — a key to quote, a scalar on several lines, a list of mappings — as js-yaml
  // writes the pair alone, indented as it would be in place (block scalars' lines are indented
  // by their depth, and js-yaml leaves their empty lines empty).
  const alone = jsYaml.dump({ [key]: value }, DUMP_OPTIONS);
  return indent ? alone.replace(/^(?=[^\n])/gm, indent) : alone;
}

/**
 * A mapping given entry by entry, for the draft's roles and people: at 100,000 people an object of
 * them all, and the text of them all, are hundreds of megabytes that every young-generation
 * collection copies while the draft is built. Entries are made as they are written, and die young.
 */
export class StreamedMapping {
  /**
   * @param entries The entries in order; their values are plain data (no StreamedMapping inside).
   * @param text The same entries as the text `dumpYaml` gives them at an indent of two spaces,
   * one string per entry or several, for a caller that can write them without making them first
   * (test/import/yaml.test.ts compares the two on the drafts of the tests and of the bench).
   */
  constructor(
    readonly entries: () => Iterable<readonly [string, unknown]>,
    readonly text?: () => Iterable<string>,
  ) {}

  /** The whole mapping as one object, for callers that want the draft as data (tests, the API). */
  toObject(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of this.entries()) out[key] = value;
    return out;
  }
}

function* pairs(map: StreamedMapping): Generator<string> {
  for (const [key, value] of map.entries()) yield pair(key, value, '  ');
}

/** `value` with every StreamedMapping in it made an object. */
export function materialize(value: unknown): unknown {
  if (value instanceof StreamedMapping) return value.toObject();
  if (!isMapping(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = materialize(value[key]);
  return out;
}

/**
 * The text `dumpYaml(materialize(value))` gives, as the pieces it is made of (an entry of a
 * StreamedMapping is one piece, or several): for `dumpYamlChunks` and `dumpYamlBytes`.
 */
function* yamlPieces(value: Record<string, unknown>): Generator<string> {
  let any = false;
  for (const key in value) {
    any = true;
    const v = value[key];
    if (!(v instanceof StreamedMapping) || !plain(key)) {
      yield pair(key, materialize(v), '');
      continue;
    }
    let empty = true;
    for (const entry of v.text?.() ?? pairs(v)) {
      if (empty) {
        yield `${key}:\n`;
        empty = false;
      }
      yield entry;
    }
    if (empty) yield `${key}: {}\n`;
  }
  if (!any) yield jsYaml.dump({}, DUMP_OPTIONS);
}

/**
 * The text `dumpYaml(materialize(value))` gives, in chunks of about `size` characters, for writing
 * as it is made: never the whole document in memory. (The text appended to one string is a rope
 * of every piece until it is written; a rope of a million pieces lived through every collection,
 * and flattening it took most of a second.)
 */
export function* dumpYamlChunks(value: Record<string, unknown>, size = 1 << 16): Generator<string> {
  let pieces: string[] = [];
  let length = 0;
  for (const piece of yamlPieces(value)) {
    pieces.push(piece);
    length += piece.length;
    if (length >= size) {
      yield pieces.join('');
      pieces = [];
      length = 0;
    }
  }
  if (length) yield pieces.join('');
}

/**
 * The same text as UTF-8, in chunks of at most `size` bytes (or one piece, where a piece is
 * longer), for a file.
 *
 * Why bytes: each piece is encoded into its chunk as it comes. Joining the pieces into a text of
 * 64 K characters and encoding that flattened every piece's rope and copied the text twice more:
 * at 100,000 people ~0.3 s of the import, against ~0.1 s for this (in-process, long-tail).
 */
export function* dumpYamlBytes(value: Record<string, unknown>, size = 1 << 18): Generator<Uint8Array> {
  let chunk = Buffer.allocUnsafe(size);
  let used = 0;
  for (const piece of yamlPieces(value)) {
    // A UTF-16 unit is at most 3 bytes of UTF-8 (a surrogate pair is 4 for 2).
    if (used + piece.length * 3 > size) {
      if (used) yield chunk.subarray(0, used);
      // A new chunk: the one yielded may still be read (nothing says it was written).
      chunk = Buffer.allocUnsafe(size);
      used = 0;
      if (piece.length * 3 > size) {
        yield Buffer.from(piece, 'utf8');
        continue;
      }
    }
    used += chunk.write(piece, used, 'utf8');
  }
  if (used) yield chunk.subarray(0, used);
}
