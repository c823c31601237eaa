// `orgc validate --watch`: run again whenever a file of the org (or its config) changes — the same
// output as a run, after clearing the terminal. Runs until interrupted (Ctrl-C).
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { say, sayError } from '../i18n/cli.js';
import type { Io } from './output.js';

/** Saves come in bursts (editors write a temp file, rename, touch): wait for quiet first. */
const SETTLE_MS = 150;

export async function watchRuns(paths: readonly string[], run: () => Promise<number>, io: Io, lang = 'en'): Promise<never> {
  const clear = () => {
    if (io.stdoutIsTTY) io.stdout('\x1b[2J\x1b[3J\x1b[H');
  };
  const once = async () => {
    clear();
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
  const changed = (_event: string, name: string | Buffer | null) => {
    if (name && !/\.ya?ml$/i.test(String(name))) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(once);
    }, SETTLE_MS);
  };
  // The org's files and directories, and the working directory (where org.yaml or the config may
  // appear). Recursive where the platform can (Node 20 on Linux, macOS and Windows).
  const targets = new Set([...(paths.length > 0 ? paths : ['.']).map((p) => path.resolve(io.cwd, p === '-' ? '.' : p)), io.cwd]);
  const watchers: FSWatcher[] = [];
  for (const target of targets) {
    try {
      watchers.push(watch(target, { recursive: true }, changed));
    } catch {
      // A path that does not exist (yet): the first run has said so.
    }
  }
  return new Promise<never>(() => {});
}
