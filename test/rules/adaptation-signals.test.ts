import { describe, expect, it } from 'vitest';
import { findings, org } from '../helpers/lint.js';

const orgWith = (signals: string) => org(`
  duties:
    sell: { name: Sell, area: execution }
  roles:
    ka-manager: { title: KA manager, level: frontline, duties: { sell: [A, R] } }
  metrics:
    online-share: { name: Online share of leads }
  kpis:
    win-rate: { name: Win rate, kind: individual, measures: [sell], owners: [ka-manager] }
  signals:
${signals}
`);

describe('adaptation-signals', () => {
  it('is quiet for signals about known metrics and real changes', async () => {
    expect(await findings('adaptation-signals', orgWith(`
    livestream: { watch: online-share, when: '> 30%', change: add, role: livestream-sales }
    split-ka: { watch: win-rate, when: '< 20%', change: split, role: ka-manager, roles: [solution-ka, relationship-ka] }`))).toEqual([]);
  });

  it('reports an unknown watch, adding a role that exists, and splitting one that does not', async () => {
    expect(await findings('adaptation-signals', orgWith(`
    a: { watch: online-shares, when: '> 30%', change: add, role: ka-manager }
    b: { watch: win-rate, when: '< 20%', change: split, role: ka-manger, roles: [ka-manager] }`))).toEqual([
      '13:15 signal `a` watches `online-shares`, which is neither a KPI nor a metric; did you mean `online-share`?',
      '13:64 signal `a` calls for a new role `ka-manager`, but it already exists',
      '14:61 signal `b` would split role `ka-manger`, which does not exist; did you mean `ka-manager`?',
      '14:79 signal `b` would split roles but lists 1; name at least two in `roles`',
      '14:80 signal `b` calls for a new role `ka-manager`, but it already exists',
    ]);
  });
});
