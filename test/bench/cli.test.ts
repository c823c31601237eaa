// The benchmark scripts refuse bad arguments in one line and the usage, exit 2, before they
// generate or time anything.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const run = (script: string, args: string[]) => spawnSync(tsx, [path.join(ROOT, 'scripts', 'bench', script), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('npm run bench and bench:generate with bad arguments', () => {
  it.each([
    [['--sizes', 'nope'], /^bench: unknown size `nope`/],
    [['--sizes', 'example,50'], /^bench: unknown size `50`/],
    [['--size', '1k'], /^bench: Unknown option '--size'/],
    [['--runs', '0'], /^bench: --runs takes a positive whole number/],
  ])('bench %j', (args, message) => {
    const r = run('run.ts', args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
    expect(existsSync(path.join(ROOT, '.bench', 'nope'))).toBe(false);
  });

  it.each([[['--roles', '50', '--out', 'x.yaml']], [['--roles', '1000']], [['--rolez', '1000', '--out', 'x.yaml']]])('bench:generate %j', (args) => {
    const r = run('generate.ts', args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage: npm run bench:generate -- --roles N --out FILE .*\(N ≥ 100\)/);
    expect(existsSync(path.join(ROOT, 'x.yaml'))).toBe(false);
  });
});
