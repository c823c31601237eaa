// `orgc rules`: the catalogue at a glance — every rule, its default severity, whether the
// recommended preset turns it on, and one line on what it finds; then the core checks.
import path from 'node:path';
import { CORE_CHECKS } from '../../report/catalogue.js';
import { RULES } from '../../check/rules/index.js';
import { chooseLanguage } from '../../i18n/lang.js';
import { pick, tr } from '../../i18n/text.js';
import { packageRoot } from '../../package-root.js';
import { configLanguage } from '../analyze.js';
import { rulePage } from './explain.js';
import { hangingLines, terminalWidth, wrap } from '../help.js';
import type { Io } from '../output.js';

export async function rulesCommand(opts: { format: string; lang?: string }, io: Io): Promise<number> {
  const lang = chooseLanguage({ flag: opts.lang, config: await configLanguage(io), env: io.env });
  if (opts.format === 'json') {
    const rules = RULES.map((r) => ({
      id: r.meta.id,
      severity: r.meta.severity,
      recommended: r.meta.recommended,
      description: pick(r.meta.description, lang),
      doc: docPath(r.meta.id, lang),
      options: Object.fromEntries(Object.entries<any>(r.meta.options).map(([k, o]) => [k, { default: o.default, description: o.description }])),
    }));
    const core = CORE_CHECKS.map((c) => ({ id: c.id, severity: c.severity, description: pick(c.description, lang), doc: docPath(c.id, lang) }));
    io.stdout(JSON.stringify({ rules, core }, null, 2) + '\n');
    return 0;
  }
  const words = {
    rules: tr(lang, 'Rules (✓ = on in the recommended preset)', '规则（✓ = recommended 预设启用）'),
    core: tr(lang, 'Core checks (always on)', '核心检查（始终启用）'),
  };
  const width = Math.max(...[...RULES.map((r) => r.meta.id), ...CORE_CHECKS.map((c) => c.id)].map((id) => id.length));
  // Descriptions wrap to the terminal, indented under themselves.
  const columns = terminalWidth(io);
  const out = [...wrap(words.rules, columns)];
  for (const r of RULES) out.push(...hangingLines(`  ${r.meta.id.padEnd(width)}  ${r.meta.severity.padEnd(7)}  ${r.meta.recommended ? '✓' : ' '}  `, pick(r.meta.description, lang), columns));
  out.push('', ...wrap(words.core, columns));
  for (const c of CORE_CHECKS) out.push(...hangingLines(`  ${c.id.padEnd(width)}  ${c.severity.padEnd(7)}     `, pick(c.description, lang), columns));
  out.push('', ...wrap(tr(lang, "Run `orgc explain <rule-id>` for a rule's documentation.", '用 `orgc explain <规则 id>` 查看规则说明。'), columns));
  io.stdout(out.join('\n') + '\n');
  return 0;
}

/** The rule's page in the reader's language, relative to the package (`docs/rules/zh-CN/layers.md`); zh-TW reads the Simplified page made Traditional (`orgc explain`). */
function docPath(id: string, lang: string): string {
  return path.relative(packageRoot(), rulePage(id, lang).file).split(path.sep).join('/');
}
