// JSON Merge Patch (RFC 7396), the semantics of a scenario's `change:` entries: a map in the
// patch merges into the map it lands on, key by key; `null` removes a key; anything else — a
// text, a number, a list — replaces what was there. It is the patch format people already meet in
// Kubernetes and HTTP APIs, and it reads as the part of the entity that is different.
import type { Path } from './node-index.js';

type Json = unknown;

const isMap = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `target` with `patch` applied. Neither argument is changed; unchanged parts are shared. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isMap(patch)) return patch;
  const out: Record<string, Json> = isMap(target) ? { ...target } : {};
  for (const key of Object.keys(patch)) {
    const value = patch[key];
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

/**
 * Whether the patch writes the value at `path` (relative to the patched entity): every step is a
 * key the patch sets (not to `null`), or an index into a list the patch sets whole.
 */
export function patchWrites(patch: Json, path: Path): boolean {
  if (path.length === 0) return false;
  let node = patch;
  for (const step of path) {
    if (Array.isArray(node)) {
      if (typeof step !== 'number' || step >= node.length) return false;
      node = node[step];
    } else if (isMap(node)) {
      if (typeof step !== 'string' || !(step in node) || node[step] === null) return false;
      node = node[step];
    } else {
      // A text or number the patch sets whole: what lies below it is the patch's too.
      return true;
    }
  }
  return true;
}
