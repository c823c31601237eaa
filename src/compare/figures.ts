// The figures a sales leader decides between designs on, computed from one resolved design: seats,
// spans and layers, the manager-to-IC ratio, RACI load, quota capacity against the company target,
// and what the checks found. Pure functions of the model and its diagnostics; `compare` puts the
// designs side by side.
import { DEFAULT_CAPACITY_OPTIONS, designCapacity, roleCapacity, type CapacityOptions } from '../check/capacity.js';
import type { Config } from '../core/config.js';
import { designCost } from '../model/cost.js';
import { layers } from '../model/queries.js';
import type { OrgModel, Role, Text } from '../model/types.js';
import type { Diagnostic } from '../report/diagnostic.js';

/** Spans of control by band, as org-design analytics report them (Orgvue, Visier). */
export const SPAN_BANDS = [
  { id: '1-2', max: 2 },
  { id: '3-5', max: 5 },
  { id: '6-9', max: 9 },
  { id: '10-15', max: 15 },
  { id: '16+', max: Infinity },
] as const;

export interface Stats {
  min: number;
  median: number;
  max: number;
}

export interface QuotaFigures {
  currency?: string;
  /** What the quota-carrying seats can deliver in the period (src/check/capacity.ts). */
  capacity: number;
  /** Σ quotas handed out, open seats included. */
  quota: number;
  /** The company's revenue target: the top revenue target (no parent), when there is one in that currency. */
  target?: number;
  /** Capacity against each revenue target the seats count toward (region, product, channel…), as quota-capacity counts it. */
  targets: Array<{ id: string; name?: Text; value: number; currency?: string; capacity: number }>;
}

export interface CostFigures {
  currency?: string;
  /** Loaded cost a year of every seat with a pay band, open seats included (src/model/cost.ts). */
  total: number;
  /** The part of it that is open seats. */
  open: number;
  /** Loaded cost ÷ the company's revenue target, when the design has both. */
  costOfSale?: number;
  /** Seats of roles without a pay band (or with one in another currency): not in the total. */
  unbandedSeats: number;
}

export interface Figures {
  roles: number;
  seats: number;
  open: number;
  /** Seats of roles others report to on a solid line, and the rest. */
  managerSeats: number;
  icSeats: number;
  /** Direct reports per manager seat, over manager roles (headcount of reports ÷ own headcount). */
  span?: Stats;
  spanBands: Record<(typeof SPAN_BANDS)[number]['id'], number>;
  layers: number;
  /** Duties a role is Accountable for, and Responsible for, over all roles. */
  accountable?: Stats;
  responsible?: Stats;
  quota?: QuotaFigures;
  cost?: CostFigures;
  /** Findings of the coverage and orphan-duty checks: process steps, regions, tiers, products or duties nobody covers. */
  coverageGaps: number;
  findings: { error: number; warning: number; info: number };
}

const COVERAGE_RULES = new Set(['coverage', 'orphan-duty']);

export function designFigures(model: OrgModel, diagnostics: readonly Diagnostic[], config?: Config): Figures {
  const roles = [...model.roles.values()];
  const seats = sum(roles, (r) => r.headcount);
  const managers = roles.filter((r) => r.reports.length > 0);
  const managerSeats = sum(managers, (r) => r.headcount);
  const spans = managers.filter((r) => r.headcount > 0).map((r) => sum(r.reports, (x) => x.headcount) / r.headcount);
  const spanBands = Object.fromEntries(SPAN_BANDS.map((b) => [b.id, 0])) as Figures['spanBands'];
  for (const span of spans) spanBands[SPAN_BANDS.find((b) => span <= b.max)!.id]++;
  let depth = 0;
  for (const layer of layers(model.roles.values()).values()) if (layer > depth) depth = layer;
  const findings = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) findings[d.severity] += d.count ?? 1;
  return {
    roles: roles.length,
    seats,
    open: sum(roles, (r) => r.vacancies),
    managerSeats,
    icSeats: seats - managerSeats,
    span: stats(spans),
    spanBands,
    layers: depth,
    accountable: stats(roles.map((r) => count(r, 'A'))),
    responsible: stats(roles.map((r) => count(r, 'R'))),
    quota: quotaFigures(model, capacityOptions(config)),
    cost: costFigures(model),
    coverageGaps: diagnostics.filter((d) => COVERAGE_RULES.has(d.ruleId)).reduce((n, d) => n + (d.count ?? 1), 0),
    findings,
  };
}

/** The quota-capacity rule's period and open-seat setting, so both count capacity alike. */
function capacityOptions(config: Config | undefined): CapacityOptions {
  const options = config?.rules.get('quota-capacity')?.options ?? {};
  return {
    periodMonths: typeof options.periodMonths === 'number' ? options.periodMonths : 12,
    countOpenSeats: options.countOpenSeats === true,
  };
}

function quotaFigures(model: OrgModel, options: CapacityOptions): QuotaFigures | undefined {
  const top = topTarget(model);
  const currency = top?.value.currency;
  let capacity = 0;
  let quota = 0;
  let carriers = 0;
  for (const role of model.roles.values()) {
    const c = roleCapacity(role, options);
    // Seats paid in another currency than the target's cannot be added to it.
    if (!c || (currency !== undefined && c.currency !== currency)) continue;
    capacity += c.capacity;
    quota += c.quota;
    carriers++;
  }
  if (carriers === 0) return undefined;
  const targets = (designCapacity(model, { ...DEFAULT_CAPACITY_OPTIONS, ...options })?.targets ?? []).map((t) => ({
    id: t.target.id,
    ...(t.target.name !== undefined ? { name: t.target.name } : {}),
    value: t.target.value.value,
    ...(t.target.value.currency ? { currency: t.target.value.currency } : {}),
    capacity: t.capacity,
  }));
  return { currency: currency ?? [...model.roles.values()].find((r) => r.quota)?.quota?.perSeat.currency, capacity, quota, ...(top ? { target: top.value.value } : {}), targets };
}

function costFigures(model: OrgModel): CostFigures | undefined {
  const cost = designCost(model);
  if (!cost) return undefined;
  const top = topTarget(model);
  const costOfSale = top && top.value.currency === cost.currency && top.value.value > 0 ? cost.total / top.value.value : undefined;
  const unbandedSeats = cost.unbanded.reduce((n, r) => n + r.headcount, 0) + cost.otherCurrency.reduce((n, c) => n + c.seats, 0);
  return { ...(cost.currency ? { currency: cost.currency } : {}), total: cost.total, open: cost.open, ...(costOfSale !== undefined ? { costOfSale } : {}), unbandedSeats };
}

/** The company's revenue target: the first revenue target in money with no parent. */
function topTarget(model: OrgModel) {
  return [...model.targets.values()].find((t) => !t.parent && t.metric === 'revenue' && t.value.kind === 'money');
}

function count(role: Role, letter: 'A' | 'R'): number {
  let n = 0;
  for (const a of role.duties) if (a.letters.has(letter)) n++;
  return n;
}

function stats(values: number[]): Stats | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { min: sorted[0], median, max: sorted[sorted.length - 1] };
}

function sum<T>(items: readonly T[], f: (t: T) => number): number {
  let n = 0;
  for (const t of items) n += f(t);
  return n;
}
