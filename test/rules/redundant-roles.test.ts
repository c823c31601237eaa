import { describe, expect, it } from 'vitest';
import { findings, org } from '../helpers/lint.js';

const orgWith = (east: string, west: string) => org(`
  dimensions:
    region:
      name: Region
      values: { north: { name: North }, south: { name: South } }
  duties:
    visit: { name: Visit customers, area: execution }
    sell: { name: Sell, area: execution }
    collect: { name: Collect payments, area: execution }
  roles:
    boss: { title: Boss, level: strategic, duties: { visit: A, sell: A, collect: A } }
    rep-a:
      title: Rep A
      level: frontline
      reports_to: boss
      ${east}
      duties: { visit: R, sell: R, collect: R }
    rep-b:
      title: Rep B
      level: frontline
      reports_to: boss
      ${west}
      duties: { visit: R, sell: R, collect: R }
`);

describe('redundant-roles', () => {
  it('accepts roles split by region with disjoint scopes', async () => {
    expect(await findings('redundant-roles', orgWith('scope: { region: [north] }', 'scope: { region: [south] }'))).toEqual([]);
  });

  it('reports the later of two roles doing the same work for the same scope', async () => {
    expect(await findings('redundant-roles', orgWith('scope: { region: [north] }', 'scope: { region: [north, south] }'))).toEqual([
      '19:3 role `rep-b` does the same work as `rep-a` (100% of Responsible duties shared) for an overlapping scope: merge them, or split their scopes',
    ]);
  });

  it('counts an unscoped role as covering every value', async () => {
    expect(await findings('redundant-roles', orgWith('notes: everywhere', 'scope: { region: [south] }'))).toHaveLength(1);
  });

  it('uses the threshold option', async () => {
    const partly = org(`
      duties:
        a: { name: A, area: execution }
        b: { name: B, area: execution }
        c: { name: C, area: execution }
      roles:
        x: { title: X, level: frontline, duties: { a: [A, R], b: [A, R], c: [A, R] } }
        y: { title: Y, level: frontline, reports_to: x, duties: { a: R, b: R } }
    `);
    expect(await findings('redundant-roles', partly)).toEqual([]);
    expect(await findings('redundant-roles', partly, { threshold: 0.6 })).toEqual([
      '9:3 role `y` does the same work as `x` (67% of Responsible duties shared) for an overlapping scope: merge them, or split their scopes',
    ]);
  });

  it('stays linear: 3,000 regional copies of one role are compared through the index, not pairwise', async () => {
    const values = Array.from({ length: 3000 }, (_, i) => `      r${i}: { name: R${i} }`).join('\n');
    const roles = Array.from({ length: 3000 }, (_, i) => `  rep-${i}: { title: Rep ${i}, level: frontline, reports_to: boss, scope: { region: [r${i}] }, duties: { visit: R } }`).join('\n');
    const text = `orgc: 1\norg: { id: t, name: T, language: en }\ndimensions:\n  region:\n    name: Region\n    values:\n${values}\nduties:\n  visit: { name: Visit, area: execution }\nroles:\n  boss: { title: Boss, level: strategic, duties: { visit: A } }\n${roles}\n`;
    expect(await findings('redundant-roles', text)).toEqual([]);
  });
});
