// Which files make up the org: the paths given (files, directories, `-` for stdin), or with none
// the org in the working directory (`org.yaml`, `org.yml` or `org/`). A directory contributes its
// YAML files recursively, sorted, so the same tree always loads in the same order.
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { MessageData } from '../finding.js';
import type { ReadBuffers } from './read-buffers.js';
import { say, type CliMessageId, type SaidError } from '../i18n/cli.js';

export const STDIN = '-';
export const STDIN_NAME = '<stdin>';
export const CONFIG_NAMES = new Set(['orgc.config.yaml', 'orgc.config.yml']);
/** Larger files are refused before reading: far beyond any real org (100,000 roles is ~50 MB). */
export const DEFAULT_MAX_BYTES = 128 * 1024 * 1024;

export interface SourceFile {
  /** As shown to users: relative to the working directory, with `/`. */
  path: string;
  /**
   * The file's bytes, read when the file is loaded: a large org never holds all its buffers at once.
   * `buffers`: read into the buffer of the file's last read (read-buffers.ts), for work that keeps
   * nothing of them past its own.
   */
  read(buffers?: ReadBuffers): Promise<Uint8Array>;
}

/** A source whose bytes are already in memory (stdin, tests). */
export function sourceFromBytes(path: string, bytes: Uint8Array): SourceFile {
  return { path, read: async () => bytes };
}

/**
 * A problem with the command's inputs themselves (exit code 2), not with their content. Its text
 * is a line of the CLI catalogue: `message` in English, the CLI says it in the reader's language.
 */
export class InputError extends Error implements SaidError {
  override readonly name = 'InputError';
  constructor(
    readonly messageId: CliMessageId,
    readonly messageData: MessageData = {},
  ) {
    super(say(messageId, 'en', messageData));
  }
}

export interface SourceOptions {
  cwd: string;
  maxBytes?: number;
  readStdin?: () => Promise<Uint8Array>;
}

/** Told the size of every org file read from disk or standard input (see onSourceRead). */
let readListener: ((bytes: number) => void) | undefined;

/**
 * Has `listener` told the size of each org file as it is read, until the returned function is
 * called. For the CLI, which sizes V8's young generation by how much it loads
 * (cli/young-generation.ts); one listener at a time, as one command runs at a time.
 */
export function onSourceRead(listener: (bytes: number) => void): () => void {
  readListener = listener;
  return () => {
    if (readListener === listener) readListener = undefined;
  };
}

export async function resolveSources(args: readonly string[], opts: SourceOptions): Promise<SourceFile[]> {
  const targets = args.length > 0 ? [...args] : [await defaultTarget(opts.cwd)];
  const files: SourceFile[] = [];
  const seen = new Set<string>();
  for (const target of targets) {
    if (target === STDIN) {
      const bytes = await (opts.readStdin ?? readAllStdin)();
      readListener?.(bytes.length);
      files.push(sourceFromBytes(STDIN_NAME, bytes));
      continue;
    }
    const abs = path.resolve(opts.cwd, target);
    const info = await statOrFail(abs, target);
    const paths = info.isDirectory() ? await yamlFilesIn(abs, target) : [abs];
    for (const p of paths) {
      const real = await realpath(p).catch(() => p);
      if (seen.has(real)) continue;
      seen.add(real);
      const shown = displayPath(opts.cwd, p);
      const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
      await checkReadable(p, shown, maxBytes);
      files.push({ path: shown, read: (buffers) => readLimited(p, shown, maxBytes, buffers) });
    }
  }
  return files;
}

async function defaultTarget(cwd: string): Promise<string> {
  for (const candidate of ['org.yaml', 'org.yml', 'org']) {
    const info = await stat(path.join(cwd, candidate)).catch(() => undefined);
    if (info) return candidate;
  }
  throw new InputError('no-org-here');
}

async function statOrFail(abs: string, shown: string) {
  try {
    return await stat(abs);
  } catch (error) {
    throw cannotRead(shown, error);
  }
}

/** Fail early, before any file is parsed, on a path that is missing, not a file, or too large. */
async function checkReadable(abs: string, shown: string, maxBytes: number): Promise<void> {
  const info = await statOrFail(abs, shown);
  if (!info.isFile()) throw new InputError('read-not-file', { file: shown });
  if (info.size > maxBytes) {
    throw new InputError('file-too-large', { file: shown, size: megabytes(info.size), max: megabytes(maxBytes) });
  }
}

async function readLimited(abs: string, shown: string, maxBytes: number, buffers?: ReadBuffers): Promise<Uint8Array> {
  await checkReadable(abs, shown, maxBytes);
  let bytes: Uint8Array;
  try {
    bytes = buffers ? buffers.read(abs) : await readFile(abs);
  } catch (error) {
    throw cannotRead(shown, error);
  }
  readListener?.(bytes.length);
  return bytes;
}

/** YAML files below a directory, skipping hidden entries, node_modules and orgc's own config. */
async function yamlFilesIn(dir: string, shown: string): Promise<string[]> {
  const out: string[] = [];
  const visited = new Set<string>();
  const walk = async (d: string): Promise<void> => {
    const real = await realpath(d).catch(() => d);
    if (visited.has(real)) return; // a symlink loop
    visited.add(real);
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch (error) {
      throw cannotRead(displayPath(process.cwd(), d), error);
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = path.join(d, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        const target = await stat(p).catch(() => undefined);
        if (!target) throw new InputError('read-broken-link', { file: displayPath(process.cwd(), p) });
        isDir = target.isDirectory();
        isFile = target.isFile();
      }
      if (isDir) await walk(p);
      else if (isFile && /\.ya?ml$/i.test(e.name) && !CONFIG_NAMES.has(e.name)) out.push(p);
    }
  };
  await walk(dir);
  if (out.length === 0) throw new InputError('no-yaml-files', { dir: shown });
  return out.sort(comparePaths);
}

/** Code-unit order on `/`-separated paths: the same on every platform and locale. */
export function comparePaths(a: string, b: string): number {
  const x = a.split(path.sep).join('/');
  const y = b.split(path.sep).join('/');
  return x < y ? -1 : x > y ? 1 : 0;
}

export function displayPath(cwd: string, abs: string): string {
  const rel = path.relative(cwd, abs);
  return (rel === '' ? path.basename(abs) : rel).split(path.sep).join('/');
}

async function readAllStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The error of a file system call as a line: the common causes in words, anything else as the system says it. */
function cannotRead(file: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new InputError('read-missing', { file });
    case 'EACCES':
    case 'EPERM':
      return new InputError('read-denied', { file });
    case 'ELOOP':
      return new InputError('read-loop', { file });
    case 'EISDIR':
      return new InputError('read-is-directory', { file });
    default:
      return new InputError('read-failed', { file, reason: (error as Error)?.message ?? String(error) });
  }
}

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
