// bin/orgc renders a large org in a child Node with a heap cap (see renderWithHeapCap there). The
// cap itself is a start-up flag nothing prints; these tests hold the wiring a user depends on:
// the child gets the same arguments, streams and exit code as a run without it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, orgc } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'orgc-heap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The quickstart org, made larger than the 16 MB threshold by comment lines (cheap to parse). */
function padded(name: string, edit: (yaml: string) => string = (y) => y): string {
  const yaml = edit(readFileSync(path.join(ROOT, 'examples/quickstart/org.yaml'), 'utf8'));
  const file = path.join(dir, name);
  writeFileSync(file, yaml + `# ${'x'.repeat(98)}\n`.repeat(170_000));
  return file;
}

describe('render of a large input (in a child Node with a heap cap)', () => {
  it('writes what a small input of the same org writes, and exits 0', () => {
    const big = padded('big.yaml');
    const small = path.join(ROOT, 'examples/quickstart/org.yaml');
    const a = orgc(['render', big, '--format', 'json', '--out', path.join(dir, 'a'), '--lang', 'en']);
    const b = orgc(['render', small, '--format', 'json', '--out', path.join(dir, 'b'), '--lang', 'en']);
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(readFileSync(path.join(dir, 'a', 'org.json'), 'utf8')).toBe(readFileSync(path.join(dir, 'b', 'org.json'), 'utf8'));
  });

  it('passes on the exit code and the messages of an org with errors', () => {
    const broken = padded('broken.yaml', (y) => y.replace(/reports_to: (\S+)/, 'reports_to: nobody-here'));
    const r = orgc(['render', broken, '--format', 'md', '--out', path.join(dir, 'c'), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('nobody-here');
  });
});
