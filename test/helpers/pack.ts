// orgc as `npm pack` makes it, for tests that install it the way a user does (a tarball in a repo,
// a global install). The repository's own `npm pack` builds first (prepack); the tests already run
// on a fresh build (pretest), so this packs a staged copy with the published manifest instead of
// rebuilding dist/ under the feet of the other tests.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { publishedManifest } from '../../scripts/manifest.mjs';
import { ROOT } from './cli.js';

let packed: string | undefined;

/** The path of orgc's tarball (`orgc-<version>.tgz`), packed once per test file. */
export function packOrgc(): string {
  if (packed && existsSync(packed)) return packed;
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const stage = mkdtempSync(path.join(tmpdir(), 'orgc-stage-'));
  for (const entry of [...pkg.files, 'README.md', 'LICENSE']) {
    if (existsSync(path.join(ROOT, entry))) cpSync(path.join(ROOT, entry), path.join(stage, entry), { recursive: true });
  }
  writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(publishedManifest(pkg), null, 2)}\n`);
  const dest = mkdtempSync(path.join(tmpdir(), 'orgc-tarball-'));
  const name = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dest], { cwd: stage, encoding: 'utf8' }).trim().split('\n').pop()!;
  packed = path.join(dest, name);
  return packed;
}

/**
 * Makes `project` depend on the tarball at `tarball` (a path relative to the project, inside it) the
 * way `npm install ./<tarball>` leaves it: package.json and a package-lock.json. The lockfile pins
 * orgc's dependencies to the versions of the repository's own lockfile, so that `npm ci --offline`
 * needs their tarballs only — which the project's own `npm ci` or `npm install` put in npm's cache.
 * (Resolving the dependency ranges instead needs the registry's metadata, which no install of this
 * repository caches in a form an offline install accepts: on a fresh machine that is ENOTCACHED.)
 */
export function dependOnTarball(project: string, tarball: string, manifest: { name: string; [key: string]: unknown }, opts: { dev?: boolean } = {}): void {
  const spec = `file:${tarball}`;
  const field = opts.dev ? 'devDependencies' : 'dependencies';
  const repository = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
  const orgc = publishedManifest(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')));
  const dev = opts.dev ? { dev: true } : {};
  // The project's name and version, which npm writes both at the lockfile's top and in its root entry.
  const named = { name: manifest.name, ...(manifest.version ? { version: manifest.version } : {}) };
  const packages: Record<string, unknown> = {
    '': { ...named, [field]: { orgc: spec } },
    'node_modules/orgc': {
      version: orgc.version,
      resolved: spec,
      integrity: `sha512-${createHash('sha512').update(readFileSync(path.join(project, tarball))).digest('base64')}`,
      ...dev,
      ...Object.fromEntries(['license', 'dependencies', 'peerDependencies', 'peerDependenciesMeta', 'bin', 'engines'].filter((k) => orgc[k]).map((k) => [k, orgc[k]])),
    },
  };
  // What orgc needs at run time: the repository's entries that are not for its development.
  for (const [key, entry] of Object.entries<Record<string, unknown>>(repository.packages)) {
    if (key && !entry.dev && !entry.devOptional && !entry.link) packages[key] = { ...entry, ...dev };
  }
  writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ ...manifest, [field]: { orgc: spec } }, null, 2)}\n`);
  writeFileSync(path.join(project, 'package-lock.json'), `${JSON.stringify({ ...named, lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
}
