import { describe, expect, it } from 'vitest';
import { findings, org } from '../helpers/lint.js';

const chain = (n: number) => org(`
  duties:
    work: { name: Work, area: execution }
  roles:
${Array.from({ length: n }, (_, i) => `    l${i + 1}: { title: Layer ${i + 1}, level: tactical, ${i ? `reports_to: l${i}, ` : ''}duties: { work: ${i ? 'R' : 'A'} } }`).join('\n')}
`);

describe('layers', () => {
  it('is quiet within the limit', async () => {
    expect(await findings('layers', chain(5))).toEqual([]);
  });

  it('reports where the chain first goes too deep', async () => {
    expect(await findings('layers', chain(7))).toEqual([
      '11:54 role Layer 6 (l6) is at layer 6 (l1 → l2 → l3 → l4 → l5 → l6); at most 5 layers',
    ]);
    expect(await findings('layers', chain(7), { max: 7 })).toEqual([]);
  });
});
