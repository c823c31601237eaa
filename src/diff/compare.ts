// What changed between two versions of an org, as an HR reviewer reads it: roles added, removed,
// renamed, retitled, split or merged; reporting and dotted lines; duties renamed, moved between
// roles and RACI letters changed; headcount and vacancies; and every other part of the model —
// the org itself, dimensions, families, competencies, the process, KPIs, metrics, service levels,
// reviews, tools, targets, signals, people and notes. Not a text diff: two files that say the same
// in another order compare equal, and so do texts that read the same in every language.
//
// A rename is a new id for the same thing with every reference following it. Renames of roles and
// duties are found first (see `RenameFinder`); every later comparison reads a base reference
// through them, so a reference that followed a renamed id is not a change.
//
// Linear in the size of the org: entities are grouped by a key of their content, never compared
// pairwise; the similarity of roles that changed as well as moved is counted through an index of
// duties to roles, built once.
import { localize } from '../i18n/text.js';
import type { UiLanguage } from '../i18n/lang.js';
import { designCapacity } from '../check/capacity.js';
import { designCost } from '../model/cost.js';
import { raciLetters } from '../model/queries.js';
import { formatAmount, formatAmountChange } from '../render/amount.js';
import { targetName } from '../render/view/plan.js';
import type { Duty, Entity, JobDefaults, Location, OrgModel, Party, PayBand, Quantity, Quota, Role, Scope, Step, Text } from '../model/types.js';
import { CUSTOMER } from '../schema/grammar.js';

export interface Ref {
  id: string;
  title: string;
}

/** Things a diff can name: every kind of entity in the model, and the org itself. */
export const NOUNS = ['org', 'dimension', 'dimension-value', 'family', 'competency', 'stage', 'step', 'role', 'duty', 'kpi', 'metric', 'service-level', 'review', 'tool', 'target', 'signal', 'person', 'pay-band'] as const;
export type Noun = (typeof NOUNS)[number];
/** Entities added and removed as `{ item }`; roles and duties keep their own shapes. */
export type ItemNoun = Exclude<Noun, 'org' | 'role' | 'duty'>;

export type Change =
  | { kind: 'role-added' | 'role-removed'; role: Ref }
  | { kind: 'role-renamed'; from: Ref; to: Ref }
  | { kind: 'role-retitled'; role: Ref; from: string; to: string }
  | { kind: 'role-split'; from: Ref; into: Ref[] }
  | { kind: 'roles-merged'; from: Ref[]; into: Ref }
  | { kind: 'manager-changed'; role: Ref; from?: Ref; to?: Ref }
  | { kind: 'dotted-added' | 'dotted-removed'; role: Ref; manager: Ref }
  | { kind: 'duty-added' | 'duty-removed'; duty: Ref }
  | { kind: 'duty-renamed'; from: Ref; to: Ref }
  | { kind: 'duty-moved'; duty: Ref; letter: string; from: Ref; to: Ref }
  | { kind: 'raci-changed'; duty: Ref; role: Ref; from: string; to: string }
  | { kind: 'headcount-changed' | 'vacancies-changed'; role: Ref; from: number; to: number }
  | { kind: `${ItemNoun}-added` | `${ItemNoun}-removed`; item: Ref }
  /** Any other field of anything: `field` is the YAML key (`requires.experience`), values as shown. */
  | { kind: `${Noun}-changed`; item: Ref; field: string; from: string; to: string }
  /** The order of the process steps on both sides (steps added or removed are changes of their own). */
  | { kind: 'process-reordered'; from: string; to: string }
  /** What the change does to the plan (derived, never alone): quota capacity against a target, in the reader's notation. */
  | { kind: 'capacity-changed'; target: Ref; from: string; to: string }
  /** The loaded cost of the design (src/model/cost.ts), before and after, and the change. */
  | { kind: 'cost-changed'; from: string; to: string; delta: string };

export type ChangeKind = Change['kind'];

/** Share of a role's duties that its successors must take over to count as a split or merge. */
const SUCCESSION = 0.5;
/** Share of duties two roles must have in common for a new id to count as a renamed role that also changed. */
const SAME_WORK = 0.8;
/**
 * A duty held by more new (or removed) roles than this says nothing about which of them took over
 * another's work; it is left out of the similarity of roles, which keeps that count linear.
 */
const CROWD = 256;

// ---------------------------------------------------------------------------------------------
// Values of fields, compared by a key and shown as text

/** A field's value: compared by `key`, shown as `show`; a text is compared as read in every language. */
type Value = { key: string; show: string } | { text: Text | undefined };
type Fields = Record<string, Value>;

const ABSENT = '\u0000';
const plain = (x: string | number | undefined): Value => (x === undefined ? { key: ABSENT, show: '' } : { key: String(x), show: String(x) });
const text = (x: Text | undefined): Value => ({ text: x });
/** A set of ids: compared sorted, shown as written. */
const idSet = (ids: readonly string[]): Value => ({ key: [...ids].sort().join('\u0001'), show: ids.join(', ') });
const quantity = (q: Quantity | undefined) => plain(q?.text);
/** Years of experience as written (`5y`). */
const years = (n: number | undefined) => plain(n === undefined ? undefined : `${n}y`);

/**
 * A text as a reader sees it: a plain string reads the same in every language, and so does a map
 * whose languages all say the same; otherwise the map, keys sorted. (`localize` falls back to some
 * language for a language a map lacks, so `{ en: X }` reads `X` everywhere.)
 */
export function textKey(t: Text | undefined): string {
  if (t === undefined) return ABSENT;
  if (typeof t === 'string') return t;
  const langs = Object.keys(t).sort();
  if (langs.every((l) => t[l] === t[langs[0]])) return t[langs[0]] ?? '';
  return `\u0002${langs.map((l) => `${l}\u0003${t[l]}`).join('\u0001')}`;
}

const textsKey = (list: readonly Text[]) => list.map(textKey).join('\u0004');
/** A list of texts in order: `a; b`. */
const texts = (list: readonly Text[]): Value => ({ key: textsKey(list), show: list.map((x) => (typeof x === 'string' ? x : textKey(x))).join('; ') });
/** A location as written: `onsite: Shanghai CN, Beijing CN` or `remote in CN`. */
function locationValue(l: Location | undefined): { key: string; show: string } {
  if (!l) return { key: ABSENT, show: '' };
  const say = (t: Text | undefined) => (t === undefined ? '' : typeof t === 'string' ? t : textKey(t));
  const places = l.places.map((p) => [say(p.address), say(p.city), say(p.region), p.country].filter(Boolean).join(' '));
  const say2 = (list: readonly string[]) => `${l.work ?? 'onsite'}${list.length ? `: ${list.join(', ')}` : ''}${l.remoteIn.length ? `; remote in ${[...l.remoteIn].sort().join(', ')}` : ''}`;
  // Compared as sets (the order of offices says nothing), shown as written.
  return { key: say2([...places].sort()), show: say2(places) };
}
/** `org.jobs` as one value: a change of any default shows where it is written. */
function jobsValue(j: JobDefaults | undefined): { key: string; show: string } {
  if (!j) return { key: ABSENT, show: '' };
  const parts = [
    j.department === undefined ? '' : `department ${textKey(j.department)}`,
    j.location ? `location ${locationValue(j.location).show}` : '',
    j.employmentType.length ? `employment_type ${j.employmentType.join(', ')}` : '',
    j.posted ? `posted ${j.posted}` : '',
    j.validThrough ? `valid_through ${j.validThrough}` : '',
    j.website ? `website ${j.website}` : '',
  ].filter(Boolean);
  return { key: parts.join('; '), show: parts.join('; ') };
}

function sameValue(a: Value, b: Value): boolean {
  if ('text' in a && 'text' in b) return textKey(a.text) === textKey(b.text);
  if ('key' in a && 'key' in b) return a.key === b.key;
  return false;
}

function valueKey(v: Value): string {
  return 'text' in v ? textKey(v.text) : v.key;
}

// ---------------------------------------------------------------------------------------------
// Renames

type Side = 'base' | 'head';

/** How a field names another role or duty: by its id on the head's side, or `?` while unmatched. */
type Namer = (kind: 'role' | 'duty', id: string, side: Side) => string;

/**
 * Renamed roles and duties: a removed and an added entity whose content is the same once their
 * references are read through the renames. Found in rounds, each linear:
 * 1. entities grouped by their content, with references to roles and duties that changed id left
 *    as `?` (so a chain of renamed managers matches in one round); a group of one removed and one
 *    added entity is a rename;
 * 2. what is left grouped again, now naming the renames found and counting what points at the
 *    entity from elsewhere (people, KPIs, service levels, reviews, targets, reports);
 * 3. a group still holding as many removed as added entities pairs them in declaration order —
 *    nothing tells them apart, so any pairing reads the same;
 * 4. roles whose duties mostly stayed the same (≥ `SAME_WORK`, counted through an index of duties
 *    to roles) are renamed roles that also changed.
 */
class RenameFinder {
  /** Base id → head id, and back. */
  readonly roles = new Map<string, string>();
  readonly duties = new Map<string, string>();
  readonly rolesBack = new Map<string, string>();
  readonly dutiesBack = new Map<string, string>();

  constructor(
    private readonly base: OrgModel,
    private readonly head: OrgModel,
  ) {}

  find(): void {
    const removedRoles = [...this.base.roles.values()].filter((r) => !this.head.roles.has(r.id));
    const addedRoles = [...this.head.roles.values()].filter((r) => !this.base.roles.has(r.id));
    const removedDuties = [...this.base.duties.values()].filter((d) => !this.head.duties.has(d.id));
    const addedDuties = [...this.head.duties.values()].filter((d) => !this.base.duties.has(d.id));
    if ((removedRoles.length === 0 || addedRoles.length === 0) && (removedDuties.length === 0 || addedDuties.length === 0)) return;
    const blind: Namer = (kind, id, side) => this.keptId(kind, id, side) ?? '?';
    const named: Namer = (kind, id, side) => this.keptId(kind, id, side) ?? this.matchedId(kind, id, side) ?? '?';
    for (const round of [1, 2, 3]) {
      const namer = round === 1 ? blind : named;
      const more = round === 1 ? undefined : (e: Entity, kind: 'role' | 'duty', side: Side) => this.pointers(e, kind, side);
      this.matchGroups(
        this.unmatched(removedRoles, this.roles),
        this.unmatched(addedRoles, this.rolesBack),
        (r, side) => keyOf(roleFields(r, side, namer)) + (more ? more(r, 'role', side) : ''),
        this.roles,
        this.rolesBack,
        round === 3,
      );
      this.matchGroups(
        this.unmatched(removedDuties, this.duties),
        this.unmatched(addedDuties, this.dutiesBack),
        (d, side) => keyOf(dutyFields(d, side, namer)) + dutyAssignmentsKey(d, side, namer) + (more ? more(d, 'duty', side) : ''),
        this.duties,
        this.dutiesBack,
        round === 3,
      );
    }
    this.similarRoles(this.unmatched(removedRoles, this.roles), this.unmatched(addedRoles, this.rolesBack));
  }

  /** The head's id of a base role or duty, through the renames; the id itself for the head's side. */
  headId(kind: 'role' | 'duty', id: string, side: Side): string {
    return side === 'head' ? id : ((kind === 'role' ? this.roles : this.duties).get(id) ?? id);
  }

  private keptId(kind: 'role' | 'duty', id: string, side: Side): string | undefined {
    const other = side === 'base' ? this.head : this.base;
    return (kind === 'role' ? other.roles : other.duties).has(id) ? id : undefined;
  }

  private matchedId(kind: 'role' | 'duty', id: string, side: Side): string | undefined {
    if (side === 'head') return (kind === 'role' ? this.rolesBack : this.dutiesBack).has(id) ? id : undefined;
    return (kind === 'role' ? this.roles : this.duties).get(id);
  }

  private unmatched<T extends Entity>(list: T[], matched: Map<string, string>): T[] {
    return list.filter((e) => !matched.has(e.id));
  }

  /** What points at an entity from kinds that are never renamed, and (for roles) its reports. */
  private pointers(e: Entity, kind: 'role' | 'duty', side: Side): string {
    const ids = (list: readonly Entity[]) => list.map((x) => x.id).sort().join(',');
    if (kind === 'duty') return `|kpis ${ids((e as Duty).kpis)}`;
    const r = e as Role;
    const name = (x: Role) => this.keptId('role', x.id, side) ?? this.matchedId('role', x.id, side) ?? '?';
    return [
      `|people ${ids(r.people)}|kpis ${ids(r.kpis)}|chairs ${ids(r.chairs)}|attends ${ids(r.attends)}`,
      `|from ${ids(r.serviceLevelsFrom)}|to ${ids(r.serviceLevelsTo)}|targets ${ids(r.targets)}`,
      `|reports ${r.reports.map(name).sort().join(',')}|dotted ${r.dottedReports.map(name).sort().join(',')}`,
    ].join('');
  }

  private matchGroups<T extends Entity>(removed: T[], added: T[], key: (e: T, side: Side) => string, forth: Map<string, string>, back: Map<string, string>, inOrder: boolean): void {
    if (removed.length === 0 || added.length === 0) return;
    const groups = new Map<string, { removed: T[]; added: T[] }>();
    const group = (k: string) => {
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { removed: [], added: [] }));
      return g;
    };
    for (const e of removed) group(key(e, 'base')).removed.push(e);
    for (const e of added) group(key(e, 'head')).added.push(e);
    for (const g of groups.values()) {
      const pairs = g.removed.length === 1 && g.added.length === 1 ? 1 : inOrder && g.removed.length === g.added.length ? g.removed.length : 0;
      for (let i = 0; i < pairs; i++) {
        forth.set(g.removed[i].id, g.added[i].id);
        back.set(g.added[i].id, g.removed[i].id);
      }
    }
  }

  /** Round 4: a removed role and the added role that holds most of the same duties, if that is most of both. */
  private similarRoles(removed: Role[], added: Role[]): void {
    if (removed.length === 0 || added.length === 0) return;
    const holders = dutyIndex(added, (d) => d.duty.id);
    const candidates: Array<{ gone: Role; come: Role; score: number }> = [];
    for (const gone of removed) {
      const duties = new Set(gone.duties.map((a) => this.headId('duty', a.duty.id, 'base')));
      const shared = new Map<Role, number>();
      for (const d of duties) for (const r of holders.get(d) ?? []) shared.set(r, (shared.get(r) ?? 0) + 1);
      for (const [come, n] of shared) {
        const score = n / (duties.size + new Set(come.duties.map((a) => a.duty.id)).size - n);
        if (score >= SAME_WORK) candidates.push({ gone, come, score });
      }
    }
    // Best matches first; ties in declaration order, which the candidates are already in.
    candidates.sort((a, b) => b.score - a.score);
    for (const { gone, come } of candidates) {
      if (this.roles.has(gone.id) || this.rolesBack.has(come.id)) continue;
      this.roles.set(gone.id, come.id);
      this.rolesBack.set(come.id, gone.id);
    }
  }
}

/** Duty id → the roles holding it, leaving out duties held by a crowd. */
function dutyIndex(roles: readonly Role[], id: (a: Role['duties'][number]) => string): Map<string, Role[]> {
  const index = new Map<string, Role[]>();
  for (const r of roles) {
    for (const a of r.duties) {
      const k = id(a);
      let list = index.get(k);
      if (!list) index.set(k, (list = []));
      if (list[list.length - 1] !== r) list.push(r);
    }
  }
  for (const [k, list] of index) if (list.length > CROWD) index.delete(k);
  return index;
}

function keyOf(fields: Fields): string {
  let out = '';
  for (const name in fields) out += `${name}=${valueKey(fields[name])}\u0005`;
  return out;
}

function dutyAssignmentsKey(d: Duty, side: Side, name: Namer): string {
  return `|raci ${d.assignments.map((a) => `${name('role', a.role.id, side)}:${[...a.letters].sort().join('')}`).sort().join(',')}`;
}

// ---------------------------------------------------------------------------------------------
// The fields of each kind of entity, in schema order, with references named through `name`

const scopeValue = (s: Scope): Value => {
  const parts = [...s].map(([dim, values]) => `${dim.id}: ${[...values].map((v) => v.id).sort().join(', ')}`).sort();
  return { key: parts.join('; '), show: parts.join('; ') };
};

const levelsValue = (m: ReadonlyMap<{ id: string }, number>): Value => {
  const parts = [...m].map(([c, n]) => `${c.id}: ${n}`).sort();
  return { key: parts.join(', '), show: parts.join(', ') };
};

function roleFields(r: Role, side: Side, name: Namer): Fields {
  const roles = (list: readonly Role[]) => idSet(list.map((x) => name('role', x.id, side)));
  return {
    title: text(r.title),
    purpose: text(r.purpose),
    department: text(r.department),
    location: locationValue(r.location),
    employment_type: idSet(r.employmentType),
    career_path: roles(r.careerPath),
    authority: texts(r.authority),
    'relationships.internal': texts(r.relationships.internal),
    'relationships.external': texts(r.relationships.external),
    level: plain(r.level),
    family: plain(r.family?.id),
    cut: idSet(r.cut),
    scope: scopeValue(r.scope),
    reports_to: plain(r.manager && name('role', r.manager.id, side)),
    dotted_line_to: roles(r.dottedManagers),
    headcount: plain(r.headcount),
    vacancies: plain(r.vacancies),
    duties: idSet(r.duties.map((a) => `${name('duty', a.duty.id, side)}: ${raciLetters(a.letters).join('')}`)),
    'requires.experience': years(r.requires.experience),
    'requires.competencies': levelsValue(r.requires.competencies),
    'requires.education': plain(r.requires.education && [r.requires.education.level, r.requires.education.field === undefined ? '' : textKey(r.requires.education.field)].filter(Boolean).join(': ')),
    'requires.other': { key: textsKey(r.requires.other), show: r.requires.other.map((x) => (typeof x === 'string' ? x : textKey(x))).join('; ') },
    'requires.notes': text(r.requires.notes),
    tools: idSet(r.tools.map((t) => t.id)),
    quota: quotaValue(r.quota),
    'quota.notes': text(r.quota?.notes),
    backup: plain(r.backup && name('role', r.backup.id, side)),
    pay_band: plain(r.payBand?.id),
    notes: text(r.notes),
  };
}

/** A pay band's fields as written: amounts in the user's notation, shares as percentages. */
function payBandFields(b: PayBand): Fields {
  const pct = (n: number) => plain(n ? `${Math.round(n * 10000) / 100}%` : undefined);
  return {
    name: text(b.name),
    min: plain(b.written.min),
    mid: plain(b.written.mid),
    max: plain(b.written.max),
    variable: pct(b.variable),
    on_costs: pct(b.onCosts),
    notes: text(b.notes),
  };
}

/** A quota as the plan reads it: `5M CNY a seat × 90 %, ramp 3 months (0%, 50%), 1 ramping, attrition 15 %`. */
function quotaValue(q: Quota | undefined): { key: string; show: string } {
  if (!q) return { key: ABSENT, show: '' };
  const pct = (n: number) => `${Math.round(n * 10000) / 100}%`;
  const parts = [`${q.perSeat.text} × ${pct(q.attainment)}`];
  if (q.rampMonths || q.rampCurve.length || q.ramping) parts.push(`ramp ${q.rampMonths} months${q.rampCurve.length ? ` (${q.rampCurve.map(pct).join(', ')})` : ''}, ${q.ramping} ramping`);
  if (q.attrition) parts.push(`attrition ${pct(q.attrition)}`);
  return { key: parts.join('; '), show: parts.join('; ') };
}

function dutyFields(d: Duty, side: Side, name: Namer): Fields {
  return {
    name: text(d.name),
    description: text(d.description),
    area: plain(d.area),
    step: plain(d.step?.id),
    demands: levelsValue(d.demands),
    effort: plain(d.effort),
    accountable_per: idSet(d.accountablePer.map((x) => x.id)),
    activity: plain(d.activity),
    incompatible_with: idSet(d.incompatibleWith.map((x) => name('duty', x.id, side))),
    notes: text(d.notes),
  };
}

// ---------------------------------------------------------------------------------------------
// A quick look first: most roles and duties of a large org are unchanged. These say "the same"
// only when the fields say so too, without building them; "not sure" leads to the full comparison.

function sameText(a: Text | undefined, b: Text | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  let n = 0;
  for (const k in a) {
    if (a[k] !== b[k]) return false;
    n++;
  }
  return n === Object.keys(b).length;
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
  return true;
}

function sameById<K extends { id: string }, V>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>, same: (x: V, y: V) => boolean): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  const left = a.entries();
  for (const [k, v] of b) {
    const [j, w] = left.next().value!;
    if (j.id !== k.id || !same(w, v)) return false;
  }
  return true;
}

const sameScope = (a: Scope, b: Scope) =>
  sameById(a, b, (x, y) => {
    if (x === y) return true;
    if (x.size !== y.size) return false;
    const ids = new Set<string>();
    for (const v of y) ids.add(v.id);
    for (const v of x) if (!ids.has(v.id)) return false;
    return true;
  });
const sameNumber = (x: number, y: number) => x === y;
const sameId = (x: { id: string }, y: { id: string }) => x.id === y.id;

function sameRole(a: Role, b: Role, name: Namer): boolean {
  const role = (x: Role, y: Role) => name('role', x.id, 'base') === y.id;
  return (
    sameText(a.title, b.title) &&
    sameText(a.purpose, b.purpose) &&
    sameText(a.department, b.department) &&
    locationValue(a.location).key === locationValue(b.location).key &&
    sameList(a.employmentType, b.employmentType, (x, y) => x === y) &&
    sameList(a.careerPath, b.careerPath, role) &&
    sameList(a.authority, b.authority, sameText) &&
    sameList(a.relationships.internal, b.relationships.internal, sameText) &&
    sameList(a.relationships.external, b.relationships.external, sameText) &&
    a.level === b.level &&
    a.family?.id === b.family?.id &&
    sameList(a.cut, b.cut, (x, y) => x === y) &&
    sameScope(a.scope, b.scope) &&
    (a.manager && name('role', a.manager.id, 'base')) === b.manager?.id &&
    sameList(a.dottedManagers, b.dottedManagers, role) &&
    a.headcount === b.headcount &&
    a.vacancies === b.vacancies &&
    sameList(a.duties, b.duties, (x, y) => name('duty', x.duty.id, 'base') === y.duty.id && sameLetters(x.letters, y.letters)) &&
    a.requires.experience === b.requires.experience &&
    sameById(a.requires.competencies, b.requires.competencies, sameNumber) &&
    a.requires.education?.level === b.requires.education?.level &&
    sameText(a.requires.education?.field, b.requires.education?.field) &&
    sameList(a.requires.other, b.requires.other, sameText) &&
    sameText(a.requires.notes, b.requires.notes) &&
    sameList(a.tools, b.tools, sameId) &&
    quotaValue(a.quota).key === quotaValue(b.quota).key &&
    sameText(a.quota?.notes, b.quota?.notes) &&
    (a.backup && name('role', a.backup.id, 'base')) === b.backup?.id &&
    a.payBand?.id === b.payBand?.id &&
    sameText(a.notes, b.notes)
  );
}

function sameLetters(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const l of a) if (!b.has(l)) return false;
  return true;
}

function sameDuty(a: Duty, b: Duty): boolean {
  return (
    sameText(a.name, b.name) &&
    sameText(a.description, b.description) &&
    a.area === b.area &&
    a.step?.id === b.step?.id &&
    sameById(a.demands, b.demands, sameNumber) &&
    a.effort === b.effort &&
    sameList(a.accountablePer, b.accountablePer, sameId) &&
    a.activity === b.activity &&
    // Duties it names: through renames, so only when no duty is renamed is "the same" sure.
    sameList(a.incompatibleWith, b.incompatibleWith, sameId) &&
    sameText(a.notes, b.notes)
  );
}

function sameAssignments(a: Duty, b: Duty, name: Namer): boolean {
  return sameList(a.assignments, b.assignments, (x, y) => name('role', x.role.id, 'base') === y.role.id && sameLetters(x.letters, y.letters));
}

// ---------------------------------------------------------------------------------------------
// The comparison

export function compareModels(base: OrgModel, head: OrgModel, lang: UiLanguage): Change[] {
  return new Comparison(base, head, lang).run();
}

class Comparison {
  private readonly changes: Change[] = [];
  private readonly renames: RenameFinder;
  /** References named as the head names them: a base reference through the renames. */
  private readonly name: Namer;

  constructor(
    private readonly base: OrgModel,
    private readonly head: OrgModel,
    private readonly lang: UiLanguage,
  ) {
    this.renames = new RenameFinder(base, head);
    this.name = (kind, id, side) => this.renames.headId(kind, id, side);
  }

  run(): Change[] {
    this.renames.find();
    this.org();
    const { base, head } = this;
    const named = (x: Entity & { name?: Text }, m: OrgModel) => this.ref(x.name, x.id, m);
    this.entities('dimension', base.dimensions, head.dimensions, named, (d) => ({ name: text(d.name), description: text(d.description), notes: text(d.notes) }));
    for (const [id, after] of head.dimensions) {
      const before = base.dimensions.get(id);
      // A value is named by its dimension and its id, `region/east`: value ids are unique only within a dimension.
      if (before) this.entities('dimension-value', before.values, after.values, (v, m) => this.ref(v.name, `${id}/${v.id}`, m), (v) => ({ name: text(v.name), description: text(v.description), notes: text(v.notes) }));
    }
    this.entities('family', base.families, head.families, named, (f) => ({ name: text(f.name), description: text(f.description), notes: text(f.notes) }));
    this.entities('competency', base.competencies, head.competencies, named, (c, m) => ({
      name: text(c.name),
      description: text(c.description),
      // A scale that follows the org's default changes with it: that change is the org's.
      levels: followsDefault(this.base, this.head, c.id) ? { key: '', show: '' } : { key: textsKey(c.levels), show: c.levels.map((l) => this.say(l, m)).join(' < ') },
      notes: text(c.notes),
    }));
    this.entities('stage', base.stages, head.stages, named, (s) => ({ name: text(s.name), description: text(s.description), notes: text(s.notes) }));
    this.entities('step', base.steps, head.steps, named, (s) => ({ name: text(s.name), description: text(s.description), stage: plain(s.stage.id), notes: text(s.notes) }));
    this.processOrder();
    this.roles();
    this.duties();
    const role = (r: Role, side: Side) => this.name('role', r.id, side);
    const duty = (d: Duty, side: Side) => this.name('duty', d.id, side);
    const party = (p: Party, side: Side) => (p === CUSTOMER ? CUSTOMER : role(p, side));
    this.entities('kpi', base.kpis, head.kpis, named, (k, _m, side) => ({
      name: text(k.name),
      description: text(k.description),
      kind: plain(k.kind),
      unit: text(k.unit),
      target: quantity(k.target),
      better: plain(k.better),
      measures: idSet(k.measures.map((d) => duty(d, side))),
      measure: plain(k.measure),
      at_most: plain(k.atMost?.id),
      at_least: plain(k.atLeast?.id),
      owners: idSet(k.owners.map((r) => role(r, side))),
      notes: text(k.notes),
    }));
    this.entities('metric', base.metrics, head.metrics, named, (x) => ({ name: text(x.name), description: text(x.description), unit: text(x.unit), measure: plain(x.measure), notes: text(x.notes) }));
    this.entities('service-level', base.serviceLevels, head.serviceLevels, (s, m) => this.ref(s.what, s.id, m), (s, _m, side) => ({
      what: text(s.what),
      from: plain(party(s.from, side)),
      to: plain(party(s.to, side)),
      within: quantity(s.within),
      step: plain(s.step?.id),
      part_of: plain(s.partOf?.id),
      notes: text(s.notes),
    }));
    this.entities('review', base.reviews, head.reviews, named, (x, _m, side) => ({
      name: text(x.name),
      cadence: plain(x.cadence),
      chair: plain(role(x.chair, side)),
      attendees: idSet(x.attendees.map((r) => role(r, side))),
      purpose: text(x.purpose),
      notes: text(x.notes),
    }));
    this.entities('tool', base.tools, head.tools, named, (x) => ({ name: text(x.name), kind: plain(x.kind), description: text(x.description), notes: text(x.notes) }));
    this.entities('target', base.targets, head.targets, named, (x, _m, side) => ({
      name: text(x.name),
      metric: plain(x.metric),
      value: quantity(x.value),
      period: plain(x.period),
      parent: plain(x.parent?.id),
      owner: plain(x.owner && role(x.owner, side)),
      scope: scopeValue(x.scope),
      at_most: plain(x.atMost?.id),
      at_least: plain(x.atLeast?.id),
      notes: text(x.notes),
    }));
    // A signal's roles are ids as written (a role to add is not in the org yet): those naming a renamed role follow it.
    const signalRole = (id: string, side: Side) => this.name('role', id, side);
    this.entities('signal', base.signals, head.signals, named, (x, _m, side) => ({
      name: text(x.name),
      watch: plain(x.watch),
      when: plain(x.when),
      change: plain(x.change),
      role: plain(signalRole(x.role, side)),
      roles: idSet(x.roles.map((r) => signalRole(r, side))),
      rationale: text(x.rationale),
      notes: text(x.notes),
    }));
    this.entities('person', base.people, head.people, named, (x, _m, side) => ({
      name: text(x.name),
      role: plain(role(x.role, side)),
      experience: years(x.experience),
      competencies: levelsValue(x.competencies),
      scope: scopeValue(x.scope),
      backup: plain(x.backup?.id),
      notes: text(x.notes),
    }));
    this.entities('pay-band', base.payBands, head.payBands, named, payBandFields);
    // Derived last: a change to the plan follows from the changes above, and only when there are some.
    if (this.changes.length) this.plan();
    return this.changes;
  }

  /** Capacity against each revenue target on both sides, and the loaded cost of the design. */
  private plan(): void {
    const [before, after] = [designCapacity(this.base), designCapacity(this.head)];
    if (before && after) {
      const was = new Map(before.targets.map((t) => [t.target.id, t]));
      for (const now of after.targets) {
        const then = was.get(now.target.id);
        if (!then || then.target.value.currency !== now.target.value.currency) continue;
        const currency = now.target.value.currency ?? '';
        const [from, to] = [formatAmount(then.capacity, currency, this.lang), formatAmount(now.capacity, currency, this.lang)];
        if (from !== to) this.changes.push({ kind: 'capacity-changed', target: { id: now.target.id, title: targetName(now.target, (t) => this.say(t, this.head), this.lang) }, from, to });
      }
    }
    const [a, b] = [designCost(this.base), designCost(this.head)];
    const currency = b?.currency ?? a?.currency;
    if (!currency || (a?.currency && b?.currency && a.currency !== b.currency)) return;
    const [x, y] = [a?.total ?? 0, b?.total ?? 0];
    const [from, to] = [formatAmount(x, currency, this.lang), formatAmount(y, currency, this.lang)];
    if (from !== to) this.changes.push({ kind: 'cost-changed', from, to, delta: formatAmountChange(y - x, currency, this.lang) });
  }

  private say(t: Text | undefined, m: OrgModel): string {
    return localize(t, this.lang, m.org.language);
  }

  private ref(title: Text | undefined, id: string, m: OrgModel): Ref {
    return { id, title: this.say(title, m) || id };
  }

  private roleRef = (r: Role, m: OrgModel): Ref => this.ref(r.title, r.id, m);
  private dutyRef = (d: Duty, m: OrgModel): Ref => this.ref(d.name, d.id, m);

  /** A field's two values as a reader sees them; a text that reads the same here differs in another language, shown whole. */
  private shown(before: Value, after: Value): [string, string] {
    if ('key' in before && 'key' in after) return [before.show, after.show];
    const [a, b] = [before, after].map((v) => ('text' in v ? v.text : undefined));
    const [x, y] = [this.say(a, this.base), this.say(b, this.head)];
    if (x !== y) return [x, y];
    return [textInFull(a), textInFull(b)];
  }

  private fieldChanges(noun: Noun, item: Ref, before: Fields, after: Fields, skip: ReadonlySet<string> = NO_FIELDS): void {
    for (const field in after) {
      if (skip.has(field) || sameValue(before[field], after[field])) continue;
      const [from, to] = this.shown(before[field], after[field]);
      this.changes.push({ kind: `${noun}-changed`, item, field, from, to });
    }
  }

  private org(): void {
    const fields = (m: OrgModel): Fields => ({
      id: plain(m.org.id),
      name: text(m.org.name),
      language: plain(m.org.language),
      description: text(m.org.description),
      // Only `draft: true` means anything; `false` is the same org as no flag.
      draft: plain(m.org.draft ? 'true' : undefined),
      jobs: jobsValue(m.org.jobs),
      competency_levels: { key: textsKey(m.competencyLevels), show: m.competencyLevels.map((l) => this.say(l, m)).join(' < ') },
      notes: text(m.org.notes),
    });
    this.fieldChanges('org', this.ref(this.head.org.name, this.head.org.id, this.head), fields(this.base), fields(this.head));
  }

  /** Entities of one kind that are never renamed: added, removed, and the fields that changed in those kept. */
  private entities<T extends Entity>(
    noun: ItemNoun,
    base: ReadonlyMap<string, T>,
    head: ReadonlyMap<string, T>,
    ref: (x: T, m: OrgModel) => Ref,
    fields: (x: T, m: OrgModel, side: Side) => Fields,
  ): void {
    for (const [id, x] of base) if (!head.has(id)) this.changes.push({ kind: `${noun}-removed`, item: ref(x, this.base) });
    for (const [id, x] of head) if (!base.has(id)) this.changes.push({ kind: `${noun}-added`, item: ref(x, this.head) });
    for (const [id, after] of head) {
      const before = base.get(id);
      if (before) this.fieldChanges(noun, ref(after, this.head), fields(before, this.base, 'base'), fields(after, this.head, 'head'));
    }
  }

  /** Steps on both sides in another order: one change, the common steps before and after. */
  private processOrder(): void {
    const order = (m: OrgModel, other: OrgModel) =>
      [...m.steps.values()]
        .filter((s) => other.steps.has(s.id))
        .sort((a, b) => a.order - b.order)
        .map((s: Step) => s.id)
        .join(', ');
    const [from, to] = [order(this.base, this.head), order(this.head, this.base)];
    if (from !== to) this.changes.push({ kind: 'process-reordered', from, to });
  }

  private roles(): void {
    const { base, head, renames } = this;
    const removed = [...base.roles.values()].filter((r) => !head.roles.has(r.id) && !renames.roles.has(r.id));
    const added = [...head.roles.values()].filter((r) => !base.roles.has(r.id) && !renames.rolesBack.has(r.id));
    for (const r of base.roles.values()) {
      const to = renames.roles.get(r.id);
      if (to) this.changes.push({ kind: 'role-renamed', from: this.roleRef(r, base), to: this.roleRef(head.roles.get(to)!, head) });
    }
    this.successions(removed, added);

    // Roles on both sides, renamed or not: title, lines, headcount, and every other field.
    const special = new Set(['title', 'reports_to', 'dotted_line_to', 'headcount', 'vacancies', 'duties']);
    for (const after of head.roles.values()) {
      const before = base.roles.get(renames.rolesBack.get(after.id) ?? after.id);
      if (!before || sameRole(before, after, this.name)) continue;
      const ref = this.roleRef(after, head);
      const [was, now] = [roleFields(before, 'base', this.name), roleFields(after, 'head', this.name)];
      if (!sameValue(was.title, now.title)) {
        const [from, to] = this.shown(was.title, now.title);
        this.changes.push({ kind: 'role-retitled', role: ref, from, to });
      }
      if (!sameValue(was.reports_to, now.reports_to)) {
        this.changes.push({ kind: 'manager-changed', role: ref, from: before.manager && this.roleRef(before.manager, base), to: after.manager && this.roleRef(after.manager, head) });
      }
      const dottedBefore = new Set(before.dottedManagers.map((m) => this.name('role', m.id, 'base')));
      const dottedAfter = new Set(after.dottedManagers.map((m) => m.id));
      for (const m of after.dottedManagers) if (!dottedBefore.has(m.id)) this.changes.push({ kind: 'dotted-added', role: ref, manager: this.roleRef(m, head) });
      for (const m of before.dottedManagers) if (!dottedAfter.has(this.name('role', m.id, 'base'))) this.changes.push({ kind: 'dotted-removed', role: ref, manager: this.roleRef(m, base) });
      if (before.headcount !== after.headcount) this.changes.push({ kind: 'headcount-changed', role: ref, from: before.headcount, to: after.headcount });
      if (before.vacancies !== after.vacancies) this.changes.push({ kind: 'vacancies-changed', role: ref, from: before.vacancies, to: after.vacancies });
      // Duties are reported by duty (moved, RACI changed), below.
      this.fieldChanges('role', ref, was, now, special);
    }
  }

  /**
   * Removed roles whose duties went to two or more new roles are splits; new roles whose duties
   * came from two or more removed roles are merges; the rest are plainly removed or added.
   */
  private successions(removed: Role[], added: Role[]): void {
    const { base, head } = this;
    const dutyIds = (r: Role, side: Side) => new Set(r.duties.map((a) => this.name('duty', a.duty.id, side)));
    const explained = new Set<string>();
    // Successors are listed in declaration order, found by position rather than by a scan of all.
    const position = new Map<Role, number>();
    removed.forEach((r, i) => position.set(r, i));
    added.forEach((r, i) => position.set(r, i));
    const inOrder = (roles: Set<Role>) => [...roles].sort((a, b) => position.get(a)! - position.get(b)!);
    const heirsOf = dutyIndex(added, (a) => a.duty.id);
    for (const gone of removed) {
      const mine = dutyIds(gone, 'base');
      const heirs = new Set<Role>();
      const taken = new Set<string>();
      for (const d of mine) for (const h of heirsOf.get(d) ?? []) (heirs.add(h), taken.add(d));
      if (heirs.size >= 2 && mine.size > 0 && taken.size >= SUCCESSION * mine.size) {
        const into = inOrder(heirs);
        this.changes.push({ kind: 'role-split', from: this.roleRef(gone, base), into: into.map((h) => this.roleRef(h, head)) });
        explained.add(`-${gone.id}`);
        for (const h of into) explained.add(`+${h.id}`);
      }
    }
    const donorsOf = dutyIndex(removed.filter((r) => !explained.has(`-${r.id}`)), (a) => this.name('duty', a.duty.id, 'base'));
    for (const come of added) {
      if (explained.has(`+${come.id}`)) continue;
      const mine = dutyIds(come, 'head');
      const donors = new Set<Role>();
      const given = new Set<string>();
      for (const d of mine) for (const r of donorsOf.get(d) ?? []) if (!explained.has(`-${r.id}`)) (donors.add(r), given.add(d));
      if (donors.size >= 2 && mine.size > 0 && given.size >= SUCCESSION * mine.size) {
        const from = inOrder(donors);
        this.changes.push({ kind: 'roles-merged', from: from.map((d) => this.roleRef(d, base)), into: this.roleRef(come, head) });
        explained.add(`+${come.id}`);
        for (const d of from) explained.add(`-${d.id}`);
      }
    }
    for (const r of removed) if (!explained.has(`-${r.id}`)) this.changes.push({ kind: 'role-removed', role: this.roleRef(r, base) });
    for (const r of added) if (!explained.has(`+${r.id}`)) this.changes.push({ kind: 'role-added', role: this.roleRef(r, head) });
  }

  private duties(): void {
    const { base, head, renames } = this;
    const back = renames.dutiesBack;
    for (const d of base.duties.values()) {
      const to = renames.duties.get(d.id);
      if (to) this.changes.push({ kind: 'duty-renamed', from: this.dutyRef(d, base), to: this.dutyRef(head.duties.get(to)!, head) });
    }
    for (const d of base.duties.values()) if (!head.duties.has(d.id) && !renames.duties.has(d.id)) this.changes.push({ kind: 'duty-removed', duty: this.dutyRef(d, base) });
    for (const d of head.duties.values()) if (!base.duties.has(d.id) && !back.has(d.id)) this.changes.push({ kind: 'duty-added', duty: this.dutyRef(d, head) });
    for (const after of head.duties.values()) {
      const before = base.duties.get(back.get(after.id) ?? after.id);
      if (!before) continue;
      const fields = !sameDuty(before, after);
      const letters = !sameAssignments(before, after, this.name);
      if (!fields && !letters) continue;
      const ref = this.dutyRef(after, head);
      if (fields) this.fieldChanges('duty', ref, dutyFields(before, 'base', this.name), dutyFields(after, 'head', this.name));
      if (letters) this.letterChanges(before, after, ref);
    }
  }

  /** Letters that left one role and reached another are moves; the rest are changes of a role's letters. */
  private letterChanges(before: Duty, after: Duty, duty: Ref): void {
    const { base, head } = this;
    const was = new Map(before.assignments.map((a) => [this.name('role', a.role.id, 'base'), a.letters as ReadonlySet<string>]));
    const now = new Map(after.assignments.map((a) => [a.role.id, a.letters as ReadonlySet<string>]));
    const roleBefore = new Map(before.assignments.map((a) => [this.name('role', a.role.id, 'base'), a.role]));
    const roleAfter = new Map(after.assignments.map((a) => [a.role.id, a.role]));
    const consumed = new Set<string>();
    for (const letter of ['R', 'A', 'C', 'I']) {
      const lost = [...was].filter(([id, ls]) => ls.has(letter) && !now.get(id)?.has(letter)).map(([id]) => id);
      const gained = [...now].filter(([id, ls]) => ls.has(letter) && !was.get(id)?.has(letter)).map(([id]) => id);
      for (let i = 0; i < Math.min(lost.length, gained.length); i++) {
        this.changes.push({ kind: 'duty-moved', duty, letter, from: this.roleRef(roleBefore.get(lost[i])!, base), to: this.roleRef(roleAfter.get(gained[i])!, head) });
        consumed.add(`${lost[i]}\0${letter}`).add(`${gained[i]}\0${letter}`);
      }
    }
    const none = new Set<string>();
    for (const id of new Set([...was.keys(), ...now.keys()])) {
      const a = was.get(id) ?? none;
      const b = now.get(id) ?? none;
      const differs = ['R', 'A', 'C', 'I'].some((l) => a.has(l) !== b.has(l) && !consumed.has(`${id}\0${l}`));
      // A role that is gone, or new, shows up as removed or added: its letters say nothing more.
      const role = head.roles.get(id);
      if (!differs || !role || !(base.roles.has(id) || this.renames.rolesBack.has(id))) continue;
      this.changes.push({ kind: 'raci-changed', duty, role: this.roleRef(role, head), from: raciLetters(a).join(''), to: raciLetters(b).join('') });
    }
  }
}

const NO_FIELDS: ReadonlySet<string> = new Set();

/** Whether a competency's scale is the org's default on both sides (so a change of it is the org's). */
function followsDefault(base: OrgModel, head: OrgModel, id: string): boolean {
  const [before, after] = [base.competencies.get(id), head.competencies.get(id)];
  return !!before && !!after && textsKey(before.levels) === textsKey(base.competencyLevels) && textsKey(after.levels) === textsKey(head.competencyLevels);
}

/** A text in every language it is written in, for a change that the reader's language does not show. */
function textInFull(t: Text | undefined): string {
  if (t === undefined) return '';
  if (typeof t === 'string') return t;
  return Object.keys(t)
    .sort()
    .map((l) => `${l}: ${t[l]}`)
    .join(' · ');
}
