// `orgc explain <rule-id>`: print the rule's documentation page, in the language the run speaks
// (`--lang`, the config's, the locale's): docs/rules/<id>.md in English, docs/rules/zh-CN/<id>.md
// in Simplified Chinese, and for zh-TW the Simplified page made Traditional (or a page of its own
// in docs/rules/zh-TW/, should one be written). A rule without a page in the reader's language
// gets its head (what it finds, its severity) translated above the English page.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ALL_CHECKS } from '../../report/catalogue.js';
import { say } from '../../i18n/cli.js';
import { catalogueLanguage, chooseLanguage } from '../../i18n/lang.js';
import { pick } from '../../i18n/text.js';
import { toTraditional } from '../../i18n/traditional.js';
import { closest } from '../../load/closest.js';
import { packageRoot } from '../../package-root.js';
import { configLanguage } from '../analyze.js';
import { UsageError } from '../errors.js';
import type { Io } from '../output.js';

export async function explainCommand(id: string, opts: { lang?: string }, io: Io): Promise<number> {
  const lang = chooseLanguage({ flag: opts.lang, config: await configLanguage(io), env: io.env });
  const meta = ALL_CHECKS.get(id);
  if (!meta) {
    const suggestion = closest(id, ALL_CHECKS.keys());
    throw new UsageError(suggestion ? say('unknown-rule-suggest', lang, { id, suggestion }) : say('unknown-rule', lang, { id }));
  }
  const { file, convert } = rulePage(id, lang);
  let doc = await readFile(file, 'utf8');
  if (convert) doc = toTraditional(doc);
  const own = file !== englishPage(id);
  if (!own && lang !== 'en') {
    // The English page's head (title, description, severity) replaced by the same in the reader's language.
    const body = doc.replace(/^# .*\n+(?:> .*\n+)?(?:(?:Default severity|Core check): .*\n+)?/, '');
    const severity = say(`severity-${meta.severity}`, lang);
    const recommended = (meta as { recommended?: boolean }).recommended;
    const preset = recommended === undefined ? '' : say(recommended ? 'explain-recommended' : 'explain-strict', lang);
    const head = [
      `# ${id}`,
      '',
      `> ${pick(meta.description, lang)}`,
      '',
      meta.core ? say('explain-core', lang, { severity }) : say('explain-severity', lang, { severity }) + preset,
      '',
      say('explain-english', lang),
      '',
    ];
    // The English page quotes Chinese terms (因事设岗): a zh-TW reader gets them in Traditional.
    doc = `${head.join('\n')}\n${lang === 'zh-TW' ? toTraditional(body) : body}`;
  }
  io.stdout(doc.endsWith('\n') ? doc : `${doc}\n`);
  return 0;
}

const rulesDir = () => path.join(packageRoot(), 'docs', 'rules');
const englishPage = (id: string) => path.join(rulesDir(), `${id}.md`);

/**
 * The page of a rule for `lang`, and whether it is to be made Traditional: the language's own page
 * where there is one, else zh-TW reads the Simplified page converted, else the English page.
 */
export function rulePage(id: string, lang: string): { file: string; convert: boolean } {
  if (lang !== 'en') {
    const own = path.join(rulesDir(), lang, `${id}.md`);
    if (existsSync(own)) return { file: own, convert: false };
    const simplified = path.join(rulesDir(), catalogueLanguage(lang), `${id}.md`);
    if (existsSync(simplified)) return { file: simplified, convert: lang === 'zh-TW' };
  }
  return { file: englishPage(id), convert: false };
}
