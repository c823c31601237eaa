// `orgc import`: an HR system's people export becomes a draft org that keeps the export's structure
// — every person→manager line a role→role line — and validates structurally; the design rules then
// say what it lacks, and everything guessed or not mapped is reported.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { orgc } from './helpers/cli.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'orgc-import-'));
const core = new Set((JSON.parse(orgc(['rules', '-f', 'json']).stdout).core as Array<{ id: string }>).map((c) => c.id));
const SOURCEGRAPH = 'test/fixtures/import/sourcegraph/team.csv';

function validate(file: string) {
  const r = orgc(['validate', file, '--format', 'json', '--lang', 'en']);
  return JSON.parse(r.stdout) as { counts: { error: number; warning: number }; diagnostics: Array<{ ruleId: string; message: string; severity: string; count?: number }> };
}
const load = (file: string) => jsYaml.load(readFileSync(file, 'utf8')) as any;

describe('orgc import', () => {
  it('turns the sample export of 200 people into a draft that keeps every reporting line', () => {
    const dir = tmp();
    const out = path.join(dir, 'org.yaml');
    const r = orgc(['import', 'examples/import/people.csv', '--out', out]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`✔ ${out}: 200 people in 200 positions, 18 roles, 6 departments, 2 regions`);
    expect(lines).toContain('  Region → the region: the region dimension and role scope');
    expect(lines).toContain('Reporting lines: 198 of 198 kept as role-to-role lines');
    expect(lines).toContain("  ! row 200: Luo Yan's manager E0999 is not in the file");
    expect(lines).toContain('  ! row 201: Wang Jie has no title: row skipped');
    expect(lines).toContain('Next steps:');
    const draft = load(out);
    expect(draft.org.draft).toBe(true);
    expect(Object.keys(draft.people)).toHaveLength(200);
    expect(draft.roles['sales-representative-east-sales']).toMatchObject({ title: 'Sales Representative · East Sales', level: 'frontline', family: 'east-sales', reports_to: 'sales-team-lead-east-sales', headcount: 64, cut: ['region'], scope: { region: ['east'] } });
    expect(draft.roles['sales-director']).toMatchObject({ level: 'strategic', headcount: 1 });
    expect(draft.roles['sales-director'].reports_to).toBeUndefined();
    const found = validate(out).diagnostics;
    expect(found.filter((d) => core.has(d.ruleId))).toEqual([]);
    expect(found.map((d) => d.ruleId)).toContain('role-without-duties');
  });

  it('reads Chinese exports in GB18030 and UTF-8 alike: pinyin ids, levels from 总监/经理, regions in brackets', () => {
    const csv = [
      '工号,姓名,职位,部门,上级工号',
      '1,王芳,总经理,销售中心,',
      '2,李娜,销售总监,销售中心,1',
      '3,张伟,销售经理（华东）,销售中心,2',
      '4,刘洋,销售经理（华南）,销售中心,2',
      '5,陈静,销售代表,销售中心,3',
      '6,杨磊,销售代表,销售中心,3',
      '7,赵敏,销售代表,销售中心,4',
      '8,黄强,销售代表,销售中心,4',
      '9,周杰,销售组长,销售中心,4',
    ].join('\n') + '\n';
    const drafts: unknown[] = [];
    for (const encoding of ['gb18030', 'utf8'] as const) {
      const dir = tmp();
      writeFileSync(path.join(dir, 'people.csv'), encoding === 'gb18030' ? encodeGb18030(csv) : csv);
      const r = orgc(['import', 'people.csv', '--lang', 'zh-CN'], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^✔ org\.yaml：9 人、9 个职位，5 个岗位，1 个部门，2 个区域\n/);
      expect(r.stdout).toContain('汇报线：8 条中 8 条成为岗位汇报线');
      expect(r.stdout).toContain('  销售经理 ← 销售经理 (华东), 销售经理 (华南)（范围：区域 华东、华南）');
      expect(r.stdout.includes('people.csv 不是 UTF-8，已按 GB18030 读取')).toBe(encoding === 'gb18030');
      const draft = load(path.join(dir, 'org.yaml'));
      expect(draft.org.language).toBe('zh-CN');
      expect(draft.roles).toMatchObject({
        'zong-jing-li': { title: '总经理', level: 'strategic', family: 'xiao-shou-zhong-xin', headcount: 1 },
        'xiao-shou-zong-jian': { title: '销售总监', level: 'strategic', reports_to: 'zong-jing-li' },
        'xiao-shou-jing-li': { title: '销售经理', level: 'tactical', reports_to: 'xiao-shou-zong-jian', headcount: 2 },
        'xiao-shou-dai-biao': { title: '销售代表', level: 'frontline', reports_to: 'xiao-shou-jing-li', headcount: 4 },
        'xiao-shou-zu-zhang': { title: '销售组长', level: 'tactical', reports_to: 'xiao-shou-jing-li', headcount: 1 },
      });
      expect(draft.dimensions.region.values).toEqual({ 'hua-dong': { name: '华东' }, 'hua-nan': { name: '华南' } });
      expect(Object.keys(draft.people)).toEqual(['wang-fang-1', 'li-na-2', 'zhang-wei-3', 'liu-yang-4', 'chen-jing-5', 'yang-lei-6', 'zhao-min-7', 'huang-qiang-8', 'zhou-jie-9']);
      expect(validate(path.join(dir, 'org.yaml')).diagnostics.filter((d) => core.has(d.ruleId))).toEqual([]);
      drafts.push(draft);
    }
    expect(drafts[0]).toEqual(drafts[1]);
  });

  it('keeps a line a person has to someone of the same title, and reports what it cannot map', () => {
    const dir = tmp();
    writeFileSync(
      path.join(dir, 'people.csv'),
      ['name,title,manager', 'Ann,Head,', 'Bob,Lead,Ann', 'Cy,Lead,Bob', 'Dee,Rep,Bob', 'Dee,Rep,Bob', 'Eve,Rep,Dee', 'Fay,Analyst,Gus', 'Gus,Auditor,Fay', 'Hal,Loner,'].join('\n'),
    );
    const r = orgc(['import', 'people.csv', '--out', '-'], { cwd: dir });
    expect(r.code).toBe(0);
    for (const line of [
      '4 things to check:',
      '  ! row 5: a second Dee titled Rep: read as another person (an employee id column would tell)',
      "  ! row 6: Eve's manager Dee is ambiguous: 2 people have that name (add an id column)",
      "  ! row 7: people manage each other in a circle (Fay → Gus): Fay's line to Gus is left out",
    ]) expect(r.stderr).toContain(`${line}\n`);
    // Eve's manager cannot be told: her role is one of its own, at the top, rather than a guess.
    expect(r.stderr).toContain('  ! 4 roles report to no one (an org has one top role): Head (head), Rep · no manager (rep-no-manager), Analyst (analyst), Loner (loner)\n');
    const draft = jsYaml.load(r.stdout) as any;
    // Cy's line to Bob, a lead under a lead, is a role of its own under the lead role.
    expect(draft.roles['lead-head']).toMatchObject({ title: 'Lead · Head', reports_to: 'head' });
    expect(draft.roles['lead-lead']).toMatchObject({ title: 'Lead · Lead', reports_to: 'lead-head' });
    expect(draft.roles.auditor.reports_to).toBe('analyst');
    writeFileSync(path.join(dir, 'draft.yaml'), r.stdout);
    expect(validate(path.join(dir, 'draft.yaml')).diagnostics.filter((d) => core.has(d.ruleId))).toEqual([]);
  });

  it('maps columns on purpose: a location is not a region unless asked, any column can be turned off', () => {
    const dir = tmp();
    const rows = ['Name,Title,Manager,Location'];
    rows.push('Ann,VP Sales,,Paris');
    for (let i = 0; i < 9; i++) rows.push(`P${i},Account Executive,Ann,City ${i}`);
    writeFileSync(path.join(dir, 'p.csv'), rows.join('\n'));
    const plain = orgc(['import', 'p.csv', '--out', '-'], { cwd: dir });
    expect(plain.stderr).toContain("  Location → not used: where each person is, not a region of a role (--region-column 'Location' to cut roles by it)\n");
    expect((jsYaml.load(plain.stdout) as any).dimensions).toBeUndefined();
    const asked = orgc(['import', 'p.csv', '--out', '-', '--region-column', 'Location'], { cwd: dir });
    expect(asked.stderr).toContain("  ! column Location has 10 values for 10 rows: that describes individuals, not a region roles are cut by (run again with --region-column '' to leave it out)\n");
    expect(Object.keys((jsYaml.load(asked.stdout) as any).dimensions.region.values)).toHaveLength(10);
    writeFileSync(path.join(dir, 'r.csv'), 'Name,Title,Manager,Region\nAnn,VP Sales,,\nBob,Account Executive,Ann,East\nCy,Account Executive,Ann,West\n');
    expect(Object.keys((jsYaml.load(orgc(['import', 'r.csv', '--out', '-'], { cwd: dir }).stdout) as any).dimensions.region.values)).toEqual(['east', 'west']);
    const off = orgc(['import', 'r.csv', '--out', '-', '--region-column', '', '--manager-column', ''], { cwd: dir });
    expect(off.code).toBe(0);
    expect(off.stderr).toContain("  (region) → turned off (--region-column '')\n");
    expect(off.stderr).toContain("  (manager) → turned off (--manager-column '')\n");
    expect((jsYaml.load(off.stdout) as any).dimensions).toBeUndefined();
  });

  it('takes column names from options, and refuses what it cannot use', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'p.csv'), 'Person,Position Name,Boss\nAnn,Head,\nBob,Rep,Ann\n');
    expect(orgc(['import', 'p.csv'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringMatching(/^orgc: p\.csv: no name column: name one with --name-column/) });
    expect(orgc(['import', 'p.csv', '--name-column', 'Person', '--title-column', 'Position Name', '--manager-column', 'Boss'], { cwd: dir }).code).toBe(0);
    expect(load(path.join(dir, 'org.yaml')).roles.rep.reports_to).toBe('head');
    expect(orgc(['import', 'p.csv', '--name-column', 'Person', '--title-column', 'Position Name'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'orgc: not overwriting org.yaml (use --force, or --out another file)\n' });
    expect(orgc(['import', 'p.csv', '--name-column', 'Nope'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringMatching(/no column 'Nope' in the header/) });
    expect(orgc(['import', 'missing.csv'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'orgc: cannot read missing.csv: no such file\n' });
    writeFileSync(path.join(dir, 'levels.yaml'), 'Head: boss\n');
    expect(orgc(['import', 'p.csv', '--name-column', 'Person', '--title-column', 'Position Name', '--levels', 'levels.yaml', '--out', '-'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: "orgc: levels.yaml: 'Head: boss': the level is one of strategic, tactical, frontline, operations, support\n",
    });
  });

  it('guesses levels from titles before the tree, with words the user can change', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'p.csv'), 'name,title,manager\nAnn,Chief Revenue Officer,\nBob,Head of Sales,Ann\nCy,Account Manager,Bob\nDi,Customer Success Manager,Bob\nEd,Deal Desk,Bob\n');
    const r = orgc(['import', 'p.csv', '--out', '-'], { cwd: dir });
    expect(Object.fromEntries(Object.entries((jsYaml.load(r.stdout) as any).roles).map(([id, role]: [string, any]) => [id, role.level]))).toEqual({
      'chief-revenue-officer': 'strategic',
      'head-of-sales': 'strategic',
      'account-manager': 'frontline',
      'customer-success-manager': 'operations',
      'deal-desk': 'frontline',
    });
    expect(r.stderr).toContain('  strategic: 2 roles by title (chief 1, head 1)\n');
    expect(r.stderr).toContain('  1 role by place in the tree, no level word in the title (frontline 1)\n');
    writeFileSync(path.join(dir, 'levels.yaml'), 'Deal Desk: support\nhead: tactical\n');
    const own = jsYaml.load(orgc(['import', 'p.csv', '--out', '-', '--levels', 'levels.yaml'], { cwd: dir }).stdout) as any;
    expect([own.roles['deal-desk'].level, own.roles['head-of-sales'].level]).toEqual(['support', 'tactical']);
  });

  it('reads near-duplicate titles as one role for the user to confirm, unless told to keep them apart', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'p.csv'), 'name,title,manager\nAnn,VP Sales,\nBob,Sales Development Representative,Ann\nCy,SDR (East),Ann\nDi,SDR (EMEA),Ann\nEd,Sales Dev Rep,Ann\nFi,AE,Ann\n');
    const r = orgc(['import', 'p.csv', '--out', '-'], { cwd: dir });
    expect(r.stderr).toContain('Titles read as one role (confirm, or run again with --keep-titles):\n  Sales Development Representative ← SDR (EMEA), SDR (East), Sales Dev Rep, Sales Development Representative (scope: region EMEA, East)\n');
    const draft = jsYaml.load(r.stdout) as any;
    // AE alone is kept as written: only titles that are read as one are spelled out.
    expect(Object.keys(draft.roles)).toEqual(['vp-sales', 'sales-development-representative', 'ae']);
    expect(draft.roles['sales-development-representative']).toMatchObject({ headcount: 4, notes: expect.stringContaining('confirm they are one role') });
    const apart = jsYaml.load(orgc(['import', 'p.csv', '--out', '-', '--keep-titles'], { cwd: dir }).stdout) as any;
    expect(Object.keys(apart.roles)).toEqual(['vp-sales', 'sales-development-representative', 'sdr-east', 'sdr-emea', 'sales-dev-rep', 'ae']);
  });
});

describe('orgc import on a real export: Sourcegraph’s public team list (test/fixtures/import/sourcegraph)', () => {
  const dir = tmp();
  const out = path.join(dir, 'org.yaml');
  const r = orgc(['import', SOURCEGRAPH, '--out', out]);
  const draft = r.code === 0 ? load(out) : undefined;

  it('keeps all 174 reporting lines and counts the 167 people in 175 positions once each', () => {
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^✔ .*org\.yaml: 167 people in 175 positions, \d+ roles, 0 departments, 2 regions\n/);
    expect(r.stdout).toContain('Reporting lines: 174 of 174 kept as role-to-role lines\n');
    expect(Object.keys(draft.people)).toHaveLength(167);
    const quinn = Object.values(draft.people).filter((p: any) => p.name === 'Quinn Slack') as any[];
    expect(quinn).toHaveLength(1);
    expect(quinn[0].notes).toMatch(/^Also holds: Engineering Manager, Delivery \(engineering-manager-delivery\); Demand Generation Lead \(demand-generation-lead\)\. Interim Engineering Manager, Delivery\. Interim Demand Generation Lead\.$/);
    // Software engineers are under their own managers' roles, named after the team.
    const engineers = Object.values(draft.roles).filter((x: any) => /^Software Engineer( · |$)/.test(x.title));
    expect(engineers.length).toBeGreaterThan(5);
    expect(new Set(engineers.map((x: any) => x.reports_to)).size).toBe(engineers.length);
    expect(draft.roles['software-engineer-code-search']).toMatchObject({ title: 'Software Engineer · Code Search', reports_to: 'engineering-manager-code-search' });
  });

  it('reads levels from titles, ids without accents or Markdown, and no home city as a region', () => {
    expect(draft.roles['cto-co-founder-board-of-directors'].level).toBe('strategic');
    expect(Object.entries(draft.roles).filter(([, x]: [string, any]) => /^(Director|Head|VP)\b/.test(x.title)).every(([, x]: [string, any]) => x.level === 'strategic')).toBe(true);
    expect(draft.roles['ceo-co-founder-board-of-directors'].title).toBe('CEO, co-founder, Board of Directors');
    expect(Object.keys(draft.people)).toContain('olafur-pall-geirsson');
    expect(Object.keys(draft.dimensions.region.values)).toEqual(['emea', 'east']);
    expect(r.stdout).toContain('  Sales Development Representative ← Sales Dev Rep, Sales Development Representative, Sales Development Representative (EMEA), Sales Development Representative (East) (scope: region EMEA, East)\n');
    const cities = orgc(['import', SOURCEGRAPH, '--out', '-', '--region-column', 'Location']);
    expect(cities.stderr).toMatch(/ {2}! column Location has \d+ values for 175 rows: that describes individuals/);
    expect(Object.keys((jsYaml.load(cities.stdout) as any).dimensions.region.values)).toContain('krakow-poland');
  });

  it('renders for review without --force, the missing duties and KPIs as a to-do list with full counts', () => {
    const found = validate(out);
    expect(found.diagnostics.filter((d) => core.has(d.ruleId))).toEqual([]);
    // The span rule no longer sees a manager of 32: each team is under its own manager's role.
    // Those left are the export's own: 13 positions report to the CEO, 16 to the head of engineering.
    expect(found.diagnostics.filter((d) => d.ruleId === 'span-of-control' && /has (1[3-9]|[2-9]\d) direct/.test(d.message)).map((d) => d.message)).toEqual([
      'each CEO, co-founder, Board of Directors (ceo-co-founder-board-of-directors) has 13 direct reports (at most 12): add a layer or more managers',
      'each Head of Engineering (head-of-engineering) has 16 direct reports (at most 12): add a layer or more managers',
    ]);
    // Totals count the findings past the per-rule cap of 100.
    const roles = Object.keys(draft.roles).length;
    expect(found.diagnostics.filter((d) => d.ruleId === 'role-without-duties').reduce((n, d) => n + (d.count ?? 1), 0)).toBe(roles);
    expect(found.counts.error).toBe(found.diagnostics.filter((d) => d.severity === 'error').reduce((n, d) => n + (d.count ?? 1), 0));
    const rendered = orgc(['render', out, '--only', 'charts,jd', '--format', 'md', '--out', path.join(dir, 'handbook'), '--lang', 'en']);
    expect(rendered.code).toBe(0);
    expect(rendered.stderr).toBe(`orgc: a draft (org.draft): rendered; to do:\n  - ${roles} roles without duties\n  - 39 missing KPIs\n  - 56 missing requirements\n(npx orgc validate lists each one)\n`);
    expect(readFileSync(path.join(dir, 'handbook', 'charts', 'org-head-of-engineering.md'), 'utf8')).toContain('Software Engineer · Code Search');
  });
  it('reads Traditional exports: 工號/職位/上級工號 headers, levels from 總監/經理, a zh-TW draft that keeps the titles as written', () => {
    const dir = tmp();
    const csv = ['工號,姓名,職位,部門,上級工號,辦公地點', '1,王芳,總經理,銷售中心,,台北', '2,李娜,銷售總監,銷售中心,1,台北', '3,張偉,銷售經理,銷售中心,2,台中', '4,陳靜,銷售代表,銷售中心,3,台中', '5,楊磊,銷售代表,銷售中心,3,高雄'].join('\n') + '\n';
    writeFileSync(path.join(dir, 'people.csv'), csv);
    const r = orgc(['import', 'people.csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    // Every column found by its Traditional name, and the report in Traditional Chinese.
    expect(r.stdout).toMatch(/^✔ org\.yaml：5 人、5 個職位，4 個崗位，1 個部門，0 個區域\n/);
    for (const [header, use] of [['工號', '工號：'], ['職位', '職位：'], ['部門', '部門：'], ['上級工號', '上級（按工號）'], ['辦公地點', '未使用']]) expect(r.stdout).toContain(`  ${header} → ${use}`);
    expect(r.stdout).toContain('strategic：2 個崗位按職位用詞（總監 1，總經理 1）');
    expect(r.stdout).toContain('tactical：1 個崗位按職位用詞（經理 1）');
    const draft = load(path.join(dir, 'org.yaml'));
    expect(draft.org.language).toBe('zh-TW');
    expect(draft.roles).toMatchObject({
      'zong-jing-li': { title: '總經理', level: 'strategic' },
      'xiao-shou-zong-jian': { title: '銷售總監', level: 'strategic', reports_to: 'zong-jing-li' },
      'xiao-shou-jing-li': { title: '銷售經理', level: 'tactical', reports_to: 'xiao-shou-zong-jian' },
      'xiao-shou-dai-biao': { title: '銷售代表', level: 'frontline', headcount: 2 },
    });
    // Named columns and --levels words may be Simplified where the export is Traditional.
    writeFileSync(path.join(dir, 'levels.yaml'), '销售代表: support\n');
    const named = orgc(['import', 'people.csv', '--out', '-', '--title-column', '职位', '--manager-id-column', '上级工号', '--levels', 'levels.yaml'], { cwd: dir });
    expect(named.code, named.stderr).toBe(0);
    const again = jsYaml.load(named.stdout) as any;
    expect(again.roles['xiao-shou-jing-li']).toEqual(draft.roles['xiao-shou-jing-li']);
    expect(again.roles['xiao-shou-dai-biao']).toMatchObject({ title: '銷售代表', level: 'support' });
    expect(named.stderr).toContain('support：1 個崗位按職位用詞（銷售代表 1）');
  });

});

/** GB18030 bytes for a text, from the platform's own decoder run backwards over the two-byte range. */
function encodeGb18030(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(a, b));
      if (!table.has(ch)) table.set(ch, [a, b]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else if (table.has(ch)) out.push(...table.get(ch)!);
    else throw new Error(`no two-byte GB18030 code for ${ch}`);
  }
  expect(decoder.decode(Uint8Array.from(out))).toBe(text);
  return Uint8Array.from(out);
}
