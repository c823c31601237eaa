// The command line as users meet it: exit codes, streams, defaults, formats, colour, language.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { orgc, ROOT } from './helpers/cli.js';

const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
const quickstart = readFileSync(`${ROOT}examples/quickstart/org.yaml`, 'utf8');
const tmp = () => mkdtempSync(path.join(tmpdir(), 'orgc-cli-'));

describe('orgc', () => {
  it('prints its version', () => {
    const r = orgc(['--version']);
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('prints help listing its commands', () => {
    const r = orgc(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/validate \[options\] \[paths\.\.\.\]/);
    expect(r.stdout).toMatch(/schema/);
  });

  it('exits 2 with one line on an unknown option', () => {
    const r = orgc(['validate', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')[0]).toMatch(/unknown option '--bogus'/);
  });

  it('exits 2 with one line on an unsupported language', () => {
    const r = orgc(['validate', 'examples/quickstart', '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--lang/);
  });
});

describe('orgc validate', () => {
  it('passes the bundled example org, split over several files', () => {
    const r = orgc(['validate', 'examples/sales-org']);
    expect(r).toEqual({ code: 0, stdout: '✔ 8 个文件，没有发现问题\n', stderr: '' });
  });

  it('passes the quickstart org, in English', () => {
    const r = orgc(['validate', 'examples/quickstart/org.yaml']);
    expect(r).toEqual({ code: 0, stdout: '✔ no problems in 1 file\n', stderr: '' });
  });

  it('exits 2 with exactly one line for a file that does not exist', () => {
    const r = orgc(['validate', 'nope.yaml']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'orgc: cannot read nope.yaml: no such file or directory\n' });
  });

  it('exits 2 for a directory without YAML files', () => {
    const dir = tmp();
    const r = orgc(['validate', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^orgc: no YAML files in .*\n$/);
  });

  it('reads stdin for `-`', () => {
    expect(orgc(['validate', '-'], { input: quickstart })).toMatchObject({ code: 0, stderr: '' });
    const broken = quickstart.replace('reports_to: sales-director', 'reprots_to: sales-director');
    const r = orgc(['validate', '-'], { input: broken });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^<stdin>:\d+:5: error: unknown key `reprots_to`; did you mean `reports_to`\? \[unknown-key\]/);
  });

  it('finds org.yaml in the working directory when given no path', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'org.yaml'), quickstart);
    expect(orgc(['validate'], { cwd: dir })).toMatchObject({ code: 0, stdout: '✔ no problems in 1 file\n' });
  });

  it('finds an org/ directory in the working directory when given no path', () => {
    const dir = tmp();
    cpSync(`${ROOT}examples/sales-org`, path.join(dir, 'org'), { recursive: true });
    expect(orgc(['validate'], { cwd: dir }).code).toBe(0);
  });

  it('says what to do when there is no org in the working directory', () => {
    const r = orgc(['validate'], { cwd: tmp() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('orgc: no org here: pass a file or directory, or create org.yaml (or an org/ directory)\n');
  });

  it('loads several file arguments as one org', () => {
    const dir = tmp();
    const [head, rest] = [quickstart.slice(0, quickstart.indexOf('roles:')), quickstart.slice(quickstart.indexOf('roles:'))];
    writeFileSync(path.join(dir, 'a.yaml'), head);
    writeFileSync(path.join(dir, 'b.yaml'), `orgc: 1\n${rest}`);
    expect(orgc(['validate', 'a.yaml', 'b.yaml'], { cwd: dir })).toMatchObject({ code: 0, stdout: '✔ no problems in 2 files\n' });
  });

  it('writes a versioned JSON report with counts and full ranges', () => {
    const r = orgc(['validate', 'test/fixtures/invalid/unknown-key', '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    // The two unknown keys, and (error recovery) the design findings about the rest of the org.
    expect(report).toMatchObject({ version: 1, tool: { name: 'orgc', version: pkg.version }, counts: { error: 2, warning: 3, info: 0 } });
    expect(report.files).toEqual(['test/fixtures/invalid/unknown-key/org.yaml']);
    expect(report.diagnostics.find((d: { ruleId: string }) => d.ruleId === 'unknown-key')).toEqual({
      file: 'test/fixtures/invalid/unknown-key/org.yaml',
      ruleId: 'unknown-key',
      severity: 'error',
      message: 'unknown key `reprots_to`; did you mean `reports_to`?',
      range: { start: { line: 21, column: 5, offset: expect.any(Number) }, end: { line: 21, column: 15, offset: expect.any(Number) } },
      related: [],
      fix: { range: { start: { line: 21, column: 5, offset: expect.any(Number) }, end: { line: 21, column: 15, offset: expect.any(Number) } }, text: 'reports_to' },
    });
  });

  it('writes a clean JSON report for a clean org', () => {
    const report = JSON.parse(orgc(['validate', 'examples/sales-org', '-f', 'json']).stdout);
    expect(report.counts).toEqual({ error: 0, warning: 0, info: 0 });
    expect(report.diagnostics).toEqual([]);
    expect(report.files).toHaveLength(8);
  });

  it('colours only when asked: FORCE_COLOR forces it, NO_COLOR and pipes turn it off', () => {
    const fixture = 'test/fixtures/invalid/unknown-key';
    const ansi = /\u001b\[/;
    expect(orgc(['validate', fixture], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).toMatch(ansi);
    expect(orgc(['validate', fixture], { env: { NO_COLOR: '1' } }).stdout).not.toMatch(ansi);
    expect(orgc(['validate', fixture], { env: { NO_COLOR: undefined } }).stdout).not.toMatch(ansi);
  });

  it('speaks the language asked for with --lang, else the org\'s own', () => {
    const fixture = 'test/fixtures/invalid/unknown-key';
    expect(orgc(['validate', fixture, '--lang', 'zh-CN']).stdout).toMatch(/错误: 未知的键 `reprots_to`；您是否想写 `reports_to`？/);
    expect(orgc(['validate', 'test/fixtures/invalid/chinese-messages']).stdout).toMatch(/未知的键/);
    expect(orgc(['validate', 'test/fixtures/invalid/chinese-messages', '--lang', 'en']).stdout).toMatch(/unknown key/);
  });

  it('reports every problem of several files sorted by file, line and column', () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'org'));
    writeFileSync(path.join(dir, 'org', 'b.yaml'), 'orgc: 1\nroles:\n  x:\n    title: X\n    levle: frontline\n');
    writeFileSync(path.join(dir, 'org', 'a.yaml'), 'orgc: 1\nfoo: 1\nbar: 2\n');
    const r = orgc(['validate', 'org', '-f', 'json'], { cwd: dir });
    const places = JSON.parse(r.stdout).diagnostics.map((d: any) => `${d.file}:${d.range.start.line}:${d.range.start.column}`);
    expect(places).toEqual(['org/a.yaml:2:1', 'org/a.yaml:3:1', 'org/b.yaml:3:3', 'org/b.yaml:5:5']);
  });

  it('is deterministic: the same input gives byte-identical output', () => {
    const a = orgc(['validate', 'test/fixtures/invalid/unknown-reference', '-f', 'json']);
    const b = orgc(['validate', 'test/fixtures/invalid/unknown-reference', '-f', 'json']);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('orgc schema', () => {
  it('prints the committed JSON Schema', () => {
    const r = orgc(['schema']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(`${ROOT}schemas/orgc.schema.json`, 'utf8'));
  });
});

describe('orgc validate, CI options', () => {
  const quickstartWith = (config: string) => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'org.yaml'), quickstart);
    writeFileSync(path.join(dir, 'orgc.config.yaml'), config);
    return dir;
  };

  it('fails on warnings with --fail-on warn and with --max-warnings', () => {
    const dir = quickstartWith('rules:\n  span-of-control: { options: { max: 2 } }\n');
    expect(orgc(['validate'], { cwd: dir }).code).toBe(0);
    expect(orgc(['validate', '--fail-on', 'warn'], { cwd: dir }).code).toBe(1);
    expect(orgc(['validate', '--max-warnings', '0'], { cwd: dir }).code).toBe(1);
    expect(orgc(['validate', '--max-warnings', '1'], { cwd: dir }).code).toBe(1);
    expect(orgc(['validate', '--max-warnings', '2'], { cwd: dir }).code).toBe(0);
    expect(orgc(['validate', '--max-warnings', 'some'], { cwd: dir })).toMatchObject({ code: 2, stderr: "orgc: --max-warnings takes a whole number of warnings, not 'some'\n" });
  });

  it('writes the report to a file with -o and nothing to stdout', () => {
    const dir = quickstartWith('rules:\n  span-of-control: { options: { max: 2 } }\n');
    const r = orgc(['validate', '-f', 'sarif', '-o', 'out/report.sarif'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(path.join(dir, 'out/report.sarif'), 'utf8')).runs[0].results).toHaveLength(2);
  });
});

describe('orgc rules and orgc explain', () => {
  it('lists every rule with its severity and what it finds', () => {
    const r = orgc(['rules']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}span-of-control +warning +✓ +A manager with fewer or more direct reports/m);
    expect(r.stdout).toMatch(/^ {2}unused-definitions +warning +A competency/m);
    expect(r.stdout).toMatch(/Core checks/);
    expect(orgc(['rules', '--lang', 'zh-CN']).stdout).toMatch(/直接下属人数/);
    expect(JSON.parse(orgc(['rules', '-f', 'json']).stdout).rules.find((x: any) => x.id === 'layers').options.max.default).toBe(5);
  });

  it('prints a rule\'s documentation', () => {
    const r = orgc(['explain', 'redundant-roles']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(`${ROOT}docs/rules/redundant-roles.md`, 'utf8'));
  });

  it('suggests the rule meant when the id is unknown', () => {
    expect(orgc(['explain', 'span-of-controll'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "orgc: unknown rule 'span-of-controll'; did you mean 'span-of-control'? (run `orgc rules` for the list)\n",
    });
  });
});
