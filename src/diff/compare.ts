// What changed between two versions of an org, as an HR reviewer reads it: roles added, removed,
// renamed, retitled, split or merged; reporting and dotted lines; duties moved between roles and
// RACI letters changed; headcount and vacancies; KPIs, service levels and targets. Not a text
// diff: two files that say the same in another order compare equal.
import { localize } from '../i18n/text.js';
import type { UiLanguage } from '../i18n/lang.js';
import { raciLetters } from '../model/queries.js';
import type { Duty, Kpi, OrgModel, Party, Role, ServiceLevel, Target } from '../model/types.js';
import { CUSTOMER } from '../schema/grammar.js';

export interface Ref {
  id: string;
  title: string;
}

export type Change =
  | { kind: 'role-added' | 'role-removed'; role: Ref }
  | { kind: 'role-renamed'; from: Ref; to: Ref }
  | { kind: 'role-retitled'; role: Ref; from: string; to: string }
  | { kind: 'role-split'; from: Ref; into: Ref[] }
  | { kind: 'roles-merged'; from: Ref[]; into: Ref }
  | { kind: 'manager-changed'; role: Ref; from?: Ref; to?: Ref }
  | { kind: 'dotted-added' | 'dotted-removed'; role: Ref; manager: Ref }
  | { kind: 'duty-added' | 'duty-removed'; duty: Ref }
  | { kind: 'duty-moved'; duty: Ref; letter: string; from: Ref; to: Ref }
  | { kind: 'raci-changed'; duty: Ref; role: Ref; from: string; to: string }
  | { kind: 'headcount-changed' | 'vacancies-changed'; role: Ref; from: number; to: number }
  | { kind: 'kpi-added' | 'kpi-removed' | 'service-level-added' | 'service-level-removed' | 'target-added' | 'target-removed'; item: Ref }
  | { kind: 'kpi-changed' | 'service-level-changed' | 'target-changed'; item: Ref; field: string; from: string; to: string };

export type ChangeKind = Change['kind'];

/** Share of a role's duties that its successors must take over to count as a split or merge. */
const SUCCESSION = 0.5;
/** Share of duties two roles must have in common for a new id to count as a renamed role. */
const SAME_WORK = 0.8;

export function compareModels(base: OrgModel, head: OrgModel, lang: UiLanguage): Change[] {
  const t = (text: Parameters<typeof localize>[0], model: OrgModel) => localize(text, lang, model.org.language);
  const roleRef = (r: Role, m: OrgModel): Ref => ({ id: r.id, title: t(r.title, m) || r.id });
  const dutyRef = (d: Duty, m: OrgModel): Ref => ({ id: d.id, title: t(d.name, m) || d.id });
  const changes: Change[] = [];

  // Roles: which went, which came, and what became of the work of those that went.
  const removed = [...base.roles.values()].filter((r) => !head.roles.has(r.id));
  const added = [...head.roles.values()].filter((r) => !base.roles.has(r.id));
  const dutiesOf = (r: Role) => new Set(r.duties.map((a) => a.duty.id));
  const explained = new Set<string>();
  for (const gone of removed) {
    const mine = dutiesOf(gone);
    const heirs = added.filter((a) => [...dutiesOf(a)].some((d) => mine.has(d)));
    const taken = new Set(heirs.flatMap((a) => [...dutiesOf(a)].filter((d) => mine.has(d))));
    if (heirs.length >= 2 && mine.size > 0 && taken.size >= SUCCESSION * mine.size) {
      changes.push({ kind: 'role-split', from: roleRef(gone, base), into: heirs.map((h) => roleRef(h, head)) });
      explained.add(`-${gone.id}`);
      for (const h of heirs) explained.add(`+${h.id}`);
    }
  }
  for (const come of added) {
    if (explained.has(`+${come.id}`)) continue;
    const mine = dutiesOf(come);
    const donors = removed.filter((r) => !explained.has(`-${r.id}`) && [...dutiesOf(r)].some((d) => mine.has(d)));
    const given = new Set(donors.flatMap((r) => [...dutiesOf(r)].filter((d) => mine.has(d))));
    if (donors.length >= 2 && mine.size > 0 && given.size >= SUCCESSION * mine.size) {
      changes.push({ kind: 'roles-merged', from: donors.map((d) => roleRef(d, base)), into: roleRef(come, head) });
      explained.add(`+${come.id}`);
      for (const d of donors) explained.add(`-${d.id}`);
    }
  }
  for (const gone of removed) {
    if (explained.has(`-${gone.id}`)) continue;
    const mine = dutiesOf(gone);
    const same = added.find((a) => !explained.has(`+${a.id}`) && jaccard(mine, dutiesOf(a)) >= SAME_WORK);
    if (same) {
      changes.push({ kind: 'role-renamed', from: roleRef(gone, base), to: roleRef(same, head) });
      explained.add(`-${gone.id}`);
      explained.add(`+${same.id}`);
    }
  }
  for (const r of removed) if (!explained.has(`-${r.id}`)) changes.push({ kind: 'role-removed', role: roleRef(r, base) });
  for (const r of added) if (!explained.has(`+${r.id}`)) changes.push({ kind: 'role-added', role: roleRef(r, head) });

  // Roles in both: title, lines, headcount.
  for (const before of base.roles.values()) {
    const after = head.roles.get(before.id);
    if (!after) continue;
    const ref = roleRef(after, head);
    const [from, to] = [t(before.title, base), t(after.title, head)];
    if (from !== to) changes.push({ kind: 'role-retitled', role: ref, from, to });
    if (before.manager?.id !== after.manager?.id) {
      changes.push({ kind: 'manager-changed', role: ref, from: before.manager && roleRef(before.manager, base), to: after.manager && roleRef(after.manager, head) });
    }
    const dottedBefore = new Set(before.dottedManagers.map((m) => m.id));
    const dottedAfter = new Set(after.dottedManagers.map((m) => m.id));
    for (const m of after.dottedManagers) if (!dottedBefore.has(m.id)) changes.push({ kind: 'dotted-added', role: ref, manager: roleRef(m, head) });
    for (const m of before.dottedManagers) if (!dottedAfter.has(m.id)) changes.push({ kind: 'dotted-removed', role: ref, manager: roleRef(m, base) });
    if (before.headcount !== after.headcount) changes.push({ kind: 'headcount-changed', role: ref, from: before.headcount, to: after.headcount });
    if (before.vacancies !== after.vacancies) changes.push({ kind: 'vacancies-changed', role: ref, from: before.vacancies, to: after.vacancies });
  }

  // Duties: the entities, then who holds which letter.
  for (const d of base.duties.values()) if (!head.duties.has(d.id)) changes.push({ kind: 'duty-removed', duty: dutyRef(d, base) });
  for (const d of head.duties.values()) if (!base.duties.has(d.id)) changes.push({ kind: 'duty-added', duty: dutyRef(d, head) });
  for (const after of head.duties.values()) {
    const before = base.duties.get(after.id);
    if (before) changes.push(...letterChanges(before, after, dutyRef(after, head), (r) => roleRef(r, base), (r) => roleRef(r, head)));
  }

  // KPIs, service levels and targets: added, removed, and what changed in those kept.
  const quantity = (q: { text: string } | undefined) => q?.text ?? '';
  const ids = (list: Array<{ id: string }>) => list.map((x) => x.id).join(', ');
  compareEntities([base, head], base.kpis, head.kpis, 'kpi', (k: Kpi, m) => ({ id: k.id, title: t(k.name, m) || k.id }), (k: Kpi) => ({ target: quantity(k.target), owners: ids(k.owners), measures: ids(k.measures) }), changes);
  const party = (p: Party) => (p === CUSTOMER ? CUSTOMER : p.id);
  compareEntities([base, head], base.serviceLevels, head.serviceLevels, 'service-level', (s: ServiceLevel, m) => ({ id: s.id, title: t(s.what, m) || s.id }), (s: ServiceLevel) => ({ within: s.within.text, from: party(s.from), to: party(s.to) }), changes);
  compareEntities([base, head], base.targets, head.targets, 'target', (x: Target, m) => ({ id: x.id, title: (x.name && t(x.name, m)) || x.id }), (x: Target) => ({ value: x.value.text, owner: x.owner?.id ?? '', period: x.period ?? '' }), changes);
  return changes;
}

/** Letters that left one role and reached another are moves; the rest are changes of a role's letters. */
function letterChanges(before: Duty, after: Duty, duty: Ref, refBefore: (r: Role) => Ref, refAfter: (r: Role) => Ref): Change[] {
  const lettersOf = (d: Duty) => new Map(d.assignments.map((a) => [a.role.id, new Set<string>(a.letters)]));
  const was = lettersOf(before);
  const now = lettersOf(after);
  const roleBefore = new Map(before.assignments.map((a) => [a.role.id, a.role]));
  const roleAfter = new Map(after.assignments.map((a) => [a.role.id, a.role]));
  const out: Change[] = [];
  const consumed = new Set<string>();
  for (const letter of ['R', 'A', 'C', 'I']) {
    const lost = [...was].filter(([id, ls]) => ls.has(letter) && !now.get(id)?.has(letter)).map(([id]) => id);
    const gained = [...now].filter(([id, ls]) => ls.has(letter) && !was.get(id)?.has(letter)).map(([id]) => id);
    for (let i = 0; i < Math.min(lost.length, gained.length); i++) {
      out.push({ kind: 'duty-moved', duty, letter, from: refBefore(roleBefore.get(lost[i])!), to: refAfter(roleAfter.get(gained[i])!) });
      consumed.add(`${lost[i]}\0${letter}`).add(`${gained[i]}\0${letter}`);
    }
  }
  const roles = new Set([...was.keys(), ...now.keys()]);
  for (const id of roles) {
    const a = was.get(id) ?? new Set<string>();
    const b = now.get(id) ?? new Set<string>();
    const differs = ['R', 'A', 'C', 'I'].some((l) => a.has(l) !== b.has(l) && !consumed.has(`${id}\0${l}`));
    // A role that is gone, or new, shows up as removed or added: its letters say nothing more.
    if (!differs || !roleBefore.has(id) || !roleAfter.has(id)) continue;
    out.push({ kind: 'raci-changed', duty, role: refAfter(roleAfter.get(id)!), from: letters(a), to: letters(b) });
  }
  return out;
}

function letters(set: ReadonlySet<string>): string {
  return raciLetters(set).join('');
}

function compareEntities<T extends { id: string }>(
  [baseModel, headModel]: [OrgModel, OrgModel],
  base: Map<string, T>,
  head: Map<string, T>,
  noun: 'kpi' | 'service-level' | 'target',
  ref: (x: T, m: OrgModel) => Ref,
  fields: (x: T) => Record<string, string>,
  changes: Change[],
): void {
  for (const [id, x] of base) if (!head.has(id)) changes.push({ kind: `${noun}-removed`, item: ref(x, baseModel) });
  for (const [id, x] of head) if (!base.has(id)) changes.push({ kind: `${noun}-added`, item: ref(x, headModel) });
  for (const [id, after] of head) {
    const before = base.get(id);
    if (!before) continue;
    const [a, b] = [fields(before), fields(after)];
    for (const field of Object.keys(b)) if (a[field] !== b[field]) changes.push({ kind: `${noun}-changed`, item: ref(after, headModel), field, from: a[field], to: b[field] });
  }
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}
