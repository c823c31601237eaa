// The model → the views documents are rendered from, in one language. All wording decisions
// (which label, which fallback language, which order) are made here, once for every format.
import { maxOf } from '../../core/arrays.js';
import { formatDuration, formatQuantity } from '../../i18n/format.js';
import { resolvePlurals } from '../../i18n/plural.js';
import type { UiLanguage } from '../../i18n/lang.js';
import { localize } from '../../i18n/text.js';
import { layers as layersOf, raciLetters } from '../../model/queries.js';
import type { Duty, OrgModel, Role, Text } from '../../model/types.js';
import { AREAS, CUSTOMER, RACI_LETTERS } from '../../schema/grammar.js';
import { AREA_LABELS, CADENCE_LABELS, KPI_KIND_LABELS, LABELS, LEVEL_LABELS, METRIC_LABELS, RACI_LABELS } from '../labels.js';
import { roleFile } from '../paths.js';
import { PLAN_LABELS } from '../plan-labels.js';
import { MAX_MATRIX_ROLES } from '../raci-table.js';
import { contactsOf, jobView } from './job.js';
import { anchor, LIST_LIMIT, pagesView } from './pages.js';
import { planView } from './plan.js';
import type { FindingRow, IndexView, Labels, RaciGroup, RaciMatrix, RaciView, RoleRef, RoleRow, RoleView, RoleViews, SummaryView, Views } from './types.js';
import { copyWith } from '../../core/copy-with.js';

/**
 * `escape` is applied to every text as it enters the views (Markdown escapes it here, once, so no
 * template can forget to; HTML leaves it to Handlebars). Ids and file names are never escaped.
 */
export function buildViews(
  model: OrgModel,
  lang: UiLanguage,
  findings: FindingRow[] = [],
  escapeText?: (s: string) => string,
  chartOf: ReadonlyMap<string, string> = new Map(),
): Views {
  const escape = escapeText ? remembered(escapeText) : (s: string) => s;
  const t = (text: Text | undefined) => escape(localize(text, lang, model.org.language));
  const label = (entry: Record<UiLanguage, string>) => escape(entry[lang]);
  // One link per role, made once: the RACI, the index, the job descriptions and the reference pages
  // name the same roles over and over, and localising and escaping a title is most of a link's cost.
  // Shared, so never changed by a reader (a view that adds to a link spreads it into a new object).
  const refs = new Map<Role, RoleRef>();
  // The roles the view being made links to, when its maker asks (render/page-memo.ts).
  let named: Set<string> | undefined;
  const ref = (role: Role): RoleRef => {
    named?.add(role.id);
    let r = refs.get(role);
    if (r === undefined) refs.set(role, (r = { id: role.id, title: t(role.title) || role.id, file: roleFile(role.id) }));
    return r;
  };
  const labels: Labels = Object.fromEntries(Object.entries({ ...PLAN_LABELS, ...LABELS }).map(([k, v]) => [k, escape(v[lang])]));
  const more = (n: number) => escape(LABELS.andMore[lang].replace('{n}', String(n)));
  const contacts = contactsOf();
  // Each quantity (a KPI's target, a target's value) formatted once: Intl is slow, and a KPI owned
  // by many roles shows on each of their pages.
  const quantities = new WeakMap<object, string>();
  const quantity = (q: Parameters<typeof formatQuantity>[0]) => {
    let text = quantities.get(q);
    if (text === undefined) quantities.set(q, (text = formatQuantity(q, lang)));
    return text;
  };

  // A role's own fields: a table's row (the spreadsheet's roles sheet), and the start of its view.
  const roleRow = (role: Role): RoleRow => ({
    id: role.id,
    title: t(role.title) || role.id,
    purpose: role.purpose === undefined ? undefined : t(role.purpose),
    level: label(LEVEL_LABELS[role.level]),
    family: role.family ? t(role.family.name) : undefined,
    reportsTo: role.manager ? ref(role.manager) : undefined,
    headcount: role.headcount,
    vacancies: role.vacancies,
    scope: [...role.scope].map(([d, values]) => ({ dimension: t(d.name), values: [...values].map((v) => t(v.name)) })),
  });
  const roleView = (role: Role): RoleView => {
    const dutyGroups = AREAS.map((area) => ({
      area: label(AREA_LABELS[area]),
      duties: role.duties
        .filter((a) => a.duty.area === area)
        .map((a) => ({
          id: a.duty.id,
          name: t(a.duty.name),
          description: a.duty.description === undefined ? undefined : t(a.duty.description),
          raci: raciLetters(a.letters).join(', '),
          raciLong: raciLetters(a.letters).map((l) => label(RACI_LABELS[l])).join(', '),
          step: a.duty.step ? t(a.duty.step.name) : undefined,
        })),
    })).filter((g) => g.duties.length > 0);
    const requirements = role.requires;
    const hasRequirements = requirements.experience !== undefined || requirements.competencies.size > 0 || requirements.other.length > 0;
    // Onto the row rather than spread into a new object: Node 20 (core/copy-with.ts).
    return Object.assign(roleRow(role), {
      file: roleFile(role.id),
      chart: chartOf.get(role.id),
      cutBy: role.cut.map((c) => (c === 'process' ? labels.process : t(model.dimensions.get(c)?.name) || c)),
      dottedLineTo: role.dottedManagers.map(ref),
      directReports: role.reports.map((r) => copyWith(ref(r), { headcount: r.headcount })),
      dottedReports: role.dottedReports.map(ref),
      filled: role.headcount - role.vacancies,
      dutyGroups,
      kpis: role.kpis.map((k) => {
        // The first few other owners and how many there are: a KPI every rep shares has 10,000s of owners.
        const others = firstOthers(k.owners, role, LIST_LIMIT);
        return {
          anchor: anchor('kpi', k.id),
          name: t(k.name),
          kind: label(KPI_KIND_LABELS[k.kind]),
          // Numbers in the reader's language (`CNY 120M`, `1.2亿元`); made by Intl, nothing to escape.
          target: k.target === undefined ? undefined : quantity(k.target),
          unit: k.unit === undefined ? undefined : t(k.unit),
          measures: k.measures.map((d) => t(d.name)),
          sharedWith: others.first.map(ref),
          sharedWithMore: others.count > LIST_LIMIT ? more(others.count - LIST_LIMIT) : undefined,
        };
      }),
      requirements: hasRequirements
        ? {
            experience: requirements.experience === undefined ? undefined : escape(resolvePlurals(LABELS.years[lang], { n: requirements.experience }, lang).replace('{n}', String(requirements.experience))),
            competencies: [...requirements.competencies].map(([c, level]) => ({ name: t(c.name), level, levelName: t(c.levels[level - 1]) })),
            other: requirements.other.map(t),
          }
        : undefined,
      handsOver: role.serviceLevelsFrom.map((sl) => ({
        what: t(sl.what),
        to: sl.to === CUSTOMER ? labels.customer : t(sl.to.title),
        toRole: sl.to === CUSTOMER ? undefined : ref(sl.to),
        within: formatDuration(sl.within.value, lang),
      })),
      receives: role.serviceLevelsTo.map((sl) => ({
        what: t(sl.what),
        from: sl.from === CUSTOMER ? labels.customer : t(sl.from.title),
        fromRole: sl.from === CUSTOMER ? undefined : ref(sl.from),
        within: formatDuration(sl.within.value, lang),
      })),
      chairs: role.chairs.map((r) => ({ anchor: anchor('review', r.id), name: t(r.name), cadence: label(CADENCE_LABELS[r.cadence as keyof typeof CADENCE_LABELS]), purpose: r.purpose === undefined ? undefined : t(r.purpose) })),
      attends: role.attends.map((r) => ({ anchor: anchor('review', r.id), name: t(r.name), cadence: label(CADENCE_LABELS[r.cadence as keyof typeof CADENCE_LABELS]), chair: ref(r.chair), purpose: r.purpose === undefined ? undefined : t(r.purpose) })),
      tools: role.tools.map((x) => t(x.name)),
      targets: role.targets.map((x) => ({ anchor: anchor('target', x.id), name: targetName(x, t, label), value: quantity(x.value), period: x.period === undefined ? undefined : escape(x.period) })),
      people: role.people.map((p) => t(p.name)),
      job: jobView(model, role, lang, t, escape, ref, contacts),
    });
  };
  // Made one at a time as a renderer reads them: a 100k-role org's job descriptions are never all
  // in memory at once.
  const roles: RoleViews = {
    length: model.roles.size,
    *[Symbol.iterator]() {
      for (const role of model.roles.values()) yield roleView(role);
    },
    *rows() {
      for (const role of model.roles.values()) yield roleRow(role);
    },
    roles: () => model.roles.values(),
    chart: (role) => chartOf.get(role.id),
    view(role, links) {
      named = links;
      try {
        return roleView(role);
      } finally {
        named = undefined;
      }
    },
  };

  let index: IndexView | undefined;
  return {
    org: { id: model.org.id, name: t(model.org.name), description: model.org.description === undefined ? undefined : t(model.org.description), lang },
    labels,
    roles,
    raci: raciView(model, t, label, ref, escape, lang),
    pages: pagesView({ model, lang, t, label, ref, escape }),
    summary: { ...summaryView(model, t, label, ref, more, findings.map((f) => copyWith(f, { severity: escape(f.severity), where: escape(f.where), message: escape(f.message), rule: escape(f.rule) }))), plan: planView(model, lang, t, escape, ref) },
    // Made when first read: only the index pages read it (half a second at 100k roles).
    get index() {
      return (index ??= indexView(model, t, label, ref));
    },
  };
}

/** How many times each entry stands in a list, counted the first time the list is asked about. */
const counts = new WeakMap<readonly unknown[], Map<unknown, number>>();

/**
 * The first `limit` entries of `list` other than `self`, and how many there are in all: a KPI every
 * rep shares has 10,000s of owners, and each of their pages lists a few of the others.
 */
export function firstOthers<T>(list: readonly T[], self: T, limit: number): { first: T[]; count: number } {
  const first: T[] = [];
  for (let i = 0; i < list.length && first.length < limit; i++) if (list[i] !== self) first.push(list[i]);
  let times = counts.get(list);
  if (times === undefined) {
    times = new Map();
    for (const x of list) times.set(x, (times.get(x) ?? 0) + 1);
    counts.set(list, times);
  }
  return { first, count: list.length - (times.get(self) ?? 0) };
}

/**
 * `escape`, each text escaped once: the same names (duties, roles, labels) come back on page after
 * page, and testing every one against Markdown's syntax was a third of building the views.
 */
function remembered(escape: (s: string) => string): (s: string) => string {
  const done = new Map<string, string>();
  return (s) => {
    let out = done.get(s);
    if (out === undefined) done.set(s, (out = escape(s)));
    return out;
  };
}

type Localize = (text: Text | undefined) => string;
type Label = (entry: Record<UiLanguage, string>) => string;
type Ref = (role: Role) => RoleRef;

function targetName(x: { name?: Text; metric: string; scope: ReadonlyMap<{ name: Text }, ReadonlySet<{ name: Text }>> }, t: Localize, label: Label): string {
  if (x.name !== undefined) return t(x.name);
  const metric = label(METRIC_LABELS[x.metric as keyof typeof METRIC_LABELS]);
  const scope = [...x.scope.values()].flatMap((vs) => [...vs].map((v) => t(v.name)));
  return scope.length ? `${metric} · ${scope.join(', ')}` : metric;
}

function raciView(model: OrgModel, t: Localize, label: Label, ref: Ref, escape: (s: string) => string, lang: UiLanguage): RaciView {
  // Duties grouped by area, then by process step in process order (duties without a step last);
  // roles in org order, so that a team's roles stand side by side.
  const order = new Map(orgOrder(model).map((r, i) => [r, i]));
  const groups: RaciGroup[] = [];
  for (const area of AREAS) {
    const duties = [...model.duties.values()].filter((d) => d.area === area);
    const byStep = new Map<string, Duty[]>();
    for (const step of model.steps.values()) byStep.set(step.id, []);
    byStep.set('', []);
    for (const d of duties) byStep.get(d.step?.id ?? '')!.push(d);
    for (const [stepId, list] of byStep) {
      if (list.length === 0) continue;
      for (const chunk of narrowChunks(list)) {
        const involved = new Set<Role>();
        for (const d of chunk) for (const a of d.assignments) involved.add(a.role);
        const columns = [...involved].sort((a, b) => order.get(a)! - order.get(b)!);
        groups.push({
          area: label(AREA_LABELS[area]),
          step: stepId ? t(model.steps.get(stepId)!.name) : undefined,
          columns: columns.map(ref),
          rows: chunk.map((duty) => {
            const letters = new Map(duty.assignments.map((a) => [a.role, raciLetters(a.letters).join('')]));
            const problem =
              duty.responsible.length === 0 ? label(LABELS.noResponsible) : duty.accountable.length === 0 ? label(LABELS.noAccountable) : duty.accountable.length > 1 ? label(LABELS.manyAccountable) : undefined;
            return { id: duty.id, name: t(duty.name), cells: columns.map((c) => letters.get(c) ?? ''), problem };
          }),
        });
      }
    }
  }
  const working = [...order.keys()].filter((r) => r.duties.length > 0);
  const totals = working.map((role) => {
    const count = { R: 0, A: 0, C: 0, I: 0 };
    for (const a of role.duties) for (const l of a.letters) count[l]++;
    return { role: ref(role), ...count };
  });
  const legend = RACI_LETTERS.map((l) => ({ letter: l, meaning: label(RACI_LABELS[l]) }));
  if (working.length > MAX_MATRIX_ROLES) {
    const note = LABELS.raciSplit[lang].replace('{n}', String(MAX_MATRIX_ROLES)).replace('{m}', String(MAX_RACI_COLUMNS));
    return { groups, totals, legend, splitNote: escape(note) };
  }
  return { groups, totals, legend, matrix: raciMatrix(groups, totals) };
}

/** The one matrix of a small org: every working role a column, the groups' rows under headings. */
function raciMatrix(groups: RaciGroup[], totals: RaciView['totals']): RaciMatrix {
  const columns = totals.map((x) => x.role);
  const index = new Map(columns.map((r, i) => [r.id, i]));
  const sections: RaciMatrix['sections'] = [];
  for (const g of groups) {
    // A group split by narrowChunks is one section again here.
    let section = sections.at(-1);
    if (!section || section.area !== g.area || section.step !== g.step) sections.push((section = { area: g.area, step: g.step, rows: [] }));
    for (const row of g.rows) {
      const cells = columns.map(() => '');
      g.columns.forEach((c, i) => (cells[index.get(c.id)!] = row.cells[i]));
      const count = { R: 0, A: 0, C: 0, I: 0 };
      for (const letters of cells) for (const l of letters) count[l as keyof typeof count]++;
      section.rows.push({ id: row.id, name: row.name, cells, problem: row.problem, ...count });
    }
  }
  return { columns, span: columns.length + 1, sections, counts: totals.map((x) => `${x.A} / ${x.R}`) };
}

/**
 * Roles in reporting-tree order: each top role, then its reports in declaration order, depth
 * first, so that a manager's team follows the manager. Roles a cycle keeps out of the tree come
 * last, in declaration order (the model's checks report the cycle).
 */
export function orgOrder(model: OrgModel): Role[] {
  const out: Role[] = [];
  const seen = new Set<Role>();
  const visit = (root: Role) => {
    const stack = [root];
    while (stack.length) {
      const role = stack.pop()!;
      if (seen.has(role)) continue;
      seen.add(role);
      out.push(role);
      for (let i = role.reports.length - 1; i >= 0; i--) if (!seen.has(role.reports[i])) stack.push(role.reports[i]);
    }
  };
  for (const role of model.roles.values()) if (!role.manager) visit(role);
  for (const role of model.roles.values()) if (!seen.has(role)) visit(role);
  return out;
}

/** Widest RACI table before a group is split: more role columns than this do not fit a page. */
export const MAX_RACI_COLUMNS = 20;

/**
 * A group's duties in tables of at most MAX_RACI_COLUMNS roles: duties are taken in order and
 * packed while the roles they involve still fit (a duty involving more roles than that gets a
 * table of its own). In a large org, duties per region land with their region's roles.
 */
function narrowChunks(duties: Duty[]): Duty[][] {
  const chunks: Duty[][] = [];
  let current: Duty[] = [];
  let roles = new Set<Role>();
  for (const duty of duties) {
    const mine = new Set(duty.assignments.map((a) => a.role));
    let union = roles.size;
    for (const r of mine) if (!roles.has(r)) union++;
    if (current.length > 0 && union > MAX_RACI_COLUMNS) {
      chunks.push(current);
      current = [];
      roles = new Set();
    }
    current.push(duty);
    for (const r of mine) roles.add(r);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}


function summaryView(model: OrgModel, t: Localize, label: Label, ref: Ref, more: (n: number) => string, findings: FindingRow[]): Omit<SummaryView, 'plan'> {
  const roles = [...model.roles.values()];
  const count = (list: readonly Role[]) => ({ roles: list.length, headcount: sum(list, (r) => r.headcount), vacancies: sum(list, (r) => r.vacancies) });
  const byFamily = [...model.families.values()].map((f) => ({ name: t(f.name), ...count(f.roles) }));
  const noFamily = roles.filter((r) => !r.family);
  if (noFamily.length && byFamily.length) byFamily.push({ name: '—', ...count(noFamily) });
  const byLevel = (Object.keys(LEVEL_LABELS) as Array<keyof typeof LEVEL_LABELS>)
    .map((level) => ({ name: label(LEVEL_LABELS[level]), ...count(roles.filter((r) => r.level === level)) }))
    .filter((row) => row.roles > 0);
  const region = model.dimensions.get('region');
  const inRegion = new Map<unknown, Role[]>();
  if (region) for (const r of roles) for (const v of r.scope.get(region) ?? []) (inRegion.get(v) ?? inRegion.set(v, []).get(v)!).push(r);
  const byRegion = region
    ? [
        ...[...region.values.values()].map((v) => ({ name: t(v.name), ...count(inRegion.get(v) ?? []) })),
        { name: label(LABELS.all), ...count(roles.filter((r) => !r.scope.has(region))) },
      ]
    : [];
  const layerOf = layersOf(roles);
  const top = roles.find((r) => !r.manager);
  const spans = roles
    .filter((r) => r.reports.length > 0 && r.headcount > 0)
    .map((r) => ({ manager: ref(r), span: Math.round((sum(r.reports, (x) => x.headcount) / r.headcount) * 10) / 10 }));
  const areas = AREAS.map((area) => {
    const duties = [...model.duties.values()].filter((d) => d.area === area);
    return { area: label(AREA_LABELS[area]), duties: duties.length, covered: duties.some((d) => d.responsible.length > 0) };
  });
  const steps = [...model.steps.values()].map((step) => {
    const doers = new Set<Role>();
    for (const d of step.duties) for (const r of d.responsible) doers.add(r);
    const all = [...doers];
    const rest = Math.max(0, all.length - LIST_LIMIT);
    return { stage: t(step.stage.name), step: t(step.name), roles: all.slice(0, LIST_LIMIT).map(ref), more: rest, moreText: rest ? more(rest) : undefined, covered: doers.size > 0 };
  });
  // How many working roles (Responsible for something) are scoped to each value.
  const working = new Map<unknown, number>();
  for (const r of roles) {
    if (!r.duties.some((a) => a.letters.has('R'))) continue;
    for (const values of r.scope.values()) for (const v of values) working.set(v, (working.get(v) ?? 0) + 1);
  }
  const dimensions = [...model.dimensions.values()].map((d) => ({
    dimension: t(d.name),
    values: [...d.values.values()].map((v) => ({ name: t(v.name), roles: working.get(v) ?? 0, covered: (working.get(v) ?? 0) > 0 })),
  }));
  return {
    ...count(roles),
    byFamily,
    byLevel,
    byRegion,
    regionDimension: region ? t(region.name) : undefined,
    top: top ? ref(top) : undefined,
    layers: maxOf(layerOf.values(), 0),
    spans,
    areas,
    steps,
    dimensions,
    findings,
  };
}

function indexView(model: OrgModel, t: Localize, label: Label, ref: Ref): IndexView {
  const entry = (r: Role) => copyWith(ref(r), { level: label(LEVEL_LABELS[r.level]), headcount: r.headcount, vacancies: r.vacancies });
  const roles = [...model.roles.values()];
  if (model.families.size === 0) return { groups: [{ name: label(LABELS.roles), roles: roles.map(entry) }] };
  const groups = [...model.families.values()].filter((f) => f.roles.length).map((f) => ({ name: t(f.name), roles: f.roles.map(entry) }));
  const rest = roles.filter((r) => !r.family);
  if (rest.length) groups.push({ name: label(LABELS.roles), roles: rest.map(entry) });
  return { groups };
}

function sum<T>(list: readonly T[], of: (x: T) => number): number {
  let n = 0;
  for (const x of list) n += of(x);
  return n;
}
