// The capacity and cost part of the summary: the model's planning numbers (src/check/capacity.ts,
// src/model/cost.ts) as text in the reader's language, for every format that shows them.
import type { UiLanguage } from '../../i18n/lang.js';
import { designCapacity } from '../../check/capacity.js';
import { designCost } from '../../model/cost.js';
import type { OrgModel, Role, Target, Text } from '../../model/types.js';
import { formatAmount, formatCount, formatShare } from '../amount.js';
import { LEVEL_LABELS, METRIC_LABELS } from '../labels.js';
import { PLAN_LABELS } from '../plan-labels.js';
import type { PlanView, RoleRef } from './types.js';

type Localize = (text: Text | undefined) => string;

export function planView(model: OrgModel, lang: UiLanguage, t: Localize, escape: (s: string) => string, ref: (role: Role) => RoleRef): PlanView {
  const label = (entry: Record<UiLanguage, string>) => escape(entry[lang]);
  const roles = [...model.roles.values()];
  // A manager seat is a seat of a role someone reports to on a solid line.
  const managerSeats = roles.filter((r) => r.reports.length > 0).reduce((n, r) => n + r.headcount, 0);
  const icSeats = roles.filter((r) => r.reports.length === 0).reduce((n, r) => n + r.headcount, 0);
  const view: PlanView = { managerSeats, icSeats, ...(managerSeats > 0 ? { icsPerManager: formatCount(icSeats / managerSeats, lang) } : {}) };
  const money = (n: number, currency: string | undefined) => escape(formatAmount(n, currency ?? '', lang));
  // `t` escapes the texts it localizes (a target's name, its scope's values): not once more here.
  const name = (target: Target) => targetName(target, t, lang);

  const plan = designCapacity(model);
  if (plan) {
    view.capacity = plan.targets.map((row) => ({
      id: row.target.id,
      target: name(row.target),
      value: money(row.target.value.value, row.target.value.currency),
      capacity: money(row.capacity, row.target.value.currency),
      quota: money(row.quota, row.target.value.currency),
      coverage: row.target.value.value > 0 ? escape(formatShare(row.capacity / row.target.value.value, lang)) : '—',
      seats: row.seats,
      open: row.open,
      ramping: row.ramping,
      short: row.capacity < row.target.value.value,
    }));
  }

  const cost = designCost(model);
  if (cost?.currency) {
    const currency = cost.currency;
    view.cost = {
      currency,
      total: money(cost.total, currency),
      open: money(cost.open, currency),
      seats: cost.seats,
      byRole: cost.roles.map((c) => ({ role: ref(c.role), band: t(c.band.name) || c.band.id, seats: c.seats, open: c.open, perSeat: money(c.perSeat, currency), total: money(c.total, currency) })),
      byLevel: cost.levels.map((l) => ({ name: label(LEVEL_LABELS[l.level]), seats: l.seats, total: money(l.total, currency), share: cost.total > 0 ? escape(formatShare(l.total / cost.total, lang)) : '—' })),
      byScope: cost.dimensions.map((d) => ({
        dimension: t(d.dimension.name),
        values: [
          ...d.values.map((v) => ({ name: t(v.value.name), seats: escape(formatCount(v.seats, lang)), total: money(v.total, currency) })),
          ...(d.shared.seats > 0 ? [{ name: label(PLAN_LABELS.shared), seats: escape(formatCount(d.shared.seats, lang)), total: money(d.shared.total, currency) }] : []),
        ],
      })),
      costOfSale: cost.costOfSale.map((c) => ({ id: c.target.id, target: name(c.target), revenue: money(c.revenue, currency), cost: money(c.cost, currency), ratio: escape(formatShare(c.ratio, lang)) })),
      notCounted: [
        ...cost.unbanded.map((r) => `${ref(r).title} (${label(PLAN_LABELS.noBand)})`),
        ...cost.otherCurrency.map((c) => `${ref(c.role).title} (${escape(PLAN_LABELS.otherCurrency[lang].replace('{currency}', c.band.currency))})`),
      ],
    };
  }
  return view;
}

/** A target's name, or its metric and scope when it has none (`Revenue · East China`). */
export function targetName(x: Target, t: (text: Text | undefined) => string, lang: UiLanguage): string {
  if (x.name !== undefined) return t(x.name);
  const metric = METRIC_LABELS[x.metric as keyof typeof METRIC_LABELS]?.[lang] ?? x.metric;
  const scope = [...x.scope.values()].flatMap((vs) => [...vs].map((v) => t(v.name)));
  return scope.length ? `${metric} · ${scope.join(', ')}` : metric;
}
