// `orgc validate --watch` and `orgc render --watch`: run again whenever a file of the org (or its
// config, or a render's templates) changes — the same output as a run, after clearing the
// terminal. Runs until interrupted (Ctrl-C).
import { existsSync, readdirSync, statSync, watch, type Dirent, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { say, sayError } from '../i18n/cli.js';
import { startRun } from '../timing.js';
import type { Io } from './output.js';

/** Saves come in bursts (editors write a temp file, rename, touch): wait for quiet first. */
const SETTLE_MS = 150;

export interface WatchOptions {
  /**
   * Asked after the first run: directories where a change of any file counts (a render's
   * templates), and files outside the org's directories that count too (a config given with
   * `--config`).
   */
  also?: () => { dirs: readonly string[]; files: readonly string[] };
  /**
   * Directories not to watch, asked after the first run: a render's output directory, which the
   * render itself writes (tens of thousands of files in a large org).
   */
  exclude?: () => readonly string[];
}

export async function watchRuns(paths: readonly string[], run: () => Promise<number>, io: Io, lang = 'en', opts: WatchOptions = {}): Promise<never> {
  const clear = () => {
    if (io.stdoutIsTTY) io.stdout('\x1b[2J\x1b[3J\x1b[H');
  };
  const once = async () => {
    clear();
    startRun();
    try {
      await run();
    } catch (error) {
      // A run that cannot start (an unreadable path, a broken config) is reported; the watch goes on.
      io.stderr(`orgc: ${sayError(error, lang)}\n`);
    }
    io.stderr(`\n${paths.length > 0 ? say('watching', lang, { paths: paths.join(' ') }) : say('watching-here', lang)}\n`);
  };
  await once();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const again = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(once);
    }, SETTLE_MS);
  };
  const yamlChanged = (_event: string, name: string | Buffer | null) => {
    if (name && !/\.ya?ml$/i.test(String(name))) return;
    again();
  };
  // Each directory of the org on its own (Node's recursive watch on Linux follows each file, and
  // loses one that an editor or `sed -i` replaces by renaming a new file over it), the directory
  // of each file given, and the working directory itself (where org.yaml or the config may appear).
  const excluded = new Set((opts.exclude?.() ?? []).map((d) => path.resolve(io.cwd, d)));
  const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();
  const dirs = new Map<string, typeof yamlChanged>();
  const tree = (dir: string, changed = yamlChanged) => {
    if (excluded.has(dir) || dirs.has(dir)) return;
    dirs.set(dir, changed);
    let entries: Dirent[] = [];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      // Gone or unreadable: the run says so.
    }
    for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') tree(path.join(dir, e.name), changed);
  };
  // The templates first: inside the org's directory too, any file of theirs counts.
  const also = opts.also?.() ?? { dirs: [], files: [] };
  for (const dir of also.dirs) tree(path.resolve(io.cwd, dir), () => again());
  const given = (paths.length > 0 ? paths : ['.']).map((p) => path.resolve(io.cwd, p === '-' ? '.' : p));
  for (const p of given) {
    if (isDir(p)) tree(p);
    else if (!dirs.has(path.dirname(p))) dirs.set(path.dirname(p), yamlChanged);
  }
  for (const file of also.files) if (!dirs.has(path.dirname(path.resolve(io.cwd, file)))) dirs.set(path.dirname(path.resolve(io.cwd, file)), yamlChanged);
  if (!dirs.has(io.cwd)) dirs.set(io.cwd, yamlChanged);
  if (paths.length === 0 && isDir(path.join(io.cwd, 'org'))) tree(path.join(io.cwd, 'org'));
  const watchers: FSWatcher[] = [];
  for (const [dir, changed] of dirs) {
    try {
      watchers.push(watch(dir, changed));
    } catch {
      // A path that does not exist (yet): the first run has said so.
    }
  }
  return new Promise<never>(() => {});
}
