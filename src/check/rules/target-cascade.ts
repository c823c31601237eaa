// 战略承接与目标落地: targets break down completely (children add up to their parent) and every
// target has a role that owns it.
import type { Quantity } from '../../model/types.js';
import { defineRule } from '../rule.js';
import { keyOf, valueAt } from '../where.js';
import { named } from '../named.js';

export default defineRule<{ tolerance: number }>({
  meta: {
    id: 'target-cascade',
    description: { en: 'Child targets that do not add up to their parent, or a target no role owns.', 'zh-CN': '子目标之和与上级目标不一致，或目标没有责任岗位。' },
    severity: 'warning',
    recommended: true,
    options: {
      tolerance: { description: 'How far (as a share of the parent, 0–1) the children\'s sum may be from the parent.', default: 0.01, schema: { type: 'number', minimum: 0, maximum: 1 } },
    },
    messages: {
      sum: { en: 'the targets under {target} add up to {sum}, not {value}', 'zh-CN': '{target} 的子目标合计 {sum}，而不是 {value}' },
      unit: { en: 'target {target} is in {unit}, but its parent {parent} is in {parentUnit}', 'zh-CN': '目标 {target} 的单位是 {unit}，而上级 {parent} 的单位是 {parentUnit}' },
      metric: { en: 'target {target} measures {metric}, but its parent {parent} measures {parentMetric}', 'zh-CN': '目标 {target} 衡量 {metric}，而上级 {parent} 衡量 {parentMetric}' },
      'no-owner': { en: 'target {target} is owned by no role', 'zh-CN': '目标 {target} 没有责任岗位' },
    },
  },
  check({ model, options, report }) {
    for (const target of model.targets.values()) {
      if (!target.owner) report({ messageId: 'no-owner', data: { target: named(model, target) }, at: keyOf(target.src) });
      if (target.children.length === 0) continue;
      let comparable = true;
      for (const child of target.children) {
        if (child.metric !== target.metric) {
          comparable = false;
          report({ messageId: 'metric', data: { target: named(model, child), metric: child.metric, parent: named(model, target), parentMetric: target.metric }, at: valueAt(child.src, 'metric') });
        } else if (unit(child.value) !== unit(target.value)) {
          comparable = false;
          report({ messageId: 'unit', data: { target: named(model, child), unit: unit(child.value), parent: named(model, target), parentUnit: unit(target.value) }, at: valueAt(child.src, 'value') });
        }
      }
      // Shares (market share, margins in %) do not add up across a split; amounts and counts do.
      if (!comparable || target.value.kind === 'percent') continue;
      const sum = target.children.reduce((n, c) => n + c.value.value, 0);
      if (Math.abs(sum - target.value.value) > options.tolerance * Math.abs(target.value.value)) {
        report({ messageId: 'sum', data: { target: named(model, target), sum: write(sum, target.value), value: target.value.text }, at: valueAt(target.src, 'value') });
      }
    }
  },
});

function unit(q: Quantity): string {
  return q.kind === 'money' ? q.currency! : q.kind;
}

/** A sum in the parent's own notation where it is a round figure (120M CNY), else in full. */
function write(n: number, like: Quantity): string {
  if (like.kind !== 'money') return String(Math.round(n * 100) / 100);
  for (const [suffix, scale] of [['亿', 1e8], ['万', 1e4], ['B', 1e9], ['M', 1e6], ['K', 1e3]] as const) {
    if (like.text.includes(suffix)) return `${Math.round((n / scale) * 100) / 100}${suffix} ${like.currency}`;
  }
  return `${Math.round(n * 100) / 100} ${like.currency}`;
}
