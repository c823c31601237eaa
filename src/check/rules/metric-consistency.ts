// Numbers that contradict each other: profit above revenue, a margin written as an amount, a
// share above 100 %. Declared relations (`at_most`, `at_least`) and the defaults a sales org
// takes for granted (profit ≤ revenue of the same period and scope) are checked with units.
import type { PathPointer } from '../../finding.js';
import type { Quantity, Scope, Source, Target } from '../../model/types.js';
import { parseQuantity } from '../../model/quantity.js';
import type { Measure } from '../../schema/grammar.js';
import { defineRule } from '../rule.js';
import { valueAt } from '../where.js';

/** What each target metric is measured in. */
const TARGET_MEASURE: Record<string, Measure> = {
  revenue: 'amount',
  profit: 'amount',
  collections: 'amount',
  'gross-margin': 'share',
  'market-share': 'share',
  'new-customers': 'count',
  deals: 'count',
};

const KIND_OF: Record<Measure, Quantity['kind']> = { amount: 'money', share: 'percent', count: 'number', duration: 'duration' };

export default defineRule<{ atMost: Record<string, string[]> }>({
  meta: {
    id: 'metric-consistency',
    description: {
      en: 'A target or KPI whose value contradicts a declared or default relation (profit above revenue), is in the wrong unit for what it measures, or is a share above 100 %.',
      'zh-CN': '目标或 KPI 的数值违反声明的或默认的关系（利润高于收入）、单位与所衡量的内容不符，或占比超过 100%。',
    },
    severity: 'error',
    recommended: true,
    options: {
      atMost: {
        description: 'Default relations between target metrics: a target of the key metric may not exceed a target of each listed metric with the same period and scope.',
        default: { profit: ['revenue'] },
        schema: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' }, uniqueItems: true } },
      },
    },
    messages: {
      above: {
        en: '`{id}` is {value}, above `{other}` ({otherValue}), which it may not exceed',
        'zh-CN': '`{id}` 为 {value}，高于 `{other}`（{otherValue}），而它不应超过后者',
      },
      below: {
        en: '`{id}` is {value}, below `{other}` ({otherValue}), which it may not fall below',
        'zh-CN': '`{id}` 为 {value}，低于 `{other}`（{otherValue}），而它不应低于后者',
      },
      'compared-with': { en: 'compared with this value', 'zh-CN': '与此数值比较' },
      'not-comparable': {
        en: '`{id}` ({value}) is declared against `{other}` ({otherValue}), but they are in different units and cannot be compared',
        'zh-CN': '`{id}`（{value}）与 `{other}`（{otherValue}）声明了大小关系，但两者单位不同，无法比较',
      },
      'wrong-unit': {
        en: '`{id}` measures `{measure}`, but {value} is not one: write it like `{expected}`',
        'zh-CN': '`{id}` 衡量的是 `{measure}`，但 {value} 不是这一类数值：请写成 `{expected}` 这样的形式',
      },
      'share-above-100': {
        en: '`{id}` is a share, but {value} is above 100%',
        'zh-CN': '`{id}` 是占比，但 {value} 超过了 100%',
      },
      'signal-unit': {
        en: 'signal `{id}` compares `{watch}`, which measures `{measure}`, with {value}: write it like `{expected}`',
        'zh-CN': '信号 `{id}` 把衡量 `{measure}` 的 `{watch}` 与 {value} 比较：请写成 `{expected}` 这样的形式',
      },
    },
  },
  check({ model, options, report }) {
    for (const target of model.targets.values()) {
      const measure = TARGET_MEASURE[target.metric];
      if (measure && !unitFits(target.value, measure, target.id, valueAt(target.src, 'value'))) continue;
      if (measure === 'share') shareRange(target.value, target.id, valueAt(target.src, 'value'));
    }
    const byKey = new Map<string, Target[]>();
    for (const t of model.targets.values()) {
      const key = `${t.metric}|${t.period ?? ''}|${scopeKey(t.scope)}`;
      const group = byKey.get(key);
      if (group) group.push(t);
      else byKey.set(key, [t]);
    }
    for (const target of model.targets.values()) {
      const mine = { id: target.id, value: target.value, src: target.src, key: 'value' };
      if (target.atMost) relate(mine, { id: target.atMost.id, value: target.atMost.value, src: target.atMost.src, key: 'value' }, 'above', 'at_most');
      if (target.atLeast) relate(mine, { id: target.atLeast.id, value: target.atLeast.value, src: target.atLeast.src, key: 'value' }, 'below', 'at_least');
      for (const metric of options.atMost[target.metric] ?? []) {
        for (const other of byKey.get(`${metric}|${target.period ?? ''}|${scopeKey(target.scope)}`) ?? []) {
          // Defaults hold only where they can be judged: other units are `wrong-unit`'s to report.
          if (other !== target.atMost && sameUnit(target.value, other.value)) relate(mine, { id: other.id, value: other.value, src: other.src, key: 'value' }, 'above');
        }
      }
    }
    for (const kpi of model.kpis.values()) {
      if (!kpi.target) continue;
      const at = valueAt(kpi.src, 'target');
      if (kpi.measure && !unitFits(kpi.target, kpi.measure, kpi.id, at)) continue;
      if (kpi.measure === 'share') shareRange(kpi.target, kpi.id, at);
      const mine = { id: kpi.id, value: kpi.target, src: kpi.src, key: 'target' };
      if (kpi.atMost?.target) relate(mine, { id: kpi.atMost.id, value: kpi.atMost.target, src: kpi.atMost.src, key: 'target' }, 'above', 'at_most');
      if (kpi.atLeast?.target) relate(mine, { id: kpi.atLeast.id, value: kpi.atLeast.target, src: kpi.atLeast.src, key: 'target' }, 'below', 'at_least');
    }
    // Signals on a metric with a declared measure compare like with like.
    for (const signal of model.signals.values()) {
      const metric = model.metrics.get(signal.watch);
      if (!metric?.measure) continue;
      const written = signal.when.replace(/^(<=|>=|<|>|=)\s?/, '').trim();
      const value = parseQuantity(/^-?[\d.]+$/.test(written) ? Number(written) : written);
      if (value.kind !== KIND_OF[metric.measure]) {
        report({ messageId: 'signal-unit', data: { id: signal.id, watch: metric.id, measure: metric.measure, value: value.text, expected: EXAMPLE[metric.measure] }, at: valueAt(signal.src, 'when') });
      }
    }

    function unitFits(value: Quantity, measure: Measure, id: string, at: PathPointer): boolean {
      if (value.kind === KIND_OF[measure]) return true;
      report({ messageId: 'wrong-unit', data: { id, measure, value: value.text, expected: EXAMPLE[measure] }, at });
      return false;
    }

    function shareRange(value: Quantity, id: string, at: PathPointer): void {
      if (value.kind === 'percent' && value.value > 100) report({ messageId: 'share-above-100', data: { id, value: value.text }, at });
    }

    /** `mine` must stay on its side of `other`; a declared relation (`declared`) is reported at its key when units differ. */
    function relate(mine: Side, other: Side, direction: 'above' | 'below', declared?: string): void {
      const data = { id: mine.id, value: mine.value.text, other: other.id, otherValue: other.value.text };
      if (!sameUnit(mine.value, other.value)) {
        if (declared) report({ messageId: 'not-comparable', data, at: valueAt(mine.src, declared) });
        return;
      }
      const broken = direction === 'above' ? mine.value.value > other.value.value : mine.value.value < other.value.value;
      if (broken) report({ messageId: direction, data, at: valueAt(mine.src, mine.key), related: [{ messageId: 'compared-with', at: valueAt(other.src, other.key) }] });
    }
  },
});

interface Side {
  id: string;
  value: Quantity;
  src: Source;
  key: string;
}

const EXAMPLE: Record<Measure, string> = { amount: '120M CNY', share: '15%', count: '8', duration: '24h' };

function sameUnit(a: Quantity, b: Quantity): boolean {
  return a.kind === b.kind && a.currency === b.currency;
}

/** Scopes compared by their dimension and value ids, whatever order they were written in. */
function scopeKey(scope: Scope): string {
  return [...scope].map(([d, values]) => `${d.id}:${[...values].map((v) => v.id).sort().join(',')}`).sort().join(';');
}
