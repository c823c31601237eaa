// The resolved org as JSON for other tools: every reference by id, every derived relation filled
// in, texts as written (a string or a map by language). Shape documented in docs/model-json.md.
import { maxOf } from '../core/arrays.js';
import { designCapacity, DEFAULT_CAPACITY_OPTIONS } from '../check/capacity.js';
import { designCost, loadedCostPerSeat } from '../model/cost.js';
import { layers, raciLetters } from '../model/queries.js';
import type { JobDefaults, Location, OrgModel, Party, Quota, Scope } from '../model/types.js';
import { partsSum } from './target-sum.js';
import type { PageSink } from './output.js';

export const MODEL_JSON_VERSION = 1;

const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);
const scope = (s: Scope) => Object.fromEntries([...s].map(([d, vs]) => [d.id, [...vs].map((v) => v.id)]));
const levels = (m: ReadonlyMap<{ id: string }, number>) => Object.fromEntries([...m].map(([c, l]) => [c.id, l]));
const party = (p: Party) => (p === 'customer' ? 'customer' : p.id);
const opt = <T>(v: T | undefined) => (v === undefined ? null : v);
const location = (l: Location | undefined) =>
  l ? { places: l.places.map((p) => ({ city: p.city, region: opt(p.region), country: p.country, address: opt(p.address) })), work: l.work ?? 'onsite', remoteIn: l.remoteIn } : null;
const jobs = (j: JobDefaults | undefined) =>
  j ? { department: opt(j.department), location: location(j.location), employmentType: j.employmentType, posted: opt(j.posted), validThrough: opt(j.validThrough), website: opt(j.website) } : null;

/**
 * The model JSON's top-level sections in order; the large ones (lists) as lazy sequences, so that
 * a 100k-role org is written element by element, never as one object or one string.
 */
function sections(model: OrgModel): Record<string, unknown> {
  const layerOf = layers(model.roles.values());
  const cost = designCost(model);
  const costed = new Set(cost?.roles.map((c) => c.role));
  return {
    version: MODEL_JSON_VERSION,
    org: { id: model.org.id, name: model.org.name, language: model.org.language, description: opt(model.org.description), jobs: jobs(model.org.jobs) },
    competencyLevels: model.competencyLevels,
    dimensions: each(model.dimensions.values(), (d) => ({
      id: d.id,
      name: d.name,
      description: opt(d.description),
      values: [...d.values.values()].map((v) => ({ id: v.id, name: v.name, description: opt(v.description) })),
    })),
    families: each(model.families.values(), (f) => ({ id: f.id, name: f.name, description: opt(f.description), roles: ids(f.roles) })),
    competencies: each(model.competencies.values(), (c) => ({ id: c.id, name: c.name, description: opt(c.description), levels: c.levels })),
    process: each(model.stages.values(), (s) => ({
      id: s.id,
      name: s.name,
      description: opt(s.description),
      steps: s.steps.map((step) => ({ id: step.id, name: step.name, description: opt(step.description), order: step.order, duties: ids(step.duties) })),
    })),
    duties: each(model.duties.values(), (d) => ({
      id: d.id,
      name: d.name,
      description: opt(d.description),
      area: d.area,
      step: d.step?.id ?? null,
      demands: levels(d.demands),
      effort: opt(d.effort),
      raci: Object.fromEntries(d.assignments.map((a) => [a.role.id, raciLetters(a.letters)])),
      responsible: ids(d.responsible),
      accountable: ids(d.accountable),
      kpis: ids(d.kpis),
    })),
    roles: each(model.roles.values(), (r) => ({
      id: r.id,
      title: r.title,
      purpose: opt(r.purpose),
      level: r.level,
      family: r.family?.id ?? null,
      cut: r.cut,
      scope: scope(r.scope),
      reportsTo: r.manager?.id ?? null,
      dottedLineTo: ids(r.dottedManagers),
      directReports: ids(r.reports),
      dottedReports: ids(r.dottedReports),
      layer: layerOf.get(r) ?? 1,
      headcount: r.headcount,
      vacancies: r.vacancies,
      duties: Object.fromEntries(r.duties.map((a) => [a.duty.id, raciLetters(a.letters)])),
      requires: {
        experience: opt(r.requires.experience),
        competencies: levels(r.requires.competencies),
        education: r.requires.education ? { level: r.requires.education.level, field: opt(r.requires.education.field) } : null,
        other: r.requires.other,
      },
      // As written on the role; `org.jobs` holds the defaults for what a role leaves out.
      department: opt(r.department),
      location: location(r.location),
      employmentType: r.employmentType,
      careerPath: ids(r.careerPath),
      authority: r.authority,
      relationships: r.relationships,
      tools: ids(r.tools),
      kpis: ids(r.kpis),
      people: ids(r.people),
      chairs: ids(r.chairs),
      attends: ids(r.attends),
      serviceLevelsFrom: ids(r.serviceLevelsFrom),
      serviceLevelsTo: ids(r.serviceLevelsTo),
      targets: ids(r.targets),
      quota: r.quota ? quota(r.quota) : null,
      payBand: r.payBand?.id ?? null,
      // Loaded cost of all the role's seats, when it counts toward the design's (plan.cost).
      loadedCost: r.payBand && costed.has(r) ? money(loadedCostPerSeat(r.payBand) * r.headcount) : null,
    })),
    kpis: each(model.kpis.values(), (k) => ({
      id: k.id,
      name: k.name,
      description: opt(k.description),
      kind: k.kind,
      unit: opt(k.unit),
      target: k.target ? { text: k.target.text, kind: k.target.kind, value: k.target.value, currency: opt(k.target.currency) } : null,
      better: k.better,
      measures: ids(k.measures),
      owners: ids(k.owners),
    })),
    metrics: each(model.metrics.values(), (m) => ({ id: m.id, name: m.name, description: opt(m.description), unit: opt(m.unit) })),
    serviceLevels: each(model.serviceLevels.values(), (s) => ({
      id: s.id,
      what: s.what,
      from: party(s.from),
      to: party(s.to),
      within: { text: s.within.text, minutes: s.within.value },
      step: s.step?.id ?? null,
      partOf: s.partOf?.id ?? null,
      parts: ids(s.parts),
    })),
    reviews: each(model.reviews.values(), (r) => ({ id: r.id, name: r.name, cadence: r.cadence, chair: r.chair.id, attendees: ids(r.attendees), purpose: opt(r.purpose) })),
    tools: each(model.tools.values(), (t) => ({ id: t.id, name: t.name, kind: opt(t.kind), description: opt(t.description), users: ids(t.users) })),
    targets: each(model.targets.values(), (t) => ({
      id: t.id,
      name: opt(t.name),
      metric: t.metric,
      value: { text: t.value.text, kind: t.value.kind, value: t.value.value, currency: opt(t.value.currency) },
      period: opt(t.period),
      parent: t.parent?.id ?? null,
      children: ids(t.children),
      owner: t.owner?.id ?? null,
      scope: scope(t.scope),
      partsSum: partsSum(t),
    })),
    signals: each(model.signals.values(), (s) => ({ id: s.id, name: opt(s.name), watch: s.watch, when: s.when, change: s.change, role: s.role, roles: s.roles, rationale: opt(s.rationale) })),
    people: each(model.people.values(), (p) => ({ id: p.id, name: p.name, role: p.role.id, experience: opt(p.experience), competencies: levels(p.competencies), scope: scope(p.scope) })),
    payBands: each(model.payBands.values(), (b) => ({
      id: b.id,
      name: opt(b.name),
      currency: b.currency,
      min: b.min,
      mid: b.mid,
      max: b.max,
      variable: b.variable,
      onCosts: b.onCosts,
      loadedCostPerSeat: money(loadedCostPerSeat(b)),
      roles: ids(b.roles),
    })),
    plan: plan(model, layerOf, cost),
  };
}

/** Money to the cent, shares to a hundredth of a percent: the same digits on every machine. */
const money = (n: number) => Math.round(n * 100) / 100;
const share = (n: number) => Math.round(n * 10000) / 10000;

function quota(q: Quota) {
  return { perSeat: { text: q.perSeat.text, value: q.perSeat.value, currency: opt(q.perSeat.currency) }, attainment: q.attainment, rampMonths: q.rampMonths, rampCurve: q.rampCurve, ramping: q.ramping, attrition: q.attrition };
}

/** The planning numbers: structure, capacity against targets, the cost of the design (docs/model-json.md). */
function plan(model: OrgModel, layerOf: ReadonlyMap<unknown, number>, cost: ReturnType<typeof designCost>) {
  const roles = [...model.roles.values()];
  const managerSeats = roles.filter((r) => r.reports.length > 0).reduce((n, r) => n + r.headcount, 0);
  const icSeats = roles.filter((r) => r.reports.length === 0).reduce((n, r) => n + r.headcount, 0);
  const capacity = designCapacity(model);
  return {
    structure: { layers: maxOf(layerOf.values(), 0), managerSeats, icSeats, icsPerManager: managerSeats ? share(icSeats / managerSeats) : null },
    capacity: capacity
      ? {
          periodMonths: DEFAULT_CAPACITY_OPTIONS.periodMonths,
          countOpenSeats: DEFAULT_CAPACITY_OPTIONS.countOpenSeats,
          targets: capacity.targets.map((t) => ({
            target: t.target.id,
            value: t.target.value.value,
            currency: opt(t.target.value.currency),
            capacity: money(t.capacity),
            quota: money(t.quota),
            seats: t.seats,
            open: t.open,
            ramping: t.ramping,
            roles: t.carriers.map((c) => c.role.id),
          })),
        }
      : null,
    cost: cost
      ? {
          currency: opt(cost.currency),
          total: money(cost.total),
          open: money(cost.open),
          seats: cost.seats,
          levels: cost.levels.map((l) => ({ level: l.level, seats: l.seats, total: money(l.total) })),
          scopes: cost.dimensions.map((d) => ({
            dimension: d.dimension.id,
            values: d.values.map((v) => ({ value: v.value.id, seats: share(v.seats), total: money(v.total) })),
            shared: { seats: share(d.shared.seats), total: money(d.shared.total) },
          })),
          costOfSale: cost.costOfSale.map((c) => ({ target: c.target.id, revenue: c.revenue, cost: money(c.cost), ratio: share(c.ratio) })),
          unbanded: ids(cost.unbanded),
          otherCurrency: cost.otherCurrency.map((c) => c.role.id),
        }
      : null,
  };
}

/** A sequence produced while the JSON is written, not before. */
class Each<T, U> {
  constructor(
    readonly items: Iterable<T>,
    readonly f: (x: T) => U,
  ) {}
  *[Symbol.iterator](): Generator<U> {
    for (const x of this.items) yield this.f(x);
  }
}
const each = <T, U>(items: Iterable<T>, f: (x: T) => U) => new Each(items, f);

/** The resolved model as one object (for callers that want it whole). */
export function modelJson(model: OrgModel): object {
  return Object.fromEntries(Object.entries(sections(model)).map(([k, v]) => [k, v instanceof Each ? [...v] : v]));
}

/** Chunks up to this many characters before they are handed to the writer. */
const CHUNK = 1 << 20;

/**
 * `JSON.stringify(modelJson(model), null, 2) + '\n'`, byte for byte, in chunks: each element of a
 * list is stringified on its own and indented to its depth (JSON.stringify escapes every line break
 * inside a string, so every "\n" in its output is its own layout).
 */
export function* modelJsonChunks(model: OrgModel): Generator<string> {
  const indent = (json: string, pad: string) => json.replace(/\n/g, `\n${pad}`);
  // A chunk's pieces are joined once it is full. Grown with `+=`, a chunk was a rope of thousands
  // of pieces, which the writer had to flatten (2.2 s of the 100k render's profile) and the
  // collector to trace piece by piece.
  let parts: string[] = [];
  let size = 0;
  const add = (text: string) => {
    parts.push(text);
    size += text.length;
  };
  const take = () => {
    const chunk = parts.join('');
    parts = [];
    size = 0;
    return chunk;
  };
  add('{');
  let first = true;
  for (const [key, value] of Object.entries(sections(model))) {
    add(`${first ? '' : ','}\n  ${JSON.stringify(key)}: `);
    first = false;
    if (!(value instanceof Each)) {
      add(indent(JSON.stringify(value, null, 2), '  '));
      continue;
    }
    let n = 0;
    for (const item of value) {
      add(n++ === 0 ? '[\n    ' : ',\n    ');
      add(indent(JSON.stringify(item, null, 2), '    '));
      if (size >= CHUNK) yield take();
    }
    add(n === 0 ? '[]' : '\n  ]');
  }
  add('\n}\n');
  yield take();
}

export function renderJson(model: OrgModel, out: PageSink): void {
  out.set('org.json', modelJsonChunks(model));
}
