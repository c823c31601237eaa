import { describe, expect, it } from 'vitest';
import { findings, org } from '../helpers/lint.js';

describe('orphan-duty', () => {
  it('is quiet when every duty has a Responsible role', async () => {
    expect(await findings('orphan-duty', org(`
      duties:
        sell: { name: Sell, area: execution }
      roles:
        seller: { title: Seller, level: frontline, duties: { sell: [A, R] } }
    `))).toEqual([]);
  });

  it('reports a duty nobody takes part in, and one with no R, at the duty', async () => {
    expect(await findings('orphan-duty', org(`
      duties:
        sell: { name: Sell, area: execution }
        plan: { name: Plan, area: strategy }
        report: { name: Report, area: enablement }
      roles:
        seller: { title: Seller, level: frontline, duties: { sell: R, report: A } }
    `))).toEqual([
      '5:3 no role takes part in duty Plan (plan): the work has no owner',
      '6:3 no role is Responsible (R) for duty Report (report): nobody does the work',
    ]);
  });
});
