// `orgc explain <rule-id>`: print the rule's documentation page from docs/rules/. The pages are
// written in English; a Chinese reader gets the rule's head (what it finds, its severity) in
// Chinese above the English page, or the page in their language where docs/rules has one
// (`<id>.zh-CN.md`).
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
  const dir = path.join(packageRoot(), 'docs', 'rules');
  const own = [path.join(dir, `${id}.${lang}.md`), path.join(dir, `${id}.${catalogueLanguage(lang)}.md`)].find((f) => lang !== 'en' && existsSync(f));
  let doc = await readFile(own ?? path.join(dir, `${id}.md`), 'utf8');
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
