// An error of the file system while writing orgc's output — the handbook (`render --out`) or a
// file (`--output`, `import -o`, `init`) — in words a user can act on: a file where a folder should
// be, a folder where the file should be, no permission, a full disk. orgc's own errors, and errors
// that are not the file system's, stay as they are (an internal error is a bug to report).
import { statSync } from 'node:fs';
import path from 'node:path';
import type { CliMessageId } from '../i18n/cli.js';
import { UsageError } from './errors.js';

/** `target`: the handbook's directory, or the file written. */
export function cannotWrite(target: string, error: unknown, what: 'handbook' | 'file'): unknown {
  if (error instanceof UsageError) return error;
  const e = error as NodeJS.ErrnoException;
  const said = (handbook: CliMessageId, file: CliMessageId, data: Record<string, string> = {}) => UsageError.said(what === 'handbook' ? handbook : file, { target, ...data });
  switch (e?.code) {
    case 'EEXIST':
    case 'ENOTDIR':
      return said('write-not-directory', 'write-file-not-directory', { file: fileInTheWay(e.path ?? target) });
    case 'EISDIR':
      return what === 'file' ? said('write-file-is-directory', 'write-file-is-directory') : said('write-failed', 'write-file-failed', { reason: e.message });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return said('write-denied', 'write-file-denied');
    case 'ENOSPC':
    case 'EDQUOT':
      return said('write-full', 'write-file-full');
    default:
      return typeof e?.code === 'string' && typeof e.syscall === 'string' ? said('write-failed', 'write-file-failed', { reason: e.message }) : error;
  }
}

/** The file that stands where a directory on the way to `target` (or `target` itself) should be. */
function fileInTheWay(target: string): string {
  for (let p = target; ; p = path.dirname(p)) {
    let st;
    try {
      st = statSync(p, { throwIfNoEntry: false });
    } catch {}
    if (st && !st.isDirectory()) return p;
    if (path.dirname(p) === p) return target;
  }
}
