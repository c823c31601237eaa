// Linked KPIs (考核联动化): individual KPIs tied to a role's core duties, team KPIs for managers,
// and cross-role KPIs shared by roles that hand work to each other.
import { CUSTOMER } from '../../schema/grammar.js';
import { doesWork, isManager, isWork } from '../../model/queries.js';
import type { Role } from '../../model/types.js';
import { defineRule } from '../rule.js';
import { keyOf } from '../where.js';
import { named } from '../named.js';

export default defineRule({
  meta: {
    id: 'kpi-coverage',
    description: { en: 'A role whose core duties no KPI measures, a manager without a team KPI, or a hand-off between roles with no shared KPI.', 'zh-CN': '核心职责没有 KPI 衡量的岗位、没有团队 KPI 的管理者，或岗位间交接没有共同 KPI。' },
    severity: 'warning',
    recommended: true,
    options: {},
    messages: {
      'no-kpi': { en: 'role {role} is Responsible or Accountable for duties, but no KPI it owns measures any of them', 'zh-CN': '岗位 {role} 负有执行或问责职责，但其 KPI 没有衡量其中任何一项' },
      'no-team-kpi': { en: 'manager role {role} owns no team KPI', 'zh-CN': '管理岗位 {role} 没有团队 KPI' },
      'no-shared-kpi': { en: '{from} hands `{what}` to {to}, but they share no cross-role KPI', 'zh-CN': '{from} 向 {to} 交接（{what}），但两者没有共同的跨岗位 KPI' },
    },
  },
  check({ model, report }) {
    for (const role of model.roles.values()) {
      if (doesWork(role) && !measured(role)) report({ messageId: 'no-kpi', data: { role: named(model, role) }, at: keyOf(role.src) });
      if (isManager(role) && !role.kpis.some((k) => k.kind === 'team')) {
        report({ messageId: 'no-team-kpi', data: { role: named(model, role) }, at: keyOf(role.src) });
      }
    }
    for (const sl of model.serviceLevels.values()) {
      if (sl.from === CUSTOMER || sl.to === CUSTOMER || sl.from === sl.to) continue;
      const { from, to } = sl;
      const shared = from.kpis.some((k) => k.kind === 'cross-role' && k.owners.includes(to));
      if (!shared) report({ messageId: 'no-shared-kpi', data: { from: named(model, from), to: named(model, to), what: sl.id }, at: keyOf(sl.src) });
    }
  },
});

/** Whether one of the role's KPIs measures a duty it is Responsible or Accountable for. */
function measured(role: Role): boolean {
  if (role.kpis.length === 0) return false;
  // From the duties' side: a duty has few KPIs, while a KPI may measure many duties.
  for (const a of role.duties) {
    if (!isWork(a)) continue;
    for (const kpi of a.duty.kpis) if (role.kpis.includes(kpi)) return true;
  }
  return false;
}
