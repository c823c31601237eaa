// Roles follow the work, in size too: the effort of a role's duties must fit its headcount.
import { responsibleRoles } from '../../model/queries.js';
import type { Duty, Role } from '../../model/types.js';
import { defineRule } from '../rule.js';
import { valueAt } from '../where.js';
import { named } from '../named.js';

export default defineRule({
  meta: {
    id: 'workload',
    description: { en: "A role whose duties' effort exceeds its headcount.", 'zh-CN': '职责工作量超过编制人数的岗位。' },
    severity: 'warning',
    recommended: true,
    options: {},
    messages: {
      over: { en: 'the duties of {role} take {load} FTE ({duties}), more than its headcount of {headcount}', 'zh-CN': '{role} 的职责需要 {load} 个全职人力（{duties}），超过其编制 {headcount} 人' },
    },
  },
  check({ model, report }) {
    // A duty's effort is shared among its Responsible roles in proportion to their headcount.
    // The parts are listed only for the roles reported: most roles are not overloaded.
    const load = new Map<Role, { fte: number; parts: Array<[Duty, number]> }>();
    for (const duty of model.duties.values()) {
      if (duty.effort === undefined) continue;
      const doers = responsibleRoles(duty);
      let total = 0;
      for (const r of doers) total += r.headcount;
      for (const r of doers) {
        const share = total > 0 ? (duty.effort * r.headcount) / total : duty.effort / doers.length;
        let entry = load.get(r);
        if (!entry) load.set(r, (entry = { fte: 0, parts: [] }));
        entry.fte += share;
        entry.parts.push([duty, share]);
      }
    }
    for (const [role, { fte, parts }] of load) {
      if (fte <= role.headcount + 1e-9) continue;
      const duties = parts.map(([duty, share]) => `${duty.id} ${round(share)}`).join(', ');
      // Without a written headcount (default 1) the locator falls back to the role's key.
      report({ messageId: 'over', data: { role: named(model, role), load: round(fte), headcount: role.headcount, duties }, at: valueAt(role.src, 'headcount') });
    }
  },
});

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
