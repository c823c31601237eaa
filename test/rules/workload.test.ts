import { describe, expect, it } from 'vitest';
import { findings, org } from '../helpers/lint.js';

const orgWith = (effort: number, reps: number) => org(`
  duties:
    visit: { name: Visit, area: execution, effort: ${effort} }
    plan: { name: Plan, area: strategy, effort: 0.5 }
  roles:
    boss: { title: Boss, level: strategic, duties: { visit: A, plan: [A, R] } }
    rep: { title: Rep, level: frontline, reports_to: boss, headcount: ${reps}, duties: { visit: R } }
    helper: { title: Helper, level: support, reports_to: boss, duties: { visit: R } }
`);

describe('workload', () => {
  it('is quiet when effort fits headcount, shared by headcount', async () => {
    expect(await findings('workload', orgWith(5, 4))).toEqual([]);
  });

  it('reports a role whose share of effort exceeds its headcount', async () => {
    expect(await findings('workload', orgWith(10, 4))).toEqual([
      '8:69 the duties of Rep (rep) take 8 FTE (visit 8), more than its headcount of 4',
      '9:3 the duties of Helper (helper) take 2 FTE (visit 2), more than its headcount of 1',
    ]);
  });
});
