// One render at a time in an output directory (src/cli/dir-lock.ts): renders started together take
// turns instead of removing each other's files, a render or `--check` waits while another holds the
// directory's lock, a lock left by a killed render is taken over, and a render that stops early lets
// the lock (and a directory it made) go.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, lutimesSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DirLock, LOCK, waitUnlocked, type LockHolder } from '../../src/cli/dir-lock.js';
import { StagedOutput } from '../../src/cli/output-dir.js';
import { BIN, orgc, ROOT } from '../helpers/cli.js';

const ORG = `${ROOT}examples/quickstart/org.yaml`;
const root = mkdtempSync(path.join(tmpdir(), 'orgc-lock-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

/** A directory whose lock is held by `holder` (this host, this very moment, unless it says otherwise). */
function lockedDir(holder: Partial<LockHolder>): string {
  const dir = mkdtempSync(path.join(root, 'out-'));
  writeFileSync(path.join(dir, LOCK), JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString(), refreshed: Date.now(), nonce: 'abcdef012345', ...holder }) + '\n');
  return dir;
}

/** A process that runs until killed: the holder of a lock the test controls. */
function holder(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  return child;
}

/** A process that removes `file` after `ms`: the end of another host's render, while this one waits. */
function removeLater(file: string, ms: number): void {
  children.push(spawn(process.execPath, ['-e', `setTimeout(() => require('fs').rmSync(${JSON.stringify(file)}), ${ms})`], { stdio: 'ignore' }));
}

/** The pid of a process that has ended. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

/** `orgc …` started in `cwd`, its stderr gathered as it comes. */
function started(args: string[], cwd: string): { stderr: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', LC_ALL: 'C' } });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  return { stderr: () => stderr, exited: new Promise((resolve) => child.on('exit', resolve)) };
}

async function until(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!done()) throw new Error(`never saw: ${what}`);
}

describe('renders into one output directory', () => {
  it('started together take turns: every format is there and up to date afterwards', async () => {
    // Both start while another process holds the directory, and go on once it is gone, together.
    const other = holder();
    const out = lockedDir({ pid: other.pid });
    const md = started(['render', ORG, '--format', 'md', '--out', out], root);
    const csv = started(['render', ORG, '--format', 'csv', '--out', out], root);
    await until(() => md.stderr().includes('waiting') && csv.stderr().includes('waiting'), 'both renders waiting');
    expect(readdirSync(out)).toEqual([LOCK]);
    other.kill('SIGKILL');
    expect(await md.exited).toBe(0);
    expect(await csv.exited).toBe(0);
    expect(readdirSync(out)).not.toContain(LOCK);
    expect(orgc(['render', ORG, '--format', 'md', '--out', out, '--check']).code).toBe(0);
    expect(orgc(['render', ORG, '--format', 'csv', '--out', out, '--check']).code).toBe(0);
  });

  it('say what they wait for, and how to free it', async () => {
    const other = holder();
    const out = lockedDir({ pid: other.pid });
    const render = started(['render', ORG, '--out', out], root);
    await until(() => render.stderr().includes('waiting'), 'the render waiting');
    expect(render.stderr()).toMatch(new RegExp(`^orgc: waiting for another orgc to finish writing ${path.basename(out)} \\(started \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d on ${hostname()}, process ${other.pid}\\)\\. If no orgc is running on any computer, delete the hidden file ${path.basename(out)}/${LOCK}\\n$`));
    // --check waits too, without taking a lock of its own.
    const check = started(['render', ORG, '--out', out, '--check'], root);
    await until(() => check.stderr().includes('waiting'), 'the check waiting');
    other.kill('SIGKILL');
    expect(await render.exited).toBe(0);
    expect(await check.exited).not.toBeNull();
    expect(orgc(['render', ORG, '--out', out, '--check']).code).toBe(0);
  });

  it('take over at once a lock whose process is gone, is their own process id, or was started before the machine booted', () => {
    for (const dir of [lockedDir({ pid: deadPid() }), lockedDir({ pid: process.pid }), lockedDir({ pid: holder().pid!, since: '1970-01-02T00:00:00.000Z' })]) {
      const told: unknown[] = [];
      DirLock.take(dir, (h) => told.push(h)).release();
      expect(told).toEqual([]);
      expect(existsSync(path.join(dir, LOCK))).toBe(false);
    }
    // And through the command: no waiting, a render as usual.
    const out = lockedDir({ pid: deadPid() });
    const r = orgc(['render', ORG, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('waiting');
    expect(readdirSync(out)).not.toContain(LOCK);
  });

  it("wait for another host's lock while it is refreshed, and take one over whose holder fell silent (or a copy)", () => {
    const fresh = lockedDir({ host: 'elsewhere.example', pid: 1 });
    removeLater(path.join(fresh, LOCK), 500);
    const told: Array<LockHolder | undefined> = [];
    DirLock.take(fresh, (h) => told.push(h)).release();
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ host: 'elsewhere.example', pid: 1 });
    // Last refreshed eleven minutes ago, or a lock checked out with the handbook (its file brand new).
    const silent = lockedDir({ host: 'elsewhere.example', pid: 1, refreshed: Date.now() - 11 * 60_000 });
    const none: unknown[] = [];
    DirLock.take(silent, (h) => none.push(h)).release();
    expect(none).toEqual([]);
  });

  it('refresh the time in their lock as they go, and remove only their own', () => {
    const dir = mkdtempSync(path.join(root, 'out-'));
    const lock = DirLock.take(dir, undefined, 0);
    const before = JSON.parse(readFileSync(path.join(dir, LOCK), 'utf8')) as LockHolder;
    writeFileSync(path.join(dir, LOCK), JSON.stringify({ ...before, refreshed: 0 }));
    lock.refresh();
    const after = JSON.parse(readFileSync(path.join(dir, LOCK), 'utf8')) as LockHolder;
    expect(after.refreshed).toBeGreaterThan(0);
    expect(after.nonce).toBe(before.nonce);
    // Taken over meanwhile (judged stale elsewhere): the new holder's lock is neither refreshed nor removed.
    const theirs = { pid: 1, host: 'elsewhere.example', since: '', refreshed: 5, nonce: 'fedcba987654' };
    writeFileSync(path.join(dir, LOCK), JSON.stringify(theirs));
    lock.refresh();
    lock.release();
    expect(JSON.parse(readFileSync(path.join(dir, LOCK), 'utf8'))).toEqual(theirs);
  });

  it('--check waits for a lock without taking one, and reads past a stale one', () => {
    const told: unknown[] = [];
    const stale = lockedDir({ pid: deadPid() });
    waitUnlocked(stale, (h) => told.push(h));
    expect(told).toEqual([]);
    // Left for the next render to take over: a check writes nothing.
    expect(existsSync(path.join(stale, LOCK))).toBe(true);
    waitUnlocked(path.join(root, 'no-such-directory'), (h) => told.push(h));
    expect(told).toEqual([]);
    const fresh = lockedDir({ host: 'elsewhere.example', pid: 1 });
    removeLater(path.join(fresh, LOCK), 500);
    waitUnlocked(fresh, (h) => told.push(h));
    expect(told).toHaveLength(1);
  });

  it('take a link to nowhere, once old, as a stale lock; and make the directory again if it went', () => {
    const dir = mkdtempSync(path.join(root, 'out-'));
    symlinkSync(path.join(dir, 'nowhere'), path.join(dir, LOCK));
    const hourAgo = Date.now() / 1000 - 3600;
    lutimesSync(path.join(dir, LOCK), hourAgo, hourAgo);
    DirLock.take(dir).release();
    expect(readdirSync(dir)).toEqual([]);
    // The render before made the directory and, failing, took it away while this one waited.
    const gone = path.join(root, 'gone', 'out');
    DirLock.take(gone).release();
    expect(readdirSync(gone)).toEqual([]);
  });

  it('let the lock go when the render stops before its commit, and take away a directory they made', () => {
    const out = path.join(mkdtempSync(path.join(root, 'out-')), 'new');
    const staged = new StagedOutput(out, 'md');
    expect(readdirSync(out)).toEqual([LOCK]);
    staged.abort();
    expect(existsSync(out)).toBe(false);
    // One that was there stays, with whatever it held.
    const kept = mkdtempSync(path.join(root, 'out-'));
    writeFileSync(path.join(kept, 'notes.txt'), 'mine\n');
    const again = new StagedOutput(kept, 'md');
    again.set('index.md', '# x\n');
    again.abort();
    expect(readdirSync(kept)).toEqual(['notes.txt']);
    // A render that cannot start (a journal naming a file outside the directory) lets it go too.
    const odd = mkdtempSync(path.join(root, 'out-'));
    writeFileSync(path.join(odd, '.orgc-pending.json'), JSON.stringify({ version: 1, renames: [['../../elsewhere', 'x']], removals: [], manifestFile: '.orgc-manifest.json.orgc-0123456789ab.tmp' }));
    expect(() => new StagedOutput(odd, 'md')).toThrow();
    expect(readdirSync(odd)).not.toContain(LOCK);
  });
});
