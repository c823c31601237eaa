// Where a role works, as planning reads it: its own scope, else its solid-line manager's, up the
// line. One implementation for the planning rules (src/check) and the cost of the design
// (cost.ts), which must agree on which seats a scoped target counts.
import type { Dimension, DimensionValue, Role, Target } from './types.js';

let scopes = new WeakMap<Role, Map<Dimension, ReadonlySet<DimensionValue> | undefined>>();

/** Forgets every effective scope: the language server moved roles in a model it keeps (model/incremental.ts). */
export function forgetScopes(): void {
  scopes = new WeakMap();
}

/**
 * The values of a dimension a role works in: its own scope, else its solid-line manager's, up the
 * line; undefined when nobody up the line restricts it (all values). An industry seller reporting
 * to the East China manager works in East China without repeating it.
 */
export function effectiveValues(role: Role, dimension: Dimension): ReadonlySet<DimensionValue> | undefined {
  // Most carriers restrict the dimension themselves: their own set, with nothing cached or walked
  // (a cache entry and a walk per role and dimension were most of quota-capacity's time at 10k).
  const own = role.scope.get(dimension);
  if (own) return own;
  if (!role.manager) return undefined;
  let byDimension = scopes.get(role);
  if (!byDimension) scopes.set(role, (byDimension = new Map()));
  if (byDimension.has(dimension)) return byDimension.get(dimension);
  const seen = new Set<Role>();
  let found: ReadonlySet<DimensionValue> | undefined;
  for (let r: Role | undefined = role; r && !seen.has(r); r = r.manager) {
    seen.add(r);
    found = r.scope.get(dimension);
    if (found) break;
  }
  byDimension.set(dimension, found);
  return found;
}

/** Whether a role works entirely inside a target's scope (every dimension the target restricts). */
export function withinScope(role: Role, target: Target): boolean {
  for (const [dimension, values] of target.scope) {
    const mine = effectiveValues(role, dimension);
    if (!mine) return false;
    for (const v of mine) if (!values.has(v)) return false;
  }
  return true;
}

/** Whether a role works in some part of a target's scope (on every dimension the target restricts). */
export function overlapsScope(role: Role, target: Target): boolean {
  for (const [dimension, values] of target.scope) {
    const mine = effectiveValues(role, dimension);
    if (mine && ![...mine].some((v) => values.has(v))) return false;
  }
  return true;
}
