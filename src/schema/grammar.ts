// The language's fixed vocabulary and scalar grammars, free of zod so that run-time code can use
// them without loading the schema builder (src/schema/org.ts builds the JSON Schema from these).

export const FORMAT_VERSION = 1;

export const ID_PATTERN = '^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$';
export const LANG_PATTERN = '^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$';
export const DURATION_PATTERN = '^(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:min|h|d|w)$';
export const YEARS_PATTERN = '^(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?y$';
export const PERCENT_PATTERN = '^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?%$';
export const MONEY_PATTERN = '^(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:K|M|B|万|亿|萬|億)? ?[A-Z]{3}$';
export const DATE_PATTERN = '^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$';
export const COUNTRY_PATTERN = '^[A-Z]{2}$';
export const CONDITION_PATTERN = '^(?:<|<=|>|>=|=)\\s?\\S.*$';

/** Texts are bounded so that a pasted novel is a finding, not a 10 MB page. */
export const MAX_TEXT = 10_000;
export const MAX_ID = 64;

export const AREAS = ['strategy', 'execution', 'customer', 'enablement'] as const;
export const RACI_LETTERS = ['R', 'A', 'C', 'I'] as const;
export const LEVELS = ['strategic', 'tactical', 'frontline', 'operations', 'support'] as const;
export const KPI_KINDS = ['individual', 'team', 'cross-role'] as const;
export const CADENCES = ['daily', 'weekly', 'biweekly', 'monthly', 'quarterly', 'yearly'] as const;
export const TARGET_METRICS = ['revenue', 'profit', 'gross-margin', 'market-share', 'collections', 'new-customers', 'deals'] as const;
export const SIGNAL_CHANGES = ['add', 'split', 'merge', 'retire'] as const;
export const TOOL_KINDS = ['crm', 'bi', 'communication', 'document', 'other'] as const;
/**
 * Sales activities that segregation of duties is about: a duty tagged with one of them can be
 * checked against the pairs that must not meet in one role (the `segregation-of-duties` rule).
 */
export const ACTIVITIES = [
  'sell', 'approve-discount', 'approve-quote', 'approve-credit', 'collect', 'calculate-commission', 'earn-commission',
  'create-customer-record', 'approve-credit-limit',
] as const;
/** Terms of employment, as schema.org's `employmentType` has them (`full-time` → `FULL_TIME`). */
export const EMPLOYMENT_TYPES = ['full-time', 'part-time', 'contract', 'temporary', 'intern', 'volunteer', 'per-diem', 'other'] as const;
/** Where the work is done: at the places, partly from home, or fully from home (schema.org `TELECOMMUTE`). */
export const WORKPLACES = ['onsite', 'hybrid', 'remote'] as const;
/** Degrees, lowest first. */
export const EDUCATION_LEVELS = ['high-school', 'vocational', 'associate', 'bachelor', 'master', 'doctorate'] as const;
/** What kind of quantity a KPI or metric is measured in: units are checked against it. */
export const MEASURES = ['amount', 'share', 'count', 'duration'] as const;

/** The party on the far side of a hand-off to or from the customer. */
export const CUSTOMER = 'customer';

/** Keys of an org file that hold maps of entities by id, in the order the language reference lists them. */
export const SECTIONS = [
  'dimensions',
  'families',
  'competencies',
  'process',
  'duties',
  'roles',
  'kpis',
  'metrics',
  'service_levels',
  'reviews',
  'tools',
  'targets',
  'signals',
  'people',
  'pay_bands',
] as const;

export type Area = (typeof AREAS)[number];
export type RaciLetter = (typeof RACI_LETTERS)[number];
export type RoleLevel = (typeof LEVELS)[number];
export type Activity = (typeof ACTIVITIES)[number];
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];
export type Workplace = (typeof WORKPLACES)[number];
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export type Measure = (typeof MEASURES)[number];
export type SectionName = (typeof SECTIONS)[number];
