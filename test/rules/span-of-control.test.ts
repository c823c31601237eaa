import { describe, expect, it } from 'vitest';
import { findings, org } from '../helpers/lint.js';

// A manager of reps (a first-line sales manager), or with `support: true` a manager of support staff.
const orgWith = (managers: number, reps: number, level = 'frontline') => org(`
  duties:
    sell: { name: Sell, area: execution }
  roles:
    manager: { title: Manager, level: tactical, headcount: ${managers}, duties: { sell: A } }
    rep: { title: Rep, level: ${level}, reports_to: manager, headcount: ${reps}, duties: { sell: R } }
`);

// A director over two managers of five reps each: the director is not a first-line manager.
const twoLayers = (managers: number, director = 'strategic') => org(`
  duties:
    sell: { name: Sell, area: execution }
  roles:
    director: { title: Director, level: ${director}, duties: { sell: A } }
    manager: { title: Manager, level: tactical, reports_to: director, headcount: ${managers}, duties: { sell: C } }
    rep: { title: Rep, level: frontline, reports_to: manager, headcount: ${managers * 6}, duties: { sell: R } }
`);

describe('span-of-control', () => {
  it('is quiet within the span', async () => {
    expect(await findings('span-of-control', orgWith(2, 16))).toEqual([]);
    expect(await findings('span-of-control', twoLayers(4))).toEqual([]);
  });

  it('holds first-line sales managers to 5–10 sellers each', async () => {
    expect(await findings('span-of-control', orgWith(1, 12))).toEqual([
      '6:3 each Manager (manager) leads 12 sellers directly (a first-line sales manager: at most 10, to coach every deal): add a manager seat or a team lead',
    ]);
    expect(await findings('span-of-control', orgWith(2, 8))).toEqual([
      '6:3 each Manager (manager) leads 4 sellers directly (a first-line sales manager: at least 5): give the team more sellers, or let a manager of a neighbouring team lead it',
    ]);
  });

  it('counts headcount per manager for other managers: too many and too few', async () => {
    expect(await findings('span-of-control', orgWith(1, 30, 'support'))).toEqual([
      '6:3 each Manager (manager) has 30 direct reports (at most 12): add a layer or more managers',
    ]);
    expect(await findings('span-of-control', orgWith(2, 2, 'support'))).toEqual([
      '6:3 each Manager (manager) has 1 direct report (at least 2): merge the layer or widen the span',
    ]);
    expect(await findings('span-of-control', twoLayers(13))).toEqual([
      '6:3 each Director (director) has 13 direct reports (at most 12): add a layer or more managers',
    ]);
  });

  it('takes its limits from options, by level and for the first line', async () => {
    expect(await findings('span-of-control', orgWith(1, 30, 'support'), { max: 40 })).toEqual([]);
    expect(await findings('span-of-control', orgWith(1, 12), { firstLine: { min: 5, max: 12 } })).toEqual([]);
    expect(await findings('span-of-control', twoLayers(4), { levels: { strategic: { min: 5, max: 8 } } })).toEqual([
      '6:3 each Director (director) has 4 direct reports (at least 5): merge the layer or widen the span',
    ]);
  });

  it('says it in Chinese', async () => {
    const { lint } = await import('../helpers/lint.js');
    const zh = await lint(orgWith(1, 12), { extends: 'strict' }, 'zh-CN');
    expect(zh.filter((d) => d.ruleId === 'span-of-control').map((d) => d.message)).toEqual([
      '每个 Manager (manager) 直接带 12 名一线人员（一线销售经理：最多 10 名，才能辅导每个商机）：可增加经理编制或设组长',
    ]);
  });
});
