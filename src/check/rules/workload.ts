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
    // A duty's effort is shared among its Responsible roles in proportion to their headcount. Each
    // role's load is summed first; the parts are listed, in a second pass, only for the roles
    // reported: most roles are not overloaded, and the language server runs this on every edit.
    const load = new Map<Role, number>();
    for (const duty of model.duties.values()) {
      if (duty.effort === undefined) continue;
      const doers = responsibleRoles(duty);
      const total = headcountOf(doers);
      for (const r of doers) load.set(r, (load.get(r) ?? 0) + share(duty, r, total, doers.length));
    }
    const over = new Map<Role, Array<[Duty, number]>>();
    for (const [role, fte] of load) if (fte > role.headcount + 1e-9) over.set(role, []);
    if (over.size === 0) return;
    for (const duty of model.duties.values()) {
      if (duty.effort === undefined) continue;
      const doers = responsibleRoles(duty);
      let total: number | undefined;
      for (const r of doers) {
        const parts = over.get(r);
        if (parts) parts.push([duty, share(duty, r, (total ??= headcountOf(doers)), doers.length)]);
      }
    }
    for (const [role, parts] of over) {
      const fte = load.get(role)!;
      const duties = parts.map(([duty, part]) => `${duty.id} ${round(part)}`).join(', ');
      // Without a written headcount (default 1) the locator falls back to the role's key.
      report({ messageId: 'over', data: { role: named(model, role), load: round(fte), headcount: role.headcount, duties }, at: valueAt(role.src, 'headcount') });
    }
  },
});

function headcountOf(roles: readonly Role[]): number {
  let total = 0;
  for (const r of roles) total += r.headcount;
  return total;
}

/** The part of a duty's effort that falls to one of its `count` Responsible roles, whose headcounts add up to `total`. */
function share(duty: Duty, role: Role, total: number, count: number): number {
  return total > 0 ? (duty.effort! * role.headcount) / total : duty.effort! / count;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
