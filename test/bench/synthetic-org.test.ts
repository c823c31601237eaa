// The benchmark's synthetic orgs must be what they claim: realistic and clean under the
// recommended rules, at several sizes and split over several files.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { syntheticOrg } from '../../scripts/bench/synthetic-org.js';
import { lint } from '../helpers/lint.js';

describe('the synthetic org', () => {
  for (const roles of [60, 1500]) {
    it(`of about ${roles} roles validates clean under recommended`, async () => {
      const org = syntheticOrg(roles);
      expect(org.roles).toBeGreaterThan(roles * 0.8);
      const found = await lint(Object.fromEntries(org.files), { extends: 'recommended' });
      expect(found.map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
    });
  }

  it('split over several files validates clean too', async () => {
    const org = syntheticOrg(800, { files: 3 });
    expect(org.files.size).toBe(3);
    expect(await lint(Object.fromEntries(org.files), { extends: 'recommended' })).toEqual([]);
  });

  it('is the same for the same size', () => {
    expect(syntheticOrg(300).files).toEqual(syntheticOrg(300).files);
  });

  // Tests and goldens are built on these orgs: making the generator faster must not change them.
  // Digests of the output of the generator as it was when it was quadratic, then (deliberately)
  // with quotas on the frontline seats and targets sized by them, and the planning defects.
  for (const [roles, opts, digest] of [
    [300, {}, '387e1888e209731c'],
    [800, { files: 3 }, '022f9d06be0815f1'],
    [2500, { defects: 2 }, 'fc57dc690eb8104f'],
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
