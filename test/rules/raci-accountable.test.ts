import { describe, expect, it } from 'vitest';
import { findings, org } from '../helpers/lint.js';

const twoRoles = (sell: string, plan: string) => org(`
  duties:
    sell: { name: Sell, area: execution }
    plan: { name: Plan, area: strategy }
  roles:
    boss:
      title: Boss
      level: strategic
      duties: { ${sell} }
    seller:
      title: Seller
      level: frontline
      reports_to: boss
      duties: { ${plan} }
`);

describe('raci-accountable', () => {
  it('is quiet when each duty has one A and an R', async () => {
    expect(await findings('raci-accountable', twoRoles('sell: A, plan: [A, R]', 'sell: R'))).toEqual([]);
  });

  it('reports a duty with no A at the duty', async () => {
    expect(await findings('raci-accountable', twoRoles('plan: [A, R]', 'sell: R'))).toEqual([
      '4:3 duty Sell (sell) has no Accountable (A) role: give exactly one role an A',
    ]);
  });

  it('lets a lone R stand as accountable when asked to', async () => {
    expect(await findings('raci-accountable', twoRoles('plan: [A, R]', 'sell: R'), { loneResponsibleIsAccountable: true })).toEqual([]);
  });

  it('reports a second A where it is written', async () => {
    expect(await findings('raci-accountable', twoRoles('sell: A, plan: [A, R]', 'sell: [A, R]'))).toEqual([
      '15:15 duty Sell (sell) has 2 Accountable (A) roles (Boss (boss), Seller (seller)): exactly one should own the outcome',
    ]);
  });

  it('reports a duty with no R', async () => {
    expect(await findings('raci-accountable', twoRoles('sell: A, plan: A', 'sell: R, plan: C'))).toEqual([
      '5:3 duty Plan (plan) has no Responsible (R) role',
    ]);
  });
});
