// How our Handlebars templates are compiled: by the build for the built-in ones (ahead of time,
// scripts/build.ts) and at run time for a user's. One definition, so that both compile alike.
export type DocumentFormat = 'md' | 'html';

export function templateOptions(format: DocumentFormat): CompileOptions {
  // Markdown text is escaped in the view; HTML is escaped by Handlebars.
  return { noEscape: format === 'md', strict: false, preventIndent: true };
}
