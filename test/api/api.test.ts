// The library as a program using it sees it: `import { lint, render, diff, loadConfig } from 'orgc'`
// (here from the sources; test/package.test.ts and check:package import the built package).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diff, formatDiagnostics, lint, loadConfig, OrgcError, render } from '../../src/api/index.js';
import { ROOT } from '../helpers/cli.js';
import { org } from '../helpers/lint.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'orgc-api-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const CLEAN = org(`
  roles:
    boss: { title: Boss, level: strategic, duties: { plan: [R, A] } }
  duties:
    plan: { name: Plan, area: strategy }
`);
/** The org with a duty nobody does (an orphan-duty finding). */
const ORPHAN = `${CLEAN}  idle: { name: Idle, area: strategy }\n`;
/** The org with a role reporting to a role that does not exist (line 5). */
const DANGLING = CLEAN.replace('plan: [R, A] } }', 'plan: [R, A] } }\n  rep: { title: Rep, level: frontline, reports_to: nobody, duties: { plan: [C] } }');

describe('lint', () => {
  it('checks the example orgs on disk clean, with the model and the files read', async () => {
    const r = await lint({ files: ['examples/sales-org'], cwd: ROOT });
    expect(r.summary).toEqual({ error: 0, warning: 0, info: 0 });
    expect(r.model?.roles.size).toBeGreaterThan(10);
    expect(r.files.map((f) => f.path)).toContain('examples/sales-org/org.yaml');
    expect(r.lang).toBe('zh-CN');
  });

  it('checks texts in memory and places each finding by line, column and YAML path', async () => {
    const r = await lint({ texts: { 'org.yaml': DANGLING }, config: false });
    const d = r.diagnostics.find((x) => x.message.includes('nobody'));
    expect(d).toMatchObject({ file: 'org.yaml', severity: 'error', path: ['roles', 'rep', 'reports_to'] });
    expect(d!.range.start.line).toBe(5);
  });

  it('words messages in the language asked for', async () => {
    const text = ORPHAN;
    const en = await lint({ texts: { 'org.yaml': text }, config: false, lang: 'en' });
    const zh = await lint({ texts: { 'org.yaml': text }, config: false, lang: 'zh-CN' });
    expect(en.diagnostics.map((d) => d.ruleId)).toEqual(zh.diagnostics.map((d) => d.ruleId));
    expect(en.diagnostics[0].message).not.toBe(zh.diagnostics[0].message);
    expect(zh.diagnostics[0].message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('gives the same result twice for the same input', async () => {
    const a = await lint({ files: ['examples/quickstart/org.yaml'], cwd: ROOT });
    const b = await lint({ files: ['examples/quickstart/org.yaml'], cwd: ROOT });
    expect(b.model?.roles.size).toBe(a.model?.roles.size);
    expect(b.diagnostics).toEqual(a.diagnostics);
  });

  it('formats the findings as the CLI reports them', async () => {
    const r = await lint({ texts: { 'org.yaml': ORPHAN }, config: false });
    const sarif = JSON.parse(formatDiagnostics(r, 'sarif'));
    expect(sarif.runs[0].results.length).toBe(r.diagnostics.length);
    expect(formatDiagnostics(r, 'stylish')).toContain('org.yaml');
  });

  it('throws an OrgcError of kind input for a path that cannot be read', async () => {
    const e = await lint({ files: ['no/such/org.yaml'], cwd: tmp }).catch((x) => x);
    expect(e).toBeInstanceOf(OrgcError);
    expect(e.kind).toBe('input');
    expect(e.message).toContain('no/such/org.yaml');
  });
});

describe('loadConfig', () => {
  it('throws an OrgcError of kind config with a placed diagnostic per problem', async () => {
    const file = path.join(tmp, 'orgc.config.yaml');
    writeFileSync(file, 'extends: recommended\nrules:\n  span-of-control: loud\n');
    const e = await loadConfig(file).catch((x) => x);
    expect(e).toBeInstanceOf(OrgcError);
    expect(e.kind).toBe('config');
    expect(e.diagnostics.length).toBeGreaterThan(0);
    expect(e.diagnostics[0].range.start.line).toBe(3);
  });

  it("words a bad config of lint's in the language asked for, else the locale of env, else English", async () => {
    const file = path.join(tmp, 'loud.yaml');
    writeFileSync(file, 'rules:\n  span-of-control: loud\n');
    const message = async (opts: { lang?: string; env?: Record<string, string> }) =>
      ((await lint({ texts: { 'org.yaml': CLEAN }, config: file, ...opts }).catch((x) => x)) as OrgcError).diagnostics[0].message;
    const en = await message({});
    const zh = await message({ lang: 'zh-CN' });
    expect(zh).not.toBe(en);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(await message({ env: { LANG: 'zh_CN.UTF-8' } })).toBe(zh);
    expect(await message({ lang: 'en', env: { LANG: 'zh_CN.UTF-8' } })).toBe(en);
  });

  it('follows the locale of env only when given it', async () => {
    const plain = await lint({ texts: { 'org.yaml': DANGLING }, config: false });
    const zh = await lint({ texts: { 'org.yaml': DANGLING }, config: false, env: { LC_ALL: 'zh_TW.UTF-8' } });
    expect(plain.lang).toBe('en');
    expect(zh.lang).toBe('zh-TW');
  });

  it('reads a config that lint then applies', async () => {
    const file = path.join(tmp, 'off.yaml');
    writeFileSync(file, 'rules:\n  orphan-duty: off\n');
    const config = await loadConfig(file);
    const text = ORPHAN;
    const withIt = await lint({ texts: { 'org.yaml': text }, config });
    const without = await lint({ texts: { 'org.yaml': text }, config: false });
    expect(without.diagnostics.some((d) => d.ruleId === 'orphan-duty')).toBe(true);
    expect(withIt.diagnostics.some((d) => d.ruleId === 'orphan-duty')).toBe(false);
  });
});

describe('render', () => {
  it('returns the pages of the handbook in memory', async () => {
    const r = await render({ files: ['examples/quickstart/org.yaml'], cwd: ROOT, format: 'md', lang: 'en' });
    expect(r.rendered).toBe(true);
    expect([...r.pages!.keys()]).toContain('index.md');
    expect(String(r.pages!.get('index.md'))).toContain('Northwind Sales');
  });

  it('renders nothing for an org with errors, unless forced', async () => {
    const r = await render({ texts: { 'org.yaml': DANGLING }, config: false, format: 'json' });
    expect(r.rendered).toBe(false);
    expect(r.pages).toBeUndefined();
    expect(r.summary.error).toBeGreaterThan(0);
  });

  it('rejects an unknown format as a usage error', async () => {
    const e = await render({ texts: { 'org.yaml': CLEAN }, format: 'rtf' as never }).catch((x) => x);
    expect(e).toBeInstanceOf(OrgcError);
    expect(e.kind).toBe('usage');
  });
});

describe('diff', () => {
  it('reports a change between two versions of an org', async () => {
    const head = CLEAN.replace('title: Boss', 'title: Chief');
    const r = await diff({ base: { texts: { 'org.yaml': CLEAN } }, head: { texts: { 'org.yaml': head } }, config: false, lang: 'en' });
    expect(r.report.changes.length).toBeGreaterThan(0);
    expect(JSON.stringify(r.report.changes)).toContain('Chief');
  });
});
