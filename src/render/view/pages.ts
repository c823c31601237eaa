// The views of the handbook's reference pages: the target tree, the KPI dictionary, the service
// levels, the review calendar and the adaptation signals. Each lists a section of the model in
// declaration order (the target tree in tree order), in the page's language, with every role it
// names as a link. Lists of roles are cut at LIST_LIMIT with "and N more": a KPI shared by every
// seller of a 100k-role org must not make a page of one table cell.
import type { UiLanguage } from '../../i18n/lang.js';
import type { Duty, Kpi, OrgModel, Party, Quantity, Role, ServiceLevel, Target, Text } from '../../model/types.js';
import { CUSTOMER } from '../../schema/grammar.js';
import { partsSum } from '../target-sum.js';
import { CADENCE_LABELS, KPI_KIND_LABELS, LABELS, METRIC_LABELS, SIGNAL_CHANGE_LABELS } from '../labels.js';
import type { PagesView, RoleList, RoleRef, TargetNode } from './types.js';

type Localize = (text: Text | undefined) => string;
type Label = (entry: Record<UiLanguage, string>) => string;

/** How many roles a cell names before "and N more". */
export const LIST_LIMIT = 12;

export interface PageContext {
  model: OrgModel;
  lang: UiLanguage;
  t: Localize;
  label: Label;
  ref: (role: Role) => RoleRef;
  escape: (s: string) => string;
}

export function pagesView(c: PageContext): PagesView {
  return { targets: targetsView(c), kpis: kpisView(c), serviceLevels: serviceLevelsView(c), reviews: reviewsView(c), signals: signalsView(c), people: peopleView(c), ...dictionaries(c) };
}

/** The sections the job descriptions show a role at a time, as lists for the spreadsheet. */
function dictionaries(c: PageContext): Pick<PagesView, 'process' | 'competencies' | 'tools'> {
  const { model, t } = c;
  return {
    process: [...model.steps.values()].map((step) => ({ stage: t(step.stage.name), step: t(step.name), description: step.description === undefined ? undefined : t(step.description), duties: step.duties.map((d) => t(d.name)) })),
    competencies: [...model.competencies.values()].map((x) => ({ name: t(x.name), description: x.description === undefined ? undefined : t(x.description), levels: x.levels.map(t) })),
    tools: [...model.tools.values()].map((x) => ({ name: t(x.name), kind: x.kind, description: x.description === undefined ? undefined : t(x.description), users: roleList(c, x.users) })),
  };
}

/** People, made as they are read: a large org names as many people as it has seats. */
function peopleView(c: PageContext): PagesView['people'] {
  const { model, t } = c;
  return {
    length: model.people.size,
    *[Symbol.iterator]() {
      for (const p of model.people.values()) {
        yield {
          id: p.id,
          name: t(p.name),
          role: c.ref(p.role),
          experience: p.experience,
          scope: [...p.scope].map(([d, vs]) => `${t(d.name)}: ${[...vs].map((v) => t(v.name)).join(', ')}`).join('; '),
          backup: p.backup ? t(p.backup.name) : undefined,
        };
      }
    },
  };
}

export function roleList(c: PageContext, roles: readonly Role[]): RoleList {
  const rest = roles.length - LIST_LIMIT;
  return { roles: roles.slice(0, LIST_LIMIT).map(c.ref), more: rest > 0 ? c.escape(LABELS.andMore[c.lang].replace('{n}', String(rest))) : undefined };
}

/** Tree tables indent a part under its whole up to this depth; deeper parts line up with it. */
const MAX_INDENT = 8;

/** The anchor of an entity on its page: `kpi-<id>`, stable across languages. */
export const anchor = (kind: string, id: string) => `${kind}-${id}`;

/** The target tree in pre-order (each parent before its children), with its depth and the check of its parts against it. */
function targetsView(c: PageContext): TargetNode[] {
  const { model, t, label, escape } = c;
  const nodes: TargetNode[] = [];
  const zh = c.lang.startsWith('zh');
  const metricName = (metric: string) => label(METRIC_LABELS[metric as keyof typeof METRIC_LABELS] ?? { en: metric, 'zh-CN': metric, 'zh-TW': metric });
  const visit = (x: Target, depth: number) => {
    nodes.push({
      id: x.id,
      anchor: anchor('target', x.id),
      depth,
      level: Math.min(depth, MAX_INDENT),
      indent: '\u00a0\u00a0'.repeat(Math.min(depth, MAX_INDENT) * 2),
      name: x.name !== undefined ? t(x.name) : [metricName(x.metric), ...[...x.scope.values()].flatMap((vs) => [...vs].map((v) => t(v.name)))].join(' · '),
      metric: metricName(x.metric),
      value: escape(x.value.text),
      period: x.period === undefined ? undefined : escape(x.period),
      scope: [...x.scope].map(([d, vs]) => `${t(d.name)}${zh ? '：' : ': '}${[...vs].map((v) => t(v.name)).join(zh ? '、' : ', ')}`).join(' · '),
      owner: x.owner ? c.ref(x.owner) : undefined,
      parent: x.parent ? { id: x.parent.id, anchor: anchor('target', x.parent.id) } : undefined,
      parts: x.children.length,
      ...partsCheck(c, x),
    });
    for (const child of x.children) visit(child, depth + 1);
  };
  // Roots in declaration order; a child declared before its parent still comes under it.
  for (const x of model.targets.values()) if (!x.parent) visit(x, 0);
  return nodes;
}

/**
 * Whether a target's parts add up to it. Parts are comparable when they are amounts of the same
 * kind (and currency) as the parent: a share of a market does not add up. `check` says so, with
 * the parts' total in the page's language when it differs from the parent's value.
 */
function partsCheck(c: PageContext, x: Target): { sumsUp?: boolean; check?: string } {
  const sum = partsSum(x);
  if (!sum) return {};
  if (sum.matches) return { sumsUp: true, check: c.escape(LABELS.sumsUp[c.lang]) };
  return { sumsUp: false, check: c.escape(LABELS.sumsTo[c.lang].replace('{sum}', quantityText(sum.value, x.value, c.lang))) };
}

/** A computed amount in the reader's language, compactly (`1.2亿 CNY`, `120M CNY`). */
export function quantityText(value: number, like: Quantity, lang: UiLanguage): string {
  const n = new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 2 }).format(value);
  return like.currency ? `${n} ${like.currency}` : n;
}

function kpisView(c: PageContext): PagesView['kpis'] {
  const { model, t, label, escape } = c;
  const stepOf = (d: Duty) => (d.step ? t(d.step.name) : undefined);
  return [...model.kpis.values()].map((k: Kpi) => ({
    id: k.id,
    anchor: anchor('kpi', k.id),
    name: t(k.name),
    description: k.description === undefined ? undefined : t(k.description),
    kind: label(KPI_KIND_LABELS[k.kind]),
    unit: k.unit === undefined ? undefined : t(k.unit),
    target: k.target === undefined ? undefined : escape(k.target.text),
    better: label(k.better === 'lower' ? LABELS.lowerIsBetter : LABELS.higherIsBetter),
    measures: k.measures.map((d) => ({ name: t(d.name), step: stepOf(d) })),
    owners: roleList(c, k.owners),
    bounds: [
      ...(k.atMost ? [`≤ ${t(k.atMost.name)}`] : []),
      ...(k.atLeast ? [`≥ ${t(k.atLeast.name)}`] : []),
    ],
  }));
}

function party(c: PageContext, p: Party): { name: string; role?: RoleRef } {
  return p === CUSTOMER ? { name: c.escape(LABELS.customer[c.lang]) } : { name: c.t(p.title) || p.id, role: c.ref(p) };
}

/** Hand-offs in declaration order, each chain's parts right under it (`1 h → 24 h → 48 h`). */
function serviceLevelsView(c: PageContext): PagesView['serviceLevels'] {
  const { model, t, escape } = c;
  const out: PagesView['serviceLevels'] = [];
  const visit = (s: ServiceLevel, depth: number) => {
    out.push({
      id: s.id,
      anchor: anchor('sl', s.id),
      depth,
      level: Math.min(depth, MAX_INDENT),
      what: t(s.what),
      from: party(c, s.from),
      to: party(c, s.to),
      within: escape(s.within.text),
      step: s.step ? t(s.step.name) : undefined,
      partOf: s.partOf ? t(s.partOf.what) : undefined,
      chain: s.parts.length ? [...[...s.parts].sort((a, b) => a.within.value - b.within.value).map((p) => escape(p.within.text)), escape(s.within.text)].join(' → ') : undefined,
    });
    for (const p of s.parts) visit(p, depth + 1);
  };
  for (const s of model.serviceLevels.values()) if (!s.partOf) visit(s, 0);
  return out;
}

function reviewsView(c: PageContext): PagesView['reviews'] {
  const { model, t, label } = c;
  return [...model.reviews.values()].map((r) => ({
    id: r.id,
    anchor: anchor('review', r.id),
    name: t(r.name),
    cadence: label(CADENCE_LABELS[r.cadence as keyof typeof CADENCE_LABELS] ?? { en: r.cadence, 'zh-CN': r.cadence, 'zh-TW': r.cadence }),
    chair: c.ref(r.chair),
    attendees: roleList(c, r.attendees),
    purpose: r.purpose === undefined ? undefined : t(r.purpose),
  }));
}

function signalsView(c: PageContext): PagesView['signals'] {
  const { model, t, label, escape } = c;
  // `watch` and the roles are ids the adaptation-signals rule judges: a metric or KPI, and roles
  // that may not exist yet (the role the signal would add). Shown by name where the model has one.
  const watched = (id: string) => {
    const m = model.metrics.get(id) ?? model.kpis.get(id);
    return m ? { name: t(m.name), kpiAnchor: model.kpis.has(id) && !model.metrics.has(id) ? anchor('kpi', id) : undefined } : { name: escape(id) };
  };
  const role = (id: string) => {
    const r = model.roles.get(id);
    return r ? { name: t(r.title) || id, role: c.ref(r) } : { name: escape(id) };
  };
  return [...model.signals.values()].map((s) => ({
    id: s.id,
    anchor: anchor('signal', s.id),
    name: s.name === undefined ? escape(s.id) : t(s.name),
    watch: watched(s.watch),
    when: escape(s.when),
    change: label(SIGNAL_CHANGE_LABELS[s.change]),
    role: role(s.role),
    roles: s.roles.map(role),
    rationale: s.rationale === undefined ? undefined : t(s.rationale),
  }));
}
