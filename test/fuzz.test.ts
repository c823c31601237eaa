// Property-based tests, a few thousand cases with a fixed seed so that every run checks the same
// ones (`npm run fuzz` explores further with fresh seeds). See scripts/fuzz/properties.ts.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { diffsEmptyWithItself, mutatedOrg, rendersDeterministically, validatesSafely, validOrg } from '../scripts/fuzz/properties.js';

const SEED = 20261127;

describe('on any input', () => {
  it('validate of a random valid org never throws, and places every finding in its file', async () => {
    await fc.assert(fc.asyncProperty(validOrg, validatesSafely), { seed: SEED, numRuns: 500 });
  }, 120_000);

  it('validate of a mutated org never throws, and places every finding in its file', async () => {
    await fc.assert(fc.asyncProperty(mutatedOrg, validatesSafely), { seed: SEED, numRuns: 2000 });
  }, 300_000);

  it('diff of an org with itself is empty, mutated or not', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(validOrg, mutatedOrg), diffsEmptyWithItself), { seed: SEED, numRuns: 500 });
  }, 120_000);

  it('render of a valid org succeeds in every format, byte-identical when repeated', async () => {
    await fc.assert(fc.asyncProperty(validOrg, rendersDeterministically), { seed: SEED, numRuns: 120 });
  }, 300_000);
});
