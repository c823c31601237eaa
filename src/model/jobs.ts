// The job-description fields of the language (department, location, employment type, education,
// career path, authority, working relationships) read into the model, and the one place that
// fills a role's missing values from the org's defaults (`org.jobs`).
import type { EmploymentType } from '../schema/grammar.js';
import type { OrgFileInput, RoleInput } from '../schema/org.js';
import type { Writable } from './building.js';
import type { JobDefaults, Location, OrgInfo, Role, Text } from './types.js';

type JobsInput = NonNullable<NonNullable<OrgFileInput['org']>['jobs']>;
type LocationInput = NonNullable<RoleInput['location']>;

const NONE: readonly never[] = [];

export function location(v: LocationInput | undefined): Location | undefined {
  if (!v) return undefined;
  return {
    places: (v.places ?? NONE).map((p) => ({ city: p.city, country: p.country, ...(p.region === undefined ? {} : { region: p.region }), ...(p.address === undefined ? {} : { address: p.address }) })),
    // `onsite` is what no value means: the same job either way.
    ...(v.work === undefined || v.work === 'onsite' ? {} : { work: v.work }),
    remoteIn: v.remote_in ?? NONE,
  };
}

export function employmentTypes(v: EmploymentType | readonly EmploymentType[] | undefined): readonly EmploymentType[] {
  if (v === undefined) return NONE;
  return typeof v === 'string' ? [v] : v;
}

export function jobDefaults(v: JobsInput | undefined): JobDefaults | undefined {
  if (!v) return undefined;
  return {
    ...(v.department === undefined ? {} : { department: v.department }),
    ...(v.location === undefined ? {} : { location: location(v.location) }),
    employmentType: employmentTypes(v.employment_type),
    ...(v.posted === undefined ? {} : { posted: v.posted }),
    ...(v.valid_through === undefined ? {} : { validThrough: v.valid_through }),
    ...(v.website === undefined ? {} : { website: v.website }),
  };
}

/** The role's own job fields (everything but the career path, a reference the builder resolves). */
export function readJobFields(role: Writable<Role>, v: RoleInput): void {
  if (v.department !== undefined) role.department = v.department;
  if (v.location !== undefined) role.location = location(v.location);
  if (v.employment_type !== undefined) role.employmentType = employmentTypes(v.employment_type);
  if (v.authority !== undefined) role.authority = v.authority;
  if (v.relationships !== undefined) role.relationships = { internal: v.relationships.internal ?? NONE, external: v.relationships.external ?? NONE };
}

/** What a job description or posting says of a role: its own values, else the org's defaults. */
export interface JobFacts {
  department?: Text;
  location?: Location;
  employmentType: readonly EmploymentType[];
}

export function jobFacts(role: Role, org: OrgInfo): JobFacts {
  const d = org.jobs;
  return {
    department: role.department ?? d?.department,
    location: role.location ?? d?.location,
    employmentType: role.employmentType.length ? role.employmentType : (d?.employmentType ?? NONE),
  };
}
