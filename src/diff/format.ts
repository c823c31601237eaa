// A diff report for people — the terminal, or a pull-request comment in Markdown (short summary
// first, details folded) — and for tools (JSON). English or Chinese.
import type { MessageData, Messages } from '../finding.js';
import { formatMessage } from '../i18n/format.js';
import type { UiLanguage } from '../i18n/lang.js';
import { markdownText } from '../render/escape.js';
import type { Change, ChangeKind, ItemNoun, Noun, Ref } from './compare.js';
import type { DiffReport, FindingRef } from './report.js';

export const DIFF_FORMATS = ['text', 'md', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];
export const DIFF_JSON_VERSION = 1;

/** The groups a change falls in, in the order a reviewer wants them. */
const entityKinds = (...nouns: ItemNoun[]): ChangeKind[] => nouns.flatMap((n) => [`${n}-added`, `${n}-removed`, `${n}-changed`] as ChangeKind[]);
const GROUPS: Array<{ id: string; kinds: ChangeKind[]; folded: boolean }> = [
  { id: 'roles', kinds: ['role-split', 'roles-merged', 'role-renamed', 'role-added', 'role-removed', 'role-retitled', 'role-changed'], folded: false },
  { id: 'lines', kinds: ['manager-changed', 'dotted-added', 'dotted-removed'], folded: false },
  { id: 'duties', kinds: ['duty-renamed', 'duty-moved', 'raci-changed', 'duty-added', 'duty-removed', 'duty-changed'], folded: true },
  { id: 'headcount', kinds: ['headcount-changed', 'vacancies-changed'], folded: true },
  { id: 'pay', kinds: [...entityKinds('pay-band'), 'capacity-changed', 'cost-changed'], folded: true },
  { id: 'performance', kinds: entityKinds('kpi', 'service-level', 'target'), folded: true },
  { id: 'process', kinds: ['process-reordered', ...entityKinds('stage', 'step')], folded: true },
  { id: 'monitoring', kinds: [...entityKinds('metric', 'review', 'signal')], folded: true },
  { id: 'people', kinds: entityKinds('person'), folded: true },
  { id: 'vocabulary', kinds: ['org-changed', ...entityKinds('dimension', 'dimension-value', 'family', 'competency', 'tool')], folded: true },
];

/** The report's fixed words, a message catalogue like the rules' own. */
const WORDS: Messages = {
  title: { en: 'Org design changes', 'zh-CN': '组织设计变更' },
  roles: { en: 'Roles', 'zh-CN': '岗位' },
  lines: { en: 'Reporting lines', 'zh-CN': '汇报关系' },
  duties: { en: 'Duties and RACI', 'zh-CN': '职责与 RACI' },
  headcount: { en: 'Headcount', 'zh-CN': '编制' },
  pay: { en: 'Pay bands, capacity and cost', 'zh-CN': '薪酬带宽、产能与成本' },
  performance: { en: 'KPIs, service levels and targets', 'zh-CN': 'KPI、服务时限与目标' },
  process: { en: 'Process', 'zh-CN': '流程' },
  monitoring: { en: 'Metrics, reviews and adaptation signals', 'zh-CN': '指标、复盘会议与调整信号' },
  people: { en: 'People', 'zh-CN': '人员' },
  vocabulary: { en: 'Org, dimensions, families, competencies and tools', 'zh-CN': '组织、维度、岗位族、能力与工具' },
  newFindings: { en: 'New findings', 'zh-CN': '新增问题' },
  fixedFindings: { en: 'Fixed findings', 'zh-CN': '已解决的问题' },
  none: { en: 'No change to the org design.', 'zh-CN': '组织设计没有变化。' },
  noFindings: { en: 'no change in findings', 'zh-CN': '问题没有变化' },
  notLoaded: { en: '{side} does not load, so only its findings are compared', 'zh-CN': '{side} 无法加载，只比较问题' },
  base: { en: 'base', 'zh-CN': '基准' },
  head: { en: 'head', 'zh-CN': '新版' },
};

function w(key: string, lang: UiLanguage, data?: MessageData): string {
  return formatMessage(WORDS, key, data, lang);
}

/** One line per change, by the change's kind (a manager change by whether either side is empty). */
const SENTENCES: Messages = {
  'role-added': { en: 'New role {role}', 'zh-CN': '新增岗位 {role}' },
  'role-removed': { en: 'Role {role} removed', 'zh-CN': '撤销岗位 {role}' },
  'role-renamed': { en: 'Role {from} renamed to {to} (same duties)', 'zh-CN': '岗位 {from} 改为 {to}（职责相同）' },
  'role-retitled': { en: '{role} retitled: {from} → {to}', 'zh-CN': '{role} 更名：{from} → {to}' },
  'role-split': { en: '{from} split into {into}', 'zh-CN': '{from} 拆分为 {into}' },
  'roles-merged': { en: '{from} merged into {into}', 'zh-CN': '{from} 合并为 {into}' },
  'manager-removed': { en: '{role} no longer reports to anyone (was {from})', 'zh-CN': '{role} 不再有上级（原为 {from}）' },
  'manager-added': { en: '{role} now reports to {to}', 'zh-CN': '{role} 改为向 {to} 汇报' },
  'manager-changed': { en: '{role} now reports to {to} (was {from})', 'zh-CN': '{role} 改为向 {to} 汇报（原为 {from}）' },
  'dotted-added': { en: '{role} now has a dotted line to {manager}', 'zh-CN': '{role} 新增虚线汇报给 {manager}' },
  'dotted-removed': { en: '{role} no longer has a dotted line to {manager}', 'zh-CN': '{role} 不再虚线汇报给 {manager}' },
  'duty-added': { en: 'New duty {duty}', 'zh-CN': '新增职责 {duty}' },
  'duty-removed': { en: 'Duty {duty} removed', 'zh-CN': '删除职责 {duty}' },
  'duty-renamed': { en: 'Duty {from} renamed to {to} (same work, same roles)', 'zh-CN': '职责 {from} 改为 {to}（内容与岗位相同）' },
  'process-reordered': { en: 'Process steps reordered: {from} → {to}', 'zh-CN': '流程步骤顺序调整：{from} → {to}' },
  'org-changed': { en: 'The org: {field} {from} → {to}', 'zh-CN': '组织：{field} {from} → {to}' },
  'duty-moved': { en: '{duty}: {letter} moved from {from} to {to}', 'zh-CN': '{duty}：{letter} 从 {from} 移交给 {to}' },
  'raci-changed': { en: '{duty}: {role} {from} → {to}', 'zh-CN': '{duty}: {role} {from} → {to}' },
  'headcount-changed': { en: '{role}: headcount {from} → {to}', 'zh-CN': '{role} 编制 {from} → {to}' },
  'vacancies-changed': { en: '{role}: open positions {from} → {to}', 'zh-CN': '{role} 空缺 {from} → {to}' },
  'capacity-changed': { en: 'Quota capacity against {target}: {from} → {to}', 'zh-CN': '{target} 的指标产能：{from} → {to}' },
  'cost-changed': { en: 'Loaded cost of the design: {from} → {to} ({delta})', 'zh-CN': '设计的年度综合用人成本：{from} → {to}（{delta}）' },
  added: { en: 'New {noun} {item}', 'zh-CN': '新增 {noun} {item}' },
  removed: { en: '{Noun} {item} removed', 'zh-CN': '删除{noun} {item}' },
  changed: { en: '{Noun} {item}: {field} {from} → {to}', 'zh-CN': '{noun} {item}: {field} {from} → {to}' },
  kpi: { en: 'KPI', 'zh-CN': 'KPI' },
  'service-level': { en: 'service level', 'zh-CN': '服务时限' },
  target: { en: 'target', 'zh-CN': '目标' },
  role: { en: 'role', 'zh-CN': '岗位' },
  duty: { en: 'duty', 'zh-CN': '职责' },
  dimension: { en: 'dimension', 'zh-CN': '维度' },
  'dimension-value': { en: 'dimension value', 'zh-CN': '维度取值' },
  family: { en: 'role family', 'zh-CN': '岗位族' },
  competency: { en: 'competency', 'zh-CN': '能力' },
  stage: { en: 'process stage', 'zh-CN': '流程阶段' },
  step: { en: 'process step', 'zh-CN': '流程步骤' },
  metric: { en: 'metric', 'zh-CN': '指标' },
  review: { en: 'review', 'zh-CN': '复盘会议' },
  tool: { en: 'tool', 'zh-CN': '工具' },
  signal: { en: 'adaptation signal', 'zh-CN': '调整信号' },
  person: { en: 'person', 'zh-CN': '人员' },
  'pay-band': { en: 'pay band', 'zh-CN': '薪酬带宽' },
};

/** One line per change; `name` formats a reference (bold in Markdown, plain in the terminal). */
function sentence(c: Change, lang: UiLanguage, name: (r: Ref) => string, code: (s: string) => string): string {
  const say = (id: string, data: MessageData) => formatMessage(SENTENCES, id, data, lang);
  const list = (refs: Ref[]) => refs.map(name).join(lang.startsWith('zh') ? '、' : ', ');
  switch (c.kind) {
    case 'role-added':
    case 'role-removed':
      return say(c.kind, { role: name(c.role) });
    case 'role-renamed':
      return say(c.kind, { from: name(c.from), to: name(c.to) });
    case 'role-retitled':
      return say(c.kind, { role: name(c.role), from: c.from, to: c.to });
    case 'role-split':
      return say(c.kind, { from: name(c.from), into: list(c.into) });
    case 'roles-merged':
      return say(c.kind, { from: list(c.from), into: name(c.into) });
    case 'manager-changed':
      return say(!c.to ? 'manager-removed' : !c.from ? 'manager-added' : c.kind, { role: name(c.role), from: c.from ? name(c.from) : '', to: c.to ? name(c.to) : '' });
    case 'dotted-added':
    case 'dotted-removed':
      return say(c.kind, { role: name(c.role), manager: name(c.manager) });
    case 'duty-added':
    case 'duty-removed':
      return say(c.kind, { duty: name(c.duty) });
    case 'duty-moved':
      return say(c.kind, { duty: name(c.duty), letter: code(c.letter), from: name(c.from), to: name(c.to) });
    case 'raci-changed':
      return say(c.kind, { duty: name(c.duty), role: name(c.role), from: code(c.from || '–'), to: code(c.to || '–') });
    case 'headcount-changed':
    case 'vacancies-changed':
      return say(c.kind, { role: name(c.role), from: c.from, to: c.to });
    case 'duty-renamed':
      return say(c.kind, { from: name(c.from), to: name(c.to) });
    case 'process-reordered':
      return say(c.kind, { from: code(c.from), to: code(c.to) });
    case 'capacity-changed':
      return say(c.kind, { target: name(c.target), from: c.from, to: c.to });
    case 'cost-changed':
      return say(c.kind, { from: c.from, to: c.to, delta: c.delta });
    case 'org-changed':
      return say(c.kind, { field: c.field, from: code(c.from || '–'), to: code(c.to || '–') });
    default: {
      // `<noun>-added`, `<noun>-removed`, `<noun>-changed` of every other kind of entity.
      const [, entity, what] = /^(.+)-(added|removed|changed)$/.exec(c.kind)! as unknown as [string, ItemNoun | Noun, string];
      const noun = say(entity, {});
      const data: MessageData = { noun, Noun: capital(noun), item: 'item' in c ? name(c.item) : '' };
      if ('field' in c) Object.assign(data, { field: c.field, from: code(c.from || '–'), to: code(c.to || '–') });
      return say(what, data);
    }
  }
}

/** The kinds of change in a group, by its id. */
const group = (id: string): ChangeKind[] => GROUPS.find((g) => g.id === id)!.kinds;

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The counts of the summary line, in every language: `{n, plural, …}` gives "1 role added", "2 roles added". */
const COUNTS = {
  'role-added': { en: '{n, plural, one {# role added} other {# roles added}}', 'zh-CN': '{n} 个岗位新增' },
  'role-removed': { en: '{n, plural, one {# role removed} other {# roles removed}}', 'zh-CN': '{n} 个岗位撤销' },
  'role-split': { en: '{n, plural, one {# role split} other {# roles split}}', 'zh-CN': '{n} 个岗位拆分' },
  merged: { en: '{n, plural, one {# merge} other {# merges}}', 'zh-CN': '{n} 处合并' },
  renamed: { en: '{n, plural, one {# role renamed} other {# roles renamed}}', 'zh-CN': '{n} 个岗位更名' },
  'role-other': { en: '{n, plural, one {# other role change} other {# other role changes}}', 'zh-CN': '{n} 处其他岗位变化' },
  lines: { en: '{n, plural, one {# reporting-line change} other {# reporting-line changes}}', 'zh-CN': '{n} 处汇报关系变化' },
  'duty-moved': { en: '{n, plural, one {# duty moved} other {# duties moved}}', 'zh-CN': '{n} 项职责移交' },
  'duty-renamed': { en: '{n, plural, one {# duty renamed} other {# duties renamed}}', 'zh-CN': '{n} 项职责更名' },
  'duty-other': { en: '{n, plural, one {# other duty change} other {# other duty changes}}', 'zh-CN': '{n} 处其他职责变化' },
  headcount: { en: '{n, plural, one {# headcount change} other {# headcount changes}}', 'zh-CN': '{n} 处编制变化' },
  pay: { en: '{n, plural, one {# pay/capacity/cost change} other {# pay/capacity/cost changes}}', 'zh-CN': '{n} 处薪酬/产能/成本变化' },
  performance: { en: '{n, plural, one {# KPI/service-level/target change} other {# KPI/service-level/target changes}}', 'zh-CN': '{n} 处 KPI/时限/目标变化' },
  process: { en: '{n, plural, one {# process change} other {# process changes}}', 'zh-CN': '{n} 处流程变化' },
  monitoring: { en: '{n, plural, one {# metric/review/signal change} other {# metric/review/signal changes}}', 'zh-CN': '{n} 处指标/复盘/信号变化' },
  people: { en: '{n, plural, one {# change to people} other {# changes to people}}', 'zh-CN': '{n} 处人员变化' },
  other: { en: '{n, plural, one {# other change} other {# other changes}}', 'zh-CN': '{n} 处其他变化' },
  'new-errors': { en: '{n, plural, one {# new error} other {# new errors}}', 'zh-CN': '新增 {n} 个错误' },
  'new-warnings': { en: '{n, plural, one {# new warning} other {# new warnings}}', 'zh-CN': '新增 {n} 个警告' },
  fixed: { en: '{n} fixed', 'zh-CN': '解决 {n} 个问题' },
  comma: { en: ', ', 'zh-CN': '，' },
  semicolon: { en: '; ', 'zh-CN': '；' },
} satisfies Messages;

/** "2 roles split, 3 duties moved, 1 new error": the counts that matter, in one line. */
export function summaryLine(report: DiffReport, lang: UiLanguage): string {
  const count = (kinds: ChangeKind[]) => report.changes.filter((c) => kinds.includes(c.kind)).length;
  const say = (id: keyof typeof COUNTS, n?: number) => formatMessage(COUNTS, id, n === undefined ? undefined : { n }, lang);
  const parts: Array<[number, keyof typeof COUNTS]> = [
    [count(['role-added']), 'role-added'],
    [count(['role-removed']), 'role-removed'],
    [count(['role-split']), 'role-split'],
    [count(['roles-merged']), 'merged'],
    [count(['role-renamed', 'role-retitled']), 'renamed'],
    [count(['role-changed']), 'role-other'],
    [count(['manager-changed', 'dotted-added', 'dotted-removed']), 'lines'],
    [count(['duty-moved']), 'duty-moved'],
    [count(['duty-renamed']), 'duty-renamed'],
    [count(['raci-changed', 'duty-added', 'duty-removed', 'duty-changed']), 'duty-other'],
    [count(['headcount-changed', 'vacancies-changed']), 'headcount'],
    [count(group('pay')), 'pay'],
    [count(group('performance')), 'performance'],
    [count(group('process')), 'process'],
    [count(group('monitoring')), 'monitoring'],
    [count(group('people')), 'people'],
    [count(group('vocabulary')), 'other'],
  ];
  const errors = report.findings.introduced.filter((f) => f.severity === 'error').length;
  const warnings = report.findings.introduced.filter((f) => f.severity !== 'error').length;
  const fixed = report.findings.fixed.length;
  const text = parts.filter(([n]) => n > 0).map(([n, id]) => say(id, n));
  if (text.length === 0) text.push(w('none', lang).replace(/\.$|。$/, ''));
  const findings = [errors ? say('new-errors', errors) : '', warnings ? say('new-warnings', warnings) : '', fixed ? say('fixed', fixed) : ''].filter(Boolean);
  return `${text.join(say('comma'))}${say('semicolon')}${findings.length ? findings.join(say('comma')) : w('noFindings', lang)}`;
}

export function formatDiff(report: DiffReport, format: DiffFormat, lang: UiLanguage, color: (kind: 'add' | 'remove' | 'change' | 'dim', s: string) => string = (_k, s) => s): string {
  if (format === 'json') return JSON.stringify({ version: DIFF_JSON_VERSION, ...report }, null, 2) + '\n';
  return format === 'md' ? markdown(report, lang) : text(report, lang, color);
}

function notLoaded(report: DiffReport, lang: UiLanguage): string[] {
  return (['base', 'head'] as const).filter((s) => !report[s].loads).map((s) => w('notLoaded', lang, { side: `${w(s, lang)} ${report[s].spec}` }));
}

function markdown(report: DiffReport, lang: UiLanguage): string {
  const name = (r: Ref) => `**${markdownText(r.title)}** (\`${r.id}\`)`;
  const code = (s: string) => `\`${s}\``;
  const out = [`### ${w('title', lang)}`, '', `${markdownText(report.base.spec)} → ${markdownText(report.head.spec)}: ${summaryLine(report, lang)}`, ''];
  for (const line of notLoaded(report, lang)) out.push(`> ${markdownText(line)}`, '');
  const findingLine = (f: FindingRef) => `- ${f.severity === 'error' ? '❌' : '⚠️'} ${markdownText(f.message)} (\`${f.ruleId}\`, ${markdownText(f.file)}:${f.line})`;
  const introduced = report.findings.introduced;
  if (introduced.some((f) => f.severity === 'error')) {
    out.push(`**${w('newFindings', lang)}**`, '', ...introduced.filter((f) => f.severity === 'error').map(findingLine), '');
  }
  for (const group of GROUPS) {
    const changes = report.changes.filter((c) => group.kinds.includes(c.kind));
    if (changes.length === 0) continue;
    const lines = changes.map((c) => `- ${sentence(c, lang, name, code)}`);
    if (group.folded) out.push(`<details><summary>${w(group.id, lang)} (${changes.length})</summary>`, '', ...lines, '', '</details>', '');
    else out.push(`**${w(group.id, lang)}**`, '', ...lines, '');
  }
  const warnings = introduced.filter((f) => f.severity !== 'error');
  if (warnings.length) out.push(`<details><summary>${w('newFindings', lang)} (${warnings.length})</summary>`, '', ...warnings.map(findingLine), '', '</details>', '');
  if (report.findings.fixed.length) {
    out.push(`<details><summary>${w('fixedFindings', lang)} (${report.findings.fixed.length})</summary>`, '', ...report.findings.fixed.map((f) => `- ✅ ${markdownText(f.message)} (\`${f.ruleId}\`)`), '', '</details>', '');
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

function text(report: DiffReport, lang: UiLanguage, color: (kind: 'add' | 'remove' | 'change' | 'dim', s: string) => string): string {
  const name = (r: Ref) => `${r.title} (${r.id})`;
  const out = [`${report.base.spec} → ${report.head.spec}: ${summaryLine(report, lang)}`];
  for (const line of notLoaded(report, lang)) out.push(color('dim', line));
  const sign = (c: Change) => (/added|split|merged/.test(c.kind) ? ['add', '+'] : /removed/.test(c.kind) ? ['remove', '-'] : ['change', '~']) as ['add' | 'remove' | 'change', string];
  for (const group of GROUPS) {
    const changes = report.changes.filter((c) => group.kinds.includes(c.kind));
    if (changes.length === 0) continue;
    out.push('', `${w(group.id, lang)}:`);
    for (const c of changes) {
      const [kind, mark] = sign(c);
      out.push(`  ${color(kind, mark)} ${sentence(c, lang, name, (s) => s)}`);
    }
  }
  if (report.findings.introduced.length) {
    out.push('', `${w('newFindings', lang)}:`);
    for (const f of report.findings.introduced) out.push(`  ${color('remove', f.severity === 'error' ? '✖' : '⚠')} ${f.file}:${f.line}:${f.column} ${f.message} ${color('dim', `[${f.ruleId}]`)}`);
  }
  if (report.findings.fixed.length) {
    out.push('', `${w('fixedFindings', lang)}:`);
    for (const f of report.findings.fixed) out.push(`  ${color('add', '✔')} ${f.message} ${color('dim', `[${f.ruleId}]`)}`);
  }
  return out.join('\n') + '\n';
}
