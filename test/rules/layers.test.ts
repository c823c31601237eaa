import { describe, expect, it } from 'vitest';
import { layersNeeded } from '../../src/check/rules/layers.js';
import { findings, lint, org } from '../helpers/lint.js';

// A chain of n roles, the last with `bottom` seats (the headcount the limit is tied to).
const chain = (n: number, bottom = 2000) => org(`
  duties:
    work: { name: Work, area: execution }
  roles:
${Array.from({ length: n }, (_, i) => `    l${i + 1}: { title: Layer ${i + 1}, level: tactical, ${i ? `reports_to: l${i}, ` : ''}${i === n - 1 ? `headcount: ${bottom}, ` : ''}duties: { work: ${i ? 'R' : 'A'} } }`).join('\n')}
`);

describe('layers', () => {
  it('needs the layers in which spans of 7 reach every seat', () => {
    // 1 + 7 = 8 seats in two layers, 57 in three, 400 in four, 2,801 in five.
    expect([1, 8, 9, 57, 58, 400, 401, 2801, 2802].map((n) => layersNeeded(n, 7))).toEqual([1, 2, 3, 3, 4, 4, 5, 5, 6]);
  });

  it('is quiet within the limit', async () => {
    expect(await findings('layers', chain(5))).toEqual([]);
    expect(await findings('layers', chain(3, 6))).toEqual([]);
  });

  it('reports where the chain first goes too deep, whatever the headcount', async () => {
    expect(await findings('layers', chain(7))).toEqual([
      '11:54 role Layer 6 (l6) is at layer 6 (l1 → l2 → l3 → l4 → l5 → l6); at most 5 layers',
    ]);
    expect(await findings('layers', chain(7), { max: 7, span: 3 })).toEqual([]);
  });

  it('ties the limit to headcount: a small org is held to fewer layers', async () => {
    // 40 seats (+3 managers): three layers at spans of 7, plus one of slack.
    expect(await findings('layers', chain(5, 40))).toEqual([
      '10:54 role Layer 5 (l5) is at layer 5 (l1 → l2 → l3 → l4 → l5); an org of 44 people needs 3 layers at spans of 7, so at most 4: widen spans or remove a layer',
    ]);
    expect(await findings('layers', chain(5, 40), { slack: 2 })).toEqual([]);
    const zh = await lint(chain(5, 40), { extends: 'strict' }, 'zh-CN');
    expect(zh.filter((d) => d.ruleId === 'layers').map((d) => d.message)).toEqual([
      '岗位 Layer 5 (l5) 位于第 5 层（l1 → l2 → l3 → l4 → l5）；44 人的组织按管理幅度 7 只需 3 层，最多 4 层：可扩大管理幅度或减少层级',
    ]);
  });
});
