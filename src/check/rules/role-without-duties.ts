// 因事设岗: a role exists for its work, not for a person.
import { doesWork } from '../../model/queries.js';
import { defineRule } from '../rule.js';
import { keyOf } from '../where.js';
import { named } from '../named.js';

export default defineRule({
  meta: {
    id: 'role-without-duties',
    description: { en: 'A role that carries no duty of its own (a role built around a person, not the work).', 'zh-CN': '不承担任何自身职责的岗位（因人设岗，而非因事设岗）。' },
    severity: 'error',
    recommended: true,
    options: {},
    messages: {
      'no-duties': { en: 'role {role} has no duties: a role should follow from the work it does', 'zh-CN': '岗位 {role} 没有任何职责：岗位应由其承担的工作而来' },
      'only-informed': { en: 'role {role} is only Consulted or Informed: it is Responsible or Accountable for no duty', 'zh-CN': '岗位 {role} 只被咨询或知会：不对任何职责负执行（R）或问责（A）责任' },
    },
  },
  check({ model, report }) {
    for (const role of model.roles.values()) {
      if (role.duties.length === 0) report({ messageId: 'no-duties', data: { role: named(model, role) }, at: keyOf(role.src) });
      else if (!doesWork(role)) report({ messageId: 'only-informed', data: { role: named(model, role) }, at: keyOf(role.src) });
    }
  },
});
