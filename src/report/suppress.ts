// Inline suppression: `# orgc-disable-next-line <rule-id>[, <rule-id>…] -- <reason>` silences
// those rules' findings on the next line. A suppression that silences nothing, names an unknown
// rule, or names a core check (which guards the language itself) is reported in turn.
import type { CheckMeta } from '../finding.js';
import { formatMessage } from '../i18n/format.js';
import { closest } from '../load/closest.js';
import type { LoadedFile } from '../load/index.js';
import type { Diagnostic } from './diagnostic.js';
import { compareDiagnostics } from './diagnostic.js';

export const unusedSuppression: CheckMeta = {
  id: 'unused-suppression',
  core: true,
  severity: 'warning',
  description: { en: 'An `orgc-disable-next-line` comment that suppresses nothing.', 'zh-CN': '没有抑制任何问题的 `orgc-disable-next-line` 注释。' },
  messages: {
    unused: { en: '`orgc-disable-next-line {rule}` suppresses nothing on the next line', 'zh-CN': '`orgc-disable-next-line {rule}` 在下一行没有抑制任何问题' },
    unknown: { en: 'unknown rule `{rule}` in `orgc-disable-next-line`', 'zh-CN': '`orgc-disable-next-line` 中的规则 `{rule}` 不存在' },
    'unknown-suggest': { en: 'unknown rule `{rule}` in `orgc-disable-next-line`; did you mean `{suggestion}`?', 'zh-CN': '`orgc-disable-next-line` 中的规则 `{rule}` 不存在；您是否想写 `{suggestion}`？' },
    core: { en: '`{rule}` is a core check and cannot be suppressed: fix the YAML instead', 'zh-CN': '`{rule}` 是核心检查，不能被抑制：请修改 YAML' },
    'no-rule': { en: 'name the rules to suppress: `# orgc-disable-next-line <rule-id> -- <reason>`', 'zh-CN': '请写明要抑制的规则：`# orgc-disable-next-line <规则 id> -- <原因>`' },
  },
};

const MARKER = 'orgc-disable-next-line';
const COMMENT = /#\s*orgc-disable-next-line\b(.*)$/;

interface Suppression {
  file: LoadedFile;
  line: number;
  column: number;
  length: number;
  rules: string[];
  /** Where each rule id is written on the comment's line (1-based column), for the fix of a misspelled one. */
  columns: number[];
  used: Set<string>;
}

export function applySuppressions(diagnostics: Diagnostic[], files: readonly LoadedFile[], checks: ReadonlyMap<string, CheckMeta>, lang: string): Diagnostic[] {
  const suppressions = new Map<string, Suppression>();
  for (const file of files) {
    if (!file.text.includes(MARKER)) continue;
    file.text.split('\n').forEach((raw, i) => {
      const m = COMMENT.exec(raw);
      if (!m) return;
      const column = raw.indexOf('#') + 1;
      const list = m[1].split(/\s--\s|\s--$/)[0];
      const rules = list.split(/[\s,]+/).filter(Boolean);
      const listStart = raw.length - m[1].length;
      const columns: number[] = [];
      let from = listStart;
      for (const rule of rules) {
        from = raw.indexOf(rule, from);
        columns.push(from + 1);
        from += rule.length;
      }
      suppressions.set(`${file.path}\0${i + 2}`, { file, line: i + 1, column, length: raw.trimEnd().length - column + 1, rules, columns, used: new Set() });
    });
  }
  if (suppressions.size === 0) return diagnostics;
  const kept = diagnostics.filter((d) => {
    const s = suppressions.get(`${d.file}\0${d.range.start.line}`);
    if (!s || !s.rules.includes(d.ruleId) || checks.get(d.ruleId)?.core) return true;
    s.used.add(d.ruleId);
    return false;
  });
  const span = (s: Suppression, column: number, length: number) => ({
    start: s.file.lines.position(s.file.lines.offset(s.line, column)),
    end: s.file.lines.position(s.file.lines.offset(s.line, column + length)),
  });
  const report = (s: Suppression, messageId: string, rule = '', suggestion?: { text: string; column: number }): Diagnostic => ({
    ruleId: unusedSuppression.id,
    severity: unusedSuppression.severity,
    message: formatMessage(unusedSuppression.messages, messageId, { rule, ...(suggestion ? { suggestion: suggestion.text } : {}) }, lang),
    file: s.file.path,
    range: span(s, s.column, s.length),
    related: [],
    ...(suggestion ? { fix: { range: span(s, suggestion.column, rule.length), text: suggestion.text } } : {}),
  });
  // Only rules can be suppressed: a misspelled id is matched against theirs, not the core checks'.
  const suppressible = [...checks.values()].filter((c) => !c.core).map((c) => c.id);
  for (const s of suppressions.values()) {
    if (s.rules.length === 0) kept.push(report(s, 'no-rule'));
    s.rules.forEach((rule, k) => {
      const meta = checks.get(rule);
      const suggestion = meta ? undefined : closest(rule, suppressible);
      if (!meta && suggestion) kept.push(report(s, 'unknown-suggest', rule, { text: suggestion, column: s.columns[k] }));
      else if (!meta) kept.push(report(s, 'unknown', rule));
      else if (meta.core) kept.push(report(s, 'core', rule));
      else if (!s.used.has(rule)) kept.push(report(s, 'unused', rule));
    });
  }
  return kept.sort(compareDiagnostics);
}
