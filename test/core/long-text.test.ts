// Long strings a slice at a time (src/core/long-text.ts): the hashes and files they give are those
// of the whole string, whatever falls on a slice's edge.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTextSync } from '../../src/cli/write-text.js';
import { SLICE, slices } from '../../src/core/long-text.js';
import { sha256 } from '../../src/render/sha256.js';

const wholeHash = (text: string) => createHash('sha256').update(Buffer.from(text, 'utf8')).digest('base64url');

/** A text of `length` characters whose slices would fall inside surrogate pairs if cut blindly. */
function astral(length: number): string {
  // '𝄞' is two UTF-16 units: at every even offset a pair starts, so some cut lands mid-pair.
  return ('a' + '𝄞'.repeat(7) + '销售|').repeat(Math.ceil(length / 19)).slice(0, length);
}

describe('slices of long text', () => {
  it('put the text back together exactly and never split a surrogate pair', () => {
    for (const size of [1, 2, 3, 7, 64, 1000]) {
      const text = astral(5000);
      const parts = [...slices(text, size)];
      expect(parts.join('')).toBe(text);
      for (const part of parts) {
        expect(part.length).toBeGreaterThan(0);
        const last = part.charCodeAt(part.length - 1);
        expect(last >= 0xd800 && last <= 0xdbff, `slice ends inside a pair (size ${size})`).toBe(false);
      }
    }
  });

  it('hash a long string as the whole string, odd and even slice edges alike', () => {
    for (const length of [SLICE - 1, SLICE, SLICE + 1, 3 * SLICE + 5]) {
      for (const text of [astral(length), 'x'.repeat(length)]) expect(sha256(text)).toBe(wholeHash(text));
    }
  });

  it('write a long string as its UTF-8 bytes', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'orgc-long-text-'));
    try {
      for (const text of [astral(3 * SLICE + 1), 'short 销售']) {
        const file = path.join(dir, 'page.md');
        writeTextSync(file, text);
        expect(readFileSync(file).equals(Buffer.from(text, 'utf8'))).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
