// Every case of the hostile corpus, through the real binary with its heap capped at 512 MB: a clear
// finding (exit 1) or a one-line refusal (exit 2), never a crash, a stack trace or a hang.
import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { lint } from '../helpers/lint.js';
import { CORPUS, type HostileCase } from './corpus.js';

function materialise(c: HostileCase): string {
  const dir = mkdtempSync(path.join(tmpdir(), `orgc-hostile-${c.name}-`));
  for (const [name, content] of Object.entries(c.files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    if (typeof content === 'string' || content instanceof Uint8Array) writeFileSync(file, content);
    else if ('symlink' in content) symlinkSync(content.symlink, file);
    else if ('fifo' in content) expect(spawnSync('mkfifo', [file]).status).toBe(0);
    else {
      // A sparse file: its size without its bytes.
      const fd = openSync(file, 'w');
      ftruncateSync(fd, content.sparse);
      closeSync(fd);
    }
  }
  return dir;
}

describe('the hostile corpus', () => {
  for (const c of CORPUS) {
    it(c.name, () => {
      const dir = materialise(c);
      const r = spawnSync(process.execPath, [BIN, 'validate', c.target ?? '.', '--format', 'json', '--lang', 'en'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=512', NO_COLOR: '1' },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 60_000,
      });
      expect(r.error, 'orgc did not finish').toBeUndefined();
      expect(r.status, r.stderr).toBe(c.code);
      if (c.code === 2) {
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch((c.expect as { stderr: RegExp }).stderr);
        return;
      }
      expect(r.stderr).toBe('');
      const report = JSON.parse(r.stdout) as { diagnostics: Array<{ ruleId: string; message: string; range: { start: { line: number; column: number } } }> };
      if (c.code === 0) {
        expect(report.diagnostics).toEqual([]);
        return;
      }
      const want = c.expect as { ruleId: string; line?: number; column?: number; message: RegExp };
      const first = report.diagnostics[0];
      expect(first.ruleId).toBe(want.ruleId);
      expect(first.message).toMatch(want.message);
      if (want.line !== undefined) expect(first.range.start.line).toBe(want.line);
      if (want.column !== undefined) expect(first.range.start.column).toBe(want.column);
      if (c.count !== undefined) expect(report.diagnostics).toHaveLength(c.count);
      // Bounded output, whatever the input: no finding repeats a 10 MB value.
      expect(r.stdout.length).toBeLessThan(1_000_000);
    }, 90_000);
  }

  it('prototype keys pollute nothing in-process either', async () => {
    const c = CORPUS.find((x) => x.name === 'prototype-keys')!;
    const found = await lint(c.files['org.yaml'] as string);
    expect(found.length).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
