import { describe, expect, it } from 'vitest';
import { findings, org } from '../helpers/lint.js';

// Two regions; a manager per region, each with a seller under it; close-deals owned per region.
const regions = (east: string, south: string, extra = '') => org(`
  dimensions:
    region: { name: Region, values: { east: { name: East }, south: { name: South } } }
  duties:
    close-deals: { name: Close deals, area: execution, accountable_per: [region] }
  roles:
    director: { title: Director, level: strategic, duties: { close-deals: C } }
    manager-east: { title: East manager, level: tactical, reports_to: director, cut: [region], scope: { region: [east] }, duties: { ${east} } }
    manager-south: { title: South manager, level: tactical, reports_to: director, cut: [region], scope: { region: [south] }, duties: { ${south} } }
    seller-east: { title: East seller, level: frontline, reports_to: manager-east, duties: { close-deals: R } }
    seller-south: { title: South seller, level: frontline, reports_to: manager-south, duties: { close-deals: R } }
${extra}`);

describe('scoped-accountability', () => {
  it('is quiet with one A per region, each over the sellers of its region', async () => {
    expect(await findings('scoped-accountability', regions('close-deals: A', 'close-deals: A'))).toEqual([]);
  });

  it('reports a region where nobody is Accountable, at the duty', async () => {
    expect(await findings('scoped-accountability', regions('close-deals: A', 'close-deals: C'))).toEqual([
      '6:3 duty Close deals (close-deals) is owned per region, but nobody is Accountable (A) in region south, where South seller (seller-south) does the work: give A to the role that manages that scope',
    ]);
  });

  it('reports two owners of one cell where the second A is written', async () => {
    const text = regions('close-deals: A', 'close-deals: A', '    roster: { title: Roster, level: support, reports_to: director, cut: [region], scope: { region: [south] }, duties: { close-deals: A } }');
    expect(await findings('scoped-accountability', text)).toEqual([
      '13:119 duty Close deals (close-deals) has 2 Accountable (A) roles in region south (manager-south, roster): narrow their scopes so each cell has one owner',
    ]);
  });

  it('reports a doer whose cell is owned outside its management line, at its assignment', async () => {
    // The South seller is moved under the East manager but still sells in the South.
    const text = regions('close-deals: A', 'close-deals: A').replace(
      'seller-south: { title: South seller, level: frontline, reports_to: manager-south,',
      'seller-south: { title: South seller, level: frontline, reports_to: manager-east, cut: [region], scope: { region: [south] },',
    );
    expect(await findings('scoped-accountability', text)).toEqual([
      '12:137 South seller (seller-south) does duty Close deals (close-deals) in region south, but South manager (manager-south), Accountable for it there, is not in its management line (solid or dotted): give A there to its manager, or have it report to South manager (manager-south)',
    ]);
  });

  it('counts a dotted line as the management line', async () => {
    const text = regions('close-deals: A', 'close-deals: A').replace(
      'reports_to: manager-east, duties: { close-deals: R }',
      'reports_to: director, dotted_line_to: [manager-east], duties: { close-deals: R }, cut: [region], scope: { region: [east] }',
    );
    expect(await findings('scoped-accountability', text)).toEqual([]);
  });

  it('judges the line of an org-wide A only when asked to', async () => {
    const text = org(`
      duties:
        support: { name: Support customers, area: customer }
      roles:
        director: { title: Director, level: strategic }
        manager: { title: Manager, level: tactical, reports_to: director, duties: { support: A } }
        success: { title: Success, level: operations, reports_to: director, duties: { support: R } }
    `);
    expect(await findings('scoped-accountability', text)).toEqual([]);
    expect(await findings('scoped-accountability', text, { managementLine: 'all' })).toEqual([
      '8:81 Success (success) does duty Support customers (support), but Manager (manager), Accountable for it, is not in its management line (solid or dotted): give A to its manager, own the duty per region or segment (`accountable_per`), or have it report to Manager (manager)',
    ]);
  });

  it('leaves counting A per scoped duty to itself: raci-accountable is quiet', async () => {
    expect(await findings('raci-accountable', regions('close-deals: A', 'close-deals: A'))).toEqual([]);
  });
});
