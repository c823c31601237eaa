import { describe, expect, it } from 'vitest';
import { findings, org } from '../helpers/lint.js';

const orgWith = (letters: string[]) => org(`
  duties:
${letters.map((_, i) => `    d${i}: { name: Duty ${i}, area: execution }`).join('\n')}
  roles:
    boss:
      title: Boss
      level: strategic
      duties: { ${letters.map((l, i) => `d${i}: ${l}`).join(', ')} }
    doer:
      title: Doer
      level: frontline
      reports_to: boss
      duties: { ${letters.map((_, i) => `d${i}: R`).join(', ')} }
`);

describe('raci-overload', () => {
  it('is quiet for a balanced role', async () => {
    expect(await findings('raci-overload', orgWith(['A', 'A', 'A', 'C', 'I']))).toEqual([]);
  });

  it('reports a role Accountable for everything it touches', async () => {
    expect(await findings('raci-overload', orgWith(['A', 'A', 'A', 'A', 'A']))).toEqual([
      '10:3 role Boss (boss) is Accountable for 100% of the 5 duties it touches (at most 90%): it owns everything and delegates nothing',
    ]);
  });

  it('reports a role Consulted on most of what it touches', async () => {
    expect(await findings('raci-overload', orgWith(['A', 'C', 'C', 'C', 'I']))).toEqual([
      '10:3 role Boss (boss) is Consulted on 60% of the 5 duties it touches (at most 50%): more meetings than work',
    ]);
  });

  it('leaves roles touching few duties alone, and takes limits from options', async () => {
    expect(await findings('raci-overload', orgWith(['A', 'A', 'A', 'A']))).toEqual([]);
    expect(await findings('raci-overload', orgWith(['A', 'A', 'C', 'I', 'I']), { maxAccountable: 0.3 })).toEqual([
      '10:3 role Boss (boss) is Accountable for 40% of the 5 duties it touches (at most 30%): it owns everything and delegates nothing',
    ]);
  });
});
