// The model stage: the loaded files → one resolved org. Sections from all files share one
// namespace per kind; references become objects (an unknown one is reported, with a suggestion,
// and left out); inverse relations are derived here once so no rule or renderer recomputes them.
import type { Finding, PathPointer } from '../finding.js';
import { closest, idForName, namesOf, type Named } from '../load/closest.js';
import type { LoadedFile } from '../load/index.js';
import type { Part, Path, PathSegment } from '../load/node-index.js';
import { CUSTOMER, type RaciLetter } from '../schema/grammar.js';
import type { OrgFileInput, RaciInput, RoleInput } from '../schema/org.js';
import { referencesIn } from '../load/references.js';
import { comparePaths } from '../load/sources.js';
import { Unreliable } from './follow-ons.js';
import { findCycles } from './hierarchy.js';
import { jobDefaults, readJobFields } from './jobs.js';
import { PlanningReader } from './planning.js';
import { parseQuantity, parseYears } from './quantity.js';
import type {
  Assignment, Competency, Dimension, DimensionValue, Duty, Kpi, OrgModel, Party, Person, Review,
  Role, Scope, ServiceLevel, Signal, Source, Stage, Step, Target,
} from './building.js';

export interface Built {
  /** Absent when the org cannot be assembled at all (no `org:` declared). */
  model?: OrgModel;
  findings: Finding[];
  /** Entities the model holds with a doubt (a part left out, an id declared twice): rules' findings about them are left out. */
  unreliable: Unreliable;
  /**
   * The references that put an entity in doubt (unknown ids), each with the field it is written in:
   * what model/incremental.ts needs to work out the doubt again when only some references change.
   */
  doubts: Doubt[];
}

/** An unknown reference: the entity it is written in, the field, and the entity it probably meant. */
export interface Doubt {
  src: Source;
  field: PathSegment;
  near?: [section: string, id: string];
}

/** A declaration found in some file, before resolution. */
interface Declared<T> {
  id: string;
  value: T;
  src: Source;
}

type Sections = {
  [K in keyof OrgFileInput]-?: NonNullable<OrgFileInput[K]> extends Record<string, infer V> ? V : never;
};

export interface BuildOptions {
  /**
   * The caller gives the files' data away: each section is let go of as it is read, so a large
   * org's input and its model are not both held whole (the pipeline, which loaded the files
   * itself). Without it the files are left as they were, and building again gives the same model.
   */
  consume?: boolean;
}

export function buildModel(files: readonly LoadedFile[], opts: BuildOptions = {}): Built {
  return new ModelBuilder(files, opts.consume ?? false).build();
}

/** Fields of some roles and duties that refer to nothing, read again into a model built before (model/incremental.ts). */
export function refreshModel(files: readonly LoadedFile[], m: OrgModel, change: Parameters<ModelBuilder['refresh']>[1]): void {
  new ModelBuilder(files, false).refresh(m, change);
}

/** The reporting lines of some roles read again into a model built before (model/incremental.ts). */
export function relinkModel(files: readonly LoadedFile[], m: OrgModel, ids: readonly string[]): { findings: Finding[]; doubts: Doubt[] } | undefined {
  return new ModelBuilder(files, false).relink(m, ids);
}

class ModelBuilder {
  private findings: Finding[] = [];
  // Identical requirement maps and scope value sets are shared: they are read-only in the model.
  // Requirement maps are found through a trie, so that a large org's roles build no key to hash.
  private sharedLevels: LevelNode = {};
  private valueSets = new Map<Dimension, Map<string, ReadonlySet<DimensionValue>>>();
  private unreliable = new Unreliable();
  /** Entities error recovery left out whole (`section\0id`): references to them are not reported as unknown. */
  private dropped = new Set<string>();
  private planning = new PlanningReader((map, id, kind, src, part, a, b, c) => this.ref(map, id, kind, src, part, a, b, c));
  private doubts: Doubt[] = [];

  constructor(
    private readonly files: readonly LoadedFile[],
    private readonly consume: boolean,
  ) {
    for (const f of files) {
      for (const e of f.recovered?.unreliable ?? []) this.unreliable.add(e.section, e.id);
      for (const e of f.recovered?.referenced ?? []) this.unreliable.addNear(e.section, e.id);
      for (const e of f.recovered?.dropped ?? []) this.dropped.add(`${e.section}\0${e.id}`);
    }
  }

  build(): Built {
    // In path order whatever order the files were named in: the first declaration of an id counts
    // and a later one is the duplicate, the same on every run (docs/rules/duplicate-id.md).
    const files = this.files.filter((f) => f.data).sort((a, b) => comparePaths(a.path, b.path));
    const org = this.singleton(files, 'org', 'duplicate-org');
    const levels = this.singleton(files, 'competency_levels', 'duplicate-levels');
    if (!org) {
      const first = this.files[0]?.path ?? '';
      this.findings.push({ ruleId: 'unknown-reference', messageId: 'missing-org', at: { file: first, offset: 0 } });
      return { findings: this.findings, unreliable: this.unreliable, doubts: this.doubts };
    }
    const decl = <K extends keyof Sections>(section: K) => this.collect(files, section);

    const m: OrgModel = {
      org: { id: org.value.id, name: org.value.name, language: org.value.language, description: org.value.description, notes: org.value.notes, ...(org.value.draft ? { draft: true } : {}), ...(org.value.jobs ? { jobs: jobDefaults(org.value.jobs) } : {}), src: org.src },
      files: this.files.map((f) => f.path),
      competencyLevels: levels?.value ?? [],
      dimensions: new Map(),
      families: new Map(),
      competencies: new Map(),
      stages: new Map(),
      steps: new Map(),
      duties: new Map(),
      roles: new Map(),
      kpis: new Map(),
      metrics: new Map(),
      serviceLevels: new Map(),
      reviews: new Map(),
      tools: new Map(),
      targets: new Map(),
      signals: new Map(),
      people: new Map(),
      payBands: new Map(),
    };

    // Entities that others refer to come first.
    for (const d of decl('dimensions')) {
      const dim: Dimension = { id: d.id, src: d.src, name: d.value.name, description: d.value.description, notes: d.value.notes, values: new Map() };
      for (const [id, v] of Object.entries(d.value.values)) {
        const value: DimensionValue = { id, src: sub(d.src, 'values', id), name: v.name, description: v.description, notes: v.notes, dimension: dim };
        dim.values.set(id, value);
      }
      m.dimensions.set(d.id, dim);
    }
    for (const d of decl('families')) m.families.set(d.id, { id: d.id, src: d.src, name: d.value.name, description: d.value.description, notes: d.value.notes, roles: [] });
    for (const d of decl('competencies')) {
      m.competencies.set(d.id, { id: d.id, src: d.src, name: d.value.name, description: d.value.description, notes: d.value.notes, levels: d.value.levels ?? m.competencyLevels });
    }
    let order = 0;
    const stepDecls = new Map<string, Source>();
    for (const d of decl('process')) {
      const stage: Stage = { id: d.id, src: d.src, name: d.value.name, description: d.value.description, notes: d.value.notes, steps: [] };
      m.stages.set(d.id, stage);
      for (const [id, s] of Object.entries(d.value.steps)) {
        const src = sub(d.src, 'steps', id);
        const first = stepDecls.get(id);
        if (first) {
          this.duplicate('step', id, src, first);
          this.unreliable.add('steps', id);
          continue;
        }
        stepDecls.set(id, src);
        const step: Step = { id, src, name: s.name, description: s.description, notes: s.notes, stage, order: order++, duties: [] };
        stage.steps.push(step);
        m.steps.set(id, step);
      }
    }
    for (const d of decl('tools')) m.tools.set(d.id, { id: d.id, src: d.src, name: d.value.name, kind: d.value.kind, description: d.value.description, notes: d.value.notes, users: [] });
    for (const d of decl('pay_bands')) m.payBands.set(d.id, this.planning.payBand(d.id, d.value, d.src));
    for (const d of decl('metrics')) {
      const metric = { id: d.id, src: d.src, name: d.value.name, description: d.value.description, unit: d.value.unit, notes: d.value.notes };
      this.planning.metric(metric, d.value);
      m.metrics.set(d.id, metric);
    }

    for (const d of decl('duties')) {
      const duty: Duty = {
        id: d.id,
        src: d.src,
        name: d.value.name,
        description: d.value.description,
        area: d.value.area,
        step: d.value.step === undefined ? undefined : this.ref(m.steps, d.value.step, 'step', d.src, 'value', 'step'),
        demands: this.levels(m, d.value.demands, d.src, 'demands'),
        effort: d.value.effort,
        notes: d.value.notes,
        assignments: [],
        responsible: [],
        accountable: [],
        kpis: NONE,
        accountablePer: NONE,
        incompatibleWith: NONE,
      };
      this.planning.duty(m, duty, d.value, d.src);
      duty.step?.duties.push(duty);
      m.duties.set(d.id, duty);
    }

    // Roles: a shell for every id first, so references resolve to the final objects; then one pass
    // fills each role in and lets go of its YAML.
    const roleDecls = decl('roles');
    // Titles go in with the shells: a reference written as a title is looked up by them.
    for (const d of roleDecls) {
      const shell = newRole(d.id, d.src);
      shell.title = d.value.title;
      m.roles.set(d.id, shell);
    }
    for (let i = 0; i < roleDecls.length; i++) {
      const d = roleDecls[i];
      roleDecls[i] = undefined!;
      const v = d.value;
      const role = m.roles.get(d.id)!;
      readOwnFields(role, v);
      role.family = v.family === undefined ? undefined : this.ref(m.families, v.family, 'family', d.src, 'value', 'family');
      role.cut = this.cut(m, v.cut, d.src);
      role.scope = this.scope(m, v.scope, d.src);
      role.declaresManager = v.reports_to !== undefined;
      role.requires = requirements(v, this.levels(m, v.requires?.competencies, d.src, 'requires', 'competencies'));
      role.tools = this.refs(m.tools, v.tools, 'tool', d.src, 'tools');
      this.planning.role(m, role, v, d.src);
      readJobFields(role, v);
      if (v.career_path) role.careerPath = this.refs(m.roles, v.career_path, 'role', d.src, 'career_path');
      if (role.family) role.family.roles.push(role);
      for (const tool of role.tools) tool.users.push(role);
      if (v.reports_to !== undefined) role.manager = this.ref(m.roles, v.reports_to, 'role', d.src, 'value', 'reports_to');
      (v.dotted_line_to ?? []).forEach((id, k) => {
        const manager = this.ref(m.roles, id, 'role', d.src, 'value', 'dotted_line_to', k);
        if (!manager) return;
        role.dottedManagers = append(role.dottedManagers, manager);
        role.dottedIndex = append(role.dottedIndex, k);
      });
      const duties = v.duties;
      if (duties) {
        role.duties = [];
        for (const dutyId in duties) {
          const duty = this.ref(m.duties, dutyId, 'duty', d.src, 'key', 'duties', dutyId, undefined, duties);
          if (!duty) continue;
          const assignment: Assignment = { role, duty, letters: letters(duties[dutyId]) };
          role.duties.push(assignment);
          duty.assignments.push(assignment);
          if (assignment.letters.has('R')) duty.responsible.push(role);
          if (assignment.letters.has('A')) duty.accountable.push(role);
        }
      }
    }
    for (const cycle of findCycles(m.roles, (src) => this.rank(src))) {
      const [first] = cycle;
      const atManager = at(first.src, 'reports_to');
      if (cycle.length === 1) this.findings.push({ ruleId: 'reporting-cycle', messageId: 'self', data: { role: first.id }, at: atManager });
      else this.findings.push({ ruleId: 'reporting-cycle', messageId: 'cycle', data: { cycle: [...cycle, first].map((r) => r.id).join(' → ') }, at: atManager });
      // Break the cycle where it is reported so later stages can walk the hierarchy.
      first.manager = undefined;
    }
    for (const role of m.roles.values()) {
      if (role.manager) role.manager.reports = append(role.manager.reports, role);
      for (const dm of role.dottedManagers) dm.dottedReports = append(dm.dottedReports, role);
    }

    for (const d of decl('kpis')) {
      const kpi: Kpi = {
        id: d.id,
        src: d.src,
        name: d.value.name,
        description: d.value.description,
        kind: d.value.kind,
        unit: d.value.unit,
        target: d.value.target === undefined ? undefined : parseQuantity(d.value.target),
        better: d.value.better ?? 'higher',
        measures: this.refs(m.duties, d.value.measures, 'duty', d.src, 'measures'),
        owners: this.refs(m.roles, d.value.owners, 'role', d.src, 'owners'),
        notes: d.value.notes,
      };
      this.planning.kpi(m, kpi, d.value, d.src);
      for (const duty of kpi.measures) duty.kpis = append(duty.kpis, kpi);
      for (const role of kpi.owners) role.kpis = append(role.kpis, kpi);
      m.kpis.set(d.id, kpi);
    }

    const slDecls = decl('service_levels');
    for (const d of slDecls) {
      const v = d.value;
      const sl: ServiceLevel = {
        id: d.id,
        src: d.src,
        what: v.what,
        from: this.party(m, v.from, d.src, 'from'),
        to: this.party(m, v.to, d.src, 'to'),
        within: parseQuantity(v.within),
        step: v.step === undefined ? undefined : this.ref(m.steps, v.step, 'step', d.src, 'value', 'step'),
        notes: v.notes,
        parts: [],
      };
      m.serviceLevels.set(d.id, sl);
    }
    for (const d of slDecls) {
      const sl = m.serviceLevels.get(d.id)!;
      if (d.value.part_of !== undefined) {
        const whole = this.ref(m.serviceLevels, d.value.part_of, 'service-level', d.src, 'value', 'part_of');
        if (whole && isAncestor(sl, whole, (s) => s.partOf)) {
          this.findings.push({ ruleId: 'parent-cycle', messageId: 'service-level', data: { id: d.id, parent: whole.id }, at: at(d.src, 'part_of') });
        } else if (whole) {
          sl.partOf = whole;
          whole.parts.push(sl);
        }
      }
      if (sl.from !== CUSTOMER) sl.from.serviceLevelsFrom = append(sl.from.serviceLevelsFrom, sl);
      if (sl.to !== CUSTOMER) sl.to.serviceLevelsTo = append(sl.to.serviceLevelsTo, sl);
    }

    for (const d of decl('reviews')) {
      const chair = this.ref(m.roles, d.value.chair, 'role', d.src, 'value', 'chair');
      const attendees = this.refs(m.roles, d.value.attendees, 'role', d.src, 'attendees');
      if (!chair) continue;
      const review: Review = { id: d.id, src: d.src, name: d.value.name, cadence: d.value.cadence, chair, attendees, purpose: d.value.purpose, notes: d.value.notes };
      chair.chairs = append(chair.chairs, review);
      for (const r of attendees) r.attends = append(r.attends, review);
      m.reviews.set(d.id, review);
    }

    const targetDecls = decl('targets');
    for (const d of targetDecls) {
      const v = d.value;
      const target: Target = {
        id: d.id,
        src: d.src,
        name: v.name,
        metric: v.metric,
        value: parseQuantity(v.value),
        period: v.period,
        children: [],
        owner: v.owner === undefined ? undefined : this.ref(m.roles, v.owner, 'role', d.src, 'value', 'owner'),
        scope: this.scope(m, v.scope, d.src),
        notes: v.notes,
      };
      this.planning.target(m, target, v, d.src);
      if (target.owner) target.owner.targets = append(target.owner.targets, target);
      m.targets.set(d.id, target);
    }
    for (const d of targetDecls) {
      if (d.value.parent === undefined) continue;
      const target = m.targets.get(d.id)!;
      const parent = this.ref(m.targets, d.value.parent, 'target', d.src, 'value', 'parent');
      if (!parent) continue;
      if (isAncestor(target, parent, (t) => t.parent)) {
        this.findings.push({ ruleId: 'parent-cycle', messageId: 'target', data: { id: d.id, parent: parent.id }, at: at(d.src, 'parent') });
        continue;
      }
      target.parent = parent;
      parent.children.push(target);
    }

    for (const d of decl('signals')) {
      const v = d.value;
      const signal: Signal = { id: d.id, src: d.src, name: v.name, watch: v.watch, when: v.when, change: v.change, role: v.role, roles: v.roles ?? [], rationale: v.rationale, notes: v.notes };
      m.signals.set(d.id, signal);
    }

    for (const d of decl('people')) {
      const v = d.value;
      const role = this.ref(m.roles, v.role, 'role', d.src, 'value', 'role');
      if (!role) continue;
      const person: Person = {
        id: d.id,
        src: d.src,
        name: v.name,
        role,
        experience: v.experience === undefined ? undefined : parseYears(v.experience),
        competencies: this.levels(m, v.competencies, d.src, 'competencies'),
        scope: this.scope(m, v.scope, d.src),
        notes: v.notes,
      };
      this.planning.person(m, person, v, d.src);
      role.people = append(role.people, person);
      m.people.set(d.id, person);
    }
    this.planning.finish(m);

    widenDoubt(m, this.unreliable);
    this.placeRenamed();
    return { model: m, findings: this.findings, unreliable: this.unreliable, doubts: this.doubts };
  }

  /**
   * The reporting lines (`reports_to`, `dotted_line_to`) of the roles `ids` read again from the
   * files into the model `m` built from an earlier version of them, every role's reports derived
   * again. Returns the findings and doubts of those references only (the caller keeps the rest),
   * or undefined when the lines now form a cycle: a cycle is broken where it is reported, which
   * only a build from the start does the same way every time.
   */
  relink(m: OrgModel, ids: readonly string[]): { findings: Finding[]; doubts: Doubt[] } | undefined {
    const inputs = new Map<string, { reports_to?: string; dotted_line_to?: string[] }>();
    for (const f of this.files) {
      const roles = f.data?.roles;
      if (roles) for (const id of ids) if (Object.prototype.hasOwnProperty.call(roles, id) && !inputs.has(id)) inputs.set(id, roles[id]);
    }
    for (const id of ids) {
      const role = m.roles.get(id);
      const v = inputs.get(id);
      if (!role || !v) return undefined;
      role.declaresManager = v.reports_to !== undefined;
      role.manager = v.reports_to === undefined ? undefined : this.ref(m.roles, v.reports_to, 'role', role.src, 'value', 'reports_to');
      role.dottedManagers = NONE;
      role.dottedIndex = NONE;
      (v.dotted_line_to ?? []).forEach((managerId, k) => {
        const manager = this.ref(m.roles, managerId, 'role', role.src, 'value', 'dotted_line_to', k);
        if (!manager) return;
        role.dottedManagers = append(role.dottedManagers, manager);
        role.dottedIndex = append(role.dottedIndex, k);
      });
    }
    if (findCycles(m.roles, (src) => this.rank(src)).length > 0) return undefined;
    for (const role of m.roles.values()) {
      role.reports = NONE;
      role.dottedReports = NONE;
    }
    for (const role of m.roles.values()) {
      if (role.manager) role.manager.reports = append(role.manager.reports, role);
      for (const dm of role.dottedManagers) dm.dottedReports = append(dm.dottedReports, role);
    }
    return { findings: this.findings, doubts: this.doubts };
  }

  /**
   * The fields of some roles and duties that each takes from its own entry alone (no reference
   * among them: `readOwnFields`, a role's requirements but its competencies, its quota and job
   * fields; a duty's name, area, effort and activity), and the RACI letters of some roles'
   * assignments, read again from the files into the model `m` built from an earlier version of
   * them. The caller (model/incremental.ts) has made sure nothing else changed: no finding of the
   * model stage comes from these fields.
   */
  refresh(m: OrgModel, change: { roles: readonly string[]; duties: readonly string[]; letters: ReadonlyMap<string, readonly string[]> }): void {
    const roles = this.inputs('roles', [...change.roles, ...change.letters.keys()]);
    for (const id of change.roles) {
      const [role, v] = [m.roles.get(id)!, roles.get(id)!];
      readOwnFields(role, v);
      role.requires = requirements(v, role.requires.competencies);
      delete role.quota;
      this.planning.ownRoleFields(role, v);
      delete role.department;
      delete role.location;
      role.employmentType = NONE;
      role.authority = NONE;
      role.relationships = { internal: NONE, external: NONE };
      readJobFields(role, v);
    }
    const changed = new Set<Duty>();
    for (const [id, dutyIds] of change.letters) {
      const [role, v] = [m.roles.get(id)!, roles.get(id)!];
      for (const dutyId of dutyIds) {
        // An unknown duty is not in the model: its letters change nothing there.
        const assignment = role.duties.find((a) => a.duty.id === dutyId);
        if (!assignment) continue;
        assignment.letters = letters(v.duties![dutyId]);
        changed.add(assignment.duty);
      }
    }
    // The duty's Responsible and Accountable roles in the order of its assignments, as the build pushes them.
    for (const duty of changed) {
      duty.responsible = duty.assignments.filter((a) => a.letters.has('R')).map((a) => a.role);
      duty.accountable = duty.assignments.filter((a) => a.letters.has('A')).map((a) => a.role);
    }
    const duties = this.inputs('duties', change.duties);
    for (const id of change.duties) {
      const [duty, v] = [m.duties.get(id)!, duties.get(id)!];
      duty.name = v.name;
      duty.description = v.description;
      duty.area = v.area;
      duty.effort = v.effort;
      duty.notes = v.notes;
      delete duty.activity;
      if (v.activity) duty.activity = v.activity;
    }
  }

  /** The entries of some ids of a section, from the file that declares each first (in path order, as a build reads them). */
  private inputs<K extends 'roles' | 'duties'>(section: K, ids: readonly string[]): Map<string, Sections[K]> {
    const out = new Map<string, Sections[K]>();
    const files = this.files.filter((f) => f.data).sort((a, b) => comparePaths(a.path, b.path));
    for (const f of files) {
      const map = f.data![section] as Record<string, Sections[K]> | undefined;
      if (map) for (const id of ids) if (!out.has(id) && Object.prototype.hasOwnProperty.call(map, id)) out.set(id, map[id]);
    }
    return out;
  }

  /**
   * Declarations of one section across files; a repeated id is reported at the later one. The
   * section is taken out of the parsed file: the model owns it from here and lets each entry go
   * once converted, so a large org never holds its YAML and its model in full at once.
   */
  private collect<K extends keyof Sections>(files: readonly LoadedFile[], section: K): Declared<Sections[K]>[] {
    const seen = new Map<string, Declared<Sections[K]>>();
    const out: Declared<Sections[K]>[] = [];
    for (const f of files) {
      const map = f.data![section] as Record<string, Sections[K]> | undefined;
      if (!map) continue;
      if (this.consume) (f.data as Record<string, unknown>)[section] = undefined;
      for (const id in map) {
        const value = map[id];
        const src: Source = { file: f.path, path: [section, id] };
        const first = seen.get(id);
        if (first) {
          this.duplicate(KIND_OF_SECTION[section] ?? section, id, src, first.src);
          // Either declaration may be the one meant: what both refer to is in doubt.
          this.unreliable.add(section, id);
          for (const e of [...referencesIn(value), ...referencesIn(first.value)]) this.unreliable.addNear(e.section, e.id);
          continue;
        }
        const declared = { id, value, src };
        seen.set(id, declared);
        out.push(declared);
      }
    }
    return out;
  }

  private singleton<K extends 'org' | 'competency_levels'>(files: readonly LoadedFile[], key: K, messageId: string) {
    let found: { value: NonNullable<OrgFileInput[K]>; src: Source } | undefined;
    for (const f of files) {
      const value = f.data![key];
      if (value === undefined) continue;
      const src: Source = { file: f.path, path: [key] };
      if (found) {
        this.findings.push({
          ruleId: 'duplicate-id',
          messageId,
          data: { file: found.src.file, line: this.lineOf(found.src) },
          at: { ...src, part: 'key' },
          related: [{ messageId: 'first-declared', at: { ...found.src, part: 'key' } }],
        });
        continue;
      }
      found = { value: value as NonNullable<OrgFileInput[K]>, src };
    }
    return found;
  }

  private duplicate(kind: string, id: string, src: Source, first: Source): void {
    this.findings.push({
      ruleId: 'duplicate-id',
      messageId: 'duplicate-id',
      data: { kind, id, file: first.file, line: this.lineOf(first) },
      at: { ...src, part: 'key' },
      related: [{ messageId: 'first-declared', at: { ...first, part: 'key' } }],
    });
  }

  /**
   * The entity an id refers to; an unknown one is reported (with a suggestion) at the place given
   * by the entity's source and up to three more path segments. No pointer is built unless needed:
   * a 100,000-role org resolves millions of references.
   */
  private ref<T>(map: Map<string, T>, id: string, kind: string, src: Source, part: Part, a: PathSegment, b?: PathSegment, c?: PathSegment, siblings?: Siblings): T | undefined {
    const found = map.get(id);
    if (found !== undefined) return found;
    // Left out by error recovery, and reported there: what refers to it is in doubt, not wrong.
    if (this.dropped.size > 0 && this.dropped.has(`${SECTION_OF_KIND[kind] ?? kind}\0${id}`)) {
      this.doubt(src, a);
      return undefined;
    }
    const path = c !== undefined ? [...src.path, a, b!, c] : b !== undefined ? [...src.path, a, b] : [...src.path, a];
    // An id already written beside this one would, suggested, be written twice (`{ sell: R, sel: C }`).
    const suggestion = closest(id, siblings ? [...map.keys()].filter((k) => !isSibling(siblings, k)) : map.keys());
    // An id-shaped title (`reports_to: manager` for the role titled Manager) is found by its name.
    const named = suggestion ? undefined : idForName(id, namedEntities(map));
    const at: PathPointer = { file: src.file, path, part };
    // Until the reference is fixed, what is said about the entity holding it, and about the one it meant, is a guess.
    const meant = suggestion ?? named?.id;
    this.doubt(src, a, meant === undefined ? undefined : [SECTION_OF_KIND[kind] ?? kind, meant]);
    if (suggestion) this.findings.push({ ruleId: 'unknown-reference', messageId: 'unknown-suggest', data: { kind, id, suggestion }, at, fix: { text: suggestion } });
    else if (named) this.findings.push({ ruleId: 'unknown-reference', messageId: 'unknown-suggest-name', data: { kind, id, suggestion: named.id, name: named.name }, at, fix: { text: named.id } });
    else this.findings.push({ ruleId: 'unknown-reference', messageId: 'unknown', data: { kind, id }, at });
    return undefined;
  }

  private refs<T>(map: Map<string, T>, ids: readonly string[] | undefined, kind: string, src: Source, key: string): T[] {
    const out: T[] = [];
    if (!ids) return out;
    for (let i = 0; i < ids.length; i++) {
      const found = this.ref(map, ids[i], kind, src, 'value', key, i, undefined, ids);
      if (found !== undefined) out.push(found);
    }
    return out;
  }

  private party(m: OrgModel, id: string, src: Source, key: string): Party {
    if (id === CUSTOMER) return CUSTOMER;
    // An unknown party is reported; `customer` stands in so later stages see a complete hand-off.
    return this.ref(m.roles, id, 'role', src, 'value', key) ?? CUSTOMER;
  }

  private levels(m: OrgModel, levels: Record<string, number> | undefined, src: Source, a: string, b?: string): ReadonlyMap<Competency, number> {
    if (!levels) return EMPTY_LEVELS;
    // Most roles ask for the same few combinations: when every id is known and within its scale,
    // the shared map is found through a trie of (competency, level) steps in the order written,
    // without building a map to throw away.
    let node: LevelNode | undefined = this.sharedLevels;
    for (const id in levels) {
      const competency = m.competencies.get(id);
      const level = levels[id];
      if (!competency || competency.levels.length === 0 || level > competency.levels.length) {
        node = undefined;
        break;
      }
      node.next ??= new Map();
      let byLevel = node.next.get(competency);
      if (!byLevel) node.next.set(competency, (byLevel = []));
      node = byLevel[level] ??= {};
    }
    if (node?.levels) return node.levels;
    const out = new Map<Competency, number>();
    for (const id in levels) {
      const level = levels[id];
      const competency = b === undefined ? this.ref(m.competencies, id, 'competency', src, 'key', a, id, undefined, levels) : this.ref(m.competencies, id, 'competency', src, 'key', a, b, id, levels);
      if (!competency) continue;
      if (competency.levels.length === 0 || level > competency.levels.length) {
        const at = { file: src.file, path: b === undefined ? [...src.path, a, id] : [...src.path, a, b, id] };
        if (competency.levels.length === 0) this.findings.push({ ruleId: 'competency-level', messageId: 'no-scale', data: { competency: id }, at });
        else {
          this.findings.push({ ruleId: 'competency-level', messageId: 'beyond-scale', data: { level, competency: id, max: competency.levels.length }, at });
          continue;
        }
      }
      out.set(competency, level);
    }
    if (node) node.levels = out;
    return out;
  }

  private scope(m: OrgModel, scope: Record<string, string[]> | undefined, src: Source): Scope {
    if (!scope) return EMPTY_SCOPE;
    // The value sets are shared; a map of a few of them per scope costs less than finding an equal
    // scope to share (most roles of a large org have a scope of their own).
    const out = new Map<Dimension, ReadonlySet<DimensionValue>>();
    for (const dimId in scope) {
      const dimension = this.ref(m.dimensions, dimId, 'dimension', src, 'key', 'scope', dimId, undefined, scope);
      if (!dimension) continue;
      const values = this.values(dimension, scope[dimId], src);
      if (values) out.set(dimension, values);
    }
    return out;
  }

  /** The values a scope lists on one dimension, shared by all scopes listing the same ids. */
  private values(dimension: Dimension, ids: readonly string[], src: Source): ReadonlySet<DimensionValue> | undefined {
    let shared = this.valueSets.get(dimension);
    if (!shared) this.valueSets.set(dimension, (shared = new Map()));
    const text = ids.length === 1 ? ids[0] : ids.join(',');
    const known = shared.get(text);
    if (known) return known;
    const values = new Set<DimensionValue>();
    let complete = true;
    ids.forEach((id, i) => {
      const value = dimension.values.get(id);
      if (value) return void values.add(value);
      complete = false;
      this.doubt(src, 'scope');
      const suggestion = closest(id, dimension.values.keys());
      this.findings.push({
        ruleId: 'unknown-reference',
        messageId: suggestion ? 'unknown-value-suggest' : 'unknown-value',
        data: suggestion ? { id, dimension: dimension.id, suggestion } : { id, dimension: dimension.id },
        at: { file: src.file, path: [...src.path, 'scope', dimension.id, i] },
        ...(suggestion ? { fix: { text: suggestion } } : {}),
      });
    });
    if (values.size === 0) return undefined;
    // Unknown ids are reported wherever they appear: only complete lists are remembered.
    if (complete) shared.set(text, values);
    return values;
  }

  private cut(m: OrgModel, cut: readonly string[] | undefined, src: Source): readonly string[] {
    if (!cut) return NONE;
    const known = (id: string) => id === 'process' || m.dimensions.has(id);
    // The usual case keeps the list as written (read-only from here) instead of copying it.
    if (cut.every(known)) return cut;
    const out: string[] = [];
    cut.forEach((id, i) => {
      if (known(id)) return void out.push(id);
      this.doubt(src, 'cut');
      const suggestion = closest(id, ['process', ...m.dimensions.keys()]);
      this.findings.push({
        ruleId: 'unknown-reference',
        messageId: suggestion ? 'unknown-suggest' : 'unknown',
        data: suggestion ? { kind: 'dimension', id, suggestion } : { kind: 'dimension', id },
        at: { file: src.file, path: [...src.path, 'cut', i] },
        ...(suggestion ? { fix: { text: suggestion } } : {}),
      });
    });
    return out;
  }

  /** A finding in the value of a misspelled key read as the key it meant points where the key is written. */
  private placeRenamed(): void {
    for (const file of this.files) {
      for (const { path, written } of file.recovered?.renamed ?? []) {
        for (const f of this.findings) {
          if (f.at.file !== file.path || !('path' in f.at)) continue;
          const at = f.at.path;
          if (at.length >= path.length && path.every((s, i) => s === at[i])) f.at = { ...f.at, path: [...written, ...at.slice(path.length)] };
        }
      }
    }
  }

  /** The line a declaration's key is on, for messages that name both places of a duplicate. */
  private lineOf(src: Source): number {
    const file = this.files.find((f) => f.path === src.file);
    if (!file?.positions) return 1;
    return file.lines.position(file.positions.locate(src.path, 'key').span.start).line;
  }

  /** The entity a reference is written in is in doubt: its declaration, or for a step its stage and itself. */
  private doubt(src: Source, field: PathSegment, near?: [string, string]): void {
    const doubt: Doubt = near ? { src, field, near } : { src, field };
    this.doubts.push(doubt);
    addDoubt(this.unreliable, doubt);
  }

  /** Source order of a declaration: file order, then the key's offset in its file. */
  private rank(src: Source): [number, number] {
    const fileIndex = this.files.findIndex((f) => f.path === src.file);
    const offset = this.files[fileIndex]?.positions?.locate(src.path, 'key').span.start ?? 0;
    return [fileIndex, offset];
  }
}

/** An unknown reference's doubt: on its entity (for a step, its stage and itself), and near the entity it meant. */
export function addDoubt(unreliable: Unreliable, { src, near }: Doubt): void {
  const [section, id, below, step] = src.path;
  unreliable.add(String(section), String(id));
  if (section === 'process' && below === 'steps' && step !== undefined) unreliable.add('steps', String(step));
  if (near) unreliable.addNear(near[0], near[1]);
}

/**
 * One step further along the org's lines: a manager's span counts the headcount of a role in
 * doubt, a duty's coverage its roles. What is placed on the neighbours of a role in doubt (its
 * managers, its duties) or of a duty in doubt (its roles, its step) is left out too; findings
 * that merely relate to them are kept, and no further, which would leave out the whole org.
 */
export function widenDoubt(m: OrgModel, unreliable: Unreliable): void {
  if (unreliable.size === 0) return;
  const more: [string, string][] = [];
  for (const role of m.roles.values()) {
    if (!unreliable.has('roles', role.id)) continue;
    if (role.manager) more.push(['roles', role.manager.id]);
    for (const dm of role.dottedManagers) more.push(['roles', dm.id]);
    for (const a of role.duties) more.push(['duties', a.duty.id]);
  }
  for (const duty of m.duties.values()) {
    if (!unreliable.has('duties', duty.id)) continue;
    for (const a of duty.assignments) more.push(['roles', a.role.id]);
    if (duty.step) more.push(['steps', duty.step.id]);
  }
  for (const [section, id] of more) unreliable.addNear(section, id);
}

const KIND_OF_SECTION: Partial<Record<string, string>> = {
  dimensions: 'dimension',
  families: 'family',
  competencies: 'competency',
  process: 'stage',
  duties: 'duty',
  roles: 'role',
  kpis: 'kpi',
  metrics: 'metric',
  service_levels: 'service-level',
  reviews: 'review',
  tools: 'tool',
  targets: 'target',
  signals: 'signal',
  people: 'person',
  pay_bands: 'pay-band',
};

/** The entities of a map as a name lookup sees them: roles by title, the rest by name. */
function* namedEntities<T>(map: Map<string, T>): Iterable<Named> {
  for (const [id, e] of map) {
    const { title, name } = e as { title?: unknown; name?: unknown };
    yield { id, names: [...namesOf(title), ...namesOf(name)] };
  }
}

/** The other ids written beside a reference: the keys of its map, or the items of its list. */
type Siblings = Readonly<Record<string, unknown>> | readonly string[];

function isSibling(siblings: Siblings, id: string): boolean {
  return Array.isArray(siblings) ? siblings.includes(id) : Object.prototype.hasOwnProperty.call(siblings, id);
}

/** The section of each kind of entity, for the entities error recovery left out. */
const SECTION_OF_KIND: Partial<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(KIND_OF_SECTION).map(([section, kind]) => [kind, section])),
  step: 'steps',
};

function sub(src: Source, ...more: Path): Source {
  return { file: src.file, path: [...src.path, ...more] };
}

function at(src: Source, ...path: Path): PathPointer {
  return { file: src.file, path: [...src.path, ...path] };
}

/** One shared set per combination of letters: a large org has hundreds of thousands of assignments. */
const LETTER_SETS = new Map<string, ReadonlySet<RaciLetter>>();
function letters(raci: RaciInput): ReadonlySet<RaciLetter> {
  // Without sorting for the usual one and two letters: this runs for every assignment.
  const key = typeof raci === 'string' ? raci : raci.length === 1 ? raci[0] : raci.length === 2 ? (raci[0] < raci[1] ? raci[0] + raci[1] : raci[1] + raci[0]) : [...raci].sort().join('');
  let set = LETTER_SETS.get(key);
  if (!set) LETTER_SETS.set(key, (set = new Set(typeof raci === 'string' ? [raci] : raci)));
  return set;
}

/** Whether making `candidate` the parent of `node` would close a loop. */
function isAncestor<T>(node: T, candidate: T, parentOf: (t: T) => T | undefined): boolean {
  for (let t: T | undefined = candidate; t; t = parentOf(t)) if (t === node) return true;
  return false;
}

/**
 * The empty list every derived relation starts with; `append` replaces it on the first entry.
 * Most roles chair no review and own no target: one shared array instead of one per role.
 */
const NONE: never[] = Object.freeze([]) as unknown as never[];

function append<T>(list: T[], item: T): T[] {
  if (list === NONE) return [item];
  list.push(item);
  return list;
}

/** A role with nothing filled in yet, so that references to it resolve before it is read. */
/** The fields a role takes from its own entry as they are written (ModelBuilder.refresh reads them again). */
function readOwnFields(role: Role, v: RoleInput): void {
  role.title = v.title;
  role.purpose = v.purpose;
  role.notes = v.notes;
  role.level = v.level;
  role.headcount = v.headcount ?? 1;
  role.vacancies = v.vacancies ?? 0;
}

/** A role's requirements, with its competencies resolved by the caller. */
function requirements(v: RoleInput, competencies: Role['requires']['competencies']): Role['requires'] {
  return {
    experience: v.requires?.experience === undefined ? undefined : parseYears(v.requires.experience),
    competencies,
    ...(v.requires?.education ? { education: { level: v.requires.education.level, ...(v.requires.education.field === undefined ? {} : { field: v.requires.education.field }) } } : {}),
    other: v.requires?.other ?? NONE,
    notes: v.requires?.notes,
  };
}

function newRole(id: string, src: Source): Role {
  return {
    id,
    src,
    title: '',
    purpose: undefined,
    notes: undefined,
    level: 'frontline',
    family: undefined,
    cut: NONE,
    scope: EMPTY_SCOPE,
    manager: undefined,
    declaresManager: false,
    dottedManagers: NONE,
    dottedIndex: NONE,
    reports: NONE,
    dottedReports: NONE,
    headcount: 1,
    vacancies: 0,
    duties: NONE,
    requires: { experience: undefined, competencies: EMPTY_LEVELS, other: NONE, notes: undefined },
    tools: NONE,
    kpis: NONE,
    people: NONE,
    chairs: NONE,
    attends: NONE,
    serviceLevelsFrom: NONE,
    serviceLevelsTo: NONE,
    targets: NONE,
    employmentType: NONE,
    careerPath: NONE,
    authority: NONE,
    relationships: { internal: NONE, external: NONE },
  };
}

const EMPTY_SCOPE: Scope = new Map();

/** A node of the trie of requirement maps: one step per competency and level, in the order written. */
interface LevelNode {
  next?: Map<Competency, LevelNode[]>;
  levels?: ReadonlyMap<Competency, number>;
}

const EMPTY_LEVELS: ReadonlyMap<Competency, number> = new Map();
