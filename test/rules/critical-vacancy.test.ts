import { describe, expect, it } from 'vitest';
import { findings, org } from '../helpers/lint.js';

const withManager = (manager: string, more = '') => org(`
  duties:
    sell: { name: Sell, area: execution }
    plan: { name: Plan, area: strategy }
  roles:
    director: { title: Director, level: strategic, duties: { plan: A } }
    manager: { title: Manager, level: tactical, reports_to: director, ${manager} }
    rep: { title: Rep, level: frontline, reports_to: manager, headcount: 4, duties: { sell: R, plan: R } }
${more}`);

describe('critical-vacancy', () => {
  it('is quiet when the seat is filled, or vacant and leaned on by nothing', async () => {
    expect(await findings('critical-vacancy', withManager('duties: { sell: A }'))).toEqual([]);
    expect(await findings('critical-vacancy', org(`
      roles:
        director: { title: Director, level: strategic }
        analyst: { title: Analyst, level: support, reports_to: director, vacancies: 1 }
    `))).toEqual([]);
  });

  it('reports a vacant manager that owns a target and the only A of a duty, with no backup, at the role', async () => {
    expect(await findings('critical-vacancy', withManager('vacancies: 1, duties: { sell: A }', `
  targets:
    year: { metric: revenue, value: 10M CNY, owner: manager }`))).toEqual([
      '8:3 Manager (manager) is vacant but critical (people managed: 4; targets owned: 1; duties it alone is Accountable for: 1) and has no backup (AB角): name one with `backup:` until the seat is filled',
    ]);
  });

  it('says a named backup stands in, and flags a backup that is vacant too or the role itself', async () => {
    expect(await findings('critical-vacancy', withManager('vacancies: 1, backup: director, duties: { sell: A }'))).toEqual([
      '8:3 Manager (manager) is vacant but critical (people managed: 4; targets owned: 0; duties it alone is Accountable for: 1); Director (director) stands in until it is filled',
    ]);
    expect(await findings('critical-vacancy', withManager('vacancies: 1, backup: director, duties: { sell: A }').replace('level: strategic,', 'level: strategic, vacancies: 1,'))).toEqual([
      '7:3 Director (director) is vacant but critical (people managed: 1; targets owned: 0; duties it alone is Accountable for: 1) and has no backup (AB角): name one with `backup:` until the seat is filled',
      '8:91 Manager (manager) is vacant but critical (people managed: 4; targets owned: 0; duties it alone is Accountable for: 1), and its backup Director (director) is vacant too: name a backup who is in post',
    ]);
    expect(await findings('critical-vacancy', withManager('backup: manager, duties: { sell: A }'))).toEqual([
      '8:77 Manager (manager) names itself as its backup: a backup is another role',
    ]);
  });
});
