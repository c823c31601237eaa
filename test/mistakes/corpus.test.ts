// One mistake, one finding: each case of the corpus, made in a clean example org, gives exactly
// the finding it lists — its check, at the line of the mistake, in the org's language — and
// nothing on the correct lines around it.
import { describe, expect, it } from 'vitest';
import { CORPUS } from './corpus.js';
import { base, make, show, validate } from './run.js';

/** CJK outside what a message quotes: `code` spans (what was written) and the name after a suggested id. */
const hasChinese = (message: string) => /[\u4e00-\u9fff]/.test(message.replace(/`[^`]*`/g, '').replace(/ \([^)]*\)\?/g, '?'));

describe('the corpus of hand-editing mistakes', () => {
  it('has at least 30 cases, in English and in Chinese, with distinct names', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(30);
    expect(CORPUS.filter((m) => m.lang === 'en').length).toBeGreaterThanOrEqual(10);
    expect(CORPUS.filter((m) => m.lang === 'zh-CN').length).toBeGreaterThanOrEqual(10);
    expect(new Set(CORPUS.map((m) => m.name)).size).toBe(CORPUS.length);
  });

  for (const name of ['quickstart', 'sales-org'] as const) {
    it(`starts from a clean ${name}`, async () => {
      expect((await validate(base(name))).map(show)).toEqual([]);
    });
  }

  for (const m of CORPUS) {
    it(`${m.name} → ${m.ruleId}`, async () => {
      const made = make(m);
      const found = await validate(made.files);
      expect(found.map((d) => d.ruleId).sort(), found.map(show).join('\n')).toEqual([m.ruleId, ...(m.also ?? [])].sort());
      const finding = found.find((d) => d.ruleId === m.ruleId)!;
      expect(`${finding.file}:${finding.range.start.line}`, show(finding)).toBe(`${made.file}:${made.line}`);
      expect(hasChinese(finding.message), finding.message).toBe(m.lang === 'zh-CN');
    });
  }
});
