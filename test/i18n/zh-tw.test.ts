// zh-TW is Traditional Chinese everywhere: every line orgc prints in zh-TW, run on a copy of the
// example whose own text is made Traditional too, has no Simplified-only character left. What
// remains Simplified can then only be orgc's own words.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { orgc, ROOT } from '../helpers/cli.js';

const { Converter } = createRequire(import.meta.url)('opencc-js/cn2t') as { Converter: (o: { from: string; to: string }) => (s: string) => string };
const toTraditional = Converter({ from: 'cn', to: 'tw' });

/**
 * Characters of orgc's Simplified messages that Traditional Chinese writes otherwise (组 → 組),
 * leaving out those that are also Traditional in some words (后, 台, 于, 余, 准, 采, 占, 范, 划, 么), and
 * 亿, which the copy keeps in its amounts (`1.8亿 CNY`: quantities take 亿, not 億, so far).
 */
const SIMPLIFIED_ONLY = new Set(
  '万销总监区华东谈线筛选获与岗转来结构户诉复盘会钉动态调个两声组织写维没称认语级请该实汇报关环标务过为属经许错误这号闭输则读缩进换从开键们对齐层单并签档际别减锚点内编码处节现义头应当数连断独时长钟额将样条运确项无还类问题释规检发职责册录览阵说书阶虚业围骤体担验给参频统间负员计执图盖况设据团队页战链营续赋终咨询润场门词测补删办贵预启顾产创变装视择树导临暂国广汉庆苏专师议决载较顺叠却权块仅扩达记联尔详细见尽',
);

function simplifiedIn(text: string): string[] {
  const lines = text.split('\n').filter((line) => [...line].some((c) => SIMPLIFIED_ONLY.has(c)));
  return lines.slice(0, 5);
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

let clean: string;
let broken: string;
beforeAll(() => {
  const work = mkdtempSync(path.join(tmpdir(), 'orgc-zh-tw-'));
  clean = path.join(work, 'clean');
  cpSync(`${ROOT}examples/sales-org`, clean, { recursive: true });
  for (const f of files(clean).filter((f) => f.endsWith('.yaml'))) writeFileSync(f, toTraditional(readFileSync(f, 'utf8')));
  // The same org with design mistakes: a person short of experience, a role without duties, a duty
  // nobody does, a reference to a role that is not there.
  broken = path.join(work, 'broken');
  cpSync(clean, broken, { recursive: true });
  const people = path.join(broken, 'people.yaml');
  writeFileSync(people, readFileSync(people, 'utf8').replace(/(li-na:\n(?:.*\n)*?\s+experience: )5y/, '$11y'));
  writeFileSync(
    path.join(broken, 'extra.yaml'),
    'orgc: 1\nduties:\n  audit-deals: { name: 審計交易, area: enablement }\nroles:\n  deal-auditor:\n    title: 交易審計員\n    level: frontline\n    reports_to: sales-manager\n    headcount: 1\n  lonely:\n    title: 孤立崗位\n    level: frontline\n    reports_to: sales-manger\n',
  );
}, 60_000);

describe('zh-TW output', () => {
  it('validate: findings, summary and code frames', () => {
    const r = orgc(['validate', broken, '--lang', 'zh-TW']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/錯誤/);
    expect(simplifiedIn(r.stdout + r.stderr)).toEqual([]);
  });

  it('validate: design findings once the references are right', () => {
    const extra = path.join(broken, 'extra.yaml');
    const before = readFileSync(extra, 'utf8');
    writeFileSync(extra, before.replace('sales-manger', 'sales-manager'));
    try {
      const r = orgc(['validate', broken, '--lang', 'zh-TW']);
      expect(r.stdout).toMatch(/orphan-duty|role-without-duties/);
      expect(simplifiedIn(r.stdout + r.stderr)).toEqual([]);
      const json = orgc(['render', broken, '--lang', 'zh-TW', '--out', path.join(broken, '..', 'forced'), '--force']);
      expect(simplifiedIn(json.stdout + json.stderr)).toEqual([]);
    } finally {
      writeFileSync(extra, before);
    }
  });

  it('render: the refusal, and every page of the handbook', () => {
    const refused = orgc(['render', broken, '--lang', 'zh-TW', '--out', path.join(broken, '..', 'none')]);
    expect(refused.code).toBe(1);
    expect(simplifiedIn(refused.stderr)).toEqual([]);
    const out = path.join(clean, '..', 'handbook');
    const r = orgc(['render', clean, '--lang', 'zh-TW', '--out', out]);
    expect(r.code).toBe(0);
    expect(simplifiedIn(r.stdout + r.stderr)).toEqual([]);
    for (const f of files(out).filter((f) => f.endsWith('.md'))) expect(simplifiedIn(readFileSync(f, 'utf8')), f).toEqual([]);
  });

  it('rules and explain', () => {
    const rules = orgc(['rules', '--lang', 'zh-TW']);
    expect(rules.stdout).toMatch(/^規則/);
    expect(simplifiedIn(rules.stdout)).toEqual([]);
    const explain = orgc(['explain', 'person-fit', '--lang', 'zh-TW']);
    expect(simplifiedIn(explain.stdout)).toEqual([]);
    const unknown = orgc(['explain', 'person-fitt', '--lang', 'zh-TW']);
    expect(unknown.code).toBe(2);
    expect(simplifiedIn(unknown.stderr)).toEqual([]);
  });

  it('import: the report, the draft and its errors', () => {
    const dir = path.join(clean, '..');
    writeFileSync(path.join(dir, 'people.csv'), '工號,姓名,職位,上級工號\nE1,王芳,銷售總監,\nE2,羅燕,銷售經理,E0999\nE3,張偉,銷售代表,E2\n');
    // The importer knows the Simplified headers (职位, 工号) by themselves; Traditional ones are named.
    const columns = ['--title-column', '職位', '--id-column', '工號', '--manager-id-column', '上級工號'];
    const r = orgc(['import', 'people.csv', '--lang', 'zh-TW', '--out', 'draft.yaml', ...columns], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/羅燕 的上級 E0999 不在檔案中/);
    expect(simplifiedIn(r.stdout + r.stderr)).toEqual([]);
    expect(simplifiedIn(readFileSync(path.join(dir, 'draft.yaml'), 'utf8'))).toEqual([]);
    writeFileSync(path.join(dir, 'bad.csv'), 'a,b\n1,2\n');
    const bad = orgc(['import', 'bad.csv', '--lang', 'zh-TW', '--out', 'bad.yaml'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(simplifiedIn(bad.stderr)).toEqual([]);
  });

  it('diff', () => {
    for (const format of ['text', 'md']) {
      const r = orgc(['diff', clean, broken, '--lang', 'zh-TW', '--format', format]);
      expect(r.stdout).toMatch(/新增/);
      expect(simplifiedIn(r.stdout + r.stderr)).toEqual([]);
    }
  });
});
