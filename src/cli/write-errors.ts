// An error of the file system while writing orgc's output — the handbook (`render --out`) or a
// file (`--output`, `import -o`, `init`) — in words a user can act on: a file where a folder should
// be, a folder where the file should be, no permission, a full disk. orgc's own errors, and errors
// that are not the file system's, stay as they are (an internal error is a bug to report).
import { statSync } from 'node:fs';
import path from 'node:path';
import type { CliMessageId } from '../i18n/cli.js';
import { UsageError } from './errors.js';

/** `target`: the handbook's directory, or the file written. The system's error stays as the cause (`--debug`). */
export function cannotWrite(target: string, error: unknown, what: 'handbook' | 'file'): unknown {
  if (error instanceof UsageError) return error;
  const e = error as NodeJS.ErrnoException & { dest?: string };
  if (typeof e?.code !== 'string' || typeof e.syscall !== 'string') return error;
  const said = (handbook: CliMessageId, file: CliMessageId, data: Record<string, string> = {}) => Object.assign(UsageError.said(what === 'handbook' ? handbook : file, { target, ...data }), { cause: error });
  const failed = () => said('write-failed', 'write-file-failed', { reason: e.message });
  switch (e.code) {
    case 'EEXIST':
    case 'ENOTDIR': {
      const file = fileInTheWay(e.path ?? target);
      if (file === undefined) return failed();
      return file === target ? said('write-out-is-file', 'write-file-not-directory', { file }) : said('write-not-directory', 'write-file-not-directory', { file });
    }
    case 'EISDIR':
      // The file given is a folder; or, in the handbook, a folder stands where a page goes.
      return what === 'file' ? said('write-file-is-directory', 'write-file-is-directory') : said('write-page-is-directory', 'write-file-is-directory', { file: e.dest ?? e.path ?? target });
    case 'EBUSY':
      return said('write-busy', 'write-file-busy', { file: e.dest ?? e.path ?? target });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return said('write-denied', 'write-file-denied');
    case 'ENOSPC':
    case 'EDQUOT':
      return said('write-full', 'write-file-full');
    default:
      return failed();
  }
}

/** The file that stands where a directory on the way to `target` (or `target` itself) should be; undefined if none does. */
function fileInTheWay(target: string): string | undefined {
  for (let p = target; ; p = path.dirname(p)) {
    let st;
    try {
      st = statSync(p, { throwIfNoEntry: false });
    } catch {}
    if (st && !st.isDirectory()) return p;
    if (path.dirname(p) === p) return undefined;
  }
}
