// No redundancy (不重复设岗): two roles doing the same work for the same scope. Roles split by
// region, tier or product with disjoint scopes are a legitimate split, not redundancy.
//
// Comparing every pair of roles would be quadratic. This is a similarity join with a prefix
// filter: order duties rarest first; two sets with Jaccard similarity ≥ t must share one of the
// first |s| − ⌈t·|s|⌉ + 1 duties of each, so only roles sharing such a duty are compared. Within
// those, roles are bucketed by scope cell: roles that pin each of the org's usual cut dimensions to
// a single value can only overlap roles in the same cell (or roles without one), so a territory
// split into thousands of disjoint roles is never compared pairwise.
import { scopesOverlap } from '../../model/queries.js';
import type { Dimension, Duty, Role } from '../../model/types.js';
import { defineRule } from '../rule.js';
import { keyOf } from '../where.js';

export default defineRule<{ threshold: number }>({
  meta: {
    id: 'redundant-roles',
    description: { en: 'Two roles that do largely the same duties for overlapping scopes.', 'zh-CN': '在重叠的范围内承担基本相同职责的两个岗位。' },
    severity: 'warning',
    recommended: true,
    options: {
      threshold: {
        description: 'Share of Responsible duties two roles must have in common (Jaccard similarity, 0–1) to count as doing the same work.',
        default: 0.8,
        schema: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
      },
    },
    messages: {
      redundant: { en: 'role `{role}` does the same work as `{other}` ({percent}% of Responsible duties shared) for an overlapping scope: merge them, or split their scopes', 'zh-CN': '岗位 `{role}` 与 `{other}` 在重叠的范围内做相同的工作（{percent}% 的执行职责相同）：请合并，或划分不重叠的范围' },
      other: { en: '`{other}` is declared here', 'zh-CN': '`{other}` 声明于此' },
    },
  },
  check({ model, options, report }) {
    const t = options.threshold;
    const dutyOrder = new Map([...model.duties.values()].map((d, i) => [d, i]));
    const roleOrder = new Map([...model.roles.values()].map((r, i) => [r, i]));
    const work = new Map<Role, Duty[]>();
    const frequency = new Map<Duty, number>();
    for (const role of model.roles.values()) {
      const duties: Duty[] = [];
      for (const a of role.duties) if (a.letters.has('R')) duties.push(a.duty);
      if (duties.length === 0) continue;
      work.set(role, duties);
      for (const d of duties) frequency.set(d, (frequency.get(d) ?? 0) + 1);
    }
    const rank = new Map<Duty, number>();
    [...frequency.keys()]
      .sort((a, b) => frequency.get(a)! - frequency.get(b)! || dutyOrder.get(a)! - dutyOrder.get(b)!)
      .forEach((d, i) => rank.set(d, i));

    const cellOf = scopeCells([...work.keys()]);
    // duty → scope cell → roles; cell '' holds the roles without a cell, which meet every role.
    const index = new Map<Duty, Map<string, Role[]>>();
    const byRank = (a: Duty, b: Duty) => rank.get(a)! - rank.get(b)!;
    const seen = new Set<Role>();
    for (const [role, duties] of work) {
      const cell = cellOf.get(role)!;
      const tokens = duties.slice().sort(byRank);
      const prefix = tokens.slice(0, tokens.length - Math.ceil(t * tokens.length) + 1);
      let mine: Set<Duty> | undefined;
      let match: { other: Role; similarity: number } | undefined;
      seen.clear();
      const consider = (list: readonly Role[] | undefined) => {
        if (!list) return;
        for (const other of list) {
          if (seen.has(other)) continue;
          seen.add(other);
          // Cheapest tests first: roles split by scope (the usual case) are not redundant.
          const theirs = work.get(other)!;
          if (theirs.length < t * duties.length || duties.length < t * theirs.length) continue;
          if (role.scope !== other.scope && !scopesOverlap(role.scope, other.scope)) continue;
          mine ??= new Set(duties);
          let shared = 0;
          for (const x of theirs) if (mine.has(x)) shared++;
          const similarity = shared / (mine.size + theirs.length - shared);
          // The earliest declared match, so the report is the same on every run.
          if (similarity >= t && (!match || roleOrder.get(other)! < roleOrder.get(match.other)!)) match = { other, similarity };
        }
      };
      for (const d of prefix) {
        const byCell = index.get(d);
        if (!byCell) continue;
        if (cell === '') for (const list of byCell.values()) consider(list);
        else {
          consider(byCell.get(cell));
          consider(byCell.get(''));
        }
      }
      if (match) {
        report({
          messageId: 'redundant',
          data: { role: role.id, other: match.other.id, percent: Math.round(match.similarity * 100) },
          at: keyOf(role.src),
          related: [{ messageId: 'other', data: { other: match.other.id }, at: keyOf(match.other.src) }],
        });
      }
      for (const d of prefix) {
        let byCell = index.get(d);
        if (!byCell) index.set(d, (byCell = new Map()));
        const list = byCell.get(cell);
        if (list) list.push(role);
        else byCell.set(cell, [role]);
      }
    }
  },
});

/**
 * Each role's scope cell: the values it pins on the dimensions that at least a quarter of the
 * working roles pin to a single value, or '' when it does not pin all of them. Two roles with
 * different cells are disjoint on some dimension both pin, so they cannot overlap.
 */
function scopeCells(roles: Role[]): Map<Role, string> {
  const pinned = new Map<Dimension, number>();
  for (const r of roles) for (const [d, values] of r.scope) if (values.size === 1) pinned.set(d, (pinned.get(d) ?? 0) + 1);
  const dims = [...pinned].filter(([, n]) => n * 4 >= roles.length).map(([d]) => d);
  const cells = new Map<Role, string>();
  for (const r of roles) {
    let cell = '';
    for (const d of dims) {
      const values = r.scope.get(d);
      if (!values || values.size !== 1) {
        cell = '';
        break;
      }
      for (const v of values) cell += `${d.id}=${v.id};`;
    }
    cells.set(r, cell);
  }
  return cells;
}
