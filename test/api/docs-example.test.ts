// docs/api.md's example, run as a user would run it: a file of their own importing 'orgc' (the
// built package: dist/index.mjs through package.json's exports), started with node.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'orgc-api-doc-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it('docs/api.md: the example runs and prints what its comments say', () => {
  const doc = readFileSync(path.join(ROOT, 'docs/api.md'), 'utf8');
  const code = /```js\n([\s\S]*?)```/.exec(doc)![1];
  mkdirSync(path.join(tmp, 'node_modules'));
  symlinkSync(ROOT, path.join(tmp, 'node_modules', 'orgc'), 'dir');
  writeFileSync(path.join(tmp, 'check-org.mjs'), code);
  // The example's paths are the repository's examples: run it from the repository.
  const r = spawnSync(process.execPath, [path.join(tmp, 'check-org.mjs')], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('{ error: 0, warning: 0, info: 0 }');
  expect(r.stdout).toContain("[ 'index.md'");
  expect(r.stdout).toContain("[ 'role-retitled' ]");
  expect(r.stdout).toMatch(/input cannot read no-such-org\.yaml/);
});
