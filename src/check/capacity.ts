// Sales capacity: what the quota-carrying seats of a design can deliver in a period, the sum every
// sales leader computes before signing a target. Plain functions, so that rules and renderers
// compute it one way.
//
//   capacity = (ramped seats × quota × attainment + ramping seats × quota × ramp share) × (1 − attrition ÷ 2)
//
// Open seats add nothing until hired (unless counted as hired at the start of the period and
// ramping); a ramping seat earns its curve during the ramp and a ramped seat's attainment after
// it; attrition is taken to happen evenly over the period, so half of it is lost on average.
import { sameList } from '../core/same-data.js';
import { linesRevision } from '../model/hierarchy.js';
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
  const { rows, placed, scoped } = placement(model, roles.map((c) => c.role), options.metrics);
  // One pass a target, the sums added up in the order of its seats as before. The company's
  // target counts every seat: at 10k, lists and closures per sum were most of the rule's time.
  const targets = rows.map(({ target, inScope }): TargetCapacity => {
    const carriers: RoleCapacity[] = [];
    const otherCurrency: RoleCapacity[] = [];
    let capacity = 0;
    let quota = 0;
    let seats = 0;
    let open = 0;
    let ramping = 0;
    for (const i of inScope) {
      const c = roles[i];
      if (c.currency !== target.value.currency) {
        otherCurrency.push(c);
        continue;
      }
      carriers.push(c);
      capacity += c.capacity;
      quota += c.quota;
      seats += c.seats;
      open += c.open;
      ramping += c.ramping;
    }
    return { target, carriers, otherCurrency, capacity, quota, seats, open, ramping };
  });
  return { targets, roles, placed, scoped };
}

interface Placement {
  /** The targets counted, each with the carriers inside its scope, by their index among the carriers (in the order of the roles). */
  rows: Array<{ target: Target; inScope: number[] }>;
  placed: ReadonlySet<Role>;
  scoped: Target[];
}

/**
 * The last placement of each model, with what it was made from: the language server checks the
 * same model again after an edit it patched in (model/incremental.ts), and a headcount or a quota
 * moves no carrier in or out of a scope. Kept while the carriers, the metrics and the reporting
 * lines (through which carriers work where their managers do: model/scope.ts) are as they were.
 */
const lastPlacement = new WeakMap<OrgModel, { inputs: unknown[]; placement: Placement }>();

/** Which carriers each target counts: the seats inside its scope. */
function placement(model: OrgModel, carriers: readonly Role[], metrics: readonly string[]): Placement {
  const inputs: unknown[] = [linesRevision(), metrics.join('\0'), ...carriers];
  const last = lastPlacement.get(model);
  if (last && sameList(last.inputs, inputs)) return last.placement;
  const all = [...model.targets.values()].filter((t) => metrics.includes(t.metric) && t.value.kind === 'money');
  // Carriers by the values they work at, on each dimension they (or their managers) restrict:
  // a scoped target looks only at the carriers of one of its values, not at every seat.
  // Carriers stand as their index from here: a map from carriers to their capacity, asked for
  // every seat of every target, cost more than the rest of the placement.
  const byValue = new Map<DimensionValue, number[]>();
  for (let i = 0; i < carriers.length; i++) {
    for (const dimension of model.dimensions.values()) {
      const values = effectiveValues(carriers[i], dimension);
      if (!values) continue;
      for (const v of values) {
        const list = byValue.get(v);
        if (list) list.push(i);
        else byValue.set(v, [i]);
      }
    }
  }
  let everyone: number[] | undefined;
  const candidates = (target: Target): readonly number[] => {
    const first = target.scope.entries().next().value;
    if (!first) return (everyone ??= carriers.map((_, i) => i));
    const [, values] = first;
    // One value, the common case: its list holds each carrier once already.
    if (values.size === 1) {
      const [v] = values;
      return byValue.get(v) ?? [];
    }
    return [...new Set([...values].flatMap((v) => byValue.get(v) ?? []))];
  };
  const placed = new Set<Role>();
  const rows: Placement['rows'] = [];
  for (const target of all) {
    if (target.scope.size === 0 && target.parent) continue;
    const inScope = candidates(target).filter((i) => withinScope(carriers[i], target));
    if (target.scope.size > 0) for (const i of inScope) placed.add(carriers[i]);
    if (inScope.length === 0 && carriers.some((r) => overlapsScope(r, target))) continue;
    rows.push({ target, inScope });
  }
  const result = { rows, placed, scoped: all.filter((t) => t.scope.size > 0) };
  lastPlacement.set(model, { inputs, placement: result });
  return result;
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
