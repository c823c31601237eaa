// The benchmark's synthetic orgs must be what they claim: realistic and clean under the
// recommended rules, at several sizes and split over several files.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { syntheticOrg } from '../../scripts/bench/synthetic-org.js';
import { parse } from 'yaml';
import { lint } from '../helpers/lint.js';

/** The rules of the config the generator writes beside the org (as `npm run bench` uses it). */
const rulesOf = (config: string | undefined) => (config ? (parse(config) as { rules: Record<string, never> }).rules : {});

describe('the synthetic org', () => {
  for (const roles of [60, 1500]) {
    it(`of about ${roles} roles validates clean under recommended`, async () => {
      const org = syntheticOrg(roles);
      expect(org.roles).toBeGreaterThan(roles * 0.8);
      const found = await lint(Object.fromEntries(org.files), { extends: 'recommended', rules: rulesOf(org.config) });
      expect(found.map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
    });
  }

  it('split over several files validates clean too', async () => {
    const org = syntheticOrg(800, { files: 3 });
    expect(org.files.size).toBe(3);
    expect(await lint(Object.fromEntries(org.files), { extends: 'recommended', rules: rulesOf(org.config) })).toEqual([]);
  });

  it('is the same for the same size', () => {
    expect(syntheticOrg(300).files).toEqual(syntheticOrg(300).files);
  });

  // Tests and goldens are built on these orgs: making the generator faster must not change them.
  // Digests of the output of the generator as it was when it was quadratic, then (deliberately)
  // with quotas on the frontline seats and targets sized by them, and the planning defects, then
  // with the config's first-line span of 12 (the rule's default became 10).
  for (const [roles, opts, digest] of [
    [300, {}, '6e2a63a8bdb66c10'],
    [800, { files: 3 }, 'ecfe2096bef3bc63'],
    [2500, { defects: 2 }, '9ab027961ee01a56'],
  ] as const) {
    it(`of ${roles} roles ${JSON.stringify(opts)} is byte for byte what it has always been`, () => {
      const org = syntheticOrg(roles, opts);
      const hash = createHash('sha256');
      for (const [name, text] of org.files) hash.update(name).update('\0').update(text).update('\0');
      hash.update(org.config ?? '').update(JSON.stringify(org.expected ?? null));
      expect(hash.digest('hex').slice(0, 16)).toBe(digest);
    });
  }
});
