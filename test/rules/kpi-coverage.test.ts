import { describe, expect, it } from 'vitest';
import { findings, org } from '../helpers/lint.js';

const orgWith = (kpis: string) => org(`
  duties:
    lead: { name: Lead, area: enablement }
    sell: { name: Sell, area: execution }
    serve: { name: Serve, area: customer }
  roles:
    manager: { title: Manager, level: tactical, duties: { lead: [A, R], sell: A, serve: A } }
    rep: { title: Rep, level: frontline, reports_to: manager, duties: { sell: R } }
    csm: { title: CSM, level: operations, reports_to: manager, duties: { serve: R } }
  service_levels:
    handoff: { what: New customer, from: rep, to: csm, within: 1d }
  kpis:
${kpis}
`);

const complete = `
    attainment: { name: Attainment, kind: team, measures: [lead], owners: [manager] }
    wins: { name: Wins, kind: individual, measures: [sell], owners: [rep] }
    nps: { name: NPS, kind: individual, measures: [serve], owners: [csm] }
    retention: { name: Retention, kind: cross-role, measures: [sell, serve], owners: [rep, csm] }`;

describe('kpi-coverage', () => {
  it('is quiet when KPIs measure every role, team and hand-off', async () => {
    expect(await findings('kpi-coverage', orgWith(complete))).toEqual([]);
  });

  it('reports a role whose duties no KPI measures, a manager with no team KPI, and a hand-off with no shared KPI', async () => {
    expect(await findings('kpi-coverage', orgWith(`
    wins: { name: Wins, kind: individual, measures: [sell], owners: [rep, manager] }`))).toEqual([
      '8:3 manager role Manager (manager) owns no team KPI',
      '10:3 role CSM (csm) is Responsible or Accountable for duties, but no KPI it owns measures any of them',
      '12:3 Rep (rep) hands `handoff` to CSM (csm), but they share no cross-role KPI',
    ]);
  });
});
