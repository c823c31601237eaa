// Comparable seats carry comparable quotas: two regions' reps cut the same way, one with a quota
// far above the other, is an unfair split (the over-quota'd leave, the under-quota'd coast).
import type { Dimension, DimensionValue, Role } from '../../model/types.js';
import { writeMoney } from '../capacity.js';
import { named } from '../named.js';
import { defineRule } from '../rule.js';
import { valueAt } from '../where.js';

export default defineRule<{ tolerance: number }>({
  meta: {
    id: 'territory-balance',
    description: {
      en: 'A quota per seat far from that of comparable seats: roles of the same level and family, cut the same way, whose scopes differ on one dimension only.',
      'zh-CN': '每个编制的指标与可比岗位（同层级、同族、划分方式相同，范围仅在一个维度上不同）相差过大。',
    },
    severity: 'warning',
    recommended: true,
    options: {
      tolerance: {
        description: 'How far (as a share of the comparable seats\' average, 0–1) a seat\'s quota may be from it.',
        default: 0.15,
        schema: { type: 'number', minimum: 0, maximum: 1 },
      },
    },
    messages: {
      above: {
        en: 'a seat of {role} carries {quota}, {percent}% above the {average} average of the comparable seats of {roles}: balance the quotas, or the territories behind them',
        'zh-CN': '{role} 每个编制的指标为 {quota}，比可比岗位 {roles} 的平均值 {average} 高 {percent}%：请平衡指标，或调整其背后的区域划分',
      },
      below: {
        en: 'a seat of {role} carries {quota}, {percent}% below the {average} average of the comparable seats of {roles}: balance the quotas, or the territories behind them',
        'zh-CN': '{role} 每个编制的指标为 {quota}，比可比岗位 {roles} 的平均值 {average} 低 {percent}%：请平衡指标，或调整其背后的区域划分',
      },
    },
  },
  check({ model, options, report }) {
    const carriers = [...model.roles.values()].filter((r) => r.quota && r.headcount > 0);
    const reported = new Set<Role>();
    // Each carrier's scope on each dimension it restricts, written once per value set (the model
    // shares one set among all roles that list the same values).
    const texts = new Map<ReadonlySet<DimensionValue>, string>();
    const textOf = (d: Dimension, values: ReadonlySet<DimensionValue>) => {
      let text = texts.get(values);
      if (text === undefined) texts.set(values, (text = `${d.id}:${[...values].map((v) => v.id).sort().join(',')}`));
      return text;
    };
    // The groups' keys are short: each scope text, and each role's level, family, cut and currency,
    // stand as a number. Keys written out in full cost most of this rule's time at 10,000 roles
    // (the language server runs it on every edit).
    const numbers = new Map<string, number>();
    const numberOf = (text: string) => {
      let n = numbers.get(text);
      if (n === undefined) numbers.set(text, (n = numbers.size));
      return n;
    };
    const written = new Map<Role, [Dimension, number][]>();
    const kinds = new Map<Role, string>();
    for (const role of carriers) {
      const scope = [...role.scope].map(([d, values]): [Dimension, string] => [d, textOf(d, values)]).sort((x, y) => (x[1] < y[1] ? -1 : 1));
      written.set(role, scope.map(([d, text]) => [d, numberOf(text)]));
      kinds.set(role, String(numberOf(`${role.level}|${role.family?.id ?? ''}|${[...role.cut].sort().join(',')}|${role.quota!.perSeat.currency ?? ''}`)));
    }
    // Comparable: same level, family, way of cutting and currency, and the same scope on every
    // dimension but one — the territory (a region, an industry) that tells them apart.
    for (const dimension of model.dimensions.values()) {
      const groups = new Map<string, Role[]>();
      for (const role of carriers) {
        if (!role.scope.has(dimension)) continue;
        let key = kinds.get(role)!;
        for (const [d, n] of written.get(role)!) if (d !== dimension) key += `|${n}`;
        const group = groups.get(key);
        if (group) group.push(role);
        else groups.set(key, [role]);
      }
      for (const roles of groups.values()) {
        if (roles.length < 2) continue;
        const seats = roles.reduce((n, r) => n + r.headcount, 0);
        const average = roles.reduce((n, r) => n + r.headcount * r.quota!.perSeat.value, 0) / seats;
        if (average <= 0) continue;
        for (const role of roles) {
          const off = role.quota!.perSeat.value / average - 1;
          if (Math.abs(off) <= options.tolerance + 1e-9 || reported.has(role)) continue;
          reported.add(role);
          report({
            messageId: off > 0 ? 'above' : 'below',
            data: {
              role: named(model, role),
              quota: role.quota!.perSeat.text,
              percent: Math.round(Math.abs(off) * 1000) / 10,
              average: writeMoney(average, role.quota!.perSeat),
              roles: roles.filter((r) => r !== role).map((r) => named(model, r)),
            },
            at: valueAt(role.src, 'quota', 'per_seat'),
          });
        }
      }
    }
  },
});
