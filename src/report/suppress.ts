// Inline suppression: `# orgc-disable-next-line <rule-id>[, <rule-id>…] -- <reason>` silences
// those rules' findings on the next line. A suppression that silences nothing, names an unknown
// rule, or names a core check (which guards the language itself) is reported in turn.
import type { CheckMeta } from '../finding.js';
import { formatMessage } from '../i18n/format.js';
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
      suppressions.set(`${file.path}\0${i + 2}`, { file, line: i + 1, column, length: raw.trimEnd().length - column + 1, rules, used: new Set() });
    });
  }
  if (suppressions.size === 0) return diagnostics;
  const kept = diagnostics.filter((d) => {
    const s = suppressions.get(`${d.file}\0${d.range.start.line}`);
    if (!s || !s.rules.includes(d.ruleId) || checks.get(d.ruleId)?.core) return true;
    s.used.add(d.ruleId);
    return false;
  });
  const report = (s: Suppression, messageId: string, rule = ''): Diagnostic => ({
    ruleId: unusedSuppression.id,
    severity: unusedSuppression.severity,
    message: formatMessage(unusedSuppression.messages, messageId, { rule }, lang),
    file: s.file.path,
    range: { start: s.file.lines.position(s.file.lines.offset(s.line, s.column)), end: s.file.lines.position(s.file.lines.offset(s.line, s.column + s.length)) },
    related: [],
  });
  for (const s of suppressions.values()) {
    if (s.rules.length === 0) kept.push(report(s, 'no-rule'));
    for (const rule of s.rules) {
      const meta = checks.get(rule);
      if (!meta) kept.push(report(s, 'unknown', rule));
      else if (meta.core) kept.push(report(s, 'core', rule));
      else if (!s.used.has(rule)) kept.push(report(s, 'unused', rule));
    }
  }
  return kept.sort(compareDiagnostics);
}
