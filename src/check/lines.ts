// Questions of planning rules about reporting lines and where a role works, answered one way:
// the management line of a role (solid and dotted, all the way up) and its effective scope (a
// role that leaves a dimension out works where its manager does). Each is cached per model.
import { effectiveValues } from '../model/scope.js';
import type { Dimension, DimensionValue, OrgModel, Role } from '../model/types.js';

let lines = new WeakMap<Role, ReadonlySet<Role>>();

/** Every role above `role` on solid or dotted lines, transitively (cycles are broken by the model). */
export function managementLine(role: Role): ReadonlySet<Role> {
  let line = lines.get(role);
  if (line) return line;
  const out = new Set<Role>();
  const queue: Role[] = [...(role.manager ? [role.manager] : []), ...role.dottedManagers];
  while (queue.length) {
    const next = queue.pop()!;
    if (out.has(next) || next === role) continue;
    out.add(next);
    if (next.manager) queue.push(next.manager);
    queue.push(...next.dottedManagers);
  }
  line = out;
  lines.set(role, line);
  return line;
}

/** Whether `boss` is `role` itself or in its management line. */
export function inLineOf(role: Role, boss: Role): boolean {
  return role === boss || managementLine(role).has(boss);
}

let teams = new WeakMap<Role, ReadonlySet<Role>>();

/** Forgets every management line and team: the language server moved roles in a model it keeps (model/incremental.ts). */
export function forgetLines(): void {
  lines = new WeakMap();
  teams = new WeakMap();
}

/** The role and everyone below it on solid or dotted lines, at any depth. */
export function teamOf(owner: Role): ReadonlySet<Role> {
  let team = teams.get(owner);
  if (team) return team;
  const out = new Set<Role>([owner]);
  const queue: Role[] = [owner];
  while (queue.length) {
    const next = queue.pop()!;
    for (const r of next.reports) if (!out.has(r)) out.add(r), queue.push(r);
    for (const r of next.dottedReports) if (!out.has(r)) out.add(r), queue.push(r);
  }
  team = out;
  teams.set(owner, team);
  return team;
}

/**
 * Whether someone in `owner`'s team (itself included) passes `test`: the team walked only until
 * someone does, and no set of it kept. A sales director's team is the whole org: asked for each
 * of the 200 targets of a 10,000-role org, whole teams cost target-ownership most of its time.
 */
export function someInTeam(owner: Role, test: (r: Role) => boolean): boolean {
  const team = teams.get(owner);
  if (team) {
    for (const r of team) if (test(r)) return true;
    return false;
  }
  if (test(owner)) return true;
  const seen = new Set<Role>([owner]);
  const queue: Role[] = [owner];
  while (queue.length) {
    const next = queue.pop()!;
    for (const list of [next.reports, next.dottedReports]) {
      for (const r of list) {
        if (seen.has(r)) continue;
        if (test(r)) return true;
        seen.add(r);
        queue.push(r);
      }
    }
  }
  return false;
}

// Where a role works lives in the model layer, shared with the cost of the design.
export { effectiveValues } from '../model/scope.js';

/** Whether a role works at a value of a dimension (it does when it is not restricted on it). */
export function worksAt(role: Role, value: DimensionValue): boolean {
  const values = effectiveValues(role, value.dimension);
  return !values || values.has(value);
}

/** Every combination of one value from each dimension, in declaration order; none past `limit`. */
export function cellsOf(dimensions: readonly Dimension[], limit = 10_000): DimensionValue[][] {
  let cells: DimensionValue[][] = [[]];
  for (const dimension of dimensions) {
    const next: DimensionValue[][] = [];
    for (const cell of cells) for (const value of dimension.values.values()) next.push([...cell, value]);
    if (next.length > limit) return [];
    cells = next;
  }
  return cells;
}

/** A cell as people read it: `region east, channel field`. */
export function cellLabel(cell: readonly DimensionValue[]): string {
  return cell.map((v) => `${v.dimension.id} ${v.id}`).join(', ');
}

/** Roles of the model that carry a quota. */
export function quotaRoles(model: OrgModel): Role[] {
  return [...model.roles.values()].filter((r) => r.quota);
}
