// The CLI's own lines (usage errors, summaries, notes), in every language we ship. Rules and core
// checks keep their messages next to their code; what the commands say themselves lives here.
import type { MessageData, Messages } from '../finding.js';
import { formatMessage } from './format.js';

export const CLI_MESSAGES = {
  'unknown-rule': { en: "unknown rule '{id}' (run `orgc rules` for the list)", 'zh-CN': '没有规则 “{id}”（运行 `orgc rules` 查看全部规则）' },
  'unknown-rule-suggest': { en: "unknown rule '{id}'; did you mean '{suggestion}'? (run `orgc rules` for the list)", 'zh-CN': '没有规则 “{id}”；是不是 “{suggestion}”？（运行 `orgc rules` 查看全部规则）' },
  'explain-english': { en: '', 'zh-CN': '（规则的详细说明目前只有英文版，见下文。）' },
  'explain-severity': { en: 'Default severity: **{severity}**', 'zh-CN': '默认级别：**{severity}**' },
  'explain-recommended': { en: ' · in `recommended`', 'zh-CN': ' · `recommended` 预设启用' },
  'explain-strict': { en: ' · in `strict` only', 'zh-CN': ' · 仅 `strict` 预设启用' },
  'explain-core': { en: 'Core check: always on; **{severity}**', 'zh-CN': '核心检查：始终启用；**{severity}**' },
  'severity-error': { en: 'error', 'zh-CN': '错误' },
  'severity-warning': { en: 'warning', 'zh-CN': '警告' },
  'severity-info': { en: 'info', 'zh-CN': '提示' },
} satisfies Messages;

export type CliMessageId = keyof typeof CLI_MESSAGES;

/** A CLI line in `lang`; the id is checked by the type checker. */
export function say(id: CliMessageId, lang: string, data?: MessageData): string {
  return formatMessage(CLI_MESSAGES, id, data, lang);
}
