import { describe, expect, it } from 'vitest';
import { findings, org } from '../helpers/lint.js';

const orgWith = (person: string) => org(`
  competency_levels: [Basic, Good, Expert]
  competencies:
    selling: { name: Selling }
  duties:
    sell: { name: Sell, area: execution, demands: { selling: 2 } }
  roles:
    seller:
      title: Seller
      level: frontline
      duties: { sell: [A, R] }
      requires: { experience: 2y, competencies: { selling: 2 } }
  people:
    li-na:
      name: 李娜
      role: seller
      ${person}
`);

describe('person-fit', () => {
  it('is quiet when the person meets the role', async () => {
    expect(await findings('person-fit', orgWith('experience: 3y\n      competencies: { selling: 3 }'))).toEqual([]);
  });

  it('does not judge what was not assessed', async () => {
    expect(await findings('person-fit', orgWith('notes: new joiner'))).toEqual([]);
  });

  it('reports a competency level and experience below the role', async () => {
    expect(await findings('person-fit', orgWith('experience: 1y\n      competencies: { selling: 1 }'))).toEqual([
      '18:17 李娜 (li-na) has 1 year of experience; Seller (seller) requires 2',
      '19:30 李娜 (li-na) has Selling (selling) at level 1; Seller (seller) requires 2',
    ]);
  });
});
