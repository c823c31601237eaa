import { describe, expect, it } from 'vitest';
import { findings, org } from '../helpers/lint.js';

describe('unused-definitions', () => {
  it('is quiet when everything declared is used', async () => {
    expect(await findings('unused-definitions', org(`
      competency_levels: [Basic, Good]
      competencies: { selling: { name: Selling } }
      tools: { crm: { name: CRM } }
      families: { sales: { name: Sales } }
      duties:
        sell: { name: Sell, area: execution, demands: { selling: 1 } }
      roles:
        rep: { title: Rep, level: frontline, family: sales, tools: [crm], requires: { competencies: { selling: 1 } }, duties: { sell: [A, R] } }
    `))).toEqual([]);
  });

  it('reports competencies, tools, families and metrics nothing refers to', async () => {
    expect(await findings('unused-definitions', org(`
      competency_levels: [Basic, Good]
      competencies: { selling: { name: Selling } }
      tools: { crm: { name: CRM } }
      families: { sales: { name: Sales } }
      metrics: { leads: { name: Leads } }
      duties:
        sell: { name: Sell, area: execution }
      roles:
        rep: { title: Rep, level: frontline, duties: { sell: [A, R] } }
    `))).toEqual([
      '4:17 competency Selling (selling) is declared but never used',
      '5:10 tool CRM (crm) is declared but never used',
      '6:13 role family Sales (sales) is declared but never used',
      '7:12 metric Leads (leads) is declared but never used',
    ]);
  });
});
