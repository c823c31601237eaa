// A file's new version read into its earlier data (load/text-patch.ts) must be what a full load of
// the new text gives, or nothing (then the full load speaks): held to it over random edits of every
// file of the example org — values changed, lines removed, repeated, added, indented otherwise,
// entries renamed, text cut across entries. (TEXT_PATCH_SEED=N runs another series.)
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBytes } from '../../src/load/index.js';
import { patchData } from '../../src/load/text-patch.js';
import { ROOT } from '../helpers/cli.js';

const DIR = `${ROOT}examples/sales-org`;
const FILES = readdirSync(DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml'));

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EDITS: Array<(lines: string[], i: number, r: () => number) => void> = [
  // A value changed: a digit or a letter somewhere after the key.
  (lines, i, r) => {
    const line = lines[i];
    const at = line.indexOf(': ');
    if (at < 0) return;
    const j = at + 2 + Math.floor(r() * Math.max(1, line.length - at - 2));
    const c = line[j] ?? '';
    lines[i] = line.slice(0, j) + (/\d/.test(c) ? String((Number(c) + 1) % 10) : /[a-z]/.test(c) ? 'q' : 'x') + line.slice(j + 1);
  },
  (lines, i) => void lines.splice(i, 1),
  (lines, i) => void lines.splice(i, 0, lines[i]),
  (lines, i) => void lines.splice(i + 1, 0, `${lines[i].match(/^ */)![0]}notes: added`),
  (lines, i) => void (lines[i] = ` ${lines[i]}`),
  (lines, i) => void (lines[i] = lines[i].replace(/^( {2})([a-z-]+):/, '$1$2-renamed:')),
  (lines, i, r) => void lines.splice(i, 1 + Math.floor(r() * 30)),
  // A title in another language.
  (lines, i) => void (lines[i] = lines[i].replace(/zh-CN: ([^,}]+)/, 'zh-CN: $1（新）')),
];

describe('patchData', () => {
  it('gives a full load’s data, or nothing, over random edits of every example file', async () => {
    const r = random(Number(process.env.TEXT_PATCH_SEED ?? 19));
    let patched = 0;
    let total = 0;
    for (const file of FILES) {
      const text = readFileSync(path.join(DIR, file), 'utf8');
      const before = await loadBytes(file, new TextEncoder().encode(text));
      expect(before.findings, file).toEqual([]);
      const version = { text, data: before.file.data as Record<string, unknown> };
      for (let n = 0; n < 150; n++) {
        const lines = text.split('\n');
        const i = Math.floor(r() * (lines.length - 1));
        EDITS[Math.floor(r() * EDITS.length)](lines, i, r);
        const edited = lines.join('\n');
        const full = await loadBytes(file, new TextEncoder().encode(edited));
        const data = patchData(file, version, edited);
        total++;
        if (data === undefined) continue;
        patched++;
        const where = `${file}, edit ${n} at line ${i + 1}`;
        expect(full.findings, where).toEqual([]);
        // The same data, keys in the same order (declaration order is the handbook's order).
        expect(data, where).toStrictEqual(full.file.data);
        expect(JSON.stringify(data), where).toBe(JSON.stringify(full.file.data));
      }
    }
    // Most edits land inside an entry: the patch must take them, not leave every one to a full load.
    expect(patched).toBeGreaterThan(total / 3);
  });

  it('shares every entry the edit did not reach with the earlier data', async () => {
    const file = 'roles/sales.yaml';
    const text = readFileSync(path.join(DIR, file), 'utf8');
    const data = (await loadBytes(file, new TextEncoder().encode(text))).file.data as { roles: Record<string, unknown> };
    const edited = text.replace('zh-CN: 零售销售 }', 'zh-CN: 零售销售主管 }');
    const patched = patchData(file, { text, data }, edited) as { roles: Record<string, unknown> };
    const changed = Object.keys(data.roles).filter((id) => patched.roles[id] !== data.roles[id]);
    expect(changed).toEqual(['retail-sales']);
    expect(Object.keys(patched.roles)).toEqual(Object.keys(data.roles));
    expect(patchData(file, { text, data }, text)).toBe(data);
  });
});
