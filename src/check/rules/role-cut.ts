// How a role is cut must show in what it covers: a role cut by region names its regions, and a
// role cut by process stage does process work.
import { isWork } from '../../model/queries.js';
import { defineRule } from '../rule.js';
import { keyAt, valueAt } from '../where.js';
import { named } from '../named.js';

export default defineRule({
  meta: {
    id: 'role-cut',
    description: { en: 'A role cut by a dimension without a scope on it, scoped on a dimension it is not cut by, or cut by process without process work.', 'zh-CN': '岗位按某维度划分却未限定该维度的范围、限定了未用于划分的维度，或按流程划分却不承担流程职责。' },
    severity: 'warning',
    recommended: true,
    options: {},
    messages: {
      'no-scope': { en: 'role {role} is cut by `{dimension}` but has no `{dimension}` in its scope', 'zh-CN': '岗位 {role} 按 `{dimension}` 划分，但范围中没有 `{dimension}`' },
      'not-cut': { en: 'role {role} is scoped on `{dimension}`, which its `cut` does not list', 'zh-CN': '岗位 {role} 限定了 `{dimension}` 范围，但 `cut` 中没有列出该维度' },
      'no-process-work': { en: 'role {role} is cut by process but none of its duties serves a process step', 'zh-CN': '岗位 {role} 按流程划分，但其职责都不属于任何流程步骤' },
    },
  },
  check({ model, report }) {
    for (const role of model.roles.values()) {
      const { cut, scope } = role;
      if (cut.length === 0 && scope.size === 0) continue;
      for (let i = 0; i < cut.length; i++) {
        const id = cut[i];
        if (id === 'process') {
          // Being consulted on a step is not doing it: only R and A count as process work.
          if (!role.duties.some((a) => a.duty.step && isWork(a))) report({ messageId: 'no-process-work', data: { role: named(model, role) }, at: valueAt(role.src, 'cut', i) });
        } else {
          const dimension = model.dimensions.get(id);
          if (!dimension || !scope.has(dimension)) report({ messageId: 'no-scope', data: { role: named(model, role), dimension: id }, at: valueAt(role.src, 'cut', i) });
        }
      }
      // Only judge scope against `cut` when the role says how it is cut.
      if (cut.length === 0) continue;
      for (const { id } of scope.keys()) {
        if (!cut.includes(id)) report({ messageId: 'not-cut', data: { role: named(model, role), dimension: id }, at: keyAt(role.src, 'scope', id) });
      }
    }
  },
});
