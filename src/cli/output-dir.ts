// Writing a rendered handbook into its output directory, or checking that what is there is fresh.
//
// - Nothing is written outside the directory: every path is checked after resolving.
// - Writes are staged: every file goes to a temporary name beside its target first, and only when
//   all are written are they renamed into place. A render killed while writing leaves the previous
//   output as it was (and temporary files that the next render removes).
// - A file whose content is already what it would be is not rewritten: its timestamp stays, and
//   re-rendering a large handbook after a small change touches only what changed.
// - The renames are journalled: before the first, .orgc-pending.json lists them (and the pages to
//   delete, and the new manifest). A render killed during the renames leaves that journal, and
//   the next render in the directory completes it first, so the directory is never left half old,
//   half new for long.
// - A manifest (.orgc-manifest.json) lists the files orgc wrote, per format. A page that is no
//   longer produced (a role was removed) is deleted; files orgc did not write are never touched.
//   A partial render (`--only`) adds to the manifest and deletes nothing: the pages it did not
//   produce were not asked for, not retired.
// - The manifest also keeps, per format, a fingerprint of the render's inputs and a hash of each
//   page (render-fingerprint.ts): `--check` with unchanged inputs compares the pages on disk with
//   those hashes instead of rendering again.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './errors.js';
import { pageHash } from './render-fingerprint.js';
import { randomSuffix } from './temp-name.js';

export const MANIFEST = '.orgc-manifest.json';
const TEMP = /^\..+\.orgc-[0-9a-f]{12}\.tmp$/;

interface Manifest {
  version: 1;
  files: Record<string, string[]>;
  /** Per format: the fingerprint of the inputs of the last full render. */
  inputs?: Record<string, string>;
  /** Per format: each page's hash, as written. */
  hashes?: Record<string, Record<string, string>>;
}

export type Contents = Map<string, string | Uint8Array>;

/** The absolute path of an output file, refusing anything that would land outside the directory. */
export function inside(outDir: string, relative: string): string {
  const target = path.resolve(outDir, relative);
  const rel = path.relative(outDir, target);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel) || relative.includes('\0')) {
    throw new UsageError(`refusing to write ${relative}: it is outside ${outDir}`);
  }
  return target;
}

async function readManifest(outDir: string): Promise<Manifest> {
  try {
    const m = JSON.parse(await readFile(path.join(outDir, MANIFEST), 'utf8')) as Manifest;
    if (m && m.version === 1 && typeof m.files === 'object') return m;
  } catch {}
  return { version: 1, files: {} };
}

export interface WriteResult {
  /** Files this render produced. */
  written: number;
  /** Of those, files whose content changed (the others were left as they were). */
  changed: number;
  removed: string[];
}

export async function writeOutput(outDir: string, format: string, contents: Contents, partial = false, fingerprint?: string): Promise<WriteResult> {
  finishPending(outDir);
  const targets = [...contents.keys()].sort().map((rel) => [rel, inside(outDir, rel)] as const);
  const dirs = new Set(targets.map(([, abs]) => path.dirname(abs)));
  // Synchronous file operations: the render is done and nothing else waits, and a thousand small
  // files are written several times faster without a round trip through the thread pool each.
  for (const dir of dirs) {
    mkdirSync(dir, { recursive: true });
    // Leftovers of a render that was killed while writing.
    for (const name of readdirSync(dir)) if (TEMP.test(name)) rmSync(path.join(dir, name), { force: true });
  }
  const suffix = randomSuffix();
  const changed = targets.filter(([rel, abs]) => !sameContent(abs, contents.get(rel)!));
  const staged = changed.map(([rel, abs]) => [rel, path.join(path.dirname(abs), `.${path.basename(abs)}.orgc-${suffix}.tmp`), abs] as const);
  try {
    staged.forEach(([rel, tmp], i) => {
      writeFileSync(tmp, contents.get(rel)!);
      killPoint('staged', i + 1);
    });
  } catch (error) {
    for (const [, tmp] of staged) rmSync(tmp, { force: true });
    throw error;
  }

  const manifest = await readManifest(outDir);
  const previous = manifest.files[format] ?? [];
  const now = targets.map(([rel]) => rel);
  const produced = new Set(now);
  const removed: string[] = [];
  for (const rel of previous) {
    if (produced.has(rel)) continue;
    if (partial) now.push(rel);
    else removed.push(rel);
  }
  manifest.files[format] = now.sort();
  const hashes: Record<string, string> = partial ? { ...manifest.hashes?.[format] } : {};
  for (const [rel] of targets) hashes[rel] = pageHash(contents.get(rel)!);
  manifest.hashes = { ...manifest.hashes, [format]: hashes };
  // A partial render's pages do not make a whole handbook: no fingerprint to check against.
  const inputs = { ...manifest.inputs };
  if (fingerprint && !partial) inputs[format] = fingerprint;
  else delete inputs[format];
  manifest.inputs = inputs;
  const pending: Pending = {
    version: 1,
    renames: staged.map(([rel, tmp]) => [path.relative(outDir, tmp).split(path.sep).join('/'), rel]),
    removals: removed,
    manifest: sortKeys(manifest),
  };
  // The journal appears whole or not at all: until it does, the previous output stands.
  const journal = path.join(outDir, PENDING);
  writeFileSync(`${journal}.orgc-${suffix}.tmp`, JSON.stringify(pending) + '\n');
  renameSync(`${journal}.orgc-${suffix}.tmp`, journal);
  commit(outDir, pending);
  return { written: targets.length, changed: changed.length, removed };
}

const PENDING = '.orgc-pending.json';

interface Pending {
  version: 1;
  /** Temporary file → target, relative to the output directory. */
  renames: Array<[string, string]>;
  removals: string[];
  manifest: Manifest;
}

/** Carry out a journalled commit; safe to repeat, as a render killed part-way through needs. */
function commit(outDir: string, pending: Pending): void {
  pending.renames.forEach(([tmp, target], i) => {
    const from = inside(outDir, tmp);
    // Already renamed by the run that was interrupted.
    if (!existsSync(from)) return;
    renameSync(from, inside(outDir, target));
    killPoint('renamed', i + 1);
  });
  for (const rel of pending.removals) rmSync(inside(outDir, rel), { force: true });
  const manifestFile = path.join(outDir, MANIFEST);
  const temp = `${manifestFile}.orgc-${randomSuffix()}.tmp`;
  writeFileSync(temp, JSON.stringify(pending.manifest, null, 2) + '\n');
  renameSync(temp, manifestFile);
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
  if (pending?.version !== 1 || !Array.isArray(pending.renames) || !Array.isArray(pending.removals) || typeof pending.manifest?.files !== 'object') {
    rmSync(path.join(outDir, PENDING), { force: true });
    return false;
  }
  commit(outDir, pending);
  return true;
}

/**
 * Fault injection for the tests of interrupted renders: `ORGC_TEST_KILL=staged:3` kills the
 * process, as a power cut would, after the third temporary file is written; `renamed:3` after
 * the third rename. Unset, this is one comparison per file.
 */
function killPoint(stage: 'staged' | 'renamed', count: number): void {
  if (process.env.ORGC_TEST_KILL === `${stage}:${count}`) process.kill(process.pid, 'SIGKILL');
}

function sameContent(file: string, wanted: string | Uint8Array): boolean {
  let current: Buffer;
  try {
    current = readFileSync(file);
  } catch {
    return false;
  }
  return current.equals(typeof wanted === 'string' ? Buffer.from(wanted, 'utf8') : Buffer.from(wanted));
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

/** What `render` would change: files it would add, rewrite, or remove. Writes nothing. */
export async function checkOutput(outDir: string, format: string, contents: Contents, partial = false): Promise<CheckResult> {
  const result: CheckResult = { missing: [], different: [], stale: [] };
  await forEachConcurrently([...contents.keys()], async (rel) => {
    let current: Buffer;
    try {
      current = await readFile(inside(outDir, rel));
    } catch {
      result.missing.push(rel);
      return;
    }
    const wanted = contents.get(rel)!;
    const bytes = typeof wanted === 'string' ? Buffer.from(wanted, 'utf8') : Buffer.from(wanted);
    if (!current.equals(bytes)) result.different.push(rel);
  });
  if (!partial) {
    const manifest = await readManifest(outDir);
    await forEachConcurrently(manifest.files[format] ?? [], async (rel) => {
      if (contents.has(rel)) return;
      const exists = await readFile(inside(outDir, rel)).then(() => true, () => false);
      if (exists) result.stale.push(rel);
    });
  }
  return sorted(result);
}

/**
 * `--check` without rendering: when the manifest says the handbook was rendered from these very
 * inputs, the pages only need to be what was written — compared with the hashes the manifest keeps.
 * Undefined when the manifest cannot tell (other inputs, an older orgc, a partial render).
 */
export async function checkByFingerprint(outDir: string, format: string, fingerprint: string): Promise<(CheckResult & { files: number }) | undefined> {
  if (existsSync(path.join(outDir, PENDING))) return undefined;
  const manifest = await readManifest(outDir);
  const hashes = manifest.hashes?.[format];
  const files = manifest.files[format];
  if (manifest.inputs?.[format] !== fingerprint || !hashes || !files || files.length !== Object.keys(hashes).length) return undefined;
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

function sorted(result: CheckResult): CheckResult {
  return { missing: result.missing.sort(), different: result.different.sort(), stale: result.stale.sort() };
}

function sortKeys(m: Manifest): Manifest {
  const byKey = <T>(o: Record<string, T>) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
  const hashes = m.hashes ? Object.fromEntries(Object.keys(m.hashes).sort().map((k) => [k, byKey(m.hashes![k])])) : undefined;
  return { version: 1, files: byKey(m.files), ...(m.inputs ? { inputs: byKey(m.inputs) } : {}), ...(hashes ? { hashes } : {}) };
}
