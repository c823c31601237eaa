// Few layers: every layer slows decisions and distorts what the top hears from customers. How few
// depends on size: at a typical span each layer multiplies reach, so a 50-person org needs three
// layers and a 2,000-person one five (docs/rules/layers.md cites the sources).
import { linesRevision } from '../../model/hierarchy.js';
import { layers } from '../../model/queries.js';
import type { OrgModel, Role } from '../../model/types.js';
import { defineRule } from '../rule.js';
import { valueAt } from '../where.js';
import { named } from '../named.js';

interface Options {
  max: number;
  span: number;
  slack: number;
}

/** Layers an org of `headcount` seats needs when every manager leads `span` people: 1 + span + span² + … ≥ headcount. */
export function layersNeeded(headcount: number, span: number): number {
  let reach = 1;
  let level = 1;
  let n = 1;
  while (n < headcount && level < 100) {
    reach *= span;
    n += reach;
    level++;
  }
  return level;
}

export default defineRule<Options>({
  meta: {
    id: 'layers',
    description: { en: 'A reporting chain deeper than the allowed number of layers.', 'zh-CN': '汇报链层级超过允许的层数。' },
    severity: 'warning',
    recommended: true,
    options: {
      max: { description: 'Most layers from the top role down, the top role being layer 1, whatever the headcount.', default: 5, schema: { type: 'integer', minimum: 1 } },
      span: {
        description: 'The typical span the headcount limit assumes: an org needs the layers in which managers of this many people reach every seat.',
        default: 7,
        schema: { type: 'number', minimum: 2 },
      },
      slack: { description: 'Layers allowed beyond those the headcount needs at `span`.', default: 1, schema: { type: 'integer', minimum: 0 } },
    },
    messages: {
      deep: { en: 'role {role} is at layer {layer} ({chain}); at most {max, plural, one {# layer} other {# layers}}', 'zh-CN': '岗位 {role} 位于第 {layer} 层（{chain}）；最多 {max} 层' },
      'deep-for-size': {
        en: 'role {role} is at layer {layer} ({chain}); an org of {headcount} people needs {needed, plural, one {# layer} other {# layers}} at spans of {span}, so at most {max}: widen spans or remove a layer',
        'zh-CN': '岗位 {role} 位于第 {layer} 层（{chain}）；{headcount} 人的组织按管理幅度 {span} 只需 {needed} 层，最多 {max} 层：可扩大管理幅度或减少层级',
      },
    },
  },
  check({ model, options, report }) {
    const headcount = [...model.roles.values()].reduce((n, r) => n + r.headcount, 0);
    const needed = layersNeeded(headcount, options.span);
    const bySize = needed + options.slack;
    const max = Math.min(options.max, bySize);
    const layerOf = layersOf(model);
    for (const role of model.roles.values()) {
      // Report where the chain first goes too deep; roles below follow from it.
      if (layerOf.get(role) !== max + 1) continue;
      const chain: string[] = [];
      for (let r: typeof role | undefined = role; r; r = r.manager) chain.push(r.id);
      const data = { role: named(model, role), layer: max + 1, chain: chain.reverse().join(' → '), max };
      if (bySize < options.max) report({ messageId: 'deep-for-size', data: { ...data, headcount, needed, span: options.span }, at: valueAt(role.src, 'reports_to') });
      else report({ messageId: 'deep', data, at: valueAt(role.src, 'reports_to') });
    }
  },
});

/**
 * Each role's layer, kept per model while its reporting lines stay: the language server checks the
 * same model again after an edit it patched in, and a headcount changes how many layers the org
 * may have, not which layer a role is on.
 */
const lastLayers = new WeakMap<OrgModel, { revision: number; layerOf: Map<Role, number> }>();

function layersOf(model: OrgModel): Map<Role, number> {
  const last = lastLayers.get(model);
  if (last && last.revision === linesRevision()) return last.layerOf;
  const layerOf = layers(model.roles.values());
  lastLayers.set(model, { revision: linesRevision(), layerOf });
  return layerOf;
}
