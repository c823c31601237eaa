// Re-rendering after a small change makes only the pages whose template data changed (their keys,
// src/render/page-key.ts, kept in the manifest) and the pages of the whole org (which have none),
// and leaves the rest as they are — and the handbook is byte for byte what a full render into an
// empty directory gives. A render of unchanged inputs makes nothing. ORGC_TIMING says how many
// pages were made and how many kept. (The example is in Chinese: so are the messages.)
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { orgc, ROOT } from '../helpers/cli.js';
import { tree } from '../helpers/files.js';

const timed = { env: { ORGC_TIMING: '1' } };
/** Three or four renders of the example a test: more than the default 30 s on a busy machine. */
const SLOW = 120_000;
const counts = (stderr: string) => {
  const m = /pages made (\d+), kept (\d+)/.exec(stderr);
  return m ? { made: Number(m[1]), kept: Number(m[2]) } : undefined;
};

function setup(format: string): { dir: string; org: string; out: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'orgc-incremental-'));
  // The full example: large enough that one role's change leaves most pages as they were.
  const org = path.join(dir, 'org');
  cpSync(`${ROOT}examples/sales-org`, org, { recursive: true });
  const out = path.join(dir, 'out');
  const r = orgc(['render', org, '--format', format, '--out', out], timed);
  expect(r.code).toBe(0);
  expect(counts(r.stderr)).toMatchObject({ kept: 0 });
  return { dir, org, out };
}

/** One role's title changed (in the handbook's language, Chinese): its own page, its manager's and the pages that list it change. */
const retitle = (org: string) => {
  const file = path.join(org, 'roles', 'sales.yaml');
  const text = readFileSync(file, 'utf8');
  expect(text).toContain('zh-CN: 零售销售 }');
  writeFileSync(file, text.replace('zh-CN: 零售销售 }', 'zh-CN: 零售销售主管 }'));
};

describe.each(['md', 'html'])('render --format %s, again after a change', (format) => {
  it('makes only the pages that changed, and gives what a full render gives', () => {
    const { dir, org, out } = setup(format);
    const before = tree(out);
    retitle(org);
    const again = orgc(['render', org, '--format', format, '--out', out], timed);
    expect(again.code).toBe(0);
    const { made, kept } = counts(again.stderr)!;
    expect(kept).toBeGreaterThan(0);
    expect(made).toBeGreaterThan(0);
    const fresh = path.join(dir, 'fresh');
    expect(orgc(['render', org, '--format', format, '--out', fresh]).code).toBe(0);
    const now = tree(out);
    expect(now).toEqual(tree(fresh));
    // What was kept is what did not change; what changed was made.
    const changed = Object.keys(now).filter((f) => now[f] !== before[f] && f !== '.orgc-manifest.json');
    expect(changed).toContain(`roles/retail-sales.${format}`);
    expect(changed.length).toBeLessThanOrEqual(made);
    // Up to date now, by the manifest's hashes.
    expect(orgc(['render', org, '--format', format, '--out', out, '--check']).code).toBe(0);
  }, SLOW);

  it('writes a page edited or removed by hand again, even when its data did not change', () => {
    const { dir, org, out } = setup(format);
    writeFileSync(path.join(out, `roles/ka-account-manager.${format}`), 'edited by hand\n');
    rmSync(path.join(out, `index.${format}`));
    retitle(org);
    const again = orgc(['render', org, '--format', format, '--out', out], timed);
    expect(again.code).toBe(0);
    const fresh = path.join(dir, 'fresh');
    expect(orgc(['render', org, '--format', format, '--out', fresh]).code).toBe(0);
    expect(tree(out)).toEqual(tree(fresh));
  }, SLOW);

  it('writes nothing when the inputs did not change, and a page edited or removed by hand since again', () => {
    const { dir, org, out } = setup(format);
    const manifest = JSON.parse(readFileSync(path.join(out, '.orgc-manifest.json'), 'utf8'));
    const files: string[] = manifest.files[format];
    // Every file dated a minute back, to a whole second (which utimes sets exactly): a file written again shows.
    const then = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    for (const f of [...files, '.orgc-manifest.json']) utimesSync(path.join(out, f), then, then);
    const same = orgc(['render', org, '--format', format, '--out', out], timed);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain(`${files.length} 个文件，其中 0 个有变化`);
    expect(counts(same.stderr)).toEqual({ made: 0, kept: files.length });
    for (const f of [...files, '.orgc-manifest.json']) expect(statSync(path.join(out, f)).mtimeMs, f).toBe(then.getTime());
    // Inputs unchanged, pages not as written: the render makes them again.
    writeFileSync(path.join(out, `roles/ka-account-manager.${format}`), 'edited by hand\n');
    rmSync(path.join(out, `index.${format}`));
    const again = orgc(['render', org, '--format', format, '--out', out], timed);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/其中 [1-9]\d* 个有变化/);
    const fresh = path.join(dir, 'fresh');
    expect(orgc(['render', org, '--format', format, '--out', fresh]).code).toBe(0);
    expect(tree(out)).toEqual(tree(fresh));
  }, SLOW);

  it('--check after a change finds the changed, missing and extra pages', () => {
    const { org, out } = setup(format);
    rmSync(path.join(out, `roles/ka-account-manager.${format}`));
    retitle(org);
    const r = orgc(['render', org, '--format', format, '--out', out, '--check'], timed);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`(differs|不同) +.*roles/retail-sales\\.${format}`));
    expect(r.stdout).toMatch(new RegExp(`(missing|缺少) +.*roles/ka-account-manager\\.${format}`));
    expect(counts(r.stderr)!.kept).toBeGreaterThan(0);
    // An extra page: one the manifest lists that this render does not make.
    const manifest = JSON.parse(readFileSync(path.join(out, '.orgc-manifest.json'), 'utf8'));
    manifest.files[format].push(`roles/gone.${format}`);
    manifest.files[format].sort();
    writeFileSync(path.join(out, '.orgc-manifest.json'), JSON.stringify(manifest));
    writeFileSync(path.join(out, `roles/gone.${format}`), 'a role removed since\n');
    const s = orgc(['render', org, '--format', format, '--out', out, '--check']);
    expect(s.code).toBe(1);
    expect(s.stdout).toMatch(new RegExp(`(stale|过期) +.*roles/gone\\.${format}`));
  }, SLOW);
});

/**
 * With the stat cache (src/cli/stat-cache.ts; kept here whatever the org's size, in a cache
 * directory of the test's own): a page is taken as written by its stat, and any change to its file
 * shows in it — even an edit by hand that keeps the size and sets the old modification time back.
 */
describe('render again, pages told by the stat cache', () => {
  const cached = (dir: string) => ({ env: { ORGC_TIMING: '1', ORGC_TEST_STAT_CACHE: '1', XDG_CACHE_HOME: path.join(dir, 'cache') } });

  it('keeps the untouched pages, and writes again a page edited by hand to the same size and the same modification time', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'orgc-incremental-'));
    const org = path.join(dir, 'org');
    cpSync(`${ROOT}examples/sales-org`, org, { recursive: true });
    const out = path.join(dir, 'out');
    expect(orgc(['render', org, '--format', 'md', '--out', out], cached(dir)).code).toBe(0);
    const caches = readdirSync(path.join(dir, 'cache', 'orgc')).filter((name) => name.startsWith('render-stats-'));
    expect(caches).toEqual([expect.stringMatching(/^render-stats-[0-9a-f]{8}\.json$/)]);
    // The page given a modification time of a whole second, which utimes can set back exactly; the
    // render after that finds the page unchanged (by its hash: its change time is new) and caches
    // its stat. Then an edit of the same size, and the old modification time set back.
    // A comment added to the org: the inputs changed, none of the pages did, and the render
    // goes through them all (unchanged inputs would be settled by the manifest alone). It makes
    // only the pages of the whole org, which have no key (src/render/documents.ts).
    const edited = path.join(out, 'roles/ka-account-manager.md');
    const then = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    utimesSync(edited, then, then);
    writeFileSync(path.join(org, 'org.yaml'), `${readFileSync(path.join(org, 'org.yaml'), 'utf8')}# a comment\n`);
    const wholeOrg = readdirSync(out).filter((name) => name.endsWith('.md')).length;
    expect(counts(orgc(['render', org, '--format', 'md', '--out', out], cached(dir)).stderr)).toEqual({ made: wholeOrg, kept: expect.any(Number) });
    const page = readFileSync(edited, 'utf8');
    expect(page).toContain('#');
    writeFileSync(edited, page.replace('#', '%'));
    utimesSync(edited, then, then);
    expect(statSync(edited)).toMatchObject({ size: Buffer.byteLength(page), mtimeMs: then.getTime() });
    // A second page: content and size as they were, but written again (a new modification time).
    const touched = path.join(out, 'index.md');
    writeFileSync(touched, readFileSync(touched));
    // A third removed, a fourth replaced by a file of another inode with the same bytes.
    rmSync(path.join(out, 'summary.md'));
    const moved = path.join(out, 'raci.md');
    writeFileSync(`${moved}.copy`, readFileSync(moved));
    rmSync(moved);
    writeFileSync(moved, readFileSync(`${moved}.copy`));
    rmSync(`${moved}.copy`);
    retitle(org);
    const again = orgc(['render', org, '--format', 'md', '--out', out], cached(dir));
    expect(again.code).toBe(0);
    expect(counts(again.stderr)!.kept).toBeGreaterThan(0);
    const fresh = path.join(dir, 'fresh');
    expect(orgc(['render', org, '--format', 'md', '--out', fresh]).code).toBe(0);
    expect(tree(out)).toEqual(tree(fresh));
    // And once more, the inputs changed again but none of the pages: every keyed page kept, by the
    // cache or (pages seen within its clock tick) by its hash.
    writeFileSync(path.join(org, 'org.yaml'), `${readFileSync(path.join(org, 'org.yaml'), 'utf8')}# another comment\n`);
    const third = orgc(['render', org, '--format', 'md', '--out', out], cached(dir));
    expect(counts(third.stderr)).toEqual({ made: wholeOrg, kept: expect.any(Number) });
    rmSync(fresh, { recursive: true });
    expect(orgc(['render', org, '--format', 'md', '--out', fresh]).code).toBe(0);
    expect(tree(out)).toEqual(tree(fresh));
    // Unchanged: nothing made at all, even with the cache gone.
    rmSync(path.join(dir, 'cache'), { recursive: true, force: true });
    expect(counts(orgc(['render', org, '--format', 'md', '--out', out], cached(dir)).stderr)).toMatchObject({ made: 0 });
    // --force renders them all the same.
    expect(counts(orgc(['render', org, '--format', 'md', '--out', out, '--force'], cached(dir)).stderr)).toEqual({ made: wholeOrg, kept: expect.any(Number) });
  }, SLOW);
});
