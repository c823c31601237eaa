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
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './errors.js';
import { randomSuffix } from './temp-name.js';

export const MANIFEST = '.orgc-manifest.json';
const TEMP = /^\..+\.orgc-[0-9a-f]{12}\.tmp$/;

interface Manifest {
  version: 1;
  files: Record<string, string[]>;
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

export async function writeOutput(outDir: string, format: string, contents: Contents, partial = false): Promise<WriteResult> {
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

/** What `render` would change: files it would add, rewrite, or remove. Writes nothing. */
export async function checkOutput(outDir: string, format: string, contents: Contents, partial = false): Promise<CheckResult> {
  const result: CheckResult = { missing: [], different: [], stale: [] };
  for (const rel of [...contents.keys()].sort()) {
    let current: Buffer;
    try {
      current = await readFile(inside(outDir, rel));
    } catch {
      result.missing.push(rel);
      continue;
    }
    const wanted = contents.get(rel)!;
    const bytes = typeof wanted === 'string' ? Buffer.from(wanted, 'utf8') : Buffer.from(wanted);
    if (!current.equals(bytes)) result.different.push(rel);
  }
  if (partial) return result;
  const manifest = await readManifest(outDir);
  for (const rel of manifest.files[format] ?? []) {
    if (contents.has(rel)) continue;
    const exists = await readFile(inside(outDir, rel)).then(() => true, () => false);
    if (exists) result.stale.push(rel);
  }
  return result;
}

function sortKeys(m: Manifest): Manifest {
  return { version: 1, files: Object.fromEntries(Object.keys(m.files).sort().map((k) => [k, m.files[k]])) };
}
