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
  'render-waiting': {
    en: 'waiting for another orgc to finish writing {dir} (started {since} on {host}, process {pid}). If no orgc is running on any computer, delete the hidden file {lock}',
    'zh-CN': '正在等待另一个 orgc 写完 {dir}（{since} 在 {host} 上启动，进程 {pid}）。如果确认没有任何计算机上的 orgc 正在运行，请删除隐藏文件 {lock}',
  },
  'render-waiting-unknown': {
    en: 'waiting for another orgc to finish writing {dir}. If no orgc is running on any computer, delete the hidden file {lock}',
    'zh-CN': '正在等待另一个 orgc 写完 {dir}。如果确认没有任何计算机上的 orgc 正在运行，请删除隐藏文件 {lock}',
  },
  'render-progress': { en: 'rendering {done}/{total}', 'zh-CN': '正在渲染 {done}/{total}' },
  'render-only-nothing': { en: '--only {only} gives nothing to render as {format}', 'zh-CN': '--only {only} 在 {format} 格式下没有可渲染的内容' },
  'render-nothing': { en: 'the org has nothing to render as {format}', 'zh-CN': '组织设计在 {format} 格式下没有可渲染的内容' },
  'max-warnings': { en: "--max-warnings takes a whole number of warnings, not '{value}'", 'zh-CN': '--max-warnings 的值应为警告数（整数），不能是 “{value}”' },
  'config-unreadable': { en: 'cannot read {file}', 'zh-CN': '无法读取 {file}' },
  // import
  'cannot-read': { en: 'cannot read {file}: {reason}', 'zh-CN': '无法读取 {file}：{reason}' },
  'no-such-file': { en: 'no such file', 'zh-CN': '文件不存在' },
  'utf16': { en: '{file} is UTF-16: save it as UTF-8 (or CSV UTF-8 in Excel)', 'zh-CN': '{file} 是 UTF-16 编码：请另存为 UTF-8（Excel 中选 “CSV UTF-8”）' },
  gb18030: { en: '{file} is not UTF-8: read it as GB18030', 'zh-CN': '{file} 不是 UTF-8，已按 GB18030 读取' },
  'not-overwriting': { en: 'not overwriting {file} (use --force, or --out another file)', 'zh-CN': '不会覆盖 {file}（用 --force 替换，或用 --out 写到别的文件）' },
  'not-yaml': { en: '{file}: not YAML: {reason}', 'zh-CN': '{file}：不是 YAML：{reason}' },
  'not-yaml-at': { en: '{file}:{line}:{column}: not YAML: {reason}', 'zh-CN': '{file}:{line}:{column}：不是有效的 YAML，请检查这一行附近的缩进、引号和括号' },
  stdout: { en: 'stdout', 'zh-CN': '标准输出' },
  'import-done': {
    en: '✔ {where}: {people, plural, one {# person} other {# people}} in {positions, plural, one {# position} other {# positions}}, {roles, plural, one {# role} other {# roles}}, {departments, plural, one {# department} other {# departments}}, {regions, plural, one {# region} other {# regions}}',
    'zh-CN': '✔ {where}：{people} 人、{positions} 个职位，{roles} 个岗位，{departments} 个部门，{regions} 个区域',
  },
  'import-columns': { en: 'Columns:', 'zh-CN': '列：' },
  'import-dotted': { en: '; dotted lines: {kept} of {total}', 'zh-CN': '；虚线：{total} 条中保留 {kept} 条' },
  'import-lines': { en: 'Reporting lines: {kept} of {total} kept as role-to-role lines', 'zh-CN': '汇报线：{total} 条中 {kept} 条成为岗位汇报线' },
  'import-splits': { en: 'Titles split by manager role, named so each can be told apart:', 'zh-CN': '按上级岗位拆分的职位（名称可区分）：' },
  'import-positions': { en: 'People in several positions (counted once):', 'zh-CN': '兼任多个职位的人（只计一次）：' },
  'import-merges': { en: 'Titles read as one role (confirm, or run again with --keep-titles):', 'zh-CN': '合并为同一岗位的职位（请确认，或加 --keep-titles 重新运行）：' },
  'import-levels': { en: 'Levels guessed (check them; --levels <file> sets words of your own):', 'zh-CN': '推测的层级（请核对；可用 --levels <文件> 指定用词）：' },
  'import-row': { en: 'row {row}: ', 'zh-CN': '第 {row} 行：' },
  'import-problems': { en: '{n, plural, one {# thing} other {# things}} to check:', 'zh-CN': '{n} 处需要检查：' },
  'import-next': { en: 'Next steps:', 'zh-CN': '下一步：' },
  'import-next-1': { en: '  1. look at it: npx orgc render {draft} --only charts,jd,summary   (a draft renders; what it lacks is a to-do list)', 'zh-CN': '  1. 查看草稿：npx orgc render {draft} --only charts,jd,summary   （草稿可以渲染，缺少的内容列为待办）' },
  'import-next-2': { en: '  2. confirm the merged titles, split roles and levels above; rename roles as your org names them', 'zh-CN': '  2. 确认上面合并的职位、拆分的岗位与层级；按贵组织的叫法修改岗位名称' },
  'import-next-3': { en: '  3. add duties, RACI and KPIs: npx orgc validate {draft} lists what is missing', 'zh-CN': '  3. 补充职责、RACI 与 KPI：npx orgc validate {draft} 会列出还缺什么' },
  'import-next-4': { en: '  4. remove draft: true from org when the design is done', 'zh-CN': '  4. 设计完成后，删除 org 下的 draft: true' },
  'import-header': {
    en: '# A draft org made by `orgc import {file}`: every person-to-manager line is a role-to-role line,\n# levels are guessed from the words of titles. Duties, RACI and KPIs are not in a people list: add them,\n# `npx orgc validate` lists what is still missing; remove draft: true when the design is done.\n',
    'zh-CN': '# 由 `orgc import {file}` 生成的组织草稿：每条人员汇报线都成为岗位汇报线，层级按职位用词推测。\n# 职责、RACI 与 KPI 无法从人员名单得出：请补充，`npx orgc validate` 会列出还缺什么；完成后删除 draft: true。\n',
  },
  // commander's own errors (src/i18n/commander.ts reads them by code)
  'cli-unknown-option': { en: "unknown option '{option}'", 'zh-CN': '没有 “{option}” 这个选项' },
  'cli-unknown-option-suggest': { en: "unknown option '{option}'; did you mean {suggestion}?", 'zh-CN': '没有 “{option}” 这个选项；是不是 {suggestion}？' },
  'cli-unknown-command': { en: "unknown command '{command}'", 'zh-CN': '没有 “{command}” 这个命令' },
  'cli-unknown-command-suggest': { en: "unknown command '{command}'; did you mean {suggestion}?", 'zh-CN': '没有 “{command}” 这个命令；是不是 {suggestion}？' },
  'cli-missing-argument': { en: "missing {argument}: the command needs it", 'zh-CN': '缺少参数 {argument}：这个命令需要它' },
  'cli-option-missing-value': { en: '{option} needs a value after it', 'zh-CN': '{option} 后面需要跟一个值' },
  'cli-argument-choices': { en: "{argument} takes {choices}; not '{value}'", 'zh-CN': '{argument} 的取值为 {choices}；不能是 “{value}”' },
  'cli-too-many-arguments': { en: '{command} takes {expected, plural, one {# argument} other {# arguments}}, not {got}', 'zh-CN': '{command} 只接受 {expected} 个参数，但给了 {got} 个' },
  'cli-usage-hint': { en: '(run `{command} --help` for usage)', 'zh-CN': '（运行 `{command} --help` 查看用法）' },
  'cli-bad-usage': { en: 'the command line is not right: {detail}', 'zh-CN': '命令行有误：{detail}' },
  'internal-error': { en: 'internal error: {message} (run with --debug for details)', 'zh-CN': '内部错误：{message}（加 --debug 运行可查看详情）' },
  'internal-error-debug': { en: 'internal error: {message}', 'zh-CN': '内部错误：{message}' },
  // reading the org (src/load/sources.ts, src/load/git.ts)
  'no-org-here': { en: 'no org here: pass a file or directory, or create org.yaml (or an org/ directory)', 'zh-CN': '这里没有组织设计：请指定文件或目录，或创建 org.yaml（或 org/ 目录）' },
  'read-missing': { en: 'cannot read {file}: no such file or directory', 'zh-CN': '无法读取 {file}：文件或目录不存在' },
  'read-denied': { en: 'cannot read {file}: permission denied', 'zh-CN': '无法读取 {file}：没有读取权限' },
  'read-loop': { en: 'cannot read {file}: too many levels of symbolic links', 'zh-CN': '无法读取 {file}：符号链接层级过多' },
  'read-is-directory': { en: 'cannot read {file}: is a directory', 'zh-CN': '无法读取 {file}：这是一个目录' },
  'read-not-file': { en: 'cannot read {file}: not a regular file', 'zh-CN': '无法读取 {file}：不是普通文件' },
  'read-broken-link': { en: 'cannot read {file}: broken or looping symbolic link', 'zh-CN': '无法读取 {file}：符号链接已失效或形成循环' },
  'read-failed': { en: 'cannot read {file}: {reason}', 'zh-CN': '无法读取 {file}：{reason}' },
  'file-too-large': { en: '{file} is {size}; orgc reads files up to {max}', 'zh-CN': '{file} 大小为 {size}；orgc 最多读取 {max} 的文件' },
  'no-yaml-files': { en: 'no YAML files in {dir}', 'zh-CN': '{dir} 中没有 YAML 文件' },
  'git-missing': { en: 'cannot read {spec}: git is not installed', 'zh-CN': '无法读取 {spec}：没有安装 git' },
  'git-no-revision': { en: "cannot read {spec}: no revision '{rev}' in this repository", 'zh-CN': '无法读取 {spec}：本仓库中没有版本 “{rev}”' },
  'git-not-repo': { en: 'cannot read {spec}: {dir} is not in a git repository', 'zh-CN': '无法读取 {spec}：{dir} 不在 git 仓库中' },
  'git-no-path': { en: 'cannot read {spec}: no such path at {rev}', 'zh-CN': '无法读取 {spec}：版本 {rev} 中没有这个路径' },
  // render's templates and charts (src/render)
  'templates-unreadable': { en: 'cannot read the templates directory {dir}', 'zh-CN': '无法读取模板目录 {dir}' },
  'template-missing': { en: 'no template for the {page} page', 'zh-CN': '没有 {page} 页面的模板' },
  'chart-viewer-missing': { en: 'the HTML chart viewer needs the package {package}, which is missing: reinstall orgc (`npm install`)', 'zh-CN': 'HTML 图表查看器需要 {package} 包，但它不存在：请重新安装 orgc（`npm install`）' },
  'chart-no-browser-at': { en: 'no browser at {path} (from {from})', 'zh-CN': '{path} 处没有浏览器（由 {from} 指定）' },
  'chart-needs-browser': {
    en: 'drawing charts as svg, png or pdf needs Chromium or Chrome: install one (e.g. `apt-get install chromium fonts-noto-cjk`), set ORGC_CHROME=/path/to/chrome, or use --engine graphviz for SVG without a browser',
    'zh-CN': '以 svg、png 或 pdf 绘制图表需要 Chromium 或 Chrome：请安装（例如 `apt-get install chromium fonts-noto-cjk`），或设置 ORGC_CHROME=/浏览器/路径，或用 --engine graphviz 在没有浏览器时绘制 SVG',
  },
  'chart-graphviz-pdf': { en: '--engine graphviz draws svg and png; use --engine mermaid for pdf', 'zh-CN': '--engine graphviz 只能绘制 svg 和 png；pdf 请用 --engine mermaid' },
  'chart-needs-package': {
    en: "--format {format} draws with Mermaid in Chromium, which needs the optional package {package}: run `{command}` (it uses the system's Chromium), or draw without a browser with --engine graphviz (svg, png)",
    'zh-CN': '--format {format} 在 Chromium 中用 Mermaid 绘制，需要可选依赖 {package}：请运行 `{command}`（使用系统中的 Chromium），或用 --engine graphviz 在没有浏览器时绘制（svg、png）',
  },
  'chart-needs-packages': {
    en: "--format {format} draws with Mermaid in Chromium, which needs the optional packages {first} and {second}: run `{command}` (it uses the system's Chromium), or draw without a browser with --engine graphviz (svg, png)",
    'zh-CN': '--format {format} 在 Chromium 中用 Mermaid 绘制，需要可选依赖 {first} 和 {second}：请运行 `{command}`（使用系统中的 Chromium），或用 --engine graphviz 在没有浏览器时绘制（svg、png）',
  },
  'chart-too-large': { en: 'chart {chart} is too large to draw ({edges} edges, {chars} characters)', 'zh-CN': '图表 {chart} 太大，无法绘制（{edges} 条连线，{chars} 个字符）' },
  // other commands
  'watch-stdin': { en: '--watch runs again as files change; it cannot watch stdin (`-`)', 'zh-CN': '--watch 在文件变化时重新运行，无法监视标准输入（`-`）' },
  'watch-check': { en: '--watch writes the handbook again after each change; --check writes nothing: use one or the other', 'zh-CN': '--watch 在每次修改后重新生成手册，--check 不写任何文件：请二选一' },
  'watching': { en: 'watching {paths} — Ctrl-C stops', 'zh-CN': '正在监视 {paths}（按 Ctrl-C 停止）' },
  'watching-here': { en: 'watching the org in this directory — Ctrl-C stops', 'zh-CN': '正在监视当前目录中的组织设计（按 Ctrl-C 停止）' },
  'write-not-directory': {
    en: 'cannot write the handbook to {target}: {file} is a file, not a folder. Choose another --out, or move the file away',
    'zh-CN': '无法将手册写入 {target}：{file} 是一个文件，而不是文件夹。请换一个 --out 目录，或将该文件移走',
  },
  'write-out-is-file': {
    en: 'cannot write the handbook to {target}: it is a file, not a folder. Choose another --out, or move the file away',
    'zh-CN': '无法将手册写入 {target}：它是一个文件，而不是文件夹。请换一个 --out 目录，或将该文件移走',
  },
  'write-page-is-directory': {
    en: 'cannot write the handbook to {target}: {file} is a folder where a page goes. Move the folder away',
    'zh-CN': '无法将手册写入 {target}：{file} 处应为页面文件，却是一个文件夹。请将该文件夹移走',
  },
  'write-busy': {
    en: 'cannot write the handbook to {target}: {file} is in use, perhaps open in another program. Close it and render again',
    'zh-CN': '无法将手册写入 {target}：{file} 正被占用，可能在其他程序中打开着。请关闭后重新渲染',
  },
  'write-file-busy': { en: 'cannot write {target}: it is in use, perhaps open in another program. Close it and run again', 'zh-CN': '无法写入 {target}：文件正被占用，可能在其他程序中打开着。请关闭后重新运行' },
  'write-denied': {
    en: 'cannot write the handbook to {target}: no permission to write there, or the disk is read-only. Choose another --out',
    'zh-CN': '无法将手册写入 {target}：没有写入权限，或磁盘为只读。请换一个 --out 目录',
  },
  'write-full': {
    en: 'cannot write the handbook to {target}: the disk is full, or your share of it is used up. Free some space and render again',
    'zh-CN': '无法将手册写入 {target}：磁盘已满，或您的磁盘配额已用完。请腾出空间后重新渲染',
  },
  'write-failed': { en: 'cannot write the handbook to {target}: {reason}', 'zh-CN': '无法将手册写入 {target}：{reason}' },
  'write-file-not-directory': {
    en: 'cannot write {target}: {file} is a file, not a folder. Choose another path, or move the file away',
    'zh-CN': '无法写入 {target}：{file} 是一个文件，而不是文件夹。请换一个路径，或将该文件移走',
  },
  'write-file-is-directory': { en: 'cannot write {target}: it is a folder. Give a file name', 'zh-CN': '无法写入 {target}：这是一个文件夹。请给出文件名' },
  'write-file-denied': { en: 'cannot write {target}: no permission to write there, or the disk is read-only', 'zh-CN': '无法写入 {target}：没有写入权限，或磁盘为只读' },
  'write-file-full': { en: 'cannot write {target}: the disk is full, or your share of it is used up. Free some space and run again', 'zh-CN': '无法写入 {target}：磁盘已满，或您的磁盘配额已用完。请腾出空间后重新运行' },
  'write-file-failed': { en: 'cannot write {target}: {reason}', 'zh-CN': '无法写入 {target}：{reason}' },
  'outside-output': { en: 'refusing to write {file}: it is outside {dir}', 'zh-CN': '拒绝写入 {file}：它在 {dir} 之外' },
  'levels-not-map': { en: '{file}: a levels file is a map of title words to levels, e.g. `Account Manager: frontline`', 'zh-CN': '{file}：层级文件应为 “职位用词: 层级” 的映射，例如 `客户经理: frontline`' },
  'levels-bad-level': { en: "{file}: '{word}: {level}': the level is one of {levels}", 'zh-CN': '{file}：“{word}: {level}”：层级只能是 {levels} 之一' },
  'option-date': { en: '--{option} takes a date as YYYY-MM-DD, e.g. 2027-07-01; not \'{value}\'', 'zh-CN': '--{option} 的取值为 YYYY-MM-DD 格式的日期，例如 2027-07-01；不能是 “{value}”' },
  'option-choices': { en: '{option} takes {choices}; not \'{value}\'', 'zh-CN': '{option} 的取值为 {choices}；不能是 “{value}”' },
} satisfies Messages;

export type CliMessageId = keyof typeof CLI_MESSAGES;

/** A CLI line in `lang`; the id is checked by the type checker. */
export function say(id: CliMessageId, lang: string, data?: MessageData): string {
  return formatMessage(CLI_MESSAGES, id, data, lang);
}

/**
 * An error whose text is a catalogue line. `message` is the English line (for the library's callers
 * and logs); the CLI prints it in the reader's language with `sayError`, once it knows the language.
 */
export interface SaidError extends Error {
  messageId: CliMessageId;
  messageData?: MessageData;
}

/** The error's line in `lang` when it carries a catalogue id, else its message as it is. */
export function sayError(error: unknown, lang: string): string {
  // The library wraps its errors (OrgcError); the catalogue id is on the cause.
  for (let e = error as Partial<SaidError> | undefined, depth = 0; e && depth < 3; e = e.cause as Partial<SaidError> | undefined, depth++) {
    if (typeof e.messageId === 'string' && Object.hasOwn(CLI_MESSAGES, e.messageId)) return say(e.messageId, lang, e.messageData);
  }
  return error instanceof Error ? error.message : String(error);
}
