// Standard process (流程标准化): every hand-off between roles in the lead-to-cash process has a
// service level, and a chain of service levels fits within the one it is part of.
import { CUSTOMER } from '../../schema/grammar.js';
import { formatMinutes } from '../../model/quantity.js';
import type { Role, Step } from '../../model/types.js';
import { defineRule } from '../rule.js';
import { keyOf, valueAt } from '../where.js';
import { named } from '../named.js';

export default defineRule({
  meta: {
    id: 'service-levels',
    description: { en: 'A hand-off between roles in the process with no service level, or a chain of service levels whose parts exceed its total.', 'zh-CN': '流程中岗位间的交接没有服务水平，或服务水平链条各环节之和超过总时限。' },
    severity: 'warning',
    recommended: true,
    options: {},
    messages: {
      'no-service-level': { en: 'the hand-off from {before} to {step} ({from} → {to}) has no service level', 'zh-CN': '从 {before} 到 {step} 的交接（{from} → {to}）没有服务水平' },
      'parts-exceed': { en: 'the parts of {sl} take {parts} ({list}), more than its {total}', 'zh-CN': '{sl} 各环节合计 {parts}（{list}），超过其总时限 {total}' },
    },
  },
  check({ model, report }) {
    // Consecutive steps whose Responsible roles do not overlap hand work from one set to the other.
    const steps: Step[] = [...model.steps.values()];
    const handoffs = [...model.serviceLevels.values()].filter((sl) => sl.from !== CUSTOMER && sl.to !== CUSTOMER);
    const doers = steps.map(doersOf);
    for (let i = 1; i < steps.length; i++) {
      const before = doers[i - 1];
      const after = doers[i];
      if (before.size === 0 || after.size === 0 || overlapOf(before, after)) continue;
      const covered = handoffs.some((sl) => before.has(sl.from as Role) && after.has(sl.to as Role));
      if (!covered) {
        report({
          messageId: 'no-service-level',
          data: { before: named(model, steps[i - 1]), step: named(model, steps[i]), from: names(before), to: names(after) },
          at: keyOf(steps[i].src),
        });
      }
    }
    for (const sl of model.serviceLevels.values()) {
      if (sl.parts.length === 0) continue;
      const parts = sl.parts.reduce((n, p) => n + p.within.value, 0);
      if (parts > sl.within.value) {
        report({
          messageId: 'parts-exceed',
          data: { sl: named(model, sl), parts: formatMinutes(parts), total: sl.within.text, list: sl.parts.map((p) => `${p.id} ${p.within.text}`).join(' + ') },
          at: valueAt(sl.src, 'within'),
        });
      }
    }
  },
});

/**
 * The Responsible roles of a step's duties, in the order they first appear: thousands at 10k roles,
 * and this runs on every edit in an editor (the language server patches RACI letters into the model
 * it keeps, giving only the edited duties new lists of Responsible roles). A step's set is kept
 * while its duties' lists are the same objects; so is the overlap of two kept sets.
 */
function doersOf(step: Step): Set<Role> {
  const lists = step.duties.map((d) => d.responsible);
  const last = doers.get(step);
  if (last && last.lists.length === lists.length && last.lists.every((l, i) => l === lists[i])) return last.roles;
  const roles = new Set<Role>();
  for (const list of lists) for (const r of list) roles.add(r);
  doers.set(step, { lists, roles });
  return roles;
}

const doers = new WeakMap<Step, { lists: ReadonlyArray<readonly Role[]>; roles: Set<Role> }>();
const overlaps = new WeakMap<Set<Role>, { before: Set<Role>; overlap: boolean }>();

function overlapOf(before: Set<Role>, after: Set<Role>): boolean {
  const last = overlaps.get(after);
  if (last?.before === before) return last.overlap;
  const [small, large] = before.size <= after.size ? [before, after] : [after, before];
  let overlap = false;
  for (const r of small) {
    if (large.has(r)) {
      overlap = true;
      break;
    }
  }
  overlaps.set(after, { before, overlap });
  return overlap;
}

function names(roles: Set<Role>): string {
  const ids = [...roles].map((r) => r.id);
  return ids.length > 3 ? `${ids.slice(0, 3).join(', ')}, …` : ids.join(', ');
}
