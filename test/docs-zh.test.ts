// The Chinese rule pages (docs/rules/zh-CN/<id>.md) say what the English ones say: every check has
// one, headed by the check's own Chinese description and severity, with the same sections in the
// same order, the very same examples (so test/docs.test.ts, which runs the English page's, vouches
// for them) and every option with its default. `orgc explain --lang zh-CN` prints the page;
// `--lang zh-TW` prints it in Traditional characters.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../src/report/catalogue.js';
import { RULES } from '../src/check/rules/index.js';
import { explainCommand } from '../src/cli/commands/explain.js';
import type { Io } from '../src/cli/output.js';
import { say } from '../src/i18n/cli.js';
import { orgc, ROOT } from './helpers/cli.js';

const dir = `${ROOT}docs/rules`;
const english = (id: string) => readFileSync(`${dir}/${id}.md`, 'utf8');
const chinese = (id: string) => readFileSync(`${dir}/zh-CN/${id}.md`, 'utf8');

/** The sections of a page, English names for both languages. */
const SECTIONS: Record<string, string> = {
  'What it checks': '检查内容',
  'Why it matters': '为什么重要',
  'How to fix': '如何修复',
  'Failing example': '不通过的示例',
  'Passing example': '通过的示例',
  Options: '选项',
};
const headings = (doc: string) => [...doc.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
const examples = (doc: string) => [...doc.matchAll(/```yaml (?:failing|passing)\n[\s\S]*?```/g)].map((m) => m[0]);
/** The page without code blocks, inline code and tables: the prose a reader reads. */
const prose = (doc: string) =>
  doc
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`[^`\n]*`/g, '')
    .split('\n')
    .filter((l) => !l.startsWith('|') && !l.startsWith('#') && l.trim() !== '');

const { Converter } = createRequire(import.meta.url)('opencc-js/cn2t') as { Converter: (o: { from: string; to: string }) => (s: string) => string };
const toTaiwan = Converter({ from: 'cn', to: 'tw' });
/** Characters OpenCC changes that are Traditional too in some words (see test/i18n/cli-errors.test.ts). */
const ALSO_TRADITIONAL = new Set('后台于只里面干系准制范划采占余么冲志杰');
const simplifiedOnly = (text: string) => [...new Set([...text].filter((c) => /\p{Script=Han}/u.test(c) && !ALSO_TRADITIONAL.has(c) && toTaiwan(c) !== c))];

async function explain(id: string, lang: string): Promise<string> {
  let out = '';
  const io: Io = { stdout: (t) => void (out += t), stderr: () => {}, stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: ROOT };
  expect(await explainCommand(id, { lang }, io)).toBe(0);
  return out;
}

describe('docs/rules/zh-CN', () => {
  it('has a page for every check and no page for anything else', () => {
    expect(readdirSync(`${dir}/zh-CN`).map((f) => f.replace(/\.md$/, '')).sort()).toEqual([...ALL_CHECKS.keys()].sort());
  });

  for (const [id, meta] of ALL_CHECKS) {
    it(`${id}: the check's own head, the English page's sections and examples, in Chinese`, () => {
      const doc = chinese(id);
      const lines = doc.split('\n');
      expect(lines[0]).toBe(`# ${id}`);
      expect(lines[2]).toBe(`> ${meta.description['zh-CN']}`);
      const severity = say(`severity-${meta.severity}`, 'zh-CN');
      const rule = RULES.find((r) => r.meta.id === id)?.meta;
      expect(lines[4]).toBe(meta.core ? say('explain-core', 'zh-CN', { severity }) : say('explain-severity', 'zh-CN', { severity }) + say(rule!.recommended ? 'explain-recommended' : 'explain-strict', 'zh-CN'));
      expect(headings(doc)).toEqual(headings(english(id)).map((h) => SECTIONS[h] ?? `(no translation for "${h}")`));
      expect(examples(doc)).toEqual(examples(english(id)));
      // Written in Chinese: every paragraph and list item has Chinese in it.
      const english_ = prose(doc).filter((l) => !/\p{Script=Han}/u.test(l));
      expect(english_).toEqual([]);
      if (rule) {
        const options = Object.entries<{ default: unknown }>(rule.options);
        if (options.length === 0) expect(doc).toMatch(/## 选项\n\n无。/);
        for (const [name, option] of options) expect(doc).toContain(`| \`${name}\` | \`${JSON.stringify(option.default)}\` |`);
      }
    });
  }

  it('explain prints the Chinese page for zh-CN, the same made Traditional for zh-TW, and the English page for en', async () => {
    for (const id of ALL_CHECKS.keys()) {
      expect(await explain(id, 'zh-CN')).toBe(chinese(id));
      expect(await explain(id, 'en')).toBe(english(id));
      const tw = await explain(id, 'zh-TW');
      expect(tw.split('\n')[0]).toBe(`# ${id}`);
      expect(simplifiedOnly(tw), `${id}:\n${tw}`).toEqual([]);
      expect(headings(tw)).toHaveLength(headings(chinese(id)).length);
    }
  });

  it('explain follows the language order in the built binary: --lang, then the locale', () => {
    expect(orgc(['explain', 'span-of-control', '--lang', 'zh-CN']).stdout).toBe(chinese('span-of-control'));
    const tw = orgc(['explain', 'span-of-control'], { env: { LANG: 'zh_TW.UTF-8' } }).stdout;
    expect(tw).toContain('## 檢查內容');
    expect(tw).toContain('直接下屬');
    expect(orgc(['explain', 'span-of-control'], { env: { LANG: 'zh_TW.UTF-8' } }).stdout).toBe(tw);
    expect(orgc(['explain', 'span-of-control', '--lang', 'en'], { env: { LANG: 'zh_CN.UTF-8' } }).stdout).toBe(english('span-of-control'));
    const rules = JSON.parse(orgc(['rules', '-f', 'json', '--lang', 'zh-CN']).stdout) as { rules: Array<{ id: string; doc: string }> };
    expect(rules.rules.find((r) => r.id === 'layers')?.doc).toBe('docs/rules/zh-CN/layers.md');
  });
});
