// The cost of a design: what its seats cost a year at their pay bands, by role, level and scope,
// and against the revenue they are to bring in (cost of sale). One pure function, so that the
// summary, the workbook, the JSON and the diff say the same number.
//
//   loaded cost of a seat = band mid × (1 + variable) × (1 + on-costs)
//   loaded cost of a role = headcount × loaded cost of a seat
//
// The mid stands for the pay of the seat's holder: a design knows bands, not people (actual pay
// stays out of the repository). Open seats are counted at full cost — the design is budgeted as
// if every planned seat were filled — and their share is given apart (`open`). Roles without a
// pay band, and roles whose band is in another currency than the design's, are not added in:
// they are listed, so a reader sees what the total leaves out.
import { LEVELS, type RoleLevel } from '../schema/grammar.js';
import { effectiveValues, overlapsScope, withinScope } from './scope.js';
import type { Dimension, DimensionValue, OrgModel, PayBand, Role, Target } from './types.js';

export interface RoleCost {
  role: Role;
  band: PayBand;
  seats: number;
  open: number;
  /** Loaded cost of one seat. */
  perSeat: number;
  /** Loaded cost of all the role's seats, open ones included. */
  total: number;
}

export interface ScopeCost {
  value: DimensionValue;
  /** Loaded cost of the seats working at the value; a seat working at several values is shared evenly among them. */
  total: number;
  seats: number;
}

export interface DimensionCost {
  dimension: Dimension;
  values: ScopeCost[];
  /** Seats the dimension does not restrict (they work across all of it: managers above the split, shared functions). */
  shared: { total: number; seats: number };
}

export interface CostOfSale {
  target: Target;
  revenue: number;
  /** Loaded cost of the seats working within the target's scope (all seats for an unscoped target). */
  cost: number;
  /** cost ÷ revenue. */
  ratio: number;
}

export interface DesignCost {
  /** The currency of the design: that of the bands covering most seats. Undefined when no role has a band. */
  currency?: string;
  total: number;
  /** The part of `total` that is open seats. */
  open: number;
  seats: number;
  roles: RoleCost[];
  levels: Array<{ level: RoleLevel; total: number; seats: number }>;
  dimensions: DimensionCost[];
  costOfSale: CostOfSale[];
  /** Roles with seats but no pay band: not in the total. */
  unbanded: Role[];
  /** Roles whose band is in another currency: not in the total. */
  otherCurrency: RoleCost[];
}

export interface CostOptions {
  /** Target metrics that count as revenue for the cost of sale. */
  revenueMetrics: readonly string[];
}

export const DEFAULT_COST_OPTIONS: CostOptions = { revenueMetrics: ['revenue'] };

/** The loaded cost of one seat of a band: mid × (1 + variable) × (1 + on-costs). */
export function loadedCostPerSeat(band: PayBand): number {
  return band.mid * (1 + band.variable) * (1 + band.onCosts);
}

/** The cost of the design (see the top of this file). Undefined when the design names no pay band. */
export function designCost(model: OrgModel, options: CostOptions = DEFAULT_COST_OPTIONS): DesignCost | undefined {
  if (model.payBands.size === 0) return undefined;
  const all: RoleCost[] = [];
  const unbanded: Role[] = [];
  const seatsByCurrency = new Map<string, number>();
  for (const role of model.roles.values()) {
    if (role.headcount <= 0) continue;
    const band = role.payBand;
    if (!band) {
      unbanded.push(role);
      continue;
    }
    const perSeat = loadedCostPerSeat(band);
    all.push({ role, band, seats: role.headcount, open: Math.min(role.vacancies, role.headcount), perSeat, total: perSeat * role.headcount });
    seatsByCurrency.set(band.currency, (seatsByCurrency.get(band.currency) ?? 0) + role.headcount);
  }
  // Most seats wins; a tie goes to the currency met first (declaration order), the same on every run.
  let currency: string | undefined;
  for (const [c, n] of seatsByCurrency) if (currency === undefined || n > seatsByCurrency.get(currency)!) currency = c;
  const roles = all.filter((c) => c.band.currency === currency);
  const otherCurrency = all.filter((c) => c.band.currency !== currency);

  const levels = new Map<RoleLevel, { level: RoleLevel; total: number; seats: number }>();
  for (const c of roles) {
    const l = levels.get(c.role.level) ?? { level: c.role.level, total: 0, seats: 0 };
    l.total += c.total;
    l.seats += c.seats;
    levels.set(c.role.level, l);
  }

  const dimensions: DimensionCost[] = [];
  for (const dimension of model.dimensions.values()) {
    const byValue = new Map<DimensionValue, ScopeCost>([...dimension.values.values()].map((value) => [value, { value, total: 0, seats: 0 }]));
    const shared = { total: 0, seats: 0 };
    for (const c of roles) {
      const values = effectiveValues(c.role, dimension);
      if (!values || values.size === 0) {
        shared.total += c.total;
        shared.seats += c.seats;
        continue;
      }
      for (const v of values) {
        const s = byValue.get(v)!;
        s.total += c.total / values.size;
        s.seats += c.seats / values.size;
      }
    }
    // A dimension nobody is placed on says nothing about cost.
    if (shared.seats === sum(roles, (c) => c.seats)) continue;
    dimensions.push({ dimension, values: [...byValue.values()], shared });
  }

  const costOfSale: CostOfSale[] = [];
  const carriers = [...model.roles.values()].filter((r) => r.quota !== undefined);
  for (const target of model.targets.values()) {
    if (!options.revenueMetrics.includes(target.metric) || target.value.kind !== 'money' || target.value.currency !== currency || target.value.value <= 0) continue;
    // An unscoped target below another is a split by something other than scope (a period, a
    // product line nobody is placed on): its seats cannot be told apart, as in quota-capacity.
    if (target.scope.size === 0 && target.parent) continue;
    // Nor a target whose sellers also sell outside it (reps selling both product lines under a
    // product split): the seats inside it are a part of the cost of its revenue, not the cost.
    if (target.scope.size > 0 && !carriers.some((r) => withinScope(r, target)) && carriers.some((r) => overlapsScope(r, target))) continue;
    const cost = sum(
      roles.filter((c) => withinScope(c.role, target)),
      (c) => c.total,
    );
    costOfSale.push({ target, revenue: target.value.value, cost, ratio: cost / target.value.value });
  }

  return {
    currency,
    total: sum(roles, (c) => c.total),
    open: sum(roles, (c) => c.open * c.perSeat),
    seats: sum(roles, (c) => c.seats),
    roles,
    levels: [...levels.values()].sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level)),
    dimensions,
    costOfSale,
    unbanded,
    otherCurrency,
  };
}

function sum<T>(list: readonly T[], f: (t: T) => number): number {
  return list.reduce((n, t) => n + f(t), 0);
}
