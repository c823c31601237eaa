// The org chart: roles as boxes (title, headcount, open positions, optionally the people), solid
// lines for reporting, dotted lines for matrix managers. A large org is paged, never drawn as one
// unreadable picture: the first page shows the top of the tree as deep as fits, and every team
// that does not fit continues on a page of its own, linked both ways; a manager with more direct
// reports than fit on a page gets several pages. The reports of a manager that have no team below
// them are stacked in a block of rows and columns under one arrow, so a page keeps the proportions
// of a slide instead of one long row; a dotted line that would pull a box off its reporting layer
// is written in the box instead of drawn.
import type { UiLanguage } from '../../i18n/lang.js';
import { localize } from '../../i18n/text.js';
import type { OrgModel, Role } from '../../model/types.js';
import { LABELS } from '../labels.js';
import { clip, layers, LIST_BREAKS, MAX_ROLES_PER_CHART, wrap, type Chart, type ChartNode, type Legend } from './chart.js';

export interface OrgChartOptions {
  /** Show the named people in each box. */
  people?: boolean;
  /** Roles per chart (tests use small pages). */
  maxRoles?: number;
}

export interface OrgCharts {
  charts: Chart[];
  /** The chart each role is shown on with its team. */
  homeOf: Map<string, string>;
}

export function orgCharts(model: OrgModel, lang: UiLanguage, opts: OrgChartOptions = {}): OrgCharts {
  const max = Math.max(3, opts.maxRoles ?? MAX_ROLES_PER_CHART);
  const t = (text: Parameters<typeof localize>[0]) => localize(text, lang, model.org.language);
  const title = (r: Role) => t(r.title) || r.id;
  const chartTitle = LABELS.orgChart[lang];
  const orgName = t(model.org.name);
  const charts: Chart[] = [];
  const homeOf = new Map<string, string>();

  const node = (r: Role): ChartNode => {
    const lines = [clip(title(r)), headcountLine(r, lang)];
    if (opts.people && r.people.length) {
      const names = r.people.slice(0, 3).map((p) => clip(t(p.name), 20));
      lines.push(names.join(lang.startsWith('zh') ? '、' : ', ') + (r.people.length > 3 ? ` +${r.people.length - 3}` : ''));
    }
    return { id: nodeId(r.id), lines, kind: 'role', vacant: r.vacancies > 0, role: r.id };
  };

  const link = (r: Role) => ({ id: `org-${r.id}`, title: `${chartTitle}: ${title(r)}` });
  const newChart = (id: string, name: string, parent?: Chart['parent']): Chart => {
    const heading = orgName ? `${orgName} · ${name}` : name;
    const chart: Chart = { id, title: name, heading, direction: 'TB', nodes: [], edges: [], groups: [], parent, children: [], parts: [] };
    charts.push(chart);
    return chart;
  };
  /** Draw `shown` on `chart`; a role whose reports are not drawn continues on its team's page. */
  const draw = (chart: Chart, shown: Role[]): Role[] => {
    const set = new Set(shown);
    const cut: Role[] = [];
    for (const r of shown) {
      const n = node(r);
      if (r.reports.length > 0 && !r.reports.some((x) => set.has(x))) {
        n.continues = `org-${r.id}`;
        chart.children.push(link(r));
        cut.push(r);
      } else homeOf.set(r.id, chart.id);
      chart.nodes.push(n);
      if (r.manager && set.has(r.manager)) chart.edges.push({ from: nodeId(r.manager.id), to: nodeId(r.id), style: 'solid' });
    }
    const rows = blockRows(shown, set);
    for (const m of shown) gridTeam(chart, m, set, rows);
    dottedLines(chart, shown.filter((r) => r.dottedManagers.some((m) => set.has(m))), set, title, lang);
    chart.legend = legendOf(chart, lang);
    return cut;
  };

  /** `roots` and as many whole levels below them as fit; teams cut off get pages of their own. */
  const page = (id: string, name: string, roots: Role[], parent?: Chart['parent']): void => {
    const chart = newChart(id, name, parent);
    const shown = [...roots];
    let level = roots;
    for (;;) {
      const next = level.flatMap((r) => r.reports);
      if (next.length === 0 || shown.length + next.length > max) break;
      shown.push(...next);
      level = next;
    }
    for (const r of draw(chart, shown)) team(r, { id, title: name });
  };

  /** The page(s) of a manager's team, split into parts when its reports do not fit on one. */
  const team = (manager: Role, parent: Chart['parent'], id = `org-${manager.id}`): void => {
    const name = id === 'org' ? chartTitle : `${chartTitle}: ${title(manager)}`;
    if (manager.reports.length + 1 <= max) return page(id, name, [manager], parent);
    const per = max - 1;
    const count = Math.ceil(manager.reports.length / per);
    const parts: Chart[] = [];
    for (let p = 0; p < count; p++) {
      const chart = newChart(p === 0 ? id : `${id}-${p + 1}`, `${name} (${p + 1}/${count})`, parent);
      parts.push(chart);
      const cut = draw(chart, [manager, ...manager.reports.slice(p * per, (p + 1) * per)]);
      for (const r of cut) team(r, { id: chart.id, title: chart.title });
    }
    homeOf.set(manager.id, id);
    for (const c of parts) c.parts = parts.filter((o) => o !== c).map((o) => ({ id: o.id, title: o.title }));
  };

  const tops = [...model.roles.values()].filter((r) => !r.manager);
  if (tops.length === 1 && tops[0].reports.length + 1 > max) team(tops[0], undefined, 'org');
  else if (tops.length > 0) page('org', chartTitle, tops);
  return { charts, homeOf };
}

/** A manager with teams below some reports gets a block for the others from this many on. */
const GRID_FROM = 7;
/** A block holds at most four rows while it can grow wider (more on a chart that is still too wide); six columns wide, it grows longer. */
const GRID_ROWS = 4;
const GRID_ROWS_MAX = 10;
const GRID_COLUMNS = 6;

/**
 * A manager's reports with no team drawn below them, as a block under one arrow instead of one long
 * row: a single column up to four, then as many columns as needed for four rows, up to six. Beside
 * reports that have teams of their own, only seven or more are stacked. An org
 * chart drawn one level to a row is many times wider than high (the example was 6.5 : 1); stacked,
 * it keeps about the proportions of a slide or a page.
 */
function gridTeam(chart: Chart, manager: Role, shown: ReadonlySet<Role>, maxRows: number): void {
  const members = blockOf(manager, shown);
  if (!members) return;
  const ids = new Set(members.map((r) => nodeId(r.id)));
  const from = nodeId(manager.id);
  const group = `g_${from}`;
  chart.edges = chart.edges.filter((e) => !(e.from === from && ids.has(e.to)));
  chart.edges.push({ from, to: group, style: 'solid' });
  const width = blockColumns(members.length, maxRows);
  const nodes = members.map((r) => nodeId(r.id));
  const rows: string[][] = [];
  for (let i = 0; i < nodes.length; i += width) rows.push(nodes.slice(i, i + width));
  chart.groups.push({ id: group, title: '', nodes, rows });
}

/** The reports of `manager` stacked in a block, if any. */
function blockOf(manager: Role, shown: ReadonlySet<Role>): Role[] | undefined {
  const reports = manager.reports.filter((r) => shown.has(r));
  const members = reports.filter((r) => !r.reports.some((x) => shown.has(x)));
  // Beside managers with teams, a few reports stay in their row: their layer is their rank.
  return members.length >= (members.length === reports.length ? 2 : GRID_FROM) ? members : undefined;
}

function blockColumns(members: number, maxRows: number): number {
  return Math.min(GRID_COLUMNS, Math.ceil(members / maxRows));
}

/**
 * The rows a block may have on this chart: four, or more while the chart would be wider than
 * about 2 : 1 (six regions of five teams each are twelve columns in blocks of three rows, six in
 * blocks of five). Sizes are estimated in boxes: a box and the gap beside it is about twice as wide
 * as a box and the gap under it is high.
 */
function blockRows(shown: Role[], set: ReadonlySet<Role>): number {
  const roots = shown.filter((r) => !r.manager || !set.has(r.manager));
  const ratio = (maxRows: number) => {
    const size = (r: Role): { width: number; height: number } => {
      const block = blockOf(r, set);
      const inBlock = new Set(block);
      const below = r.reports.filter((x) => set.has(x) && !inBlock.has(x)).map(size);
      let width = below.reduce((n, b) => n + b.width, 0);
      let height = Math.max(0, ...below.map((b) => b.height));
      if (block) {
        const columns = blockColumns(block.length, maxRows);
        width += columns;
        height = Math.max(height, Math.ceil(block.length / columns));
      }
      return { width: Math.max(1, width), height: 1 + height };
    };
    const sizes = roots.map(size);
    // The legend is about one more layer.
    return (2 * sizes.reduce((n, b) => n + b.width, 0)) / (1 + Math.max(...sizes.map((b) => b.height)));
  };
  for (let rows = GRID_ROWS; rows < GRID_ROWS_MAX; rows++) if (ratio(rows) <= 2) return rows;
  return GRID_ROWS_MAX;
}

/**
 * Dotted (matrix) lines. A line is a constraint to the layout: drawn from a manager to a box on the
 * same layer or above, it pushes the box a layer down, off its reporting layer (the KA account
 * manager, a direct report of the director, was drawn among the regional managers' teams). Such a
 * line is written in the box instead ("Dotted line to: …"); a line to a box lower down is drawn,
 * as it moves nothing.
 */
function dottedLines(chart: Chart, roles: Role[], shown: ReadonlySet<Role>, title: (r: Role) => string, lang: UiLanguage): void {
  const layer = layers(chart);
  const byId = new Map(chart.nodes.map((n) => [n.id, n]));
  const zh = lang.startsWith('zh');
  for (const r of roles) {
    const id = nodeId(r.id);
    const written: Role[] = [];
    for (const m of r.dottedManagers) {
      if (!shown.has(m)) continue;
      if (layer.get(nodeId(m.id))! < layer.get(id)!) chart.edges.push({ from: nodeId(m.id), to: id, style: 'dotted' });
      else written.push(m);
    }
    if (written.length) {
      const names = written.map((m) => clip(title(m), 40)).join(zh ? '、' : ', ');
      byId.get(id)!.lines.push(`${LABELS.dottedLineTo[lang]}${zh ? '：' : ':'}`, ...wrap(names, DOTTED_EMS, LIST_BREAKS));
    }
  }
}

/** Line width in ems of the written dotted lines: about a box's width. */
const DOTTED_EMS = 11;

/** What the chart's lines and box styles mean: only those it shows. */
function legendOf(chart: Chart, lang: UiLanguage): Legend {
  const entries: Legend['entries'] = [];
  if (chart.edges.some((e) => e.style === 'solid')) entries.push({ sample: 'solid', text: LABELS.legendReportsTo[lang] });
  const dotted = chart.edges.some((e) => e.style === 'dotted');
  const written = chart.nodes.some((n) => n.lines.some((l) => l.startsWith(LABELS.dottedLineTo[lang])));
  if (dotted || written) entries.push({ sample: 'dotted', text: LABELS.legendDottedLine[lang] });
  if (chart.nodes.some((n) => n.vacant)) entries.push({ sample: 'vacant', text: LABELS.legendVacancy[lang] });
  if (chart.nodes.some((n) => n.continues && !n.vacant)) entries.push({ sample: 'more', text: `${LABELS.legendContinues[lang]} ▸ …` });
  return { title: LABELS.legend[lang], entries };
}

/** Mermaid and DOT node ids: role ids are lowercase with hyphens; underscores keep them distinct. */
export function nodeId(roleId: string): string {
  return `r_${roleId.replace(/-/g, '_')}`;
}

function headcountLine(r: Role, lang: UiLanguage): string {
  if (lang.startsWith('zh')) {
    const words = lang === 'zh-TW' ? { hc: '編制', open: '空缺' } : { hc: '编制', open: '空缺' };
    return r.vacancies ? `${words.hc} ${r.headcount} · ${words.open} ${r.vacancies}` : `${words.hc} ${r.headcount}`;
  }
  return r.vacancies ? `${r.headcount} ${r.headcount === 1 ? 'person' : 'people'} · ${r.vacancies} open` : `${r.headcount} ${r.headcount === 1 ? 'person' : 'people'}`;
}
