// Text written in the org: one string in its default language, or one per language
// (`{ en: Sales Director, zh-CN: 销售总监 }`). The model holds it and i18n picks from it.
export type Text = string | Readonly<Record<string, string>>;
