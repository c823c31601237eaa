// HR repositories for the CI tests: the example org committed in org/, and a pull request's checkout
// as CI services leave it — a shallow clone of the head whose base is only on the remote.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BIN, ROOT } from '../helpers/cli.js';

export const tmp = (prefix = 'orgc-ci-') => mkdtempSync(path.join(tmpdir(), prefix));

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8', stdio: 'pipe' });
}

/** orgc in the repository's node_modules, as `npm ci` would leave it. */
export function installOrgc(dir: string): void {
  mkdirSync(path.join(dir, 'node_modules/.bin'), { recursive: true });
  symlinkSync(BIN, path.join(dir, 'node_modules/.bin/orgc'));
}

/** A repository with the example org in org/, committed, and orgc installed. */
export function repository(): string {
  const dir = tmp();
  cpSync(`${ROOT}examples/sales-org`, path.join(dir, 'org'), { recursive: true });
  writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\n');
  installOrgc(dir);
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'the org');
  return dir;
}

/**
 * A change to the example org proposed on a branch, checked out the way CI checks out a pull
 * request: a clone of depth 1, so the base commit must be fetched from the remote.
 */
export function pullRequestCheckout(change: (dir: string) => void): { workspace: string; base: string } {
  const origin = repository();
  const base = git(origin, 'rev-parse', 'HEAD').trim();
  git(origin, 'checkout', '-qb', 'change');
  change(origin);
  git(origin, 'add', '-A');
  git(origin, 'commit', '-qm', 'the change');
  // GitHub and GitLab serve any commit by its id; a local remote must be told to.
  git(origin, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
  const workspace = tmp();
  git(workspace, 'clone', '-q', '--depth=1', '--branch', 'change', `file://${origin}`, '.');
  installOrgc(workspace);
  return { workspace, base };
}
