// Can these seats carry this target? Capacity of the quota-carrying roles in each target's scope
// against the target, and how far the quotas handed out exceed it (over-assignment).
import type { Role } from '../../model/types.js';
import { designCapacity, writeMoney } from '../capacity.js';
import { defineRule } from '../rule.js';
import { named } from '../named.js';
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
        en: '{role} carries a quota but works in no scope the revenue targets are split into ({dimensions}): give it a scope, or a manager with one, so its capacity counts toward a target',
        'zh-CN': '{role} 承担销售指标，但不在收入目标拆分的任何范围内（{dimensions}）：请为其设置范围，或让它向有范围的上级汇报，使其产能计入某个目标',
      },
      currency: {
        en: '{role}\'s quota is in {currency}, but `{target}` is in {targetCurrency}: write quotas in the target\'s currency',
        'zh-CN': '{role} 的指标以 {currency} 计，而 `{target}` 以 {targetCurrency} 计：请用目标的币种填写指标',
      },
    },
  },
  check({ model, options, report }) {
    const plan = designCapacity(model, options);
    // Planning is opt-in: a design that names no quota says nothing about capacity.
    if (!plan) return;
    const wrongCurrency = new Set<Role>();
    for (const row of plan.targets) {
      const { target } = row;
      for (const c of row.otherCurrency) {
        if (wrongCurrency.has(c.role)) continue;
        wrongCurrency.add(c.role);
        report({ messageId: 'currency', data: { role: named(model, c.role), currency: c.currency ?? '', target: target.id, targetCurrency: target.value.currency ?? '' }, at: valueAt(c.role.src, 'quota', 'per_seat') });
      }
      const value = target.value.value;
      if (row.carriers.length === 0) {
        if (target.scope.size > 0) report({ messageId: 'no-carrier', data: { target: target.id, value: target.value.text }, at: valueAt(target.src, 'value') });
        continue;
      }
      const at = valueAt(target.src, 'value');
      if (row.capacity < value) {
        report({
          messageId: 'short',
          data: {
            target: target.id, value: target.value.text, seats: row.seats, open: row.open, ramping: row.ramping,
            capacity: writeMoney(row.capacity, target.value), gap: writeMoney(value - row.capacity, target.value),
          },
          at,
        });
        continue;
      }
      if (value <= 0) continue;
      const over = row.quota / value - 1;
      const data = { target: target.id, value: target.value.text, quota: writeMoney(row.quota, target.value), percent: Math.round(over * 1000) / 10, min: pct(options.overAssignmentMin), max: pct(options.overAssignmentMax) };
      if (over < options.overAssignmentMin - 1e-9) report({ messageId: 'under-assigned', data, at });
      else if (over > options.overAssignmentMax + 1e-9) report({ messageId: 'over-assigned', data, at });
    }
    // Carriers that count toward none of the scoped targets: their capacity is planned nowhere.
    if (plan.scoped.length === 0) return;
    const dimensions = [...new Set(plan.scoped.flatMap((t) => [...t.scope.keys()].map((d) => d.id)))].join(', ');
    for (const c of plan.roles) {
      if (!plan.placed.has(c.role)) report({ messageId: 'unplaced', data: { role: named(model, c.role), dimensions }, at: keyOf(c.role.src) });
    }
  },
});

function pct(share: number): number {
  return Math.round(share * 1000) / 10;
}
