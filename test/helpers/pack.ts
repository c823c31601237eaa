// orgc as `npm pack` makes it, for tests that install it the way a user does (a tarball in a repo,
// a global install). The repository's own `npm pack` builds first (prepack); the tests already run
// on a fresh build (pretest), so this packs a staged copy with the published manifest instead of
// rebuilding dist/ under the feet of the other tests.
import { execFileSync } from 'node:child_process';
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
