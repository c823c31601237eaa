import { describe, expect, it } from 'vitest';
import { findings, org } from '../helpers/lint.js';

const orgWith = (headcount: number, vacancies: number, people: number) => org(`
  duties:
    sell: { name: Sell, area: execution }
  roles:
    rep: { title: Rep, level: frontline, headcount: ${headcount}, vacancies: ${vacancies}, duties: { sell: [A, R] } }
  people:
${Array.from({ length: people }, (_, i) => `    p${i}: { name: Person ${i}, role: rep }`).join('\n')}
`);

describe('headcount', () => {
  it('is quiet when vacancies and people fit the headcount', async () => {
    expect(await findings('headcount', orgWith(4, 1, 3))).toEqual([]);
  });

  it('reports more vacancies than headcount', async () => {
    expect(await findings('headcount', orgWith(2, 3, 0).replace('people:\n', ''))).toEqual([
      '6:65 role Rep (rep) has 3 vacancies but a headcount of only 2',
    ]);
  });

  it('reports more people than filled positions, at the first one too many', async () => {
    expect(await findings('headcount', orgWith(3, 1, 3))).toEqual([
      '10:31 3 people hold role Rep (rep), which has 2 filled positions (headcount 3, 1 vacant)',
    ]);
  });
});
