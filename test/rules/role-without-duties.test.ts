import { describe, expect, it } from 'vitest';
import { findings, org } from '../helpers/lint.js';

describe('role-without-duties', () => {
  it('is quiet when every role does or owns some work', async () => {
    expect(await findings('role-without-duties', org(`
      duties:
        sell: { name: Sell, area: execution }
      roles:
        boss: { title: Boss, level: strategic, duties: { sell: A } }
        seller: { title: Seller, level: frontline, reports_to: boss, duties: { sell: R } }
    `))).toEqual([]);
  });

  it('reports a role with no duties, and one only Consulted or Informed, at the role', async () => {
    expect(await findings('role-without-duties', org(`
      duties:
        sell: { name: Sell, area: execution }
      roles:
        seller: { title: Seller, level: frontline, duties: { sell: [A, R] } }
        assistant: { title: Assistant, level: support, reports_to: seller }
        advisor: { title: Advisor, level: support, reports_to: seller, duties: { sell: C } }
    `))).toEqual([
      '7:3 role Assistant (assistant) has no duties: a role should follow from the work it does',
      '8:3 role Advisor (advisor) is only Consulted or Informed: it is Responsible or Accountable for no duty',
    ]);
  });
});
