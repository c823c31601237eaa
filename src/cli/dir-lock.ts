// One render at a time in an output directory. Two renders into the same directory at once (md and
// csv into `handbook/`, the default of both, under `make -j`) removed each other's staged pages and
// wrote the manifest over each other: both said they had written every file and exited 0, and one
// format's files were gone. So a render takes the directory's lock before it reads anything there
// and keeps it until its pages and manifest are in place; a render that finds the lock taken says
// whose it is and waits. `--check` writes nothing, not even a lock: it waits while a render holds
// one.
//
// The lock is a file created exclusively (O_EXCL), holding who took it. Node has no advisory locks
// (flock), which the system would release with a killed process: a lock left by a render that was
// killed (Ctrl-C, the OOM killer, a CI timeout) is taken over instead. On the same host, as soon as
// its process is gone, or is this very process, or was started before the machine last booted (a
// container started again hands out the same process ids). From another host (a shared volume; a
// container has a host name of its own), once its holder has not refreshed it for STALE_MS: the
// render holding it writes the time into it again as it writes pages. The time is in the file, not
// its modification time, so that a lock copied or checked out with the handbook is seen as stale.
// Not covered: containers that share a host name but not their process ids (one pod's containers)
// take each other's locks over as left by a process that is gone.
import { closeSync, lstatSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import path from 'node:path';
import { randomSuffix } from './temp-name.js';

export const LOCK = '.orgc-lock';

/** Who holds a lock: shown to the user who waits, and how its staleness is told. */
export interface LockHolder {
  pid: number;
  host: string;
  /** When the lock was taken (ISO 8601). */
  since: string;
  /** When its holder last said it was at work (milliseconds since 1970, its host's clock). */
  refreshed: number;
  /** This taking of the lock: a lock is removed only by whoever took it, or as stale once seen so. */
  nonce: string;
}

/** What a render or check that has to wait is told, once: who holds the lock (unknown while it is being written), and its file. */
export type LockWait = (holder: LockHolder | undefined, file: string) => void;

/** Between two looks at a lock that is held. */
const POLL_MS = 100;
/** A render refreshes its lock at most this often. */
const REFRESH_MS = 5_000;
/**
 * A lock of another host not refreshed for this long is stale. Far above the longest a render goes
 * without handing over a page (a 100k-role workbook or RACI page: tens of seconds), and above the
 * clocks of two machines kept by NTP differ.
 */
export const STALE_MS = 10 * 60_000;
/** A lock file still without its holder (being written, or cut off) this long after its last write is stale. */
const UNWRITTEN_MS = 10_000;

export class DirLock {
  private refreshed: number;

  private constructor(
    private readonly file: string,
    private readonly holder: LockHolder,
    private readonly refreshMs: number,
  ) {
    this.refreshed = holder.refreshed;
  }

  /**
   * The lock of `dir`, once no other render holds it (the directory is made again if it goes
   * meanwhile: the render before made it, and took it away empty); `onWait` is told once, when it
   * has to wait, who holds it.
   */
  static take(dir: string, onWait?: LockWait, refreshMs = REFRESH_MS): DirLock {
    const file = path.join(dir, LOCK);
    const now = Date.now();
    const mine: LockHolder = { pid: process.pid, host: hostname(), since: new Date(now).toISOString(), refreshed: now, nonce: randomSuffix() };
    let told = false;
    let remade = 0;
    for (;;) {
      let fd: number | undefined;
      try {
        fd = openSync(file, 'wx');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // Made again a few times at most: a directory that will not stay is an error to report.
        if (code === 'ENOENT' && remade++ < 3) {
          mkdirSync(dir, { recursive: true });
          continue;
        }
        if (code !== 'EEXIST') throw error;
      }
      if (fd !== undefined) {
        try {
          writeSync(fd, JSON.stringify(mine) + '\n');
        } finally {
          closeSync(fd);
        }
        return new DirLock(file, mine, refreshMs);
      }
      const held = heldBy(file);
      if (held === 'free') continue;
      if (held === 'stale') {
        removeStale(file);
        continue;
      }
      if (!told) onWait?.(held.holder, file);
      told = true;
      sleep(POLL_MS);
    }
  }

  /** Still at work: the time in the lock is set to now, at most every few seconds (callers may ask for every page). */
  refresh(): void {
    const now = Date.now();
    if (now - this.refreshed < this.refreshMs) return;
    this.refreshed = now;
    // A lock taken over meanwhile (this render judged stale from another host) is left to its holder.
    if (holderOf(this.file)?.nonce !== this.holder.nonce) return;
    try {
      // Written in place: a reader in between finds no holder, and waits.
      writeFileSync(this.file, JSON.stringify({ ...this.holder, refreshed: now }) + '\n');
    } catch {}
  }

  release(): void {
    if (holderOf(this.file)?.nonce === this.holder.nonce) rmSync(this.file, { force: true });
  }
}

/** Returns once no render holds the lock of `dir` (or there is no such directory); `onWait` as for DirLock.take. */
export function waitUnlocked(dir: string, onWait?: LockWait): void {
  const file = path.join(dir, LOCK);
  let told = false;
  for (;;) {
    const held = heldBy(file);
    // A stale lock is no render at work: a check reads on, and leaves the lock to the next render.
    if (held === 'free' || held === 'stale') return;
    if (!told) onWait?.(held.holder, file);
    told = true;
    sleep(POLL_MS);
  }
}

type Held = 'free' | 'stale' | { holder: LockHolder | undefined };

/** Whether the lock file is there, and if so whether its holder is at work. */
function heldBy(file: string): Held {
  let st;
  try {
    // lstat: a link to nowhere is a lock file too (a stale one), not an absent one.
    st = lstatSync(file, { throwIfNoEntry: false });
  } catch (error) {
    // No directory there to lock (a file of that name): what comes next reports it.
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return 'free';
    throw error;
  }
  if (!st) return 'free';
  const holder = holderOf(file);
  const now = Date.now();
  // Being written this instant, or cut off by a crash just after it was created.
  if (!holder) return now - st.mtimeMs > UNWRITTEN_MS ? 'stale' : { holder };
  if (holder.host === hostname()) {
    const booted = now - uptime() * 1000;
    return holder.pid === process.pid || !alive(holder.pid) || Date.parse(holder.since) < booted ? 'stale' : { holder };
  }
  return now - holder.refreshed > STALE_MS ? 'stale' : { holder };
}

/**
 * Removes a lock found stale, unless it changed hands in between: another waiter may have removed
 * it and taken the lock itself. (Between this look and the removal a window of microseconds stays.)
 */
function removeStale(file: string): void {
  const before = holderOf(file)?.nonce;
  if (heldBy(file) === 'stale' && holderOf(file)?.nonce === before) rmSync(file, { force: true });
}

function holderOf(file: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
    const valid = holder && typeof holder.pid === 'number' && typeof holder.host === 'string' && typeof holder.since === 'string' && typeof holder.refreshed === 'number' && typeof holder.nonce === 'string';
    return valid ? holder : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process of this id runs (EPERM: it does, under another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const waitCell = new Int32Array(new SharedArrayBuffer(4));
/** Blocks the thread: a render waiting for another has nothing else to do. */
function sleep(ms: number): void {
  Atomics.wait(waitCell, 0, 0, ms);
}
