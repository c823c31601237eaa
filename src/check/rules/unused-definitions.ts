// Declarations nobody uses are either unfinished work or leftovers; both mislead readers.
import { defineRule } from '../rule.js';
import { keyOf } from '../where.js';
import { named } from '../named.js';
import type { Entity } from '../../model/types.js';

export default defineRule({
  meta: {
    id: 'unused-definitions',
    description: { en: 'A competency, tool, role family or metric that nothing refers to.', 'zh-CN': '没有被任何地方引用的能力、工具、岗位族或指标。' },
    severity: 'warning',
    recommended: false,
    options: {},
    messages: {
      unused: { en: '{kind|kind} {id} is declared but never used', 'zh-CN': '{kind|kind} {id} 已声明但从未使用' },
    },
  },
  check({ model, report }) {
    const usedCompetencies = new Set<Entity>();
    for (const d of model.duties.values()) for (const c of d.demands.keys()) usedCompetencies.add(c);
    for (const r of model.roles.values()) for (const c of r.requires.competencies.keys()) usedCompetencies.add(c);
    for (const p of model.people.values()) for (const c of p.competencies.keys()) usedCompetencies.add(c);
    const watched = new Set([...model.signals.values()].map((s) => s.watch));
    const unused: Array<[string, Entity]> = [
      ...[...model.competencies.values()].filter((c) => !usedCompetencies.has(c)).map((c) => ['competency', c] as [string, Entity]),
      ...[...model.tools.values()].filter((t) => t.users.length === 0).map((t) => ['tool', t] as [string, Entity]),
      ...[...model.families.values()].filter((f) => f.roles.length === 0).map((f) => ['family', f] as [string, Entity]),
      ...[...model.metrics.values()].filter((m) => !watched.has(m.id)).map((m) => ['metric', m] as [string, Entity]),
    ];
    for (const [kind, entity] of unused) report({ messageId: 'unused', data: { kind, id: named(model, entity) }, at: keyOf(entity.src) });
  },
});
