// RACI as sales orgs practise it: one Accountable role per duty in each territory or segment
// (`accountable_per` on the duty), and the Accountable role in the management line of those who
// do the work — a manager cannot own deals closed by people who do not report to them.
import type { DimensionValue, Duty, Role } from '../../model/types.js';
import { cellLabel, cellsOf, inLineOf, worksAt } from '../lines.js';
import { defineRule } from '../rule.js';
import { named } from '../named.js';
import { keyAt, keyOf } from '../where.js';

export default defineRule<{ managementLine: 'all' | 'scoped' | 'off' }>({
  meta: {
    id: 'scoped-accountability',
    description: {
      en: 'A duty owned per region or segment with no Accountable role or more than one in some cell, or an Accountable role outside the management line of those who do the work.',
      'zh-CN': '按区域或细分市场分别问责的职责，在某个范围内没有或有多个问责岗位（A）；或问责岗位不在执行者（R）的汇报线上。',
    },
    severity: 'error',
    recommended: true,
    options: {
      managementLine: {
        description: 'Where the Accountable role must be in the solid or dotted management line of every Responsible role in its cell: `scoped` for duties with `accountable_per`, `all` for every duty (one org-wide cell when not scoped), `off` nowhere.',
        default: 'scoped',
        schema: { enum: ['all', 'scoped', 'off'] },
      },
    },
    messages: {
      'no-accountable': {
        en: 'duty {duty} is owned per {dimensions}, but nobody is Accountable (A) in {cells}, where {role} does the work: give A to the role that manages that scope',
        'zh-CN': '职责 {duty} 按{dimensions}分别问责，但在 {cells} 没有问责岗位（A），而 {role} 在该范围执行：请把 A 交给管理该范围的岗位',
      },
      'many-accountable': {
        en: 'duty {duty} has {count} Accountable (A) roles in {cells} ({roles}): narrow their scopes so each cell has one owner',
        'zh-CN': '职责 {duty} 在 {cells} 有 {count} 个问责岗位（{roles}）：请收窄其范围，使每个范围只有一个负责人',
      },
      'also-accountable': { en: 'also Accountable for {duty} there', 'zh-CN': '在该范围同样对 {duty} 问责' },
      'not-in-line': {
        en: '{role} does duty {duty}, but {accountable}, Accountable for it, is not in its management line (solid or dotted): give A to its manager, own the duty per region or segment (`accountable_per`), or have it report to {accountable}',
        'zh-CN': '{role} 执行职责 {duty}，但问责岗位 {accountable} 不在其汇报线（实线或虚线）上：请把 A 交给其上级、按区域或细分市场分别问责（`accountable_per`），或让它向 {accountable} 汇报',
      },
      'not-in-line-cell': {
        en: '{role} does duty {duty} in {cells}, but {accountable}, Accountable for it there, is not in its management line (solid or dotted): give A there to its manager, or have it report to {accountable}',
        'zh-CN': '{role} 在 {cells} 执行职责 {duty}，但在该范围问责的 {accountable} 不在其汇报线（实线或虚线）上：请把该范围的 A 交给其上级，或让它向 {accountable} 汇报',
      },
      'accountable-here': { en: 'Accountable for {duty}', 'zh-CN': '对 {duty} 问责' },
    },
  },
  check({ model, options, report }) {
    for (const duty of model.duties.values()) {
      if (duty.assignments.length === 0) continue;
      if (duty.accountablePer.length === 0) {
        // One A org-wide: raci-accountable counts them; here only the line is judged.
        if (options.managementLine === 'all' && duty.accountable.length === 1) {
          const [owner] = duty.accountable;
          for (const doer of duty.responsible) {
            if (!inLineOf(doer, owner)) notInLine(duty, doer, owner);
          }
        }
        continue;
      }
      const dimensions = duty.accountablePer.map((d) => d.id).join(' × ');
      const missing = new Map<Role, DimensionValue[][]>();
      const crowded = new Map<string, { owners: Role[]; cells: DimensionValue[][] }>();
      const outOfLine = new Map<string, { doer: Role; owner: Role; cells: DimensionValue[][] }>();
      for (const cell of cellsOf(duty.accountablePer)) {
        const covers = (r: Role) => cell.every((v) => worksAt(r, v));
        const owners = duty.accountable.filter(covers);
        const doers = duty.responsible.filter(covers);
        if (owners.length === 0) {
          if (doers.length) push(missing, doers[0], cell);
        } else if (owners.length > 1) {
          const key = owners.map((r) => r.id).join(' ');
          const entry = crowded.get(key) ?? { owners, cells: [] };
          entry.cells.push(cell);
          crowded.set(key, entry);
        } else if (options.managementLine !== 'off') {
          const [owner] = owners;
          for (const doer of doers) {
            if (inLineOf(doer, owner)) continue;
            const key = `${doer.id} ${owner.id}`;
            const entry = outOfLine.get(key) ?? { doer, owner, cells: [] };
            entry.cells.push(cell);
            outOfLine.set(key, entry);
          }
        }
      }
      for (const [doer, cells] of missing) {
        report({ messageId: 'no-accountable', data: { duty: named(model, duty), dimensions, cells: cellsText(cells), role: named(model, doer) }, at: keyOf(duty.src) });
      }
      for (const { owners, cells } of crowded.values()) {
        const [first, second, ...more] = owners;
        report({
          messageId: 'many-accountable',
          data: { duty: named(model, duty), count: owners.length, cells: cellsText(cells), roles: owners.map((r) => r.id).join(', ') },
          at: keyAt(second.src, 'duties', duty.id),
          related: [first, ...more].map((r) => ({ messageId: 'also-accountable', data: { duty: named(model, duty) }, at: keyAt(r.src, 'duties', duty.id) })),
        });
      }
      for (const { doer, owner, cells } of outOfLine.values()) notInLine(duty, doer, owner, cellsText(cells));
    }

    function notInLine(duty: Duty, doer: Role, owner: Role, cells?: string): void {
      report({
        messageId: cells === undefined ? 'not-in-line' : 'not-in-line-cell',
        data: { role: named(model, doer), duty: named(model, duty), accountable: named(model, owner), ...(cells === undefined ? {} : { cells }) },
        at: keyAt(doer.src, 'duties', duty.id),
        related: [{ messageId: 'accountable-here', data: { duty: named(model, duty) }, at: keyAt(owner.src, 'duties', duty.id) }],
      });
    }
  },
});

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Cells as people read them, e.g. `region east; region south`. */
function cellsText(cells: readonly DimensionValue[][]): string {
  return cells.map(cellLabel).join('; ');
}
