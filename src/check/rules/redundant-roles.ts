// No redundancy (不重复设岗): two roles doing the same work for the same scope. Roles split by
// region, tier or product with disjoint scopes are a legitimate split, not redundancy.
//
// Comparing every pair of roles would be quadratic. This is a similarity join with a prefix
// filter: order duties rarest first; two sets with Jaccard similarity ≥ t must share one of the
// first |s| − ⌈t·|s|⌉ + 1 duties of each, so only roles sharing such a duty are compared. Within
// those, roles are bucketed by their number of duties (sets of sizes a and b with b < t·a cannot be
// similar) and by scope cell: roles that pin each of the org's usual cut dimensions to a single
// value can only overlap roles in the same cell (or roles without one), so a territory split into
// thousands of disjoint roles is never compared pairwise. `test/rules/redundant-roles.test.ts`
// checks the result against comparing every pair.
import { scopesOverlap } from '../../model/queries.js';
import type { Dimension, DimensionValue, Duty, Role } from '../../model/types.js';
import { defineRule } from '../rule.js';
import { keyOf } from '../where.js';
import { named } from '../named.js';

export default defineRule<{ threshold: number }>({
  meta: {
    id: 'redundant-roles',
    description: { en: 'Two roles that do largely the same duties for overlapping scopes.', 'zh-CN': '在重叠的范围内承担基本相同职责的两个岗位。' },
    severity: 'warning',
    recommended: true,
    options: {
      threshold: {
        description: 'Share of Responsible duties two roles must have in common (Jaccard similarity, 0–1) to count as doing the same work.',
        default: 0.8,
        schema: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
      },
    },
    messages: {
      redundant: { en: 'role {role} does the same work as {other} ({percent}% of Responsible duties shared) for an overlapping scope: merge them, or split their scopes', 'zh-CN': '岗位 {role} 与 {other} 在重叠的范围内做相同的工作（{percent}% 的执行职责相同）：请合并，或划分不重叠的范围' },
      other: { en: '{other} is declared here', 'zh-CN': '{other} 声明于此' },
    },
  },
  check({ model, options, report }) {
    const t = options.threshold;
    // Working roles (Responsible for something) in declaration order, known from here by their
    // index; duties by their index too. Integers and typed arrays instead of maps and sets, one
    // closure for the whole run: this code runs once per process, mostly before V8 optimises it.
    const dutyIndex = new Map<Duty, number>();
    for (const d of model.duties.values()) dutyIndex.set(d, dutyIndex.size);
    const roles: Role[] = [];
    const tokens: number[][] = [];
    const frequency = new Int32Array(dutyIndex.size);
    for (const role of model.roles.values()) {
      let duties: number[] | undefined;
      for (const a of role.duties) {
        if (!a.letters.has('R')) continue;
        const d = dutyIndex.get(a.duty)!;
        (duties ??= []).push(d);
        frequency[d]++;
      }
      if (!duties) continue;
      roles.push(role);
      tokens.push(duties);
    }
    // Duties rarest first (ties in declaration order): a duty's rank replaces it from here on.
    const used: number[] = [];
    for (let d = 0; d < frequency.length; d++) if (frequency[d] > 0) used.push(d);
    used.sort((a, b) => frequency[a] - frequency[b] || a - b);
    const rank = new Int32Array(dutyIndex.size);
    for (let i = 0; i < used.length; i++) rank[used[i]] = i;
    for (const list of tokens) toSortedRanks(list, rank);

    const cells = scopeCells(roles);
    // duty rank → number of duties → the roles indexed under that duty with that many duties, all
    // of them and by scope cell (cell 0 holds the roles without a cell, which meet every role). Sets
    // of very different sizes cannot be similar: whole buckets are skipped by their size alone.
    const index: Array<Map<number, Bucket> | undefined> = new Array(used.length);
    // Stamps instead of sets cleared for every role: seen[j] === i + 1 once role j was compared with
    // role i; mine[rank] === i + 1 when role i is Responsible for that duty.
    const seen = new Int32Array(roles.length);
    const mine = new Int32Array(used.length);
    // The role being matched, and its best match so far.
    let role = roles[0];
    let n = 0;
    let stamp = 0;
    let match = -1;
    let similarity = 0;
    const consider = (list: readonly number[] | undefined) => {
      if (!list) return;
      for (let x = 0; x < list.length; x++) {
        const j = list[x];
        // Lists hold earlier roles in order: nothing after the best match so far can replace it.
        if (match !== -1 && j > match) return;
        if (seen[j] === stamp) continue;
        seen[j] = stamp;
        // Roles split by scope (the usual case) are not redundant.
        const other = roles[j];
        if (role.scope !== other.scope && !scopesOverlap(role.scope, other.scope)) continue;
        const theirs = tokens[j];
        let shared = 0;
        for (let k = 0; k < theirs.length; k++) if (mine[theirs[k]] === stamp) shared++;
        const s = shared / (n + theirs.length - shared);
        // The earliest declared match, so the report is the same on every run.
        if (s >= t && (match === -1 || j < match)) {
          match = j;
          similarity = s;
        }
      }
    };
    for (let i = 0; i < roles.length; i++) {
      role = roles[i];
      const own = tokens[i];
      n = own.length;
      stamp = i + 1;
      match = -1;
      similarity = 0;
      for (let k = 0; k < n; k++) mine[own[k]] = stamp;
      // Sets with Jaccard similarity ≥ t share one of the first n − ⌈t·n⌉ + 1 tokens of each. The
      // tolerance keeps an inexact product (0.56 × 25 = 14.000000000000002) from dropping a pair.
      const prefix = n - Math.ceil(t * n - EPSILON) + 1;
      const cell = cells[i];
      for (let k = 0; k < prefix; k++) {
        const byLength = index[own[k]];
        if (!byLength) continue;
        for (const [length, bucket] of byLength) {
          if (length < t * n - EPSILON || n < t * length - EPSILON) continue;
          if (cell === 0) consider(bucket.all);
          else {
            consider(bucket.byCell.get(cell));
            consider(bucket.byCell.get(0));
          }
        }
      }
      if (match !== -1) {
        const other = roles[match];
        report({
          messageId: 'redundant',
          data: { role: named(model, role), other: named(model, other), percent: Math.round(similarity * 100) },
          at: keyOf(role.src),
          related: [{ messageId: 'other', data: { other: named(model, other) }, at: keyOf(other.src) }],
        });
      }
      for (let k = 0; k < prefix; k++) {
        let byLength = index[own[k]];
        if (!byLength) index[own[k]] = byLength = new Map();
        let bucket = byLength.get(n);
        if (!bucket) byLength.set(n, (bucket = { all: [], byCell: new Map() }));
        bucket.all.push(i);
        const list = bucket.byCell.get(cell);
        if (list) list.push(i);
        else bucket.byCell.set(cell, [i]);
      }
    }
  },
});

/** Duty indexes → their ranks, ascending, in place (insertion sort: a role has few duties). */
function toSortedRanks(list: number[], rank: Int32Array): void {
  for (let i = 0; i < list.length; i++) {
    const r = rank[list[i]];
    let k = i - 1;
    while (k >= 0 && list[k] > r) {
      list[k + 1] = list[k];
      k--;
    }
    list[k + 1] = r;
  }
}

interface Bucket {
  all: number[];
  byCell: Map<number, number[]>;
}

/** Slack for comparing a count with a product of the threshold, which floating point may overshoot. */
const EPSILON = 1e-9;

/**
 * Each role's scope cell, as a number: the values it pins on the dimensions that at least a quarter
 * of the working roles pin to a single value, or 0 when it does not pin all of them. Two roles with
 * different cells are disjoint on some dimension both pin, so they cannot overlap.
 */
function scopeCells(roles: readonly Role[]): Int32Array {
  const pinned = new Map<Dimension, number>();
  const count = (values: ReadonlySet<DimensionValue>, d: Dimension) => {
    if (values.size === 1) pinned.set(d, (pinned.get(d) ?? 0) + 1);
  };
  for (const r of roles) r.scope.forEach(count);
  const dims = [...pinned].filter(([, n]) => n * 4 >= roles.length).map(([d]) => d);
  const cells = new Int32Array(roles.length);
  if (dims.length === 0) return cells;
  // A trie over the pinned values, one level per dimension; its leaves number the cells.
  const root = new Map<DimensionValue, unknown>();
  let next = 1;
  for (let i = 0; i < roles.length; i++) {
    let node = root;
    let cell = 0;
    for (let k = 0; k < dims.length; k++) {
      const values = roles[i].scope.get(dims[k]);
      if (!values || values.size !== 1) break;
      const value = values.values().next().value!;
      if (k < dims.length - 1) {
        let child = node.get(value) as Map<DimensionValue, unknown> | undefined;
        if (!child) node.set(value, (child = new Map()));
        node = child;
      } else {
        cell = (node.get(value) as number | undefined) ?? 0;
        if (cell === 0) node.set(value, (cell = next++));
      }
    }
    cells[i] = cell;
  }
  return cells;
}
