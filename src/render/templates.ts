// Handlebars templates for the Markdown and HTML handbooks: ours in templates/<format>/, any of
// which a user overrides with a file of the same name in `--templates DIR/<format>/`. Templates run
// in their own environment with prototype access off and only pure helpers: a template can shape
// text, not reach the file system, run code or walk up to Object.prototype.
import type { MessageData } from '../finding.js';
import { say, type CliMessageId } from '../i18n/cli.js';
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import Handlebars from 'handlebars';
import { packageRoot } from '../package-root.js';
import { PRECOMPILED } from './generated/templates.js';
import { templateOptions, type DocumentFormat } from './template-options.js';
import { copyWith } from '../core/copy-with.js';

export type { DocumentFormat };
export const PAGES = ['index', 'summary', 'raci', 'role', 'chart', 'targets', 'kpis', 'service-levels', 'reviews', 'signals'] as const;
export type Page = (typeof PAGES)[number];

export interface CompiledTemplates {
  render(page: Page, context: object): string;
  /** Extra files the format needs beside the pages (the HTML stylesheet and chart viewer script). */
  assets: Map<string, string>;
  /** A hash of every template's text, ours and the user's: a page's key includes it (page-key.ts). */
  key: string;
}

/** A problem with a user's template directory or a template in it (exit code 2). */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  messageId?: CliMessageId;
  messageData?: MessageData;

  /** A catalogue line (src/i18n/cli.ts): `message` in English, the CLI says it in the reader's language. */
  static said(messageId: CliMessageId, messageData: MessageData = {}): TemplateError {
    const error = new TemplateError(say(messageId, 'en', messageData));
    error.messageId = messageId;
    error.messageData = messageData;
    return error;
  }
}

export async function loadTemplates(format: DocumentFormat, overrides?: string): Promise<CompiledTemplates> {
  const builtIn = path.join(packageRoot(), 'templates', format);
  const sources = await readTemplateDir(builtIn);
  if (overrides) {
    const dir = path.join(overrides, format);
    const exists = await readdir(dir).then(() => true, () => false);
    if (!exists && !(await readdir(overrides).then(() => true, () => false))) throw TemplateError.said('templates-unreadable', { dir: overrides });
    if (exists) for (const [name, text] of await readTemplateDir(dir)) sources.set(name, text);
  }
  const hb = environment(format);
  const compile = (name: string, text: string) => {
    // The build compiled our templates; a user's, or one changed since the build, is compiled here.
    const ahead = PRECOMPILED[format][name];
    if (ahead && ahead.source === text) return hb.template(ahead.spec);
    try {
      return hb.compile(text, templateOptions(format));
    } catch (error) {
      throw new TemplateError(`template ${name}: ${firstLine((error as Error).message)}`);
    }
  };
  const pages = new Map<string, HandlebarsTemplateDelegate>();
  const assets = new Map<string, string>();
  for (const [name, text] of sources) {
    if (name.endsWith('.css') || name.endsWith('.js')) assets.set(`assets/${name}`, text);
    else if ((PAGES as readonly string[]).includes(name.replace(/\.hbs$/, ''))) pages.set(name.replace(/\.hbs$/, ''), compile(name, text));
    else if (name.endsWith('.hbs')) hb.registerPartial(name.replace(/\.hbs$/, ''), compile(name, text));
  }
  // Required here, not imported at the top: validate reaches this module (TemplateError), and
  // crypto costs ~10 ms at start-up. (A dynamic import() has no loader in the bundled binary.)
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  const key = createHash('sha256').update(format);
  for (const [name, text] of sources) key.update('\0').update(name).update('\0').update(text);
  const runtime: Handlebars.RuntimeOptions = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };
  return {
    assets,
    key: key.digest('base64url'),
    render(page, context) {
      const template = pages.get(page);
      if (!template) throw TemplateError.said('template-missing', { page });
      try {
        return template(context, runtime);
      } catch (error) {
        throw new TemplateError(`template ${page}.hbs: ${firstLine((error as Error).message)}`);
      }
    },
  };
}

/**
 * Handlebars' error in a line. Templates are compiled knowing every helper there is
 * (template-options.ts), so a helper that does not exist is reported by the compiler, in words
 * about an option the reader never set: said here as Handlebars says it when it meets one.
 */
function firstLine(message: string): string {
  const unknown = /^You specified knownHelpersOnly, but used the unknown helper (\S+) - (\d+):(\d+)/.exec(message);
  if (unknown) return `Missing helper: "${unknown[1]}" (line ${unknown[2]})`;
  return message.split('\n')[0];
}

async function readTemplateDir(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of (await readdir(dir)).sort()) {
    if (name.endsWith('.hbs') || name.endsWith('.css') || name.endsWith('.js')) out.set(name, await readFile(path.join(dir, name), 'utf8'));
  }
  return out;
}

/** Every helper registered here is listed in template-options.ts's HELPERS: templates are compiled knowing them. */
function environment(format: DocumentFormat): typeof Handlebars {
  const hb = Handlebars.create();
  // The built-in `log` writes to the console; nothing a template does reaches outside its page.
  hb.registerHelper('log', () => '');
  hb.registerHelper('join', function (this: unknown, list: unknown, options: Handlebars.HelperOptions) {
    const lang = (options?.data?.root as { org?: { lang?: string } })?.org?.lang ?? 'en';
    const items = Array.isArray(list) ? list.map(String) : [];
    // Returned as a plain string: HTML output escapes it; Markdown text was escaped in the view.
    return items.join(lang.startsWith('zh') ? '、' : ', ');
  });
  // Punctuation that differs between languages: `Reports to: A, B (3)` / `汇报对象：A、B（3）`.
  const zh = (options: Handlebars.HelperOptions) => String((options?.data?.root as { org?: { lang?: string } })?.org?.lang ?? '').startsWith('zh');
  hb.registerHelper('colon', (options: Handlebars.HelperOptions) => (zh(options) ? '：' : ': '));
  hb.registerHelper('sep', (options: Handlebars.HelperOptions) => (zh(options) ? '、' : ', '));
  hb.registerHelper('paren', (value: unknown, options: Handlebars.HelperOptions) => (zh(options) ? `（${value}）` : ` (${value})`));
  hb.registerHelper('lp', (options: Handlebars.HelperOptions) => (zh(options) ? '（' : ' ('));
  hb.registerHelper('rp', (options: Handlebars.HelperOptions) => (zh(options) ? '）' : ')'));
  hb.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).map(String).join(''));
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  const raciClass = (letters: unknown) => (typeof letters === 'string' && /^[RACI]{1,4}$/.test(letters) ? letters : '');
  hb.registerHelper('raciClass', raciClass);
  // A RACI row's cells at once (` R | | A |`, or `<td class="cell R">R</td>` each): the text
  // `{{#each cells}}` around a cell gives, without a template call per cell (850,000 cells at 100k
  // roles: about 0.5 s of the RACI page's 4.7 s of template).
  hb.registerHelper(
    'raciCells',
    format === 'md'
      ? (cells: unknown) => (Array.isArray(cells) ? cells.map((c) => ` ${c ?? ''} |`).join('') : '')
      : (cells: unknown) =>
          new hb.SafeString(Array.isArray(cells) ? cells.map((c) => `<td class="cell ${raciClass(c)}">${hb.escapeExpression(c as string)}</td>`).join('') : ''),
  );
  hb.registerHelper('each', joinedEach(hb.helpers.each as Handlebars.HelperDelegate));
  return hb;
}

/**
 * Handlebars' `each`, its iterations' text joined once instead of appended one by one. Why:
 * `ret = ret + fn(item)` makes a rope, one node per iteration, that lives as long as the page's
 * text; the RACI page of a large org (63 MB of Markdown at 100k roles, 110 MB of HTML) was millions
 * of nodes, promoted out of the young generation collection after collection.
 *
 * An array — what our views hand to almost every `each` — is iterated here, as the built-in helper
 * does it (`@index`, `@key`, `@first`, `@last`, block parameters, holes skipped, `{{else}}` when
 * empty) without what only compiling with `trackIds` uses, and with the data frame copied by
 * `Object.assign` rather than Handlebars' `for … in` (the frames and per-item objects were a fifth
 * of the RACI page's template time at 100k roles; the 10k org's job descriptions take 10–15 % less
 * template time). Objects and iterables go to the built-in helper.
 */
export function joinedEach(each: Handlebars.HelperDelegate): Handlebars.HelperDelegate {
  return function (this: unknown, context: unknown, options: Handlebars.HelperOptions) {
    const fn = options?.fn;
    if (Array.isArray(context) && fn && !(options as { ids?: unknown }).ids) {
      const n = context.length;
      if (n === 0) return options.inverse(this);
      const data = options.data ? Object.assign({}, options.data, { _parent: options.data }) : undefined;
      // One data frame and one options object for the whole loop, their fields set for each item.
      // A program reads `options.data` and `.blockParams` once, as it is called, and never keeps
      // `options` (Handlebars' runtime.js, wrapProgram). The block parameters stay a new array for
      // each item, as Handlebars' own each makes them: programs made inside the loop hold on to them.
      const iteration: Handlebars.RuntimeOptions = { data, blockParams: undefined };
      const parts: string[] = [];
      for (let i = 0; i < n; i++) {
        if (!(i in context)) continue;
        if (data) {
          data.key = i;
          data.index = i;
          data.first = i === 0;
          data.last = i === n - 1;
        }
        iteration.blockParams = [context[i], i];
        parts.push(fn(context[i], iteration));
      }
      return parts.join('');
    }
    const parts: string[] = [];
    const collect = ((item: unknown, frame?: Handlebars.RuntimeOptions) => {
      parts.push(fn(item, frame));
      return '';
    }) as Handlebars.TemplateDelegate;
    // Empty, the built-in helper returns the `{{else}}` block; otherwise the empty strings of `collect`.
    // A page has dozens of `each` blocks: copied the way Node 20 keeps fast (core/copy-with.ts).
    const empty = each.call(this, context, copyWith(options, { fn: collect })) as string;
    return parts.length > 0 ? parts.join('') : empty;
  };
}
