// Roles follow the work, in size too: the effort of a role's duties must fit its headcount.
import { responsibleRoles } from '../../model/queries.js';
import type { Role } from '../../model/types.js';
import { defineRule } from '../rule.js';
import { valueAt } from '../where.js';

export default defineRule({
  meta: {
    id: 'workload',
    description: { en: "A role whose duties' effort exceeds its headcount.", 'zh-CN': '职责工作量超过编制人数的岗位。' },
    severity: 'warning',
    recommended: true,
    options: {},
    messages: {
      over: { en: 'the duties of `{role}` take {load} FTE ({duties}), more than its headcount of {headcount}', 'zh-CN': '`{role}` 的职责需要 {load} 个全职人力（{duties}），超过其编制 {headcount} 人' },
    },
  },
  check({ model, report }) {
    // A duty's effort is shared among its Responsible roles in proportion to their headcount.
    const load = new Map<Role, { fte: number; parts: string[] }>();
    for (const duty of model.duties.values()) {
      if (duty.effort === undefined) continue;
      const doers = responsibleRoles(duty);
      const total = doers.reduce((n, r) => n + r.headcount, 0);
      for (const r of doers) {
        const share = total > 0 ? (duty.effort * r.headcount) / total : duty.effort / doers.length;
        const entry = load.get(r) ?? { fte: 0, parts: [] };
        entry.fte += share;
        entry.parts.push(`${duty.id} ${round(share)}`);
        load.set(r, entry);
      }
    }
    for (const [role, { fte, parts }] of load) {
      if (fte <= role.headcount + 1e-9) continue;
      // Without a written headcount (default 1) the locator falls back to the role's key.
      report({ messageId: 'over', data: { role: role.id, load: round(fte), headcount: role.headcount, duties: parts.join(', ') }, at: valueAt(role.src, 'headcount') });
    }
  },
});

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
