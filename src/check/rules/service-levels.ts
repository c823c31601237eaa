// Standard process (流程标准化): every hand-off between roles in the lead-to-cash process has a
// service level, and a chain of service levels fits within the one it is part of.
import { CUSTOMER } from '../../schema/grammar.js';
import { formatMinutes } from '../../model/quantity.js';
import { responsibleRoles } from '../../model/queries.js';
import type { Role, Step } from '../../model/types.js';
import { defineRule } from '../rule.js';
import { keyOf, valueAt } from '../where.js';

export default defineRule({
  meta: {
    id: 'service-levels',
    description: { en: 'A hand-off between roles in the process with no service level, or a chain of service levels whose parts exceed its total.', 'zh-CN': '流程中岗位间的交接没有服务水平，或服务水平链条各环节之和超过总时限。' },
    severity: 'warning',
    recommended: true,
    options: {},
    messages: {
      'no-service-level': { en: 'the hand-off from `{before}` to `{step}` ({from} → {to}) has no service level', 'zh-CN': '从 `{before}` 到 `{step}` 的交接（{from} → {to}）没有服务水平' },
      'parts-exceed': { en: 'the parts of `{sl}` take {parts} ({list}), more than its {total}', 'zh-CN': '`{sl}` 各环节合计 {parts}（{list}），超过其总时限 {total}' },
    },
  },
  check({ model, report }) {
    // Consecutive steps whose Responsible roles do not overlap hand work from one set to the other.
    const steps: Step[] = [...model.steps.values()];
    const doers = (step: Step): Set<Role> => new Set(step.duties.flatMap(responsibleRoles));
    for (let i = 1; i < steps.length; i++) {
      const before = doers(steps[i - 1]);
      const after = doers(steps[i]);
      if (before.size === 0 || after.size === 0 || [...after].some((r) => before.has(r))) continue;
      const covered = [...model.serviceLevels.values()].some((sl) => sl.from !== CUSTOMER && sl.to !== CUSTOMER && before.has(sl.from) && after.has(sl.to));
      if (!covered) {
        report({
          messageId: 'no-service-level',
          data: { before: steps[i - 1].id, step: steps[i].id, from: names(before), to: names(after) },
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
          data: { sl: sl.id, parts: formatMinutes(parts), total: sl.within.text, list: sl.parts.map((p) => `${p.id} ${p.within.text}`).join(' + ') },
          at: valueAt(sl.src, 'within'),
        });
      }
    }
  },
});

function names(roles: Set<Role>): string {
  const ids = [...roles].map((r) => r.id);
  return ids.length > 3 ? `${ids.slice(0, 3).join(', ')}, …` : ids.join(', ');
}
