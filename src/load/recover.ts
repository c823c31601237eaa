// Error recovery: a file whose shape is wrong in one place still gives the rest of the org to check.
// The schema findings stand as reported; the data the model is built from leaves out what they point
// at — an unknown key, a value of the wrong kind — and, when that is not enough (a required key is
// missing), the whole entity. What was left out is remembered: the entity it was in is unreliable
// and the entities it referred to are its neighbours, so findings of the design rules about them
// are not reported (they would be guesses), and references to a dropped entity are not reported as
// unknown.
import type { Finding } from '../finding.js';
import type { Path, PathSegment } from './node-index.js';
import { referencesIn, refersTo, type EntityRef } from './references.js';
import type { CompiledSchema } from './schema-check.js';

export interface Recovered {
  /** A copy of the data with the broken parts left out; it matches the schema. */
  data: unknown;
  /** Entities that lost a part. */
  unreliable: EntityRef[];
  /** Entities the lost parts referred to (a manager, the duties of a role): what is said about them may count what was lost. */
  referenced: EntityRef[];
  /** Entities left out whole. */
  dropped: EntityRef[];
  /** Misspelled keys read as the key they are closest to: the path in the data, and the path in the text. */
  renamed: { path: Path; written: Path }[];
}

/** Sections the model needs whole (one per org): a mistake in them leaves the file unread, as before. */
const WHOLE = new Set(['orgc', 'org', 'competency_levels']);

export function recover(data: unknown, findings: readonly Finding[], compiled: CompiledSchema): Recovered | undefined {
  if (!isMap(data)) return undefined;
  const copy = structuredClone(data) as Record<string, unknown>;
  const unreliable: EntityRef[] = [];
  const referenced: EntityRef[] = [];
  const dropped: EntityRef[] = [];
  // A duty that lost a role's assignment is itself in doubt (who does it?); anything else referred to is a neighbour.
  const refs = (found: EntityRef[]) => {
    for (const e of found) (e.section === 'duties' ? unreliable : referenced).push(e);
  };
  const removals: Removal[] = [];
  for (const f of findings) {
    if (!('path' in f.at)) return undefined;
    const entity = entityOf(f.at.path);
    if (!entity) return undefined;
    unreliable.push(entity.ref);
    if (f.at.path.length <= entity.depth) {
      dropEntity(copy, entity, dropped, refs);
      // A declaration whose id is misspelled (`Sales-Rep`) is what references to the right id meant.
      if (f.fix) dropped.push({ section: entity.ref.section, id: f.fix.text });
    }
    // A misspelled key is read as the key it is closest to, for what it referred to (`reprots_to: boss`).
    else removals.push({ path: f.at.path, field: f.ruleId === 'unknown-key' && typeof f.data?.suggestion === 'string' ? f.data.suggestion : undefined });
  }
  const renamed = remove(copy, removals, refs);
  // What is left may still miss something required; then the entity goes, whole. A misspelled key
  // read as the one it is closest to goes first, if that is what does not fit.
  for (let round = 0; round < 3; round++) {
    if (compiled.validate(copy)) return { data: copy, unreliable, referenced, dropped, renamed };
    for (const e of compiled.validate.errors ?? []) {
      const path = pointerPath(e.instancePath);
      const guess = renamed.find((r) => startsWith(path, r.path));
      if (guess) {
        delete (nodeAt(copy, guess.path.slice(0, -1)) as Record<string, unknown> | undefined)?.[guess.path[guess.path.length - 1] as string];
        renamed.splice(renamed.indexOf(guess), 1);
        continue;
      }
      const entity = entityOf(path);
      if (!entity) return undefined;
      unreliable.push(entity.ref);
      dropEntity(copy, entity, dropped, refs);
    }
  }
  return undefined;
}

interface Removal {
  path: Path;
  /** The field the removed key stands for, when it is a misspelling of one. */
  field?: string;
}

interface Entity {
  ref: EntityRef;
  /** The path of the entity's declaration, and its length. */
  path: Path;
  depth: number;
}

/** The declaration a path lies in: `roles.<id>`, `process.<stage>` (steps go with their stage). */
function entityOf(path: Path): Entity | undefined {
  const [section, id] = path;
  if (typeof section !== 'string' || WHOLE.has(section) || typeof id !== 'string') return undefined;
  return { ref: { section, id }, path: [section, id], depth: 2 };
}

function dropEntity(data: Record<string, unknown>, entity: Entity, dropped: EntityRef[], refs: (found: EntityRef[]) => void): void {
  const section = data[entity.ref.section];
  if (!isMap(section) || !Object.hasOwn(section, entity.ref.id)) return;
  refs(referencesIn(section[entity.ref.id]));
  if (entity.ref.section === 'process') {
    const steps = (section[entity.ref.id] as { steps?: unknown } | null)?.steps;
    if (isMap(steps)) for (const step of Object.keys(steps)) dropped.push({ section: 'steps', id: step });
  }
  delete section[entity.ref.id];
  dropped.push(entity.ref);
}

/**
 * Leaves out the nodes at the paths, remembering what they referred to; list items last to first.
 * A misspelled key whose intended key is not written beside it is read as that key instead
 * (`reprots_to: nobody` is still checked as a reference, whichever way it was meant): the paths
 * of those are returned.
 */
function remove(data: Record<string, unknown>, removals: readonly Removal[], refs: (found: EntityRef[]) => void): { path: Path; written: Path }[] {
  const renamed: { path: Path; written: Path }[] = [];
  const items = new Map<unknown[], Set<number>>();
  for (const { path, field: meant } of removals) {
    const parent = nodeAt(data, path.slice(0, -1));
    const last = path[path.length - 1];
    const field = [...path.slice(0, -1)].reverse().find((s): s is string => typeof s === 'string');
    if (Array.isArray(parent) && typeof last === 'number') {
      refs(referencesIn(parent[last], field));
      let set = items.get(parent);
      if (!set) items.set(parent, (set = new Set()));
      set.add(last);
    } else if (isMap(parent) && typeof last === 'string' && Object.hasOwn(parent, last)) {
      // The key itself is an id when its map is one of references (`duties: { <duty>: R }`).
      refs((refersTo(field) ?? []).map((section) => ({ section, id: last })));
      refs(referencesIn(parent[last], meant ?? last));
      if (meant !== undefined && !Object.hasOwn(parent, meant)) {
        parent[meant] = parent[last];
        renamed.push({ path: [...path.slice(0, -1), meant], written: path });
      }
      delete parent[last];
    }
  }
  for (const [list, indexes] of items) for (const i of [...indexes].sort((a, b) => b - a)) list.splice(i, 1);
  return renamed;
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => String(s) === String(path[i]));
}

function nodeAt(data: unknown, path: readonly PathSegment[]): unknown {
  let node = data;
  for (const s of path) node = (node as Record<string | number, unknown> | null | undefined)?.[s];
  return node;
}

function pointerPath(pointer: string): Path {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
