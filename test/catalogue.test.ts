// The catalogue as a whole: presets derive from metadata, and every message speaks both languages.
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../src/report/catalogue.js';
import { presetSettings } from '../src/config/load.js';
import { RULES } from '../src/check/rules/index.js';

describe('the rule catalogue', () => {
  it('has the rules the design principles call for', () => {
    expect(RULES.map((r) => r.meta.id)).toEqual(expect.arrayContaining([
      'orphan-duty', 'role-without-duties', 'raci-accountable', 'raci-overload', 'redundant-roles', 'role-fit', 'person-fit',
      'span-of-control', 'layers', 'reporting-structure', 'coverage', 'kpi-coverage', 'service-levels', 'target-cascade',
      'workload', 'adaptation-signals',
    ]));
  });

  it('derives `recommended` from each rule\'s metadata', () => {
    const preset = presetSettings('recommended');
    for (const r of RULES) expect(preset.get(r.meta.id)!.level).toBe(r.meta.recommended ? r.meta.severity : 'off');
  });

  it('derives `strict` as every rule on, warnings raised to errors', () => {
    const preset = presetSettings('strict');
    for (const r of RULES) expect(preset.get(r.meta.id)!.level).toBe(r.meta.severity === 'warning' ? 'error' : r.meta.severity);
  });

  it('gives every check a description and every message in English and Chinese, with the same placeholders', () => {
    for (const meta of ALL_CHECKS.values()) {
      expect(meta.description.en, meta.id).toMatch(/\.$/);
      expect(meta.description['zh-CN'], meta.id).toMatch(/。$/);
      for (const [id, m] of Object.entries(meta.messages)) {
        // `{n}`, `{kind|kind}` and the count of `{n, plural, one {…} other {…}}`, each once.
        const names = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?:\|\w+)?(?:\}|, plural,)/g)].map((x) => x[1]))].sort();
        expect(m.en.length, `${meta.id}/${id}`).toBeGreaterThan(0);
        expect(names(m['zh-CN']), `${meta.id}/${id}`).toEqual(names(m.en));
      }
    }
  });

  it('has unique, file-safe ids', () => {
    const ids = [...ALL_CHECKS.keys()];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });
});
