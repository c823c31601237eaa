// The terminal format: `file:line:col: severity: message [rule]`, a code frame, and a summary.
// The first line is what editors and terminals turn into a link.
import { Chalk } from 'chalk';
import { codeFrame } from '../code-frame.js';
import { summarize } from '../diagnostic.js';
import type { Formatter } from '../formatter.js';
import type { Messages } from '../../finding.js';
import { formatMessage } from '../../i18n/format.js';

const WORDS = {
  clean: { en: '✔ no problems in {n, plural, one {# file} other {# files}}', 'zh-CN': '✔ {n} 个文件，没有发现问题' },
  error: { en: 'error', 'zh-CN': '错误' },
  warning: { en: 'warning', 'zh-CN': '警告' },
  info: { en: 'info', 'zh-CN': '提示' },
  problems: { en: '{n, plural, one {# problem} other {# problems}}', 'zh-CN': '{n} 个问题' },
  breakdown: { en: '{e, plural, one {# error} other {# errors}}, {w, plural, one {# warning} other {# warnings}}', 'zh-CN': '{e} 个错误，{w} 个警告' },
  breakdownInfo: { en: '{e, plural, one {# error} other {# errors}}, {w, plural, one {# warning} other {# warnings}}, {i} info', 'zh-CN': '{e} 个错误，{w} 个警告，{i} 个提示' },
} satisfies Messages;

export const stylish: Formatter = (diagnostics, ctx) => {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const say = (id: keyof typeof WORDS, data?: Record<string, number>) => formatMessage(WORDS, id, data, ctx.lang);
  const paint = { error: c.red, warning: c.yellow, info: c.blue };
  const out: string[] = [];
  for (const d of diagnostics) {
    const where = `${d.file}:${d.range.start.line}:${d.range.start.column}`;
    out.push(`${c.bold(where)}: ${paint[d.severity](say(d.severity))}: ${d.message} ${c.dim(`[${d.ruleId}]`)}`);
    const line = ctx.lineText?.(d.file, d.range.start.line);
    if (line !== undefined) out.push(...codeFrame(line, d.range, paint[d.severity]));
    for (const r of d.related) out.push(`  ${c.dim(`${r.file}:${r.range.start.line}:${r.range.start.column}: ${r.message}`)}`);
  }
  const s = summarize(diagnostics);
  const total = s.error + s.warning + s.info;
  if (total > 0) {
    const colour = s.error ? c.red : s.warning ? c.yellow : c.blue;
    out.push('', colour.bold(`✖ ${say('problems', { n: total })} (${say(s.info ? 'breakdownInfo' : 'breakdown', { e: s.error, w: s.warning, i: s.info })})`));
  } else {
    out.push(c.green(say('clean', { n: ctx.files.length })));
  }
  return out.join('\n') + '\n';
};
