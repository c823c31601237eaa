// The benchmark's synthetic orgs must be what they claim: realistic and clean under the
// recommended rules, at several sizes and split over several files.
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
});
