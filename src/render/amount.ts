// Amounts of money in the reader's language, for the capacity and cost pages: `CNY 8.84M` in
// English, `884万元` and `1.23亿元` in Chinese (counted in 万 and 亿, 萬 and 億 for zh-TW), and
// signed changes (`+CNY 1.2M`). Written the way `formatMoney` in src/i18n/format.ts is being
// written by the job-description work; once both are on main this file should call it.
import { uiLanguage } from '../i18n/lang.js';

const formats = new Map<string, Intl.NumberFormat>();
/** `name` names `options` in the cache: a plan of 10k roles formats thousands of counts, and serialising the options for each cost more than formatting. */
function numberFormat(lang: string, name: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}\u0000${name}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(lang, options)));
  return f;
}

const names = new Map<string, Intl.DisplayNames>();
function currencyName(code: string, lang: string): string {
  let n = names.get(lang);
  if (!n) names.set(lang, (n = new Intl.DisplayNames([lang], { type: 'currency' })));
  return n.of(code) ?? code;
}

/** Intl's narrow and non-breaking spaces as plain ones: documents hold no invisible characters. */
const plainSpaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

/** An amount: `CNY 8.84M` / `884万元` / `80万美元`. */
export function formatAmount(value: number, currency: string, lang: string): string {
  const ui = uiLanguage(lang);
  if (ui !== 'en') return `${numberFormat(ui, 'compact', { notation: 'compact', maximumFractionDigits: 2 }).format(value)}${currency === 'CNY' ? '元' : currencyName(currency, ui)}`;
  if (!/^[A-Z]{3}$/.test(currency)) return numberFormat('en', 'compact', { notation: 'compact', maximumFractionDigits: 2 }).format(value);
  return plainSpaces(numberFormat('en', `currency ${currency}`, { style: 'currency', currency, currencyDisplay: 'code', notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(value));
}

/** A change of an amount, always signed: `+CNY 1.2M`, `-884万元`. */
export function formatAmountChange(delta: number, currency: string, lang: string): string {
  const text = formatAmount(Math.abs(delta), currency, lang);
  return `${delta < 0 ? '-' : '+'}${text}`;
}

/** A share as a percentage: `0.1768` → `17.68%`. */
export function formatShare(share: number, lang: string): string {
  return plainSpaces(numberFormat(uiLanguage(lang), 'percent', { style: 'percent', maximumFractionDigits: 1 }).format(share));
}

/** A count that may be fractional (seats shared between regions): `5.5`. */
export function formatCount(n: number, lang: string): string {
  return numberFormat(uiLanguage(lang), 'count', { maximumFractionDigits: 1 }).format(n);
}
