import { describe, expect, it } from 'vitest';
import { findings, org } from '../helpers/lint.js';

describe('reporting-structure', () => {
  it('is quiet for one top role and useful dotted lines', async () => {
    expect(await findings('reporting-structure', org(`
      duties:
        work: { name: Work, area: execution }
      roles:
        top: { title: Top, level: strategic, duties: { work: A } }
        east: { title: East, level: tactical, reports_to: top, duties: { work: R } }
        ka: { title: KA, level: frontline, reports_to: top, dotted_line_to: [east], duties: { work: R } }
    `))).toEqual([]);
  });

  it('reports a second top role, and dotted lines to oneself or to one\'s own manager', async () => {
    expect(await findings('reporting-structure', org(`
      duties:
        work: { name: Work, area: execution }
      roles:
        top: { title: Top, level: strategic, duties: { work: A } }
        other-top: { title: Other top, level: strategic, duties: { work: R } }
        rep:
          title: Rep
          level: frontline
          reports_to: top
          dotted_line_to: [rep, top]
          duties: { work: R }
    `))).toEqual([
      '7:3 role Other top (other-top) reports to no one, and neither does Top (top): an org has one top role (add `reports_to`)',
      '12:22 role Rep (rep) has a dotted line to itself',
      '12:27 role Rep (rep) already reports to Top (top) on a solid line; a dotted line to it adds nothing',
    ]);
  });
});
