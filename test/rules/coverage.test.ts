import { describe, expect, it } from 'vitest';
import { findings, org } from '../helpers/lint.js';

const orgWith = (southScope: string, step = 'sell') => org(`
  dimensions:
    region:
      name: Region
      values:
        north: { name: North }
        south: { name: South }
  process:
    win:
      name: Win
      steps:
        meet: { name: Meet }
        sell: { name: Sell }
  duties:
    plan: { name: Plan, area: strategy }
    meet: { name: Meet, area: customer, step: meet }
    sell: { name: Sell, area: execution, step: ${step} }
    train: { name: Train, area: enablement }
  roles:
    boss: { title: Boss, level: strategic, duties: { plan: [A, R], meet: A, sell: A, train: [A, R] } }
    north-rep: { title: North rep, level: frontline, reports_to: boss, scope: { region: [north] }, duties: { meet: R, sell: R } }
    south-rep: { title: South rep, level: frontline, reports_to: boss, scope: { region: [${southScope}] }, duties: { meet: R, sell: R } }
`);

describe('coverage', () => {
  it('is quiet when every value, step and area is covered', async () => {
    expect(await findings('coverage', orgWith('south'))).toEqual([]);
  });

  it('reports a region no role is scoped to, once roles are cut by region', async () => {
    expect(await findings('coverage', orgWith('north'))).toEqual([
      '8:7 no role is scoped to South (south), though roles are cut by Region (region) (north-rep, south-rep)',
    ]);
  });

  it('reports a process step no duty serves', async () => {
    expect(await findings('coverage', orgWith('south', 'meet'))).toEqual(['14:7 no duty serves process step Sell (sell)']);
  });

  it('reports an area with no duties, at the org', async () => {
    const text = org(`
      duties:
        sell: { name: Sell, area: execution }
      roles:
        seller: { title: Seller, level: frontline, duties: { sell: [A, R] } }
    `);
    expect(await findings('coverage', text)).toEqual([
      '2:1 no duty in the `customer` area: the design leaves it uncovered',
      '2:1 no duty in the `enablement` area: the design leaves it uncovered',
      '2:1 no duty in the `strategy` area: the design leaves it uncovered',
    ]);
  });
});
