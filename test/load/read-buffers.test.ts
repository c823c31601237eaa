import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReadBuffers } from '../../src/load/read-buffers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'orgc-read-buffers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ReadBuffers', () => {
  it('reads a file again into the buffer of its last read, and into a larger one when it grew', () => {
    const file = path.join(dir, 'org.yaml');
    const buffers = new ReadBuffers();
    writeFileSync(file, 'orgc: 1\nroles: {}\n');
    const first = buffers.read(file);
    expect(Buffer.from(first).toString()).toBe('orgc: 1\nroles: {}\n');
    writeFileSync(file, 'orgc: 1\n');
    const second = buffers.read(file);
    expect(Buffer.from(second).toString()).toBe('orgc: 1\n');
    // The same memory: the first read's bytes are gone with it.
    expect(second.buffer).toBe(first.buffer);
    const long = `orgc: 1\n# ${'销售'.repeat(5000)}\n`;
    writeFileSync(file, long);
    const third = buffers.read(file);
    expect(Buffer.from(third).toString()).toBe(long);
    expect(third.buffer).not.toBe(first.buffer);
    writeFileSync(file, '');
    expect(buffers.read(file).length).toBe(0);
  });

  it('keeps a buffer per file', () => {
    const a = path.join(dir, 'a.yaml');
    const b = path.join(dir, 'b.yaml');
    writeFileSync(a, 'a: 1\n');
    writeFileSync(b, 'b: 2\n');
    const buffers = new ReadBuffers();
    const bytesA = buffers.read(a);
    buffers.read(b);
    expect(Buffer.from(bytesA).toString()).toBe('a: 1\n');
  });
});
