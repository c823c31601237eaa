// How our Handlebars templates are compiled: by the build for the built-in ones (ahead of time,
// scripts/build.ts) and at run time for a user's. One definition, so that both compile alike.
export type DocumentFormat = 'md' | 'html';

/** The helpers templates.ts registers, besides Handlebars' own. */
export const HELPERS = ['join', 'colon', 'sep', 'paren', 'lp', 'rp', 'concat', 'or', 'raciClass', 'raciCells', 'log'] as const;

export function templateOptions(format: DocumentFormat): CompileOptions {
  // Markdown text is escaped in the view; HTML is escaped by Handlebars.
  return { noEscape: format === 'md', strict: false, preventIndent: true, knownHelpers: Object.fromEntries(HELPERS.map((h) => [h, true])), knownHelpersOnly: true };
}
