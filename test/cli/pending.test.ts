// The journal of a render killed while renaming its pages into place (src/cli/output-dir.ts):
// completed by the next render, whether it names the new manifest's temporary file or (written by
// an orgc before that) holds the manifest itself; and completing it twice does no harm.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { finishPending, MANIFEST, StagedOutput } from '../../src/cli/output-dir.js';

const PENDING = '.orgc-pending.json';
const manifest = { version: 1, files: { md: ['index.md'] }, hashes: { md: { 'index.md': 'h' } } };

const root = mkdtempSync(path.join(tmpdir(), 'orgc-pending-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** An output directory a render was killed in: a page staged, the journal written. */
function killedIn(journal: (dir: string) => object): string {
  const dir = mkdtempSync(path.join(root, 'out-'));
  writeFileSync(path.join(dir, 'index.md'), 'old\n');
  writeFileSync(path.join(dir, '.index.md.orgc-0123456789ab.tmp'), 'new\n');
  writeFileSync(path.join(dir, PENDING), JSON.stringify({ version: 1, renames: [['.index.md.orgc-0123456789ab.tmp', 'index.md']], removals: [], ...journal(dir) }));
  return dir;
}

describe('finishPending', () => {
  it("renames the staged pages and then the manifest's temporary file into place", () => {
    const dir = killedIn((d) => {
      writeFileSync(path.join(d, `${MANIFEST}.orgc-0123456789ab.tmp`), JSON.stringify(manifest, null, 2) + '\n');
      return { manifestFile: `${MANIFEST}.orgc-0123456789ab.tmp` };
    });
    expect(finishPending(dir)).toBe(true);
    expect(readFileSync(path.join(dir, 'index.md'), 'utf8')).toBe('new\n');
    expect(JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8'))).toEqual(manifest);
    expect(existsSync(path.join(dir, PENDING))).toBe(false);
    expect(existsSync(path.join(dir, `${MANIFEST}.orgc-0123456789ab.tmp`))).toBe(false);
    // A second completion (killed again after the renames, before the journal went): nothing to redo.
    writeFileSync(path.join(dir, PENDING), JSON.stringify({ version: 1, renames: [['.index.md.orgc-0123456789ab.tmp', 'index.md']], removals: [], manifestFile: `${MANIFEST}.orgc-0123456789ab.tmp` }));
    expect(finishPending(dir)).toBe(true);
    expect(readFileSync(path.join(dir, 'index.md'), 'utf8')).toBe('new\n');
    expect(JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8'))).toEqual(manifest);
  });

  it('completes a journal that holds the manifest itself (an earlier orgc wrote it)', () => {
    const dir = killedIn(() => ({ manifest }));
    expect(finishPending(dir)).toBe(true);
    expect(readFileSync(path.join(dir, 'index.md'), 'utf8')).toBe('new\n');
    expect(JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8'))).toEqual(manifest);
    expect(existsSync(path.join(dir, PENDING))).toBe(false);
  });

  it('drops a journal without a manifest of either kind, or naming a file that is not a manifest of its own', () => {
    const dir = killedIn(() => ({}));
    expect(finishPending(dir)).toBe(false);
    expect(existsSync(path.join(dir, PENDING))).toBe(false);
    expect(readFileSync(path.join(dir, 'index.md'), 'utf8')).toBe('old\n');
    for (const manifestFile of ['../elsewhere.json', 'index.md', `sub/${MANIFEST}.orgc-0123456789ab.tmp`, 7]) {
      const odd = killedIn(() => ({ manifestFile }));
      expect(finishPending(odd)).toBe(false);
      expect(readFileSync(path.join(odd, 'index.md'), 'utf8')).toBe('old\n');
    }
  });

  it('is followed by the removal of manifests and journals left by renders killed before their journal appeared, in any format', () => {
    const dir = mkdtempSync(path.join(root, 'out-'));
    mkdirSync(path.join(dir, 'charts'));
    writeFileSync(path.join(dir, `${MANIFEST}.orgc-0123456789ab.tmp`), '{');
    writeFileSync(path.join(dir, '.orgc-pending.json.orgc-0123456789ab.tmp'), '{');
    writeFileSync(path.join(dir, 'notes.txt'), 'not orgc\'s');
    // A chart render writes nothing at the top of the directory; the leftovers go all the same.
    const render = new StagedOutput(dir, 'mermaid');
    expect(readdirSync(dir).sort()).toEqual(['.orgc-lock', 'charts', 'notes.txt']);
    render.abort();
    expect(readdirSync(dir).sort()).toEqual(['charts', 'notes.txt']);
  });
});
