// One render at a time in an output directory (src/cli/dir-lock.ts): a render waits while another
// holds the directory's lock, a lock left by a killed render is taken over, `--check` waits without
// taking one, and a render that stops early lets the lock (and a directory it made) go.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
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

/** A directory whose lock is held by `holder`, written as a render would have written it. */
function lockedDir(holder: Partial<LockHolder>): string {
  const dir = mkdtempSync(path.join(root, 'out-'));
  writeFileSync(path.join(dir, LOCK), JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString(), nonce: 'abcdef012345', ...holder }) + '\n');
  return dir;
}

/** A process that runs until killed: the holder of a lock the test controls. */
function holder(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  return child;
}

/** The pid of a process that has ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('renders into one output directory', () => {
  it('wait while another process holds the lock, and go on once it is gone', async () => {
    const other = holder();
    const out = lockedDir({ pid: other.pid });
    const render = spawn(process.execPath, [BIN, 'render', ORG, '--out', out], { cwd: path.dirname(out), env: { ...process.env, NO_COLOR: '1', LC_ALL: 'C' } });
    children.push(render);
    let stderr = '';
    render.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<number | null>((resolve) => render.on('exit', resolve));
    // Told whose lock it waits for, and how to free it; nothing written meanwhile.
    while (!stderr.includes('waiting')) await new Promise((r) => setTimeout(r, 50));
    expect(stderr).toContain(`another orgc (process ${other.pid} on ${hostname()}, since `);
    expect(stderr).toMatch(/, since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\) is writing out-\w+: waiting for it to finish\./);
    expect(stderr).toContain(`If no orgc is running, delete ${path.basename(out)}/${LOCK}\n`);
    expect(readdirSync(out)).toEqual([LOCK]);
    other.kill('SIGKILL');
    expect(await exited).toBe(0);
    expect(readdirSync(out)).not.toContain(LOCK);
    expect(orgc(['render', ORG, '--out', out, '--check']).code).toBe(0);
  });

  it('take over at once a lock whose process is gone, or is their own process id', () => {
    // Their own: a container started again hands out the same process ids.
    for (const dir of [lockedDir({ pid: deadPid() }), lockedDir({ pid: process.pid })]) {
      const told: unknown[] = [];
      const lock = DirLock.take(dir, (h) => told.push(h));
      expect(told).toEqual([]);
      lock.release();
      expect(existsSync(path.join(dir, LOCK))).toBe(false);
    }
    // And through the command: no waiting, a render as usual.
    const out = lockedDir({ pid: deadPid() });
    const r = orgc(['render', ORG, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('waiting');
    expect(readdirSync(out)).not.toContain(LOCK);
  });

  it("wait for another host's lock while it is refreshed, and take it over once it is stale", () => {
    const fresh = lockedDir({ host: 'elsewhere.example', pid: 1 });
    const told: Array<LockHolder | undefined> = [];
    // Stale after 300 ms without a refresh: the render waits, says so once, then takes over.
    DirLock.take(fresh, (h) => told.push(h), 300).release();
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ host: 'elsewhere.example', pid: 1 });
    const old = lockedDir({ host: 'elsewhere.example', pid: 1 });
    const hourAgo = Date.now() / 1000 - 3600;
    utimesSync(path.join(old, LOCK), hourAgo, hourAgo);
    const none: unknown[] = [];
    DirLock.take(old, (h) => none.push(h)).release();
    expect(none).toEqual([]);
  });

  it('refresh the lock as they go, and remove only their own', () => {
    const dir = mkdtempSync(path.join(root, 'out-'));
    const lock = DirLock.take(dir);
    // Taken over meanwhile (judged stale elsewhere): the new holder's lock is left alone.
    writeFileSync(path.join(dir, LOCK), JSON.stringify({ pid: 1, host: 'elsewhere.example', since: '', nonce: 'fedcba987654' }));
    lock.refresh();
    lock.release();
    expect(existsSync(path.join(dir, LOCK))).toBe(true);
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
    const start = told.length;
    // A lock that goes stale after 200 ms: waited for, once.
    waitUnlocked(fresh, (h) => told.push(h), 200);
    expect(told.length - start).toBe(1);
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
  });
});
