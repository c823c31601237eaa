// Docs that cannot drift: every check has a page whose description is the check's own, whose
// failing example triggers it and whose passing example does not, and which documents every option.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../src/report/catalogue.js';
import { RULES } from '../src/check/rules/index.js';
import { lint } from './helpers/lint.js';
import { ROOT } from './helpers/cli.js';

const dir = `${ROOT}docs/rules`;
const page = (id: string) => readFileSync(`${dir}/${id}.md`, 'utf8');
const examples = (doc: string, kind: 'failing' | 'passing') => [...doc.matchAll(new RegExp('```yaml ' + kind + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);

describe('docs/rules', () => {
  it('has a page for every check and no page for anything else', () => {
    // The English pages; the Chinese ones are in docs/rules/zh-CN/ (test/docs-zh.test.ts).
    const pages = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name.replace(/\.md$/, '')).sort();
    expect(pages).toEqual([...ALL_CHECKS.keys()].sort());
  });

  for (const [id, meta] of ALL_CHECKS) {
    describe(id, () => {
      it('has a page that opens with the check\'s own description', () => {
        expect(existsSync(`${dir}/${id}.md`)).toBe(true);
        const lines = page(id).split('\n');
        expect(lines[0]).toBe(`# ${id}`);
        expect(lines.find((l) => l.startsWith('> '))).toBe(`> ${meta.description.en}`);
      });

      it('states its severity and preset as the metadata does', () => {
        const doc = page(id);
        if (meta.core) expect(doc).toMatch(/^Core check: always on/m);
        else {
          const rule = RULES.find((r) => r.meta.id === id)!.meta;
          expect(doc).toContain(`Default severity: **${rule.severity}**`);
          expect(doc).toContain(rule.recommended ? 'in `recommended`' : 'in `strict` only');
        }
      });

      it('has examples that behave as the page says', async () => {
        const failing = examples(page(id), 'failing');
        const passing = examples(page(id), 'passing');
        if (!meta.core) {
          expect(failing.length, 'a failing example').toBeGreaterThan(0);
          expect(passing.length, 'a passing example').toBeGreaterThan(0);
        }
        for (const yaml of failing) {
          const found = await lint(yaml);
          expect(found.map((d) => d.ruleId), yaml).toContain(id);
          if (!meta.core) expect(found.filter((d) => ALL_CHECKS.get(d.ruleId)?.core)).toEqual([]);
        }
        for (const yaml of passing) {
          const found = await lint(yaml);
          expect(found.filter((d) => d.ruleId === id || ALL_CHECKS.get(d.ruleId)?.core).map((d) => `${d.ruleId}: ${d.message}`), yaml).toEqual([]);
        }
      });
    });
  }

  for (const rule of RULES) {
    it(`${rule.meta.id} documents every option with its default`, () => {
      const doc = page(rule.meta.id);
      const options = Object.entries<{ default: unknown }>(rule.meta.options);
      if (options.length === 0) expect(doc).toMatch(/## Options\n\nNone\./);
      for (const [name, option] of options) expect(doc).toContain(`| \`${name}\` | \`${JSON.stringify(option.default)}\` |`);
    });
  }
});
