// Sane spans: a manager of one is a layer too many; a manager of forty manages nobody.
import { defineRule } from '../rule.js';
import { keyOf } from '../where.js';
import { named } from '../named.js';

export default defineRule<{ min: number; max: number }>({
  meta: {
    id: 'span-of-control',
    description: { en: 'A manager with fewer or more direct reports than is sensible, counting headcount.', 'zh-CN': '直接下属人数（按编制计）过少或过多的管理岗位。' },
    severity: 'warning',
    recommended: true,
    options: {
      min: { description: 'Fewest direct reports per manager (headcount of the roles reporting to it, divided by its own headcount).', default: 2, schema: { type: 'number', minimum: 0 } },
      max: { description: 'Most direct reports per manager.', default: 12, schema: { type: 'number', minimum: 1 } },
    },
    messages: {
      'too-few': { en: 'each {role} has {span, plural, one {# direct report} other {# direct reports}} (at least {min}): merge the layer or widen the span', 'zh-CN': '每个 {role} 只有 {span} 名直接下属（至少 {min} 名）：可合并层级或扩大管理幅度' },
      'too-many': { en: 'each {role} has {span, plural, one {# direct report} other {# direct reports}} (at most {max}): add a layer or more managers', 'zh-CN': '每个 {role} 有 {span} 名直接下属（最多 {max} 名）：可增加层级或管理者' },
    },
  },
  check({ model, options, report }) {
    for (const role of model.roles.values()) {
      if (role.reports.length === 0 || role.headcount === 0) continue;
      const people = role.reports.reduce((n, r) => n + r.headcount, 0);
      const span = Math.round((people / role.headcount) * 10) / 10;
      if (span < options.min) report({ messageId: 'too-few', data: { role: named(model, role), span, min: options.min }, at: keyOf(role.src) });
      else if (span > options.max) report({ messageId: 'too-many', data: { role: named(model, role), span, max: options.max }, at: keyOf(role.src) });
    }
  },
});
