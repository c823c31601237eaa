// Who owns a revenue target: someone who sells it (carries quota) or manages those who do, who
// works in the target's scope, and whose team includes the specialists of that scope.
import type { DimensionValue, Role } from '../../model/types.js';
import { effectiveValues, someInTeam, teamOf } from '../lines.js';
import { defineRule } from '../rule.js';
import { named } from '../named.js';
import { valueAt } from '../where.js';

export default defineRule<{ metrics: string[] }>({
  meta: {
    id: 'target-ownership',
    description: {
      en: 'A revenue target owned by a role that neither carries quota nor manages anyone who does, that works outside the target\'s scope, or whose team has none of the scope\'s specialists.',
      'zh-CN': '收入目标的责任岗位既不承担指标也不管理承担指标的岗位、不在目标范围内工作，或其团队中没有该范围的专岗。',
    },
    severity: 'warning',
    recommended: true,
    options: {
      metrics: { description: 'Target metrics that are sold, and so owned by sellers or their managers.', default: ['revenue'], schema: { type: 'array', items: { type: 'string' }, uniqueItems: true } },
    },
    messages: {
      'not-a-seller': {
        en: '{owner} owns revenue target {target} but carries no quota and manages nobody who does: give the target to the manager of the sellers in its scope',
        'zh-CN': '{owner} 负责收入目标 {target}，但既不承担指标，也不管理承担指标的岗位：请把目标交给该范围内销售人员的上级',
      },
      'not-a-manager': {
        en: '{owner} owns revenue target {target} but manages nobody and carries no quota: give the target to the manager of the sellers in its scope',
        'zh-CN': '{owner} 负责收入目标 {target}，但没有下属，也不承担指标：请把目标交给该范围内销售人员的上级',
      },
      'owner-scope': {
        en: '{owner} owns {target} for {dimension} {values}, but works in {dimension} {ownerValues}',
        'zh-CN': '{owner} 负责 {target}（{dimension}：{values}），但其工作范围是 {dimension}：{ownerValues}',
      },
      'team-scope': {
        en: 'nobody under {owner} works in {dimension} {values}, the scope of {target}: the roles that do ({roles}) report elsewhere — move them under {owner}, or give the target to their manager',
        'zh-CN': '{owner} 的团队中没有人负责 {dimension}：{values}（{target} 的范围）：负责该范围的岗位（{roles}）向其他人汇报——请把它们调到 {owner} 之下，或把目标交给它们的上级',
      },
    },
  },
  check({ model, options, report }) {
    let carriers = false;
    for (const r of model.roles.values()) if (r.quota) carriers = true;
    // The specialists of each dimension value: roles whose own scope names it. Made when first
    // asked for, as is an owner's team: owners who work in their target's scope need neither.
    let specialistsOf: Map<DimensionValue, Role[]> | undefined;
    const specialistsAt = (v: DimensionValue): readonly Role[] => {
      if (!specialistsOf) {
        specialistsOf = new Map();
        for (const r of model.roles.values()) for (const values of r.scope.values()) for (const v of values) {
          const list = specialistsOf.get(v);
          if (list) list.push(r);
          else specialistsOf.set(v, [r]);
        }
      }
      return specialistsOf.get(v) ?? [];
    };
    for (const target of model.targets.values()) {
      const owner = target.owner;
      if (!owner || !options.metrics.includes(target.metric)) continue;
      const at = valueAt(target.src, 'owner');
      // Until the design says who carries quota, any manager may own a target; a lone expert may not.
      if (!carriers) {
        if (owner.reports.length === 0 && owner.dottedReports.length === 0) report({ messageId: 'not-a-manager', data: { owner: named(model, owner), target: named(model, target) }, at });
      } else if (!owner.quota && !someInTeam(owner, (r) => Boolean(r.quota))) {
        report({ messageId: 'not-a-seller', data: { owner: named(model, owner), target: named(model, target) }, at });
      }
      for (const [dimension, values] of target.scope) {
        const mine = effectiveValues(owner, dimension);
        if (mine && ![...values].every((v) => mine.has(v))) {
          report({ messageId: 'owner-scope', data: { owner: named(model, owner), target: named(model, target), dimension: dimension.id, values: ids(values), ownerValues: ids(mine) }, at });
          continue;
        }
        // An owner who itself works only in the scope covers it; otherwise its team must hold the
        // scope's specialists: roles whose own scope names one of the target's values.
        if (mine) continue;
        const specialists = [...new Set([...values].flatMap(specialistsAt))];
        if (specialists.length && !specialists.some((r) => teamOf(owner).has(r))) {
          report({ messageId: 'team-scope', data: { owner: named(model, owner), target: named(model, target), dimension: dimension.id, values: ids(values), roles: specialists.map((r) => r.id).join(', ') }, at });
        }
      }
    }
  },
});

function ids(values: Iterable<DimensionValue>): string {
  return [...values].map((v) => v.id).join(', ');
}
