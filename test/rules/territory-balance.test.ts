import { describe, expect, it } from 'vitest';
import { findings, org } from '../helpers/lint.js';

const reps = (east: string, south: string, extra = '') => org(`
  dimensions:
    region: { name: Region, values: { east: { name: East }, south: { name: South } } }
    tier: { name: Tier, values: { ka: { name: KA }, smb: { name: SMB } } }
  duties:
    sell: { name: Sell, area: execution }
  roles:
    director: { title: Director, level: strategic, duties: { sell: A } }
    rep-east: { title: East rep, level: frontline, reports_to: director, headcount: 4, cut: [region], scope: { region: [east] }, quota: { per_seat: ${east} }, duties: { sell: R } }
    rep-south: { title: South rep, level: frontline, reports_to: director, headcount: 4, cut: [region], scope: { region: [south] }, quota: { per_seat: ${south} }, duties: { sell: R } }
${extra}`);

describe('territory-balance', () => {
  it('is quiet when comparable seats carry quotas within 15 % of their average', async () => {
    expect(await findings('territory-balance', reps('5.5M CNY', '4.5M CNY'))).toEqual([]);
  });

  it('reports each seat far from the average of its comparable seats, at its quota', async () => {
    expect(await findings('territory-balance', reps('7M CNY', '3M CNY'))).toEqual([
      '10:147 a seat of East rep (rep-east) carries 7M CNY, 40% above the 5M CNY average of the comparable seats of South rep (rep-south): balance the quotas, or the territories behind them',
      '11:150 a seat of South rep (rep-south) carries 3M CNY, 40% below the 5M CNY average of the comparable seats of East rep (rep-east): balance the quotas, or the territories behind them',
    ]);
    expect(await findings('territory-balance', reps('7M CNY', '3M CNY'), { tolerance: 0.5 })).toEqual([]);
  });

  it('does not compare seats cut differently or scoped differently on more than one dimension', async () => {
    const extra = `
    ka-east: { title: KA East, level: frontline, reports_to: director, headcount: 2, cut: [tier, region], scope: { tier: [ka], region: [east] }, quota: { per_seat: 20M CNY }, duties: { sell: R } }
    smb-south: { title: SMB South, level: frontline, reports_to: director, headcount: 2, cut: [tier, region], scope: { tier: [smb], region: [south] }, quota: { per_seat: 2M CNY }, duties: { sell: R } }`;
    expect(await findings('territory-balance', reps('5M CNY', '5M CNY', extra))).toEqual([]);
  });

  it('groups the same way when the scopes are too many to number in one key (15 dimensions)', async () => {
    // 15 dimensions, 16 value sets in use: 17^14 > 2^53, so the keys are texts.
    const dims = Array.from({ length: 15 }, (_, i) => `    d${i}: { name: D${i}, values: { a: { name: A }, b: { name: B } } }`).join('\n');
    const scope = (first: string) => ['d0: [' + first + ']', ...Array.from({ length: 14 }, (_, i) => `d${i + 1}: [a]`)].join(', ');
    const rep = (id: string, first: string, quota: string) =>
      `    ${id}: { title: ${id}, level: frontline, reports_to: director, headcount: 4, cut: [d0], scope: { ${scope(first)} }, quota: { per_seat: ${quota} }, duties: { sell: R } }`;
    const text = org(`
  dimensions:
${dims}
  duties:
    sell: { name: Sell, area: execution }
  roles:
    director: { title: Director, level: strategic, duties: { sell: A } }
${rep('rep-a', 'a', '7M CNY')}
${rep('rep-b', 'b', '3M CNY')}
`);
    expect((await findings('territory-balance', text)).map((f) => f.replace(/^\d+:\d+ /, ''))).toEqual([
      'a seat of rep-a carries 7M CNY, 40% above the 5M CNY average of the comparable seats of rep-b: balance the quotas, or the territories behind them',
      'a seat of rep-b carries 3M CNY, 40% below the 5M CNY average of the comparable seats of rep-a: balance the quotas, or the territories behind them',
    ]);
  });
});
