// Languages orgc speaks and how a requested language falls back.
export const UI_LANGUAGES = ['en', 'zh-CN', 'zh-TW'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** The message catalogues we ship: Traditional Chinese readers get Simplified before English. */
export type CatalogueLanguage = 'en' | 'zh-CN';

export function catalogueLanguage(lang: string): CatalogueLanguage {
  return lang.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The UI language closest to a language tag from the org or the command line. */
export function uiLanguage(tag: string | undefined): UiLanguage {
  if (!tag) return 'en';
  const t = tag.toLowerCase();
  if (t === 'zh-tw' || t === 'zh-hant' || t === 'zh-hk' || t.startsWith('zh-hant')) return 'zh-TW';
  if (t.startsWith('zh')) return 'zh-CN';
  return 'en';
}
