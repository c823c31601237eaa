import { describe, expect, it } from 'vitest';
import { findings, org } from '../helpers/lint.js';

const orgWith = (requires: string, level = 'frontline') => org(`
  competency_levels: [Basic, Good, Expert]
  competencies:
    selling: { name: Selling }
    planning: { name: Planning }
  duties:
    sell: { name: Sell, area: execution, demands: { selling: 2, planning: 1 } }
  roles:
    seller:
      title: Seller
      level: ${level}
      duties: { sell: [A, R] }
      requires:
        ${requires}
`);

describe('role-fit', () => {
  it('is quiet when requirements cover the demands', async () => {
    expect(await findings('role-fit', orgWith('competencies: { selling: 3, planning: 1 }'))).toEqual([]);
  });

  it('reports a demanded competency the role does not require, at the duty', async () => {
    expect(await findings('role-fit', orgWith('competencies: { selling: 2 }'))).toEqual([
      '13:15 role Seller (seller) is R for Sell (sell), which demands Planning (planning) at level 1, but the role does not require Planning (planning)',
    ]);
  });

  it('reports a required level below the demand, at the level', async () => {
    expect(await findings('role-fit', orgWith('competencies: { selling: 1, planning: 1 }'))).toEqual([
      '15:32 role Seller (seller) requires Selling (selling) at level 1, but its duty Sell (sell) demands level 2',
    ]);
  });

  it('reports too little experience for the role\'s level', async () => {
    expect(await findings('role-fit', orgWith('{ experience: 2y, competencies: { selling: 2, planning: 1 } }', 'strategic'))).toEqual([
      '15:21 a strategic role should require at least 5 years of experience; Seller (seller) requires 2',
    ]);
    expect(await findings('role-fit', orgWith('{ experience: 2y, competencies: { selling: 2, planning: 1 } }', 'strategic'), { minExperience: { strategic: 2 } })).toEqual([]);
  });
});
