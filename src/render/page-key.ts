// The key of a page: a hash of everything its template is given. Two renders that hand a template
// the same data get the same page (templates are pure: templates.ts), so a sink that still holds
// the page made from a key (PageSink.reuse) lets the renderer skip the template, and the writing.
// What else a page depends on — the templates themselves, orgc's code, the options — is the
// caller's to fold into its own check (the CLI keeps a salt of them in the manifest).
import { createHash } from 'node:crypto';
import { SLICE } from '../core/long-text.js';
import { sha256 } from './sha256.js';

/**
 * `parts` are JSON-serialisable views (no Map, Set or function: the views are plain data, and
 * Handlebars reads nothing else). A key of its own for what many pages share (`shared`) saves
 * serialising it once a page.
 */
export function pageKey(page: string, shared: string, ...parts: unknown[]): string {
  // One string, hashed at once: the same bytes as updating a hash part by part, at a fraction of
  // the cost (sha256.ts).
  let text = `${page}\0${shared}`;
  for (const part of parts) text += `\0${JSON.stringify(part) ?? 'undefined'}`;
  return sha256(text);
}

/**
 * pageKey of a page made from a large view (the RACI, the index of a 100k-role org): the same
 * key, from the JSON made and hashed a piece at a time. As one string, the RACI's JSON was 88 MB
 * at 100k roles, two bytes a character, made in a heap that held the model: 3–4 s of
 * stringifying and collecting, and as much again to hash it.
 */
export function largePageKey(page: string, shared: string, ...parts: unknown[]): string {
  const hash = createHash('sha256');
  let pending = `${page}\0${shared}`;
  const add = (text: string) => {
    pending += text;
    if (pending.length >= SLICE) {
      hash.update(pending);
      pending = '';
    }
  };
  for (const part of parts) {
    add('\0');
    if (part === undefined || typeof part === 'function' || typeof part === 'symbol') add('undefined');
    else json(part, add, SPLIT_DEPTH);
  }
  hash.update(pending);
  return hash.digest('base64url');
}

/** How deep largePageKey takes a view apart: page data → view → its lists → their entries, each stringified whole. */
const SPLIT_DEPTH = 3;

/** JSON.stringify(value) handed to `add` in pieces, arrays and objects taken apart `depth` levels deep. */
function json(value: unknown, add: (text: string) => void, depth: number): void {
  if (depth === 0 || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    // What JSON.stringify leaves out of an object and writes as null in an array; callers skip
    // the former.
    add(JSON.stringify(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    add('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) add(',');
      json(value[i], add, depth - 1);
    }
    add(']');
    return;
  }
  add('{');
  let first = true;
  for (const [name, member] of Object.entries(value)) {
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    add(first ? `${JSON.stringify(name)}:` : `,${JSON.stringify(name)}:`);
    first = false;
    json(member, add, depth - 1);
  }
  add('}');
}

/** The key of data many pages share, to pass to pageKey. */
export function sharedKey(...parts: unknown[]): string {
  return pageKey('', '', ...parts);
}
