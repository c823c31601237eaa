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
  // render
  'render-errors': { en: 'the org has errors: nothing rendered (--force renders anyway)', 'zh-CN': '组织设计有错误：未渲染任何文件（加 --force 仍然渲染）' },
  'render-unreadable': { en: 'the org cannot be read: nothing rendered', 'zh-CN': '无法读取组织设计：未渲染任何文件' },
  'render-despite': { en: 'rendering despite {n, plural, one {# error} other {# errors}} (--force)', 'zh-CN': '尽管有 {n} 个错误，仍然渲染（--force）' },
  'render-draft': { en: 'a draft (org.draft): rendered; to do:', 'zh-CN': '草稿（org.draft）：照常渲染；待办：' },
  'render-draft-after': { en: '(npx orgc validate lists each one)', 'zh-CN': '（npx orgc validate 列出每一处）' },
  'draft-no-duties': { en: '{n, plural, one {# role without duties} other {# roles without duties}}', 'zh-CN': '{n} 个岗位没有职责' },
  'draft-no-kpis': { en: '{n, plural, one {# missing KPI} other {# missing KPIs}}', 'zh-CN': '{n} 处 KPI 缺失' },
  'draft-no-requirements': { en: '{n, plural, one {# missing requirement} other {# missing requirements}}', 'zh-CN': '{n} 处任职要求缺失' },
  'render-up-to-date': { en: '✔ {dir} is up to date ({n, plural, one {# file} other {# files}})', 'zh-CN': '✔ {dir} 与组织设计一致（{n} 个文件）' },
  'render-written': { en: '✔ {dir}: {n, plural, one {# file} other {# files}}, {changed} changed', 'zh-CN': '✔ {dir}：{n} 个文件，其中 {changed} 个有变化' },
  'render-written-removed': { en: '✔ {dir}: {n, plural, one {# file} other {# files}}, {changed} changed, removed {removed} stale', 'zh-CN': '✔ {dir}：{n} 个文件，其中 {changed} 个有变化，删除 {removed} 个过期文件' },
  'render-missing': { en: 'missing  {file}', 'zh-CN': '缺少  {file}' },
  'render-differs': { en: 'differs  {file}', 'zh-CN': '不同  {file}' },
  'render-stale': { en: 'stale    {file}', 'zh-CN': '过期  {file}' },
  'render-out-of-date': { en: '{dir} is out of date: run `{command}`', 'zh-CN': '{dir} 已过期：请运行 `{command}`' },
  'render-progress': { en: 'rendering {done}/{total}', 'zh-CN': '正在渲染 {done}/{total}' },
  'render-only-nothing': { en: '--only {only} gives nothing to render as {format}', 'zh-CN': '--only {only} 在 {format} 格式下没有可渲染的内容' },
  'render-nothing': { en: 'the org has nothing to render as {format}', 'zh-CN': '组织设计在 {format} 格式下没有可渲染的内容' },
  'option-choices': { en: '{option} takes {choices}; not \'{value}\'', 'zh-CN': '{option} 的取值为 {choices}；不能是 “{value}”' },
} satisfies Messages;

export type CliMessageId = keyof typeof CLI_MESSAGES;

/** A CLI line in `lang`; the id is checked by the type checker. */
export function say(id: CliMessageId, lang: string, data?: MessageData): string {
  return formatMessage(CLI_MESSAGES, id, data, lang);
}
