// An empty seat that the design leans on: it manages people, owns a target, or is the only role
// accountable for a duty. Named stand-ins (AB角, `backup:`) make it a known risk rather than a gap.
import type { Role } from '../../model/types.js';
import { defineRule } from '../rule.js';
import { named } from '../named.js';
import { keyOf, valueAt } from '../where.js';

export default defineRule({
  meta: {
    id: 'critical-vacancy',
    description: {
      en: 'A vacant seat that manages people, owns a target or is the only Accountable role of a duty; worse without a backup (AB角).',
      'zh-CN': '空缺的关键岗位：管理下属、负责目标或是某项职责唯一的问责岗位；没有 AB 角时更为严重。',
    },
    severity: 'warning',
    recommended: true,
    options: {},
    messages: {
      'no-backup': {
        en: '{role} is vacant but critical (people managed: {people}; targets owned: {targets}; duties it alone is Accountable for: {duties}) and has no backup (AB角): name one with `backup:` until the seat is filled',
        'zh-CN': '{role} 空缺但属关键岗位（管理 {people} 人；负责目标 {targets} 个；唯一问责的职责 {duties} 项），且没有 AB 角：请用 `backup:` 指定代理岗位，直至到岗',
      },
      'backup-vacant': {
        en: '{role} is vacant but critical (people managed: {people}; targets owned: {targets}; duties it alone is Accountable for: {duties}), and its backup {backup} is vacant too: name a backup who is in post',
        'zh-CN': '{role} 空缺但属关键岗位（管理 {people} 人；负责目标 {targets} 个；唯一问责的职责 {duties} 项），而其 AB 角 {backup} 同样空缺：请指定在岗的代理岗位',
      },
      covered: {
        en: '{role} is vacant but critical (people managed: {people}; targets owned: {targets}; duties it alone is Accountable for: {duties}); {backup} stands in until it is filled',
        'zh-CN': '{role} 空缺但属关键岗位（管理 {people} 人；负责目标 {targets} 个；唯一问责的职责 {duties} 项）；到岗前由 {backup} 代理',
      },
      'own-backup': {
        en: '{role} names itself as its backup: a backup is another role',
        'zh-CN': '{role} 把自己设为 AB 角：AB 角应是另一个岗位',
      },
    },
  },
  check({ model, report }) {
    for (const role of model.roles.values()) {
      if (role.backup === role) report({ messageId: 'own-backup', data: { role: named(model, role) }, at: valueAt(role.src, 'backup') });
      if (!vacant(role)) continue;
      const people = role.reports.reduce((n, r) => n + r.headcount, 0);
      const targets = role.targets.length;
      // Scoped duties have one A per cell, so each of their A roles is the only one where it works.
      const duties = role.duties.filter((a) => a.letters.has('A') && (a.duty.accountable.length === 1 || a.duty.accountablePer.length > 0)).length;
      if (people === 0 && targets === 0 && duties === 0) continue;
      const data = { role: named(model, role), people, targets, duties };
      const backup = role.backup === role ? undefined : role.backup;
      if (!backup) report({ messageId: 'no-backup', data, at: keyOf(role.src) });
      else if (vacant(backup)) report({ messageId: 'backup-vacant', data: { ...data, backup: named(model, backup) }, at: valueAt(role.src, 'backup') });
      // Covered: a known, planned risk; still shown, with the milder message.
      else report({ messageId: 'covered', data: { ...data, backup: named(model, backup) }, at: keyOf(role.src) });
    }
  },
});

/** Every seat of the role is open. */
function vacant(role: Role): boolean {
  return role.headcount > 0 && role.vacancies >= role.headcount;
}
