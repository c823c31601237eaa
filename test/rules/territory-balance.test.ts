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
});
