import { describe, expect, it } from 'vitest';
import { findings, org } from '../helpers/lint.js';

const withTargets = (targets: string, more = '') => org(`
  duties:
    sell: { name: Sell, area: execution }
  roles:
    boss: { title: Boss, level: strategic, duties: { sell: [A, R] } }
  targets:
${targets}
${more}`);

describe('metric-consistency', () => {
  it('is quiet when profit is below revenue and every value is in its unit', async () => {
    expect(await findings('metric-consistency', withTargets(`
    revenue: { metric: revenue, value: 120M CNY, period: '2027', owner: boss }
    profit: { metric: profit, value: 0.18亿 CNY, period: '2027', owner: boss }
    share: { metric: market-share, value: 15%, owner: boss }`))).toEqual([]);
  });

  it('reports profit above the revenue of the same period, at the profit', async () => {
    expect(await findings('metric-consistency', withTargets(`
    revenue: { metric: revenue, value: 120M CNY, period: '2027', owner: boss }
    profit: { metric: profit, value: 1.8亿 CNY, period: '2027', owner: boss }`))).toEqual([
      '10:36 `profit` is 1.8亿 CNY, above `revenue` (120M CNY), which it may not exceed',
    ]);
  });

  it('leaves profit and revenue of different periods or scopes alone, and drops the default when asked', async () => {
    const text = withTargets(`
    revenue: { metric: revenue, value: 120M CNY, period: '2027', owner: boss }
    profit: { metric: profit, value: 1.8亿 CNY, period: '2028', owner: boss }`);
    expect(await findings('metric-consistency', text)).toEqual([]);
    const same = text.replace("'2028'", "'2027'");
    expect(await findings('metric-consistency', same, { atMost: {} })).toEqual([]);
  });

  it('checks declared relations, and refuses to compare an amount with a share', async () => {
    expect(await findings('metric-consistency', withTargets(`
    east: { metric: revenue, value: 70M CNY, owner: boss, at_least: floor }
    floor: { metric: revenue, value: 80M CNY, owner: boss }
    margin: { metric: gross-margin, value: 30%, owner: boss, at_most: east }`))).toEqual([
      '9:35 `east` is 70M CNY, below `floor` (80M CNY), which it may not fall below',
      '11:69 `margin` (30%) is declared against `east` (70M CNY), but they are in different units and cannot be compared',
    ]);
  });

  it('reports a share written as an amount, and a share above 100 %', async () => {
    expect(await findings('metric-consistency', withTargets(`
    share: { metric: market-share, value: 15M CNY, owner: boss }
    margin: { metric: gross-margin, value: 130%, owner: boss }`))).toEqual([
      '9:41 `share` measures `share`, but 15M CNY is not one: write it like `15%`',
      '10:42 `margin` is a share, but 130% is above 100%',
    ]);
  });

  it('checks KPI targets against their measure and declared relations, and signals against a metric\'s measure', async () => {
    expect(await findings('metric-consistency', withTargets(`
    year: { metric: revenue, value: 1M CNY, owner: boss }`, `
  kpis:
    win-rate: { name: Win rate, kind: individual, measure: share, target: 135%, owners: [boss] }
    cycle: { name: Sales cycle, kind: individual, measure: duration, target: 30, owners: [boss] }
    floor: { name: Floor, kind: individual, target: 20%, owners: [boss], at_most: ceiling }
    ceiling: { name: Ceiling, kind: individual, target: 10%, owners: [boss] }
  metrics:
    output-per-head: { name: Output per head, measure: amount }
  signals:
    falls: { watch: output-per-head, when: '< 1.2M', change: retire, role: boss }`))).toEqual([
      '12:73 `win-rate` is a share, but 135% is above 100%',
      '13:76 `cycle` measures `duration`, but 30 is not one: write it like `24h`',
      '14:51 `floor` is 20%, above `ceiling` (10%), which it may not exceed',
      '19:42 signal `falls` compares `output-per-head`, which measures `amount`, with 1.2M: write it like `120M CNY`',
    ]);
  });
});
