// The stat cache of re-renders (src/cli/stat-cache.ts): it vouches for a page only as it saw it,
// with the hash it saw, and never for a file whose times are not older than the moment its stat was
// recorded (git's "racy" rule).
import { mkdirSync, mkdtempSync, readdirSync, statSync, utimesSync, writeFileSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seenOf, StatCache } from '../../src/cli/stat-cache.js';

describe('StatCache', () => {
  const saved = { ...process.env };
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'orgc-stat-cache-'));
    process.env.XDG_CACHE_HOME = path.join(dir, 'cache');
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  /** A page written, and its stat cached as taken after `written` (the racy rule's moment). */
  const cachePage = (written: (pageMtimeMs: number) => number) => {
    const out = path.join(dir, 'out');
    const page = path.join(out, 'page.md');
    mkdirSync(out, { recursive: true });
    writeFileSync(page, 'a page\n');
    const st = statSync(page);
    const seen = new Map([['page.md', seenOf('HASH', st)]]);
    for (let i = 1; i < 1000; i++) seen.set(`other-${i}.md`, seenOf('X', st));
    StatCache.save(out, 'md', seen, written(Math.max(st.mtimeMs, st.ctimeMs)));
    expect(readdirSync(path.join(dir, 'cache', 'orgc'))).toHaveLength(1);
    return { out, page };
  };

  it('vouches for a page seen before the cache was written, with the hash it was seen with', () => {
    const { out, page } = cachePage((t) => t + 10_000);
    const cache = StatCache.load(out, 'md')!;
    expect(cache.vouches('page.md', 'HASH', statSync(page))).toBe(true);
    expect(cache.vouches('page.md', 'OTHER', statSync(page))).toBe(false);
    expect(cache.vouches('other.md', 'HASH', statSync(page))).toBe(false);
    // Anything of the file's stat changed: its size, either time, another file in its place.
    const st = statSync(page);
    for (const change of [{ size: st.size + 1 }, { mtimeMs: st.mtimeMs - 1 }, { ctimeMs: st.ctimeMs + 1 }, { ino: st.ino + 1 }, { dev: st.dev + 1 }]) {
      expect(cache.vouches('page.md', 'HASH', { ...st, ...change } as Stats), JSON.stringify(change)).toBe(false);
    }
  });

  it('does not vouch for a page whose times are not older than the cache (the racy rule)', () => {
    const { out, page } = cachePage((t) => t);
    expect(StatCache.load(out, 'md')!.vouches('page.md', 'HASH', statSync(page))).toBe(false);
  });

  it('keeps no cache for a small handbook, unless the tests ask', () => {
    delete process.env.ORGC_TEST_STAT_CACHE;
    const out = path.join(dir, 'small');
    StatCache.save(out, 'md', new Map([['page.md', ['H', 1, 1, 1, 1, 1]]]), 2);
    expect(StatCache.load(out, 'md')).toBeUndefined();
  });

  it('keeps the caches of the eight handbooks written last, and removes older ones', () => {
    process.env.ORGC_TEST_STAT_CACHE = '1';
    const caches = path.join(dir, 'cache', 'orgc');
    for (let i = 0; i < 10; i++) {
      StatCache.save(path.join(dir, `out-${i}`), 'md', new Map([['page.md', ['H', 1, 1, 1, 1, 1]]]), 2);
      // The first two written long ago.
      if (i < 2) for (const name of readdirSync(caches)) if (statSync(path.join(caches, name)).mtimeMs > Date.now() - 60_000) utimesSync(path.join(caches, name), new Date(2020, 0, i + 1), new Date(2020, 0, i + 1));
    }
    expect(readdirSync(caches).filter((name) => name.startsWith('render-stats-'))).toHaveLength(8);
    expect(StatCache.load(path.join(dir, 'out-0'), 'md')).toBeUndefined();
    expect(StatCache.load(path.join(dir, 'out-1'), 'md')).toBeUndefined();
    expect(StatCache.load(path.join(dir, 'out-9'), 'md')).toBeDefined();
  });

  it('is of one output directory and format', () => {
    const { out } = cachePage((t) => t + 10_000);
    expect(StatCache.load(out, 'html')).toBeUndefined();
    expect(StatCache.load(path.join(dir, 'elsewhere'), 'md')).toBeUndefined();
  });
});
