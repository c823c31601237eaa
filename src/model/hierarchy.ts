// Cycles in the solid reporting lines. Each role has at most one manager, so the graph is a
// functional graph: walking up from every role once finds every cycle in linear time.
import type { Role, Source } from './building.js';

let revision = 0;

/** Roles moved in a model the language server keeps (model/incremental.ts): what was derived from its reporting lines is stale. */
export function linesMoved(): void {
  revision++;
}

/**
 * A number that changes whenever roles move in a kept model: a rule that keeps what it derived
 * from the reporting lines (layers, where carriers work) between checks of one model keeps it
 * only while the number is the one it was derived at.
 */
export function linesRevision(): number {
  return revision;
}

/**
 * Every cycle once, as the roles in reporting order starting from the role declared earliest, and
 * the cycles themselves in that order: the same report on every run.
 */
export function findCycles(roles: Map<string, Role>, rank: (src: Source) => [number, number]): Role[][] {
  const state = new Map<Role, 'walking' | 'done'>();
  const cycles: Role[][] = [];
  for (const start of roles.values()) {
    const path: Role[] = [];
    let r: Role | undefined = start;
    while (r && !state.has(r)) {
      state.set(r, 'walking');
      path.push(r);
      r = r.manager;
    }
    if (r && state.get(r) === 'walking') cycles.push(path.slice(path.indexOf(r)));
    for (const p of path) state.set(p, 'done');
  }
  const before = (a: Role, b: Role) => {
    const [fa, oa] = rank(a.src);
    const [fb, ob] = rank(b.src);
    return fa - fb || oa - ob;
  };
  return cycles
    .map((cycle) => {
      const first = cycle.reduce((best, r) => (before(r, best) < 0 ? r : best));
      const i = cycle.indexOf(first);
      return [...cycle.slice(i), ...cycle.slice(0, i)];
    })
    .sort((a, b) => before(a[0], b[0]));
}
