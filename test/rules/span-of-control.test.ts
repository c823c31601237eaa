import { describe, expect, it } from 'vitest';
import { findings, org } from '../helpers/lint.js';

const orgWith = (managers: number, reps: number) => org(`
  duties:
    sell: { name: Sell, area: execution }
  roles:
    manager: { title: Manager, level: tactical, headcount: ${managers}, duties: { sell: A } }
    rep: { title: Rep, level: frontline, reports_to: manager, headcount: ${reps}, duties: { sell: R } }
`);

describe('span-of-control', () => {
  it('is quiet within the span', async () => {
    expect(await findings('span-of-control', orgWith(2, 16))).toEqual([]);
  });

  it('counts headcount per manager: too many and too few', async () => {
    expect(await findings('span-of-control', orgWith(1, 30))).toEqual([
      '6:3 each Manager (manager) has 30 direct reports (at most 12): add a layer or more managers',
    ]);
    expect(await findings('span-of-control', orgWith(2, 2))).toEqual([
      '6:3 each Manager (manager) has 1 direct report (at least 2): merge the layer or widen the span',
    ]);
  });

  it('takes its limits from options', async () => {
    expect(await findings('span-of-control', orgWith(1, 30), { max: 40 })).toEqual([]);
  });
});
