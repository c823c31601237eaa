// The planning fields of the language (scoped accountability, segregation tags, quota and ramp,
// backups, relations between metrics) read into the model. Kept apart from build.ts, which calls
// one method per entity as it builds it and `finish` at the end: references that may point
// forward (a person's backup, a target's `at_most`) are resolved once everything exists.
import type { Part, PathSegment } from '../load/node-index.js';
import type { DutyInput, KpiInput, OrgFileInput, PayBandInput, PersonInput, RoleInput, TargetInput } from '../schema/org.js';
import { parseQuantity } from './quantity.js';
import type { Duty, Kpi, Metric, OrgModel, PayBand, Person, Quota, Role, Source, Target } from './building.js';

/** The builder's reference resolution: the entity, or undefined after reporting an unknown id. */
export type Resolve = <T>(map: Map<string, T>, id: string, kind: string, src: Source, part: Part, a: PathSegment, b?: PathSegment, c?: PathSegment) => T | undefined;

type MetricInput = NonNullable<OrgFileInput['metrics']>[string];

export class PlanningReader {
  private later: Array<(m: OrgModel) => void> = [];

  constructor(private readonly resolve: Resolve) {}

  duty(m: OrgModel, duty: Duty, v: DutyInput, src: Source): void {
    if (v.activity) duty.activity = v.activity;
    if (v.accountable_per) {
      duty.accountablePer = [];
      v.accountable_per.forEach((id, i) => {
        const dimension = this.resolve(m.dimensions, id, 'dimension', src, 'value', 'accountable_per', i);
        if (dimension) duty.accountablePer.push(dimension);
      });
    }
    const incompatible = v.incompatible_with;
    if (incompatible) {
      this.later.push(() => {
        duty.incompatibleWith = [];
        incompatible.forEach((id, i) => {
          const other = this.resolve(m.duties, id, 'duty', src, 'value', 'incompatible_with', i);
          if (other) duty.incompatibleWith.push(other);
        });
      });
    }
  }

  role(m: OrgModel, role: Role, v: RoleInput, src: Source): void {
    this.ownRoleFields(role, v);
    if (v.backup !== undefined) role.backup = this.resolve(m.roles, v.backup, 'role', src, 'value', 'backup');
    if (v.pay_band !== undefined) {
      const band = this.resolve(m.payBands, v.pay_band, 'pay-band', src, 'value', 'pay_band');
      if (band) {
        role.payBand = band;
        band.roles.push(role);
      }
    }
  }

  /** The planning fields of a role that refer to nothing (its quota): read again by ModelBuilder.refresh. */
  ownRoleFields(role: Role, v: RoleInput): void {
    if (v.quota) role.quota = quota(v.quota);
  }

  payBand(id: string, v: PayBandInput, src: Source): PayBand {
    const min = parseQuantity(v.min);
    const max = parseQuantity(v.max);
    const mid = v.mid === undefined ? undefined : parseQuantity(v.mid);
    return {
      id,
      src,
      ...(v.name === undefined ? {} : { name: v.name }),
      min: min.value,
      // The default midpoint: halfway, as pay surveys quote a band's centre.
      mid: mid?.value ?? (min.value + max.value) / 2,
      max: max.value,
      currency: min.currency ?? '',
      written: { min: v.min, ...(v.mid === undefined ? {} : { mid: v.mid }), max: v.max },
      variable: share(v.variable, 0),
      onCosts: share(v.on_costs, 0),
      roles: [],
      ...(v.notes === undefined ? {} : { notes: v.notes }),
    };
  }

  kpi(m: OrgModel, kpi: Kpi, v: KpiInput, src: Source): void {
    if (v.measure) kpi.measure = v.measure;
    const { at_most: atMost, at_least: atLeast } = v;
    if (atMost !== undefined) this.later.push(() => (kpi.atMost = this.resolve(m.kpis, atMost, 'kpi', src, 'value', 'at_most')));
    if (atLeast !== undefined) this.later.push(() => (kpi.atLeast = this.resolve(m.kpis, atLeast, 'kpi', src, 'value', 'at_least')));
  }

  metric(metric: Metric, v: MetricInput): void {
    if (v.measure) metric.measure = v.measure;
  }

  target(m: OrgModel, target: Target, v: TargetInput, src: Source): void {
    const { at_most: atMost, at_least: atLeast } = v;
    if (atMost !== undefined) this.later.push(() => (target.atMost = this.resolve(m.targets, atMost, 'target', src, 'value', 'at_most')));
    if (atLeast !== undefined) this.later.push(() => (target.atLeast = this.resolve(m.targets, atLeast, 'target', src, 'value', 'at_least')));
  }

  person(m: OrgModel, person: Person, v: PersonInput, src: Source): void {
    const backup = v.backup;
    if (backup !== undefined) this.later.push(() => (person.backup = this.resolve(m.people, backup, 'person', src, 'value', 'backup')));
  }

  finish(m: OrgModel): void {
    for (const f of this.later) f(m);
    this.later = [];
  }
}

/** `85%` → 0.85. */
function share(written: string | undefined, fallback: number): number {
  return written === undefined ? fallback : parseQuantity(written).value / 100;
}

function quota(v: NonNullable<RoleInput['quota']>): Quota {
  const months = v.ramp?.months ?? 0;
  return {
    perSeat: parseQuantity(v.per_seat),
    attainment: share(v.attainment, 1),
    rampMonths: months,
    rampCurve: v.ramp?.curve?.map((c) => share(c, 0)) ?? [],
    ramping: v.ramp?.ramping ?? 0,
    attrition: share(v.attrition, 0),
    ...(v.notes === undefined ? {} : { notes: v.notes }),
  };
}
