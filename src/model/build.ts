// The model stage: the loaded files → one resolved org. Sections from all files share one
// namespace per kind; references become objects (an unknown one is reported, with a suggestion,
// and left out); inverse relations are derived here once so no rule or renderer recomputes them.
import type { Finding, PathPointer } from '../finding.js';
import { closest } from '../load/closest.js';
import type { LoadedFile } from '../load/index.js';
import type { Path } from '../load/node-index.js';
import { CUSTOMER, type RaciLetter } from '../schema/grammar.js';
import type { OrgFileInput, RaciInput } from '../schema/org.js';
import { findCycles } from './hierarchy.js';
import { parseQuantity, parseYears } from './quantity.js';
import type {
  Assignment, Competency, Dimension, DimensionValue, Duty, Kpi, OrgModel, Party, Person, Review,
  Role, Scope, ServiceLevel, Signal, Source, Stage, Step, Target,
} from './types.js';

export interface Built {
  /** Absent when the org cannot be assembled at all (no `org:` declared). */
  model?: OrgModel;
  findings: Finding[];
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

export function buildModel(files: readonly LoadedFile[]): Built {
  return new ModelBuilder(files).build();
}

class ModelBuilder {
  private findings: Finding[] = [];

  constructor(private readonly files: readonly LoadedFile[]) {}

  build(): Built {
    const files = this.files.filter((f) => f.data);
    const org = this.singleton(files, 'org', 'duplicate-org');
    const levels = this.singleton(files, 'competency_levels', 'duplicate-levels');
    if (!org) {
      const first = this.files[0]?.path ?? '';
      this.findings.push({ ruleId: 'unknown-reference', messageId: 'missing-org', at: { file: first, offset: 0 } });
      return { findings: this.findings };
    }
    const decl = <K extends keyof Sections>(section: K) => this.collect(files, section);

    const m: OrgModel = {
      org: { id: org.value.id, name: org.value.name, language: org.value.language, description: org.value.description, src: org.src },
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
    };

    // Entities that others refer to come first.
    for (const d of decl('dimensions')) {
      const dim: Dimension = { id: d.id, src: d.src, name: d.value.name, description: d.value.description, values: new Map() };
      for (const [id, v] of Object.entries(d.value.values)) {
        const value: DimensionValue = { id, src: sub(d.src, 'values', id), name: v.name, description: v.description, dimension: dim };
        dim.values.set(id, value);
      }
      m.dimensions.set(d.id, dim);
    }
    for (const d of decl('families')) m.families.set(d.id, { id: d.id, src: d.src, name: d.value.name, description: d.value.description, roles: [] });
    for (const d of decl('competencies')) {
      m.competencies.set(d.id, { id: d.id, src: d.src, name: d.value.name, description: d.value.description, levels: d.value.levels ?? m.competencyLevels });
    }
    let order = 0;
    const stepDecls = new Map<string, Source>();
    for (const d of decl('process')) {
      const stage: Stage = { id: d.id, src: d.src, name: d.value.name, description: d.value.description, steps: [] };
      m.stages.set(d.id, stage);
      for (const [id, s] of Object.entries(d.value.steps)) {
        const src = sub(d.src, 'steps', id);
        const first = stepDecls.get(id);
        if (first) {
          this.duplicate('step', id, src, first);
          continue;
        }
        stepDecls.set(id, src);
        const step: Step = { id, src, name: s.name, description: s.description, stage, order: order++, duties: [] };
        stage.steps.push(step);
        m.steps.set(id, step);
      }
    }
    for (const d of decl('tools')) m.tools.set(d.id, { id: d.id, src: d.src, name: d.value.name, kind: d.value.kind, description: d.value.description, users: [] });
    for (const d of decl('metrics')) m.metrics.set(d.id, { id: d.id, src: d.src, name: d.value.name, description: d.value.description, unit: d.value.unit });

    for (const d of decl('duties')) {
      const duty: Duty = {
        id: d.id,
        src: d.src,
        name: d.value.name,
        description: d.value.description,
        area: d.value.area,
        step: d.value.step === undefined ? undefined : this.ref(m.steps, d.value.step, 'step', at(d.src, 'step')),
        demands: this.levels(m, d.value.demands, sub(d.src, 'demands')),
        effort: d.value.effort,
        assignments: [],
        kpis: [],
      };
      duty.step?.duties.push(duty);
      m.duties.set(d.id, duty);
    }

    // Roles in two passes: create them all, then resolve the links between them.
    const roleDecls = decl('roles');
    for (const d of roleDecls) {
      const v = d.value;
      const family = v.family === undefined ? undefined : this.ref(m.families, v.family, 'family', at(d.src, 'family'));
      const role: Role = {
        id: d.id,
        src: d.src,
        title: v.title,
        purpose: v.purpose,
        level: v.level,
        family,
        cut: this.cut(m, v.cut, d.src),
        scope: this.scope(m, v.scope, sub(d.src, 'scope')),
        declaresManager: v.reports_to !== undefined,
        dottedManagers: [],
        dottedIndex: [],
        reports: [],
        dottedReports: [],
        headcount: v.headcount ?? 1,
        vacancies: v.vacancies ?? 0,
        duties: [],
        requires: {
          experience: v.requires?.experience === undefined ? undefined : parseYears(v.requires.experience),
          competencies: this.levels(m, v.requires?.competencies, sub(d.src, 'requires', 'competencies')),
          other: v.requires?.other ?? [],
        },
        tools: this.refs(m.tools, v.tools, 'tool', sub(d.src, 'tools')),
        kpis: [],
        people: [],
        chairs: [],
        attends: [],
        serviceLevelsFrom: [],
        serviceLevelsTo: [],
        targets: [],
      };
      family?.roles.push(role);
      for (const tool of role.tools) tool.users.push(role);
      m.roles.set(d.id, role);
    }
    for (const d of roleDecls) {
      const role = m.roles.get(d.id)!;
      const v = d.value;
      if (v.reports_to !== undefined) role.manager = this.ref(m.roles, v.reports_to, 'role', at(d.src, 'reports_to'));
      (v.dotted_line_to ?? []).forEach((id, i) => {
        const manager = this.ref(m.roles, id, 'role', at(d.src, 'dotted_line_to', i));
        if (!manager) return;
        role.dottedManagers.push(manager);
        role.dottedIndex.push(i);
      });
      for (const [dutyId, raci] of Object.entries(v.duties ?? {})) {
        const src = sub(d.src, 'duties', dutyId);
        const duty = this.ref(m.duties, dutyId, 'duty', { file: src.file, path: src.path, part: 'key' });
        if (!duty) continue;
        const assignment: Assignment = { role, duty, letters: letters(raci), src };
        role.duties.push(assignment);
        duty.assignments.push(assignment);
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
      role.manager?.reports.push(role);
      for (const dm of role.dottedManagers) dm.dottedReports.push(role);
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
        measures: this.refs(m.duties, d.value.measures, 'duty', sub(d.src, 'measures')),
        owners: this.refs(m.roles, d.value.owners, 'role', sub(d.src, 'owners')),
      };
      for (const duty of kpi.measures) duty.kpis.push(kpi);
      for (const role of kpi.owners) role.kpis.push(kpi);
      m.kpis.set(d.id, kpi);
    }

    const slDecls = decl('service_levels');
    for (const d of slDecls) {
      const v = d.value;
      const sl: ServiceLevel = {
        id: d.id,
        src: d.src,
        what: v.what,
        from: this.party(m, v.from, at(d.src, 'from')),
        to: this.party(m, v.to, at(d.src, 'to')),
        within: parseQuantity(v.within),
        step: v.step === undefined ? undefined : this.ref(m.steps, v.step, 'step', at(d.src, 'step')),
        parts: [],
      };
      m.serviceLevels.set(d.id, sl);
    }
    for (const d of slDecls) {
      const sl = m.serviceLevels.get(d.id)!;
      if (d.value.part_of !== undefined) {
        const whole = this.ref(m.serviceLevels, d.value.part_of, 'service-level', at(d.src, 'part_of'));
        if (whole && isAncestor(sl, whole, (s) => s.partOf)) {
          this.findings.push({ ruleId: 'parent-cycle', messageId: 'service-level', data: { id: d.id, parent: whole.id }, at: at(d.src, 'part_of') });
        } else if (whole) {
          sl.partOf = whole;
          whole.parts.push(sl);
        }
      }
      if (sl.from !== CUSTOMER && sl.from) sl.from.serviceLevelsFrom.push(sl);
      if (sl.to !== CUSTOMER && sl.to) sl.to.serviceLevelsTo.push(sl);
    }

    for (const d of decl('reviews')) {
      const chair = this.ref(m.roles, d.value.chair, 'role', at(d.src, 'chair'));
      const attendees = this.refs(m.roles, d.value.attendees, 'role', sub(d.src, 'attendees'));
      if (!chair) continue;
      const review: Review = { id: d.id, src: d.src, name: d.value.name, cadence: d.value.cadence, chair, attendees, purpose: d.value.purpose };
      chair.chairs.push(review);
      for (const r of attendees) r.attends.push(review);
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
        owner: v.owner === undefined ? undefined : this.ref(m.roles, v.owner, 'role', at(d.src, 'owner')),
        scope: this.scope(m, v.scope, sub(d.src, 'scope')),
      };
      target.owner?.targets.push(target);
      m.targets.set(d.id, target);
    }
    for (const d of targetDecls) {
      if (d.value.parent === undefined) continue;
      const target = m.targets.get(d.id)!;
      const parent = this.ref(m.targets, d.value.parent, 'target', at(d.src, 'parent'));
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
      const signal: Signal = { id: d.id, src: d.src, name: v.name, watch: v.watch, when: v.when, change: v.change, role: v.role, roles: v.roles ?? [], rationale: v.rationale };
      m.signals.set(d.id, signal);
    }

    for (const d of decl('people')) {
      const v = d.value;
      const role = this.ref(m.roles, v.role, 'role', at(d.src, 'role'));
      if (!role) continue;
      const person: Person = {
        id: d.id,
        src: d.src,
        name: v.name,
        role,
        experience: v.experience === undefined ? undefined : parseYears(v.experience),
        competencies: this.levels(m, v.competencies, sub(d.src, 'competencies')),
        scope: this.scope(m, v.scope, sub(d.src, 'scope')),
      };
      role.people.push(person);
      m.people.set(d.id, person);
    }

    return { model: m, findings: this.findings };
  }

  /** Declarations of one section across files; a repeated id is reported at the later one. */
  private collect<K extends keyof Sections>(files: readonly LoadedFile[], section: K): Declared<Sections[K]>[] {
    const seen = new Map<string, Source>();
    const out: Declared<Sections[K]>[] = [];
    for (const f of files) {
      const map = f.data![section] as Record<string, Sections[K]> | undefined;
      if (!map) continue;
      for (const [id, value] of Object.entries(map)) {
        const src: Source = { file: f.path, path: [section, id] };
        const first = seen.get(id);
        if (first) {
          this.duplicate(KIND_OF_SECTION[section] ?? section, id, src, first);
          continue;
        }
        seen.set(id, src);
        out.push({ id, value, src });
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
          data: { file: found.src.file },
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
      data: { kind, id, file: first.file },
      at: { ...src, part: 'key' },
      related: [{ messageId: 'first-declared', at: { ...first, part: 'key' } }],
    });
  }

  private ref<T>(map: Map<string, T>, id: string, kind: string, pointer: PathPointer): T | undefined {
    const found = map.get(id);
    if (found) return found;
    const suggestion = closest(id, map.keys());
    this.findings.push({
      ruleId: 'unknown-reference',
      messageId: suggestion ? 'unknown-suggest' : 'unknown',
      data: suggestion ? { kind, id, suggestion } : { kind, id },
      at: pointer,
    });
    return undefined;
  }

  private refs<T>(map: Map<string, T>, ids: readonly string[] | undefined, kind: string, src: Source): T[] {
    const out: T[] = [];
    (ids ?? []).forEach((id, i) => {
      const found = this.ref(map, id, kind, { file: src.file, path: [...src.path, i] });
      if (found) out.push(found);
    });
    return out;
  }

  private party(m: OrgModel, id: string, pointer: PathPointer): Party {
    if (id === CUSTOMER) return CUSTOMER;
    // An unknown party is reported; `customer` stands in so later stages see a complete hand-off.
    return this.ref(m.roles, id, 'role', pointer) ?? CUSTOMER;
  }

  private levels(m: OrgModel, levels: Record<string, number> | undefined, src: Source): Map<Competency, number> {
    const out = new Map<Competency, number>();
    for (const [id, level] of Object.entries(levels ?? {})) {
      const pointer = { file: src.file, path: [...src.path, id] };
      const competency = this.ref(m.competencies, id, 'competency', { ...pointer, part: 'key' });
      if (!competency) continue;
      if (competency.levels.length === 0) {
        this.findings.push({ ruleId: 'competency-level', messageId: 'no-scale', data: { competency: id }, at: pointer });
      } else if (level > competency.levels.length) {
        this.findings.push({ ruleId: 'competency-level', messageId: 'beyond-scale', data: { level, competency: id, max: competency.levels.length }, at: pointer });
        continue;
      }
      out.set(competency, level);
    }
    return out;
  }

  private scope(m: OrgModel, scope: Record<string, string[]> | undefined, src: Source): Scope {
    const out: Scope = new Map();
    for (const [dimId, valueIds] of Object.entries(scope ?? {})) {
      const dimension = this.ref(m.dimensions, dimId, 'dimension', { file: src.file, path: [...src.path, dimId], part: 'key' });
      if (!dimension) continue;
      const values = new Set<DimensionValue>();
      valueIds.forEach((id, i) => {
        const value = dimension.values.get(id);
        if (value) return void values.add(value);
        const suggestion = closest(id, dimension.values.keys());
        this.findings.push({
          ruleId: 'unknown-reference',
          messageId: suggestion ? 'unknown-value-suggest' : 'unknown-value',
          data: suggestion ? { id, dimension: dimId, suggestion } : { id, dimension: dimId },
          at: { file: src.file, path: [...src.path, dimId, i] },
        });
      });
      if (values.size > 0) out.set(dimension, values);
    }
    return out;
  }

  private cut(m: OrgModel, cut: readonly string[] | undefined, src: Source): string[] {
    const out: string[] = [];
    (cut ?? []).forEach((id, i) => {
      if (id === 'process' || m.dimensions.has(id)) return void out.push(id);
      const suggestion = closest(id, ['process', ...m.dimensions.keys()]);
      this.findings.push({
        ruleId: 'unknown-reference',
        messageId: suggestion ? 'unknown-suggest' : 'unknown',
        data: suggestion ? { kind: 'dimension', id, suggestion } : { kind: 'dimension', id },
        at: { file: src.file, path: [...src.path, 'cut', i] },
      });
    });
    return out;
  }

  /** Source order of a declaration: file order, then the key's offset in its file. */
  private rank(src: Source): [number, number] {
    const fileIndex = this.files.findIndex((f) => f.path === src.file);
    const offset = this.files[fileIndex]?.index?.locate(src.path, 'key').span.start ?? 0;
    return [fileIndex, offset];
  }
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
};

function sub(src: Source, ...more: Path): Source {
  return { file: src.file, path: [...src.path, ...more] };
}

function at(src: Source, ...path: Path): PathPointer {
  return { file: src.file, path: [...src.path, ...path] };
}

function letters(raci: RaciInput): ReadonlySet<RaciLetter> {
  return new Set(typeof raci === 'string' ? [raci] : raci);
}

/** Whether making `candidate` the parent of `node` would close a loop. */
function isAncestor<T>(node: T, candidate: T, parentOf: (t: T) => T | undefined): boolean {
  for (let t: T | undefined = candidate; t; t = parentOf(t)) if (t === node) return true;
  return false;
}
