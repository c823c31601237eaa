// Where the pages of a large handbook were last seen on disk — size, modification and change times,
// inode — so that a re-render can tell an untouched page by one stat instead of reading and hashing
// it (git's index does the same for a work tree). Re-rendering 10k roles after a one-role change
// read and hashed 11k files, 54 MB, only to find them as written.
//
// Why not in the manifest: the manifest is part of the handbook and deterministic (two renders of
// the same org are byte-identical, manifest included; a CI job that renders and runs
// `git diff --exit-code` relies on it), while times and inodes differ on every machine and checkout.
// So this is a cache in the user's cache directory, as bin/orgc keeps its compiled code: one file per
// output directory and format, and only for handbooks large enough to gain from it.
//
// Trusting a stat, and when not to:
// - Each entry carries the hash of the content it was seen with: an entry is only taken for a page
//   whose manifest hash is that one, so a cache left by another render (killed before it wrote
//   this file, or from another checkout) can never vouch for content it did not see.
// - Any write to a file, `touch` and `chmod` included, sets its change time to now, which no tool can
//   set back: a page edited by hand and given back its old size and modification time still differs
//   in change time (and an editor that saves by renaming gives it a new inode).
// - Git's "racy" rule: a file whose times are not older than the moment its stat was recorded may
//   have changed within the file system's clock tick after (Linux stamps files with a clock of a few
//   milliseconds) without its times showing it; such a page is read and hashed anyway. That moment
//   is the manifest's last modification or change time (its rename into place, after the pages'),
//   read after the render moved it there and before the pages it wrote are statted: a time of the
//   pages' own file system (the cache may be on another, with another clock), and this render's
//   alone (a later render of another format rewrites the manifest, but not this record of it).
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { randomSuffix } from './temp-name.js';
import { writeTextSync } from './write-text.js';

/** A page as last seen: the hash of its content, then its file's size, times and identity. */
export type Seen = [hash: string, size: number, mtimeMs: number, ctimeMs: number, ino: number, dev: number];

/** Keyed pages below which no cache is kept: hashing a few hundred small files costs milliseconds. */
const MIN_PAGES = 1000;
/**
 * Caches kept at most (one per output directory and format); the least recently written go first.
 * A user renders a few handbooks; a 100k-role one's cache is ~14 MB.
 */
const MAX_CACHES = 8;

interface CacheFile {
  version: 1;
  dir: string;
  format: string;
  /** The racy rule's moment (see above), in the pages' file system's time. */
  written: number;
  pages: Record<string, Seen>;
}

export function seenOf(hash: string, st: Stats): Seen {
  return [hash, st.size, st.mtimeMs, st.ctimeMs, st.ino, st.dev];
}

/** The pages of one output directory and format as the last render left them. */
export class StatCache {
  private constructor(
    private readonly pages: Record<string, Seen>,
    /** Entries not older than this are "racy". */
    private readonly written: number,
  ) {}

  /** The cache of `outDir`'s pages in `format`, when there is one. */
  static load(outDir: string, format: string): StatCache | undefined {
    const file = cacheFile(outDir, format);
    if (!file) return undefined;
    try {
      const cache = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (cache?.version !== 1 || cache.dir !== outDir || cache.format !== format || typeof cache.written !== 'number' || typeof cache.pages !== 'object' || !cache.pages) return undefined;
      return new StatCache(cache.pages, cache.written);
    } catch {
      return undefined;
    }
  }

  /**
   * Whether the file `st` describes still has the content hashed `hash`, by its stat alone: seen so
   * before, with nothing about it changed since, and with times older than the racy rule's moment.
   */
  vouches(rel: string, hash: string, st: Stats): boolean {
    const seen = this.pages[rel];
    return (
      Array.isArray(seen) &&
      seen[0] === hash &&
      seen[1] === st.size &&
      seen[2] === st.mtimeMs &&
      seen[3] === st.ctimeMs &&
      seen[4] === st.ino &&
      seen[5] === st.dev &&
      seen[2] < this.written &&
      seen[3] < this.written
    );
  }

  /**
   * How the page was last seen, when that was with the content hashed `hash` and before the racy
   * rule's moment: for a page something else vouches is untouched since (out-watch.ts), instead of
   * a stat.
   */
  seen(rel: string, hash: string): Seen | undefined {
    const seen = this.pages[rel];
    return Array.isArray(seen) && seen[0] === hash && seen[2] < this.written && seen[3] < this.written ? seen : undefined;
  }

  /**
   * Replace the cache of `outDir`'s pages in `format` with `pages`, their stats taken after
   * `written` (a file time of the pages' file system: the racy rule). Best effort: without a writable
   * cache directory the next re-render reads the pages instead. Written whole, under a temporary
   * name, and renamed into place. Returns the cache saved (what `load` would read back), or
   * undefined when none was.
   */
  static save(outDir: string, format: string, pages: Map<string, Seen>, written: number): StatCache | undefined {
    const file = cacheFile(outDir, format);
    if (!file) return undefined;
    const temp = `${file}.${randomSuffix()}.tmp`;
    // Never a failure of the render, whose pages are in place by now: a cache directory that is a
    // file or cannot be entered only costs the next re-render a read of every page.
    try {
      if (pages.size < MIN_PAGES && !forced()) {
        rmSync(file, { force: true });
        return undefined;
      }
      mkdirSync(path.dirname(file), { recursive: true });
      const cache: CacheFile = { version: 1, dir: outDir, format, written, pages: Object.fromEntries(pages) };
      writeTextSync(temp, JSON.stringify(cache));
      renameSync(temp, file);
      prune(path.dirname(file));
      return new StatCache(cache.pages, written);
    } catch {
      try {
        rmSync(temp, { force: true });
      } catch {}
      return undefined;
    }
  }
}

/** ORGC_TEST_STAT_CACHE=1: keep a cache whatever the handbook's size (the tests' small orgs). */
const forced = () => process.env.ORGC_TEST_STAT_CACHE === '1';

/**
 * The user's cache directory as bin/orgc finds it for its compiled code (XDG_CACHE_HOME or ~/.cache,
 * ~/Library/Caches on macOS, LOCALAPPDATA on Windows), and in it a file named by a hash of the
 * output directory and the format. None without a home.
 */
function cacheFile(outDir: string, format: string): string | undefined {
  const env = process.env;
  let home: string | undefined;
  try {
    home = homedir();
  } catch {}
  const base =
    env.XDG_CACHE_HOME ||
    (process.platform === 'win32' ? env.LOCALAPPDATA : process.platform === 'darwin' && home ? path.join(home, 'Library', 'Caches') : home && path.join(home, '.cache'));
  if (!base || !path.isAbsolute(base)) return undefined;
  // FNV-1a, 32 bits: names files apart; the file itself says which directory and format it is of.
  const name = `${outDir}\0${format}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return path.join(base, 'orgc', `render-stats-${hash.toString(16).padStart(8, '0')}.json`);
}

/** At most MAX_CACHES caches: the handbooks rendered most recently keep theirs. */
function prune(dir: string): void {
  const caches = readdirSync(dir).filter((name) => /^render-stats-[0-9a-f]{8}\.json$/.test(name));
  if (caches.length <= MAX_CACHES) return;
  const byAge = caches.map((name) => ({ name, time: statSync(path.join(dir, name), { throwIfNoEntry: false })?.mtimeMs ?? 0 })).sort((a, b) => b.time - a.time);
  for (const { name } of byAge.slice(MAX_CACHES)) rmSync(path.join(dir, name), { force: true });
}
