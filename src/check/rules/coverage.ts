// Full coverage: every declared tier, region, product and process step has a role that works it,
// and every area of sales responsibility has duties.
import { AREAS } from '../../schema/grammar.js';
import { responsibleRoles } from '../../model/queries.js';
import type { DimensionValue } from '../../model/types.js';
import { defineRule } from '../rule.js';
import { keyOf } from '../where.js';

export default defineRule({
  meta: {
    id: 'coverage',
    description: { en: 'A declared tier, region, product or other dimension value, process step or area that no role covers.', 'zh-CN': '已声明的客户层级、区域、产品等维度取值、流程步骤或职责维度无岗位覆盖。' },
    severity: 'warning',
    recommended: true,
    options: {},
    messages: {
      value: { en: 'no role is scoped to `{value}`, though roles are cut by `{dimension}` ({roles})', 'zh-CN': '没有岗位覆盖 `{value}`，而岗位是按 `{dimension}` 划分的（{roles}）' },
      step: { en: 'no role is Responsible for any duty of process step `{step}`', 'zh-CN': '没有岗位对流程步骤 `{step}` 的任何职责负执行责任' },
      'step-no-duty': { en: 'no duty serves process step `{step}`', 'zh-CN': '没有职责服务于流程步骤 `{step}`' },
      area: { en: 'no duty in the `{area}` area: the design leaves it uncovered', 'zh-CN': '`{area}` 职责维度下没有任何职责：设计中缺少这一块' },
    },
  },
  check({ model, report }) {
    // A dimension counts once roles are cut along it: then each value needs a role scoped to it.
    for (const dimension of model.dimensions.values()) {
      const cutRoles = [...model.roles.values()].filter((r) => r.scope.has(dimension) && r.duties.some((a) => a.letters.has('R')));
      if (cutRoles.length === 0) continue;
      const covered = new Set<DimensionValue>();
      for (const r of cutRoles) for (const v of r.scope.get(dimension)!) covered.add(v);
      const names = cutRoles.slice(0, 3).map((r) => r.id).join(', ') + (cutRoles.length > 3 ? ', …' : '');
      for (const value of dimension.values.values()) {
        if (!covered.has(value)) report({ messageId: 'value', data: { value: value.id, dimension: dimension.id, roles: names }, at: keyOf(value.src) });
      }
    }
    for (const step of model.steps.values()) {
      if (step.duties.length === 0) report({ messageId: 'step-no-duty', data: { step: step.id }, at: keyOf(step.src) });
      else if (step.duties.every((d) => responsibleRoles(d).length === 0)) report({ messageId: 'step', data: { step: step.id }, at: keyOf(step.src) });
    }
    if (model.duties.size > 0) {
      const present = new Set([...model.duties.values()].map((d) => d.area));
      for (const area of AREAS) if (!present.has(area)) report({ messageId: 'area', data: { area }, at: keyOf(model.org.src) });
    }
  },
});
