// Writing a rendered handbook into its output directory, or checking that what is there is fresh.
//
// - Nothing is written outside the directory: every path is checked after resolving.
// - Writes are staged: every file goes to a temporary name beside its target first, and only when
//   all are written are they renamed into place. A render killed while writing leaves the previous
//   output as it was (and temporary files that the next render removes).
// - A file whose content is already what it would be is not rewritten: its timestamp stays, and
//   re-rendering a large handbook after a small change touches only what changed.
// - A manifest (.orgc-manifest.json) lists the files orgc wrote, per format. A page that is no
//   longer produced (a role was removed) is deleted; files orgc did not write are never touched.
//   A partial render (`--only`) adds to the manifest and deletes nothing: the pages it did not
//   produce were not asked for, not retired.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './errors.js';
import { writeFileAtomic } from './write-files.js';

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
  const targets = [...contents.keys()].sort().map((rel) => [rel, inside(outDir, rel)] as const);
  const dirs = new Set(targets.map(([, abs]) => path.dirname(abs)));
  // Synchronous file operations: the render is done and nothing else waits, and a thousand small
  // files are written several times faster without a round trip through the thread pool each.
  for (const dir of dirs) {
    mkdirSync(dir, { recursive: true });
    // Leftovers of a render that was killed while writing.
    for (const name of readdirSync(dir)) if (TEMP.test(name)) rmSync(path.join(dir, name), { force: true });
  }
  const suffix = randomBytes(6).toString('hex');
  const changed = targets.filter(([rel, abs]) => !sameContent(abs, contents.get(rel)!));
  const staged = changed.map(([rel, abs]) => [rel, path.join(path.dirname(abs), `.${path.basename(abs)}.orgc-${suffix}.tmp`), abs] as const);
  try {
    for (const [rel, tmp] of staged) writeFileSync(tmp, contents.get(rel)!);
  } catch (error) {
    for (const [, tmp] of staged) rmSync(tmp, { force: true });
    throw error;
  }
  for (const [, tmp, abs] of staged) renameSync(tmp, abs);

  const manifest = await readManifest(outDir);
  const previous = manifest.files[format] ?? [];
  const now = targets.map(([rel]) => rel);
  const produced = new Set(now);
  const removed: string[] = [];
  for (const rel of previous) {
    if (produced.has(rel)) continue;
    if (partial) now.push(rel);
    else {
      rmSync(inside(outDir, rel), { force: true });
      removed.push(rel);
    }
  }
  manifest.files[format] = now.sort();
  await writeFileAtomic(path.join(outDir, MANIFEST), JSON.stringify(sortKeys(manifest), null, 2) + '\n');
  return { written: targets.length, changed: changed.length, removed };
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
