import { describe, expect, it } from 'vitest';
import { findings, org } from '../helpers/lint.js';

const orgWith = (rep: string) => org(`
  dimensions:
    region: { name: Region, values: { east: { name: East } } }
    tier: { name: Tier, values: { ka: { name: KA } } }
  process:
    win: { name: Win, steps: { close: { name: Close } } }
  duties:
    close: { name: Close, area: execution, step: close }
    plan: { name: Plan, area: strategy }
  roles:
    rep:
      title: Rep
      level: frontline
      ${rep}
`);

describe('role-cut', () => {
  it('is quiet when the cut and the scope agree', async () => {
    expect(await findings('role-cut', orgWith('cut: [region, process]\n      scope: { region: [east] }\n      duties: { close: [A, R], plan: [A, R] }'))).toEqual([]);
  });

  it('reports a cut without scope, a scope outside the cut, and a process cut without process work', async () => {
    expect(await findings('role-cut', orgWith('cut: [region, process]\n      scope: { tier: [ka] }\n      duties: { plan: [A, R], close: C }'))).toEqual([
      '15:11 role Rep (rep) is cut by `region` but has no `region` in its scope',
      '15:19 role Rep (rep) is cut by process but none of its duties serves a process step',
      '16:14 role Rep (rep) is scoped on `tier`, which its `cut` does not list',
    ]);
  });
});
