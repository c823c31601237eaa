// Which language a run speaks: --lang, the config's lang, the user's locale, the org's default, English.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseLanguage, langFlag, localeLanguage, uiLanguage } from '../../src/i18n/lang.js';
import { orgc, ROOT } from '../helpers/cli.js';

describe('chooseLanguage', () => {
  const zhLocale = { LANG: 'zh_CN.UTF-8' };
  it('takes --lang over everything else', () => {
    expect(chooseLanguage({ flag: 'en', config: 'zh-CN', env: zhLocale, org: 'zh-CN' })).toBe('en');
    expect(chooseLanguage({ flag: 'zh-TW', config: 'en', env: { LANG: 'en_US.UTF-8' }, org: 'en' })).toBe('zh-TW');
  });
  it('takes the config over the locale and the org', () => {
    expect(chooseLanguage({ config: 'zh-CN', env: { LANG: 'en_US.UTF-8' }, org: 'en' })).toBe('zh-CN');
  });
  it('takes the locale over the org default', () => {
    expect(chooseLanguage({ env: { LANG: 'en_US.UTF-8' }, org: 'zh-CN' })).toBe('en');
    expect(chooseLanguage({ env: { LANG: 'zh_TW.UTF-8' }, org: 'en' })).toBe('zh-TW');
  });
  it('falls back to the org default, then English', () => {
    expect(chooseLanguage({ env: {}, org: 'zh-CN' })).toBe('zh-CN');
    expect(chooseLanguage({ env: {} })).toBe('en');
    expect(chooseLanguage({})).toBe('en');
  });
  it('leaves the locale out when no environment is given (files that must not depend on the machine)', () => {
    expect(chooseLanguage({ org: 'zh-CN' })).toBe('zh-CN');
  });
});

describe('localeLanguage', () => {
  it('reads LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(localeLanguage({ LC_ALL: 'zh_TW.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('zh-TW');
    expect(localeLanguage({ LC_MESSAGES: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(localeLanguage({ LANG: 'zh_CN.GB18030' })).toBe('zh-CN');
  });
  it('passes over C, POSIX and empty values', () => {
    expect(localeLanguage({ LC_ALL: 'C', LC_MESSAGES: 'POSIX', LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(localeLanguage({ LC_ALL: '', LANG: 'C.UTF-8' })).toBeUndefined();
    expect(localeLanguage({})).toBeUndefined();
  });
  it('maps locale names to the languages orgc ships', () => {
    expect(uiLanguage('zh_HK.UTF-8')).toBe('zh-TW');
    expect(uiLanguage('zh-Hant')).toBe('zh-TW');
    expect(uiLanguage('zh_SG')).toBe('zh-CN');
    expect(uiLanguage('fr_FR.UTF-8')).toBe('en');
    expect(uiLanguage('zhx')).toBe('en');
  });
});

describe('langFlag', () => {
  it('reads --lang in both forms', () => {
    expect(langFlag(['validate', '--lang', 'zh-CN'])).toBe('zh-CN');
    expect(langFlag(['validate', '--lang=zh-TW', 'org'])).toBe('zh-TW');
    expect(langFlag(['validate', 'org'])).toBeUndefined();
  });
});

describe('the CLI', () => {
  const sales = `${ROOT}examples/sales-org`; // org.language: zh-CN
  it("speaks the reader's locale before the org's default language", () => {
    const en = orgc(['validate', sales], { env: { LANG: 'en_US.UTF-8' } });
    expect(en.stdout).toMatch(/^✔ no problems in \d+ files\n$/);
    const org = orgc(['validate', sales], { env: { LANG: 'C.UTF-8' } });
    expect(org.stdout).toMatch(/^✔ \d+ 个文件，没有发现问题\n$/);
    const flag = orgc(['validate', sales, '--lang=zh-CN'], { env: { LC_ALL: 'en_US.UTF-8' } });
    expect(flag.stdout).toMatch(/没有发现问题/);
  });

  it("takes the config's lang over the locale, for every command", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'orgc-lang-'));
    cpSync(`${ROOT}examples/quickstart/org.yaml`, path.join(dir, 'org.yaml'));
    writeFileSync(path.join(dir, 'orgc.config.yaml'), 'extends: recommended\nlang: zh-CN\n');
    const env = { LANG: 'en_US.UTF-8' };
    expect(orgc(['validate'], { cwd: dir, env }).stdout).toMatch(/没有发现问题/);
    expect(orgc(['rules'], { cwd: dir, env }).stdout).toMatch(/^规则/);
    expect(orgc(['explain', 'orphan-duty'], { cwd: dir, env }).stdout).toMatch(/^# orphan-duty\n\n> 没有任何岗位/);
  });

  it('words config errors in the language of --lang=…', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'orgc-lang-'));
    cpSync(`${ROOT}examples/quickstart/org.yaml`, path.join(dir, 'org.yaml'));
    writeFileSync(path.join(dir, 'orgc.config.yaml'), 'extends: recommended\nrulez: {}\n');
    const r = orgc(['validate', '--lang=zh-CN'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
    expect(r.stderr).not.toMatch(/unknown key|is not/i);
  });
});

describe('counted words', () => {
  it('agree with the count in English and stay plain in Chinese', async () => {
    const { plural, resolvePlurals } = await import('../../src/i18n/plural.js');
    const years = { one: '# year', other: '# years' };
    expect([0, 1, 2].map((n) => plural(n, 'en', years))).toEqual(['0 years', '1 year', '2 years']);
    expect(plural(1, 'zh-CN', { other: '# 年' })).toBe('1 年');
    const t = '{n, plural, one {# direct report of {role}} other {# direct reports of {role}}}';
    expect(resolvePlurals(t, { n: 1 }, 'en')).toBe('1 direct report of {role}');
    expect(resolvePlurals(t, { n: 3 }, 'en')).toBe('3 direct reports of {role}');
    expect(resolvePlurals(t, {}, 'en')).toBe(t);
  });
});

describe('names in messages', () => {
  it("name people and roles in the reader's language, with the id", async () => {
    const { formatMessage } = await import('../../src/i18n/format.js');
    const messages = { m: { en: '{person} has {years, plural, one {# year} other {# years}} of experience; {role} requires {required}', 'zh-CN': '{person} 有 {years} 年经验；{role} 要求 {required} 年' } };
    const data = {
      person: { id: 'li-na', name: '李娜', lang: 'zh-CN' },
      role: { id: 'sales-manager', name: { en: 'Sales Manager', 'zh-CN': '销售经理' }, lang: 'zh-CN' },
      years: 1,
      required: 3,
    };
    expect(formatMessage(messages, 'm', data, 'en')).toBe('李娜 (li-na) has 1 year of experience; Sales Manager (sales-manager) requires 3');
    expect(formatMessage(messages, 'm', data, 'zh-CN')).toBe('李娜 (li-na) 有 1 年经验；销售经理 (sales-manager) 要求 3 年');
    // zh-TW: orgc's words in Traditional, the org's own names as written.
    expect(formatMessage(messages, 'm', data, 'zh-TW')).toBe('李娜 (li-na) 有 1 年經驗；销售经理 (sales-manager) 要求 3 年');
    expect(formatMessage(messages, 'm', { ...data, person: { id: 'li-na', lang: 'en' } }, 'en')).toMatch(/^li-na has/);
  });
});

describe('no English lines inside Chinese runs', () => {
  /** Lines with English words that are not code (`--force`, ids, paths, YAML). */
  const english = (text: string) =>
    text
      .split('\n')
      .filter((l) => /\b(?:the|is|not|has|to|of|no)\b/.test(l.replace(/`[^`]*`|--[\w-]+|\S+\.(?:ya?ml|csv)\b/g, '')) && !/^\s*\d+ \|/.test(l));

  it('render refuses in Chinese; import reports in Chinese for a Chinese export; usage errors are Chinese', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'orgc-zh-'));
    cpSync(`${ROOT}examples/sales-org`, path.join(dir, 'org'), { recursive: true });
    writeFileSync(path.join(dir, 'org', 'extra.yaml'), 'orgc: 1\nroles:\n  lonely:\n    title: 孤立岗位\n    level: frontline\n    reports_to: sales-manager\n');
    const render = orgc(['render', 'org'], { cwd: dir });
    expect(render.code).toBe(1);
    expect(render.stderr).toMatch(/组织设计有错误：未渲染任何文件/);
    expect(english(render.stderr)).toEqual([]);

    writeFileSync(path.join(dir, 'p.csv'), '工号,姓名,职位,上级工号\nE1,王芳,销售总监,\nE2,罗燕,销售经理,E0999\n');
    const draft = orgc(['import', 'p.csv', '--out', 'draft.yaml'], { cwd: dir });
    expect(draft.code).toBe(0);
    expect(draft.stdout).toMatch(/罗燕 的上级 E0999 不在文件中/);
    expect(english(draft.stdout)).toEqual([]);

    expect(orgc(['validate', 'org', '--lang', 'zh-CN', '--max-warnings', 'x'], { cwd: dir }).stderr).toMatch(/^orgc: --max-warnings 的值应为/);
    expect(orgc(['import', 'nope.csv', '--lang', 'zh-CN'], { cwd: dir }).stderr).toBe('orgc: 无法读取 nope.csv：文件不存在\n');
    expect(orgc(['explain', 'orphan-dutty', '--lang', 'zh-CN']).stderr).toMatch(/^orgc: 没有规则 “orphan-dutty”；是不是 “orphan-duty”？/);
  });
});

describe('message ids', () => {
  // `npm run typecheck` (part of `npm test`) fails when an unknown id stops being a type error.
  it('are checked by the type checker, for rules and for the CLI', async () => {
    const { defineRule } = await import('../../src/check/rule.js');
    const { say } = await import('../../src/i18n/cli.js');
    const reported: string[] = [];
    const rule = defineRule({
      meta: { id: 'x', description: { en: 'X.', 'zh-CN': 'X。' }, severity: 'warning', recommended: false, options: {}, messages: { known: { en: 'known', 'zh-CN': '已知' } } },
      check({ report }) {
        report({ messageId: 'known', at: { file: 'f', offset: 0 } });
        // @ts-expect-error: the rule has no message 'unknown'
        report({ messageId: 'unknown', at: { file: 'f', offset: 0 } });
      },
    });
    rule.check({ model: {} as never, options: {}, report: (f) => reported.push(f.messageId) });
    expect(reported).toEqual(['known', 'unknown']);
    // @ts-expect-error: the CLI has no message 'no-such-message'
    expect(say('no-such-message', 'en')).toBe('no-such-message');
  });
});

describe('diff matches findings by what they say, not their wording', () => {
  it('keeps the finding of a role whose title changed', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'orgc-retitle-'));
    const org = readFileSync(`${ROOT}examples/quickstart/org.yaml`, 'utf8');
    const lonely = (title: string) => org.replace('\nroles:\n', `\nroles:\n  lonely:\n    title: ${title}\n    level: frontline\n    reports_to: sales-manager\n`);
    writeFileSync(path.join(dir, 'base.yaml'), lonely('Assistant'));
    writeFileSync(path.join(dir, 'head.yaml'), lonely('Sales Assistant'));
    const r = JSON.parse(orgc(['diff', 'base.yaml', 'head.yaml', '--format', 'json'], { cwd: dir }).stdout);
    expect(r.head.loads).toBe(true);
    expect(r.head.counts.error).toBeGreaterThan(0);
    expect(orgc(['validate', 'head.yaml'], { cwd: dir }).stdout).toMatch(/role Sales Assistant \(lonely\) has no duties/);
    expect(r.findings).toEqual({ introduced: [], fixed: [] });
  });
});
