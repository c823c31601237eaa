// A KPI belongs to those who can move it: each owner does (R or A) one of the duties the KPI
// measures — or, for a team KPI, someone in the owner's team does.
import type { Kpi, Role } from '../../model/types.js';
import { isWork } from '../../model/queries.js';
import { someInTeam } from '../lines.js';
import { defineRule } from '../rule.js';
import { named } from '../named.js';
import { valueAt } from '../where.js';

export default defineRule({
  meta: {
    id: 'kpi-duty-fit',
    description: {
      en: 'A KPI owner that does none of the duties the KPI measures (for a team KPI: nobody in its team does).',
      'zh-CN': 'KPI 的责任岗位不承担该 KPI 所衡量的任何职责（团队 KPI：其团队中也无人承担）。',
    },
    severity: 'warning',
    recommended: true,
    options: {},
    messages: {
      'no-duty': {
        en: '{role} owns KPI {kpi} but does (R or A) none of the duties it measures ({duties}): give the KPI to those who do them, or the duty to {role}',
        'zh-CN': '{role} 负责 KPI {kpi}，但不承担（R 或 A）其衡量的任何职责（{duties}）：请把该 KPI 交给承担这些职责的岗位，或把职责交给 {role}',
      },
      'no-team-duty': {
        en: '{role} owns team KPI {kpi}, but neither it nor anyone in its team does (R or A) any of the duties it measures ({duties})',
        'zh-CN': '{role} 负责团队 KPI {kpi}，但它及其团队中都没有人承担（R 或 A）其衡量的任何职责（{duties}）',
      },
    },
  },
  check({ model, report }) {
    for (const kpi of model.kpis.values()) {
      if (kpi.measures.length === 0) continue;
      const measured = new Set(kpi.measures);
      const does = (r: Role) => r.duties.some((a) => measured.has(a.duty) && isWork(a));
      kpi.owners.forEach((owner) => {
        if (does(owner)) return;
        const team = kpi.kind === 'team' && someInTeam(owner, does);
        if (team) return;
        report({
          messageId: kpi.kind === 'team' ? 'no-team-duty' : 'no-duty',
          data: { role: named(model, owner), kpi: named(model, kpi), duties: kpi.measures.map((d) => d.id).join(', ') },
          at: valueAt(kpi.src, 'owners', ownerIndex(kpi, owner)),
        });
      });
    }
  },
});

/** Where the owner is written in the KPI's `owners` (unknown ids were dropped from the model's list). */
function ownerIndex(kpi: Kpi, owner: Role): number {
  return Math.max(0, kpi.owners.indexOf(owner));
}
