// The young generation kept from growing while a small org is read and checked, and V8 left as it was.
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { MEASURED_V8, SMALL_INPUT_BYTES, withSmallYoungGeneration, youngGenerationTunable } from '../../src/cli/young-generation.js';
import { resolveSources } from '../../src/load/sources.js';

const cwd = mkdtempSync(path.join(tmpdir(), 'orgc-young-'));
writeFileSync(path.join(cwd, 'org.yaml'), 'org: { id: a, name: A }\n');
const large = path.join(cwd, 'large.yaml');
writeFileSync(large, '');
truncateSync(large, SMALL_INPUT_BYTES + 1);

/** What the validate command's work does first: find the files and read them. */
const readAll = async (paths: string[]) => {
  for (const source of await resolveSources(paths, { cwd })) await source.read();
};

describe('withSmallYoungGeneration', () => {
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it.runIf(MEASURED_V8.test(process.versions.v8))('changes V8 for the work only: its code cache tag is back as it was after', async () => {
    const before = v8.cachedDataVersionTag();
    let during = before;
    await withSmallYoungGeneration(async () => {
      await readAll(['org.yaml']);
      during = v8.cachedDataVersionTag();
    }, true);
    expect(during).not.toBe(before);
    expect(v8.cachedDataVersionTag()).toBe(before);
  });

  it('stops the growth for a small org and sets V8 back afterwards, also when the work fails', async () => {
    const flags = vi.spyOn(v8, 'setFlagsFromString');
    const during: string[][] = [];
    expect(await withSmallYoungGeneration(async () => (await readAll(['org.yaml']), during.push(flags.mock.calls.flat()), 42), true)).toBe(42);
    expect(during).toEqual([['--semi-space-growth-factor=1']]);
    expect(flags.mock.calls.flat()).toEqual(['--semi-space-growth-factor=1', '--semi-space-growth-factor=2']);

    // It stops listening: a large file read afterwards changes nothing.
    await readAll(['large.yaml']);
    expect(flags.mock.calls.flat()).toEqual(['--semi-space-growth-factor=1', '--semi-space-growth-factor=2']);

    flags.mockClear();
    await expect(withSmallYoungGeneration(async () => Promise.reject(new Error('broken org')), true)).rejects.toThrow('broken org');
    expect(flags.mock.calls.flat()).toEqual(['--semi-space-growth-factor=1', '--semi-space-growth-factor=2']);
  });

  it('lets the young generation grow again as soon as more than SMALL_INPUT_BYTES has been read', async () => {
    const flags = vi.spyOn(v8, 'setFlagsFromString');
    const during: string[][] = [];
    await withSmallYoungGeneration(async () => {
      await readAll(['org.yaml', 'large.yaml']);
      during.push(flags.mock.calls.flat());
    }, true);
    expect(during).toEqual([['--semi-space-growth-factor=1', '--semi-space-growth-factor=2']]);
    expect(flags.mock.calls.flat()).toEqual(['--semi-space-growth-factor=1', '--semi-space-growth-factor=2']);
  });

  it('leaves V8 alone where it was not measured, or where the user tunes the young generation', async () => {
    expect(youngGenerationTunable('11.3.244.8-node.38', [], '')).toBe(true);
    expect(youngGenerationTunable('13.6.233.17-node.63', ['--max-old-space-size=4096'], '--max-old-space-size=4096')).toBe(true);
    expect(youngGenerationTunable('14.1.1', [], '')).toBe(false);
    expect(youngGenerationTunable('10.2.154.26', [], '')).toBe(false);
    expect(youngGenerationTunable('12.4.254.21', ['--max-semi-space-size=64'], '')).toBe(false);
    expect(youngGenerationTunable('12.4.254.21', [], '--semi_space_growth_factor=4')).toBe(false);
    const flags = vi.spyOn(v8, 'setFlagsFromString');
    expect(await withSmallYoungGeneration(async () => (await readAll(['org.yaml']), 'done'), false)).toBe('done');
    expect(flags).not.toHaveBeenCalled();
  });
});
