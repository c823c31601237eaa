import { describe, expect, it } from 'vitest';
import { findings, org } from '../helpers/lint.js';

const orgWith = (targets: string) => org(`
  duties:
    sell: { name: Sell, area: execution }
  roles:
    boss: { title: Boss, level: strategic, duties: { sell: [A, R] } }
  targets:
${targets}
`);

describe('target-cascade', () => {
  it('is quiet when children add up and every target has an owner', async () => {
    expect(await findings('target-cascade', orgWith(`
    year: { metric: revenue, value: 120M CNY, owner: boss }
    east: { metric: revenue, value: 70M CNY, parent: year, owner: boss }
    south: { metric: revenue, value: 5亿 CNY, parent: year, owner: boss }
    share: { metric: market-share, value: 15%, owner: boss }`).replace('5亿', '0.5亿'))).toEqual([]);
  });

  it('reports children that do not add up, at the parent\'s value', async () => {
    expect(await findings('target-cascade', orgWith(`
    year: { metric: revenue, value: 120M CNY, owner: boss }
    east: { metric: revenue, value: 60M CNY, parent: year, owner: boss }
    south: { metric: revenue, value: 50M CNY, parent: year, owner: boss }`))).toEqual([
      '9:35 the targets under year add up to 110M CNY, not 120M CNY',
    ]);
  });

  it('accepts a small difference within the tolerance option', async () => {
    const text = orgWith(`
    year: { metric: revenue, value: 120M CNY, owner: boss }
    east: { metric: revenue, value: 60M CNY, parent: year, owner: boss }
    south: { metric: revenue, value: 58M CNY, parent: year, owner: boss }`);
    expect(await findings('target-cascade', text)).toHaveLength(1);
    expect(await findings('target-cascade', text, { tolerance: 0.02 })).toEqual([]);
  });

  it('reports a child in another currency, and a target nobody owns', async () => {
    expect(await findings('target-cascade', orgWith(`
    year: { metric: revenue, value: 120M CNY }
    east: { metric: revenue, value: 10M USD, parent: year, owner: boss }`))).toEqual([
      '9:3 target year is owned by no role',
      '10:35 target east is in USD, but its parent year is in CNY',
    ]);
  });
});
