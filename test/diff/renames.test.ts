// Renames are renames: a new id for the same role or duty, with every reference following it, is
// that rename and nothing else — no split, no merge, no manager, duty, KPI or target "changed".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareModels } from '../../src/diff/compare.js';
import { expectRenames, modelOf, renamesAreRenames, renameShare, diffCase } from '../../scripts/fuzz/diff-properties.js';
import { syntheticOrg } from '../../scripts/bench/synthetic-org.js';

const SEED = 20261127;

describe('renamed roles and duties', () => {
  it('k random roles and duties of a random org renamed, references following, are k renames and nothing else', async () => {
    await fc.assert(fc.asyncProperty(diffCase, renamesAreRenames), { seed: SEED, numRuns: 300 });
  }, 120_000);

  const yaml = syntheticOrg(1000).files.values().next().value!;

  it('10 seats of a 1k org renamed are 10 renames (no manager, duty, KPI or target noise)', async () => {
    const { yaml: renamed, roles } = renameShare(yaml, 100);
    expect(roles.size).toBe(11);
    const [a, b] = [await modelOf(yaml), await modelOf(renamed)];
    expectRenames(compareModels(a!, b!, 'en'), roles, new Map(), '1k org, 1 % renamed');
  }, 60_000);

  it('10 % of the ids of a 1k org renamed are renames, not splits', async () => {
    const { yaml: renamed, roles } = renameShare(yaml, 10);
    const [a, b] = [await modelOf(yaml), await modelOf(renamed)];
    expectRenames(compareModels(a!, b!, 'en'), roles, new Map(), '1k org, 10 % renamed');
  }, 60_000);

  it('a renamed role that also changed is a rename and that change', async () => {
    const base = `orgc: 1
org: { id: o, name: O, language: en }
duties:
  a: { name: A, area: execution }
  b: { name: B, area: execution }
  c: { name: C, area: execution }
  d: { name: D, area: execution }
  e: { name: E, area: execution }
roles:
  boss: { title: Boss, level: strategic, duties: { a: A, b: A, c: A, d: A, e: A } }
  rep: { title: Rep, level: frontline, reports_to: boss, duties: { a: R, b: R, c: R, d: R, e: R } }
  care: { title: Care, level: frontline, reports_to: boss, duties: { e: C } }
`;
    const head = base.replace('rep: { title: Rep,', 'seller: { title: Seller,').replace('duties: { e: C }', 'duties: { e: C, a: I }');
    const changes = compareModels((await modelOf(base))!, (await modelOf(head))!, 'en');
    expect(changes.map((c) => c.kind).sort()).toEqual(['raci-changed', 'role-renamed', 'role-retitled']);
    expect(changes.find((c) => c.kind === 'role-renamed')).toMatchObject({ from: { id: 'rep' }, to: { id: 'seller' } });
  });
});
