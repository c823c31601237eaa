// Dynamic adjustment (动态调整): signals that would trigger a change of roles must name what they
// watch and call for a change that does not already exist.
import { closest } from '../../load/closest.js';
import { defineRule } from '../rule.js';
import { valueAt } from '../where.js';

export default defineRule({
  meta: {
    id: 'adaptation-signals',
    description: { en: 'A signal naming an unknown metric, KPI or role, or calling for a change that already exists.', 'zh-CN': '调整信号引用了未知的指标、KPI 或岗位，或要求的调整已经存在。' },
    severity: 'error',
    recommended: true,
    options: {},
    messages: {
      'unknown-watch': { en: 'signal `{signal}` watches `{id}`, which is neither a KPI nor a metric', 'zh-CN': '调整信号 `{signal}` 监控的 `{id}` 既不是 KPI 也不是指标' },
      'unknown-watch-suggest': { en: 'signal `{signal}` watches `{id}`, which is neither a KPI nor a metric; did you mean `{suggestion}`?', 'zh-CN': '调整信号 `{signal}` 监控的 `{id}` 既不是 KPI 也不是指标；您是否想写 `{suggestion}`？' },
      'unknown-role': { en: 'signal `{signal}` would {change} role `{id}`, which does not exist', 'zh-CN': '调整信号 `{signal}` 要{change|change}的岗位 `{id}` 不存在' },
      'unknown-role-suggest': { en: 'signal `{signal}` would {change} role `{id}`, which does not exist; did you mean `{suggestion}`?', 'zh-CN': '调整信号 `{signal}` 要{change|change}的岗位 `{id}` 不存在；您是否想写 `{suggestion}`？' },
      exists: { en: 'signal `{signal}` calls for a new role `{id}`, but it already exists', 'zh-CN': '调整信号 `{signal}` 要新增岗位 `{id}`，但该岗位已经存在' },
      'too-few': { en: 'signal `{signal}` would {change} roles but lists {count}; name at least two in `roles`', 'zh-CN': '调整信号 `{signal}` 要{change|change}岗位，但 `roles` 只列出 {count} 个；至少需要两个' },
    },
  },
  check({ model, report }) {
    const roleIds = [...model.roles.keys()];
    for (const signal of model.signals.values()) {
      const base = { signal: signal.id };
      if (!model.kpis.has(signal.watch) && !model.metrics.has(signal.watch)) {
        const suggestion = closest(signal.watch, [...model.kpis.keys(), ...model.metrics.keys()]);
        report({ messageId: suggestion ? 'unknown-watch-suggest' : 'unknown-watch', data: { ...base, id: signal.watch, ...(suggestion ? { suggestion } : {}) }, at: valueAt(signal.src, 'watch') });
      }
      const mustExist = (id: string, path: (string | number)[]) => {
        if (model.roles.has(id)) return;
        const suggestion = closest(id, roleIds);
        report({ messageId: suggestion ? 'unknown-role-suggest' : 'unknown-role', data: { ...base, change: signal.change, id, ...(suggestion ? { suggestion } : {}) }, at: valueAt(signal.src, ...path) });
      };
      const mustBeNew = (id: string, path: (string | number)[]) => {
        if (model.roles.has(id)) report({ messageId: 'exists', data: { ...base, id }, at: valueAt(signal.src, ...path) });
      };
      switch (signal.change) {
        case 'add':
          mustBeNew(signal.role, ['role']);
          break;
        case 'retire':
          mustExist(signal.role, ['role']);
          break;
        case 'split':
          mustExist(signal.role, ['role']);
          signal.roles.forEach((id, i) => mustBeNew(id, ['roles', i]));
          if (signal.roles.length < 2) report({ messageId: 'too-few', data: { ...base, change: signal.change, count: signal.roles.length }, at: valueAt(signal.src, 'roles') });
          break;
        case 'merge':
          signal.roles.forEach((id, i) => mustExist(id, ['roles', i]));
          if (signal.roles.length < 2) report({ messageId: 'too-few', data: { ...base, change: signal.change, count: signal.roles.length }, at: valueAt(signal.src, 'roles') });
          break;
      }
    }
  },
});
