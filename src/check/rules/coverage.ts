// Full coverage: every declared tier, region, product and process step has a role that works it,
// and every area of sales responsibility has duties.
import { AREAS } from '../../schema/grammar.js';
import type { Dimension, DimensionValue } from '../../model/types.js';
import { defineRule } from '../rule.js';
import { keyOf } from '../where.js';
import { named } from '../named.js';

export default defineRule({
  meta: {
    id: 'coverage',
    description: { en: 'A declared tier, region, product or other dimension value, process step or area that no role covers.', 'zh-CN': '已声明的客户层级、区域、产品等维度取值、流程步骤或职责维度无岗位覆盖。' },
    severity: 'warning',
    recommended: true,
    options: {},
    messages: {
      value: { en: 'no role is scoped to {value}, though roles are cut by {dimension} ({roles})', 'zh-CN': '没有岗位覆盖 {value}，而岗位是按 {dimension} 划分的（{roles}）' },
      step: { en: 'no role is Responsible for any duty of process step {step}', 'zh-CN': '没有岗位对流程步骤 {step} 的任何职责负执行责任' },
      'step-no-duty': { en: 'no duty serves process step {step}', 'zh-CN': '没有职责服务于流程步骤 {step}' },
      area: { en: 'no duty in the `{area}` area: the design leaves it uncovered', 'zh-CN': '`{area}` 职责维度下没有任何职责：设计中缺少这一块' },
    },
  },
  check({ model, report }) {
    // A dimension counts once roles are cut along it: then each value needs a role scoped to it.
    const covered = new Map<Dimension, Set<DimensionValue>>();
    const cutBy = new Map<Dimension, string[]>();
    for (const role of model.roles.values()) {
      if (role.scope.size === 0 || !role.duties.some((a) => a.letters.has('R'))) continue;
      for (const [dimension, values] of role.scope) {
        let set = covered.get(dimension);
        if (!set) covered.set(dimension, (set = new Set()));
        for (const v of values) set.add(v);
        const names = cutBy.get(dimension) ?? [];
        if (names.length < 4) names.push(role.id);
        cutBy.set(dimension, names);
      }
    }
    for (const [dimension, values] of covered) {
      const ids = cutBy.get(dimension)!;
      const roles = ids.slice(0, 3).join(', ') + (ids.length > 3 ? ', …' : '');
      for (const value of dimension.values.values()) {
        if (!values.has(value)) report({ messageId: 'value', data: { value: named(model, value), dimension: named(model, dimension), roles }, at: keyOf(value.src) });
      }
    }
    for (const step of model.steps.values()) {
      if (step.duties.length === 0) report({ messageId: 'step-no-duty', data: { step: named(model, step) }, at: keyOf(step.src) });
      else if (step.duties.every((d) => d.responsible.length === 0)) report({ messageId: 'step', data: { step: named(model, step) }, at: keyOf(step.src) });
    }
    if (model.duties.size > 0) {
      const present = new Set([...model.duties.values()].map((d) => d.area));
      for (const area of AREAS) if (!present.has(area)) report({ messageId: 'area', data: { area }, at: keyOf(model.org.src) });
    }
  },
});
