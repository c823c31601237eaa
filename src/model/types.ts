// The resolved org: every reference is an object, every inverse relation is derived, and every
// entity knows where it was written. Maps keep declaration order (files in path order, keys in
// file order), which is the order every rule and renderer walks them in.
//
// Read-only to every reader (rules, renderers, the library's users): one model serves every check
// and render of a run, and entities share parts. Only the builder writes it, through building.ts.
import type { Path } from '../load/node-index.js';
import type { Activity, Area, EducationLevel, EmploymentType, Measure, RaciLetter, RoleLevel, Workplace } from '../schema/grammar.js';

import type { Text } from '../core/text.js';

export type { Text };

/** Where an entity is declared: the path to its key in one file. */
export interface Source {
  readonly file: string;
  readonly path: Path;
}

export interface Entity {
  readonly id: string;
  readonly src: Source;
  /** Free-form notes from the YAML: not rendered, but part of the design a diff reports. */
  readonly notes?: Text;
}

export interface OrgInfo {
  readonly id: string;
  readonly name: Text;
  readonly language: string;
  readonly description?: Text;
  /** Written by `orgc import`: render lists what is missing instead of refusing. */
  readonly draft?: boolean;
  /** Defaults for every role's job description, and the posting dates (`org.jobs`). */
  readonly jobs?: JobDefaults;
  readonly notes?: Text;
  readonly src: Source;
}

/** An office a job is based in. `country` is an ISO 3166 code. */
export interface Place {
  readonly city: Text;
  readonly region?: Text;
  readonly country: string;
  readonly address?: Text;
}

/** Where a job is done (`location`). */
export interface Location {
  readonly places: readonly Place[];
  /** Absent: onsite. */
  readonly work?: Exclude<Workplace, 'onsite'>;
  /** Countries applicants of a remote job may live in. */
  readonly remoteIn: readonly string[];
}

export interface JobDefaults {
  readonly department?: Text;
  readonly location?: Location;
  readonly employmentType: readonly EmploymentType[];
  /** `YYYY-MM-DD`. */
  readonly posted?: string;
  readonly validThrough?: string;
  readonly website?: string;
}

export interface DimensionValue extends Entity {
  readonly name: Text;
  readonly description?: Text;
  readonly dimension: Dimension;
}

export interface Dimension extends Entity {
  readonly name: Text;
  readonly description?: Text;
  readonly values: ReadonlyMap<string, DimensionValue>;
}

export interface Family extends Entity {
  readonly name: Text;
  readonly description?: Text;
  readonly roles: readonly Role[];
}

export interface Competency extends Entity {
  readonly name: Text;
  readonly description?: Text;
  /** Its own scale, or the org's default scale. */
  readonly levels: readonly Text[];
}

export interface Stage extends Entity {
  readonly name: Text;
  readonly description?: Text;
  readonly steps: readonly Step[];
}

export interface Step extends Entity {
  readonly name: Text;
  readonly description?: Text;
  readonly stage: Stage;
  /** Position in the whole process, from 0. */
  readonly order: number;
  readonly duties: readonly Duty[];
}

export interface Duty extends Entity {
  readonly name: Text;
  readonly description?: Text;
  readonly area: Area;
  readonly step?: Step;
  readonly demands: ReadonlyMap<Competency, number>;
  readonly effort?: number;
  /** Roles with a RACI letter on this duty, in role order. */
  readonly assignments: readonly Assignment[];
  /** Derived: the roles Responsible (R) for it, and those Accountable (A), in role order. */
  readonly responsible: readonly Role[];
  readonly accountable: readonly Role[];
  readonly kpis: readonly Kpi[];
  /** Dimensions the duty is owned along (`accountable_per`): one A per combination of their values. Empty: one A org-wide. */
  readonly accountablePer: readonly Dimension[];
  /** The sales activity it is, for segregation of duties. */
  readonly activity?: Activity;
  /** Duties no role may do together with this one (`incompatible_with`, as written on this duty). */
  readonly incompatibleWith: readonly Duty[];
}

/** A role's part in a duty: one entry of a role's `duties` map (written at `duties.<duty id>` in the role). */
export interface Assignment {
  readonly role: Role;
  readonly duty: Duty;
  readonly letters: ReadonlySet<RaciLetter>;
}

/**
 * Scope on each dimension that the role restricts; a dimension not in the map means all of it.
 * Read-only: roles with the same scope share one.
 */
export type Scope = ReadonlyMap<Dimension, ReadonlySet<DimensionValue>>;

export interface Requirements {
  /** Years. */
  readonly experience?: number;
  /** Read-only: roles with the same requirements share one map. */
  readonly competencies: ReadonlyMap<Competency, number>;
  readonly education?: { level: EducationLevel; field?: Text };
  readonly other: readonly Text[];
  readonly notes?: Text;
}

export interface Role extends Entity {
  readonly title: Text;
  readonly purpose?: Text;
  readonly level: RoleLevel;
  readonly family?: Family;
  readonly cut: readonly string[];
  readonly scope: Scope;
  readonly manager?: Role;
  /** Whether the YAML names a manager, even one that could not be resolved or closed a cycle. */
  readonly declaresManager: boolean;
  readonly dottedManagers: readonly Role[];
  /** Where each dotted manager is written: its index in the YAML list `dotted_line_to`. */
  readonly dottedIndex: readonly number[];
  /** Derived: roles with this one as `reports_to`. */
  readonly reports: readonly Role[];
  /** Derived: roles with this one in `dotted_line_to`. */
  readonly dottedReports: readonly Role[];
  readonly headcount: number;
  readonly vacancies: number;
  readonly duties: readonly Assignment[];
  readonly requires: Requirements;
  readonly tools: readonly Tool[];
  readonly kpis: readonly Kpi[];
  readonly people: readonly Person[];
  readonly chairs: readonly Review[];
  readonly attends: readonly Review[];
  readonly serviceLevelsFrom: readonly ServiceLevel[];
  readonly serviceLevelsTo: readonly ServiceLevel[];
  readonly targets: readonly Target[];
  /** Present when the role carries a sales quota. */
  readonly quota?: Quota;
  /** Who stands in when the seat is empty (AB角). */
  readonly backup?: Role;
  /** As written on the role; `jobFacts` (model/queries.ts) fills them from `org.jobs`. */
  readonly department?: Text;
  readonly location?: Location;
  readonly employmentType: readonly EmploymentType[];
  /** Roles one moves on to (晋升通道), as written. */
  readonly careerPath: readonly Role[];
  /** What the role may decide or approve (权限). */
  readonly authority: readonly Text[];
  /** Working relationships in words, beyond those derived from reporting lines, RACI and hand-offs. */
  readonly relationships: { internal: readonly Text[]; external: readonly Text[] };
  /** The role's pay band (`pay_band`), from which the cost of the design is counted. */
  readonly payBand?: PayBand;
}

/**
 * A pay band (grade): yearly base pay in currency units, parsed like quota money. `mid` is the
 * written midpoint or halfway between `min` and `max`; shares are fractions (0.4 for `40%`).
 */
export interface PayBand extends Entity {
  readonly name?: Text;
  readonly min: number;
  readonly mid: number;
  readonly max: number;
  /** The currency of `min`; `mid` and `max` should be in it (the pay-band rule checks). */
  readonly currency: string;
  /** As written, for messages and the diff (`300K CNY`); `mid` absent when not written. */
  readonly written: { min: string; mid?: string; max: string };
  /** On-target variable pay as a share of base. */
  readonly variable: number;
  /** Employer on-costs as a share of total pay (base + variable). */
  readonly onCosts: number;
  /** Derived: the roles that name this band, in role order. */
  readonly roles: readonly Role[];
}

/** A quota-carrying role's plan for the target period (shares as fractions 0–1). */
export interface Quota {
  readonly perSeat: Quantity;
  readonly attainment: number;
  readonly rampMonths: number;
  /** Share of full quota in each step of the ramp, spread evenly over `rampMonths`. */
  readonly rampCurve: readonly number[];
  /** Filled seats still ramping at the start of the period. */
  readonly ramping: number;
  readonly attrition: number;
  readonly notes?: Text;
}

export type QuantityKind = 'number' | 'percent' | 'money' | 'duration';

export interface Quantity {
  readonly kind: QuantityKind;
  /** Numbers as numbers, percent as the number before `%`, money in currency units, durations in minutes. */
  readonly value: number;
  readonly currency?: string;
  /** As written. */
  readonly text: string;
}

export type KpiKind = 'individual' | 'team' | 'cross-role';

export interface Kpi extends Entity {
  readonly name: Text;
  readonly description?: Text;
  readonly kind: KpiKind;
  readonly unit?: Text;
  readonly target?: Quantity;
  readonly better: 'higher' | 'lower';
  readonly measures: readonly Duty[];
  readonly owners: readonly Role[];
  readonly measure?: Measure;
  readonly atMost?: Kpi;
  readonly atLeast?: Kpi;
}

export interface Metric extends Entity {
  readonly name: Text;
  readonly description?: Text;
  readonly unit?: Text;
  readonly measure?: Measure;
}

export type Party = Role | 'customer';

export interface ServiceLevel extends Entity {
  readonly what: Text;
  readonly from: Party;
  readonly to: Party;
  readonly within: Quantity;
  readonly step?: Step;
  readonly partOf?: ServiceLevel;
  readonly parts: readonly ServiceLevel[];
}

export interface Review extends Entity {
  readonly name: Text;
  readonly cadence: string;
  readonly chair: Role;
  readonly attendees: readonly Role[];
  readonly purpose?: Text;
}

export interface Tool extends Entity {
  readonly name: Text;
  readonly kind?: string;
  readonly description?: Text;
  readonly users: readonly Role[];
}

export interface Target extends Entity {
  readonly name?: Text;
  readonly metric: string;
  readonly value: Quantity;
  readonly period?: string;
  readonly parent?: Target;
  readonly children: readonly Target[];
  readonly owner?: Role;
  readonly scope: Scope;
  readonly atMost?: Target;
  readonly atLeast?: Target;
}

export interface Signal extends Entity {
  readonly name?: Text;
  /** Left unresolved: the adaptation-signals rule judges these ids. */
  readonly watch: string;
  readonly when: string;
  readonly change: 'add' | 'split' | 'merge' | 'retire';
  readonly role: string;
  readonly roles: readonly string[];
  readonly rationale?: Text;
}

export interface Person extends Entity {
  readonly name: Text;
  readonly role: Role;
  readonly experience?: number;
  readonly competencies: ReadonlyMap<Competency, number>;
  readonly scope: Scope;
  readonly backup?: Person;
}

export interface OrgModel {
  readonly org: OrgInfo;
  readonly files: readonly string[];
  readonly competencyLevels: readonly Text[];
  readonly dimensions: ReadonlyMap<string, Dimension>;
  readonly families: ReadonlyMap<string, Family>;
  readonly competencies: ReadonlyMap<string, Competency>;
  readonly stages: ReadonlyMap<string, Stage>;
  readonly steps: ReadonlyMap<string, Step>;
  readonly duties: ReadonlyMap<string, Duty>;
  readonly roles: ReadonlyMap<string, Role>;
  readonly kpis: ReadonlyMap<string, Kpi>;
  readonly metrics: ReadonlyMap<string, Metric>;
  readonly serviceLevels: ReadonlyMap<string, ServiceLevel>;
  readonly reviews: ReadonlyMap<string, Review>;
  readonly tools: ReadonlyMap<string, Tool>;
  readonly targets: ReadonlyMap<string, Target>;
  readonly signals: ReadonlyMap<string, Signal>;
  readonly people: ReadonlyMap<string, Person>;
  readonly payBands: ReadonlyMap<string, PayBand>;
}
