// Counted words: "1 year", "3 years". One helper on Intl.PluralRules (built into Node), used by
// the catalogue's `{n, plural, one {# year} other {# years}}` and by text written in place.
import { uiLanguage } from './lang.js';

const rules = new Map<string, Intl.PluralRules>();

/** The plural category of `n` in `lang` (`one`, `other`, …; Chinese has only `other`). */
export function pluralCategory(n: number, lang: string): Intl.LDMLPluralRule {
  const ui = uiLanguage(lang);
  let r = rules.get(ui);
  if (!r) rules.set(ui, (r = new Intl.PluralRules(ui)));
  return r.select(n);
}

/** The form for `n`, with `#` replaced by the number: `plural(1, 'en', { one: '# year', other: '# years' })`. */
export function plural(n: number, lang: string, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): string {
  return (forms[pluralCategory(n, lang)] ?? forms.other).replace(/#/g, String(n));
}

const PLURAL = /\{(\w+), plural,((?:\s*\w+ \{[^{}]*(?:\{\w+(?:\|\w+)?\}[^{}]*)*\})+)\s*\}/g;
const FORM = /(\w+) \{((?:[^{}]|\{\w+(?:\|\w+)?\})*)\}/g;

/** A template with its `{n, plural, one {…} other {…}}` parts resolved for the counts in `data`. */
export function resolvePlurals(template: string, data: Readonly<Record<string, unknown>> | undefined, lang: string): string {
  if (!template.includes(', plural,')) return template;
  return template.replace(PLURAL, (whole, name: string, body: string) => {
    const value = data?.[name];
    const n = typeof value === 'number' ? value : Number(value);
    if (value === undefined || Number.isNaN(n)) return whole;
    const forms: Record<string, string> = {};
    for (const m of body.matchAll(FORM)) forms[m[1]] = m[2];
    if (forms.other === undefined) return whole;
    return plural(n, lang, forms as { other: string });
  });
}
