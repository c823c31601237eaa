// Standard process (流程标准化): every hand-off between roles in the lead-to-cash process has a
// service level, and a chain of service levels fits within the one it is part of.
import { CUSTOMER } from '../../schema/grammar.js';
import { formatMinutes } from '../../model/quantity.js';
import type { Role, Step } from '../../model/types.js';
import { defineRule } from '../rule.js';
import { keyOf, valueAt } from '../where.js';
import { named } from '../named.js';

export default defineRule({
  meta: {
    id: 'service-levels',
    description: { en: 'A hand-off between roles in the process with no service level, or a chain of service levels whose parts exceed its total.', 'zh-CN': '流程中岗位间的交接没有服务水平，或服务水平链条各环节之和超过总时限。' },
    severity: 'warning',
    recommended: true,
    options: {},
    messages: {
      'no-service-level': { en: 'the hand-off from {before} to {step} ({from} → {to}) has no service level', 'zh-CN': '从 {before} 到 {step} 的交接（{from} → {to}）没有服务水平' },
      'parts-exceed': { en: 'the parts of {sl} take {parts} ({list}), more than its {total}', 'zh-CN': '{sl} 各环节合计 {parts}（{list}），超过其总时限 {total}' },
    },
  },
  check({ model, report }) {
    // Consecutive steps whose Responsible roles do not overlap hand work from one set to the other.
    // Each role is stamped with the last step it works in, so that the overlap of two steps is
    // seen without a set of each step's roles (thousands at 10k roles, on every edit in an editor):
    // those are made only for the hand-offs reported.
    const steps: Step[] = [...model.steps.values()];
    const handoffs = [...model.serviceLevels.values()].filter((sl) => sl.from !== CUSTOMER && sl.to !== CUSTOMER);
    const lastStep = new Map<Role, number>();
    let emptyBefore = true;
    for (let i = 0; i < steps.length; i++) {
      let overlaps = false;
      let empty = true;
      for (const duty of steps[i].duties) {
        for (const r of duty.responsible) {
          empty = false;
          const last = lastStep.get(r);
          if (last === i) continue;
          if (last === i - 1) overlaps = true;
          lastStep.set(r, i);
        }
      }
      const reportable = i > 0 && !emptyBefore && !empty && !overlaps;
      emptyBefore = empty;
      if (!reportable) continue;
      const [before, after] = [doersOf(steps[i - 1]), doersOf(steps[i])];
      const covered = handoffs.some((sl) => before.has(sl.from as Role) && after.has(sl.to as Role));
      if (!covered) {
        report({
          messageId: 'no-service-level',
          data: { before: named(model, steps[i - 1]), step: named(model, steps[i]), from: names(before), to: names(after) },
          at: keyOf(steps[i].src),
        });
      }
    }
    for (const sl of model.serviceLevels.values()) {
      if (sl.parts.length === 0) continue;
      const parts = sl.parts.reduce((n, p) => n + p.within.value, 0);
      if (parts > sl.within.value) {
        report({
          messageId: 'parts-exceed',
          data: { sl: named(model, sl), parts: formatMinutes(parts), total: sl.within.text, list: sl.parts.map((p) => `${p.id} ${p.within.text}`).join(' + ') },
          at: valueAt(sl.src, 'within'),
        });
      }
    }
  },
});

/** The Responsible roles of a step's duties, in the order they first appear. */
function doersOf(step: Step): Set<Role> {
  const roles = new Set<Role>();
  for (const duty of step.duties) for (const r of duty.responsible) roles.add(r);
  return roles;
}

function names(roles: Set<Role>): string {
  const ids = [...roles].map((r) => r.id);
  return ids.length > 3 ? `${ids.slice(0, 3).join(', ')}, …` : ids.join(', ');
}
