// What issue 13 asks of `orgc init`: the repository it makes passes its own CI on a fresh runner.
// A team that has no registry package yet keeps orgc's tarball in the repository
// (vendor/orgc-0.1.0.tgz) and installs it from there; init keeps that pin; the repository is
// committed, cloned afresh (no node_modules) and its workflow's job run step by step with the
// runner harness — `npm ci`, then the orgc it installed — on a push and on a pull request.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dependOnTarball, packOrgc } from '../helpers/pack.js';
import { git, tmp } from './repository.js';
import { runWorkflow } from './runner.js';

const TARBALL = 'vendor/orgc-0.1.0.tgz';

/**
 * The environment of a machine that is not inside an npm command: vitest may run under `npx` or
 * `npm test`, which hand their own settings (npm_config_local_prefix, npm_package_*, …) to every
 * child; a runner has none of them.
 */
const outsideNpm: NodeJS.ProcessEnv = Object.fromEntries(Object.keys(process.env).filter((k) => /^npm_/i.test(k)).map((k) => [k, undefined]));

function sh(cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const merged: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...outsideNpm, ...env };
  for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
  return execFileSync(command, args, { cwd, env: merged, encoding: 'utf8', stdio: 'pipe' });
}

/** A `gh` that records how it was called (its token and arguments), first on the job's PATH. */
function fakeGh(): { path: string; calls: () => string[] } {
  const dir = tmp('orgc-gh-');
  writeFileSync(path.join(dir, 'gh'), `#!/usr/bin/env bash\n{ printf 'GH_TOKEN=%s' "$GH_TOKEN"; printf ' %q' "$@"; echo; } >> "${dir}/calls"\n`);
  chmodSync(path.join(dir, 'gh'), 0o755);
  return { path: `${dir}:${process.env.PATH}`, calls: () => (existsSync(`${dir}/calls`) ? readFileSync(`${dir}/calls`, 'utf8').trim().split('\n') : []) };
}

describe('a repository made by orgc init, with orgc from a tarball kept in it', () => {
  let origin: string;
  let init: string;

  beforeAll(() => {
    origin = tmp('orgc-hr-');
    mkdirSync(path.join(origin, 'vendor'));
    copyFileSync(packOrgc(), path.join(origin, TARBALL));
    // What `npm install --save-dev ./vendor/orgc-0.1.0.tgz` leaves, with orgc's dependencies at the
    // repository's locked versions: --offline, their tarballs are in npm's cache since this
    // project's own install, and orgc itself comes from the file — a test that reached for the
    // registry would fail here.
    dependOnTarball(origin, TARBALL, { name: 'acme-org-design', version: '1.0.0', private: true }, { dev: true });
    sh(origin, 'npm', ['install', '--offline', '--no-audit', '--no-fund']);
    // `--no`: the orgc just installed, never one from the registry.
    init = sh(origin, 'npx', ['--no', '--', 'orgc', 'init', '.', '--preset', 'startup', '--lang', 'en']);
    git(origin, 'init', '-q');
    git(origin, 'add', '.');
    git(origin, 'commit', '-qm', 'the org, scaffolded by orgc init');
  });

  /** A fresh checkout of `branch`, full history as `fetch-depth: 0` leaves it, with no node_modules. */
  function clone(branch = 'main'): string {
    const dir = tmp('orgc-clone-');
    git(dir, 'clone', '-q', '--branch', branch, `file://${origin}`, '.');
    expect(existsSync(path.join(dir, 'node_modules'))).toBe(false);
    return dir;
  }

  function workflow(workspace: string, opts: { eventName?: string; event?: unknown; PATH?: string } = {}) {
    return runWorkflow({
      file: path.join(workspace, '.github/workflows/orgc.yml'),
      workspace,
      eventName: opts.eventName,
      event: opts.event,
      // npm_config_offline: the `npm ci` step must install from the repository's tarball and npm's
      // cache alone — tests do not reach the network, and orgc is not on the registry anyway. On a
      // runner, setup-node's `cache: npm` plays the cache's part.
      env: { ...outsideNpm, npm_config_offline: 'true', ...(opts.PATH ? { PATH: opts.PATH } : {}) },
    });
  }

  it('keeps the pin to the tarball and commits the lockfile, the tarball, and no node_modules', () => {
    expect(init).toContain('package.json: already lists orgc file:vendor/orgc-0.1.0.tgz, kept\n');
    const pkg = JSON.parse(readFileSync(path.join(origin, 'package.json'), 'utf8'));
    expect(pkg).toEqual({ name: 'acme-org-design', version: '1.0.0', private: true, devDependencies: { orgc: 'file:vendor/orgc-0.1.0.tgz' } });
    const files = git(origin, 'ls-files').trim().split('\n');
    expect(files.filter((f) => f.startsWith('node_modules/')).length).toBe(0);
    expect(files).toEqual(expect.arrayContaining(['.github/workflows/orgc.yml', '.gitignore', 'org.yaml', 'package-lock.json', 'package.json', TARBALL]));
  });

  it('passes its workflow on a push, installing orgc from vendor/ and from nowhere else', async () => {
    const workspace = clone();
    const run = await workflow(workspace);
    expect(run.steps.map((s) => [s.name, s.outcome])).toEqual([
      ['Run actions/checkout@v4', 'success'],
      ['Run actions/setup-node@v4', 'success'],
      ['Install orgc', 'success'],
      ['Validate', 'success'],
      ['Review the change', 'skipped'],
      ['Compare the scenarios', 'skipped'],
    ]);
    expect(run.ok).toBe(true);
    expect(run.step('Run actions/checkout@v4').with).toEqual({ 'fetch-depth': '0' });
    // setup-node's npm cache is keyed on the lockfile: it needs one committed, which there is.
    expect(run.step('Run actions/setup-node@v4').with).toEqual({ 'node-version': '22', cache: 'npm' });
    expect(existsSync(path.join(workspace, 'package-lock.json'))).toBe(true);
    // A clean org: no annotation at all.
    expect(run.step('Validate')).toMatchObject({ stdout: '', stderr: '' });

    // orgc is the tarball's, byte for byte, as the lockfile pins it, and installed as a package.
    const integrity = `sha512-${createHash('sha512').update(readFileSync(path.join(workspace, TARBALL))).digest('base64')}`;
    for (const lockfile of ['package-lock.json', 'node_modules/.package-lock.json']) {
      const entry = JSON.parse(readFileSync(path.join(workspace, lockfile), 'utf8')).packages['node_modules/orgc'];
      expect(entry, lockfile).toMatchObject({ version: '0.1.0', resolved: 'file:vendor/orgc-0.1.0.tgz', integrity });
    }
    expect(lstatSync(path.join(workspace, 'node_modules/orgc')).isDirectory()).toBe(true);

    // Installing left the checkout clean: node_modules is ignored.
    expect(git(workspace, 'status', '--porcelain')).toBe('');
    expect(git(workspace, 'status', '--porcelain', '--ignored')).toBe('!! node_modules/\n');
  });

  it('fails a push that breaks the org, with the finding as an annotation on its line', async () => {
    const workspace = clone();
    const org = path.join(workspace, 'org.yaml');
    writeFileSync(org, readFileSync(org, 'utf8').replace('reports_to: sales-manager', 'reports_to: sales-managr'));
    const run = await workflow(workspace);
    expect(run.step('Install orgc').outcome).toBe('success');
    const validate = run.step('Validate');
    expect(validate.outcome).toBe('failure');
    expect(validate.stdout).toMatch(/^::error file=org\.yaml,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=unknown-reference::.*sales-managr/m);
    expect(validate.stdout.trim().split('\n').every((line) => /^::(error|warning|notice) /.test(line))).toBe(true);
    expect(run.step('Review the change').outcome).toBe('skipped');
    expect(run.ok).toBe(false);
  });

  it('reviews a pull request: the diff against its base, posted with gh', async () => {
    git(origin, 'checkout', '-qb', 'more-reps');
    const org = path.join(origin, 'org.yaml');
    writeFileSync(org, readFileSync(org, 'utf8').replace('headcount: 5', 'headcount: 7'));
    git(origin, 'commit', '-qam', 'two more sales reps');
    git(origin, 'checkout', '-q', 'main');
    const workspace = clone('more-reps');
    const gh = fakeGh();
    const event = { number: 12, pull_request: { number: 12, base: { ref: 'main' }, head: { ref: 'more-reps' } } };
    const run = await workflow(workspace, { eventName: 'pull_request', event, PATH: gh.path });
    // No scenarios/ in this repository: the comparison step has nothing to post.
    expect(run.steps.map((s) => s.outcome)).toEqual(['success', 'success', 'success', 'success', 'success', 'success']);
    expect(run.ok).toBe(true);
    expect(gh.calls()).toEqual(['GH_TOKEN=test-token pr comment 12 --body-file orgc-diff.md']);
    const diff = readFileSync(path.join(workspace, 'orgc-diff.md'), 'utf8');
    expect(diff).toMatch(/sales-rep/);
    expect(diff).toMatch(/5\D+7/);
  });
});
