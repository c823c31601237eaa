// `orgc validate --watch`: the same report as a run, again after each save, until interrupted.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { BIN, ROOT, orgc } from '../helpers/cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'orgc-watch-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it('reports again after each change of a file, as a run would', async () => {
  cpSync(path.join(ROOT, 'examples/quickstart/org.yaml'), path.join(tmp, 'org.yaml'));
  const text = readFileSync(path.join(tmp, 'org.yaml'), 'utf8');
  const child = spawn(process.execPath, [BIN, 'validate', '--watch', '--lang', 'en'], { cwd: tmp, env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const until = async (ok: () => boolean) => {
    for (let i = 0; i < 600 && !ok(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(ok()).toBe(true);
  };
  try {
    await until(() => stderr.includes('Ctrl-C stops'));
    expect(stdout).toBe(orgc(['validate', '--lang', 'en'], { cwd: tmp }).stdout);
    writeFileSync(path.join(tmp, 'org.yaml'), text.replace('reports_to: sales-manager', 'reports_to: sales-manger'));
    await until(() => stdout.includes('sales-manger'));
    const broken = orgc(['validate', '--lang', 'en'], { cwd: tmp }).stdout;
    await until(() => stdout.endsWith(broken));
    writeFileSync(path.join(tmp, 'org.yaml'), text);
    await until(() => stdout.lastIndexOf('no problems') > stdout.indexOf('sales-manger'));
  } finally {
    child.kill();
  }
}, 60_000);

it('refuses to watch stdin', () => {
  const r = orgc(['validate', '--watch', '-']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('stdin');
});
