// Can these seats carry this target? Capacity of the quota-carrying roles in each target's scope
// against the target, and how far the quotas handed out exceed it (over-assignment).
import type { DimensionValue, Role, Target } from '../../model/types.js';
import { overlapsScope, roleCapacity, withinScope, writeMoney, type RoleCapacity } from '../capacity.js';
import { effectiveValues } from '../lines.js';
import { defineRule } from '../rule.js';
import { keyOf, valueAt } from '../where.js';

interface Options {
  metrics: string[];
  overAssignmentMin: number;
  overAssignmentMax: number;
  periodMonths: number;
  countOpenSeats: boolean;
}

export default defineRule<Options>({
  meta: {
    id: 'quota-capacity',
    description: {
      en: 'A revenue target that the quota-carrying seats in its scope cannot deliver, quotas over-assigned outside the usual band, or a quota carrier outside every target\'s scope.',
      'zh-CN': '范围内承担指标的岗位无法完成的收入目标、超出常规区间的指标超配，或不在任何目标范围内的指标承担岗位。',
    },
    severity: 'warning',
    recommended: true,
    options: {
      metrics: { description: 'Target metrics that quota-carrying seats deliver.', default: ['revenue'], schema: { type: 'array', items: { type: 'string' }, uniqueItems: true } },
      overAssignmentMin: { description: 'Least over-assignment (Σ quotas ÷ target − 1) that leaves a buffer for misses.', default: 0.1, schema: { type: 'number', minimum: -1 } },
      overAssignmentMax: { description: 'Most over-assignment before quotas stop being credible.', default: 0.25, schema: { type: 'number', minimum: 0 } },
      periodMonths: { description: 'Months in the period the quotas and targets are for (ramps are spread over it).', default: 12, schema: { type: 'number', exclusiveMinimum: 0, maximum: 120 } },
      countOpenSeats: { description: 'Count open seats as hired at the start of the period and ramping, instead of delivering nothing.', default: false, schema: { type: 'boolean' } },
    },
    messages: {
      short: {
        en: '`{target}` is {value}, but the quota-carrying seats in its scope ({seats} seats, {open} of them open, {ramping} ramping) can deliver about {capacity}: {gap} short — add or fill seats, raise quotas, or lower the target',
        'zh-CN': '`{target}` 为 {value}，但其范围内承担指标的岗位（{seats} 个编制，其中空缺 {open} 个、爬坡 {ramping} 个）约可完成 {capacity}：缺口 {gap}——请增加或补齐编制、提高指标，或下调目标',
      },
      'under-assigned': {
        en: 'quotas in the scope of `{target}` add up to {quota}, {percent}% over the target {value}: less than the {min}% buffer that absorbs misses and open seats',
        'zh-CN': '`{target}` 范围内的指标合计 {quota}，比目标 {value} 高 {percent}%：低于用于吸收未达成与空缺的 {min}% 缓冲',
      },
      'over-assigned': {
        en: 'quotas in the scope of `{target}` add up to {quota}, {percent}% over the target {value}: more than {max}%, which makes quotas hard to believe in',
        'zh-CN': '`{target}` 范围内的指标合计 {quota}，比目标 {value} 高 {percent}%：超过 {max}%，指标会失去可信度',
      },
      'no-carrier': {
        en: 'no quota-carrying role works in the scope of `{target}` ({value}): give the roles that sell there a `quota`, or a scope within the target\'s',
        'zh-CN': '没有承担指标的岗位在 `{target}`（{value}）的范围内工作：请为在该范围销售的岗位设置 `quota`，或使其范围落在目标范围内',
      },
      unplaced: {
        en: '`{role}` carries a quota but works in no scope the revenue targets are split into ({dimensions}): give it a scope, or a manager with one, so its capacity counts toward a target',
        'zh-CN': '`{role}` 承担销售指标，但不在收入目标拆分的任何范围内（{dimensions}）：请为其设置范围，或让它向有范围的上级汇报，使其产能计入某个目标',
      },
      currency: {
        en: '`{role}`\'s quota is in {currency}, but `{target}` is in {targetCurrency}: write quotas in the target\'s currency',
        'zh-CN': '`{role}` 的指标以 {currency} 计，而 `{target}` 以 {targetCurrency} 计：请用目标的币种填写指标',
      },
    },
  },
  check({ model, options, report }) {
    const capacities = new Map<Role, RoleCapacity>();
    for (const role of model.roles.values()) {
      const c = roleCapacity(role, options);
      if (c) capacities.set(role, c);
    }
    // Planning is opt-in: a design that names no quota says nothing about capacity.
    if (capacities.size === 0) return;
    const targets = [...model.targets.values()].filter((t) => options.metrics.includes(t.metric) && t.value.kind === 'money');
    // Carriers by the values they work at, on each dimension they (or their managers) restrict:
    // a scoped target looks only at the carriers of one of its values, not at every seat.
    const byValue = new Map<DimensionValue, RoleCapacity[]>();
    for (const c of capacities.values()) {
      for (const dimension of model.dimensions.values()) {
        const values = effectiveValues(c.role, dimension);
        if (!values) continue;
        for (const v of values) {
          const list = byValue.get(v);
          if (list) list.push(c);
          else byValue.set(v, [c]);
        }
      }
    }
    const candidates = (target: Target): RoleCapacity[] => {
      const first = target.scope.entries().next().value;
      if (!first) return [...capacities.values()];
      const [, values] = first;
      return [...new Set([...values].flatMap((v) => byValue.get(v) ?? []))];
    };
    const placed = new Set<Role>();
    const wrongCurrency = new Set<Role>();
    for (const target of targets) {
      // A scoped target counts the seats inside its scope; an unscoped one at the top counts all.
      if (target.scope.size === 0 && target.parent) continue;
      const inScope = candidates(target).filter((c) => withinScope(c.role, target));
      if (target.scope.size > 0) for (const c of inScope) placed.add(c.role);
      // Seats that also sell outside the scope (reps selling both product lines under a product
      // split) cannot be apportioned to it: such a target is judged through its parent.
      if (inScope.length === 0 && [...capacities.keys()].some((r) => overlapsScope(r, target))) continue;
      const usable = inScope.filter((c) => {
        if (c.currency === target.value.currency) return true;
        if (!wrongCurrency.has(c.role)) {
          wrongCurrency.add(c.role);
          report({ messageId: 'currency', data: { role: c.role.id, currency: c.currency ?? '', target: target.id, targetCurrency: target.value.currency ?? '' }, at: valueAt(c.role.src, 'quota', 'per_seat') });
        }
        return false;
      });
      const value = target.value.value;
      if (usable.length === 0) {
        if (target.scope.size > 0) report({ messageId: 'no-carrier', data: { target: target.id, value: target.value.text }, at: valueAt(target.src, 'value') });
        continue;
      }
      const capacity = sum(usable, (c) => c.capacity);
      const quota = sum(usable, (c) => c.quota);
      const at = valueAt(target.src, 'value');
      if (capacity < value) {
        report({
          messageId: 'short',
          data: {
            target: target.id, value: target.value.text, seats: sum(usable, (c) => c.seats), open: sum(usable, (c) => c.open), ramping: sum(usable, (c) => c.ramping),
            capacity: writeMoney(capacity, target.value), gap: writeMoney(value - capacity, target.value),
          },
          at,
        });
        continue;
      }
      if (value <= 0) continue;
      const over = quota / value - 1;
      const data = { target: target.id, value: target.value.text, quota: writeMoney(quota, target.value), percent: Math.round(over * 1000) / 10, min: pct(options.overAssignmentMin), max: pct(options.overAssignmentMax) };
      if (over < options.overAssignmentMin - 1e-9) report({ messageId: 'under-assigned', data, at });
      else if (over > options.overAssignmentMax + 1e-9) report({ messageId: 'over-assigned', data, at });
    }
    // Carriers that count toward none of the scoped targets: their capacity is planned nowhere.
    const scoped = targets.filter((t) => t.scope.size > 0);
    if (scoped.length === 0) return;
    const dimensions = [...new Set(scoped.flatMap((t) => [...t.scope.keys()].map((d) => d.id)))].join(', ');
    for (const c of capacities.values()) {
      if (!placed.has(c.role)) report({ messageId: 'unplaced', data: { role: c.role.id, dimensions }, at: keyOf(c.role.src) });
    }
  },
});

function sum<T>(list: readonly T[], f: (t: T) => number): number {
  return list.reduce((n, t) => n + f(t), 0);
}

function pct(share: number): number {
  return Math.round(share * 1000) / 10;
}
