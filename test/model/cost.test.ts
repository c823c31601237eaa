// The cost of a design, against numbers worked out by hand on a small org.
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/load/index.js';
import { sourceFromBytes } from '../../src/load/sources.js';
import { buildModel } from '../../src/model/build.js';
import { designCost, loadedCostPerSeat } from '../../src/model/cost.js';
import type { OrgModel } from '../../src/model/types.js';
import { org } from '../helpers/lint.js';

async function model(yaml: string): Promise<OrgModel> {
  const loaded = await loadFiles([sourceFromBytes('org.yaml', Buffer.from(yaml))]);
  expect(loaded.findings).toEqual([]);
  const built = buildModel(loaded.files);
  expect(built.findings).toEqual([]);
  return built.model!;
}

// A director over two regional managers, each with reps; a shared ops seat; one USD band.
const SMALL = org(`
  dimensions:
    region: { name: Region, values: { east: { name: East }, south: { name: South } } }
  pay_bands:
    m3: { min: 600K CNY, max: 1M CNY, variable: 50%, on_costs: 30% }
    m1: { min: 40万 CNY, mid: 50万 CNY, max: 70万 CNY, variable: 40%, on_costs: 30% }
    p5: { min: 200K CNY, max: 400K CNY, variable: 100%, on_costs: 30% }
    us: { min: 100K USD, max: 150K USD }
  roles:
    director: { title: Director, level: strategic, pay_band: m3 }
    east-manager: { title: East manager, level: tactical, reports_to: director, scope: { region: [east] }, pay_band: m1 }
    south-manager: { title: South manager, level: tactical, reports_to: director, scope: { region: [south] }, pay_band: m1, vacancies: 1 }
    east-rep: { title: East rep, level: frontline, reports_to: east-manager, headcount: 4, vacancies: 1, pay_band: p5 }
    south-rep: { title: South rep, level: frontline, reports_to: south-manager, headcount: 2, pay_band: p5 }
    roaming-rep: { title: Roaming rep, level: frontline, reports_to: director, scope: { region: [east, south] }, pay_band: p5 }
    ops: { title: Ops, level: support, reports_to: director }
    advisor: { title: Advisor, level: support, reports_to: director, pay_band: us }
  targets:
    revenue: { metric: revenue, value: 50M CNY }
    revenue-east: { metric: revenue, value: 30M CNY, parent: revenue, scope: { region: [east] } }
    revenue-q1: { metric: revenue, value: 10M CNY, parent: revenue }
`);

describe('the cost of a design', () => {
  it('costs a seat at mid × (1 + variable) × (1 + on-costs), the mid halfway when not written', async () => {
    const m = await model(SMALL);
    // m3: mid 800K × 1.5 × 1.3 = 1.56M; m1: 500K × 1.4 × 1.3 = 910K; p5: 300K × 2 × 1.3 = 780K.
    expect(loadedCostPerSeat(m.payBands.get('m3')!)).toBeCloseTo(1_560_000);
    expect(loadedCostPerSeat(m.payBands.get('m1')!)).toBeCloseTo(910_000);
    expect(loadedCostPerSeat(m.payBands.get('p5')!)).toBeCloseTo(780_000);
    expect(loadedCostPerSeat(m.payBands.get('us')!)).toBeCloseTo(125_000);
  });

  it('adds up by role, level, region and in total, open seats included and counted apart', async () => {
    const cost = designCost(await model(SMALL))!;
    expect(cost.currency).toBe('CNY');
    // 1.56M + 2 × 910K + 7 reps × 780K = 1.56M + 1.82M + 5.46M = 8.84M; 10 seats.
    expect(cost.total).toBeCloseTo(8_840_000);
    expect(cost.seats).toBe(10);
    // Open: the South manager (910K) and one East rep (780K).
    expect(cost.open).toBeCloseTo(1_690_000);
    expect(cost.roles.map((r) => [r.role.id, Math.round(r.total)])).toEqual([
      ['director', 1_560_000], ['east-manager', 910_000], ['south-manager', 910_000], ['east-rep', 3_120_000], ['south-rep', 1_560_000], ['roaming-rep', 780_000],
    ]);
    expect(cost.levels.map((l) => [l.level, Math.round(l.total), l.seats])).toEqual([
      ['strategic', 1_560_000, 1], ['tactical', 1_820_000, 2], ['frontline', 5_460_000, 7],
    ]);
    // East: manager 910K + 4 reps 3.12M (scope from their manager) + half the roaming rep 390K = 4.42M.
    // South: 910K + 1.56M + 390K = 2.86M. The director is shared across regions: 1.56M.
    const [region] = cost.dimensions;
    expect(region.values.map((v) => [v.value.id, Math.round(v.total), v.seats])).toEqual([['east', 4_420_000, 5.5], ['south', 2_860_000, 3.5]]);
    expect(Math.round(region.shared.total)).toBe(1_560_000);
    // What the total leaves out, said.
    expect(cost.unbanded.map((r) => r.id)).toEqual(['ops']);
    expect(cost.otherCurrency.map((r) => r.role.id)).toEqual(['advisor']);
  });

  it('gives the cost of sale of each revenue target over the seats in its scope', async () => {
    const cost = designCost(await model(SMALL))!;
    // 8.84M ÷ 50M = 17.68 %; East: manager + 4 reps = 4.03M ÷ 30M (the roaming rep also sells in South).
    // The unscoped quarter below the year is not a scope: left out.
    expect(cost.costOfSale.map((c) => [c.target.id, Math.round(c.cost), Math.round(c.ratio * 10000) / 100])).toEqual([
      ['revenue', 8_840_000, 17.68],
      ['revenue-east', 4_030_000, 13.43],
    ]);
  });

  it('leaves out a target whose sellers also sell outside it: its cost cannot be told apart', async () => {
    const m = await model(SMALL.replace('  targets:', `    specialist: { title: Specialist, level: frontline, reports_to: east-manager, scope: { product: [hardware] }, pay_band: p5 }
    east-rep-quota: { title: East seller, level: frontline, reports_to: east-manager, pay_band: p5, quota: { per_seat: 5M CNY } }
  targets:
    revenue-hardware: { metric: revenue, value: 5M CNY, parent: revenue-east, scope: { region: [east], product: [hardware] } }`).replace('  pay_bands:', '    product: { name: Product, values: { hardware: { name: Hardware }, software: { name: Software } } }\n  pay_bands:'));
    // The East seller sells hardware and software: the hardware target's cost would be the specialist's alone.
    expect(designCost(m)!.costOfSale.map((c) => c.target.id)).toEqual(['revenue', 'revenue-east']);
  });

  it('is undefined for a design without pay bands: cost is opt-in', async () => {
    expect(designCost(await model(SMALL.replace(/pay_bands:[\s\S]*?roles:/, 'roles:').replace(/, pay_band: \w+/g, '')))).toBeUndefined();
  });
});
