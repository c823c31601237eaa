// `npm run fuzz [-- --runs 100000 --seed N --only validate|mutate|render|diff|diff-complete|diff-renames]`:
// a long property-based campaign over the properties in properties.ts and diff-properties.ts, with a fresh seed unless given. Prints what ran
// and, for a failure, the shrunk counterexample and how to replay it. Exit 1 when anything failed.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { caseFiles, diffCase, diffIsComplete, renamesAreRenames, tally, type DiffCase } from './diff-properties.js';
import { diffsEmptyWithItself, mutatedOrg, rendersDeterministically, validatesSafely, validOrg, type Files } from './properties.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10000' }, seed: { type: 'string' }, only: { type: 'string' } } });
const runs = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- [--runs N] [--seed N] [--only validate|mutate|render|diff|diff-complete|diff-renames]');
  process.exit(2);
}

// Rendering is slower: it runs a tenth as many cases. `files` writes a counterexample as files.
interface Campaign<T> {
  name: string;
  what: string;
  arbitrary: fc.Arbitrary<T>;
  property: (x: T) => Promise<void>;
  share: number;
  files?: (x: T) => Files;
}
const CAMPAIGNS: Array<Campaign<Files> | Campaign<DiffCase>> = [
  { name: 'validate', what: 'validate of random valid orgs', arbitrary: validOrg, property: validatesSafely, share: 0.25 },
  { name: 'mutate', what: 'validate of mutated orgs', arbitrary: mutatedOrg, property: validatesSafely, share: 0.75 },
  { name: 'render', what: 'render of valid orgs, twice, every format', arbitrary: validOrg, property: rendersDeterministically, share: 0.1 },
  { name: 'diff', what: 'diff of an org with itself', arbitrary: fc.oneof(validOrg, mutatedOrg), property: diffsEmptyWithItself, share: 0.1 },
  { name: 'diff-complete', what: 'diff of an org and a change to one of its fields: empty exactly when the models are equal', arbitrary: diffCase, property: diffIsComplete, share: 0.25, files: caseFiles },
  { name: 'diff-renames', what: 'diff of an org with roles and duties renamed: those renames and nothing else', arbitrary: diffCase, property: renamesAreRenames, share: 0.1, files: caseFiles },
];

const failuresDir = path.join(fileURLToPath(new URL('../../', import.meta.url)), '.fuzz');
let failed = 0;
console.log(`seed ${seed}, ${runs} cases (${CAMPAIGNS.filter((c) => !values.only || values.only === c.name).map((c) => `${c.name} ${values.only ? runs : Math.round(runs * c.share)}`).join(', ')})`);
for (const c of CAMPAIGNS) {
  if (values.only && values.only !== c.name) continue;
  const numRuns = Math.max(1, Math.round(runs * (values.only ? 1 : c.share)));
  const start = performance.now();
  const result = await fc.check(fc.asyncProperty(c.arbitrary as fc.Arbitrary<unknown>, c.property as (x: unknown) => Promise<void>), { seed, numRuns, endOnFailure: false });
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  if (!result.failed) {
    const left = c.name === 'diff-complete' ? ` (models equal in ${tally.equal}, different in ${tally.differ}; ${tally.skipped} mutated orgs did not load)` : '';
    console.log(`✔ ${c.what}: ${result.numRuns} cases, no failure${left} (${seconds} s)`);
    continue;
  }
  failed++;
  const found = result.counterexample![0];
  const example = 'files' in c && c.files ? (c.files as (x: unknown) => Files)(found) : (found as Files);
  const dir = path.join(failuresDir, `${c.name}-${seed}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(example)) writeFileSync(path.join(dir, name), text);
  console.log(`✘ ${c.what}: failed after ${result.numRuns} cases (${seconds} s): ${String(result.errorInstance).split('\n')[0]}`);
  console.log(`  counterexample (shrunk) written to ${path.relative(process.cwd(), dir)}/`);
  console.log(`  replay: npm run fuzz -- --only ${c.name} --seed ${seed} --runs ${numRuns}   (path ${result.counterexamplePath})`);
}
process.exit(failed ? 1 : 0);
