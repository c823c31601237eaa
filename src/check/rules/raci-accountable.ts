// RACI: exactly one role owns the outcome of each duty, and someone does the work.
import { defineRule } from '../rule.js';
import { keyAt, keyOf } from '../where.js';
import { named } from '../named.js';

export default defineRule<{ loneResponsibleIsAccountable: boolean }>({
  meta: {
    id: 'raci-accountable',
    description: { en: 'A duty with no Accountable role or more than one, or with no Responsible role.', 'zh-CN': '没有问责岗位（A）或有多个问责岗位，或没有执行岗位（R）的职责。' },
    severity: 'error',
    recommended: true,
    options: {
      loneResponsibleIsAccountable: {
        description: 'A duty with exactly one Responsible role and no Accountable one counts as accountable: the doer owns it.',
        default: false,
        schema: { type: 'boolean' },
      },
    },
    messages: {
      'no-accountable': { en: 'duty {duty} has no Accountable (A) role: give exactly one role an A', 'zh-CN': '职责 {duty} 没有问责岗位（A）：请指定且仅指定一个 A' },
      'many-accountable': { en: 'duty {duty} has {count} Accountable (A) roles ({roles}): exactly one should own the outcome', 'zh-CN': '职责 {duty} 有 {count} 个问责岗位（{roles}）：结果只应由一个岗位负责' },
      'also-accountable': { en: 'also Accountable for {duty}', 'zh-CN': '同样对 {duty} 问责' },
      'no-responsible': { en: 'duty {duty} has no Responsible (R) role', 'zh-CN': '职责 {duty} 没有执行岗位（R）' },
    },
  },
  check({ model, options, report }) {
    for (const duty of model.duties.values()) {
      if (duty.assignments.length === 0) continue; // orphan-duty says so
      const accountable = duty.accountable;
      const responsible = duty.responsible;
      if (responsible.length === 0) report({ messageId: 'no-responsible', data: { duty: named(model, duty) }, at: keyOf(duty.src) });
      // A duty owned per region or segment has one A per cell: scoped-accountability counts them.
      if (duty.accountablePer.length) continue;
      if (accountable.length === 0 && !(options.loneResponsibleIsAccountable && responsible.length === 1)) {
        report({ messageId: 'no-accountable', data: { duty: named(model, duty) }, at: keyOf(duty.src) });
      }
      if (accountable.length > 1) {
        // Reported where the second A is written, the first one named beside it.
        const [first, second, ...more] = accountable;
        report({
          messageId: 'many-accountable',
          data: { duty: named(model, duty), count: accountable.length, roles: accountable.map((r) => named(model, r)) },
          at: keyAt(second.src, 'duties', duty.id),
          related: [first, ...more].map((r) => ({ messageId: 'also-accountable', data: { duty: named(model, duty) }, at: keyAt(r.src, 'duties', duty.id) })),
        });
      }
    }
  },
});
