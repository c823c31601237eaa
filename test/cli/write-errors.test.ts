// Output that cannot be written — the handbook, a report file — says why in words a user can act on
// (src/cli/write-errors.ts): a file where a folder should be, a folder where the file should be, no
// permission, a full disk; not an "internal error" with the system's code.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/errors.js';
import { cannotWrite } from '../../src/cli/write-errors.js';
import { orgc, ROOT } from '../helpers/cli.js';

const ORG = `${ROOT}examples/quickstart/org.yaml`;
const root = mkdtempSync(path.join(tmpdir(), 'orgc-write-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a handbook that cannot be written', () => {
  it('names the file that stands where a folder should be, and leaves it as it was', () => {
    const file = path.join(root, 'notes.txt');
    writeFileSync(file, 'mine\n');
    const r = orgc(['render', ORG, '--out', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`orgc: cannot write the handbook to ${file}: it is a file, not a folder. Choose another --out, or move the file away\n`);
    const below = path.join(file, 'handbook');
    expect(orgc(['render', ORG, '--out', below]).stderr).toBe(`orgc: cannot write the handbook to ${below}: ${file} is a file, not a folder. Choose another --out, or move the file away\n`);
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
    // In Chinese for a Chinese reader.
    expect(orgc(['render', ORG, '--out', below], { env: { LANG: 'zh_CN.UTF-8' } }).stderr).toBe(`orgc: 无法将手册写入 ${below}：${file} 是一个文件，而不是文件夹。请换一个 --out 目录，或将该文件移走\n`);
  });

  it('inside the handbook too, and takes away what it staged and its lock', () => {
    const out = path.join(root, 'handbook');
    mkdirSync(out);
    writeFileSync(path.join(out, 'roles'), 'in the way\n');
    const r = orgc(['render', ORG, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path.join(out, 'roles')} is a file, not a folder`);
    expect(readdirSync(out)).toEqual(['roles']);
    // A folder where a page goes.
    rmSync(path.join(out, 'roles'));
    mkdirSync(path.join(out, 'index.md'));
    const d = orgc(['render', ORG, '--out', out]);
    expect(d.code).toBe(2);
    expect(d.stderr).toBe(`orgc: cannot write the handbook to ${out}: ${path.join(out, 'index.md')} is a folder where a page goes. Move the folder away\n`);
    expect(readdirSync(out)).toEqual(['index.md']);
  });

  it('is not said of a cache that cannot be kept: the render, in place, succeeds', () => {
    const out = path.join(root, 'cached');
    const cache = path.join(root, 'cache-is-a-file');
    writeFileSync(cache, 'in the way\n');
    const r = orgc(['render', ORG, '--out', out], { env: { XDG_CACHE_HOME: cache, ORGC_TEST_STAT_CACHE: '1' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(orgc(['render', ORG, '--out', out, '--check']).code).toBe(0);
  });

  it('says what the system said in words: no permission, a full disk; other errors as they are', () => {
    const errno = (code: string) => Object.assign(new Error(`${code}: it failed, open '/x'`), { code, syscall: 'open', path: '/x' });
    const said = (error: unknown, what: 'handbook' | 'file' = 'handbook') => (cannotWrite('/out', error, what) as UsageError).message;
    expect(said(errno('EACCES'))).toBe('cannot write the handbook to /out: no permission to write there, or the disk is read-only. Choose another --out');
    expect(said(errno('EROFS'))).toBe(said(errno('EACCES')));
    expect(said(errno('ENOSPC'))).toBe('cannot write the handbook to /out: the disk is full, or your share of it is used up. Free some space and render again');
    expect(said(Object.assign(errno('EBUSY'), { dest: '/out/org.xlsx' }))).toBe('cannot write the handbook to /out: /out/org.xlsx is in use, perhaps open in another program. Close it and render again');
    expect(said(errno('EDQUOT'))).toBe(said(errno('ENOSPC')));
    expect(said(errno('EIO'))).toBe("cannot write the handbook to /out: EIO: it failed, open '/x'");
    const bug = new TypeError('not a file system error');
    expect(cannotWrite('/out', bug, 'handbook')).toBe(bug);
    const refused = UsageError.said('outside-output', { file: '../x', dir: '/out' });
    expect(cannotWrite('/out', refused, 'file')).toBe(refused);
    expect(said(errno('ENOSPC'), 'file')).toBe('cannot write /out: the disk is full, or your share of it is used up. Free some space and run again');
    expect((cannotWrite('/out', errno('EACCES'), 'file') as Error).cause).toMatchObject({ code: 'EACCES' });
    expect(said(errno('EACCES'), 'file')).toBe('cannot write /out: no permission to write there, or the disk is read-only');
  });

  it('of a report file (--output) names the file in the way, or the folder given for a file', () => {
    const file = path.join(root, 'in-the-way.txt');
    writeFileSync(file, 'mine\n');
    const below = path.join(file, 'report.sarif');
    const r = orgc(['validate', ORG, '--format', 'sarif', '--output', below]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`orgc: cannot write ${below}: ${file} is a file, not a folder. Choose another path, or move the file away\n`);
    const folder = path.join(root, 'reports');
    mkdirSync(folder);
    const d = orgc(['validate', ORG, '--format', 'sarif', '--output', folder]);
    expect(d.code).toBe(2);
    expect(d.stderr).toBe(`orgc: cannot write ${folder}: it is a folder. Give a file name\n`);
    expect(readdirSync(folder)).toEqual([]);
  });
});
