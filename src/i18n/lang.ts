// Languages orgc speaks, and the one place that decides which of them a run speaks.
export const UI_LANGUAGES = ['en', 'zh-CN', 'zh-TW'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/**
 * The UI language closest to a language tag from the org, the config, the command line or a
 * locale (`zh_TW.UTF-8`, `zh-Hant-HK`, `en_GB`): Traditional Chinese for Taiwan, Hong Kong, Macau
 * and `Hant`, Simplified for other Chinese, English for everything else we do not ship.
 */
export function uiLanguage(tag: string | undefined): UiLanguage {
  if (!tag) return 'en';
  const t = tag.toLowerCase().replace(/_/g, '-').split(/[.@]/)[0];
  if (!/^zh(?:-|$)/.test(t)) return 'en';
  const parts = t.split('-');
  if (parts.includes('hant') || parts.includes('tw') || parts.includes('hk') || parts.includes('mo')) return 'zh-TW';
  return 'zh-CN';
}

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * The language of the user's locale: `LC_ALL`, else `LC_MESSAGES`, else `LANG`, as POSIX orders
 * them. `C` and `POSIX` (what containers and CI set) say nothing about the reader, so they are
 * passed over like an empty variable.
 */
export function localeLanguage(env: Env): UiLanguage | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name]?.trim();
    if (!value) continue;
    const base = value.split(/[.@]/)[0].toUpperCase();
    if (base === 'C' || base === 'POSIX' || base === '') continue;
    return uiLanguage(value);
  }
  return undefined;
}

export interface LanguageSources {
  /** `--lang` on the command line. */
  flag?: string;
  /** `lang:` in orgc.config.yaml. */
  config?: string;
  /** The environment, for the user's locale; leave it out for output that must not depend on the machine. */
  env?: Env;
  /** The org's default language (`org.language`). */
  org?: string;
}

/**
 * The language of a run, in this order: `--lang`, the config's `lang`, the user's locale, the
 * org's default language, English. The reader's own choices come before the org's: an English
 * reader of a Chinese org sees English messages unless the repository's config says otherwise.
 */
export function chooseLanguage(sources: LanguageSources): UiLanguage {
  if (sources.flag) return uiLanguage(sources.flag);
  if (sources.config) return uiLanguage(sources.config);
  const locale = sources.env ? localeLanguage(sources.env) : undefined;
  if (locale) return locale;
  return uiLanguage(sources.org);
}

/** The value of `--lang` in raw arguments (`--lang zh-CN` or `--lang=zh-CN`), for errors met before commander has parsed them. */
export function langFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    if (argv[i] === '--lang') return argv[i + 1];
    if (argv[i].startsWith('--lang=')) return argv[i].slice('--lang='.length);
  }
  return undefined;
}

/** The message catalogues we ship: Traditional Chinese readers get Simplified before English. */
export type CatalogueLanguage = 'en' | 'zh-CN';

export function catalogueLanguage(lang: string): CatalogueLanguage {
  return lang.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
