// Properties of `orgc diff`, for fast-check: test/diff/ runs a few hundred cases with a fixed seed,
// `npm run fuzz -- --only diff-complete` (or `diff-renames`) a long campaign.
//
// - complete: for a random org that uses every section and field of the language, and a random
//   change to one field (or one entity) of it, the diff is empty exactly when the two resolved
//   models are equal — equality judged by `modelKey`, a walk of the model that knows nothing of
//   the diff;
// - renames: renaming k roles or duties (every reference following) is k renames and nothing else.
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { compareModels, type Change } from '../../src/diff/compare.js';
import { formatDiff } from '../../src/diff/format.js';
import type { DiffReport } from '../../src/diff/report.js';
import { loadFiles } from '../../src/load/index.js';
import { sourceFromBytes } from '../../src/load/sources.js';
import { buildModel } from '../../src/model/build.js';
import type { OrgModel } from '../../src/model/types.js';
import { ACTIVITIES, AREAS, CADENCES, EDUCATION_LEVELS, EMPLOYMENT_TYPES, KPI_KINDS, LEVELS, MEASURES, RACI_LETTERS, SIGNAL_CHANGES, TARGET_METRICS, TOOL_KINDS, WORKPLACES } from '../../src/schema/grammar.js';

/** An org file as data (what js-yaml reads). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OrgData = Record<string, any>;

// ---------------------------------------------------------------------------------------------
// Model equality, independent of the diff

/** Texts in the model, compared as read: a plain string, or a map whose languages all agree, reads the same everywhere. */
const TEXT_FIELDS = new Set(['name', 'description', 'title', 'purpose', 'unit', 'what', 'rationale', 'notes', 'department', 'city', 'region', 'address', 'field']);
/** Lists whose order means something: scales (lowest first), a role's written requirements, a ramp curve (month by month). */
const ORDERED_FIELDS = new Set(['levels', 'competencyLevels', 'other', 'rampCurve', 'authority', 'internal', 'external']);
/**
 * Where things are written, not what they say: sources, file names, the position of a dotted line
 * in its YAML list, and whether the YAML names a manager that did not resolve (a finding, which a
 * diff reports as such).
 */
const SOURCE_FIELDS = new Set(['src', 'files', 'dottedIndex', 'declaresManager']);

function canonicalText(t: unknown): unknown {
  if (t === undefined || typeof t === 'string' || typeof t === 'number') return t;
  const map = t as Record<string, string>;
  const langs = Object.keys(map).sort();
  return langs.every((l) => map[l] === map[langs[0]]) ? map[langs[0]] : langs.map((l) => [l, map[l]]);
}

/**
 * The resolved model as one string: every field of every entity, references as `@id`, collections
 * in sorted order (declaration order means nothing) except the ordered ones above, derived
 * relations included. Two models are equal when their keys are.
 */
export function modelKey(m: OrgModel): string {
  const isEntity = (v: unknown): v is { id: string } => !!v && typeof v === 'object' && 'src' in v && 'id' in v;
  const sorted = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).sort();
  const walk = (v: unknown, field: string, owned: boolean): unknown => {
    if (v === undefined || v === null || typeof v !== 'object') return v;
    if (TEXT_FIELDS.has(field)) return canonicalText(v);
    if (isEntity(v) && !owned) return `@${v.id}`;
    if (v instanceof Map) {
      const entries = [...v].map(([k, x]) => (typeof k === 'string' ? [k, walk(x, '', true)] : [walk(k, '', false), walk(x, '', false)]));
      return sorted(entries);
    }
    if (v instanceof Set) return sorted([...v].map((x) => walk(x, '', false)));
    if (Array.isArray(v)) {
      const items = v.map((x) => (ORDERED_FIELDS.has(field) ? canonicalText(x) : walk(x, '', false)));
      return ORDERED_FIELDS.has(field) ? items : sorted(items);
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      if (SOURCE_FIELDS.has(k)) continue;
      const x = walk((v as Record<string, unknown>)[k], k, k === 'org');
      if (x !== undefined) out[k] = x;
    }
    return out;
  };
  return JSON.stringify(walk(m, '', true));
}

// ---------------------------------------------------------------------------------------------
// Renames

/** Every field that names a role or a duty, by section: what a rename must rewrite. */
export const ROLE_AND_DUTY_REFERENCES = {
  roles: { role: ['reports_to', 'dotted_line_to', 'backup'], duty: ['duties (keys)'] },
  duties: { duty: ['incompatible_with'] },
  kpis: { role: ['owners'], duty: ['measures'] },
  service_levels: { role: ['from', 'to'] },
  reviews: { role: ['chair', 'attendees'] },
  targets: { role: ['owner'] },
  signals: { role: ['role', 'roles'] },
  people: { role: ['role'] },
} as const;

/** Renames roles and duties in place, with every reference following (`ROLE_AND_DUTY_REFERENCES`). */
export function renameIds(docs: OrgData[], roles: ReadonlyMap<string, string>, duties: ReadonlyMap<string, string> = new Map()): void {
  const role = (id: unknown) => (typeof id === 'string' ? (roles.get(id) ?? id) : id);
  const rekey = (map: Record<string, unknown> | undefined, to: ReadonlyMap<string, string>) =>
    map && Object.fromEntries(Object.entries(map).map(([k, v]) => [to.get(k) ?? k, v]));
  for (const doc of docs) {
    if (doc.duties) {
      doc.duties = rekey(doc.duties, duties);
      for (const d of Object.values<OrgData>(doc.duties)) if (d.incompatible_with) d.incompatible_with = d.incompatible_with.map((id: string) => duties.get(id) ?? id);
    }
    if (doc.roles) {
      doc.roles = rekey(doc.roles, roles);
      for (const r of Object.values<OrgData>(doc.roles)) {
        if (r.reports_to !== undefined) r.reports_to = role(r.reports_to);
        if (r.dotted_line_to) r.dotted_line_to = r.dotted_line_to.map(role);
        if (r.career_path) r.career_path = r.career_path.map(role);
        if (r.backup !== undefined) r.backup = role(r.backup);
        if (r.duties) r.duties = rekey(r.duties, duties);
      }
    }
    for (const k of Object.values<OrgData>(doc.kpis ?? {})) {
      if (k.owners) k.owners = k.owners.map(role);
      if (k.measures) k.measures = k.measures.map((d: string) => duties.get(d) ?? d);
    }
    for (const s of Object.values<OrgData>(doc.service_levels ?? {})) Object.assign(s, { from: role(s.from), to: role(s.to) });
    for (const r of Object.values<OrgData>(doc.reviews ?? {})) {
      r.chair = role(r.chair);
      if (r.attendees) r.attendees = r.attendees.map(role);
    }
    for (const t of Object.values<OrgData>(doc.targets ?? {})) if (t.owner !== undefined) t.owner = role(t.owner);
    for (const s of Object.values<OrgData>(doc.signals ?? {})) {
      s.role = role(s.role);
      if (s.roles) s.roles = s.roles.map(role);
    }
    for (const p of Object.values<OrgData>(doc.people ?? {})) p.role = role(p.role);
  }
}

// ---------------------------------------------------------------------------------------------
// Random orgs that use every part of the language

/** A deterministic pseudo-random sequence (mulberry32). */
export function random(seed: number) {
  let s = seed | 0;
  const next = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const chance = (p: number) => next() < p;
  const subset = <T>(xs: readonly T[], min = 0) => {
    const out = xs.filter(() => chance(0.4));
    while (out.length < Math.min(min, xs.length)) {
      const x = pick(xs);
      if (!out.includes(x)) out.push(x);
    }
    return out;
  };
  const shuffle = <T>(xs: readonly T[]) => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(0, i);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  return { next, int, pick, chance, subset, shuffle };
}
type Random = ReturnType<typeof random>;

const WORDS = ['Sales', 'Lead', 'Care', '销售', '客户经理', 'A', 'B', 'Key accounts', 'R&D', '`x`'];

function textOf(r: Random): unknown {
  const word = () => (r.chance(0.7) ? r.pick(WORDS) : `w${r.int(0, 999)}`);
  const k = r.int(0, 5);
  if (k <= 2) return word();
  if (k === 3) return { en: word(), 'zh-CN': word() };
  const w = word();
  return k === 4 ? { en: w, 'zh-CN': w } : { [r.pick(['en', 'zh-CN', 'zh-TW'])]: w };
}

const quantityOf = (r: Random) => r.pick([r.int(0, 99), `${r.int(0, 99)}%`, `${r.int(1, 9)}M CNY`, `${r.int(1, 48)}h`, `${r.int(1, 30)}d`]);
const maybe = <T>(r: Random, p: number, f: () => T): T | undefined => (r.chance(p) ? f() : undefined);

/** Drops the keys of `o` whose value is undefined: js-yaml writes none of them either way, but tidier. */
function defined(o: OrgData): OrgData {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** Ids of the kinds an org declares, for references. */
interface Ids {
  dimensions: Map<string, string[]>;
  families: string[];
  competencies: string[];
  steps: string[];
  duties: string[];
  roles: string[];
  kpis: string[];
  metrics: string[];
  serviceLevels: string[];
  tools: string[];
  targets: string[];
  people: string[];
  payBands: string[];
}

function idsOf(doc: OrgData): Ids {
  const keys = (section: string) => Object.keys(doc[section] ?? {});
  return {
    dimensions: new Map(Object.entries<OrgData>(doc.dimensions ?? {}).map(([id, d]) => [id, Object.keys(d.values ?? {})])),
    families: keys('families'),
    competencies: keys('competencies'),
    steps: Object.values<OrgData>(doc.process ?? {}).flatMap((s) => Object.keys(s.steps ?? {})),
    duties: keys('duties'),
    roles: keys('roles'),
    kpis: keys('kpis'),
    metrics: keys('metrics'),
    serviceLevels: keys('service_levels'),
    tools: keys('tools'),
    targets: keys('targets'),
    people: keys('people'),
    payBands: keys('pay_bands'),
  };
}

/** A reference: mostly to an entity that exists, now and then to one that does not. */
const refTo = (r: Random, ids: readonly string[], fallback = 'nowhere') => (ids.length && r.chance(0.95) ? r.pick(ids) : fallback);
const scopeOf = (r: Random, ids: Ids) => {
  const dims = r.subset([...ids.dimensions.keys()], 1);
  return dims.length ? Object.fromEntries(dims.map((d) => [d, r.subset(ids.dimensions.get(d)!, 1)])) : undefined;
};
const levelsOf = (r: Random, ids: Ids) => {
  const cs = r.subset(ids.competencies);
  return cs.length ? Object.fromEntries(cs.map((c) => [c, r.int(1, 4)])) : undefined;
};
const raciOf = (r: Random) => {
  const letters = r.subset([...RACI_LETTERS], 1);
  return letters.length === 1 && r.chance(0.7) ? letters[0] : letters;
};
const years = (r: Random) => `${r.int(0, 12)}y`;
const locationOf = (r: Random) =>
  defined({
    places: maybe(r, 0.8, () => Array.from({ length: r.int(1, 2) }, () => defined({ city: textOf(r), region: maybe(r, 0.3, () => textOf(r)), country: r.pick(['CN', 'US']), address: maybe(r, 0.2, () => textOf(r)) }))),
    work: maybe(r, 0.6, () => r.pick(WORKPLACES)),
    remote_in: maybe(r, 0.3, () => r.subset(['CN', 'US', 'DE'], 1)),
  });
const employmentOf = (r: Random) => (r.chance(0.5) ? r.pick(EMPLOYMENT_TYPES) : r.subset([...EMPLOYMENT_TYPES], 1));
const jobsOf = (r: Random) =>
  defined({
    department: maybe(r, 0.5, () => textOf(r)),
    location: maybe(r, 0.5, () => locationOf(r)),
    employment_type: maybe(r, 0.5, () => employmentOf(r)),
    posted: maybe(r, 0.5, () => r.pick(['2027-01-04', '2027-03-01'])),
    valid_through: maybe(r, 0.3, () => r.pick(['2027-06-30', '2027-12-31'])),
    website: maybe(r, 0.3, () => r.pick(['https://example.com', 'https://acme.cn'])),
  });

/**
 * A value for each field of each definition of the JSON Schema, given the org's ids: what a random
 * org is made of, and what a mutation writes. `test/diff/complete.test.ts` checks that these are
 * exactly the fields the schema has.
 */
export const FIELDS: Record<string, Record<string, (r: Random, ids: Ids, self: string) => unknown>> = {
  Org: { id: (r) => r.pick(['acme', 'acme-sales', 'org']), name: textOf, language: (r) => r.pick(['en', 'zh-CN']), description: textOf, draft: (r) => r.pick([true, false]), jobs: (r) => jobsOf(r), notes: textOf },
  OrgFile: { competency_levels: (r) => Array.from({ length: r.int(2, 4) }, () => textOf(r)) },
  Dimension: { name: textOf, description: textOf, values: (r) => Object.fromEntries(Array.from({ length: r.int(1, 3) }, (_, i) => [`v${i}`, namedItem(r)])), notes: textOf },
  NamedItem: { name: textOf, description: textOf, notes: textOf },
  Competency: { name: textOf, description: textOf, levels: (r) => Array.from({ length: r.int(2, 4) }, () => textOf(r)), notes: textOf },
  Stage: { name: textOf, description: textOf, steps: (r) => Object.fromEntries(Array.from({ length: r.int(1, 2) }, () => [`s${r.int(0, 9)}`, namedStep(r)])), notes: textOf },
  Step: { name: textOf, description: textOf, notes: textOf },
  Duty: {
    name: textOf,
    description: textOf,
    area: (r) => r.pick(AREAS),
    step: (r, ids) => refTo(r, ids.steps),
    demands: (r, ids) => levelsOf(r, ids) ?? {},
    effort: (r) => r.pick([0.5, 1, 2, 3.5]),
    accountable_per: (r, ids) => r.subset([...ids.dimensions.keys()]),
    activity: (r) => r.pick(ACTIVITIES),
    incompatible_with: (r, ids) => r.subset(ids.duties),
    notes: textOf,
  },
  Role: {
    title: textOf,
    purpose: textOf,
    department: textOf,
    location: locationOf,
    employment_type: employmentOf,
    career_path: (r, ids, self) => r.subset(ids.roles.filter((x) => x !== self)),
    authority: (r) => Array.from({ length: r.int(1, 3) }, () => textOf(r)),
    relationships: (r) => defined({ internal: maybe(r, 0.6, () => [textOf(r)]), external: maybe(r, 0.6, () => [textOf(r), textOf(r)]) }),
    level: (r) => r.pick(LEVELS),
    family: (r, ids) => refTo(r, ids.families),
    cut: (r, ids) => r.subset(['process', ...ids.dimensions.keys()]),
    scope: (r, ids) => scopeOf(r, ids) ?? {},
    reports_to: (r, ids, self) => refTo(r, ids.roles.filter((x) => x !== self)),
    dotted_line_to: (r, ids, self) => r.subset(ids.roles.filter((x) => x !== self)),
    headcount: (r) => r.int(0, 4),
    vacancies: (r) => r.int(0, 2),
    duties: (r, ids) => Object.fromEntries(r.subset(ids.duties).map((d) => [d, raciOf(r)])),
    requires: (r, ids) => defined({ experience: maybe(r, 0.5, () => years(r)), competencies: levelsOf(r, ids), other: maybe(r, 0.4, () => [textOf(r)]), notes: maybe(r, 0.3, () => textOf(r)) }),
    tools: (r, ids) => r.subset(ids.tools),
    quota: (r) => entityOf(r, 'Quota', idsOf({}), ''),
    backup: (r, ids, self) => refTo(r, ids.roles.filter((x) => x !== self)),
    pay_band: (r, ids) => refTo(r, ids.payBands),
    notes: textOf,
  },
  PayBand: {
    name: textOf,
    min: (r) => r.pick([`${r.int(1, 5)}00K CNY`, `${r.int(10, 50)}万 CNY`]),
    mid: (r) => `${r.int(3, 7)}00K CNY`,
    max: (r) => `${r.int(5, 9)}00K CNY`,
    variable: (r) => `${r.pick([0, 25, 40, 67, 100])}%`,
    on_costs: (r) => `${r.pick([0, 30, 35])}%`,
    notes: textOf,
  },
  Quota: {
    per_seat: (r) => `${r.int(1, 9)}M CNY`,
    attainment: (r) => `${r.int(50, 100)}%`,
    ramp: (r) => entityOf(r, 'Ramp', idsOf({}), ''),
    attrition: (r) => `${r.int(0, 30)}%`,
    notes: textOf,
  },
  Ramp: { months: (r) => r.int(0, 12), curve: (r) => Array.from({ length: r.int(1, 4) }, () => `${r.int(0, 100)}%`), ramping: (r) => r.int(0, 3) },
  Requirements: { experience: years, competencies: (r, ids) => levelsOf(r, ids) ?? {}, education: (r) => defined({ level: r.pick(EDUCATION_LEVELS), field: maybe(r, 0.5, () => textOf(r)) }), other: (r) => Array.from({ length: r.int(1, 3) }, () => textOf(r)), notes: textOf },
  Kpi: {
    name: textOf,
    description: textOf,
    kind: (r) => r.pick(KPI_KINDS),
    unit: textOf,
    target: quantityOf,
    better: (r) => r.pick(['higher', 'lower']),
    measures: (r, ids) => r.subset(ids.duties),
    measure: (r) => r.pick(MEASURES),
    at_most: (r, ids, self) => refTo(r, ids.kpis.filter((x) => x !== self)),
    at_least: (r, ids, self) => refTo(r, ids.kpis.filter((x) => x !== self)),
    owners: (r, ids) => r.subset(ids.roles, 1),
    notes: textOf,
  },
  Metric: { name: textOf, description: textOf, unit: textOf, measure: (r) => r.pick(MEASURES), notes: textOf },
  ServiceLevel: {
    what: textOf,
    from: (r, ids) => (r.chance(0.2) ? 'customer' : refTo(r, ids.roles)),
    to: (r, ids) => (r.chance(0.2) ? 'customer' : refTo(r, ids.roles)),
    within: (r) => `${r.int(1, 72)}h`,
    step: (r, ids) => refTo(r, ids.steps),
    part_of: (r, ids, self) => refTo(r, ids.serviceLevels.filter((x) => x !== self)),
    notes: textOf,
  },
  Review: { name: textOf, cadence: (r) => r.pick(CADENCES), chair: (r, ids) => refTo(r, ids.roles), attendees: (r, ids) => r.subset(ids.roles), purpose: textOf, notes: textOf },
  Tool: { name: textOf, kind: (r) => r.pick(TOOL_KINDS), description: textOf, notes: textOf },
  Target: {
    name: textOf,
    metric: (r) => r.pick(TARGET_METRICS),
    value: quantityOf,
    period: (r) => r.pick(['2027', '2027-Q1', '']),
    parent: (r, ids, self) => refTo(r, ids.targets.filter((x) => x !== self)),
    owner: (r, ids) => refTo(r, ids.roles),
    scope: (r, ids) => scopeOf(r, ids) ?? {},
    at_most: (r, ids, self) => refTo(r, ids.targets.filter((x) => x !== self)),
    at_least: (r, ids, self) => refTo(r, ids.targets.filter((x) => x !== self)),
    notes: textOf,
  },
  Signal: {
    name: textOf,
    watch: (r, ids) => refTo(r, [...ids.kpis, ...ids.metrics], 'k9'),
    when: (r) => r.pick(['< 20%', '<20%', '> 15', '>= 3']),
    change: (r) => r.pick(SIGNAL_CHANGES),
    role: (r, ids) => (r.chance(0.3) ? 'new-role' : refTo(r, ids.roles)),
    roles: (r, ids) => r.subset([...ids.roles, 'new-role']),
    rationale: textOf,
    notes: textOf,
  },
  Person: {
    name: textOf,
    role: (r, ids) => refTo(r, ids.roles),
    experience: years,
    competencies: (r, ids) => levelsOf(r, ids) ?? {},
    scope: (r, ids) => scopeOf(r, ids) ?? {},
    backup: (r, ids, self) => refTo(r, ids.people.filter((x) => x !== self)),
    notes: textOf,
  },
};

/** Fields a valid entity must have. */
const REQUIRED: Record<string, string[]> = {
  Org: ['id', 'name', 'language'],
  Dimension: ['name', 'values'],
  NamedItem: ['name'],
  Competency: ['name'],
  Stage: ['name', 'steps'],
  Step: ['name'],
  Duty: ['name', 'area'],
  Role: ['title', 'level'],
  Kpi: ['name', 'kind', 'owners'],
  Metric: ['name'],
  ServiceLevel: ['what', 'from', 'to', 'within'],
  Review: ['name', 'cadence', 'chair'],
  Tool: ['name'],
  Target: ['metric', 'value'],
  Signal: ['watch', 'when', 'change', 'role'],
  Person: ['name', 'role'],
  Requirements: [],
  Quota: ['per_seat'],
  Ramp: ['months'],
  PayBand: ['min', 'max'],
};

/** The section of an org file, the definition of its entries, and the prefix of generated ids. */
export const SECTIONS: Array<[section: string, definition: string, prefix: string]> = [
  ['dimensions', 'Dimension', 'dim'],
  ['families', 'NamedItem', 'fam'],
  ['competencies', 'Competency', 'comp'],
  ['process', 'Stage', 'stage'],
  ['tools', 'Tool', 'tool'],
  ['metrics', 'Metric', 'metric'],
  ['pay_bands', 'PayBand', 'band'],
  ['duties', 'Duty', 'duty'],
  ['roles', 'Role', 'role'],
  ['kpis', 'Kpi', 'kpi'],
  ['service_levels', 'ServiceLevel', 'sl'],
  ['reviews', 'Review', 'review'],
  ['targets', 'Target', 'target'],
  ['signals', 'Signal', 'signal'],
  ['people', 'Person', 'person'],
];

function namedItem(r: Random): OrgData {
  return defined({ name: textOf(r), description: maybe(r, 0.3, () => textOf(r)), notes: maybe(r, 0.2, () => textOf(r)) });
}
const namedStep = namedItem;

/** An entity of a definition: its required fields and, by chance, each optional one. */
function entityOf(r: Random, definition: string, ids: Ids, self: string, optional = 0.4): OrgData {
  const fields = FIELDS[definition];
  const out: OrgData = {};
  for (const f in fields) if (REQUIRED[definition].includes(f) || r.chance(optional)) out[f] = fields[f](r, ids, self);
  return out;
}

/** A random org using every section: sections are filled in dependency order so references mostly resolve. */
export function richOrg(seed: number): OrgData {
  const r = random(seed);
  const doc: OrgData = { orgc: 1, org: entityOf(r, 'Org', idsOf({}), 'org', 0.5) };
  if (r.chance(0.8)) doc.competency_levels = FIELDS.OrgFile.competency_levels(r, idsOf({}), '');
  const counts: Record<string, [number, number]> = { dimensions: [0, 2], families: [0, 2], competencies: [0, 3], process: [1, 2], tools: [0, 2], metrics: [0, 2], pay_bands: [0, 2], duties: [1, 5], roles: [1, 6], kpis: [0, 3], service_levels: [0, 2], reviews: [0, 2], targets: [0, 3], signals: [0, 2], people: [0, 3] };
  let step = 0;
  for (const [section, definition, prefix] of SECTIONS) {
    const n = r.int(...counts[section]);
    if (n === 0) continue;
    const entries: OrgData = {};
    for (let i = 0; i < n; i++) {
      const id = `${prefix}${i}`;
      const ids = idsOf(doc);
      if (section === 'roles') ids.roles = Object.keys(entries); // a tree: managers come first
      const e = entityOf(r, definition, ids, id);
      if (section === 'process') e.steps = Object.fromEntries(Array.from({ length: r.int(1, 2) }, () => [`step${step++}`, namedStep(r)]));
      if (section === 'roles' && i > 0 && e.reports_to === undefined && r.chance(0.8)) e.reports_to = r.pick(Object.keys(entries));
      entries[id] = e;
      doc[section] = entries;
    }
  }
  return doc;
}

// ---------------------------------------------------------------------------------------------
// Changes to one field or one entity

/** Every place a mutation can write: an entity's field (present or not), or a section or map of entities. */
interface Slot {
  /** Path of keys to the object that holds the field. */
  path: string[];
  definition: string;
  field: string;
}

export function slotsOf(doc: OrgData): Slot[] {
  const out: Slot[] = [];
  const fieldsOf = (path: string[], definition: string) => {
    for (const field in FIELDS[definition]) out.push({ path, definition, field });
  };
  fieldsOf(['org'], 'Org');
  out.push({ path: [], definition: 'OrgFile', field: 'competency_levels' });
  for (const [section, definition] of SECTIONS) {
    for (const [id, e] of Object.entries<OrgData>(doc[section] ?? {})) {
      fieldsOf([section, id], definition);
      if (section === 'dimensions') for (const v of Object.keys(e.values ?? {})) fieldsOf([section, id, 'values', v], 'NamedItem');
      if (section === 'process') for (const s of Object.keys(e.steps ?? {})) fieldsOf([section, id, 'steps', s], 'Step');
      if (section === 'roles' && e.requires) fieldsOf([section, id, 'requires'], 'Requirements');
      if (section === 'roles' && e.quota) fieldsOf([section, id, 'quota'], 'Quota');
      if (section === 'roles' && e.quota?.ramp) fieldsOf([section, id, 'quota', 'ramp'], 'Ramp');
    }
  }
  return out;
}

export type Mutation = { description: string; doc: OrgData };

/**
 * One change to a copy of `doc`, chosen by `seed`: a field set, rewritten as an equal or deleted;
 * an entity added, removed, renamed or moved. With `slot`, a change to that field (of `slotsOf`).
 */
export function mutate(doc: OrgData, seed: number, slotIndex?: number): Mutation {
  const r = random(seed);
  const copy: OrgData = structuredClone(doc);
  const ids = idsOf(copy);
  const at = (path: string[]) => path.reduce((o, k) => o?.[k], copy);
  const what = slotIndex === undefined ? r.int(0, 9) : r.int(0, 6);
  if (what <= 6) {
    const slots = slotsOf(copy);
    const slot = slots[(slotIndex ?? r.int(0, slots.length - 1)) % slots.length];
    const holder = at(slot.path);
    const where = `${[...slot.path, slot.field].join('.')}`;
    const current = holder[slot.field];
    const required = (REQUIRED[slot.definition] ?? []).includes(slot.field);
    if (what <= 3 || current === undefined) {
      holder[slot.field] = FIELDS[slot.definition][slot.field](r, ids, slot.path[slot.path.length - 1]);
      return { description: `set ${where} to ${JSON.stringify(holder[slot.field])}`, doc: copy };
    }
    if (what === 4 && !required) {
      delete holder[slot.field];
      return { description: `delete ${where}`, doc: copy };
    }
    holder[slot.field] = equivalent(r, current, FIELDS[slot.definition][slot.field] === textOf);
    return { description: `rewrite ${where} as ${JSON.stringify(holder[slot.field])}`, doc: copy };
  }
  // An entity: added, removed, given a new id (nothing following), or its section reordered.
  const [section, definition, prefix] = r.pick(SECTIONS);
  const entries: OrgData = copy[section] ?? {};
  const keys = Object.keys(entries);
  if (what === 7 || keys.length === 0) {
    const id = `${prefix}${r.int(0, 9)}new`;
    const e = entityOf(r, definition, ids, id);
    if (section === 'process') e.steps = { [`step${r.int(0, 9)}new`]: namedStep(r) };
    copy[section] = { ...entries, [id]: e };
    return { description: `add ${section}.${id}: ${JSON.stringify(e)}`, doc: copy };
  }
  const id = r.pick(keys);
  if (what === 8) {
    delete entries[id];
    if (Object.keys(entries).length === 0) delete copy[section];
    return { description: `remove ${section}.${id}`, doc: copy };
  }
  if (r.chance(0.5)) {
    copy[section] = Object.fromEntries(Object.entries(entries).map(([k, v]) => [k === id ? `${k}-x` : k, v]));
    return { description: `rename ${section}.${id} to ${id}-x, references left as they are`, doc: copy };
  }
  copy[section] = Object.fromEntries(r.shuffle(Object.entries(entries)));
  return { description: `reorder ${section}`, doc: copy };
}

/** The same value written another way: a text as a one-language map, a list or map shuffled, a default spelled out. */
function equivalent(r: Random, v: unknown, isText: boolean): unknown {
  if (isText && typeof v === 'string') return { [r.pick(['en', 'zh-CN'])]: v };
  if (Array.isArray(v)) return r.shuffle(v);
  if (v && typeof v === 'object') return Object.fromEntries(r.shuffle(Object.entries(v)));
  return v;
}

// ---------------------------------------------------------------------------------------------
// The properties

const dump = (doc: OrgData) => jsYaml.dump(doc, { lineWidth: -1, noRefs: true });

/** The model of one file's text, or undefined when it does not load (a schema error). */
export async function modelOf(yaml: string): Promise<OrgModel | undefined> {
  const loaded = await loadFiles([sourceFromBytes('org.yaml', Buffer.from(yaml))]);
  return loaded.findings.length ? undefined : buildModel(loaded.files).model;
}

export interface DiffCase {
  seed: number;
  mutation: number;
  /** A field to change (an index into `slotsOf`), rather than a change chosen by `mutation`. */
  slot?: number;
}

export const diffCase: fc.Arbitrary<DiffCase> = fc.record({ seed: fc.integer(), mutation: fc.integer() });

/** What the cases were: models equal, models different, or a mutated org that did not load (skipped). */
export const tally = { equal: 0, differ: 0, skipped: 0 };

/**
 * Property: the diff between an org and a mutation of it is empty exactly when the resolved models
 * are equal, and every change reads in every format and language without a hole.
 */
export async function diffIsComplete({ seed, mutation, slot }: DiffCase): Promise<void> {
  const doc = richOrg(seed);
  const changed = mutate(doc, mutation, slot);
  const [a, b] = [await modelOf(dump(doc)), await modelOf(dump(changed.doc))];
  if (!a) throw new Error(`the generated org does not load (seed ${seed})`);
  if (!b) return void tally.skipped++;
  const changes = compareModels(a, b, 'en');
  const equal = modelKey(a) === modelKey(b);
  tally[equal ? 'equal' : 'differ']++;
  if (equal !== (changes.length === 0)) {
    throw new Error(`${changed.description}: models ${equal ? 'equal' : 'differ'}, but the diff has ${changes.length} change(s) ${JSON.stringify(changes.slice(0, 3))} (seed ${seed}, mutation ${mutation})`);
  }
  readable(changes);
}

/** Every change reads in every format and language, no `{placeholder}` left. */
export function readable(changes: Change[]): void {
  const side = { spec: 'x', files: [], loads: true, counts: { error: 0, warning: 0, info: 0 } } as unknown as DiffReport['base'];
  const report: DiffReport = { base: side, head: side, changes, findings: { introduced: [], fixed: [] } };
  for (const lang of ['en', 'zh-CN'] as const) {
    for (const format of ['text', 'md', 'json'] as const) {
      const out = formatDiff(report, format, lang);
      const hole = /\{[a-zA-Z]+\}/.exec(out.replace(/`[^`]*`|\([^)]*\)/g, ''));
      if (hole) throw new Error(`${format} ${lang}: placeholder ${hole[0]} left in ${out}`);
    }
  }
}

/**
 * Property: renaming k roles and j duties of a random org — every reference following — is k role
 * renames and j duty renames, each to its new id, and nothing else.
 */
export async function renamesAreRenames({ seed, mutation }: DiffCase): Promise<void> {
  const doc = richOrg(seed);
  const r = random(mutation);
  const roles = new Map(r.subset(Object.keys(doc.roles ?? {})).map((id) => [id, `${id}-renamed`]));
  const duties = new Map(r.subset(Object.keys(doc.duties ?? {})).map((id) => [id, `${id}-renamed`]));
  const renamed = structuredClone(doc);
  renameIds([renamed], roles, duties);
  const [a, b] = [await modelOf(dump(doc)), await modelOf(dump(renamed))];
  if (!a || !b) throw new Error(`the generated org does not load (seed ${seed})`);
  expectRenames(compareModels(a, b, 'en'), roles, duties, `seed ${seed}, renames ${mutation}`);
}

/** The changes are exactly these renames. */
export function expectRenames(changes: Change[], roles: ReadonlyMap<string, string>, duties: ReadonlyMap<string, string>, what: string): void {
  const expected = [...[...roles].map(([a, b]) => `role ${a} → ${b}`), ...[...duties].map(([a, b]) => `duty ${a} → ${b}`)].sort();
  const found = changes.map((c) => (c.kind === 'role-renamed' ? `role ${c.from.id} → ${c.to.id}` : c.kind === 'duty-renamed' ? `duty ${c.from.id} → ${c.to.id}` : JSON.stringify(c))).sort();
  if (JSON.stringify(found) !== JSON.stringify(expected)) {
    const extra = found.filter((x) => !expected.includes(x));
    const missing = expected.filter((x) => !found.includes(x));
    throw new Error(`${what}: ${missing.length} rename(s) missing ${JSON.stringify(missing.slice(0, 5))}, ${extra.length} change(s) too many ${JSON.stringify(extra.slice(0, 5))}`);
  }
}

/** Both sides as files, for the fuzz runner's counterexample directory. */
export function caseFiles({ seed, mutation }: DiffCase): Record<string, string> {
  const doc = richOrg(seed);
  const changed = mutate(doc, mutation);
  return { 'base.yaml': dump(doc), 'head.yaml': dump(changed.doc), 'mutation.txt': `${changed.description}\n` };
}

/**
 * An org file's text with a share of its roles renamed (every `every`-th role, from the second),
 * references following; the renames made. For the scale tests and the benchmark.
 */
export function renameShare(yaml: string, every: number): { yaml: string; roles: Map<string, string> } {
  const doc = jsYaml.load(yaml) as OrgData;
  const roles = new Map(
    Object.keys(doc.roles ?? {})
      .filter((_, i) => i % every === 1 % every)
      .map((id) => [id, `${id}-renamed`]),
  );
  renameIds([doc], roles);
  return { yaml: dump(doc), roles };
}
