// The model stage run again after an edit, for the language server. Most edits of an org change
// one thing of one role or duty: a role moved (`reports_to`, `dotted_line_to`), a headcount, a
// quota, a level, a title, RACI letters, a duty's effort. Those are read again into the model of
// the last check, in place, instead of building 10,000 roles anew. A move derives the roles'
// reporting lines and everyone's reports again, reports the unknown references among them, and
// works out again the doubt they cast from all unknown references; a field that refers to nothing
// is simply read again (model/build.ts `refresh`), and RACI letters re-derive their duties'
// Responsible and Accountable roles. An edit that changes nothing the model holds (a comment,
// spacing) keeps the model as it is. Every other edit (an id added or removed, a reference other
// than a reporting line, a section other than roles and duties), and every org where a patch could
// differ from a build (a reporting cycle, an id declared twice, a file the load stage repaired),
// builds the model from the start. test/lsp/incremental.test.ts compares the outcome with a build
// from the start over random edits.
import { pushAll } from '../core/arrays.js';
import type { Finding } from '../finding.js';
import { isMap, sameData, sameList } from '../core/same-data.js';
import { fileData, type FileData, type LoadedFile } from '../load/loaded.js';
import { addDoubt, buildModel, refreshModel, relinkModel, widenDoubt, type Built, type Doubt } from './build.js';
import { Unreliable } from './follow-ons.js';
import { linesMoved } from './hierarchy.js';
import { forgetScopes } from './scope.js';
// The model as the builder holds it (writable): this module patches it.
import type { OrgModel, Role } from './building.js';

/** Role fields a move reads again. */
const LINES = ['reports_to', 'dotted_line_to'] as const;

/** Findings of the model stage that only a build from the start places the same way every time. */
const WHOLE = new Set(['reporting-cycle', 'duplicate-id', 'parent-cycle']);

export class ModelCache {
  private last?: { files: FileData[]; model: OrgModel; findings: Finding[]; doubts: Doubt[] };
  /** How the last model came about: tests read it, the caller forgets what it derived from the model when `patched`. */
  how: 'built' | 'patched' | 'kept' = 'built';
  /**
   * Whether the roles that moved (and all below them) work where they did: every role's effective
   * scope (model/scope.ts) is as before. Rules that read the reporting lines only through it need
   * not run again (check/incremental.ts).
   */
  scopesKept = false;
  /** Whether the last patch moved roles: management lines and teams worked out before are stale (check/lines.ts). */
  linesMoved = false;
  /** What the last build changed in the model it kept (`change`). */
  private patched?: Patch;

  /** The model of `files`, as `buildModel(files)` gives it. The files' data is only read. */
  build(files: readonly LoadedFile[]): Built {
    const last = this.last;
    const patch = last && patchOf(last.files, files, last.findings.some((f) => f.ruleId === 'unknown-reference'));
    if (last && patch) {
      const { moved } = patch;
      const before = subtrees(last.model, moved);
      const scopes = new Map([...before].map((r) => [r, effectiveScope(r, last.model)]));
      // Own fields first: the lines' unknown references are answered with the titles as they are now.
      refreshModel(files, last.model, patch);
      const lines = moved.length === 0 ? { findings: [], doubts: [] } : relinkModel(files, last.model, moved);
      if (lines) {
        // The same roles are below the moved ones as before (only their own managers changed), unless one moved below another.
        const after = subtrees(last.model, moved);
        this.scopesKept = after.size === before.size && [...after].every((r) => before.has(r) && sameScope(effectiveScope(r, last.model), scopes.get(r)!));
        const ids = new Set(moved);
        const mine = (src: { file: string; path: readonly unknown[] }, field: unknown) => src.path[0] === 'roles' && ids.has(String(src.path[1])) && (LINES as readonly unknown[]).includes(field);
        const findings = [...last.findings.filter((f) => !('path' in f.at && mine(f.at, f.at.path[2]))), ...lines.findings];
        const doubts = [...last.doubts.filter((d) => !mine(d.src, d.field)), ...lines.doubts];
        this.last = { files: snapshot(files), model: last.model, findings, doubts };
        this.how = moved.length + patch.roles.length + patch.duties.length + patch.letters.size === 0 ? 'kept' : 'patched';
        this.linesMoved = moved.length > 0;
        this.patched = patch;
        // A role's effective scope goes up its reporting line: worked out again when asked.
        if (moved.length > 0) forgetScopes(), linesMoved();
        return { model: last.model, findings: findings.map((f) => ({ ...f })), unreliable: unreliableOf(last.model, doubts), doubts };
      }
    }
    const built = buildModel(files);
    this.how = 'built';
    this.scopesKept = false;
    this.linesMoved = false;
    this.patched = undefined;
    const usable = built.model && !built.findings.some((f) => WHOLE.has(f.ruleId)) && files.every((f) => f.data && !f.recovered);
    this.last = usable ? { files: snapshot(files), model: built.model!, findings: built.findings.map((f) => ({ ...f })), doubts: built.doubts } : undefined;
    return built;
  }

  /**
   * What the last build changed, for what was derived from the model before it: nothing, only the
   * own fields of some roles (a title, a headcount, a purpose: model/build.ts `refresh`), or more.
   */
  change(): ModelChange {
    if (this.how === 'kept') return { kind: 'kept' };
    const p = this.patched;
    if (this.how === 'patched' && p && p.moved.length + p.duties.length + p.letters.size === 0) return { kind: 'roles', ids: p.roles };
    return { kind: 'other' };
  }
}

/** What a build changed in the model of the build before it (ModelCache.change). */
export type ModelChange =
  /** Nothing the model holds (a comment, spacing): the same model. */
  | { kind: 'kept' }
  /** The same model, with only these roles' own fields read again. */
  | { kind: 'roles'; ids: readonly string[] }
  /** A model built anew, or a patch that reaches beyond the roles it read again. */
  | { kind: 'other' };

/** The moved roles and every role below them on solid lines. */
function subtrees(model: OrgModel, ids: readonly string[]): Set<Role> {
  const inside = new Set<Role>();
  const queue = ids.map((id) => model.roles.get(id)).filter((r): r is Role => r !== undefined);
  while (queue.length) {
    const r = queue.pop()!;
    if (inside.has(r)) continue;
    inside.add(r);
    pushAll(queue, r.reports);
  }
  return inside;
}

/** A role's effective scope on every dimension, worked out here (not from the cache of model/scope.ts, which may be stale). */
function effectiveScope(role: Role, model: OrgModel): Array<ReadonlySet<unknown> | undefined> {
  return [...model.dimensions.values()].map((d) => {
    const seen = new Set<Role>();
    for (let r: Role | undefined = role; r && !seen.has(r); r = r.manager) {
      seen.add(r);
      const found = r.scope.get(d);
      if (found) return found;
    }
    return undefined;
  });
}

function sameScope(a: ReadonlyArray<ReadonlySet<unknown> | undefined>, b: ReadonlyArray<ReadonlySet<unknown> | undefined>): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i] || (x !== undefined && b[i] !== undefined && x.size === b[i]!.size && [...x].every((v) => b[i]!.has(v))));
}

/** The doubt that unknown references cast, worked out as a build does. */
function unreliableOf(model: OrgModel, doubts: readonly Doubt[]): Unreliable {
  const unreliable = new Unreliable();
  for (const d of doubts) addDoubt(unreliable, d);
  widenDoubt(model, unreliable);
  return unreliable;
}

/** The files' data as they are now (each file's object: its sections are shared, never written). */
function snapshot(files: readonly LoadedFile[]): FileData[] {
  return files.map(fileData);
}

/** What an edit changed that the model can take in place: roles moved, roles' and duties' own fields, RACI letters. */
interface Patch {
  moved: string[];
  roles: string[];
  duties: string[];
  /** Roles whose RACI letters changed, each with the duties whose letters did. */
  letters: Map<string, string[]>;
}

/**
 * What changed between two versions of an org, when all of it can be patched into the model;
 * undefined otherwise. Files not loaded again keep their data object (or its sections): those are
 * skipped without a look. A title or a duty's name is patched only while no reference is unknown:
 * an unknown reference is answered with the entity of that name (model/build.ts `ref`).
 */
function patchOf(before: readonly FileData[], after: readonly FileData[], namesRead: boolean): Patch | undefined {
  if (before.length !== after.length) return undefined;
  const patch: Patch = { moved: [], roles: [], duties: [], letters: new Map() };
  for (let i = 0; i < after.length; i++) {
    const [a, b] = [before[i], after[i]];
    if (a.path !== b.path || !a.data || !b.data || a.recovered || b.recovered) return undefined;
    if (a.data === b.data) continue;
    const x = a.data as Record<string, unknown>;
    const y = b.data as Record<string, unknown>;
    if (!sameList(Object.keys(x), Object.keys(y))) return undefined;
    for (const section of Object.keys(x)) {
      const [s, t] = [x[section], y[section]];
      if (s === t) continue;
      if (section !== 'roles' && section !== 'duties') {
        if (!sameData(s, t)) return undefined;
        continue;
      }
      const [r, q] = [s as Record<string, Record<string, unknown>>, t as Record<string, Record<string, unknown>>];
      const ids = Object.keys(r);
      if (!sameList(ids, Object.keys(q))) return undefined;
      for (const id of ids) {
        const [e, f] = [r[id], q[id]];
        if (e === f || sameData(e, f)) continue;
        const changed = new Set<string>();
        for (const key of new Set([...Object.keys(e), ...Object.keys(f)])) if (!sameData(e[key], f[key])) changed.add(key);
        // The fields left as they were, in another order: a build from the start.
        const kept = (o: Record<string, unknown>) => Object.keys(o).filter((k) => !changed.has(k));
        if (!sameList(kept(e), kept(f))) return undefined;
        if (section === 'duties') {
          if (![...changed].every((k) => DUTY_OWN.has(k) && (k !== 'name' || !namesRead))) return undefined;
          patch.duties.push(id);
          continue;
        }
        let own = false;
        for (const key of changed) {
          if ((LINES as readonly string[]).includes(key)) continue;
          if (key === 'duties') {
            const letters = changedLetters(e.duties, f.duties);
            if (!letters) return undefined;
            patch.letters.set(id, letters);
          } else if (ROLE_OWN.has(key) || (key === 'title' && !namesRead) || (key === 'requires' && sameCompetencies(e.requires, f.requires))) {
            own = true;
          } else {
            return undefined;
          }
        }
        if (LINES.some((k) => changed.has(k))) patch.moved.push(id);
        if (own) patch.roles.push(id);
      }
    }
  }
  return patch;
}

/** Role fields read into the role alone, referring to nothing (ModelBuilder.refresh); `title` and `requires` are placed apart. */
const ROLE_OWN = new Set(['purpose', 'notes', 'level', 'headcount', 'vacancies', 'quota', 'department', 'location', 'employment_type', 'authority', 'relationships']);
/** Duty fields read into the duty alone; `name` only while no reference is unknown. */
const DUTY_OWN = new Set(['name', 'description', 'notes', 'area', 'effort', 'activity']);

/** The duties whose letters differ between two `duties:` maps of a role with the same duties in the same order; undefined otherwise. */
function changedLetters(a: unknown, b: unknown): string[] | undefined {
  if (!isMap(a) || !isMap(b)) return undefined;
  const ids = Object.keys(a);
  if (!sameList(ids, Object.keys(b))) return undefined;
  return ids.filter((id) => !sameData(a[id], b[id]));
}

/** Whether two `requires:` have the same competencies (references, which only a build resolves). */
function sameCompetencies(a: unknown, b: unknown): boolean {
  const of = (x: unknown) => (isMap(x) ? x.competencies : undefined);
  return sameData(of(a), of(b));
}
