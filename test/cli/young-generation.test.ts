// The young generation kept from growing while a small org is validated, and set back after.
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SMALL_INPUT_BYTES, withSmallYoungGeneration } from '../../src/cli/young-generation.js';

const measured = /^1[123]\./.test(process.versions.v8);

describe('withSmallYoungGeneration', () => {
  afterEach(() => vi.restoreAllMocks());

  const dir = () => mkdtempSync(path.join(tmpdir(), 'orgc-young-'));

  it.runIf(measured)('stops the growth for the work on a small org and sets V8 back afterwards, also when the work fails', async () => {
    const cwd = dir();
    writeFileSync(path.join(cwd, 'org.yaml'), 'org: { id: a, name: A }\n');
    const flags = vi.spyOn(v8, 'setFlagsFromString');
    const seen: string[][] = [];
    expect(await withSmallYoungGeneration(['org.yaml'], cwd, async () => (seen.push(flags.mock.calls.flat()), 42))).toBe(42);
    expect(seen).toEqual([['--semi-space-growth-factor=1']]);
    expect(flags.mock.calls.flat()).toEqual(['--semi-space-growth-factor=1', '--semi-space-growth-factor=2']);

    flags.mockClear();
    await expect(withSmallYoungGeneration([], cwd, async () => Promise.reject(new Error('broken org')))).rejects.toThrow('broken org');
    expect(flags.mock.calls.flat()).toEqual(['--semi-space-growth-factor=1', '--semi-space-growth-factor=2']);
  });

  it('leaves V8 alone for a large org, standard input, and paths that cannot be read (the work still runs)', async () => {
    const cwd = dir();
    const large = path.join(cwd, 'large.yaml');
    writeFileSync(large, '');
    truncateSync(large, SMALL_INPUT_BYTES + 1);
    const flags = vi.spyOn(v8, 'setFlagsFromString');
    for (const paths of [['large.yaml'], ['-'], ['missing.yaml']]) {
      expect(await withSmallYoungGeneration(paths, cwd, async () => paths[0])).toBe(paths[0]);
    }
    expect(flags).not.toHaveBeenCalled();
  });
});
