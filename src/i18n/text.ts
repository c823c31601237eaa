// Human-facing text from the org (`Sales Director` or `{ en: ..., zh-CN: ... }`) in one language.
import type { Text } from '../core/text.js';
import { uiLanguage } from './lang.js';
import { toTraditional } from './traditional.js';

/**
 * orgc's own words in each language it ships. zh-TW is optional: without it the Simplified text is
 * converted to Traditional with Taiwan wording (see traditional.ts).
 */
export interface LocalText {
  en: string;
  'zh-CN': string;
  'zh-TW'?: string;
}

/** orgc's own text (a message template, a label) in `lang`. Never use it on the org's text: see `localize`. */
export function pick(text: LocalText, lang: string): string {
  const ui = uiLanguage(lang);
  if (ui === 'en') return text.en;
  if (ui === 'zh-CN') return text['zh-CN'];
  return text['zh-TW'] ?? toTraditional(text['zh-CN']);
}

/** `pick` for text written in place: `tr(lang, 'files', '文件')`. */
export function tr(lang: string, en: string, zhCN: string, zhTW?: string): string {
  return pick({ en, 'zh-CN': zhCN, 'zh-TW': zhTW }, lang);
}

/**
 * The text in `lang`; else in a language of the same family (`zh-TW` ↔ `zh-CN`); else in the
 * org's default language; else English; else whatever language it has, first in sorted order.
 * A plain string is in the default language and serves every request.
 */
export function localize(text: Text | undefined, lang: string, defaultLang: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  if (text[lang] !== undefined) return text[lang];
  const family = lang.split('-')[0];
  const sibling = Object.keys(text)
    .sort()
    .find((k) => k.split('-')[0] === family);
  if (sibling) return text[sibling];
  if (text[defaultLang] !== undefined) return text[defaultLang];
  if (text.en !== undefined) return text.en;
  const first = Object.keys(text).sort()[0];
  return first === undefined ? '' : text[first];
}
