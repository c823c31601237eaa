// Questions many rules and renderers ask of the model, answered one way.
import { RACI_LETTERS, type RaciLetter } from '../schema/grammar.js';
import type { Assignment, Dimension, DimensionValue, Duty, Role, Scope } from './types.js';

/** A set of RACI letters in the order R, A, C, I: how every report and document writes them. */
export function raciLetters(letters: ReadonlySet<string>): RaciLetter[] {
  return RACI_LETTERS.filter((l) => letters.has(l));
}

/** Roles Responsible for a duty, in role order. */
export function responsibleRoles(duty: Duty): readonly Role[] {
  return duty.responsible;
}

/** Whether an assignment is work: Responsible or Accountable, not only Consulted or Informed. */
export function isWork(a: Assignment): boolean {
  return a.letters.has('R') || a.letters.has('A');
}

/** Whether a role does work: it is Responsible or Accountable for some duty. */
export function doesWork(role: Role): boolean {
  return role.duties.some(isWork);
}

/** Whether a role is a manager: someone reports to it on a solid line. */
export function isManager(role: Role): boolean {
  return role.reports.length > 0;
}

/** The values a scope covers on a dimension: all of them when the scope does not restrict it. */
export function valuesOn(scope: Scope, dimension: Dimension): ReadonlySet<DimensionValue> {
  return scope.get(dimension) ?? new Set(dimension.values.values());
}

/** Whether two scopes share at least one value on every dimension either restricts. */
export function scopesOverlap(a: Scope, b: Scope): boolean {
  for (const [dimension, values] of a) {
    const other = b.get(dimension);
    if (other && !intersects(values, other)) return false;
  }
  return true;
}

function intersects<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) return true;
  return false;
}

/** Layer of each role: the top role is layer 1. The model has no reporting cycles. */
export function layers(roles: Iterable<Role>): Map<Role, number> {
  const out = new Map<Role, number>();
  const layerOf = (role: Role): number => {
    const known = out.get(role);
    if (known !== undefined) return known;
    // Most roles come after their manager (or have none): one step, no chain to keep.
    const manager = role.manager;
    const above = manager ? out.get(manager) : 0;
    if (above !== undefined) {
      out.set(role, above + 1);
      return above + 1;
    }
    // Walk up iteratively: a deep chain must not overflow the stack.
    const chain: Role[] = [];
    let r: Role | undefined = role;
    while (r && !out.has(r)) {
      chain.push(r);
      r = r.manager;
    }
    let layer = r ? out.get(r)! : 0;
    for (let i = chain.length - 1; i >= 0; i--) out.set(chain[i], ++layer);
    return out.get(role)!;
  };
  for (const role of roles) layerOf(role);
  return out;
}
