// Comparable seats carry comparable quotas: two regions' reps cut the same way, one with a quota
// far above the other, is an unfair split (the over-quota'd leave, the under-quota'd coast).
import type { Dimension, DimensionValue, OrgModel, Role } from '../../model/types.js';
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
    const groupsBy = comparableGroups(model);
    const reported = new Set<Role>();
    for (const groups of groupsBy) {
      for (const group of groups.values()) {
        if (group.length < 2) continue;
        // Seats with no headcount carry nothing: grouped all the same, so that a headcount set to 0 and back keeps the groups.
        const roles = group.every((r) => r.headcount > 0) ? group : group.filter((r) => r.headcount > 0);
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

/**
 * The last grouping of each model, with what it was made from: the language server checks the same
 * model again after an edit it patched in (model/incremental.ts: a headcount, a quota), and the
 * grouping is kept while every carrier, and every field that groups it, is as it was.
 */
const lastGrouping = new WeakMap<OrgModel, { inputs: unknown[]; groupsBy: Map<string | number, Role[]>[] }>();

/**
 * Whether the carriers of `model`, and what groups them, are those of `inputs`: six entries a
 * carrier, what the grouping reads of it, compared by identity (a scope or a cut is shared, never
 * written); compared in place, as this runs on every edit.
 */
function sameInputs(model: OrgModel, inputs: readonly unknown[]): boolean {
  let i = 0;
  for (const r of model.roles.values()) {
    if (!r.quota) continue;
    if (i + 6 > inputs.length) return false;
    if (inputs[i] !== r || inputs[i + 1] !== r.scope || inputs[i + 2] !== r.cut || inputs[i + 3] !== r.level || inputs[i + 4] !== r.family || inputs[i + 5] !== r.quota.perSeat.currency) return false;
    i += 6;
  }
  return i === inputs.length;
}

/**
 * Comparable carriers, grouped once for each dimension: same level, family, way of cutting and
 * currency, and the same scope on every dimension but that one — the territory (a region, an
 * industry) that tells them apart.
 */
function comparableGroups(model: OrgModel): Map<string | number, Role[]>[] {
  const last = lastGrouping.get(model);
  if (last && sameInputs(model, last.inputs)) return last.groupsBy;
  const carriers: Role[] = [];
  const inputs: unknown[] = [];
  for (const r of model.roles.values()) {
    if (!r.quota) continue;
    carriers.push(r);
    inputs.push(r, r.scope, r.cut, r.level, r.family, r.quota.perSeat.currency); // as sameInputs reads them
  }
  // At 10,000 roles every carrier has a scope and a cut of its own, so the work per carrier is
  // what counts: each scope value set stands as a number (a set of one value, nearly all of
  // them, by the value itself, with no text), each dimension has a slot, and the carriers are
  // grouped for every dimension at once under a key made of those numbers: one number when the
  // numbers fit in one (always, short of millions of values), else a short text of them (two
  // UTF-16 units each) made without a template or a concatenation per part.
  let next = 0;
  const singles = new Map<DimensionValue, number>();
  const sets = new Map<string, number>();
  const numberOfSet = (values: ReadonlySet<DimensionValue>) => {
    if (values.size === 1) {
      const v = values.values().next().value!;
      let n = singles.get(v);
      if (n === undefined) singles.set(v, (n = next++));
      return n;
    }
    const text = [...values].map((v) => v.id).sort().join(',');
    let n = sets.get(text);
    if (n === undefined) sets.set(text, (n = next++));
    return n;
  };
  const kinds = new Map<string, number>();
  const slot = new Map<Dimension, number>();
  const groupsBy: Map<string | number, Role[]>[] = [];
  for (const dimension of model.dimensions.values()) {
    slot.set(dimension, slot.size);
    groupsBy.push(new Map());
  }
  const width = slot.size;
  // First every carrier's numbers (-1: not restricted on that dimension) and kind, then the keys,
  // once the count of numbers tells whether a key fits in one number.
  const numbers = new Int32Array(carriers.length * width).fill(-1);
  const kindOf = new Int32Array(carriers.length);
  for (let c = 0; c < carriers.length; c++) {
    const role = carriers[c];
    for (const [d, values] of role.scope) {
      const i = slot.get(d);
      if (i !== undefined) numbers[c * width + i] = numberOfSet(values);
    }
    const cut = role.cut.every((x, i) => i === 0 || role.cut[i - 1] <= x) ? role.cut.join(',') : [...role.cut].sort().join(',');
    const kindText = `${role.level}|${role.family?.id ?? ''}|${cut}|${role.quota!.perSeat.currency ?? ''}`;
    let kind = kinds.get(kindText);
    if (kind === undefined) kinds.set(kindText, (kind = kinds.size));
    kindOf[c] = kind;
  }
  // A key: the kind, then the numbers of every other dimension, each + 1 (-1 stays apart), in
  // base `next + 1`: one-to-one, as the text is, so the groups (and their order) are the same.
  const base = next + 1;
  const numeric = kinds.size * base ** Math.max(0, width - 1) <= Number.MAX_SAFE_INTEGER;
  const codes: number[] = [];
  for (let c = 0; c < carriers.length; c++) {
    const role = carriers[c];
    const at = c * width;
    for (let i = 0; i < width; i++) {
      if (numbers[at + i] === -1) continue;
      let key: string | number;
      if (numeric) {
        key = kindOf[c];
        for (let j = 0; j < width; j++) if (j !== i) key = key * base + numbers[at + j] + 1;
      } else {
        codes.length = 0;
        codes.push(kindOf[c] & 0xffff, kindOf[c] >>> 16);
        for (let j = 0; j < width; j++) if (j !== i) codes.push(numbers[at + j] & 0xffff, numbers[at + j] >>> 16);
        key = String.fromCharCode.apply(null, codes);
      }
      const groups = groupsBy[i];
      const group = groups.get(key);
      if (group) group.push(role);
      else groups.set(key, [role]);
    }
  }
  lastGrouping.set(model, { inputs, groupsBy });
  return groupsBy;
}
