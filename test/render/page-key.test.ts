// Long strings a slice at a time (src/core/long-text.ts): the keys, hashes and files they give are
// those of the whole string, whatever falls on a slice's edge.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticOrg } from '../../scripts/bench/synthetic-org.js';
import { writeTextSync } from '../../src/cli/write-text.js';
import { SLICE, slices } from '../../src/core/long-text.js';
import { loadFiles } from '../../src/load/index.js';
import { sourceFromBytes } from '../../src/load/sources.js';
import { buildModel } from '../../src/model/build.js';
import { markdownText } from '../../src/render/escape.js';
import { largePageKey, pageKey } from '../../src/render/page-key.js';
import { sha256 } from '../../src/render/sha256.js';
import { buildViews } from '../../src/render/view/build.js';

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

describe('largePageKey', () => {
  // What views hold: objects, arrays, strings (Chinese, astral), numbers, booleans, null and undefined.
  const view = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.string({ unit: 'grapheme' }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.array(tie('value'), { maxLength: 6 }),
      fc.dictionary(fc.string({ unit: 'grapheme', maxLength: 5 }), tie('value'), { maxKeys: 6 }),
    ),
  })).value;

  it('is pageKey, the JSON taken apart or not', () => {
    fc.assert(
      fc.property(fc.array(view, { maxLength: 3 }), (parts) => {
        expect(largePageKey('raci', 'shared', ...parts)).toBe(pageKey('raci', 'shared', ...parts));
      }),
      { numRuns: 2000, seed: 19 },
    );
  });

  it('is pageKey for the views of a generated org, in Markdown and as plain text', async () => {
    const org = syntheticOrg(600);
    const loaded = await loadFiles([...org.files].map(([p, text]) => sourceFromBytes(p, Buffer.from(text))));
    const model = buildModel(loaded.files).model!;
    for (const escape of [markdownText, undefined]) {
      const v = buildViews(model, 'zh-CN', [], escape);
      for (const [page, data] of Object.entries({ index: { index: v.index }, summary: { summary: v.summary }, raci: { raci: v.raci }, kpis: { kpis: v.pages.kpis } })) {
        // Long enough that the pieces are hashed in several slices.
        expect(JSON.stringify(data).length, page).toBeGreaterThan(page === 'raci' ? SLICE : 0);
        expect(largePageKey(page, 'k', data), page).toBe(pageKey(page, 'k', data));
      }
    }
  });
});
