// `orgc validate` of a small or medium org runs with a young generation that does not grow.
//
// Why: V8 grows its young generation (the semi-spaces new objects are made in) when most of what
// it holds survives a collection, expecting a program whose objects die young. Validating is the
// opposite: nearly everything it makes (the parsed files, the model) lives to the end, so a larger
// young generation saves no work — each object is still copied out of it once — and only takes
// more fresh memory, which the kernel hands out a page at a time (10–15 µs a page on the build
// VM). Node 24's V8 lets it grow furthest: validating the 10k-role org touched 63,500 pages there
// against 35,300 with the growth factor at 1, and took 1.63 s against 1.19 s (Node 20: 1.40 →
// 1.32 s; docs/benchmarks.md, "validate, eighth round").
//
// Only below SMALL_INPUT_BYTES: a young generation that stays at its first size (1 MB) collects
// more often, which a larger org pays for — at 30k roles (22 MB) Node 20 was 5 % slower with it
// (Node 24 still 10 % faster), at 100k (75 MB) both were slower. Not for
// render, whose pages are garbage the moment they are written: a small young generation there
// promotes them (a 10k json render 2.3 → 3.2 s). The flag is V8's, set at run time: only on the
// V8 versions it was measured on, and set back afterwards — the code cache bin/orgc keeps is
// checked against V8's flags, and one written with a flag changed would be refused next time.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import { resolveSources, STDIN } from '../load/sources.js';

/** About 16,000 roles: between 10k (7.4 MB), faster on Node 20, 22 and 24, and 30k (22 MB), slower on Node 20. */
export const SMALL_INPUT_BYTES = 12 * 1024 * 1024;

/** V8 11 (Node 20), 12 (Node 22) and 13 (Node 24), whose default growth factor is 2. */
const MEASURED_V8 = /^1[123]\./;
const GROWTH = '--semi-space-growth-factor';
const DEFAULT_GROWTH = 2;

/** Runs `work` (the loading of the org at `paths`) with a young generation that does not grow when the org is small. */
export async function withSmallYoungGeneration<T>(paths: readonly string[], cwd: string, work: () => Promise<T>): Promise<T> {
  if (!MEASURED_V8.test(process.versions.v8)) return work();
  const bytes = await inputBytes(paths, cwd);
  if (bytes === undefined || bytes > SMALL_INPUT_BYTES) return work();
  v8.setFlagsFromString(`${GROWTH}=1`);
  try {
    return await work();
  } finally {
    v8.setFlagsFromString(`${GROWTH}=${DEFAULT_GROWTH}`);
  }
}

/** The size of the files `paths` name; undefined for standard input, or when they cannot be read (the command says why). */
async function inputBytes(paths: readonly string[], cwd: string): Promise<number | undefined> {
  if (paths.includes(STDIN)) return undefined;
  try {
    let total = 0;
    for (const source of await resolveSources(paths, { cwd })) total += (await stat(path.resolve(cwd, source.path))).size;
    return total;
  } catch {
    return undefined;
  }
}
