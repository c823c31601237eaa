// The key of a page: a hash of everything its template is given. Two renders that hand a template
// the same data get the same page (templates are pure: templates.ts), so a sink that still holds
// the page made from a key (PageSink.reuse) lets the renderer skip the template, and the writing.
// What else a page depends on — the templates themselves, orgc's code, the options — is the
// caller's to fold into its own check (the CLI keeps a salt of them in the manifest).
import { sha256 } from './sha256.js';

/**
 * `parts` are JSON-serialisable views (no Map, Set or function: the views are plain data, and
 * Handlebars reads nothing else). A key of its own for what many pages share (`shared`) saves
 * serialising it once a page.
 */
export function pageKey(page: string, shared: string, ...parts: unknown[]): string {
  // One string, hashed at once: the same bytes as updating a hash part by part, at a fraction of
  // the cost (sha256.ts).
  let text = `${page}\0${shared}`;
  for (const part of parts) text += `\0${JSON.stringify(part) ?? 'undefined'}`;
  return sha256(text);
}

/** The key of data many pages share, to pass to pageKey. */
export function sharedKey(...parts: unknown[]): string {
  return pageKey('', '', ...parts);
}
