// Text from the org, made inert for where it lands. Markdown is escaped once, for every context we
// put text in (a table cell, a heading, a list item, a paragraph); HTML is escaped by Handlebars.

/** Markdown: punctuation that could start syntax is backslash-escaped, `<` `>` `&` become entities,
 *  line breaks become `<br>` (a raw newline would end a table row or a heading). */
export function markdownText(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  let out = s
    .replace(/\r\n?/g, '\n')
    .replace(/[\\`*_{}[\]()#+!|~$:]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\n/g, '<br>');
  // A leading `-`, `=` or `1.` would make a list or a heading out of a list item's text.
  out = out.replace(/^([-=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  return out;
}

/** Anything `markdownText` would change; most names have none of it. */
const NEEDS_ESCAPE = /[\\`*_{}[\]()#+!|~$:&<>\r\n]|^[-=]|^\d+[.)]/;
