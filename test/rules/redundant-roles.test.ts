import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findings, HEADER, lint, org } from '../helpers/lint.js';

const orgWith = (east: string, west: string) => org(`
  dimensions:
    region:
      name: Region
      values: { north: { name: North }, south: { name: South } }
  duties:
    visit: { name: Visit customers, area: execution }
    sell: { name: Sell, area: execution }
    collect: { name: Collect payments, area: execution }
  roles:
    boss: { title: Boss, level: strategic, duties: { visit: A, sell: A, collect: A } }
    rep-a:
      title: Rep A
      level: frontline
      reports_to: boss
      ${east}
      duties: { visit: R, sell: R, collect: R }
    rep-b:
      title: Rep B
      level: frontline
      reports_to: boss
      ${west}
      duties: { visit: R, sell: R, collect: R }
`);

describe('redundant-roles', () => {
  it('accepts roles split by region with disjoint scopes', async () => {
    expect(await findings('redundant-roles', orgWith('scope: { region: [north] }', 'scope: { region: [south] }'))).toEqual([]);
  });

  it('reports the later of two roles doing the same work for the same scope', async () => {
    expect(await findings('redundant-roles', orgWith('scope: { region: [north] }', 'scope: { region: [north, south] }'))).toEqual([
      '19:3 role Rep B (rep-b) does the same work as Rep A (rep-a) (100% of Responsible duties shared) for an overlapping scope: merge them, or split their scopes',
    ]);
  });

  it('counts an unscoped role as covering every value', async () => {
    expect(await findings('redundant-roles', orgWith('notes: everywhere', 'scope: { region: [south] }'))).toHaveLength(1);
  });

  it('uses the threshold option', async () => {
    const partly = org(`
      duties:
        a: { name: A, area: execution }
        b: { name: B, area: execution }
        c: { name: C, area: execution }
      roles:
        x: { title: X, level: frontline, duties: { a: [A, R], b: [A, R], c: [A, R] } }
        y: { title: Y, level: frontline, reports_to: x, duties: { a: R, b: R } }
    `);
    expect(await findings('redundant-roles', partly)).toEqual([]);
    expect(await findings('redundant-roles', partly, { threshold: 0.6 })).toEqual([
      '9:3 role Y (y) does the same work as X (x) (67% of Responsible duties shared) for an overlapping scope: merge them, or split their scopes',
    ]);
  });

  it('counts a pair exactly at the threshold where threshold × duties is inexact in floating point', async () => {
    // 0.56 × 25 = 14.000000000000002: 14 shared duties of 25 is 56%, and must be reported.
    const ids = Array.from({ length: 25 }, (_, i) => `d${i}`);
    const text = org(`
      duties:
${ids.map((d) => `        ${d}: { name: ${d}, area: execution }`).join('\n')}
      roles:
        x: { title: X, level: frontline, duties: { ${ids.map((d) => `${d}: R`).join(', ')} } }
        y: { title: Y, level: frontline, duties: { ${ids.slice(0, 14).map((d) => `${d}: R`).join(', ')} } }
    `);
    expect(await findings('redundant-roles', text, { threshold: 0.56 })).toEqual([
      '31:3 role Y (y) does the same work as X (x) (56% of Responsible duties shared) for an overlapping scope: merge them, or split their scopes',
    ]);
  });

  it('stays linear: 3,000 regional copies of one role are compared through the index, not pairwise', async () => {
    const values = Array.from({ length: 3000 }, (_, i) => `      r${i}: { name: R${i} }`).join('\n');
    const roles = Array.from({ length: 3000 }, (_, i) => `  rep-${i}: { title: Rep ${i}, level: frontline, reports_to: boss, scope: { region: [r${i}] }, duties: { visit: R } }`).join('\n');
    const text = `orgc: 1\norg: { id: t, name: T, language: en }\ndimensions:\n  region:\n    name: Region\n    values:\n${values}\nduties:\n  visit: { name: Visit, area: execution }\nroles:\n  boss: { title: Boss, level: strategic, duties: { visit: A } }\n${roles}\n`;
    expect(await findings('redundant-roles', text)).toEqual([]);
  });
});

// The index must find exactly what comparing every pair would: for each role, the earliest earlier
// role with Jaccard similarity ≥ threshold on Responsible duties and an overlapping scope. Random
// orgs of a few roles over few duties and values, so that near misses are common, and roles pin
// one region and one tier often enough for the scope cells to come into play.
describe('redundant-roles against comparing every pair', () => {
  const DUTIES = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  const roleArb = fc.record({
    duties: fc.subarray(DUTIES.flatMap((d) => [`${d}:R`, `${d}:C`])).map((list) => Object.fromEntries(list.map((e) => e.split(':')))),
    region: fc.option(fc.subarray(['n', 's', 'w'], { minLength: 1 }), { nil: undefined }),
    tier: fc.option(fc.subarray(['ka', 'smb'], { minLength: 1 }), { nil: undefined }),
  });
  const orgArb = fc.record({ roles: fc.array(roleArb, { minLength: 1, maxLength: 14 }), threshold: fc.constantFrom(0.5, 0.56, 0.6, 0.7, 0.75, 0.8, 0.9, 1, 1 / 3) });

  function expected(roles: ReadonlyArray<{ duties: Record<string, string>; region?: string[]; tier?: string[] }>, t: number): string[] {
    const r = (i: number) => new Set(Object.keys(roles[i].duties).filter((d) => roles[i].duties[d] === 'R'));
    const overlaps = (x: string[] | undefined, y: string[] | undefined) => !x || !y || x.some((v) => y.includes(v));
    const out: string[] = [];
    for (let i = 0; i < roles.length; i++) {
      const mine = r(i);
      if (mine.size === 0) continue;
      for (let j = 0; j < i; j++) {
        const theirs = r(j);
        if (theirs.size === 0 || !overlaps(roles[i].region, roles[j].region) || !overlaps(roles[i].tier, roles[j].tier)) continue;
        const shared = [...mine].filter((d) => theirs.has(d)).length;
        const similarity = shared / (mine.size + theirs.size - shared);
        if (similarity >= t) {
          out.push(`r${i} ~ r${j} ${Math.round(similarity * 100)}%`);
          break;
        }
      }
    }
    return out;
  }

  it('reports the same pairs on random orgs', async () => {
    let found = 0;
    await fc.assert(
      fc.asyncProperty(orgArb, async ({ roles, threshold }) => {
        const yamlRoles = roles.map((role, i) => {
          const scope = [role.region && `region: [${role.region.join(', ')}]`, role.tier && `tier: [${role.tier.join(', ')}]`].filter(Boolean);
          const duties = Object.entries(role.duties).map(([d, l]) => `${d}: ${l}`);
          return `  r${i}: { title: R${i}, level: frontline${scope.length ? `, scope: { ${scope.join(', ')} }` : ''}${duties.length ? `, duties: { ${duties.join(', ')} }` : ''} }`;
        });
        const text = `${HEADER}dimensions:\n  region: { name: Region, values: { n: { name: N }, s: { name: S }, w: { name: W } } }\n  tier: { name: Tier, values: { ka: { name: KA }, smb: { name: SMB } } }\nduties:\n${DUTIES.map((d) => `  ${d}: { name: ${d}, area: execution }`).join('\n')}\nroles:\n${yamlRoles.join('\n')}\n`;
        const got = (await lint(text, { extends: 'strict', rules: { 'redundant-roles': { options: { threshold } } } }))
          .filter((d) => d.ruleId === 'redundant-roles')
          .map((d) => /\((r\d+)\) does the same work as R\d+ \((r\d+)\) \((\d+)%/.exec(d.message)!.slice(1))
          .map(([a, b, p]) => `${a} ~ ${b} ${p}%`);
        const want = expected(roles, threshold);
        expect(got).toEqual(want);
        if (want.length > 0) found++;
      }),
      { seed: 1127, numRuns: 400 },
    );
    // Not vacuous: many of the orgs have redundant roles.
    expect(found).toBeGreaterThan(80);
  });
});
