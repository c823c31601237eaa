// orgc as npm ships it: the packed manifest runs nothing on install and carries what consumers
// need; the tarball holds no code cache; and an installed orgc that cannot write into its own
// directory (a read-only or shared global install) runs and leaves that directory as npm left it.
// The install from the registry, its size and package count are checked by `npm run
// check:package` (scripts/check-package.ts), which needs the network; this test stays offline:
// npm installs the versions of the repository's lockfile from its cache, which the project's own
// install filled.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';
import { dependOnTarball, packOrgc } from './helpers/pack.js';
import { treeSnapshot } from '../scripts/tree-snapshot.js';

const repositoryManifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));


/**
 * This Node, where `nobody` can run it: a Node unpacked into a private temporary directory (as CI
 * does for Node 22 and 24) is copied to one that everybody can read.
 */
function nodeAnyoneCanRun(): string {
  const dirs = path.dirname(process.execPath).split(path.sep).map((_, i, all) => all.slice(0, i + 1).join(path.sep) || path.sep);
  if (dirs.every((dir) => (statSync(dir).mode & 0o001) !== 0) && (statSync(process.execPath).mode & 0o001) !== 0) return process.execPath;
  const copy = path.join(sharedDir('orgc-node-'), 'node');
  copyFileSync(process.execPath, copy);
  chmodSync(copy, 0o755);
  return copy;
}

/** Writable by whoever runs orgc in these tests. */
function sharedDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(dir, 0o777);
  return dir;
}

describe('the packed package', () => {
  let tarball: string;
  let files: string[];
  let manifest: Record<string, any>;
  beforeAll(() => {
    tarball = packOrgc();
    files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
    manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
  }, 120_000);

  it('runs no script on install and keeps development out of the manifest', () => {
    expect(manifest.scripts).toBeUndefined();
    expect(manifest.devDependencies).toBeUndefined();
    expect(manifest).toMatchObject({ name: 'orgc', version: repositoryManifest.version, license: 'MIT', bin: { orgc: 'bin/orgc' }, engines: repositoryManifest.engines });
    // The repository keeps its prepare: a clone's `npm install` and a git dependency build dist/ with it.
    expect(repositoryManifest.scripts.prepare).toBe('npm run build');
  });

  it('lists no package that downloads a browser; the browser packages are optional peers', () => {
    const needed = Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies });
    expect(needed).not.toContain('puppeteer');
    expect(needed).not.toContain('@mermaid-js/mermaid-cli');
    for (const peer of Object.keys(manifest.peerDependencies)) expect(manifest.peerDependenciesMeta[peer], peer).toEqual({ optional: true });
    // docx (for `--format docx`) is an optional peer too: 24 MB that only Word users need.
    expect(Object.keys(manifest.peerDependencies).sort()).toEqual(['docx', 'mermaid', 'puppeteer-core']);
  });

  it('holds the command, the bundle, schemas, templates, examples and licence, and no code cache', () => {
    for (const f of ['package/bin/orgc', 'package/dist/orgc.cjs', 'package/LICENSE', 'package/README.md', 'package/schemas/orgc.schema.json', 'package/templates/md/role.hbs', 'package/examples/sales-org/org.yaml']) expect(files).toContain(f);
    expect(files.filter((f) => /\.cache$|\.bin$|node_modules|\/src\/|\/test\//.test(f))).toEqual([]);
  });
});

describe('an installed orgc', () => {
  let project: string;
  beforeAll(() => {
    project = sharedDir('orgc-consumer-');
    copyFileSync(packOrgc(), path.join(project, 'orgc.tgz'));
    dependOnTarball(project, 'orgc.tgz', { name: 'hr-org', private: true });
    // Offline: the dependencies' tarballs from npm's cache, which the project's own install filled.
    execFileSync('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project, stdio: 'pipe' });
  }, 180_000);

  it('without the optional browser packages, says in one line what to install for png, pdf and Mermaid svg', () => {
    expect(readdirSync(path.join(project, 'node_modules'))).not.toContain('puppeteer-core');
    for (const args of [['-f', 'png'], ['-f', 'pdf'], ['-f', 'svg', '--engine', 'mermaid']]) {
      const r = spawnSync(process.execPath, [path.join(project, 'node_modules', '.bin', 'orgc'), 'render', path.join(ROOT, 'examples', 'quickstart'), ...args, '--out', sharedDir('orgc-out-')], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `orgc: --format ${args[1]} draws with Mermaid in Chromium, which needs the optional packages puppeteer-core and mermaid: run \`npm install puppeteer-core@24 mermaid@11.17\` (it uses the system's Chromium), or draw without a browser with --engine graphviz (svg, png)\n`,
      );
    }
    // Graphviz and resvg need neither: svg and png without a browser.
    for (const format of ['svg', 'png']) {
      const drawn = spawnSync(process.execPath, [path.join(project, 'node_modules', '.bin', 'orgc'), 'render', path.join(ROOT, 'examples', 'quickstart'), '-f', format, '--engine', 'graphviz', '--out', sharedDir('orgc-out-')], { encoding: 'utf8', env: { ...process.env, ORGC_CHROME: '/nonexistent/chrome' } });
      expect(drawn.status, drawn.stderr).toBe(0);
    }
  }, 120_000);

  it('runs from a read-only install and writes nothing into it', () => {
    const installed = path.join(project, 'node_modules', 'orgc');
    // Read-only for everybody; as root, the commands run as `nobody`, for whom that holds.
    execFileSync('chmod', ['-R', 'a-w', installed]);
    const before = treeSnapshot(installed);
    const work = sharedDir('orgc-work-');
    cpSync(path.join(ROOT, 'examples', 'sales-org'), path.join(work, 'org'), { recursive: true });
    execFileSync('chmod', ['-R', 'a+rwX', work]);
    const cacheHome = sharedDir('orgc-cache-');
    // As root, once as `nobody` (for whom read-only holds) and once as root (who could write, so
    // that a write would show in the snapshot).
    const users = process.getuid?.() === 0 ? [{ uid: 65534, gid: 65534 }, {}] : [{}];
    const node = nodeAnyoneCanRun();
    const run = (args: string[], user: object) => {
      const r = spawnSync(node, [path.join(project, 'node_modules', '.bin', 'orgc'), ...args], {
        cwd: work,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: work, XDG_CACHE_HOME: cacheHome, NO_COLOR: '1' },
        ...user,
      });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    for (const user of users) {
      for (let i = 0; i < 2; i++) {
        expect(run(['validate', 'org', '--lang', 'en'], user)).toEqual({ code: 0, stdout: '✔ no problems in 9 files\n', stderr: '' });
        expect(run(['render', 'org', '--format', 'md', '--out', 'handbook', '--lang', 'en'], user)).toMatchObject({ code: 0, stderr: '' });
        expect(readFileSync(path.join(work, 'handbook', 'index.md'), 'utf8')).toMatch(/^# /);
      }
      execFileSync('chmod', ['-R', 'a+rwX', work, cacheHome]);
    }
    expect(treeSnapshot(installed)).toEqual(before);
    // The compiled code went to the user's cache directory instead.
    expect(readdirSync(path.join(cacheHome, 'orgc'))).toEqual([expect.stringMatching(/^code-cache-[0-9a-f]{8}\.bin$/)]);
  }, 180_000);
});
