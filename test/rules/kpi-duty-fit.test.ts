import { describe, expect, it } from 'vitest';
import { findings, org } from '../helpers/lint.js';

const withKpi = (kind: string, owners: string, repSells = 'R') => org(`
  duties:
    sell: { name: Sell, area: execution }
    plan: { name: Plan, area: strategy }
  roles:
    manager: { title: Manager, level: tactical, duties: { plan: [A, R], sell: A } }
    rep: { title: Rep, level: frontline, reports_to: manager, headcount: 3, duties: { sell: ${repSells} } }
    analyst: { title: Analyst, level: support, reports_to: manager, duties: { plan: C } }
  kpis:
    win-rate: { name: Win rate, kind: ${kind}, measures: [sell], owners: [${owners}] }
`);

describe('kpi-duty-fit', () => {
  it('is quiet when every owner does a measured duty', async () => {
    expect(await findings('kpi-duty-fit', withKpi('individual', 'rep, manager'))).toEqual([]);
  });

  it('reports an owner that does none of the measured duties, at the owner', async () => {
    expect(await findings('kpi-duty-fit', withKpi('individual', 'rep, analyst'))).toEqual([
      '11:81 Analyst (analyst) owns KPI Win rate (win-rate) but does (R or A) none of the duties it measures (sell): give the KPI to those who do them, or the duty to Analyst (analyst)',
    ]);
  });

  it('lets a team KPI rest on the owner\'s team, and reports it when nobody there does the work', async () => {
    const text = withKpi('team', 'manager').replace('duties: { plan: [A, R], sell: A }', 'duties: { plan: [A, R] }');
    expect(await findings('kpi-duty-fit', text)).toEqual([]);
    expect(await findings('kpi-duty-fit', text.replace('duties: { sell: R }', 'duties: { sell: C }'))).toEqual([
      '11:70 Manager (manager) owns team KPI Win rate (win-rate), but neither it nor anyone in its team does (R or A) any of the duties it measures (sell)',
    ]);
  });
});
