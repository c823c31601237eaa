import { describe, expect, it } from 'vitest';
import { findings, org } from '../helpers/lint.js';

// One region, one target of 10M CNY, four reps whose quota is written by each test.
const east = (quota: string, rep = '', more = '') => org(`
  dimensions:
    region: { name: Region, values: { east: { name: East }, south: { name: South } } }
  duties:
    sell: { name: Sell, area: execution }
  roles:
    manager: { title: Manager, level: tactical, cut: [region], scope: { region: [east] }, duties: { sell: A } }
    rep: { title: Rep, level: frontline, reports_to: manager, headcount: 4, ${rep}quota: { ${quota} }, duties: { sell: R } }
${more}
  targets:
    revenue-east: { metric: revenue, value: 10M CNY, scope: { region: [east] }, owner: manager }
`);

describe('quota-capacity', () => {
  it('is quiet when capacity covers the target with quotas 10–25 % over it', async () => {
    // 4 × 3M × 90 % = 10.8M ≥ 10M; quotas 12M, 20 % over.
    expect(await findings('quota-capacity', east('per_seat: 3M CNY, attainment: 90%'))).toEqual([]);
  });

  it('is quiet when no role carries a quota: planning is opt-in', async () => {
    expect(await findings('quota-capacity', east('per_seat: 3M CNY').replace('quota: { per_seat: 3M CNY }, ', ''))).toEqual([]);
  });

  it('reports a target the seats cannot deliver, open seats adding nothing, at the target\'s value', async () => {
    // 3 filled × 3M × 85 % = 7.65M.
    expect(await findings('quota-capacity', east('per_seat: 3M CNY, attainment: 85%', 'vacancies: 1, '))).toEqual([
      '12:43 `revenue-east` is 10M CNY, but the quota-carrying seats in its scope (4 seats, 1 of them open, 0 ramping) can deliver about 7.65M CNY: 2.35M CNY short — add or fill seats, raise quotas, or lower the target',
    ]);
    // Counted as hired and ramping (a straight line over 6 months, then 85 %): 7.65M + 3M × (0.5 × 6 + 0.85 × 6) ÷ 12.
    expect(await findings('quota-capacity', east('per_seat: 3M CNY, attainment: 85%, ramp: { months: 6 }', 'vacancies: 1, '), { countOpenSeats: true })).toEqual([
      '12:43 `revenue-east` is 10M CNY, but the quota-carrying seats in its scope (4 seats, 1 of them open, 1 ramping) can deliver about 9.68M CNY: 0.33M CNY short — add or fill seats, raise quotas, or lower the target',
    ]);
  });

  it('counts ramping seats along their curve, and attrition', async () => {
    // 2 ramped × 3M + 2 ramping × 3M × (0 × 3 + 50 % × 3 + 100 % × 6) ÷ 12 = 6M + 3.75M.
    expect(await findings('quota-capacity', east('per_seat: 3M CNY, ramp: { months: 6, curve: [0%, 50%], ramping: 2 }'))).toEqual([
      '12:43 `revenue-east` is 10M CNY, but the quota-carrying seats in its scope (4 seats, 0 of them open, 2 ramping) can deliver about 9.75M CNY: 0.25M CNY short — add or fill seats, raise quotas, or lower the target',
    ]);
    // 10.8M × (1 − 20 % ÷ 2).
    expect(await findings('quota-capacity', east('per_seat: 3M CNY, attainment: 90%, attrition: 20%'))).toEqual([
      '12:43 `revenue-east` is 10M CNY, but the quota-carrying seats in its scope (4 seats, 0 of them open, 0 ramping) can deliver about 9.72M CNY: 0.28M CNY short — add or fill seats, raise quotas, or lower the target',
    ]);
  });

  it('reports over-assignment outside the band, which is an option', async () => {
    expect(await findings('quota-capacity', east('per_seat: 4M CNY, attainment: 90%'))).toEqual([
      '12:43 quotas in the scope of `revenue-east` add up to 16M CNY, 60% over the target 10M CNY: more than 25%, which makes quotas hard to believe in',
    ]);
    expect(await findings('quota-capacity', east('per_seat: 2.6M CNY'))).toEqual([
      '12:43 quotas in the scope of `revenue-east` add up to 10.4M CNY, 4% over the target 10M CNY: less than the 10% buffer that absorbs misses and open seats',
    ]);
    expect(await findings('quota-capacity', east('per_seat: 2.6M CNY'), { overAssignmentMin: 0 })).toEqual([]);
  });

  it('reports a scoped target nobody sells in at all, and a carrier outside every target\'s scope', async () => {
    const south = east('per_seat: 3M CNY, attainment: 90%').replace(
      '\ntargets:\n',
      '\ntargets:\n  revenue-south: { metric: revenue, value: 5M CNY, scope: { region: [south] }, owner: manager }\n',
    );
    expect(await findings('quota-capacity', south)).toEqual([
      '12:44 no quota-carrying role works in the scope of `revenue-south` (5M CNY): give the roles that sell there a `quota`, or a scope within the target\'s',
    ]);
    const inside = east('per_seat: 3M CNY, attainment: 90%', '', `
    rep-inside: { title: Inside rep, level: frontline, reports_to: manager-inside, headcount: 2, quota: { per_seat: 1M CNY }, duties: { sell: R } }
    manager-inside: { title: Inside manager, level: tactical, duties: { sell: C } }`);
    expect(await findings('quota-capacity', inside)).toEqual([
      '11:3 Inside rep (rep-inside) carries a quota but works in no scope the revenue targets are split into (region): give it a scope, or a manager with one, so its capacity counts toward a target',
    ]);
  });

  it('judges a target its seats only partly sell in through its parent', async () => {
    // The reps sell both product lines: the hardware part of East cannot be given its own capacity.
    const text = east('per_seat: 3M CNY, attainment: 90%').replace('region: { name: Region,', 'product: { name: Product, values: { hardware: { name: Hardware } } }\n  region: { name: Region,').replace(
      '\ntargets:\n',
      '\ntargets:\n  east-hardware: { metric: revenue, value: 50M CNY, parent: revenue-east, scope: { region: [east], product: [hardware] }, owner: manager }\n',
    );
    expect((await findings('quota-capacity', text)).filter((f) => f.includes('east-hardware'))).toEqual([]);
  });
});
