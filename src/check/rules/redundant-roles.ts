// No redundancy (不重复设岗): two roles doing the same work for the same scope. Roles split by
// region, tier or product with disjoint scopes are a legitimate split, not redundancy.
//
// Comparing every pair of roles would be quadratic. This is a similarity join with a prefix
// filter: order duties rarest first; two sets with Jaccard similarity ≥ t must share one of the
// first |s| − ⌈t·|s|⌉ + 1 duties of each, so only roles sharing such a duty are compared.
import { dutiesWith, scopesOverlap } from '../../model/queries.js';
import type { Duty, Role } from '../../model/types.js';
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
      const duties = dutiesWith(role, ['R']);
      if (duties.length === 0) continue;
      work.set(role, duties);
      for (const d of duties) frequency.set(d, (frequency.get(d) ?? 0) + 1);
    }
    const rank = new Map<Duty, number>();
    [...frequency.keys()]
      .sort((a, b) => frequency.get(a)! - frequency.get(b)! || dutyOrder.get(a)! - dutyOrder.get(b)!)
      .forEach((d, i) => rank.set(d, i));

    const index = new Map<Duty, Role[]>();
    for (const [role, duties] of work) {
      const tokens = [...duties].sort((a, b) => rank.get(a)! - rank.get(b)!);
      const mine = new Set(duties);
      const prefix = tokens.slice(0, tokens.length - Math.ceil(t * tokens.length) + 1);
      const seen = new Set<Role>();
      let match: { other: Role; similarity: number } | undefined;
      for (const d of prefix) {
        for (const other of index.get(d) ?? []) {
          if (seen.has(other)) continue;
          seen.add(other);
          const theirs = work.get(other)!;
          if (theirs.length < t * mine.size || mine.size < t * theirs.length) continue;
          const shared = theirs.filter((x) => mine.has(x)).length;
          const similarity = shared / (mine.size + theirs.length - shared);
          if (similarity >= t && scopesOverlap(role.scope, other.scope)) {
            // The earliest declared match, so the report is the same on every run.
            if (!match || roleOrder.get(other)! < roleOrder.get(match.other)!) match = { other, similarity };
          }
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
        const list = index.get(d);
        if (list) list.push(role);
        else index.set(d, [role]);
      }
    }
  },
});
