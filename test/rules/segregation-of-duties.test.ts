import { describe, expect, it } from 'vitest';
import { findings, org } from '../helpers/lint.js';

const withRep = (rep: string, more = '') => org(`
  duties:
    sell: { name: Sell, area: execution, activity: sell }
    approve-discount: { name: Approve discounts, area: execution, activity: approve-discount }
    collect: { name: Collect payments, area: execution, activity: collect }
    pay-commission: { name: Calculate commission, area: enablement, activity: calculate-commission }
    plan: { name: Plan, area: strategy${more} }
  roles:
    director: { title: Director, level: strategic, duties: { approve-discount: [A, R], plan: A, collect: A, pay-commission: [A, R] } }
    rep: { title: Rep, level: frontline, reports_to: director, headcount: 4, ${rep} }
`);

describe('segregation-of-duties', () => {
  it('is quiet when selling and approving sit with different roles', async () => {
    expect(await findings('segregation-of-duties', withRep('duties: { sell: [A, R], collect: R, plan: R }'))).toEqual([]);
  });

  it('reports a seller who approves discounts, at the later of the two duties', async () => {
    expect(await findings('segregation-of-duties', withRep('duties: { sell: [A, R], approve-discount: R }'))).toEqual([
      '11:100 Rep (rep) does both Approve discounts (approve-discount) (approve-discount) and Sell (sell) (sell), which must be kept apart: give one of them to another role',
    ]);
  });

  it('takes a quota as being paid commission, unless told otherwise', async () => {
    const text = withRep('quota: { per_seat: 1M CNY }, duties: { sell: [A, R], pay-commission: R }');
    expect(await findings('segregation-of-duties', text)).toEqual([
      '11:129 Rep (rep) carries a quota and so is paid commission, yet does Calculate commission (pay-commission) (calculate-commission): give it to a role that is not paid on the result',
    ]);
    expect(await findings('segregation-of-duties', text, { quotaEarnsCommission: false })).toEqual([]);
  });

  it('lets a config change the pairs', async () => {
    const text = withRep('duties: { sell: [A, R], approve-discount: R }');
    expect(await findings('segregation-of-duties', text, { conflicts: [['approve-credit', 'collect']] })).toEqual([]);
  });

  it('reports duties a duty declares incompatible with it', async () => {
    expect(await findings('segregation-of-duties', withRep('duties: { plan: R, sell: [A, R] }', ', incompatible_with: [sell]'))).toEqual([
      '11:95 Rep (rep) does both Sell (sell) and Plan (plan), which Plan (plan) declares incompatible: give one of them to another role',
    ]);
  });
});
