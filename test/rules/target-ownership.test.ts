import { describe, expect, it } from 'vitest';
import { findings, org } from '../helpers/lint.js';

// East with a manager and reps; a hardware specialist placed by each test; a pre-sales expert.
const design = (specialistManager: string, owners: { east: string; hardware: string }, quota = 'quota: { per_seat: 3M CNY }, ') => org(`
  dimensions:
    region: { name: Region, values: { east: { name: East }, south: { name: South } } }
    product: { name: Product, values: { software: { name: Software }, hardware: { name: Hardware } } }
  duties:
    sell: { name: Sell, area: execution }
  roles:
    director: { title: Director, level: strategic, duties: { sell: A } }
    manager-east: { title: East manager, level: tactical, reports_to: director, cut: [region], scope: { region: [east] } }
    manager-south: { title: South manager, level: tactical, reports_to: director, cut: [region], scope: { region: [south] } }
    rep-east: { title: East rep, level: frontline, reports_to: manager-east, headcount: 4, ${quota}duties: { sell: R } }
    hardware-specialist: { title: Hardware specialist, level: frontline, reports_to: ${specialistManager}, cut: [product], scope: { product: [hardware] }, duties: { sell: R } }
  targets:
    east: { metric: revenue, value: 10M CNY, scope: { region: [east] }, owner: ${owners.east} }
    east-hardware: { metric: revenue, value: 4M CNY, scope: { region: [east], product: [hardware] }, owner: ${owners.hardware} }
`);

describe('target-ownership', () => {
  it('is quiet when the manager of the sellers owns the target and the specialists are in its team', async () => {
    expect(await findings('target-ownership', design('manager-east', { east: 'manager-east', hardware: 'manager-east' }))).toEqual([]);
  });

  it('reports a target owned by a role that neither sells nor manages sellers, at the owner', async () => {
    expect(await findings('target-ownership', design('manager-east', { east: 'manager-east', hardware: 'hardware-specialist' }))).toEqual([
      '16:107 Hardware specialist (hardware-specialist) owns revenue target east-hardware but carries no quota and manages nobody who does: give the target to the manager of the sellers in its scope',
    ]);
    // Before anyone carries quota, only a manager may own it.
    expect(await findings('target-ownership', design('manager-east', { east: 'manager-east', hardware: 'hardware-specialist' }, ''))).toEqual([
      '16:107 Hardware specialist (hardware-specialist) owns revenue target east-hardware but manages nobody and carries no quota: give the target to the manager of the sellers in its scope',
    ]);
  });

  it('counts sellers anywhere below the owner, on solid and dotted lines', async () => {
    // The director's seller is two levels down; the south manager's only one, a dotted report.
    const text = design('manager-east', { east: 'manager-east', hardware: 'manager-east' }).replace('targets:\n', 'targets:\n  all: { metric: revenue, value: 20M CNY, owner: director }\n  south: { metric: revenue, value: 5M CNY, scope: { region: [south] }, owner: manager-south }\n');
    const notSeller = (found: string[]) => found.filter((f) => f.includes('manages nobody who does'));
    expect(notSeller(await findings('target-ownership', text))).toEqual([
      '16:79 South manager (manager-south) owns revenue target south but carries no quota and manages nobody who does: give the target to the manager of the sellers in its scope',
    ]);
    const dotted = text.replace('reports_to: manager-east, headcount: 4', 'reports_to: manager-east, dotted_line_to: [manager-south], headcount: 4');
    expect(notSeller(await findings('target-ownership', dotted))).toEqual([]);
  });

  it('reports an owner working outside the target\'s scope', async () => {
    expect(await findings('target-ownership', design('manager-east', { east: 'manager-south', hardware: 'manager-east' }, ''))).toEqual([
      '15:78 South manager (manager-south) owns east for region east, but works in region south',
      '15:78 South manager (manager-south) owns revenue target east but manages nobody and carries no quota: give the target to the manager of the sellers in its scope',
    ]);
  });

  it('reports an owner whose team has none of the scope\'s specialists', async () => {
    expect(await findings('target-ownership', design('manager-south', { east: 'manager-east', hardware: 'manager-east' }))).toEqual([
      '16:107 nobody under East manager (manager-east) works in product hardware, the scope of east-hardware: the roles that do (hardware-specialist) report elsewhere — move them under East manager (manager-east), or give the target to their manager',
    ]);
  });
});
