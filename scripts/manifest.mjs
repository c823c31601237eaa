// The package.json that ships: what a consumer's npm needs, nothing that runs on their machine.
//
// The repository's package.json keeps `prepare` (a clone's `npm install` and a git dependency —
// `npm install github:…` — build dist/ through it) and the development scripts. Installed from a
// tarball or the registry, those would only be noise at best and, for `prepare`, an install
// script npm 11 asks the user to review. So `npm pack` (and `npm publish`) pack a rewritten
// manifest: `prepack` calls `strip`, `postpack` calls `restore`. Plain JavaScript, so that it runs
// with nothing but Node. See docs/install.md.
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The fields a consumer's npm reads; everything else (scripts, devDependencies) stays home. */
const KEPT = ['name', 'version', 'description', 'keywords', 'homepage', 'bugs', 'repository', 'license', 'author', 'type', 'bin', 'main', 'types', 'exports', 'files', 'engines', 'dependencies', 'peerDependencies', 'peerDependenciesMeta', 'optionalDependencies'];

/** The published manifest made from the repository's: its kept fields, in the repository's order. */
export function publishedManifest(pkg) {
  return Object.fromEntries(Object.entries(pkg).filter(([key]) => KEPT.includes(key)));
}

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = `${root}package.json`;
const saved = `${root}package.json.repository`;

function strip() {
  // A pack that died between strip and restore left the original aside: put it back first.
  if (existsSync(saved)) restore();
  const text = readFileSync(manifest, 'utf8');
  copyFileSync(manifest, saved);
  writeFileSync(manifest, `${JSON.stringify(publishedManifest(JSON.parse(text)), null, 2)}\n`);
}

function restore() {
  if (existsSync(saved)) renameSync(saved, manifest);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const command = process.argv[2];
  if (command === 'strip') strip();
  else if (command === 'restore') restore();
  else {
    process.stderr.write('usage: node scripts/manifest.mjs strip|restore\n');
    process.exitCode = 2;
  }
}
