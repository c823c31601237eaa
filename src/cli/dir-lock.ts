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
// its process is gone — or is this very process (a container started again hands out the same
// process ids). From another host (a shared volume; a container has a host name of its own), once
// it has not been refreshed for STALE_MS: the render holding it refreshes its time as it writes.
import { closeSync, openSync, readFileSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { randomSuffix } from './temp-name.js';

export const LOCK = '.orgc-lock';

/** Who holds a lock: shown to the user who waits, and how its staleness is told. */
export interface LockHolder {
  pid: number;
  host: string;
  /** When the lock was taken (ISO 8601). */
  since: string;
  /** This taking of the lock: a lock is removed only by whoever took it, or as stale once seen so. */
  nonce: string;
}

/** What a render or check that has to wait is told, once: who holds the lock (unknown while it is being written), and its file. */
export type LockWait = (holder: LockHolder | undefined, file: string) => void;

/** Between two looks at a lock that is held. */
const POLL_MS = 100;
/** A render refreshes its lock's time at most this often. */
const REFRESH_MS = 5_000;
/**
 * A lock of another host not refreshed for this long is stale. Far above the longest a render goes
 * without handing over a page (a 100k-role workbook or RACI page: tens of seconds).
 */
export const STALE_MS = 10 * 60_000;
/** A lock file still without its holder (being written, or cut off) this long after its last write is stale. */
const UNWRITTEN_MS = 10_000;

export class DirLock {
  private refreshed = Date.now();

  private constructor(
    private readonly file: string,
    private readonly nonce: string,
  ) {}

  /**
   * The lock of `dir` (which exists), once no other render holds it; `onWait` is told once, when
   * it has to wait, who holds it.
   */
  static take(dir: string, onWait?: LockWait, staleMs = STALE_MS): DirLock {
    const file = path.join(dir, LOCK);
    const mine: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), nonce: randomSuffix() };
    let told = false;
    for (;;) {
      let fd: number | undefined;
      try {
        fd = openSync(file, 'wx');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      if (fd !== undefined) {
        try {
          writeSync(fd, JSON.stringify(mine) + '\n');
        } finally {
          closeSync(fd);
        }
        return new DirLock(file, mine.nonce);
      }
      const held = heldBy(file, staleMs);
      if (held === 'free') continue;
      if (held === 'stale') {
        removeStale(file, staleMs);
        continue;
      }
      if (!told) onWait?.(held.holder, file);
      told = true;
      sleep(POLL_MS);
    }
  }

  /** Still at work: the lock's time is set to now, at most every REFRESH_MS (callers may ask for every page). */
  refresh(): void {
    const now = Date.now();
    if (now - this.refreshed < REFRESH_MS) return;
    this.refreshed = now;
    // A lock taken over meanwhile (this render judged stale from another host) is left to its holder.
    if (holderOf(this.file)?.nonce !== this.nonce) return;
    try {
      utimesSync(this.file, now / 1000, now / 1000);
    } catch {}
  }

  release(): void {
    if (holderOf(this.file)?.nonce === this.nonce) rmSync(this.file, { force: true });
  }
}

/** Returns once no render holds the lock of `dir` (or there is no such directory); `onWait` as for DirLock.take. */
export function waitUnlocked(dir: string, onWait?: LockWait, staleMs = STALE_MS): void {
  const file = path.join(dir, LOCK);
  let told = false;
  for (;;) {
    const held = heldBy(file, staleMs);
    // A stale lock is no render at work: a check reads on, and leaves the lock to the next render.
    if (held === 'free' || held === 'stale') return;
    if (!told) onWait?.(held.holder, file);
    told = true;
    sleep(POLL_MS);
  }
}

type Held = 'free' | 'stale' | { holder: LockHolder | undefined };

/** Whether the lock file is there, and if so whether its holder is at work. */
function heldBy(file: string, staleMs: number): Held {
  let st;
  try {
    st = statSync(file, { throwIfNoEntry: false });
  } catch {
    // No directory there to lock (a file of that name, say): what comes next reports it.
    return 'free';
  }
  if (!st) return 'free';
  const holder = holderOf(file);
  const age = Date.now() - st.mtimeMs;
  // Being written this instant, or cut off by a crash just after it was created.
  if (!holder) return age > UNWRITTEN_MS ? 'stale' : { holder };
  if (holder.host === hostname()) return holder.pid === process.pid || !alive(holder.pid) ? 'stale' : { holder };
  return age > staleMs ? 'stale' : { holder };
}

/**
 * Removes a lock found stale, unless it changed hands in between: another waiter may have removed
 * it and taken the lock itself. (Between this look and the removal a window of microseconds stays.)
 */
function removeStale(file: string, staleMs: number): void {
  const before = holderOf(file)?.nonce;
  if (heldBy(file, staleMs) === 'stale' && holderOf(file)?.nonce === before) rmSync(file, { force: true });
}

function holderOf(file: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
    return holder && typeof holder.pid === 'number' && typeof holder.host === 'string' && typeof holder.nonce === 'string' ? holder : undefined;
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
