// Sales capacity: what the quota-carrying seats of a design can deliver in a period, the sum every
// sales leader computes before signing a target. Plain functions, so that rules and renderers
// compute it one way.
//
//   capacity = (ramped seats × quota × attainment + ramping seats × quota × ramp share) × (1 − attrition ÷ 2)
//
// Open seats add nothing until hired (unless counted as hired at the start of the period and
// ramping); a ramping seat earns its curve during the ramp and a ramped seat's attainment after
// it; attrition is taken to happen evenly over the period, so half of it is lost on average.
import type { Quantity, Role } from '../model/types.js';

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
  const steps = curve.length ? curve : Array.from({ length: Math.ceil(months) }, (_, i) => (i + 0.5) / Math.ceil(months));
  const step = months / steps.length;
  let earned = 0;
  let elapsed = 0;
  for (const share of steps) {
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
