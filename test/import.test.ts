// `orgc import`: an HR system's people export becomes a draft org that validates structurally —
// the design rules then say what it lacks — and everything that could not be mapped is reported.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { orgc } from './helpers/cli.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'orgc-import-'));
const core = new Set((JSON.parse(orgc(['rules', '-f', 'json']).stdout).core as Array<{ id: string }>).map((c) => c.id));

function validate(file: string) {
  const r = orgc(['validate', file, '--format', 'json', '--lang', 'en']);
  return JSON.parse(r.stdout).diagnostics as Array<{ ruleId: string; message: string }>;
}

describe('orgc import', () => {
  it('turns the sample export of 200 people into a draft that validates structurally', () => {
    const dir = tmp();
    const out = path.join(dir, 'org.yaml');
    const r = orgc(['import', 'examples/import/people.csv', '--out', out]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      `✔ ${out}: 200 people, 17 roles, 6 departments, 2 regions\n` +
        '2 things not mapped:\n  ! row 200: Luo Yan\'s manager E0999 is not in the file\n  ! row 201: Wang Jie has no title: row skipped\n',
    );
    const draft = jsYaml.load(readFileSync(out, 'utf8')) as any;
    expect(Object.keys(draft.people)).toHaveLength(200);
    expect(draft.roles['sales-representative-east-sales']).toMatchObject({ title: 'Sales Representative', level: 'frontline', family: 'east-sales', reports_to: 'sales-team-lead-east-sales', headcount: 64, cut: ['region'], scope: { region: ['east'] } });
    expect(draft.roles['sales-director']).toMatchObject({ level: 'strategic', headcount: 1 });
    expect(draft.roles['sales-director'].reports_to).toBeUndefined();
    const found = validate(out);
    expect(found.filter((d) => core.has(d.ruleId))).toEqual([]);
    expect(found.map((d) => d.ruleId)).toContain('role-without-duties');
  });

  it('reads Chinese headers and GB18030, numbering ids for names in other scripts', () => {
    const dir = tmp();
    const csv = '工号,姓名,职位,部门,上级工号\n1,王芳,销售总监,销售部,\n2,李娜,销售经理,销售部,1\n3,张伟,销售代表,销售部,2\n4,刘洋,销售代表,销售部,2\n';
    writeFileSync(path.join(dir, 'people.csv'), Buffer.from(encodeGb18030(csv)));
    const r = orgc(['import', 'people.csv', '--lang', 'zh-CN'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✔ org\.yaml：4 人，3 个岗位，1 个部门，0 个区域\n1 处未能映射：\n {2}! people\.csv 不是 UTF-8，已按 GB18030 读取\n$/);
    const draft = jsYaml.load(readFileSync(path.join(dir, 'org.yaml'), 'utf8')) as any;
    expect(draft.org.language).toBe('zh-CN');
    expect(draft.roles).toEqual({
      'role-1': { title: '销售总监', level: 'strategic', family: 'department-1', headcount: 1 },
      'role-2': { title: '销售经理', level: 'tactical', family: 'department-1', reports_to: 'role-1', headcount: 1 },
      'role-3': { title: '销售代表', level: 'frontline', family: 'department-1', reports_to: 'role-2', headcount: 2 },
    });
    expect(Object.values(draft.people).map((p: any) => p.name)).toEqual(['王芳', '李娜', '张伟', '刘洋']);
    expect(validate(path.join(dir, 'org.yaml')).filter((d) => core.has(d.ruleId))).toEqual([]);
  });

  it('reports what it cannot map: ambiguous managers, same-title lines, circles, several tops', () => {
    const dir = tmp();
    writeFileSync(
      path.join(dir, 'people.csv'),
      [
        'name,title,manager',
        'Ann,Head,',
        'Bob,Lead,Ann',
        'Cy,Lead,Bob',
        'Dee,Rep,Bob',
        'Dee,Rep,Bob',
        'Eve,Rep,Dee',
        'Fay,Analyst,Gus',
        'Gus,Auditor,Fay',
        'Hal,Loner,',
      ].join('\n'),
    );
    const r = orgc(['import', 'people.csv', '--out', '-'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      [
        '✔ stdout: 9 people, 6 roles, 0 departments, 0 regions',
        '4 things not mapped:',
        "  ! row 6: Eve's manager Dee is ambiguous: 2 people have that name (add an id column)",
        // One lead reports to the head, one to the other lead: a role cannot report to itself.
        '  ! people in role lead report to several roles: chose head (1) over lead (1)',
        '  ! titles report to each other in a circle: the line from analyst to auditor is left out',
        '  ! 3 roles report to no one: head, analyst, loner (an org has one top role)',
        '',
      ].join('\n'),
    );
    writeFileSync(path.join(dir, 'leads.csv'), 'name,title,manager\nAnn,Lead,\nBob,Lead,Ann\nCy,Rep,Bob\n');
    expect(orgc(['import', 'leads.csv', '--out', '-'], { cwd: dir }).stderr).toContain(
      '  ! people titled Lead report to others with the same title: role lead is drawn without that line (split it into a lead and a member role)\n',
    );
    // The YAML went to stdout and still loads.
    writeFileSync(path.join(dir, 'draft.yaml'), r.stdout);
    expect(validate(path.join(dir, 'draft.yaml')).filter((d) => core.has(d.ruleId))).toEqual([]);
  });

  it('takes column names from options, and refuses what it cannot use', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'p.csv'), 'Person,Position Name,Boss\nAnn,Head,\nBob,Rep,Ann\n');
    expect(orgc(['import', 'p.csv'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringMatching(/^orgc: p\.csv: no name column: name one with --name-column/) });
    expect(orgc(['import', 'p.csv', '--name-column', 'Person', '--title-column', 'Position Name', '--manager-column', 'Boss'], { cwd: dir }).code).toBe(0);
    expect((jsYaml.load(readFileSync(path.join(dir, 'org.yaml'), 'utf8')) as any).roles.rep.reports_to).toBe('head');
    expect(orgc(['import', 'p.csv', '--name-column', 'Person', '--title-column', 'Position Name'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'orgc: not overwriting org.yaml (use --force, or --out another file)\n' });
    expect(orgc(['import', 'p.csv', '--name-column', 'Nope'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringMatching(/no column 'Nope' in the header/) });
    expect(orgc(['import', 'missing.csv'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'orgc: cannot read missing.csv: no such file\n' });
  });
});

/** GB18030 bytes for the characters of the test. */
function encodeGb18030(text: string): Uint8Array {
  // Node decodes GB18030 but encodes only UTF-8; map the test's characters by hand.
  const table: Record<string, number[]> = { 工: [0xb9, 0xa4], 号: [0xba, 0xc5], 姓: [0xd0, 0xd5], 名: [0xc3, 0xfb], 职: [0xd6, 0xb0], 位: [0xce, 0xbb], 部: [0xb2, 0xbf], 门: [0xc3, 0xc5], 上: [0xc9, 0xcf], 级: [0xbc, 0xb6], 王: [0xcd, 0xf5], 芳: [0xb7, 0xbc], 销: [0xcf, 0xfa], 售: [0xca, 0xdb], 总: [0xd7, 0xdc], 监: [0xbc, 0xe0], 李: [0xc0, 0xee], 娜: [0xc4, 0xc8], 经: [0xbe, 0xad], 理: [0xc0, 0xed], 张: [0xd5, 0xc5], 伟: [0xce, 0xb0], 代: [0xb4, 0xfa], 表: [0xb1, 0xed], 刘: [0xc1, 0xf5], 洋: [0xd1, 0xf3] };
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else if (table[ch]) out.push(...table[ch]);
    else throw new Error(`no GB18030 bytes for ${ch} in the test table`);
  }
  // Checked against the platform's decoder, so a wrong table entry fails here, not in orgc.
  expect(new TextDecoder('gb18030').decode(Uint8Array.from(out))).toBe(text);
  return Uint8Array.from(out);
}
