// Writing a rendered handbook into its output directory, or checking that what is there is fresh.
//
// - Nothing is written outside the directory: every path is checked after resolving.
// - Writes are staged: every file goes to a temporary name beside its target first, and only when
//   all are written are they renamed into place. A render killed while writing leaves the previous
//   output as it was (and temporary files that the next render to write there removes).
// - A file whose content is already what it would be is not rewritten: its timestamp stays, and
//   re-rendering a large handbook after a small change touches only what changed.
// - The renames are journalled: before the first, .orgc-pending.json lists them, the pages to
//   delete, and the temporary name of the new manifest, written whole beside the old one first
//   (serialised once: at 100k roles it is 25 MB) and renamed into place last. A render killed
//   during the renames leaves that journal, and the next render in the directory completes it
//   first, so the directory is never left half old, half new for long.
// - A manifest (.orgc-manifest.json) lists the files orgc wrote, per format. A page that is no
//   longer produced (a role was removed) is deleted; files orgc did not write are never touched.
//   A partial render (`--only`) adds to the manifest and deletes nothing: the pages it did not
//   produce were not asked for, not retired.
// - The manifest also keeps, per format, a fingerprint of the render's inputs and a hash of each
//   page (render-fingerprint.ts): `--check` with unchanged inputs compares the pages on disk with
//   those hashes instead of rendering again, and a render of them (cli/commands/render.ts) finds
//   nothing to do when every page matches.
// - And, per format, the key of each page that has one (a hash of what its template was given,
//   src/render/page-key.ts; the pages of the whole org have none)
//   under a salt of what else the pages depend on (orgc's code, the templates, the options): a render
//   whose renderer makes a page of the same key again, while the file on disk still has the hash
//   written, leaves the page as it is without making it (re-rendering after a one-role change makes
//   that role's pages, and those that show it).
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { slices } from '../core/long-text.js';
import type { Page } from '../render/output.js';
import { DirLock, waitUnlocked, type LockWait } from './dir-lock.js';
import { cannotWrite } from './write-errors.js';
import { UsageError } from './errors.js';
import { pageHash, pageHasher } from './render-fingerprint.js';
import { seenOf, StatCache, type Seen } from './stat-cache.js';
import { randomSuffix } from './temp-name.js';
import { writeAllSync, writeTextSync } from './write-text.js';

export const MANIFEST = '.orgc-manifest.json';
const TEMP = /^\..+\.orgc-[0-9a-f]{12}\.tmp$/;
/** The temporary name the render of `suffix` writes `file` under (a page is given a dot first, to stay hidden). */
const tempName = (file: string, suffix: string) => `${file}.orgc-${suffix}.tmp`;
/** A temporary name of `file` (of a dot name: the manifest, the journal), whichever render staged it. */
const tempNames = (file: string) => new RegExp(`^${file.replace(/\./g, '\\.')}\\.orgc-[0-9a-f]{12}\\.tmp$`);
/** A manifest as written to disk: indented, a key a line (a diff of two shows what changed). */
const manifestText = (manifest: Manifest) => JSON.stringify(manifest, null, 2) + '\n';

export interface Manifest {
  version: 1;
  files: Record<string, string[]>;
  /** Per format: the fingerprint of the inputs of the last full render. */
  inputs?: Record<string, string>;
  /** Per format: each page's hash, as written. */
  hashes?: Record<string, Record<string, string>>;
  /** Per format: the key each page was made from, valid under `salt` (the last full render's). */
  keys?: Record<string, { salt: string; pages: Record<string, string> }>;
}

/** The pages a sink may reuse: their keys and hashes in the manifest, when made under this very salt. */
interface Previous {
  keys: Record<string, string>;
  hashes: Record<string, string>;
}

/** The hash a page was written with, when it was made from `key` under the same salt. */
function keptHash(previous: Previous | undefined, rel: string, key: string): string | undefined {
  return previous?.keys[rel] === key ? previous.hashes[rel] : undefined;
}

/** `found`: the directory's manifest read already (null: there is none); else it is read here. */
function previousPages(outDir: string, format: string, salt: string | undefined, found?: Manifest | null): Previous | undefined {
  if (salt === undefined || existsSync(path.join(outDir, PENDING))) return undefined;
  const manifest = found === undefined ? readManifestSync(outDir) : found;
  const keys = manifest?.keys?.[format];
  const hashes = manifest?.hashes?.[format];
  if (!keys || keys.salt !== salt || typeof keys.pages !== 'object' || !hashes || typeof hashes !== 'object') return undefined;
  return { keys: keys.pages, hashes };
}

/**
 * What `render --watch` knows of the directory between renders (out-watch.ts): the pages untouched
 * since they were last seen as the manifest says, and the manifest and stat cache its last render
 * wrote (the same as on disk, without reading and parsing them: 25 and 14 MB at 100k roles).
 */
export interface HandbookWatch {
  untouched(rel: string): boolean;
  seen(rel: string): void;
  /** The manifest the last render wrote, while its file still holds that text; given once (`keepManifest` again after a commit). */
  manifest(): Manifest | undefined;
  keepManifest(manifest: Manifest, text: string): void;
  stats(format: string): StatCache | undefined;
  /** The stat cache saved (none: the one kept is forgotten, as the file was removed or not written). */
  keepStats(format: string, stats: StatCache | undefined): void;
}

export type Contents = Map<string, string | Uint8Array>;

/** Names of letters, digits, `_`, `-` and `.` (never `.` or `..`, nor starting with a dot), joined by `/`. */
const PLAIN_PATH = /^[\w-][\w.-]*(?:\/[\w-][\w.-]*)*$/;
/** Where `/` is the separator and paths have no drive letters. */
const PLAIN_FS = path.sep === '/';
/** The last directory found absolute and normalised. */
let plainDir: string | undefined;

/** The absolute path of an output file, refusing anything that would land outside the directory. */
export function inside(outDir: string, relative: string): string {
  // A page's usual path (`roles/ae-east.md`) under an absolute, normalised directory is the two
  // joined: no resolving (a large handbook asks this several times for each of its pages).
  if (PLAIN_PATH.test(relative) && (outDir === plainDir || (PLAIN_FS && outDir !== '/' && path.isAbsolute(outDir) && path.resolve(outDir) === outDir && (plainDir = outDir)))) return `${outDir}/${relative}`;
  const target = path.resolve(outDir, relative);
  const rel = path.relative(outDir, target);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel) || relative.includes('\0')) {
    throw UsageError.said('outside-output', { file: relative, dir: outDir });
  }
  return target;
}

async function readManifest(outDir: string): Promise<Manifest> {
  let text = '';
  try {
    text = await readFile(path.join(outDir, MANIFEST), 'utf8');
  } catch {}
  return parseManifest(text) ?? { version: 1, files: {} };
}

/** The directory's manifest, or null when there is none that orgc can read. */
function readManifestSync(outDir: string): Manifest | null {
  let text: string;
  try {
    text = readFileSync(path.join(outDir, MANIFEST), 'utf8');
  } catch {
    return null;
  }
  return parseManifest(text) ?? null;
}

/** A manifest's text read, or undefined when it is not one (cut off, of another version). */
function parseManifest(text: string): Manifest | undefined {
  try {
    const m = JSON.parse(text) as Manifest;
    if (m && m.version === 1 && typeof m.files === 'object' && m.files) return m;
  } catch {}
  return undefined;
}

export interface WriteResult {
  /** Files this render produced. */
  written: number;
  /** Of those, files whose content changed (the others were left as they were). */
  changed: number;
  removed: string[];
}


const whole = (page: Page): page is string | Uint8Array => typeof page === 'string' || page instanceof Uint8Array;
const chunksOf = (page: Page): Iterable<string | Uint8Array> => (whole(page) ? [page] : page);

/**
 * The output directory as the render writes it: each page is staged (written to a temporary file
 * beside its target, unless its content is already there) the moment the renderer hands it over,
 * so no page waits in memory for the others; `commit()` then renames them into place under the
 * journal, `abort()` removes them.
 */
export class StagedOutput {
  private readonly suffix = randomSuffix();
  private readonly dirs = new Map<string, Set<string>>();
  /**
   * Every page produced: its hash, its key, its temporary file when its content changed, and, for a
   * keyed page left as it was, how its file was seen (for the stat cache, stat-cache.ts).
   */
  private readonly pages = new Map<string, { hash: string; key?: string; tmp?: string; seen?: Seen }>();
  private stagedCount = 0;
  private readonly previous: Previous | undefined;
  /**
   * The manifest as the render found it, read once: under the render's lock nothing else writes it
   * until the commit, which writes the next one from it (a 100k-role handbook's is 25 MB, 0.3–0.7 s
   * to parse). (Unless the lock is taken over from this render, silent for ten minutes: dir-lock.ts.
   * Then two renders wrote the directory, and the later commit's manifest stands, without the other's
   * format.)
   */
  private readonly manifest: Manifest | null;
  /** The manifest as the commit wrote it, and its text. */
  private written?: { manifest: Manifest; text: string };
  private readonly stats: StatCache | undefined;
  /** Held from the start (before anything in the directory is read) until the commit is done or the render aborted. */
  private readonly lock: DirLock;
  /** Whether this render made the directory: an aborted one takes it away again when it is empty. */
  private readonly made: boolean;
  private over = false;
  /** Pages reused as they were, for ORGC_TIMING. */
  kept = 0;

  /**
   * `salt`: what the pages depend on besides their keys; without it no page is reused or keyed.
   * `onWait`: told when another render holds the directory and this one waits for it (dir-lock.ts).
   * `watch`: `render --watch`'s watch of the directory (out-watch.ts). A page it says is untouched
   * since it was last seen as the manifest says is kept on the stat the stat cache recorded; a page
   * seen so here is told to it.
   */
  constructor(
    private readonly outDir: string,
    private readonly format: string,
    private readonly partial = false,
    private readonly salt?: string,
    onWait?: LockWait,
    private readonly watch?: HandbookWatch,
  ) {
    this.made = !existsSync(outDir);
    try {
      mkdirSync(outDir, { recursive: true });
      this.lock = DirLock.take(outDir, onWait);
    } catch (error) {
      throw cannotWrite(outDir, error, 'handbook');
    }
    try {
      finishPending(outDir);
      removeStaleManifests(outDir);
      this.manifest = this.watch?.manifest() ?? readManifestSync(outDir);
      this.previous = partial ? undefined : previousPages(outDir, format, salt, this.manifest);
      this.stats = this.previous && (this.watch?.stats(format) ?? StatCache.load(outDir, format));
    } catch (error) {
      // No render to abort: the caller never gets one.
      this.abort();
      throw cannotWrite(outDir, error, 'handbook');
    }
  }

  /** A page made from `key` before, still on disk as written: kept as it is, and counted. */
  reuse(rel: string, key: string): boolean {
    try {
      return this.keep(rel, key);
    } catch (error) {
      throw cannotWrite(this.outDir, error, 'handbook');
    }
  }

  private keep(rel: string, key: string): boolean {
    const hash = keptHash(this.previous, rel, key);
    if (hash === undefined) return false;
    this.lock.refresh();
    const abs = inside(this.outDir, rel);
    const seen = this.watch?.untouched(rel) ? this.stats?.seen(rel, hash) : undefined;
    if (seen) {
      this.enter(path.dirname(abs));
      this.pages.set(rel, { hash, key, seen });
      this.kept++;
      return true;
    }
    // A page changed or removed by hand since is made and written again, as a full render would.
    // Its stat first, then (unless the stat cache vouches for it) its content: a write in between
    // shows in the next render's stat.
    const st = statSync(abs, { throwIfNoEntry: false });
    if (!st?.isFile()) return false;
    if (!this.stats?.vouches(rel, hash, st) && fileHash(abs) !== hash) return false;
    this.watch?.seen(rel);
    this.enter(path.dirname(abs));
    this.pages.set(rel, { hash, key, seen: seenOf(hash, st) });
    this.kept++;
    return true;
  }

  /** The directory's names as the render found them: the pages that already exist there. */
  private enter(dir: string): Set<string> {
    let names = this.dirs.get(dir);
    if (names) return names;
    // Synchronous file operations: a thousand small files are written several times faster
    // without a round trip through the thread pool each.
    mkdirSync(dir, { recursive: true });
    names = new Set();
    for (const name of readdirSync(dir)) {
      // Leftovers of a render that was killed while writing.
      if (TEMP.test(name)) rmSync(path.join(dir, name), { force: true });
      else names.add(name);
    }
    this.dirs.set(dir, names);
    return names;
  }

  get size(): number {
    return this.pages.size;
  }

  set(rel: string, page: Page, key?: string): this {
    try {
      return this.stage(rel, page, key);
    } catch (error) {
      throw cannotWrite(this.outDir, error, 'handbook');
    }
  }

  private stage(rel: string, page: Page, key?: string): this {
    this.lock.refresh();
    const abs = inside(this.outDir, rel);
    const dir = path.dirname(abs);
    const name = path.basename(abs);
    // A page not there when the render began is new: nothing to read and compare (a first render
    // into an empty directory reads nothing back).
    const exists = this.enter(dir).has(name);
    const tmp = this.pages.get(rel)?.tmp ?? path.join(dir, tempName(`.${name}`, this.suffix));
    // A keyed page found as it would be written is kept on disk: how it was seen (before it was
    // read) goes to the stat cache, so that the next render need not read it.
    const keyed = key !== undefined && this.salt !== undefined;
    const st = keyed && exists ? statSync(abs, { throwIfNoEntry: false }) : undefined;
    let hash: string;
    let changed: boolean;
    if (whole(page)) {
      hash = pageHash(page);
      changed = !exists || fileHash(abs) !== hash;
      if (changed) typeof page === 'string' ? writeTextSync(tmp, page) : writeFileSync(tmp, page);
    } else {
      // Chunks go straight to the temporary file; it is kept only if it differs from the target.
      const fd = openSync(tmp, 'w');
      const hasher = pageHasher();
      try {
        const write = (bytes: Uint8Array) => {
          hasher.update(bytes);
          writeAllSync(fd, bytes);
        };
        for (const chunk of page) {
          if (typeof chunk !== 'string') write(chunk);
          else for (const slice of slices(chunk)) write(Buffer.from(slice, 'utf8'));
        }
      } finally {
        closeSync(fd);
      }
      hash = hasher.digest();
      changed = !exists || fileHash(abs) !== hash;
      if (!changed) rmSync(tmp, { force: true });
    }
    this.pages.set(rel, { hash, key: this.salt === undefined ? undefined : key, tmp: changed ? tmp : undefined, seen: !changed && st ? seenOf(hash, st) : undefined });
    if (changed) killPoint('staged', ++this.stagedCount);
    return this;
  }

  /** Removes what was staged (the render failed, the previous output stands) and lets the lock go; after a commit, or a first abort, nothing. */
  abort(): void {
    if (this.over) return;
    this.over = true;
    try {
      for (const { tmp } of this.pages.values()) if (tmp) rmSync(tmp, { force: true });
    } finally {
      this.lock.release();
      // A directory made for a render that failed before writing anything is not left behind.
      if (this.made) rmdirIfEmpty(this.outDir);
    }
  }

  /** Rename the staged pages into place, delete retired ones, and record them in the manifest. */
  async commit(fingerprint?: string): Promise<WriteResult> {
    try {
      let result: WriteResult;
      try {
        result = await this.commitLocked(fingerprint);
      } catch (error) {
        throw cannotWrite(this.outDir, error, 'handbook');
      }
      // The handbook is in place: what is remembered of its files for the next render is a cache,
      // whose failure is no failure of the render.
      try {
        if (this.written) this.watch?.keepManifest(this.written.manifest, this.written.text);
        if (this.salt !== undefined && !this.partial) this.saveStats();
      } catch {}
      return result;
    } finally {
      this.over = true;
      this.lock.release();
    }
  }

  private async commitLocked(fingerprint?: string): Promise<WriteResult> {
    const { outDir, format, partial } = this;
    const now = [...this.pages.keys()].sort();
    const staged = now.filter((rel) => this.pages.get(rel)!.tmp);
    const manifest = this.manifest ?? { version: 1, files: {} };
    const previous = manifest.files[format] ?? [];
    const removed: string[] = [];
    for (const rel of previous) {
      if (this.pages.has(rel)) continue;
      if (partial) now.push(rel);
      else removed.push(rel);
    }
    manifest.files[format] = now.sort();
    // Filled in the order of the files: sortKeys has nothing left to sort (a large handbook's
    // manifest lists 100,000s of pages).
    const hashes: Record<string, string> = partial ? { ...manifest.hashes?.[format] } : {};
    for (const rel of now) {
      const page = this.pages.get(rel);
      if (page) hashes[rel] = page.hash;
    }
    manifest.hashes = { ...manifest.hashes, [format]: hashes };
    // A partial render's pages do not make a whole handbook: no fingerprint to check against.
    const inputs = { ...manifest.inputs };
    if (fingerprint && !partial) inputs[format] = fingerprint;
    else delete inputs[format];
    manifest.inputs = inputs;
    // A partial render's pages are not all there is: the next full render keys every page anew.
    const keys = { ...manifest.keys };
    delete keys[format];
    if (this.salt !== undefined && !partial) {
      const pages: Record<string, string> = {};
      for (const rel of now) {
        const key = this.pages.get(rel)?.key;
        if (key !== undefined) pages[rel] = key;
      }
      keys[format] = { salt: this.salt, pages };
    }
    manifest.keys = keys;
    // The new manifest first, under a temporary name (the next render in the directory removes it
    // should this one be killed before its journal appears); then the journal, which names it.
    mkdirSync(outDir, { recursive: true });
    const manifestFile = tempName(MANIFEST, this.suffix);
    const next = sortKeys(manifest);
    const text = manifestText(next);
    writeTextSync(path.join(outDir, manifestFile), text);
    const pending: Pending = {
      version: 1,
      renames: staged.map((rel) => [relativeTo(outDir, this.pages.get(rel)!.tmp!), rel]),
      removals: removed,
      manifestFile,
    };
    // The journal appears whole or not at all: until it does, the previous output stands.
    const journal = path.join(outDir, PENDING);
    writeTextSync(tempName(journal, this.suffix), JSON.stringify(pending) + '\n');
    renameSync(tempName(journal, this.suffix), journal);
    commit(outDir, pending, false, () => this.lock.refresh());
    this.written = { manifest: next, text };
    return { written: this.pages.size, changed: staged.length, removed };
  }

  /**
   * How every keyed page's file is now, for the next render (stat-cache.ts): the pages written, by a
   * stat after their rename (which sets their change time); the others as they were seen.
   */
  private saveStats(): void {
    // The racy rule's moment (stat-cache.ts): a time of the pages' file system, taken before the
    // pages written are statted. The manifest's rename into place, after every page's, sets its
    // change time on most file systems (ext4, xfs, btrfs, tmpfs, APFS, NTFS); where it does not,
    // the time is its writing, which came before too.
    const manifest = statSync(path.join(this.outDir, MANIFEST), { throwIfNoEntry: false });
    if (!manifest) return;
    const written = Math.max(manifest.mtimeMs, manifest.ctimeMs);
    const seen = new Map<string, Seen>();
    for (const [rel, page] of this.pages) {
      if (page.key === undefined) continue;
      let st: Stats | undefined;
      if (page.seen) seen.set(rel, page.seen);
      else if ((st = statSync(inside(this.outDir, rel), { throwIfNoEntry: false }))) seen.set(rel, seenOf(page.hash, st));
    }
    const saved = StatCache.save(this.outDir, this.format, seen, written);
    this.watch?.keepStats(this.format, saved);
  }
}

/** Write a whole handbook at once (pages already in memory). */
export async function writeOutput(outDir: string, format: string, contents: Contents, partial = false, fingerprint?: string): Promise<WriteResult> {
  const output = new StagedOutput(outDir, format, partial);
  try {
    for (const rel of [...contents.keys()].sort()) output.set(rel, contents.get(rel)!);
  } catch (error) {
    output.abort();
    throw error;
  }
  return output.commit(fingerprint);
}

const PENDING = '.orgc-pending.json';
const MANIFEST_TEMP = tempNames(MANIFEST);
const PENDING_TEMP = tempNames(PENDING);

interface Pending {
  version: 1;
  /** Temporary file → target, relative to the output directory. */
  renames: Array<[string, string]>;
  removals: string[];
  /** The new manifest's temporary name, relative to the output directory: renamed into place last. */
  manifestFile?: string;
  /** The new manifest itself, in the journals of orgc before manifestFile: written last. */
  manifest?: Manifest;
}

/**
 * Carry out a journalled commit; safe to repeat, as a render killed part-way through needs
 * (`resuming`: the journal of such a render, whose manifest may be in place already).
 */
function commit(outDir: string, pending: Pending, resuming: boolean, tick?: () => void): void {
  pending.renames.forEach(([tmp, target], i) => {
    tick?.();
    try {
      renameSync(inside(outDir, tmp), inside(outDir, target));
    } catch (error) {
      // Already renamed by the run that was interrupted (a missing file costs a failed rename,
      // not a lookup before every rename).
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return;
    }
    killPoint('renamed', i + 1);
  });
  for (const rel of pending.removals) rmSync(inside(outDir, rel), { force: true });
  const manifestFile = path.join(outDir, MANIFEST);
  if (pending.manifestFile !== undefined) {
    try {
      renameSync(inside(outDir, pending.manifestFile), manifestFile);
    } catch (error) {
      // Renamed already by the run that was interrupted. This render's own must be there: a
      // manifest left as it was would describe pages that are no longer those.
      if (!resuming || (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  } else {
    const temp = tempName(manifestFile, randomSuffix());
    writeTextSync(temp, manifestText(pending.manifest!));
    renameSync(temp, manifestFile);
  }
  rmSync(path.join(outDir, PENDING), { force: true });
}

/** Complete the commit of a render that was killed during it. */
export function finishPending(outDir: string): boolean {
  let pending: Pending;
  let text: string;
  try {
    text = readFileSync(path.join(outDir, PENDING), 'utf8');
  } catch {
    return false;
  }
  try {
    pending = JSON.parse(text) as Pending;
  } catch {
    rmSync(path.join(outDir, PENDING), { force: true });
    return false;
  }
  // The manifest's temporary file is named as StagedOutput names it, beside the manifest.
  const manifest = pending?.manifestFile !== undefined ? MANIFEST_TEMP.test(String(pending.manifestFile)) : typeof pending?.manifest?.files === 'object';
  if (pending?.version !== 1 || !Array.isArray(pending.renames) || !Array.isArray(pending.removals) || !manifest) {
    rmSync(path.join(outDir, PENDING), { force: true });
    return false;
  }
  commit(outDir, pending, true);
  return true;
}

/**
 * Removes manifests and journals left under their temporary names by renders killed before their
 * journal appeared (one that did was completed by finishPending first). Here, not only when a page
 * is written at the top of the directory, which not every format does (charts, Word files).
 */
function removeStaleManifests(outDir: string): void {
  let names: string[];
  try {
    names = readdirSync(outDir);
  } catch {
    return;
  }
  for (const name of names) if (MANIFEST_TEMP.test(name) || PENDING_TEMP.test(name)) rmSync(path.join(outDir, name), { force: true });
}

/** Removes `dir` when nothing is in it. */
function rmdirIfEmpty(dir: string): void {
  try {
    if (readdirSync(dir).length === 0) rmdirSync(dir);
  } catch {}
}

/**
 * Fault injection for the tests of interrupted renders: `ORGC_TEST_KILL=staged:3` kills the
 * process, as a power cut would, after the third temporary file is written; `renamed:3` after
 * the third rename. Unset, this is one comparison per file.
 */
function killPoint(stage: 'staged' | 'renamed', count: number): void {
  // Read once: process.env is a call into the C++ environment each time, for every page.
  killAt ??= process.env.ORGC_TEST_KILL ?? '';
  if (killAt === `${stage}:${count}`) process.kill(process.pid, 'SIGKILL');
}
let killAt: string | undefined;

let readBuffer: Buffer | undefined;

/** The hash of a file as pageHash gives it, read a megabyte at a time; undefined when missing. */
function fileHash(file: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    // A folder where a page should be: said with its name (a read of it says only EISDIR).
    if (fstatSync(fd).isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${file}'`), { code: 'EISDIR', syscall: 'read', path: file });
    const hasher = pageHasher();
    // One buffer for every file: re-rendering reads thousands of small pages.
    const buffer = (readBuffer ??= Buffer.allocUnsafe(1 << 20));
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hasher.update(buffer.subarray(0, n));
    return hasher.digest();
  } finally {
    closeSync(fd);
  }
}

export interface CheckResult {
  missing: string[];
  different: string[];
  stale: string[];
}

/** Files read at once when checking: enough to keep the disk busy, few enough for any ulimit. */
const READ_CONCURRENCY = 32;

async function forEachConcurrently<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, items.length) }, worker));
}

/**
 * The output directory as `--check` sees it: each page is hashed as the renderer hands it over
 * (nothing is kept but the hash), and `result()` reads the files on disk, several at a time, and
 * compares. Writes nothing.
 */
export class CheckedOutput {
  private readonly hashes = new Map<string, string>();
  private readonly previous: Previous | undefined;
  /** Pages taken at the hash they were written with, for ORGC_TIMING. */
  kept = 0;

  /** `salt` as for StagedOutput: pages of an unchanged key are compared with the hash they were written with. */
  constructor(
    private readonly outDir: string,
    private readonly format: string,
    private readonly partial = false,
    salt?: string,
    onWait?: LockWait,
  ) {
    // Not while a render is writing the directory (dir-lock.ts).
    waitUnlocked(outDir, onWait);
    this.previous = previousPages(outDir, format, salt);
  }

  /** A page of the key it was written from is what was written then: `result()` compares the file with that hash. */
  reuse(rel: string, key: string): boolean {
    const hash = keptHash(this.previous, rel, key);
    if (hash === undefined) return false;
    inside(this.outDir, rel);
    this.hashes.set(rel, hash);
    this.kept++;
    return true;
  }

  get size(): number {
    return this.hashes.size;
  }

  set(rel: string, page: Page): this {
    inside(this.outDir, rel);
    const hasher = pageHasher();
    for (const chunk of chunksOf(page)) hasher.update(chunk);
    this.hashes.set(rel, hasher.digest());
    return this;
  }

  /** What `render` would change: files it would add, rewrite, or remove. */
  async result(): Promise<CheckResult> {
    const result: CheckResult = { missing: [], different: [], stale: [] };
    await forEachConcurrently([...this.hashes.keys()], async (rel) => {
      let current: Buffer;
      try {
        current = await readFile(inside(this.outDir, rel));
      } catch {
        result.missing.push(rel);
        return;
      }
      if (pageHash(current) !== this.hashes.get(rel)) result.different.push(rel);
    });
    if (!this.partial) {
      const manifest = await readManifest(this.outDir);
      await forEachConcurrently(manifest.files[this.format] ?? [], async (rel) => {
        if (this.hashes.has(rel)) return;
        const exists = await stat(inside(this.outDir, rel)).then(() => true, () => false);
        if (exists) result.stale.push(rel);
      });
    }
    return sorted(result);
  }
}

/** What `render` would change for pages already in memory. Writes nothing. */
export async function checkOutput(outDir: string, format: string, contents: Contents, partial = false): Promise<CheckResult> {
  const output = new CheckedOutput(outDir, format, partial);
  for (const [rel, page] of contents) output.set(rel, page);
  return output.result();
}

/**
 * `--check` without rendering: when the manifest says the handbook was rendered from these very
 * inputs (its record of them is `fingerprint`, or one that `fingerprint` accepts), the pages only
 * need to be what was written — compared with the hashes the manifest keeps. Undefined when the
 * manifest cannot tell (other inputs, an older orgc, a partial render).
 */
export async function checkByFingerprint(
  outDir: string,
  format: string,
  fingerprint: string | ((recorded: string) => boolean),
  /** Text any record `fingerprint` accepts contains (the inputs' hash). */
  mentions: string | undefined = typeof fingerprint === 'string' ? fingerprint : undefined,
  onWait?: LockWait,
): Promise<(CheckResult & { files: number }) | undefined> {
  waitUnlocked(outDir, onWait);
  if (existsSync(path.join(outDir, PENDING))) return undefined;
  let text: string;
  try {
    text = await readFile(path.join(outDir, MANIFEST), 'utf8');
  } catch {
    return undefined;
  }
  // A large handbook's manifest is tens of megabytes (0.3–0.7 s to parse at 100k roles), and every
  // render after a change asks: not parsed when it cannot hold the record sought.
  if (mentions !== undefined && !text.includes(mentions)) return undefined;
  const manifest = parseManifest(text);
  if (!manifest) return undefined;
  const hashes = manifest.hashes?.[format];
  const files = manifest.files[format];
  const recorded = manifest.inputs?.[format];
  const accepted = typeof fingerprint === 'string' ? recorded === fingerprint : typeof recorded === 'string' && fingerprint(recorded);
  if (!accepted || !hashes || !files || files.length !== Object.keys(hashes).length) return undefined;
  const result: CheckResult = { missing: [], different: [], stale: [] };
  await forEachConcurrently(files, async (rel) => {
    let current: Buffer;
    try {
      current = await readFile(inside(outDir, rel));
    } catch {
      result.missing.push(rel);
      return;
    }
    if (pageHash(current) !== hashes[rel]) result.different.push(rel);
  });
  return { ...sorted(result), files: files.length };
}

/** Whether `keys` are as `sort()` would put them. */
function inOrder(keys: string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1] > keys[i]) return false;
  return true;
}

function sorted(result: CheckResult): CheckResult {
  return { missing: result.missing.sort(), different: result.different.sort(), stale: result.stale.sort() };
}

/** `file`, inside `dir`, relative to it with `/` between names (as the journal keeps it). */
function relativeTo(dir: string, file: string): string {
  // The temporary file of a page is `dir` joined with a plain name: cut, not resolved (a large
  // handbook has 100,000s of them).
  if (path.sep === '/' && file.startsWith(`${dir}/`)) return file.slice(dir.length + 1);
  return path.relative(dir, file).split(path.sep).join('/');
}

function sortKeys(m: Manifest): Manifest {
  const byKey = <T>(o: Record<string, T>) => {
    const keys = Object.keys(o);
    return inOrder(keys) ? o : Object.fromEntries(keys.sort().map((k) => [k, o[k]]));
  };
  const hashes = m.hashes ? Object.fromEntries(Object.keys(m.hashes).sort().map((k) => [k, byKey(m.hashes![k])])) : undefined;
  const keys = m.keys ? Object.fromEntries(Object.keys(m.keys).sort().map((k) => [k, { salt: m.keys![k].salt, pages: byKey(m.keys![k].pages) }])) : undefined;
  return { version: 1, files: byKey(m.files), ...(m.inputs ? { inputs: byKey(m.inputs) } : {}), ...(hashes ? { hashes } : {}), ...(keys ? { keys } : {}) };
}
