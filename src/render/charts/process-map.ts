// The lead-to-cash process as a flowchart: the steps in order, each with its stage and the roles
// Responsible and Accountable for its duties, and every service level as an arrow of its own from
// the step that hands work over to the step (or the customer) that takes it, labelled with what is
// handed over and the time allowed.
import { pushAll } from '../../core/arrays.js';
import type { UiLanguage } from '../../i18n/lang.js';
import { localize } from '../../i18n/text.js';
import type { OrgModel, Party, Role, ServiceLevel, Step } from '../../model/types.js';
import { CUSTOMER } from '../../schema/grammar.js';
import { LABELS } from '../labels.js';
import { clip, LIST_BREAKS, wrap, type Chart, type ChartEdge, type ChartNode } from './chart.js';

/** Roles named on a step before "+N". */
const NAMED = 3;
/** Line width in ems of the role lists: a box about as wide as a phone screen is high. */
const LABEL_EMS = 26;
/** Line width in ems of a hand-off's label. */
const HANDOFF_EMS = 16;

export function processMap(model: OrgModel, lang: UiLanguage): Chart | undefined {
  if (model.steps.size === 0) return undefined;
  const t = (text: Parameters<typeof localize>[0]) => localize(text, lang, model.org.language);
  const zh = lang.startsWith('zh');
  const names = (roles: Role[]) => {
    const shown = roles.slice(0, NAMED).map((r) => clip(t(r.title) || r.id, 40)).join(zh ? '、' : ', ');
    return roles.length > NAMED ? `${shown} +${roles.length - NAMED}` : shown;
  };

  const steps: Step[] = [...model.steps.values()].sort((a, b) => a.order - b.order);
  const id = (s: Step) => `s_${s.id.replace(/-/g, '_')}`;
  const doers = steps.map((s) => unique(s.duties.flatMap((d) => d.responsible)));
  const owners = steps.map((s) => unique(s.duties.flatMap((d) => d.accountable)));
  const nodes: ChartNode[] = steps.map((s, i) => {
    // The stage leads the box: a stage drawn as a frame has its title cut by the arrows entering it.
    const lines = [clip(`${t(s.stage.name)} · ${t(s.name)}`)];
    if (doers[i].length) lines.push(...wrap(`R: ${names(doers[i])}`, LABEL_EMS, LIST_BREAKS));
    if (owners[i].length) lines.push(...wrap(`A: ${names(owners[i])}`, LABEL_EMS, LIST_BREAKS));
    return { id: id(s), lines, kind: 'step' };
  });

  // Someone a hand-off reaches who has no step on the map: the customer, or a role with no duty on a step.
  const parties = new Map<string, ChartNode>();
  const partyNode = (p: Party): string => {
    const key = p === CUSTOMER ? 'p_customer' : `p_${p.id.replace(/-/g, '_')}`;
    if (!parties.has(key)) parties.set(key, { id: key, lines: [p === CUSTOMER ? LABELS.customerNode[lang] : clip(t(p.title) || p.id)], kind: 'party' });
    return key;
  };
  // Each role's steps, found once: a step of a large org has thousands of roles on it, and every
  // hand-off looks up two of them.
  const stepsBy = (lists: Role[][]) => {
    const by = new Map<Role, number[]>();
    lists.forEach((list, i) => {
      for (const role of list) {
        const found = by.get(role);
        if (found === undefined) by.set(role, [i]);
        else if (found.at(-1) !== i) found.push(i);
      }
    });
    return by;
  };
  const doing = stepsBy(doers);
  const owning = stepsBy(owners);
  /** Steps `role` does (R), or else answers for (A), in process order. */
  const stepsOf = (role: Role): number[] => doing.get(role) ?? owning.get(role) ?? [];
  const indexOf = new Map(steps.map((s, i) => [s, i]));

  const handoffs: ChartEdge[] = [];
  for (const sl of model.serviceLevels.values()) {
    const at = sl.step ?? sl.partOf?.step;
    const atIndex = at === undefined ? undefined : indexOf.get(at);
    // From the step where the giver works: the service level's own step, else the giver's last
    // step before it (a complaint reaches the sales rep after payment collection), else its first.
    let fromIndex: number | undefined;
    if (sl.from !== CUSTOMER) {
      const mine = stepsOf(sl.from);
      fromIndex = atIndex !== undefined && mine.includes(atIndex) ? atIndex : (atIndex !== undefined ? mine.filter((i) => i < atIndex).at(-1) : undefined) ?? mine[0];
    }
    // To the first step after it where the taker works (the service level's own step when the
    // giver works before it), else the taker's first step, else the taker as a box of its own.
    let toIndex: number | undefined;
    if (sl.to !== CUSTOMER) {
      const theirs = stepsOf(sl.to);
      const after = fromIndex ?? (atIndex !== undefined ? atIndex - 1 : -1);
      toIndex = theirs.find((i) => i > after) ?? theirs.find((i) => i !== fromIndex) ?? theirs[0];
    }
    const from = fromIndex === undefined ? partyNode(sl.from) : id(steps[fromIndex]);
    const to = toIndex === undefined ? partyNode(sl.to) : id(steps[toIndex]);
    handoffs.push({ from, to, style: 'solid', label: wrap(`${clip(t(sl.what), 90)} ≤ ${sl.within.text}`, HANDOFF_EMS).join('\n') });
  }
  // The order of the steps, where no hand-off already joins one step to the next.
  const edges: ChartEdge[] = [];
  for (let i = 1; i < steps.length; i++) {
    const [from, to] = [id(steps[i - 1]), id(steps[i])];
    if (!handoffs.some((e) => e.from === from && e.to === to)) edges.push({ from, to, style: 'solid' });
  }
  pushAll(edges, handoffs);
  pushAll(nodes, parties.values());

  const legend: Chart['legend'] = { title: LABELS.legend[lang], entries: [{ sample: 'step', text: LABELS.legendStep[lang] }] };
  if (edges.length > handoffs.length) legend.entries.push({ sample: 'solid', text: LABELS.legendNext[lang] });
  if (handoffs.length) legend.entries.push({ sample: 'solid', text: LABELS.legendHandoff[lang] });
  const title = LABELS.processMap[lang];
  const orgName = t(model.org.name);
  return {
    id: 'process',
    title,
    heading: orgName ? `${orgName} · ${title}` : title,
    direction: 'TB',
    nodes,
    edges,
    groups: [],
    legend,
    // Wide boxes, close together: nine steps one under another stay within a page's proportions.
    spacing: { wrap: 420, rank: 30, node: 30 },
    children: [],
    parts: [],
  };
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}
