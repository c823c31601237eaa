// The caret under a finding lines up in a terminal whatever the text: our width agrees with
// string-width (grapheme-aware, too slow to load at start-up) on the text orgc meets.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { codeFrame, displayWidth } from '../../src/report/code-frame.js';

const SAMPLES = [
  '',
  'reports_to: sales-director',
  '销售总监',
  'KA 客户经理（华东）',
  '営業部長',
  '영업 이사',
  'ｆｕｌｌ　ｗｉｄｔｈ',
  'café',
  'cafe\u0301',
  '🚀 launch',
  '👩‍💻 developer',
  '❤️ heart',
  '🇨🇳 flag',
  'zero\u200bwidth',
  'tab\tseparated',
];

describe('display width', () => {
  it('agrees with string-width', () => {
    for (const s of SAMPLES) expect(displayWidth(s), JSON.stringify(s)).toBe(stringWidth(s));
  });

  it('puts the caret under a span after wide text', () => {
    // `#` is column 17 (UTF-16 units) but terminal column 21: four spaces, `title: `, four CJK
    // characters of two columns each, a space.
    const [, caret] = codeFrame('    title: 销售总监 # 🚀', { start: { line: 7, column: 17, offset: 0 }, end: { line: 7, column: 18, offset: 0 } });
    expect(caret).toBe(`   | ${' '.repeat(20)}^`);
  });
});

describe('a very long line', () => {
  it('is shown as a window around the span, cut with …', () => {
    const line = `    purpose: "${'x'.repeat(10_000)}" # end`;
    const [shown, caret] = codeFrame(line, { start: { line: 7, column: 14, offset: 0 }, end: { line: 7, column: line.length - 5, offset: 0 } });
    expect(shown).toBe(` 7 |     purpose: "${'x'.repeat(160 - 14)}…`);
    expect(caret).toBe(`   | ${' '.repeat(13)}^${'~'.repeat(160 - 14)}`);
  });

  it('keeps the span in view when it lies far along the line', () => {
    const line = `${'a'.repeat(5000)}BAD${'b'.repeat(5000)}`;
    const [shown, caret] = codeFrame(line, { start: { line: 1, column: 5001, offset: 0 }, end: { line: 1, column: 5004, offset: 0 } });
    expect(shown).toBe(` 1 | …${'a'.repeat(40)}BAD${'b'.repeat(117)}…`);
    expect(caret).toBe(`   | ${' '.repeat(41)}^~~`);
  });
});
