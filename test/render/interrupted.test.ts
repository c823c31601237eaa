// A render killed part-way (SIGKILL, as a power cut or a CI timeout would) never leaves a broken
// handbook: killed while writing, the previous output stands untouched; killed while renaming
// into place, the next render completes the job before anything else. Kill points come from the
// ORGC_TEST_KILL fault-injection hook in src/cli/output-dir.ts.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { orgc, ROOT } from '../helpers/cli.js';

/** Every file below a directory, with its content. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
      .sort()
      .map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]),
  );
}

/** An org, and the same org with every role retitled: every page differs between the two. */
function orgs(dir: string): { before: string; after: string } {
  const text = readFileSync(`${ROOT}examples/quickstart/org.yaml`, 'utf8');
  const before = path.join(dir, 'before.yaml');
  const after = path.join(dir, 'after.yaml');
  writeFileSync(before, text);
  writeFileSync(after, text.replace(/Sales/g, 'Revenue').replace(/销售/g, '营收'));
  return { before, after };
}

describe('a render killed part-way', () => {
  it('while writing: the previous output is untouched, and the next render cleans up', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'orgc-killed-'));
    const { before, after } = orgs(dir);
    const out = path.join(dir, 'out');
    expect(orgc(['render', before, '--out', out]).code).toBe(0);
    const previous = snapshot(out);
    const killed = orgc(['render', after, '--out', out], { env: { ORGC_TEST_KILL: 'staged:3' } });
    expect(killed.code).not.toBe(0);
    // Only temporary files were added, and the directory's lock (src/cli/dir-lock.ts); every page is as it was.
    const now = snapshot(out);
    const added = Object.keys(now).filter((f) => !(f in previous));
    expect(added.length).toBe(4);
    expect(added).toContain('.orgc-lock');
    for (const f of added.filter((f) => f !== '.orgc-lock')) expect(path.basename(f)).toMatch(/^\..+\.orgc-[0-9a-f]{12}\.tmp$/);
    for (const [f, content] of Object.entries(previous)) expect(now[f], f).toBe(content);
    // The next render takes the killed one's lock over, succeeds, and leaves no temporary file or lock behind.
    const next = orgc(['render', after, '--out', out]);
    expect(next.code).toBe(0);
    expect(next.stderr).not.toContain('waiting');
    expect(Object.keys(snapshot(out)).filter((f) => f.endsWith('.tmp') || f === '.orgc-lock')).toEqual([]);
    expect(orgc(['render', after, '--out', out, '--check']).code).toBe(0);
  });

  it('while renaming into place: the next command completes the render first', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'orgc-killed-'));
    const { before, after } = orgs(dir);
    const out = path.join(dir, 'out');
    const fresh = path.join(dir, 'fresh');
    expect(orgc(['render', before, '--out', out]).code).toBe(0);
    expect(orgc(['render', after, '--out', fresh]).code).toBe(0);
    const killed = orgc(['render', after, '--out', out], { env: { ORGC_TEST_KILL: 'renamed:2' } });
    expect(killed.code).not.toBe(0);
    expect(readdirSync(out)).toContain('.orgc-pending.json');
    // The next render in the directory first finishes the interrupted one, after which it finds
    // nothing left to change.
    expect(orgc(['render', after, '--out', out]).stdout).toMatch(/0 changed/);
    expect(snapshot(out)).toEqual(snapshot(fresh));
    expect(readdirSync(out)).not.toContain('.orgc-pending.json');
  });
});
