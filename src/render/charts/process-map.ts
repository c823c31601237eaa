// The lead-to-cash process as a flowchart: stages as groups, steps in order with the roles
// Responsible and Accountable for their duties, the hand-off from one step to the next labelled
// with its service level, and the other service levels as notes beside the step they belong to.
import type { UiLanguage } from '../../i18n/lang.js';
import { localize } from '../../i18n/text.js';
import type { OrgModel, Party, Role, ServiceLevel, Step } from '../../model/types.js';
import { CUSTOMER } from '../../schema/grammar.js';
import { LABELS } from '../labels.js';
import { clip, LIST_BREAKS, wrap, type Chart, type ChartEdge, type ChartNode } from './chart.js';

/** Roles named on a step before "+N". */
const NAMED = 3;
/** Line width in ems: Mermaid wraps labels at 200px by itself, about 12 CJK characters. */
const LABEL_EMS = 12;

export function processMap(model: OrgModel, lang: UiLanguage): Chart | undefined {
  if (model.steps.size === 0) return undefined;
  const t = (text: Parameters<typeof localize>[0]) => localize(text, lang, model.org.language);
  const zh = lang.startsWith('zh');
  const names = (roles: Role[]) => {
    const shown = roles.slice(0, NAMED).map((r) => clip(t(r.title) || r.id, 30)).join(zh ? '、' : ', ');
    return roles.length > NAMED ? `${shown} +${roles.length - NAMED}` : shown;
  };
  const party = (p: Party) => (p === CUSTOMER ? LABELS.customer[lang] : clip(t(p.title) || p.id, 30));
  const slText = (sl: ServiceLevel) => `${clip(t(sl.what))}: ${party(sl.from)} → ${party(sl.to)} ≤ ${sl.within.text}`;

  const steps: Step[] = [...model.steps.values()];
  const id = (s: Step) => `s_${s.id.replace(/-/g, '_')}`;
  const doers = steps.map((s) => unique(s.duties.flatMap((d) => d.responsible)));
  const owners = steps.map((s) => unique(s.duties.flatMap((d) => d.accountable)));
  const nodes: ChartNode[] = steps.map((s, i) => {
    const lines = [clip(t(s.name))];
    if (doers[i].length) lines.push(...wrap(`R: ${names(doers[i])}`, LABEL_EMS, LIST_BREAKS));
    if (owners[i].length) lines.push(...wrap(`A: ${names(owners[i])}`, LABEL_EMS, LIST_BREAKS));
    return { id: id(s), lines, kind: 'step' };
  });
  const edges: ChartEdge[] = [];
  const placed = new Set<ServiceLevel>();
  for (let i = 1; i < steps.length; i++) {
    // A service level that carries work from this step's doers to the next step's labels the arrow.
    const handoff = [...model.serviceLevels.values()].filter(
      (sl) => sl.from !== CUSTOMER && sl.to !== CUSTOMER && doers[i - 1].includes(sl.from) && doers[i].includes(sl.to),
    );
    for (const sl of handoff) placed.add(sl);
    edges.push({ from: id(steps[i - 1]), to: id(steps[i]), style: 'solid', label: handoff.length ? handoff.flatMap((sl) => wrap(`${clip(t(sl.what))} ≤ ${sl.within.text}`, LABEL_EMS)).join('\n') : undefined });
  }
  // The rest of the service levels, as notes on the step they belong to (or on none).
  let k = 0;
  for (const sl of model.serviceLevels.values()) {
    if (placed.has(sl)) continue;
    const note: ChartNode = { id: `n_${k++}`, lines: wrap(slText(sl), LABEL_EMS), kind: 'note' };
    nodes.push(note);
    const step = sl.step ?? sl.partOf?.step;
    if (step) edges.push({ from: note.id, to: id(step), style: 'dotted' });
  }
  // Stages stacked from top to bottom, each stage's steps from left to right: readable at any width.
  const groups = [...model.stages.values()].map((stage) => ({ id: `g_${stage.id.replace(/-/g, '_')}`, title: clip(t(stage.name)), nodes: stage.steps.map(id), direction: 'LR' as const }));
  return { id: 'process', title: LABELS.processMap[lang], direction: 'TB', nodes, edges, groups, children: [], parts: [] };
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}
