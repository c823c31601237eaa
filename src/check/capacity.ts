// Sales capacity: what the quota-carrying seats of a design can deliver in a period, the sum every
// sales leader computes before signing a target. Plain functions, so that rules and renderers
// compute it one way.
//
//   capacity = (ramped seats × quota × attainment + ramping seats × quota × ramp share) × (1 − attrition ÷ 2)
//
// Open seats add nothing until hired (unless counted as hired at the start of the period and
// ramping); a ramping seat earns its curve during the ramp and a ramped seat's attainment after
// it; attrition is taken to happen evenly over the period, so half of it is lost on average.
import { effectiveValues, overlapsScope, withinScope } from '../model/scope.js';
import type { DimensionValue, OrgModel, Quantity, Role, Target } from '../model/types.js';

export interface RoleCapacity {
  role: Role;
  seats: number;
  open: number;
  ramping: number;
  /** Σ quotas assigned to the role's seats, open ones included. */
  quota: number;
  capacity: number;
  currency?: string;
}

export interface CapacityOptions {
  /** Months in the period the quotas are for. */
  periodMonths: number;
  /** Count open seats as hired at the start of the period and ramping. */
  countOpenSeats: boolean;
}

export const DEFAULT_CAPACITY_OPTIONS: CapacityOptions & { metrics: readonly string[] } = { periodMonths: 12, countOpenSeats: false, metrics: ['revenue'] };

/** Capacity against one target: the seats counted toward it and what they add up to. */
export interface TargetCapacity {
  target: Target;
  /** Quota carriers inside the target's scope, in the target's currency. */
  carriers: RoleCapacity[];
  /** Quota carriers inside the scope whose quota is in another currency: not counted. */
  otherCurrency: RoleCapacity[];
  capacity: number;
  quota: number;
  seats: number;
  open: number;
  ramping: number;
}

export interface DesignCapacity {
  /** Targets the carriers can be counted against, in declaration order. */
  targets: TargetCapacity[];
  /** Every quota-carrying role. */
  roles: RoleCapacity[];
  /** Carriers inside the scope of some scoped target. */
  placed: ReadonlySet<Role>;
  /** Whether some target of the metrics is scoped (then carriers outside every scope are planned nowhere). */
  scoped: Target[];
}

/**
 * Capacity against every revenue target (every target of `metrics` written in money): the one
 * computation the quota-capacity rule, the summary, the workbook, the JSON and the diff share.
 * Undefined when no role carries a quota (planning is opt-in). A scoped target counts the seats
 * inside its scope; an unscoped one counts all seats, unless it sits below another (a split by
 * period or by something nobody is placed on). A target whose seats also sell outside it (reps
 * selling both product lines under a product split) cannot be apportioned and is left out.
 */
export function designCapacity(model: OrgModel, options: CapacityOptions & { metrics: readonly string[] } = DEFAULT_CAPACITY_OPTIONS): DesignCapacity | undefined {
  const roles: RoleCapacity[] = [];
  for (const role of model.roles.values()) {
    const c = roleCapacity(role, options);
    if (c) roles.push(c);
  }
  if (roles.length === 0) return undefined;
  const all = [...model.targets.values()].filter((t) => options.metrics.includes(t.metric) && t.value.kind === 'money');
  // Carriers by the values they work at, on each dimension they (or their managers) restrict:
  // a scoped target looks only at the carriers of one of its values, not at every seat.
  const byValue = new Map<DimensionValue, RoleCapacity[]>();
  for (const c of roles) {
    for (const dimension of model.dimensions.values()) {
      const values = effectiveValues(c.role, dimension);
      if (!values) continue;
      for (const v of values) {
        const list = byValue.get(v);
        if (list) list.push(c);
        else byValue.set(v, [c]);
      }
    }
  }
  const candidates = (target: Target): RoleCapacity[] => {
    const first = target.scope.entries().next().value;
    if (!first) return roles;
    const [, values] = first;
    // One value, the common case: its list holds each carrier once already.
    if (values.size === 1) {
      const [v] = values;
      return byValue.get(v) ?? [];
    }
    return [...new Set([...values].flatMap((v) => byValue.get(v) ?? []))];
  };
  const placed = new Set<Role>();
  const targets: TargetCapacity[] = [];
  for (const target of all) {
    if (target.scope.size === 0 && target.parent) continue;
    const inScope = candidates(target).filter((c) => withinScope(c.role, target));
    if (target.scope.size > 0) for (const c of inScope) placed.add(c.role);
    if (inScope.length === 0 && roles.some((c) => overlapsScope(c.role, target))) continue;
    const carriers = inScope.filter((c) => c.currency === target.value.currency);
    targets.push({
      target,
      carriers,
      otherCurrency: inScope.filter((c) => c.currency !== target.value.currency),
      capacity: sum(carriers, (c) => c.capacity),
      quota: sum(carriers, (c) => c.quota),
      seats: sum(carriers, (c) => c.seats),
      open: sum(carriers, (c) => c.open),
      ramping: sum(carriers, (c) => c.ramping),
    });
  }
  return { targets, roles, placed, scoped: all.filter((t) => t.scope.size > 0) };
}

function sum<T>(list: readonly T[], f: (t: T) => number): number {
  return list.reduce((n, t) => n + f(t), 0);
}

export function roleCapacity(role: Role, options: CapacityOptions): RoleCapacity | undefined {
  const q = role.quota;
  if (!q) return undefined;
  const perSeat = q.perSeat.value;
  const filled = Math.max(0, role.headcount - role.vacancies);
  const hiredRamping = Math.min(q.ramping, filled);
  const ramping = hiredRamping + (options.countOpenSeats ? role.headcount - filled : 0);
  const ramped = filled - hiredRamping;
  const share = rampShare(q.rampMonths, q.rampCurve, q.attainment, options.periodMonths);
  const capacity = (ramped * perSeat * q.attainment + ramping * perSeat * share) * (1 - q.attrition / 2);
  return { role, seats: role.headcount, open: role.headcount - filled, ramping, quota: role.headcount * perSeat, capacity, currency: q.perSeat.currency };
}

/**
 * The share of a full quota a seat starting its ramp at the start of the period delivers over it:
 * the curve's steps (spread evenly over the ramp months; a straight line from 0 to 100 % without a
 * curve), then the ramped attainment for the rest of the period.
 */
export function rampShare(months: number, curve: readonly number[], attainment: number, period: number): number {
  if (period <= 0) return 0;
  if (months <= 0) return attainment;
  // Without a curve, the straight line's steps are computed in place: no array per role.
  const count = curve.length || Math.ceil(months);
  const step = months / count;
  let earned = 0;
  let elapsed = 0;
  for (let i = 0; i < count; i++) {
    const share = curve.length ? curve[i] : (i + 0.5) / count;
    const length = Math.min(step, period - elapsed);
    if (length <= 0) break;
    earned += share * length;
    elapsed += length;
  }
  earned += Math.max(0, period - elapsed) * attainment;
  return earned / period;
}

export { overlapsScope, withinScope } from '../model/scope.js';

/** An amount in the notation of a quantity written by the user (120M CNY, 1.2亿 CNY). */
export function writeMoney(n: number, like: Quantity): string {
  const currency = like.currency ?? '';
  for (const [suffix, scale] of [['亿', 1e8], ['万', 1e4], ['B', 1e9], ['M', 1e6], ['K', 1e3]] as const) {
    if (like.text.includes(suffix)) return `${round(n / scale)}${suffix} ${currency}`.trim();
  }
  if (Math.abs(n) >= 1e6) return `${round(n / 1e6)}M ${currency}`.trim();
  return `${round(n)} ${currency}`.trim();
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
