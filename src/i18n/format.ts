// Fills a message template: `{name}` takes the data value, `{name|glossary}` translates it,
// `{n, plural, one {# year} other {# years}}` counts (plural.ts). A value
// from the file (a key, a name) is cut to a readable length: a 10 MB key must not make a 10 MB line.
import type { MessageData, Messages, NamedRef } from '../finding.js';
import { gloss } from './glossary.js';
import { resolvePlurals } from './plural.js';
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
