// The model stage run again after an edit, for the language server. Most edits of an org's
// structure move roles: a `reports_to` or `dotted_line_to` changed. Those are read again into the
// model of the last check, in place, instead of building 10,000 roles anew: the roles' reporting
// lines and everyone's reports are derived again, the unknown references among them reported, and
// the doubt they cast worked out again from all unknown references. An edit that changes nothing
// the model holds (a comment, spacing) keeps the model as it is. Every other edit, and every org
// where a patch could differ from a build (a reporting cycle, an id declared twice, a file the load
// stage repaired), builds the model from the start. test/lsp/incremental.test.ts compares the
// outcome with a build from the start over random edits.
import type { Finding } from '../finding.js';
import type { LoadedFile } from '../load/loaded.js';
import { addDoubt, buildModel, relinkModel, widenDoubt, type Built, type Doubt } from './build.js';
import { Unreliable } from './follow-ons.js';
import { forgetScopes } from './scope.js';
// The model as the builder holds it (writable): this module patches it.
import type { OrgModel, Role } from './building.js';

/** Role fields a patch reads again; any other change builds the model from the start. */
const LINES = ['reports_to', 'dotted_line_to'] as const;

/** Findings of the model stage that only a build from the start places the same way every time. */
const WHOLE = new Set(['reporting-cycle', 'duplicate-id', 'parent-cycle']);

export class ModelCache {
  private last?: { files: LoadedFile[]; model: OrgModel; findings: Finding[]; doubts: Doubt[] };
  /** How the last model came about: tests read it, the caller forgets what it derived from the model when `patched`. */
  how: 'built' | 'patched' | 'kept' = 'built';
  /**
   * Whether the roles that moved (and all below them) work where they did: every role's effective
   * scope (model/scope.ts) is as before. Rules that read the reporting lines only through it need
   * not run again (check/incremental.ts).
   */
  scopesKept = false;

  /** The model of `files`, as `buildModel(files)` gives it. The files' data is only read. */
  build(files: readonly LoadedFile[]): Built {
    const last = this.last;
    const moved = last && movedRoles(last.files, files);
    if (last && moved) {
      const before = subtrees(last.model, moved);
      const scopes = new Map([...before].map((r) => [r, effectiveScope(r, last.model)]));
      const patch = moved.length === 0 ? { findings: [], doubts: [] } : relinkModel(files, last.model, moved);
      if (patch) {
        // The same roles are below the moved ones as before (only their own managers changed), unless one moved below another.
        const after = subtrees(last.model, moved);
        this.scopesKept = after.size === before.size && [...after].every((r) => before.has(r) && sameScope(effectiveScope(r, last.model), scopes.get(r)!));
        const ids = new Set(moved);
        const mine = (src: { file: string; path: readonly unknown[] }, field: unknown) => src.path[0] === 'roles' && ids.has(String(src.path[1])) && (LINES as readonly unknown[]).includes(field);
        const findings = [...last.findings.filter((f) => !('path' in f.at && mine(f.at, f.at.path[2]))), ...patch.findings];
        const doubts = [...last.doubts.filter((d) => !mine(d.src, d.field)), ...patch.doubts];
        this.last = { files: snapshot(files), model: last.model, findings, doubts };
        this.how = moved.length === 0 ? 'kept' : 'patched';
        // A role's effective scope goes up its reporting line: worked out again when asked.
        if (moved.length > 0) forgetScopes();
        return { model: last.model, findings: findings.map((f) => ({ ...f })), unreliable: unreliableOf(last.model, doubts), doubts };
      }
    }
    const built = buildModel(files);
    this.how = 'built';
    this.scopesKept = false;
    const usable = built.model && !built.findings.some((f) => WHOLE.has(f.ruleId)) && files.every((f) => f.data && !f.recovered);
    this.last = usable ? { files: snapshot(files), model: built.model!, findings: built.findings.map((f) => ({ ...f })), doubts: built.doubts } : undefined;
    return built;
  }
}

/** The moved roles and every role below them on solid lines. */
function subtrees(model: OrgModel, ids: readonly string[]): Set<Role> {
  const inside = new Set<Role>();
  const queue = ids.map((id) => model.roles.get(id)).filter((r): r is Role => r !== undefined);
  while (queue.length) {
    const r = queue.pop()!;
    if (inside.has(r)) continue;
    inside.add(r);
    queue.push(...r.reports);
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
function snapshot(files: readonly LoadedFile[]): LoadedFile[] {
  return files.map((f) => ({ ...f }));
}

/**
 * The roles whose reporting lines changed between two versions of an org, when nothing else the
 * model holds did; undefined otherwise. Files not loaded again keep their data object (or its
 * sections): those are skipped without a look.
 */
function movedRoles(before: readonly LoadedFile[], after: readonly LoadedFile[]): string[] | undefined {
  if (before.length !== after.length) return undefined;
  const moved: string[] = [];
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
      if (section !== 'roles') {
        if (JSON.stringify(s) !== JSON.stringify(t)) return undefined;
        continue;
      }
      const [r, q] = [s as Record<string, Record<string, unknown>>, t as Record<string, Record<string, unknown>>];
      const ids = Object.keys(r);
      if (!sameList(ids, Object.keys(q))) return undefined;
      for (const id of ids) {
        const [e, f] = [r[id], q[id]];
        if (e === f || JSON.stringify(e) === JSON.stringify(f)) continue;
        const keys = Object.keys(e);
        // Keys in another order, or another key than a reporting line: a build from the start.
        let lines = false;
        for (const key of new Set([...keys, ...Object.keys(f)])) {
          if (JSON.stringify(e[key]) === JSON.stringify(f[key])) continue;
          if (!(LINES as readonly string[]).includes(key)) return undefined;
          lines = true;
        }
        if (!sameList(keys.filter((k) => !(LINES as readonly string[]).includes(k)), Object.keys(f).filter((k) => !(LINES as readonly string[]).includes(k)))) return undefined;
        if (lines) moved.push(id);
      }
    }
  }
  return moved;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
