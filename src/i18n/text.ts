// Human-facing text from the org (`Sales Director` or `{ en: ..., zh-CN: ... }`) in one language.
import type { Text } from '../model/types.js';

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
