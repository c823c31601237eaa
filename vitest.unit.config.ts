// `npm run test:unit`: the fast loop — the tests that run in-process (through the library and the
// stages' own functions), not those that spawn the built binary, a browser, git or npm. `npm test`
// stays the complete suite; CI runs that.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

/** What a test file does when it starts processes: directly, or through a helper that does. */
const SPAWNS = /\bspawn|execFile|execSync|\borgc\(|\bBIN\b|packOrgc|LspClient|runWorkflow|helpers\/browser/;

/** In-process, but thousands of random cases each: in `npm test` only. */
const SLOW = new Set(['test/fuzz.test.ts']);

const unit = (readdirSync('test', { recursive: true, encoding: 'utf8' }) as string[])
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => path.join('test', f).split(path.sep).join('/'))
  .filter((f) => !SLOW.has(f) && !SPAWNS.test(readFileSync(f, 'utf8')))
  .sort();

export default defineConfig({
  test: {
    include: unit,
    testTimeout: 30_000,
    // One module graph for all files (no re-import of src/ per file): most of the time saved.
    pool: 'threads',
    isolate: false,
  },
});
