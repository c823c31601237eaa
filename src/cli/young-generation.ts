// `orgc validate` of a small or medium org runs with a young generation that does not grow.
//
// Why: V8 grows its young generation (the semi-spaces new objects are made in) when most of what
// it holds survives a collection, expecting a program whose objects die later. Validating is the
// opposite: nearly everything it makes (the parsed files, the model) lives to the end, so a larger
// young generation saves little copying and touches more fresh memory, which the kernel hands out
// a page at a time (10–15 µs a page on the build VM). Node 24's V8 lets it grow furthest:
// validating the 10k-role org touched 63,500 pages there against 35,300 with the growth stopped,
// and took 1.63 s against 1.19 s (Node 20: 39,400 → 33,700 pages, 1.40 → 1.32 s; docs/benchmarks.md,
// "validate, eighth round").
//
// Only while what was read stays under SMALL_INPUT_BYTES, counted as the files are read (a
// directory's, a scenario's base): a young generation that stays at its first size (1 MB)
// collects more often, which a larger org pays for — at 30k roles (22 MB) Node 20 was 5 % slower
// with it, though Node 24 was 10 % faster. Not for render, whose pages are garbage as soon as they
// are written: there a young generation that does not grow promotes them (a 10k json render on
// Node 20: 2.3 → 3.2 s).
//
// The growth factor is V8's flag, changed at run time, to a value below the minimum of 2 that V8
// enforces on its command line (there it would be raised back to 2, so Node's own flag cannot do
// this). Hence the care: only on the V8 versions it was measured on (those of Node 20, 22 and 24);
// never when the user tunes the young generation themselves; set back to V8's default afterwards,
// also when the work fails — the code cache bin/orgc keeps is checked against V8's flags, and a
// cache written with the flag changed (a process that exits mid-work) is refused once and
// rewritten by the next run.
import v8 from 'node:v8';
import { onSourceRead } from '../load/sources.js';

/** 12 MiB, about 16,000 roles: measured faster at 10k (7.4 MB) on Node 20, 22 and 24; nothing between 7.4 and 22 MB. */
export const SMALL_INPUT_BYTES = 12 * 1024 * 1024;

/** V8 11 (Node 20), 12 (Node 22) and 13 (Node 24), whose default growth factor is 2. */
export const MEASURED_V8 = /^1[123]\./;
const GROWTH = '--semi-space-growth-factor';
const DEFAULT_GROWTH = 2;

/** Whether this process may have its young generation kept small: a measured V8, and no young-generation flag of the user's. */
export function youngGenerationTunable(v8Version = process.versions.v8, execArgv = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): boolean {
  const theirs = /semi[-_]space/;
  return MEASURED_V8.test(v8Version) && !execArgv.some((a) => theirs.test(a)) && !theirs.test(nodeOptions);
}

/** Runs `work` (loading and checking an org) with a young generation that does not grow, until more than SMALL_INPUT_BYTES of it has been read. */
export async function withSmallYoungGeneration<T>(work: () => Promise<T>, tunable = youngGenerationTunable()): Promise<T> {
  if (!tunable) return work();
  let read = 0;
  let small = true;
  v8.setFlagsFromString(`${GROWTH}=1`);
  const stop = onSourceRead((bytes) => {
    read += bytes;
    if (small && read > SMALL_INPUT_BYTES) {
      small = false;
      v8.setFlagsFromString(`${GROWTH}=${DEFAULT_GROWTH}`);
    }
  });
  try {
    return await work();
  } finally {
    stop();
    if (small) v8.setFlagsFromString(`${GROWTH}=${DEFAULT_GROWTH}`);
  }
}
