// Mistakes of hand-editing YAML, each made once in a valid org: exactly one finding, at the
// mistake, that names it — not the YAML parser's echoes on the correct lines below it. Mending the
// line as the message says gives back the valid org.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { typingMistakes } from '../../src/load/typing-mistakes.js';
import { orgc, ROOT } from '../helpers/cli.js';

const QUICKSTART = readFileSync(`${ROOT}examples/quickstart/org.yaml`, 'utf8');
const SALES_ORG = readFileSync(`${ROOT}examples/sales-org/roles/leadership.yaml`, 'utf8');

interface Mistake {
  name: string;
  base?: string;
  /** The correct text, unique in the base, and how it was mistyped. */
  from: string;
  to: string;
  messageId: string;
  /** Where the one finding is, 1-based. */
  line: number;
  column: number;
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

const MISTAKES: Mistake[] = [
  { name: 'a full-width colon after a role id', from: '  sales-manager:\n', to: '  sales-manager：\n', messageId: 'fullwidth-colon', line: lineOf(QUICKSTART, '  sales-manager:\n'), column: 16 },
  { name: 'a full-width colon after a key, no space', from: '    headcount: 5\n', to: '    headcount：5\n', messageId: 'fullwidth-colon', line: lineOf(QUICKSTART, '    headcount: 5\n'), column: 14 },
  { name: 'a full-width colon and a space', from: '    level: tactical\n', to: '    level： tactical\n', messageId: 'fullwidth-colon', line: lineOf(QUICKSTART, '    level: tactical\n'), column: 10 },
  { name: 'no space after the colon', from: '    headcount: 2\n', to: '    headcount:2\n', messageId: 'colon-space', line: lineOf(QUICKSTART, '    headcount: 2\n'), column: 14 },
  { name: 'a tab for indentation', from: '    level: frontline\n', to: '\tlevel: frontline\n', messageId: 'tab', line: lineOf(QUICKSTART, '    level: frontline\n'), column: 1 },
  {
    name: 'a whole role block indented with tabs',
    from: '    title: { en: Sales Representative, zh-CN: 销售代表 }\n    level: frontline\n    reports_to: sales-manager\n',
    to: '\t\ttitle: { en: Sales Representative, zh-CN: 销售代表 }\n\t\tlevel: frontline\n\t\treports_to: sales-manager\n',
    messageId: 'tab',
    line: lineOf(QUICKSTART, '    title: { en: Sales Representative'),
    column: 1,
  },
  { name: 'a line one space deeper than its siblings', from: '    reports_to: sales-manager\n    headcount: 5\n', to: '    reports_to: sales-manager\n     headcount: 5\n', messageId: 'indent', line: lineOf(QUICKSTART, '    headcount: 5\n'), column: 1 },
  { name: 'a line one space shallower than its siblings', from: '    level: frontline\n', to: '   level: frontline\n', messageId: 'indent', line: lineOf(QUICKSTART, '    level: frontline\n'), column: 1 },
  { name: 'a duty line one space off inside a nested map', from: '      close-deals: R\n', to: '       close-deals: R\n', messageId: 'indent', line: lineOf(QUICKSTART, '      close-deals: R\n'), column: 1 },
  { name: 'full-width spaces for indentation', from: '    level: operations\n', to: '\u3000\u3000level: operations\n', messageId: 'ideographic-space', line: lineOf(QUICKSTART, '    level: operations\n'), column: 1 },
  { name: 'a full-width colon in a Chinese org', base: SALES_ORG, from: '  sales-manager:\n', to: '  sales-manager：\n', messageId: 'fullwidth-colon', line: lineOf(SALES_ORG, '  sales-manager:\n'), column: 16 },
];

function mistype(m: Mistake): string {
  const base = m.base ?? QUICKSTART;
  expect(base.split(m.from).length, `${m.name}: the text to mistype is unique`).toBe(2);
  return base.replace(m.from, m.to);
}

describe('typing mistakes', () => {
  for (const m of MISTAKES) {
    it(`${m.name}: one finding, at the mistake`, () => {
      const findings = typingMistakes('org.yaml', mistype(m));
      expect(findings.map((f) => f.messageId)).toEqual([m.messageId]);
      const text = mistype(m);
      const offset = (findings[0].at as { offset: number }).offset;
      const line = text.slice(0, offset).split('\n').length;
      const column = offset - text.lastIndexOf('\n', offset - 1);
      expect({ line, column }).toEqual({ line: m.line, column: m.column });
    });
  }

  it('through the command: only that finding, in the reader\'s language, and the mended file validates clean', () => {
    const m = MISTAKES[0];
    const r = orgc(['validate', '-', '--format', 'json'], { input: mistype(m) });
    expect(r.code).toBe(1);
    const diagnostics = JSON.parse(r.stdout).diagnostics;
    expect(diagnostics.map((d: { range: { start: { line: number; column: number } } }) => d.range.start)).toEqual([expect.objectContaining({ line: m.line, column: m.column })]);
    expect(diagnostics[0].message).toContain('`：` is a full-width colon');
    const zh = orgc(['validate', '-', '--lang', 'zh-CN'], { input: mistype(m) });
    expect(zh.stdout).toContain('`：` 是全角冒号（中文输入法输入的）：请改为半角冒号 `:`，后面加一个空格 [syntax]');
    expect(zh.stdout).not.toMatch(/Implicit keys|YAML 语法错误/);
    expect(orgc(['validate', '-'], { input: mistype(m).replace('：', ':') }).code).toBe(0);
  });

  it('leaves valid YAML that looks odd to the parser: a text continued on a deeper line is no mistake', () => {
    // The continuation is valid; the real mistake is the full-width colon further down.
    const text = QUICKSTART.replace('    level: strategic\n', '    level:\n      strategic\n').replace('  sales-rep:\n', '  sales-rep：\n');
    expect(typingMistakes('org.yaml', text).map((f) => f.messageId)).toEqual(['fullwidth-colon']);
    // And with an indentation mistake instead, only that line is reported.
    const indented = QUICKSTART.replace('    level: strategic\n', '    level:\n      strategic\n').replace('    headcount: 2\n', '     headcount: 2\n');
    const found = typingMistakes('org.yaml', indented);
    expect(found.map((f) => f.messageId)).toEqual(['indent']);
    expect(indented.slice(0, (found[0].at as { offset: number }).offset).split('\n').length).toBe(lineOf(indented, '     headcount: 2\n'));
  });

  it('finds nothing in a file whose mistake is of another kind (an unclosed quote)', () => {
    expect(typingMistakes('org.yaml', QUICKSTART.replace('  name: { en: Northwind Sales', '  name: { en: "Northwind Sales'))).toEqual([]);
  });
});
