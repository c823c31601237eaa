// `orgc validate --watch`: the same report as a run, again after each save, until interrupted.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ROOT, orgc } from '../helpers/cli.js';
import { running } from '../helpers/watch.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'orgc-watch-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it('reports again after each change of a file, as a run would', async () => {
  cpSync(path.join(ROOT, 'examples/quickstart/org.yaml'), path.join(tmp, 'org.yaml'));
  const text = readFileSync(path.join(tmp, 'org.yaml'), 'utf8');
  const watch = running(['validate', '--watch', '--lang', 'en'], tmp);
  const { until, output: out } = watch;
  try {
    await until(() => out.stderr.includes('Ctrl-C stops'));
    expect(out.stdout).toBe(orgc(['validate', '--lang', 'en'], { cwd: tmp }).stdout);
    writeFileSync(path.join(tmp, 'org.yaml'), text.replace('reports_to: sales-manager', 'reports_to: sales-manger'));
    await until(() => out.stdout.includes('sales-manger'));
    const broken = orgc(['validate', '--lang', 'en'], { cwd: tmp }).stdout;
    await until(() => out.stdout.endsWith(broken));
    writeFileSync(path.join(tmp, 'org.yaml'), text);
    await until(() => out.stdout.lastIndexOf('no problems') > out.stdout.indexOf('sales-manger'));
  } finally {
    watch.stop();
  }
}, 60_000);

it('refuses to watch stdin', () => {
  const r = orgc(['validate', '--watch', '-']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('stdin');
});
