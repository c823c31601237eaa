// Job descriptions a recruiter could post (issue 17): the header fields, numbered duties with the
// RACI as a side note, informed-only duties apart, requirements as sentences, numbers in the
// reader's language; the schema.org JobPosting export checked against Google's required
// properties for every role of the example; the Word files read back.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { orgc, ROOT } from '../helpers/cli.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'orgc-jd-'));
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

function renderJd(org: string, lang: string): string {
  const out = tmp();
  const r = orgc(['render', org, '--only', 'jd', '--lang', lang, '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  return out;
}

/** The example, whose East China sales reps are on the seller band (examples/sales-org/pay.yaml: 22万–35万 CNY). */
function withPayBand(): string {
  return `${ROOT}examples/sales-org`;
}

describe('job descriptions read like a posting', () => {
  const zh = renderJd('examples/sales-org', 'zh-CN');
  const en = renderJd('examples/sales-org', 'en');

  it('opens with the fields of a 岗位说明书 and of an English posting', () => {
    const director = read(zh, 'roles/sales-director.md');
    for (const field of ['岗位名称', '所属部门', '直接下级', '工作地点', '工作性质', '学历要求', '## 岗位目的', '## 岗位职责', '## 任职资格', '## 工作关系', '## 权限']) {
      expect(director, field).toContain(field);
    }
    expect(read(zh, 'roles/sales-rep.md')).toContain('- **直接上级**：[华东区域销售经理](regional-manager-east.md)');
    expect(read(zh, 'roles/sales-rep.md')).toMatch(/## 晋升通道\n\n\[销售顾问\]\(sales-consultant\.md\) → \[华东区域销售经理\]\(regional-manager-east\.md\)/);
    const rep = read(en, 'roles/sales-rep.md');
    expect(rep).toContain('- **Location**: Shanghai; Hangzhou, Zhejiang; Nanjing, Jiangsu\n');
    expect(rep).toContain('- **Employment type**: Full-time\n');
    expect(rep).toContain('- **Department**: East China Sales Department\n');
  });

  it('numbers duties as sentences with the RACI as a side note, and keeps informed-only duties out of 岗位职责', () => {
    const director = read(zh, 'roles/sales-director.md');
    expect(director).toContain('1. 制定销售战略与年度计划：承接公司收入、利润与市场份额目标，制定销售战略。 <sub>（负责执行、最终负责）</sub>');
    const duties = director.slice(director.indexOf('## 岗位职责'), director.indexOf('## 知会事项'));
    expect(duties).not.toContain('谈判并签订合同');
    expect(director).toMatch(/## 知会事项\n\n- 谈判并签订合同（合同签订）\n/);
    expect(read(en, 'roles/sales-director.md')).toMatch(/## Kept informed of\n\n- Negotiate and sign contracts \(Contract signing\)\n/);
  });

  it('writes requirements as recruiting sentences, not a competency table', () => {
    const rep = read(zh, 'roles/sales-rep.md');
    expect(rep).toContain('- 1 年以上相关工作经验。\n');
    expect(rep).toContain('- 熟练掌握需求洞察、方案销售、谈判能力、沟通表达。\n');
    expect(rep).toContain('- 大专及以上学历。\n');
    expect(rep).not.toMatch(/等级 \d/);
    const enRep = read(en, 'roles/sales-rep.md');
    expect(enRep).toContain('- At least 1 year of relevant experience.\n');
    expect(enRep).not.toContain('1 years');
  });

  it('prints numbers and units in the reader\'s language', () => {
    const zhDirector = read(zh, 'roles/sales-director.md');
    expect(zhDirector).toContain('**1.2亿元**');
    expect(zhDirector).not.toMatch(/\d+(\.\d+)?[KMB] CNY/);
    const enDirector = read(en, 'roles/sales-director.md');
    expect(enDirector).toContain('**CNY 120M**');
    expect(enDirector).toContain('**CNY 18M**');
    expect(enDirector).not.toMatch(/[万亿]|\\\./);
  });

  it('shows the pay band\'s yearly base range', () => {
    const org = withPayBand();
    expect(read(renderJd(org, 'zh-CN'), 'roles/sales-rep.md')).toContain('- **薪酬范围（年度基本工资）**：22万–35万元\n');
    expect(read(renderJd(org, 'en'), 'roles/sales-rep.md')).toContain('- **Base pay range, yearly**: CNY 220K–350K\n');
  });

  it('reports a career path to a role that does not exist', () => {
    const dir = path.join(tmp(), 'org');
    cpSync(`${ROOT}examples/quickstart`, dir, { recursive: true });
    const file = path.join(dir, 'org.yaml');
    writeFileSync(file, read(file, '').replace('career_path: [sales-director]', 'career_path: [sales-directr]'));
    const r = orgc(['validate', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/unknown-reference/);
    expect(r.stdout).toContain('sales-director');
  });
});

// Google's required properties for a JobPosting, and the form it wants them in.
function checkGoogleRequired(posting: Record<string, any>, where: string): void {
  expect(posting['@context'], where).toBe('https://schema.org/');
  expect(posting['@type'], where).toBe('JobPosting');
  expect(typeof posting.title === 'string' && posting.title.length > 0, `${where}: title`).toBe(true);
  expect(typeof posting.description === 'string' && /<(p|ol|ul)>/.test(posting.description), `${where}: description as HTML`).toBe(true);
  expect(posting.datePosted, `${where}: datePosted`).toMatch(/^\d{4}-\d{2}-\d{2}/);
  expect(posting.hiringOrganization?.['@type'], `${where}: hiringOrganization`).toBe('Organization');
  expect(posting.hiringOrganization?.name, `${where}: hiringOrganization.name`).toBeTruthy();
  const places = posting.jobLocation ?? [];
  const remote = posting.jobLocationType === 'TELECOMMUTE' && (posting.applicantLocationRequirements ?? []).length > 0;
  expect(remote || places.length > 0, `${where}: jobLocation or applicantLocationRequirements + jobLocationType`).toBe(true);
  for (const p of places) {
    expect(p['@type'], where).toBe('Place');
    expect(p.address?.['@type'], where).toBe('PostalAddress');
    expect(p.address?.addressCountry, where).toMatch(/^[A-Z]{2}$/);
    expect(p.address?.addressLocality, where).toBeTruthy();
  }
}

describe('--format jobposting', () => {
  it('writes a JobPosting with Google\'s required properties for every role of the example, and an index', () => {
    for (const lang of ['zh-CN', 'en']) {
      const out = tmp();
      const r = orgc(['render', 'examples/sales-org', '--format', 'jobposting', '--lang', lang, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      const index = JSON.parse(read(out, 'index.json'));
      expect(index.postings.length).toBe(readdirSync(path.join(out, 'roles')).length);
      expect(index.postings.length).toBeGreaterThanOrEqual(18);
      for (const entry of index.postings) {
        const posting = JSON.parse(read(out, entry.file));
        checkGoogleRequired(posting, `${lang} ${entry.file}`);
        expect(posting.identifier).toEqual({ '@type': 'PropertyValue', name: expect.any(String), value: entry.id });
        expect(posting.employmentType).toEqual(['FULL_TIME']);
        expect(posting.inLanguage).toBe(lang);
      }
    }
  });

  it('fills baseSalary from the pay band, yearly, and the recommended properties it can', () => {
    const out = tmp();
    expect(orgc(['render', withPayBand(), '--format', 'jobposting', '--lang', 'en', '--out', out]).code).toBe(0);
    const rep = JSON.parse(read(out, 'roles/sales-rep.jsonld'));
    expect(rep.baseSalary).toEqual({ '@type': 'MonetaryAmount', currency: 'CNY', value: { '@type': 'QuantitativeValue', minValue: 220000, maxValue: 350000, unitText: 'YEAR' } });
    expect(rep.validThrough).toBe('2027-03-31');
    expect(rep.educationRequirements).toEqual({ '@type': 'EducationalOccupationalCredential', credentialCategory: 'associate degree' });
    expect(rep.description).toContain('<h3>Responsibilities</h3><ol><li>Discover and diagnose customer needs.</li>');
    const director = JSON.parse(read(out, 'roles/sales-director.jsonld'));
    expect(director.baseSalary.value).toMatchObject({ minValue: 900000, maxValue: 1400000 });
    expect(director.jobLocation[0].address.streetAddress).toBe('1000 Zhangjiang Road, Pudong');
  });

  it('maps a remote job to TELECOMMUTE with the countries applicants may live in', () => {
    const out = tmp();
    expect(orgc(['render', 'examples/quickstart/org.yaml', '--format', 'jobposting', '--out', out]).code).toBe(0);
    const csm = JSON.parse(read(out, 'roles/customer-success-manager.jsonld'));
    expect(csm.jobLocationType).toBe('TELECOMMUTE');
    expect(csm.applicantLocationRequirements).toEqual([{ '@type': 'Country', name: 'US' }]);
    expect(csm.jobLocation).toBeUndefined();
    checkGoogleRequired(csm, 'quickstart customer-success-manager');
  });

  it('names each missing required property and the role, in en and zh-CN, and writes nothing without --force', () => {
    const dir = path.join(tmp(), 'org');
    cpSync(`${ROOT}examples/quickstart`, dir, { recursive: true });
    const file = path.join(dir, 'org.yaml');
    writeFileSync(file, read(file, '').replace("    posted: '2027-01-04'\n", '').replace('location: { work: remote, remote_in: [US] }', 'location: { work: remote }'));
    const out = path.join(tmp(), 'out');
    const en = orgc(['render', dir, '--format', 'jobposting', '--lang', 'en', '--out', out]);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain("every job posting lacks datePosted: add `posted: 'YYYY-MM-DD'` under `jobs:` in `org:`");
    expect(en.stderr).toContain('role Customer Success Manager (customer-success-manager): the remote job posting lacks applicantLocationRequirements: add `remote_in: [CN]`');
    expect(existsSync(out)).toBe(false);
    const zh = orgc(['render', dir, '--format', 'jobposting', '--lang', 'zh-CN', '--out', out]);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('岗位 客户成功经理 (customer-success-manager)：远程职位发布缺少 applicantLocationRequirements');
    expect(zh.stderr).toContain('未生成职位发布');
    const forced = orgc(['render', dir, '--format', 'jobposting', '--force', '--out', out]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(read(out, 'roles/sales-rep.jsonld')).datePosted).toBeUndefined();
  });

  it('reports a role without any place to work', () => {
    const dir = path.join(tmp(), 'org');
    cpSync(`${ROOT}examples/quickstart`, dir, { recursive: true });
    const file = path.join(dir, 'org.yaml');
    writeFileSync(file, read(file, '').replace(/    location:\n      places: \[[^\n]+\n/, ''));
    const r = orgc(['render', dir, '--format', 'jobposting', '--lang', 'en', '--out', path.join(tmp(), 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('role Sales Director (sales-director): the job posting lacks jobLocation: add `location:');
    expect(r.stderr).not.toContain('(customer-success-manager)');
  });
});

/** Markdown source text as a reader sees it: escapes and entities undone. */
const plain = (md: string) => md.replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The text of each paragraph of a Word document, runs joined. */
function paragraphs(docx: Uint8Array): string[] {
  const xml = new TextDecoder().decode(unzipSync(docx)['word/document.xml']);
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1])).join(''));
}

describe('--format docx', () => {
  it('writes a Word job description per role that reads back with its title, duties and requirements, the same bytes every run', () => {
    for (const lang of ['zh-CN', 'en']) {
      const out = tmp();
      const r = orgc(['render', 'examples/sales-org', '--format', 'docx', '--lang', lang, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      const md = renderJd('examples/sales-org', lang);
      const roles = readdirSync(path.join(md, 'roles')).filter((f) => f.endsWith('.md'));
      expect(readdirSync(path.join(out, 'roles')).sort()).toEqual(roles.map((f) => f.replace(/\.md$/, '.docx')).sort());
      for (const file of roles) {
        const page = read(md, `roles/${file}`);
        const title = /^# (.+)$/m.exec(page)![1];
        const duties = [...page.matchAll(/^(\d+\. .+?) <sub>/gm)].map((m) => m[1]);
        const qualifications = page.includes('## ') ? [...(page.split(/\n## /).find((s) => s.startsWith(lang === 'en' ? 'Qualifications' : '任职资格')) ?? '').matchAll(/^- (.+)$/gm)].map((m) => m[1]) : [];
        const docx = readFileSync(path.join(out, 'roles', file.replace(/\.md$/, '.docx')));
        const text = paragraphs(docx);
        expect(text[0], file).toBe(title);
        for (const duty of duties) expect(text.some((p) => p.startsWith(plain(duty))), `${file}: ${duty}`).toBe(true);
        for (const q of qualifications) expect(text, `${file}: ${q}`).toContain(plain(q));
        expect(duties.length + qualifications.length, file).toBeGreaterThan(0);
      }
      const again = tmp();
      expect(orgc(['render', 'examples/sales-org', '--format', 'docx', '--lang', lang, '--out', again], { env: { TZ: 'Pacific/Auckland' } }).code).toBe(0);
      for (const f of readdirSync(path.join(out, 'roles'))) expect(readFileSync(path.join(again, 'roles', f)).equals(readFileSync(path.join(out, 'roles', f))), f).toBe(true);
    }
  });

  it('stamps the posting date, not the clock, as the documents\' creation date', () => {
    const out = tmp();
    expect(orgc(['render', 'examples/quickstart/org.yaml', '--format', 'docx', '--out', out]).code).toBe(0);
    const core = new TextDecoder().decode(unzipSync(readFileSync(path.join(out, 'roles', 'sales-rep.docx')))['docProps/core.xml']);
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2027-01-04T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2027-01-04T00:00:00Z</dcterms:modified>');
  });
});
