// Segregation of duties (职责分离) in sales: whoever sells should not approve their own discount or
// quote, whoever collects should not approve the credit, and whoever is paid commission should not
// calculate it. Duties say what activity they are (`activity`) or name their incompatible duties.
import type { Assignment, Role } from '../../model/types.js';
import { ACTIVITIES } from '../../schema/grammar.js';
import { isWork } from '../../model/queries.js';
import { defineRule } from '../rule.js';
import { named } from '../named.js';
import { keyAt, valueAt } from '../where.js';

export default defineRule<{ conflicts: string[][]; quotaEarnsCommission: boolean }>({
  meta: {
    id: 'segregation-of-duties',
    description: {
      en: 'A role Responsible or Accountable for two duties that must be kept apart, such as approving a discount and selling.',
      'zh-CN': '同一岗位对两项应当分离的职责负责或问责，例如既审批折扣又负责销售。',
    },
    severity: 'warning',
    recommended: true,
    options: {
      conflicts: {
        description: 'Pairs of duty activities (`activity` on a duty) that one role may not both do (R or A).',
        default: [['approve-discount', 'sell'], ['approve-quote', 'sell'], ['approve-credit', 'collect'], ['calculate-commission', 'earn-commission'], ['create-customer-record', 'approve-credit-limit']],
        schema: { type: 'array', items: { type: 'array', items: { enum: [...ACTIVITIES] }, minItems: 2, maxItems: 2 } },
      },
      quotaEarnsCommission: {
        description: 'A role that carries a quota is paid commission on it, as if it did a duty of activity `earn-commission`.',
        default: true,
        schema: { type: 'boolean' },
      },
    },
    messages: {
      activities: {
        en: '{role} does both {duty} ({activity}) and {other} ({otherActivity}), which must be kept apart: give one of them to another role',
        'zh-CN': '{role} 同时承担 {duty}（{activity}）与 {other}（{otherActivity}），两者应当分离：请把其中一项交给其他岗位',
      },
      commission: {
        en: '{role} carries a quota and so is paid commission, yet does {duty} ({activity}): give it to a role that is not paid on the result',
        'zh-CN': '{role} 承担销售指标并据此获得提成，却又承担 {duty}（{activity}）：请交给不按该结果计酬的岗位',
      },
      declared: {
        en: '{role} does both {duty} and {other}, which {declaredOn} declares incompatible: give one of them to another role',
        'zh-CN': '{role} 同时承担 {duty} 与 {other}，而 {declaredOn} 声明两者不可兼任：请把其中一项交给其他岗位',
      },
      'also-here': { en: '{duty} is done here', 'zh-CN': '{duty} 在此承担' },
      'declared-here': { en: 'declared incompatible here', 'zh-CN': '在此声明不可兼任' },
    },
  },
  check({ model, options, report }) {
    const pairs = options.conflicts.filter((p) => p.length === 2);
    for (const role of model.roles.values()) {
      // Most roles do no duty that names an activity or declares a conflict: nothing to build for
      // them (10,000 roles' maps and sets were most of the rule's time).
      if (!role.duties.some((a) => isWork(a) && (a.duty.activity || a.duty.incompatibleWith.length > 0))) continue;
      const work = role.duties.filter(isWork);
      if (work.length === 0) continue;
      const byActivity = new Map<string, Assignment>();
      for (const a of work) if (a.duty.activity && !byActivity.has(a.duty.activity)) byActivity.set(a.duty.activity, a);
      for (const [x, y] of pairs) {
        const ax = byActivity.get(x);
        const ay = byActivity.get(y);
        if (ax && ay && ax.duty !== ay.duty) conflict(role, ax, ay, 'activities');
        // Being paid on a quota is the `earn-commission` side without a duty to say so.
        if (options.quotaEarnsCommission && role.quota && !byActivity.has('earn-commission')) {
          const calc = y === 'earn-commission' ? ax : x === 'earn-commission' ? ay : undefined;
          if (calc) report({ messageId: 'commission', data: { role: named(model, role), duty: named(model, calc.duty), activity: calc.duty.activity! }, at: keyAt(role.src, 'duties', calc.duty.id) });
        }
      }
      const done = new Set(work.map((a) => a.duty));
      const reported = new Set<string>();
      for (const a of work) {
        a.duty.incompatibleWith.forEach((other, i) => {
          if (other === a.duty || !done.has(other)) return;
          const b = work.find((w) => w.duty === other)!;
          const [first, second] = work.indexOf(a) < work.indexOf(b) ? [a, b] : [b, a];
          // Declared on both duties, it is still one conflict.
          const key = `${first.duty.id} ${second.duty.id}`;
          if (reported.has(key)) return;
          reported.add(key);
          report({
            messageId: 'declared',
            data: { role: named(model, role), duty: named(model, second.duty), other: named(model, first.duty), declaredOn: named(model, a.duty) },
            at: keyAt(role.src, 'duties', second.duty.id),
            related: [
              { messageId: 'also-here', data: { duty: named(model, first.duty) }, at: keyAt(role.src, 'duties', first.duty.id) },
              { messageId: 'declared-here', at: valueAt(a.duty.src, 'incompatible_with', i) },
            ],
          });
        });
      }
    }

    function conflict(role: Role, a: Assignment, b: Assignment, messageId: string): void {
      const [first, second] = role.duties.indexOf(a) < role.duties.indexOf(b) ? [a, b] : [b, a];
      report({
        messageId,
        data: { role: named(model, role), duty: named(model, second.duty), activity: second.duty.activity!, other: named(model, first.duty), otherActivity: first.duty.activity! },
        at: keyAt(role.src, 'duties', second.duty.id),
        related: [{ messageId: 'also-here', data: { duty: named(model, first.duty) }, at: keyAt(role.src, 'duties', first.duty.id) }],
      });
    }
  },
});
