// The comparison for people — the terminal, a pull-request comment (Markdown), a page (HTML), a
// workbook (a comparison sheet and a sheet per scenario) — and for tools (JSON). Each scenario's
// changes follow the table, as `orgc diff` words them.
import type { Messages } from '../finding.js';
import { formatDiff } from '../diff/format.js';
import type { DiffReport } from '../diff/report.js';
import { formatMessage, formatMoney } from '../i18n/format.js';
import { localize } from '../i18n/text.js';
import type { UiLanguage } from '../i18n/lang.js';
import { markdownText } from '../render/escape.js';
import { xlsxChunks, type XlsxCell } from '../render/xlsx-writer.js';
import { displayWidth } from '../report/code-frame.js';
import { SPAN_BANDS } from './figures.js';
import type { Cell, Design, Row } from './table.js';

export const COMPARE_FORMATS = ['text', 'md', 'html', 'xlsx', 'json'] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];
export const COMPARE_JSON_VERSION = 1;

export interface Comparison {
  designs: Design[];
  rows: Row[];
  /** Per scenario (designs after the first), the diff from the base. */
  diffs: DiffReport[];
}

const WORDS: Messages = {
  title: { en: 'Design comparison', 'zh-CN': '方案对比' },
  figure: { en: 'Figure', 'zh-CN': '指标' },
  base: { en: 'base', 'zh-CN': '基准' },
  changes: { en: 'What {name} changes', 'zh-CN': '{name} 的变更' },
  'not-loaded': { en: 'does not load', 'zh-CN': '无法加载' },
  roles: { en: 'Roles', 'zh-CN': '岗位数' },
  seats: { en: 'Seats (headcount)', 'zh-CN': '编制（人）' },
  open: { en: 'Open seats', 'zh-CN': '空缺编制' },
  'manager-ratio': { en: 'ICs per manager seat', 'zh-CN': '每个管理岗位对应的非管理人员' },
  span: { en: 'Span of control (min / median / max)', 'zh-CN': '管理幅度（最小 / 中位 / 最大）' },
  'span-bands': { en: 'Managers by span ({bands})', 'zh-CN': '按管理幅度统计的管理岗位（{bands}）' },
  layers: { en: 'Layers', 'zh-CN': '层级数' },
  accountable: { en: 'Duties Accountable (A) per role (median / max)', 'zh-CN': '每个岗位负责（A）的职责数（中位 / 最大）' },
  responsible: { en: 'Duties Responsible (R) per role (median / max)', 'zh-CN': '每个岗位执行（R）的职责数（中位 / 最大）' },
  'quota-capacity': { en: 'Quota capacity', 'zh-CN': '配额产能' },
  'quota-assigned': { en: 'Quotas assigned', 'zh-CN': '已分配配额' },
  'revenue-target': { en: 'Revenue target', 'zh-CN': '收入目标' },
  'capacity-cover': { en: 'Capacity ÷ target', 'zh-CN': '产能 ÷ 目标' },
  'over-assignment': { en: 'Quota over-assignment', 'zh-CN': '配额超额分配' },
  'loaded-cost': { en: 'Loaded cost a year', 'zh-CN': '年度用人成本（含社保福利）' },
  'open-cost': { en: 'of which open seats', 'zh-CN': '其中空缺编制' },
  'cost-of-sale': { en: 'Cost of sale (loaded cost ÷ revenue target)', 'zh-CN': '销售成本率（用人成本 ÷ 收入目标）' },
  unbanded: { en: 'Seats without a pay band (not in the cost)', 'zh-CN': '未设薪酬带宽的编制（不计入成本）' },
  cover: { en: 'Capacity ÷ {target} ({value})', 'zh-CN': '产能 ÷ {target}（{value}）' },
  'coverage-gaps': { en: 'Coverage gaps', 'zh-CN': '覆盖缺口' },
  findings: { en: 'Findings (errors / warnings / info)', 'zh-CN': '问题（错误 / 警告 / 提示）' },
  'wave-start': { en: '{name} — at once', 'zh-CN': '{name}——立即生效部分' },
  wave: { en: '{name} — from {date}', 'zh-CN': '{name}——{date} 起' },
  'wave-named': { en: '{name} — from {date}: {wave}', 'zh-CN': '{name}——{date} 起：{wave}' },
};

/**
 * The column name of a scenario shown at one of its waves: after the wave of `effective` (with its
 * name, if it has one), or, with no date, before its first wave.
 */
export function waveName(name: string, stage: { effective?: string; name?: string }, lang: UiLanguage): string {
  if (stage.effective === undefined) return w('wave-start', lang, { name });
  return w(stage.name ? 'wave-named' : 'wave', lang, { name, date: stage.effective, ...(stage.name ? { wave: stage.name } : {}) });
}

const w = (key: string, lang: UiLanguage, data?: Record<string, string>) => formatMessage(WORDS, key, data, lang);

export function label(row: Row, lang: UiLanguage, orgLanguage = lang): string {
  if (row.target) return w('cover', lang, { target: row.target.name !== undefined ? localize(row.target.name, lang, orgLanguage) : row.target.id, value: amount(row.target.value, row.target.currency, lang) });
  return w(row.id, lang, row.id === 'span-bands' ? { bands: SPAN_BANDS.map((b) => b.id).join(' · ') } : undefined);
}

/** An amount as a reader writes it: `CNY 120M` in English, `1.2亿元` in Chinese (src/i18n/format.ts). */
export function amount(n: number, currency: string | undefined, lang: UiLanguage): string {
  return currency ? formatMoney(n, currency, lang) : new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 2 }).format(n);
}

function value(v: number | undefined, row: Row, lang: UiLanguage): string {
  if (v === undefined) return '–';
  switch (row.unit) {
    case 'money':
      return amount(v, row.currency, lang);
    case 'percent':
      return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(v * 100)}%`;
    case 'ratio':
      return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(v);
    default:
      return new Intl.NumberFormat(lang, { maximumFractionDigits: 1, useGrouping: true }).format(v);
  }
}

function delta(d: number | undefined, row: Row, lang: UiLanguage): string {
  if (d === undefined || d === 0) return '';
  const sign = d > 0 ? '+' : '−';
  return `${sign}${value(Math.abs(d), row, lang)}`;
}

/** A cell as text: `12 (+1)`, or `2 / 5.5 (+0.5) / 12`. */
export function cellText(cell: Cell, row: Row, lang: UiLanguage): string {
  if (cell.values.length === 0) return w('not-loaded', lang);
  return cell.values
    .map((v, k) => {
      const d = delta(cell.deltas?.[k], row, lang);
      return d ? `${value(v, row, lang)} (${d})` : value(v, row, lang);
    })
    .join(' / ');
}

function header(designs: readonly Design[], lang: UiLanguage): string[] {
  return [w('figure', lang), ...designs.map((d, i) => (i === 0 ? `${d.name} (${w('base', lang)})` : d.name))];
}

function grid(c: Comparison, lang: UiLanguage): string[][] {
  return c.rows.map((row) => [label(row, lang), ...row.cells.map((cell) => cellText(cell, row, lang))]);
}

export function formatComparison(c: Comparison, format: Exclude<CompareFormat, 'xlsx'>, lang: UiLanguage): string {
  switch (format) {
    case 'json':
      return JSON.stringify({ version: COMPARE_JSON_VERSION, designs: c.designs.map(({ changes: _, ...d }) => d), rows: c.rows, diffs: c.diffs }, null, 2) + '\n';
    case 'md':
      return markdown(c, lang);
    case 'html':
      return html(c, lang);
    default:
      return text(c, lang);
  }
}

function text(c: Comparison, lang: UiLanguage): string {
  const rows = [header(c.designs, lang), ...grid(c, lang)];
  const widths = rows[0].map((_, k) => Math.max(...rows.map((r) => displayWidth(r[k]))));
  const line = (r: string[]) => r.map((cell, k) => cell + ' '.repeat(widths[k] - displayWidth(cell))).join('  ').trimEnd();
  const out = [w('title', lang), '', line(rows[0]), widths.map((n) => '─'.repeat(n)).join('  '), ...rows.slice(1).map(line)];
  c.diffs.forEach((diff, i) => out.push('', `${w('changes', lang, { name: c.designs[i + 1].name })}:`, formatDiff(diff, 'text', lang).trimEnd()));
  return out.join('\n') + '\n';
}

function markdown(c: Comparison, lang: UiLanguage): string {
  // Design names are the user's text; labels and figures are ours and need no escaping but `|`.
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const name = (s: string) => cell(markdownText(s));
  const rows = grid(c, lang);
  const head = [w('figure', lang), ...c.designs.map((d, i) => (i === 0 ? `${name(d.name)} (${w('base', lang)})` : name(d.name)))];
  const out = [`### ${w('title', lang)}`, '', `| ${head.join(' | ')} |`, `|${' --- |'.repeat(c.designs.length + 1)}`];
  for (const r of rows) out.push(`| ${r.map(cell).join(' | ')} |`);
  c.diffs.forEach((diff, i) => {
    out.push('', `<details><summary>${w('changes', lang, { name: name(c.designs[i + 1].name) })}</summary>`, '', formatDiff(diff, 'md', lang).replace(/^### .*\n\n/, '').trimEnd(), '', '</details>');
  });
  return out.join('\n') + '\n';
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function html(c: Comparison, lang: UiLanguage): string {
  const e = escapeHtml;
  const rows = grid(c, lang);
  const out = [
    '<!doctype html>',
    `<html lang="${e(lang)}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(w('title', lang))}</title>`,
    '<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:2rem;color:#222}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.35rem .6rem;text-align:right}th:first-child,td:first-child{text-align:left}thead th{background:#f3f3f3;position:sticky;top:0}pre{white-space:pre-wrap}</style>',
    '</head><body>',
    `<h1>${e(w('title', lang))}</h1>`,
    '<table>',
    `<thead><tr>${header(c.designs, lang).map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...rows.map((r) => `<tr>${r.map((x, k) => (k === 0 ? `<th scope="row">${e(x)}</th>` : `<td>${e(x)}</td>`)).join('')}</tr>`),
    '</tbody></table>',
  ];
  c.diffs.forEach((diff, i) => out.push(`<h2>${e(w('changes', lang, { name: c.designs[i + 1].name }))}</h2>`, `<pre>${e(formatDiff(diff, 'text', lang).trimEnd())}</pre>`));
  out.push('</body></html>');
  return out.join('\n') + '\n';
}

/** The workbook: the comparison, then one sheet per scenario with its changes, a line each. */
export function comparisonXlsx(c: Comparison, lang: UiLanguage): Iterable<Uint8Array> {
  const bold = (value: string): XlsxCell => ({ value, fontWeight: 'bold' });
  const rows = grid(c, lang);
  const sheets = [
    {
      sheet: w('title', lang).slice(0, 31),
      rows: [header(c.designs, lang).map(bold), ...rows.map((r) => r.map((value, k) => (k === 0 ? bold(value) : { value })))],
      stickyRowsCount: 1,
      stickyColumnsCount: 1,
      columns: [{ width: 44 }, ...c.designs.map(() => ({ width: 26 }))],
    },
    ...c.diffs.map((diff, i) => ({
      // Sheet names: at most 31 characters, unique, none of []:*?/\ (Excel's rules).
      sheet: `${i + 1} ${c.designs[i + 1].id}`.replace(/[[\]:*?/\\]/g, '-').slice(0, 31),
      rows: formatDiff(diff, 'text', lang)
        .trimEnd()
        .split('\n')
        .map((line, k): XlsxCell[] => [k === 0 ? bold(line) : { value: line }]),
      columns: [{ width: 120 }],
    })),
  ];
  return xlsxChunks(sheets, 16_384);
}
