// One clear reporting line: one top role, and dotted lines that add a manager rather than repeat one.
import { defineRule } from '../rule.js';
import { keyOf, valueAt } from '../where.js';
import { named } from '../named.js';

export default defineRule({
  meta: {
    id: 'reporting-structure',
    description: { en: 'More than one top role, or a dotted line to oneself or to one\'s own solid-line manager.', 'zh-CN': '存在多个最高岗位，或虚线汇报给自己或自己的实线上级。' },
    severity: 'error',
    recommended: true,
    options: {},
    messages: {
      'many-tops': { en: 'role {role} reports to no one, and neither does {top}: an org has one top role (add `reports_to`)', 'zh-CN': '岗位 {role} 没有上级，{top} 也没有：一个组织只应有一个最高岗位（请添加 `reports_to`）' },
      'top-here': { en: '{top} is the first top role', 'zh-CN': '{top} 是第一个最高岗位' },
      'dotted-self': { en: 'role {role} has a dotted line to itself', 'zh-CN': '岗位 {role} 虚线汇报给自己' },
      'dotted-manager': { en: 'role {role} already reports to {manager} on a solid line; a dotted line to it adds nothing', 'zh-CN': '岗位 {role} 已实线汇报给 {manager}；再加虚线没有意义' },
    },
  },
  check({ model, report }) {
    const tops = [...model.roles.values()].filter((r) => !r.declaresManager);
    for (const role of tops.slice(1)) {
      report({ messageId: 'many-tops', data: { role: named(model, role), top: named(model, tops[0]) }, at: keyOf(role.src), related: [{ messageId: 'top-here', data: { top: named(model, tops[0]) }, at: keyOf(tops[0].src) }] });
    }
    for (const role of model.roles.values()) {
      role.dottedManagers.forEach((m, k) => {
        const i = role.dottedIndex[k];
        if (m === role) report({ messageId: 'dotted-self', data: { role: named(model, role) }, at: valueAt(role.src, 'dotted_line_to', i) });
        else if (m === role.manager) report({ messageId: 'dotted-manager', data: { role: named(model, role), manager: named(model, m) }, at: valueAt(role.src, 'dotted_line_to', i) });
      });
    }
  },
});
