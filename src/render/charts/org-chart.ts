// The org chart: roles as boxes (title, headcount, open positions, optionally the people), solid
// lines for reporting, dotted lines for matrix managers. A large org is paged, never drawn as one
// unreadable picture: the first page shows the top of the tree as deep as fits, and every team
// that does not fit continues on a page of its own, linked both ways; a manager with more direct
// reports than fit on a page gets several pages.
import type { UiLanguage } from '../../i18n/lang.js';
import { localize } from '../../i18n/text.js';
import type { OrgModel, Role } from '../../model/types.js';
import { LABELS } from '../labels.js';
import { clip, MAX_ROLES_PER_CHART, type Chart, type ChartNode } from './chart.js';

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
    const chart: Chart = { id, title: name, direction: 'TB', nodes: [], edges: [], groups: [], parent, children: [], parts: [] };
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
    for (const r of shown) for (const m of r.dottedManagers) if (set.has(m)) chart.edges.push({ from: nodeId(m.id), to: nodeId(r.id), style: 'dotted' });
    for (const m of shown) gridTeam(chart, m, set);
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

/** More reports than this on one chart, without teams of their own drawn there, become a grid. */
const GRID_FROM = 7;

/**
 * A manager's many reports as a block of rows under one arrow instead of one long row. Only reports
 * with no other lines on this chart (no team drawn below them, no dotted lines) join the block.
 */
function gridTeam(chart: Chart, manager: Role, shown: ReadonlySet<Role>): void {
  const touched = new Set(chart.edges.filter((e) => e.style === 'dotted').flatMap((e) => [e.from, e.to]));
  const members = manager.reports.filter((r) => shown.has(r) && !r.reports.some((x) => shown.has(x)) && !touched.has(nodeId(r.id)));
  if (members.length < GRID_FROM) return;
  const ids = new Set(members.map((r) => nodeId(r.id)));
  const from = nodeId(manager.id);
  const group = `g_${from}`;
  chart.edges = chart.edges.filter((e) => !(e.from === from && ids.has(e.to)));
  chart.edges.push({ from, to: group, style: 'solid' });
  // About square, between three and six wide.
  const width = Math.min(6, Math.max(3, Math.ceil(Math.sqrt(members.length))));
  const nodes = members.map((r) => nodeId(r.id));
  const rows: string[][] = [];
  for (let i = 0; i < nodes.length; i += width) rows.push(nodes.slice(i, i + width));
  chart.groups.push({ id: group, title: '', nodes, rows });
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
