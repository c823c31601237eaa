// 因事设岗: every duty needs a role that does it.
import { responsibleRoles } from '../../model/queries.js';
import { defineRule } from '../rule.js';
import { keyOf } from '../where.js';
import { named } from '../named.js';

export default defineRule({
  meta: {
    id: 'orphan-duty',
    description: { en: 'A duty that no role is Responsible for.', 'zh-CN': '没有任何岗位负责执行（R）的职责。' },
    severity: 'error',
    recommended: true,
    options: {},
    messages: {
      unassigned: { en: 'no role takes part in duty {duty}: the work has no owner', 'zh-CN': '没有岗位承担职责 {duty}：这项工作无人负责' },
      'no-responsible': { en: 'no role is Responsible (R) for duty {duty}: nobody does the work', 'zh-CN': '没有岗位对职责 {duty} 负执行责任（R）：这项工作无人执行' },
    },
  },
  check({ model, report }) {
    for (const duty of model.duties.values()) {
      if (duty.assignments.length === 0) report({ messageId: 'unassigned', data: { duty: named(model, duty) }, at: keyOf(duty.src) });
      else if (responsibleRoles(duty).length === 0) report({ messageId: 'no-responsible', data: { duty: named(model, duty) }, at: keyOf(duty.src) });
    }
  },
});
