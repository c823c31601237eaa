// The HTML handbook is a small self-contained site: valid HTML5 on every page, in both languages,
// and nothing fetched from elsewhere.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { orgc } from '../helpers/cli.js';

describe('the HTML handbook', () => {
  for (const lang of ['en', 'zh-CN']) {
    it(`is valid HTML5 on every page, in ${lang}`, async () => {
      const out = mkdtempSync(path.join(tmpdir(), 'orgc-html-'));
      expect(orgc(['render', 'examples/sales-org', '-f', 'html', '--lang', lang, '--out', out]).code).toBe(0);
      const pages = readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.html'));
      // 17 roles, index, summary, RACI, the five reference pages (targets, KPIs, service levels,
      // reviews, signals), and the org chart and process map.
      expect(pages.length).toBe(28);
      const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
      for (const page of pages) {
        const html = readFileSync(path.join(out, page), 'utf8');
        const report = await validator.validateString(html, page);
        expect(report.results.flatMap((r) => r.messages.map((m) => `${page}:${m.line}: ${m.message} (${m.ruleId})`))).toEqual([]);
        expect(html).toContain(`<html lang="${lang}">`);
        expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
        // Self-contained: no URL with a scheme or protocol-relative reference, only our own relative files.
        expect(html.match(/\b(?:href|src)="(?:[a-z]+:|\/\/)[^"]*"/g) ?? []).toEqual([]);
      }
      const css = readFileSync(path.join(out, 'assets/orgc.css'), 'utf8');
      expect(css).toMatch(/@media print/);
      expect(css).toMatch(/@media \(max-width/);
      expect(css).not.toMatch(/@import|url\(/);
    });
  }
});
