// The installed command: bin/orgc answers --version without loading the bundle, runs the bundle
// with V8's code cache kept in the user's cache directory (and without it), and the bundle carries everything a clean validate needs
// — the schema builder (zod) never, the slow-path YAML parser and the chart back ends only from
// node_modules when a command needs them.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

/** A copy of the installed package with only the given parts: bin/, package.json, optionally dist/. */
function install(parts: { dist: boolean }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'orgc-install-'));
  cpSync(path.join(ROOT, 'bin'), path.join(dir, 'bin'), { recursive: true });
  copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
  if (parts.dist) {
    mkdirSync(path.join(dir, 'dist'));
    copyFileSync(path.join(ROOT, 'dist', 'orgc.cjs'), path.join(dir, 'dist', 'orgc.cjs'));
  }
  return dir;
}

/** A user's cache directory of their own, empty. */
const cacheHome = () => mkdtempSync(path.join(tmpdir(), 'orgc-cache-home-'));

function run(dir: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [path.join(dir, 'bin', 'orgc'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: cacheHome(), ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const VERSION = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

describe('the installed command', () => {
  it('answers --version without the bundle', () => {
    const dir = install({ dist: false });
    expect(run(dir, ['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect(run(dir, ['validate'])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^orgc: .*orgc\.cjs is missing: run `npm run build` in the orgc package\n$/) });
  });

  it('validates a clean org with no node_modules at all: no slow-path parser, no chart back end', () => {
    const dir = install({ dist: true });
    const r = run(dir, ['validate', 'examples/sales-org', '--lang', 'en']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('✔ no problems in 9 files\n');
  });

  it("builds its code cache on first run in the user's cache directory, uses it after, and replaces one that does not fit", () => {
    const dir = install({ dist: true });
    const env = { XDG_CACHE_HOME: cacheHome() };
    const cacheFiles = () => (existsSync(path.join(env.XDG_CACHE_HOME, 'orgc')) ? readdirSync(path.join(env.XDG_CACHE_HOME, 'orgc')) : []);
    const expected = run(dir, ['validate', 'examples/quickstart/org.yaml', '--lang', 'en'], env);
    expect(expected).toMatchObject({ code: 0, stderr: '' });
    // One file, named for this install; nothing beside the bundle.
    expect(cacheFiles()).toEqual([expect.stringMatching(/^code-cache-[0-9a-f]{8}\.bin$/)]);
    expect(readdirSync(path.join(dir, 'dist'))).toEqual(['orgc.cjs']);
    const cache = path.join(env.XDG_CACHE_HOME, 'orgc', cacheFiles()[0]);
    const built = readFileSync(cache);
    expect(built.subarray(0, 16).toString()).toBe('orgc-code-cache ');
    // Used, not rewritten.
    expect(run(dir, ['validate', 'examples/quickstart/org.yaml', '--lang', 'en'], env)).toEqual(expected);
    expect(readFileSync(cache).equals(built)).toBe(true);
    // Garbage under the right stamp: V8 rejects it, orgc runs and writes a good one.
    const stamp = built.subarray(0, built.indexOf(10) + 1);
    writeFileSync(cache, Buffer.concat([stamp, Buffer.from('not a code cache')]));
    expect(run(dir, ['validate', 'examples/quickstart/org.yaml', '--lang', 'en'], env)).toEqual(expected);
    expect(readFileSync(cache).length).toBeGreaterThan(1000);
    // A rebuilt bundle (new modification time): the old cache is ignored and replaced.
    const bundle = path.join(dir, 'dist', 'orgc.cjs');
    utimesSync(bundle, new Date(), new Date(Date.now() + 5000));
    expect(run(dir, ['validate', 'examples/quickstart/org.yaml', '--lang', 'en'], env)).toEqual(expected);
    expect(readFileSync(cache).subarray(0, stamp.length).equals(stamp)).toBe(false);
    // Another install has a cache file of its own.
    expect(run(install({ dist: true }), ['validate', 'examples/quickstart/org.yaml', '--lang', 'en'], env)).toEqual(expected);
    expect(cacheFiles()).toHaveLength(2);
  });

  it('keeps the code caches of the eight installs that ran last, and removes older ones', () => {
    const dir = install({ dist: true });
    const home = cacheHome();
    const caches = path.join(home, 'orgc');
    mkdirSync(caches, { recursive: true });
    // Caches of ten other installs, written one a day; and a file that is not a code cache.
    const day = 24 * 3600;
    for (let i = 0; i < 10; i++) {
      const file = path.join(caches, `code-cache-0000000${i.toString(16)}.bin`);
      writeFileSync(file, 'orgc-code-cache old');
      utimesSync(file, Date.now() / 1000 - (i + 1) * day, Date.now() / 1000 - (i + 1) * day);
    }
    writeFileSync(path.join(caches, 'render-stats-00000000.json'), '{}');
    expect(run(dir, ['validate', 'examples/quickstart/org.yaml', '--lang', 'en'], { XDG_CACHE_HOME: home }).code).toBe(0);
    const left = readdirSync(caches).sort();
    expect(left.filter((name) => name.startsWith('code-cache-'))).toHaveLength(8);
    // This install's, and the seven written last.
    expect(left).toContain('code-cache-00000000.bin');
    expect(left).toContain('code-cache-00000006.bin');
    expect(left).not.toContain('code-cache-00000007.bin');
    expect(left).toContain('render-stats-00000000.json');
    expect(left.filter((name) => name.startsWith('code-cache-') && !/^code-cache-0000000\d\.bin$/.test(name))).toHaveLength(1);
  });

  it('runs without a cache where none can be written, or when NODE_DISABLE_COMPILE_CACHE is set', () => {
    const dir = install({ dist: true });
    const notADirectory = path.join(cacheHome(), 'file');
    writeFileSync(notADirectory, '');
    for (const env of [{ XDG_CACHE_HOME: notADirectory }, { NODE_DISABLE_COMPILE_CACHE: '1' }]) {
      const r = run(dir, ['validate', 'examples/quickstart/org.yaml', '--lang', 'en'], env);
      expect(r, JSON.stringify(env)).toEqual({ code: 0, stdout: '✔ no problems in 1 file\n', stderr: '' });
    }
    const home = cacheHome();
    run(dir, ['validate', 'examples/quickstart/org.yaml'], { XDG_CACHE_HOME: home, NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(readdirSync(home)).toEqual([]);
  });

  it('loads no Node module a clean validate does not use (crypto costs ~10 ms at start-up)', () => {
    // A preload script reports the Node modules the run loaded, on exit.
    const dir = mkdtempSync(path.join(tmpdir(), 'orgc-modules-'));
    const probe = path.join(dir, 'probe.cjs');
    writeFileSync(probe, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(path.join(dir, 'loaded.txt'))}, process.moduleLoadList.join('\\n')));\n`);
    const r = spawnSync(process.execPath, ['--require', probe, path.join(ROOT, 'bin', 'orgc'), 'validate', 'examples/sales-org'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const loaded = readFileSync(path.join(dir, 'loaded.txt'), 'utf8').split('\n');
    expect(loaded).toContain('NativeModule fs/promises'); // the probe works
    expect(loaded.filter((m) => /^NativeModule (crypto|worker_threads|http|https|zlib)$/.test(m))).toEqual([]);
  });

  it('keeps zod and the slow-path YAML parser out of the bundle', () => {
    const bundle = readFileSync(path.join(ROOT, 'dist', 'orgc.cjs'), 'utf8');
    expect(bundle).not.toMatch(/ZodType|zod\/v4/);
    expect(bundle).not.toMatch(/class Composer|parseAllDocuments\(source/);
  });

  it('is ASCII-only, so that bin/orgc decodes it as Latin-1 (UTF-8 took 5–8 ms of every start)', () => {
    const bytes = readFileSync(path.join(ROOT, 'dist', 'orgc.cjs'));
    expect(bytes.findIndex((b) => b > 0x7f)).toBe(-1);
    // What the build escaped means the same as before: Chinese messages come out intact.
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'orgc'), 'validate', path.join(ROOT, 'examples', 'sales-org'), '--lang', 'zh-CN'], { encoding: 'utf8' });
    expect(r.stdout).toContain('没有发现问题');
  });
});
