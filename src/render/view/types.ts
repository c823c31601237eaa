// What templates receive: plain data, already in the reader's language, in declaration order.
// This shape is the contract for custom templates (`--templates DIR`); docs/templates.md lists it.
import type { Role } from '../../model/types.js';

export interface RoleRef {
  id: string;
  title: string;
  /** The role page's file name, without directory or extension. */
  file: string;
}

export interface Labels {
  [key: string]: string;
}

export interface DutyLine {
  id: string;
  name: string;
  description?: string;
  /** `A, R` */
  raci: string;
  /** `Accountable, Responsible` in the page's language. */
  raciLong: string;
  step?: string;
}

/** The job description proper (src/render/view/job.ts): header fields, numbered duties, recruiting sentences. */
export interface JobView {
  department?: string;
  /** `Shanghai, Beijing (hybrid)` / `上海、北京（混合办公）` / `Remote (China)`. */
  location?: string;
  /** Full addresses of the offices that have one written (or a province/state). */
  addresses: string[];
  employmentType?: string;
  /** The lowest degree (`Bachelor's degree or higher` / `本科及以上`). */
  education?: string;
  /** Yearly base pay from the role's pay band: `CNY 300K–450K` / `30万–45万元`. */
  payRange?: string;
  /** Duties the role does, owns or is consulted on, numbered through the page; `note` is the side note (RACI in words, the step). */
  responsibilities: Array<{ area: string; duties: Array<{ n: number; sentence: string; raci: string; raciLong: string; step?: string; note: string }> }>;
  /** Duties the role is only kept informed of. */
  informedOf: Array<{ name: string; step?: string }>;
  /** Requirements as sentences: education, experience, competencies by mastery, the rest as written. */
  qualifications: string[];
  careerPath: RoleRef[];
  authority: string[];
  relationships: { internal: RoleRef[]; internalMore?: string; internalText: string[]; external: string[] };
}

export interface RoleView {
  id: string;
  file: string;
  /** The org chart page that shows this role with its team (file name without extension). */
  chart?: string;
  title: string;
  purpose?: string;
  level: string;
  family?: string;
  cutBy: string[];
  reportsTo?: RoleRef;
  dottedLineTo: RoleRef[];
  directReports: Array<RoleRef & { headcount: number }>;
  dottedReports: RoleRef[];
  headcount: number;
  vacancies: number;
  filled: number;
  scope: Array<{ dimension: string; values: string[] }>;
  dutyGroups: Array<{ area: string; duties: DutyLine[] }>;
  /** `sharedWith` names the first few other owners; `sharedWithMore` says how many more ("and 3 more"). */
  /** `anchor` is the KPI's (or review's) place on its page: `kpis.md#<anchor>`. */
  kpis: Array<{ anchor: string; name: string; kind: string; target?: string; unit?: string; measures: string[]; sharedWith: RoleRef[]; sharedWithMore?: string }>;
  requirements?: { experience?: string; competencies: Array<{ name: string; level: number; levelName: string }>; other: string[] };
  handsOver: Array<{ what: string; to: string; toRole?: RoleRef; within: string }>;
  receives: Array<{ what: string; from: string; fromRole?: RoleRef; within: string }>;
  chairs: Array<{ anchor: string; name: string; cadence: string; purpose?: string }>;
  attends: Array<{ anchor: string; name: string; cadence: string; chair: RoleRef; purpose?: string }>;
  tools: string[];
  targets: Array<{ anchor: string; name: string; value: string; period?: string }>;
  people: string[];
  job: JobView;
}

export interface RaciGroup {
  area: string;
  step?: string;
  columns: RoleRef[];
  rows: Array<{ id: string; name: string; cells: string[]; problem?: string }>;
}

/**
 * The RACI as one matrix: every role with a duty a column, in org order; duties as rows under a
 * heading per area and process step; each row's count of roles per letter; `counts` the A / R
 * count of each column.
 */
export interface RaciMatrix {
  columns: RoleRef[];
  /** Columns of the table (the duty's and the roles'): a heading row's colspan. */
  span: number;
  sections: Array<{ area: string; step?: string; rows: Array<{ id: string; name: string; cells: string[]; problem?: string; R: number; A: number; C: number; I: number }> }>;
  counts: string[];
}

export interface RaciView {
  /** Tables of at most MAX_RACI_COLUMNS roles by area and step (the shape a large org gets). */
  groups: RaciGroup[];
  /** Every role with a duty, in org order. */
  totals: Array<{ role: RoleRef; R: number; A: number; C: number; I: number }>;
  legend: Array<{ letter: string; meaning: string }>;
  /** The one matrix, while the RACI involves at most MAX_MATRIX_ROLES roles. */
  matrix?: RaciMatrix;
  /** Why a larger org's page shows `groups` instead. */
  splitNote?: string;
}

export interface CountRow {
  name: string;
  roles: number;
  headcount: number;
  vacancies: number;
}

export interface FindingRow {
  severity: string;
  severityKey: 'error' | 'warning' | 'info';
  where: string;
  message: string;
  rule: string;
}

export interface SummaryView {
  roles: number;
  headcount: number;
  vacancies: number;
  byFamily: CountRow[];
  byLevel: CountRow[];
  byRegion: CountRow[];
  regionDimension?: string;
  top?: RoleRef;
  layers: number;
  spans: Array<{ manager: RoleRef; span: number }>;
  areas: Array<{ area: string; duties: number; covered: boolean }>;
  /** `roles` names the first few; `more` counts the rest, `moreText` says so ("and 3 more"). */
  steps: Array<{ stage: string; step: string; roles: RoleRef[]; more: number; moreText?: string; covered: boolean }>;
  dimensions: Array<{ dimension: string; values: Array<{ name: string; roles: number; covered: boolean }> }>;
  findings: FindingRow[];
  plan: PlanView;
}

export interface IndexView {
  groups: Array<{ name: string; roles: Array<RoleRef & { level: string; headcount: number; vacancies: number }> }>;
}

export interface OrgHeader {
  id: string;
  name: string;
  description?: string;
  lang: string;
}

/** A role's own fields, as its view has them, without the lists its pages show: a table's row. */
export type RoleRow = Pick<RoleView, 'id' | 'title' | 'purpose' | 'level' | 'family' | 'reportsTo' | 'headcount' | 'vacancies' | 'scope'>;

/** Every role's view, in declaration order, each made as it is read (read them once). */
export interface RoleViews extends Iterable<RoleView> {
  readonly length: number;
  /**
   * The roles' rows in the same order: for a table of roles, which needs none of the duties, KPIs
   * and job description that are most of a view's cost (half a second at 10k roles).
   */
  rows(): Iterable<RoleRow>;
  /** The model's roles, in the order of the views. */
  roles(): Iterable<Role>;
  /** The id of the org chart page a role's view links to (its `chart`). */
  chart(role: Role): string | undefined;
  /** One role's view; the ids of the roles it links to (`RoleRef`s) are added to `links`. */
  view(role: Role, links?: Set<string>): RoleView;
}

/** Everything the documents are made from. */
export interface Views {
  org: OrgHeader;
  labels: Labels;
  roles: RoleViews;
  raci: RaciView;
  /** The reference pages: targets, KPIs, service levels, reviews, signals. */
  pages: PagesView;
  summary: SummaryView;
  index: IndexView;
}

/** Roles named in one cell: the first few, and "and N more" when there are more. */
export interface RoleList {
  roles: RoleRef[];
  more?: string;
}

/** A target in the tree, in pre-order: `depth` 0 for a root; `indent` is non-breaking spaces for it. */
export interface TargetNode {
  id: string;
  anchor: string;
  depth: number;
  /** `depth` up to the deepest indent the pages draw (8). */
  level: number;
  indent: string;
  name: string;
  metric: string;
  value: string;
  period?: string;
  scope: string;
  owner?: RoleRef;
  parent?: { id: string; anchor: string };
  /** How many parts the target is split into. */
  parts: number;
  /** Whether the parts add up to the target (absent when it has none, or they do not add: shares). */
  sumsUp?: boolean;
  /** `add up`, or `add up to 110M CNY` when they do not. */
  check?: string;
}

export interface KpiEntry {
  id: string;
  anchor: string;
  name: string;
  description?: string;
  kind: string;
  unit?: string;
  target?: string;
  better: string;
  measures: Array<{ name: string; step?: string }>;
  owners: RoleList;
  /** `≤ other KPI`, `≥ other KPI`. */
  bounds: string[];
}

export interface ServiceLevelEntry {
  id: string;
  anchor: string;
  /** 0 for a hand-off, 1 for a part of a longer one (`complaint routing` within `complaint resolution`). */
  depth: number;
  level: number;
  what: string;
  from: { name: string; role?: RoleRef };
  to: { name: string; role?: RoleRef };
  within: string;
  step?: string;
  partOf?: string;
  /** The chain of a hand-off with parts, shortest first: `1h → 24h → 48h`. */
  chain?: string;
}

export interface ReviewEntry {
  id: string;
  anchor: string;
  name: string;
  cadence: string;
  chair: RoleRef;
  attendees: RoleList;
  purpose?: string;
}

export interface SignalEntry {
  id: string;
  anchor: string;
  name: string;
  /** The metric or KPI watched; `kpiAnchor` links to it in the KPI dictionary. */
  watch: { name: string; kpiAnchor?: string };
  when: string;
  change: string;
  role: { name: string; role?: RoleRef };
  roles: Array<{ name: string; role?: RoleRef }>;
  rationale?: string;
}

export interface PersonEntry {
  id: string;
  name: string;
  role: RoleRef;
  /** Years. */
  experience?: number;
  scope: string;
  backup?: string;
}

/** The reference pages; a page is written only when its list has entries. */
export interface PagesView {
  /** For the spreadsheet (job descriptions list a role's people); made as it is read. */
  people: Iterable<PersonEntry> & { readonly length: number };
  /** Process steps in process order with their stage (for the spreadsheet). */
  process: Array<{ stage: string; step: string; description?: string; duties: string[] }>;
  competencies: Array<{ name: string; description?: string; levels: string[] }>;
  tools: Array<{ name: string; kind?: string; description?: string; users: RoleList }>;
  targets: TargetNode[];
  kpis: KpiEntry[];
  serviceLevels: ServiceLevelEntry[];
  reviews: ReviewEntry[];
  signals: SignalEntry[];
}

/** Capacity against targets, the cost of the design and the manager ratio (docs/templates.md). */
export interface PlanView {
  managerSeats: number;
  icSeats: number;
  /** Individual-contributor seats per manager seat, e.g. `6.5`; absent without managers. */
  icsPerManager?: string;
  /** One row per revenue target the quota carriers count toward; absent when no role carries a quota. */
  capacity?: Array<{ id: string; target: string; value: string; capacity: string; quota: string; coverage: string; seats: number; open: number; ramping: number; short: boolean }>;
  /** Absent when the design names no pay band. */
  cost?: {
    currency: string;
    total: string;
    open: string;
    seats: number;
    byRole: Array<{ role: RoleRef; band: string; seats: number; open: number; perSeat: string; total: string }>;
    byLevel: Array<{ name: string; seats: number; total: string; share: string }>;
    byScope: Array<{ dimension: string; values: Array<{ name: string; seats: string; total: string }> }>;
    costOfSale: Array<{ id: string; target: string; revenue: string; cost: string; ratio: string }>;
    /** Roles left out of the total and why, e.g. `Ops (no pay band)`. */
    notCounted: string[];
  };
}
