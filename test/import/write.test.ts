// The draft of `orgc import` is written chunk by chunk to a temporary file renamed into place: a
// failure while it is made leaves the file that was there (or none) and no temporary file.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeChunksAtomic } from '../../src/cli/write-files.js';

function* failing(): Generator<string> {
  yield 'orgc: 1\n';
  yield 'roles:\n';
  throw new Error('the draft could not be made');
}

describe('the draft written as it is made', () => {
  it('writes every chunk, in order, UTF-8', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'orgc-write-'));
    const file = path.join(dir, 'org.yaml');
    await writeChunksAtomic(file, ['a: 1\n', 'name: Zoë · 王芳\n', '']);
    expect(readFileSync(file, 'utf8')).toBe('a: 1\nname: Zoë · 王芳\n');
    expect(readdirSync(dir)).toEqual(['org.yaml']);
  });

  it('leaves no partial file when making the draft fails', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'orgc-write-'));
    const file = path.join(dir, 'org.yaml');
    await expect(writeChunksAtomic(file, failing())).rejects.toThrow('the draft could not be made');
    expect(readdirSync(dir)).toEqual([]);
    writeFileSync(file, 'the previous draft\n');
    await expect(writeChunksAtomic(file, failing())).rejects.toThrow('the draft could not be made');
    expect(readdirSync(dir)).toEqual(['org.yaml']);
    expect(readFileSync(file, 'utf8')).toBe('the previous draft\n');
  });
});
