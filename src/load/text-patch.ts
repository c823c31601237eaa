// A new version of a file read from the one before, for a process that reads the same org again
// after each edit (`orgc render --watch`): when the edit lies within whole entries of one section
// (a role's title, a duty's effort: the lines of `roles:` or `duties:` from one entry's key to the
// next's), only those entries are parsed and checked against the schema again, and every other
// entry — every other section — is the earlier version's object. At 100k roles a parse of the
// 75 MB file is 3.5–5 s; an edit of one role is parsed in microseconds, and the model stage finds
// the entries it compares (model/incremental.ts) to be the very same objects.
//
// Anything else is left to a full load, which says what is wrong where: an edit outside an entry
// (a section's header, a top-level key, a comment between sections), entries added, removed or
// reordered, text the fast parser does not read (anchors, block scalars, flows over several
// lines…: load/fast-yaml.ts), or an entry the schema refuses. Only for a file the fast parser read
// whole (reload.ts): there an entry read alone means what it means in the file.
// test/load/text-patch.test.ts holds the result to a full load's over random edits.
import { isMap, sameList } from '../core/same-data.js';
import { fastParse } from './fast-yaml.js';
import { checkSchema } from './schema-check.js';

/** The earlier version of a file: its text, and the data a load made of it. */
export interface Version {
  text: string;
  data: Record<string, unknown>;
}

/** Characters compared at once while looking for the first and last difference. */
const CHUNK = 4096;

/**
 * The data of `text` made from `before` where only entries changed, sharing the rest; undefined
 * when a full load must say.
 */
export function patchData(file: string, before: Version, text: string): Record<string, unknown> | undefined {
  const old = before.text;
  if (text === old) return before.data;
  const start = commonPrefix(old, text);
  const tail = commonSuffix(old, text, start);
  // The lines around the change, out to the entries' keys (two spaces in, then a key) or a section.
  // (From the character before the change: text put at a line's start may belong to the entry above.)
  const from = entryStart(old, Math.max(0, start - 1));
  // An entry's key two spaces in, in the new text too: the slice is parsed alone, where a key three
  // spaces in would be as good as two.
  if (from === undefined || !ENTRY.test(text.slice(from, from + 3))) return undefined;
  // The same boundary in both texts: the text after it is common, and it must begin a line in the
  // new text too (one space put before an entry's key is part of the edit, not of the next entry).
  let oldEnd = entryEnd(old, old.length - tail);
  let newEnd = oldEnd + text.length - old.length;
  while (newEnd > 0 && newEnd < text.length && text[newEnd - 1] !== '\n') {
    oldEnd = entryEnd(old, oldEnd + 1);
    newEnd = oldEnd + text.length - old.length;
  }
  const header = sectionHeader(old, from);
  if (header === undefined) return undefined;
  const section = before.data[header];
  if (!isMap(section)) return undefined;
  // The entries as they were and as they are, each parsed under its section's key alone.
  const was = entries(header, old.slice(from, oldEnd));
  const now = entries(header, text.slice(from, newEnd));
  if (!was || !now) return undefined;
  const ids = Object.keys(now);
  if (ids.length === 0 || !sameList(Object.keys(was), ids) || !ids.every((id) => Object.prototype.hasOwnProperty.call(section, id))) return undefined;
  // The edited entries against the schema, in a document of their own (a file declares `orgc`).
  if (checkSchema(file, { orgc: before.data.orgc, [header]: now }).length > 0) return undefined;
  const patched: Record<string, unknown> = {};
  for (const id of Object.keys(section)) patched[id] = Object.prototype.hasOwnProperty.call(now, id) ? now[id] : section[id];
  return { ...before.data, [header]: patched };
}

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= max && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Characters the two texts end with alike, not reaching back into the common prefix of either. */
function commonSuffix(a: string, b: string, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let n = 0;
  while (n + CHUNK <= max && a.slice(a.length - n - CHUNK, a.length - n) === b.slice(b.length - n - CHUNK, b.length - n)) n += CHUNK;
  while (n < max && a.charCodeAt(a.length - n - 1) === b.charCodeAt(b.length - n - 1)) n++;
  return n;
}

/** An entry's first line: two spaces, then a key (not a comment, a list item or a flow's bracket). */
const ENTRY = /^ {2}[^\s#\-{}[\]]/;
/** A line that belongs to no entry: a section's header, a top-level key or comment. */
const TOP = /^[^\s]/;

/** Where the line holding `at` begins. */
const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;

/** The start of the entry holding `at`: the nearest entry line at or above it; undefined when a top-level line comes first. */
function entryStart(text: string, at: number): number | undefined {
  for (let line = lineStart(text, at); ; line = lineStart(text, line - 1)) {
    const head = text.slice(line, line + 3);
    if (ENTRY.test(head)) return line;
    if (TOP.test(head) || line === 0) return undefined;
  }
}

/** The end of the entry holding the character before `at`: the next entry's or section's line, or the end. */
function entryEnd(text: string, at: number): number {
  // From the line after the one the change ends in (a change that ends at a line's end ends there).
  let line = at > 0 && text[at - 1] === '\n' ? at : text.indexOf('\n', at) + 1;
  if (line === 0) return text.length;
  for (; line < text.length; line = text.indexOf('\n', line) + 1 || text.length) {
    const head = text.slice(line, line + 3);
    if (ENTRY.test(head) || TOP.test(head)) return line;
  }
  return text.length;
}

/** The section above `at`: its header line must be `name:` alone (a comment after it allowed). */
function sectionHeader(text: string, at: number): string | undefined {
  for (let line = lineStart(text, at); line > 0; ) {
    line = lineStart(text, line - 1);
    const c = text.charCodeAt(line);
    // Indented, blank, or a comment: inside the section still.
    if (c === 32 || c === 10 || c === 35) continue;
    const end = text.indexOf('\n', line);
    return /^([a-z_]+):[ \t]*(#.*)?$/.exec(text.slice(line, end < 0 ? text.length : end))?.[1];
  }
  return undefined;
}

/** The entries of a slice of a section, parsed under its header alone, by the fast parser only. */
function entries(header: string, slice: string): Record<string, unknown> | undefined {
  const parsed = fastParse(`${header}:\n${slice}`);
  if (!parsed || !isMap(parsed.data)) return undefined;
  const body = parsed.data[header];
  return Object.keys(parsed.data).length === 1 && isMap(body) ? body : undefined;
}

