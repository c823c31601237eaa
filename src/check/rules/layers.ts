// Few layers: every layer slows decisions and distorts what the top hears from customers.
import { layers } from '../../model/queries.js';
import { defineRule } from '../rule.js';
import { valueAt } from '../where.js';
import { named } from '../named.js';

export default defineRule<{ max: number }>({
  meta: {
    id: 'layers',
    description: { en: 'A reporting chain deeper than the allowed number of layers.', 'zh-CN': '汇报链层级超过允许的层数。' },
    severity: 'warning',
    recommended: true,
    options: {
      max: { description: 'Most layers from the top role down, the top role being layer 1.', default: 5, schema: { type: 'integer', minimum: 1 } },
    },
    messages: {
      deep: { en: 'role {role} is at layer {layer} ({chain}); at most {max, plural, one {# layer} other {# layers}}', 'zh-CN': '岗位 {role} 位于第 {layer} 层（{chain}）；最多 {max} 层' },
    },
  },
  check({ model, options, report }) {
    const layerOf = layers(model.roles.values());
    for (const role of model.roles.values()) {
      // Report where the chain first goes too deep; roles below follow from it.
      if (layerOf.get(role) !== options.max + 1) continue;
      const chain: string[] = [];
      for (let r: typeof role | undefined = role; r; r = r.manager) chain.push(r.id);
      report({ messageId: 'deep', data: { role: named(model, role), layer: options.max + 1, chain: chain.reverse().join(' → '), max: options.max }, at: valueAt(role.src, 'reports_to') });
    }
  },
});
