// Fills a message template: `{name}` takes the data value, `{name|glossary}` translates it,
// `{n, plural, one {# year} other {# years}}` counts (plural.ts). A value
// from the file (a key, a name) is cut to a readable length: a 10 MB key must not make a 10 MB line.
import type { MessageData, Messages, NamedRef } from '../finding.js';
import { gloss } from './glossary.js';
import { resolvePlurals } from './plural.js';
import { uiLanguage } from './lang.js';
import { localize, pick } from './text.js';

export function formatMessage(messages: Messages, messageId: string, data: MessageData | undefined, lang: string): string {
  const entry = messages[messageId];
  if (!entry) return messageId;
  // The template is translated (and made Traditional for zh-TW) before the data goes in: the org's
  // own text is never converted.
  return resolvePlurals(pick(entry, lang), data, lang).replace(/\{(\w+)(?:\|(\w+))?\}/g, (whole, name: string, glossary?: string) => {
    const value = data?.[name];
    if (value === undefined) return whole;
    if (Array.isArray(value)) return clip(value.map((v: NamedRef) => nameOf(v, lang)).join(pick({ en: ', ', 'zh-CN': '、' }, lang)));
    if (typeof value === 'object') return clip(nameOf(value as NamedRef, lang));
    return glossary ? gloss(glossary, String(value), lang) : clip(String(value));
  });
}

const MAX_VALUE = 500;

function clip(value: string): string {
  if (value.length <= MAX_VALUE) return value;
  const cut = /[\ud800-\udbff]/.test(value[MAX_VALUE - 1]) ? MAX_VALUE - 1 : MAX_VALUE;
  return `${value.slice(0, cut)}…`;
}

/** `李娜 (li-na)`: the name in the reader's language, then the id; the id alone when that is all there is. */
export function nameOf(ref: NamedRef, lang: string): string {
  const name = localize(ref.name, lang, ref.lang).trim();
  return !name || name === ref.id ? ref.id : `${name} (${ref.id})`;
}

// ---------------------------------------------------------------------------------------------
// Numbers and units as the reader writes them, with Intl (built into Node): `CNY 120M` in English,
// `1.2亿元` in Chinese, `25%`, `24 hours` / `24小时`. The org's YAML keeps what its author wrote;
// only documents speak the reader's language.

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}\u0000${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(uiLanguage(lang), options)));
  return f;
}

/**
 * An amount of money: `CNY 120M`, `USD 800K` in English; `1.2亿元`, `30万元` (in 万 and 亿, as
 * Chinese readers count them) and `80万美元` in Chinese. Spaces Intl puts in are plain spaces, so a
 * document's text does not hold invisible characters.
 */
export function formatMoney(value: number, currency: string, lang: string): string {
  const ui = uiLanguage(lang);
  // Chinese counts in 万 and 亿 and names the currency after the number: `1.2亿元`, `80万美元`.
  if (ui !== 'en') return `${numberFormat(ui, { notation: 'compact', maximumFractionDigits: 2 }).format(value)}${currency === 'CNY' ? '元' : currencyName(currency, ui)}`;
  const options: Intl.NumberFormatOptions = { style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 2 };
  if (ui === 'en') options.currencyDisplay = 'code';
  return plainSpaces(numberFormat(ui, options).format(value));
}

const currencyNames = new Map<string, Intl.DisplayNames>();
function currencyName(code: string, lang: string): string {
  let names = currencyNames.get(lang);
  if (!names) currencyNames.set(lang, (names = new Intl.DisplayNames([lang], { type: 'currency' })));
  return names.of(code) ?? code;
}

/** `25` → `25%` (a percentage as written, not a fraction). */
export function formatPercent(percent: number, lang: string): string {
  return plainSpaces(numberFormat(lang, { style: 'percent', maximumFractionDigits: 2 }).format(percent / 100));
}

/** A plain number: `1,200` / `1,200`. */
export function formatNumber(n: number, lang: string): string {
  return numberFormat(lang, { maximumFractionDigits: 2 }).format(n);
}

const DURATION_UNITS: Array<[Intl.NumberFormatOptions['unit'] & string, number]> = [
  ['week', 10080],
  ['day', 1440],
  ['hour', 60],
];

/** Minutes in the largest whole unit: `1440` → `1 day` / `1天`, `90` → `1.5 hours` / `1.5小时`. */
export function formatDuration(minutes: number, lang: string): string {
  let unit = 'minute';
  let value = minutes;
  for (const [name, size] of DURATION_UNITS) {
    if (minutes >= size && (minutes % size === 0 || name === 'hour')) {
      unit = name;
      value = Math.round((minutes / size) * 100) / 100;
      break;
    }
  }
  return plainSpaces(numberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' }).format(value));
}

/** `3` → `3 years` / `1 year` / `3年`. */
export function formatYears(years: number, lang: string): string {
  return plainSpaces(numberFormat(lang, { style: 'unit', unit: 'year', unitDisplay: 'long' }).format(years));
}

/** A quantity as the model holds it (src/model/quantity.ts), in the reader's language. */
export function formatQuantity(q: { kind: string; value: number; currency?: string; text: string }, lang: string): string {
  if (q.kind === 'money' && q.currency) return formatMoney(q.value, q.currency, lang);
  if (q.kind === 'percent') return formatPercent(q.value, lang);
  if (q.kind === 'duration') return formatDuration(q.value, lang);
  if (q.kind === 'number' && Number.isFinite(q.value)) return formatNumber(q.value, lang);
  return q.text;
}

/** A range of money: `CNY 300K–450K`, `30万–45万元`, `8万–10万美元`. */
export function formatMoneyRange(min: number, max: number, currency: string, lang: string): string {
  const ui = uiLanguage(lang);
  const compact = numberFormat(ui, { notation: 'compact', maximumFractionDigits: 2 });
  // The unit once, as people write a range: `CNY 300K–450K`, `30万–45万元`.
  if (ui === 'en') return `${currency} ${compact.format(min)}–${compact.format(max)}`;
  return `${compact.format(min)}–${compact.format(max)}${currency === 'CNY' ? '元' : currencyName(currency, ui)}`;
}

function plainSpaces(s: string): string {
  return s.replace(/[\u00a0\u202f]/g, ' ');
}
