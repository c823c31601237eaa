// Fills a message template: `{name}` takes the data value, `{name|glossary}` translates it.
import type { MessageData, Messages } from '../finding.js';
import { gloss } from './glossary.js';
import { catalogueLanguage } from './lang.js';

export function formatMessage(messages: Messages, messageId: string, data: MessageData | undefined, lang: string): string {
  const entry = messages[messageId];
  if (!entry) return messageId;
  const cl = catalogueLanguage(lang);
  return entry[cl].replace(/\{(\w+)(?:\|(\w+))?\}/g, (whole, name: string, glossary?: string) => {
    const value = data?.[name];
    if (value === undefined) return whole;
    return glossary ? gloss(glossary, String(value), cl) : String(value);
  });
}
