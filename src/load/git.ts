// An org as it was at a git revision: `main:org/`, `HEAD~1:org.yaml`. The path after the colon is
// relative to the repository's top, as in `git show`; a directory contributes its YAML files as a
// directory on disk does (hidden entries, node_modules and orgc's config skipped). Blobs are read
// in one `git cat-file --batch`, however many files.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_NAMES, InputError, sourceFromBytes, type SourceFile } from './sources.js';

/** `rev:path` where no file of that name exists (and not a Windows drive such as `C:\org`). */
export function isRevisionSpec(arg: string, cwd: string): boolean {
  const m = /^([^:]+):(.*)$/.exec(arg);
  if (!m || /^[A-Za-z]$/.test(m[1])) return false;
  return !existsSync(path.resolve(cwd, arg));
}

function git(args: string[], cwd: string, input?: string): { stdout: Buffer; stderr: string; status: number | null; missing: boolean } {
  const r = spawnSync('git', args, { cwd, input, maxBuffer: 1 << 30 });
  const missing = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  return { stdout: r.stdout ?? Buffer.alloc(0), stderr: String(r.stderr ?? ''), status: r.status, missing };
}

export function gitSources(spec: string, cwd: string): SourceFile[] {
  const colon = spec.indexOf(':');
  const rev = spec.slice(0, colon);
  const wanted = spec.slice(colon + 1).replace(/^\.?\/+/, '').replace(/\/+$/, '');
  const check = git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], cwd);
  if (check.missing) throw new InputError('git-missing', { spec });
  if (check.status !== 0) {
    const inRepo = git(['rev-parse', '--git-dir'], cwd).status === 0;
    throw inRepo ? new InputError('git-no-revision', { spec, rev }) : new InputError('git-not-repo', { spec, dir: cwd });
  }
  const listed = git(['ls-tree', '-r', '--full-tree', '--name-only', '-z', rev, '--', ...(wanted ? [wanted] : [])], cwd);
  if (listed.status !== 0) throw new InputError('read-failed', { file: spec, reason: listed.stderr.trim().split('\n')[0] });
  const all = listed.stdout.toString('utf8').split('\0').filter(Boolean);
  const files = all.filter((f) => {
    if (f === wanted) return true;
    const parts = f.split('/');
    return /\.ya?ml$/i.test(f) && !CONFIG_NAMES.has(parts[parts.length - 1]) && !parts.some((p) => p.startsWith('.') || p === 'node_modules');
  });
  if (files.length === 0) throw all.length === 0 ? new InputError('git-no-path', { spec, rev }) : new InputError('no-yaml-files', { dir: spec });
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const blobs = readBlobs(rev, files, cwd);
  return files.map((f, i) => sourceFromBytes(`${rev}:${f}`, blobs[i]));
}

/** The contents of `rev:file` for each file, from one `git cat-file --batch`. */
function readBlobs(rev: string, files: string[], cwd: string): Uint8Array[] {
  const r = git(['cat-file', '--batch'], cwd, files.map((f) => `${rev}:${f}\n`).join(''));
  if (r.status !== 0) throw new InputError('read-failed', { file: rev, reason: r.stderr.trim().split('\n')[0] });
  const out: Uint8Array[] = [];
  let p = 0;
  for (const f of files) {
    const eol = r.stdout.indexOf(0x0a, p);
    const header = r.stdout.subarray(p, eol).toString('utf8');
    const m = /^[0-9a-f]+ blob (\d+)$/.exec(header);
    if (!m) throw new InputError('read-failed', { file: `${rev}:${f}`, reason: header });
    const size = Number(m[1]);
    out.push(r.stdout.subarray(eol + 1, eol + 1 + size));
    p = eol + 1 + size + 1;
  }
  return out;
}
