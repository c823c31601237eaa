// The terminal format: `file:line:col: severity: message [rule]`, a code frame, and a summary.
// The first line is what editors and terminals turn into a link.
import { Chalk } from 'chalk';
import { codeFrame } from '../code-frame.js';
import { summarize } from '../diagnostic.js';
import type { Formatter } from '../formatter.js';
import { catalogueLanguage } from '../../i18n/lang.js';

const WORDS = {
  en: { clean: (files: number) => `✔ no problems in ${files} file${files === 1 ? '' : 's'}`, error: 'error', warning: 'warning', info: 'info', problems: (n: number) => `${n} problem${n === 1 ? '' : 's'}`, breakdown: (e: number, w: number, i: number) => `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}${i ? `, ${i} info` : ''}` },
  'zh-CN': { clean: (files: number) => `✔ ${files} 个文件，没有发现问题`, error: '错误', warning: '警告', info: '提示', problems: (n: number) => `${n} 个问题`, breakdown: (e: number, w: number, i: number) => `${e} 个错误，${w} 个警告${i ? `，${i} 个提示` : ''}` },
};

export const stylish: Formatter = (diagnostics, ctx) => {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const words = WORDS[catalogueLanguage(ctx.lang)];
  const paint = { error: c.red, warning: c.yellow, info: c.blue };
  const out: string[] = [];
  for (const d of diagnostics) {
    const where = `${d.file}:${d.range.start.line}:${d.range.start.column}`;
    out.push(`${c.bold(where)}: ${paint[d.severity](words[d.severity])}: ${d.message} ${c.dim(`[${d.ruleId}]`)}`);
    const line = ctx.lineText?.(d.file, d.range.start.line);
    if (line !== undefined) out.push(...codeFrame(line, d.range, paint[d.severity]));
    for (const r of d.related) out.push(`  ${c.dim(`${r.file}:${r.range.start.line}:${r.range.start.column}: ${r.message}`)}`);
  }
  const s = summarize(diagnostics);
  const total = s.error + s.warning + s.info;
  if (total > 0) {
    const colour = s.error ? c.red : s.warning ? c.yellow : c.blue;
    out.push('', colour.bold(`✖ ${words.problems(total)} (${words.breakdown(s.error, s.warning, s.info)})`));
  } else {
    out.push(c.green(words.clean(ctx.files.length)));
  }
  return out.join('\n') + '\n';
};
