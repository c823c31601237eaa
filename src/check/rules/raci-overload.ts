// RACI balance: a role that owns, does or is consulted on nearly everything it touches is a
// bottleneck or a meeting seat, not a job.
import { defineRule } from '../rule.js';
import { keyOf } from '../where.js';
import { named } from '../named.js';

interface Options {
  maxAccountable: number;
  maxResponsible: number;
  maxConsulted: number;
  minDuties: number;
}

const share = (description: string, value: number) => ({ description, default: value, schema: { type: 'number', minimum: 0, maximum: 1 } });

export default defineRule<Options>({
  meta: {
    id: 'raci-overload',
    description: { en: 'A role that is Accountable, Responsible or Consulted on too large a share of the duties it touches.', 'zh-CN': '在其涉及的职责中，问责（A）、执行（R）或被咨询（C）占比过高的岗位。' },
    severity: 'warning',
    recommended: true,
    options: {
      maxAccountable: share('Largest share (0–1) of the duties it touches that a role may be Accountable for.', 0.9),
      maxResponsible: share('Largest share (0–1) of the duties it touches that a role may be Responsible for (1 = no limit).', 1),
      maxConsulted: share('Largest share (0–1) of the duties it touches that a role may be Consulted on.', 0.5),
      minDuties: { description: 'Only judge roles that touch at least this many duties.', default: 5, schema: { type: 'integer', minimum: 1 } },
    },
    messages: {
      A: { en: 'role {role} is Accountable for {percent}% of the {count, plural, one {# duty} other {# duties}} it touches (at most {max}%): it owns everything and delegates nothing', 'zh-CN': '岗位 {role} 在其涉及的 {count} 项职责中问责（A）占 {percent}%（上限 {max}%）：权责过于集中' },
      R: { en: 'role {role} is Responsible for {percent}% of the {count, plural, one {# duty} other {# duties}} it touches (at most {max}%)', 'zh-CN': '岗位 {role} 在其涉及的 {count} 项职责中执行（R）占 {percent}%（上限 {max}%）' },
      C: { en: 'role {role} is Consulted on {percent}% of the {count, plural, one {# duty} other {# duties}} it touches (at most {max}%): more meetings than work', 'zh-CN': '岗位 {role} 在其涉及的 {count} 项职责中被咨询（C）占 {percent}%（上限 {max}%）：会多活少' },
    },
  },
  check({ model, options, report }) {
    const limits = [
      ['A', options.maxAccountable],
      ['R', options.maxResponsible],
      ['C', options.maxConsulted],
    ] as const;
    for (const role of model.roles.values()) {
      const count = role.duties.length;
      if (count < options.minDuties) continue;
      const counts = { A: 0, R: 0, C: 0 };
      for (const a of role.duties) {
        if (a.letters.has('A')) counts.A++;
        if (a.letters.has('R')) counts.R++;
        if (a.letters.has('C')) counts.C++;
      }
      for (const [letter, max] of limits) {
        const n = counts[letter];
        if (n / count > max) {
          report({ messageId: letter, data: { role: named(model, role), percent: Math.round((100 * n) / count), count, max: Math.round(100 * max) }, at: keyOf(role.src) });
        }
      }
    }
  },
});
