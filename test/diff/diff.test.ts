// `orgc diff`: a semantic comparison of two versions of an org, from files, directories or git
// revisions, as text, a pull-request comment (golden) or JSON, with a CI gate on new findings.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareModels, type Change } from '../../src/diff/compare.js';
import { loadFiles } from '../../src/load/index.js';
import { sourceFromBytes } from '../../src/load/sources.js';
import { buildModel } from '../../src/model/build.js';
import { orgc, ROOT } from '../helpers/cli.js';
import { golden } from '../helpers/golden.js';
import { org } from '../helpers/lint.js';
import { kaSplit } from './ka-split.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'orgc-diff-'));

async function model(yaml: string) {
  const loaded = await loadFiles([sourceFromBytes('org.yaml', Buffer.from(yaml))]);
  expect(loaded.findings).toEqual([]);
  return buildModel(loaded.files).model!;
}

async function changes(before: string, after: string): Promise<Change[]> {
  return compareModels(await model(before), await model(after), 'en');
}

describe('orgc diff of the example against a copy with the KA account manager split', () => {
  const head = kaSplit(path.join(tmp(), 'org'));

  it('reports the split, the moved duties and the new findings', () => {
    const r = orgc(['diff', 'examples/sales-org', head, '--format', 'json']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const report = JSON.parse(r.stdout);
    expect(report.version).toBe(1);
    expect(report.changes.filter((c: Change) => c.kind === 'role-split')).toEqual([
      { kind: 'role-split', from: { id: 'ka-account-manager', title: 'KA 客户经理' }, into: [{ id: 'ka-solution-manager', title: 'KA 方案经理' }, { id: 'ka-relationship-manager', title: 'KA 关系经理' }] },
    ]);
    const moved = report.changes.filter((c: Change) => c.kind === 'duty-moved').map((c: any) => `${c.duty.id} ${c.letter} → ${c.to.id}`);
    expect(moved).toContain('close-deals R → ka-solution-manager');
    expect(moved).toContain('manage-key-accounts A → ka-relationship-manager');
    expect(moved).toHaveLength(9);
    expect(report.changes.map((c: Change) => c.kind)).not.toContain('role-added');
    // Two seats closing key-account deals where three did: the KA target and the total fall short;
    // and the director, at twelve direct reports already, now has thirteen.
    expect(report.findings.introduced.map((f: any) => f.ruleId).sort()).toEqual(['kpi-coverage', 'quota-capacity', 'quota-capacity', 'span-of-control']);
    expect(report.findings.fixed).toEqual([]);
  });

  it('reads as a pull-request comment, in English and Chinese', () => {
    for (const lang of ['en', 'zh-CN']) {
      const r = orgc(['diff', 'examples/sales-org', head, '--format', 'md', '--lang', lang]);
      expect(r.code).toBe(0);
      golden(`ka-split.${lang}.md`, r.stdout.split(path.relative(ROOT, head)).join('<head>').split(head).join('<head>'));
    }
  });

  it('gates CI on new findings with --fail-on', () => {
    expect(orgc(['diff', 'examples/sales-org', head, '--fail-on', 'new-errors']).code).toBe(0);
    expect(orgc(['diff', 'examples/sales-org', head, '--fail-on', 'new-warnings']).code).toBe(1);
    // The reverse change fixes what the split brought.
    const back = JSON.parse(orgc(['diff', head, 'examples/sales-org', '--format', 'json']).stdout);
    expect(back.findings.fixed).toHaveLength(4);
    expect(back.changes.filter((c: Change) => c.kind === 'roles-merged')).toHaveLength(1);
  });

  it('compares only the findings of a side that does not load, and says so', () => {
    const broken = path.join(tmp(), 'org.yaml');
    writeFileSync(broken, `${readFileSync(`${ROOT}examples/quickstart/org.yaml`, 'utf8')}x: [\n`);
    const en = orgc(['diff', broken, 'examples/quickstart', '--lang', 'en']);
    expect(en.stdout).toContain(`\nbase ${broken} does not load, so only its findings are compared\n`);
    expect(en.stdout).toMatch(/: No change to the org design; 1 fixed\n/);
    const zh = orgc(['diff', 'examples/quickstart', broken, '--lang', 'zh-CN']);
    expect(zh.stdout).toContain(`\n新版 ${broken} 无法加载，只比较问题\n`);
  });

  it('finds no change between an org and itself', () => {
    const r = orgc(['diff', 'examples/sales-org', 'examples/sales-org', '--lang', 'en']);
    expect(r).toMatchObject({ code: 0, stdout: 'examples/sales-org → examples/sales-org: No change to the org design; no change in findings\n' });
  });
});

describe('orgc diff of git revisions', () => {
  it('compares `rev:path` sides, read from the repository', () => {
    const repo = tmp();
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    cpSync(`${ROOT}examples/sales-org`, path.join(repo, 'org'), { recursive: true });
    git('add', '.');
    git('commit', '-qm', 'org');
    cpSync(kaSplit(path.join(tmp(), 'split')), path.join(repo, 'org'), { recursive: true, force: true });
    git('commit', '-qam', 'split the KA role');
    const r = orgc(['diff', 'HEAD~1:org', 'HEAD:org', '--format', 'json'], { cwd: repo });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const report = JSON.parse(r.stdout);
    expect(report.base.files[0]).toBe('HEAD~1:org/duties.yaml');
    expect(report.changes.some((c: Change) => c.kind === 'role-split')).toBe(true);
    // A revision against the working tree.
    expect(JSON.parse(orgc(['diff', 'HEAD~1:org', 'org', '--format', 'json'], { cwd: repo }).stdout).changes.length).toBeGreaterThan(0);
    expect(orgc(['diff', 'nope:org', 'org'], { cwd: repo })).toMatchObject({ code: 2, stdout: '', stderr: "orgc: cannot read nope:org: no revision 'nope' in this repository\n" });
    expect(orgc(['diff', 'HEAD:missing', 'org'], { cwd: repo })).toMatchObject({ code: 2, stderr: 'orgc: cannot read HEAD:missing: no such path at HEAD\n' });
    expect(orgc(['diff', 'HEAD:org', 'org'], { cwd: tmp() })).toMatchObject({ code: 2, stderr: expect.stringMatching(/^orgc: cannot read HEAD:org: .* is not in a git repository\n$/) });
  });
});

describe('what compareModels sees', () => {
  const base = org(`
    duties:
      a: { name: A, area: execution }
      b: { name: B, area: execution }
      c: { name: C, area: customer }
    roles:
      boss: { title: Boss, level: strategic, duties: { a: A, b: A, c: A } }
      lead: { title: Lead, level: tactical, reports_to: boss, duties: { a: C } }
      rep: { title: Rep, level: frontline, reports_to: boss, headcount: 3, duties: { a: R, b: R } }
      care: { title: Care, level: frontline, reports_to: boss, duties: { c: R } }
  `);

  it('a retitle, a new manager, headcount, vacancies and a changed letter', async () => {
    const after = base.replace('title: Rep,', 'title: Sales Rep,').replace('reports_to: boss, headcount: 3', 'reports_to: lead, headcount: 5, vacancies: 2').replace('duties: { a: C }', 'duties: { a: I }');
    expect(await changes(base, after)).toEqual([
      { kind: 'role-retitled', role: { id: 'rep', title: 'Sales Rep' }, from: 'Rep', to: 'Sales Rep' },
      { kind: 'manager-changed', role: { id: 'rep', title: 'Sales Rep' }, from: { id: 'boss', title: 'Boss' }, to: { id: 'lead', title: 'Lead' } },
      { kind: 'headcount-changed', role: { id: 'rep', title: 'Sales Rep' }, from: 3, to: 5 },
      { kind: 'vacancies-changed', role: { id: 'rep', title: 'Sales Rep' }, from: 0, to: 2 },
      { kind: 'raci-changed', duty: { id: 'a', title: 'A' }, role: { id: 'lead', title: 'Lead' }, from: 'C', to: 'I' },
    ]);
  });

  it('a new id for the same work is a rename; two roles into one is a merge', async () => {
    const renamed = base.replace(/\brep:/, 'seller:');
    expect((await changes(base, renamed)).filter((c) => c.kind === 'role-renamed')).toEqual([{ kind: 'role-renamed', from: { id: 'rep', title: 'Rep' }, to: { id: 'seller', title: 'Rep' } }]);
    const merged = base.replace(/ {2}rep:.*\n/, '').replace(/ {2}care:.*\n/, '  all: { title: All, level: frontline, reports_to: boss, duties: { a: R, b: R, c: R } }\n');
    const found = await changes(base, merged);
    expect(found.filter((c) => c.kind === 'roles-merged')).toEqual([{ kind: 'roles-merged', from: [{ id: 'rep', title: 'Rep' }, { id: 'care', title: 'Care' }], into: { id: 'all', title: 'All' } }]);
    expect(found.filter((c) => c.kind === 'role-added' || c.kind === 'role-removed')).toEqual([]);
  });

  it('the same org in another order is no change', async () => {
    const care = /^ {2}care:.*\n/m.exec(base)![0];
    const reordered = base.replace(care, '').replace('  boss:', `${care}  boss:`);
    expect(reordered).not.toBe(base);
    expect(await changes(base, reordered)).toEqual([]);
  });
});
