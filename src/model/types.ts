// The resolved org: every reference is an object, every inverse relation is derived, and every
// entity knows where it was written. Maps keep declaration order (files in path order, keys in
// file order), which is the order every rule and renderer walks them in.
import type { Path } from '../load/node-index.js';
import type { Activity, Area, Measure, RaciLetter, RoleLevel } from '../schema/grammar.js';

import type { Text } from '../core/text.js';

export type { Text };

/** Where an entity is declared: the path to its key in one file. */
export interface Source {
  file: string;
  path: Path;
}

export interface Entity {
  id: string;
  src: Source;
  /** Free-form notes from the YAML: not rendered, but part of the design a diff reports. */
  notes?: Text;
}

export interface OrgInfo {
  id: string;
  name: Text;
  language: string;
  description?: Text;
  /** Written by `orgc import`: render lists what is missing instead of refusing. */
  draft?: boolean;
  notes?: Text;
  src: Source;
}

export interface DimensionValue extends Entity {
  name: Text;
  description?: Text;
  dimension: Dimension;
}

export interface Dimension extends Entity {
  name: Text;
  description?: Text;
  values: Map<string, DimensionValue>;
}

export interface Family extends Entity {
  name: Text;
  description?: Text;
  roles: Role[];
}

export interface Competency extends Entity {
  name: Text;
  description?: Text;
  /** Its own scale, or the org's default scale. */
  levels: readonly Text[];
}

export interface Stage extends Entity {
  name: Text;
  description?: Text;
  steps: Step[];
}

export interface Step extends Entity {
  name: Text;
  description?: Text;
  stage: Stage;
  /** Position in the whole process, from 0. */
  order: number;
  duties: Duty[];
}

export interface Duty extends Entity {
  name: Text;
  description?: Text;
  area: Area;
  step?: Step;
  demands: ReadonlyMap<Competency, number>;
  effort?: number;
  /** Roles with a RACI letter on this duty, in role order. */
  assignments: Assignment[];
  /** Derived: the roles Responsible (R) for it, and those Accountable (A), in role order. */
  responsible: Role[];
  accountable: Role[];
  kpis: Kpi[];
  /** Dimensions the duty is owned along (`accountable_per`): one A per combination of their values. Empty: one A org-wide. */
  accountablePer: Dimension[];
  /** The sales activity it is, for segregation of duties. */
  activity?: Activity;
  /** Duties no role may do together with this one (`incompatible_with`, as written on this duty). */
  incompatibleWith: Duty[];
}

/** A role's part in a duty: one entry of a role's `duties` map (written at `duties.<duty id>` in the role). */
export interface Assignment {
  role: Role;
  duty: Duty;
  letters: ReadonlySet<RaciLetter>;
}

/**
 * Scope on each dimension that the role restricts; a dimension not in the map means all of it.
 * Read-only: roles with the same scope share one.
 */
export type Scope = ReadonlyMap<Dimension, ReadonlySet<DimensionValue>>;

export interface Requirements {
  /** Years. */
  experience?: number;
  /** Read-only: roles with the same requirements share one map. */
  competencies: ReadonlyMap<Competency, number>;
  other: readonly Text[];
  notes?: Text;
}

export interface Role extends Entity {
  title: Text;
  purpose?: Text;
  level: RoleLevel;
  family?: Family;
  cut: readonly string[];
  scope: Scope;
  manager?: Role;
  /** Whether the YAML names a manager, even one that could not be resolved or closed a cycle. */
  declaresManager: boolean;
  dottedManagers: Role[];
  /** Where each dotted manager is written: its index in the YAML list `dotted_line_to`. */
  dottedIndex: number[];
  /** Derived: roles with this one as `reports_to`. */
  reports: Role[];
  /** Derived: roles with this one in `dotted_line_to`. */
  dottedReports: Role[];
  headcount: number;
  vacancies: number;
  duties: Assignment[];
  requires: Requirements;
  tools: Tool[];
  kpis: Kpi[];
  people: Person[];
  chairs: Review[];
  attends: Review[];
  serviceLevelsFrom: ServiceLevel[];
  serviceLevelsTo: ServiceLevel[];
  targets: Target[];
  /** Present when the role carries a sales quota. */
  quota?: Quota;
  /** Who stands in when the seat is empty (AB角). */
  backup?: Role;
}

/** A quota-carrying role's plan for the target period (shares as fractions 0–1). */
export interface Quota {
  perSeat: Quantity;
  attainment: number;
  rampMonths: number;
  /** Share of full quota in each step of the ramp, spread evenly over `rampMonths`. */
  rampCurve: readonly number[];
  /** Filled seats still ramping at the start of the period. */
  ramping: number;
  attrition: number;
  notes?: Text;
}

export type QuantityKind = 'number' | 'percent' | 'money' | 'duration';

export interface Quantity {
  kind: QuantityKind;
  /** Numbers as numbers, percent as the number before `%`, money in currency units, durations in minutes. */
  value: number;
  currency?: string;
  /** As written. */
  text: string;
}

export type KpiKind = 'individual' | 'team' | 'cross-role';

export interface Kpi extends Entity {
  name: Text;
  description?: Text;
  kind: KpiKind;
  unit?: Text;
  target?: Quantity;
  better: 'higher' | 'lower';
  measures: Duty[];
  owners: Role[];
  measure?: Measure;
  atMost?: Kpi;
  atLeast?: Kpi;
}

export interface Metric extends Entity {
  name: Text;
  description?: Text;
  unit?: Text;
  measure?: Measure;
}

export type Party = Role | 'customer';

export interface ServiceLevel extends Entity {
  what: Text;
  from: Party;
  to: Party;
  within: Quantity;
  step?: Step;
  partOf?: ServiceLevel;
  parts: ServiceLevel[];
}

export interface Review extends Entity {
  name: Text;
  cadence: string;
  chair: Role;
  attendees: Role[];
  purpose?: Text;
}

export interface Tool extends Entity {
  name: Text;
  kind?: string;
  description?: Text;
  users: Role[];
}

export interface Target extends Entity {
  name?: Text;
  metric: string;
  value: Quantity;
  period?: string;
  parent?: Target;
  children: Target[];
  owner?: Role;
  scope: Scope;
  atMost?: Target;
  atLeast?: Target;
}

export interface Signal extends Entity {
  name?: Text;
  /** Left unresolved: the adaptation-signals rule judges these ids. */
  watch: string;
  when: string;
  change: 'add' | 'split' | 'merge' | 'retire';
  role: string;
  roles: string[];
  rationale?: Text;
}

export interface Person extends Entity {
  name: Text;
  role: Role;
  experience?: number;
  competencies: ReadonlyMap<Competency, number>;
  scope: Scope;
  backup?: Person;
}

export interface OrgModel {
  org: OrgInfo;
  files: string[];
  competencyLevels: readonly Text[];
  dimensions: Map<string, Dimension>;
  families: Map<string, Family>;
  competencies: Map<string, Competency>;
  stages: Map<string, Stage>;
  steps: Map<string, Step>;
  duties: Map<string, Duty>;
  roles: Map<string, Role>;
  kpis: Map<string, Kpi>;
  metrics: Map<string, Metric>;
  serviceLevels: Map<string, ServiceLevel>;
  reviews: Map<string, Review>;
  tools: Map<string, Tool>;
  targets: Map<string, Target>;
  signals: Map<string, Signal>;
  people: Map<string, Person>;
}
