// What templates receive: plain data, already in the reader's language, in declaration order.
// This shape is the contract for custom templates (`--templates DIR`); docs/templates.md lists it.

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
  kpis: Array<{ name: string; kind: string; target?: string; unit?: string; measures: string[]; sharedWith: RoleRef[]; sharedWithMore?: string }>;
  requirements?: { experience?: string; competencies: Array<{ name: string; level: number; levelName: string }>; other: string[] };
  handsOver: Array<{ what: string; to: string; toRole?: RoleRef; within: string }>;
  receives: Array<{ what: string; from: string; fromRole?: RoleRef; within: string }>;
  chairs: Array<{ name: string; cadence: string; purpose?: string }>;
  attends: Array<{ name: string; cadence: string; chair: RoleRef; purpose?: string }>;
  tools: string[];
  targets: Array<{ name: string; value: string; period?: string }>;
  people: string[];
}

export interface RaciGroup {
  area: string;
  step?: string;
  columns: RoleRef[];
  rows: Array<{ id: string; name: string; cells: string[]; problem?: string }>;
}

export interface RaciView {
  groups: RaciGroup[];
  totals: Array<{ role: RoleRef; R: number; A: number; C: number; I: number }>;
  legend: Array<{ letter: string; meaning: string }>;
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

/** Every role's view, in declaration order, each made as it is read (read them once). */
export interface RoleViews extends Iterable<RoleView> {
  readonly length: number;
}

/** Everything the documents are made from. */
export interface Views {
  org: OrgHeader;
  labels: Labels;
  roles: RoleViews;
  raci: RaciView;
  summary: SummaryView;
  index: IndexView;
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
