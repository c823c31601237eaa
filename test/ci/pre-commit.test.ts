// .pre-commit-hooks.yaml: each hook is what pre-commit expects of a hook manifest, and its entry,
// run as pre-commit runs it (entry, then args, no file names, in the repository's top), passes a
// sound org and stops a broken one. pre-commit itself installs a node hook with npm from the
// registry, which tests cannot reach; this runs the installed command the same way.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { orgc, ROOT } from '../helpers/cli.js';

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files?: string;
  pass_filenames?: boolean;
}

const hooks = parse(readFileSync(`${ROOT}.pre-commit-hooks.yaml`, 'utf8')) as Hook[];
const hook = (id: string) => hooks.find((h) => h.id === id)!;

/** pre-commit's command line for a hook: the entry's words, then the args. */
function runHook(id: string, args: string[], cwd: string) {
  const [command, ...words] = hook(id).entry.split(/\s+/);
  expect(command).toBe('orgc');
  return orgc([...words, ...args], { cwd });
}

function repository(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'orgc-hooks-'));
  cpSync(`${ROOT}examples/sales-org`, path.join(dir, 'org'), { recursive: true });
  return dir;
}

describe('.pre-commit-hooks.yaml', () => {
  it('declares node hooks that get no file names and run on YAML files', () => {
    expect(hooks.map((h) => h.id)).toEqual(['orgc-validate', 'orgc-render-check']);
    for (const h of hooks) {
      expect(h).toMatchObject({ name: expect.any(String), entry: expect.stringMatching(/^orgc /), language: 'node', pass_filenames: false });
      const files = new RegExp(h.files!);
      expect(['org/roles/sales.yaml', 'org.yml'].every((f) => files.test(f))).toBe(true);
      expect(['README.md', 'org.yaml.bak'].some((f) => files.test(f))).toBe(false);
    }
    // pre-commit installs the package and runs its bin: the entry's command is that bin.
    expect(JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')).bin).toHaveProperty('orgc');
  });

  it('orgc-validate passes a sound org and stops a broken one', () => {
    const dir = repository();
    expect(runHook('orgc-validate', ['org/'], dir).code).toBe(0);
    const sales = path.join(dir, 'org/roles/sales.yaml');
    writeFileSync(sales, readFileSync(sales, 'utf8').replace('reports_to: sales-director', 'reports_to: nobody'));
    const r = runHook('orgc-validate', ['org/', '--lang', 'en'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/org\/roles\/sales\.yaml:\d+:\d+/);
  });

  it('orgc-render-check passes a fresh handbook and stops a stale one', () => {
    const dir = repository();
    const args = ['org/', '--out', 'docs/handbook'];
    expect(orgc(['render', ...args], { cwd: dir }).code).toBe(0);
    expect(runHook('orgc-render-check', args, dir).code).toBe(0);
    const sales = path.join(dir, 'org/roles/sales.yaml');
    writeFileSync(sales, readFileSync(sales, 'utf8').replace('headcount: 4', 'headcount: 5'));
    expect(runHook('orgc-render-check', args, dir).code).toBe(1);
  });
});
