// A chart before it is drawn: nodes, edges and groups with plain text. The same chart becomes
// Mermaid text (for GitHub and the browser) or Graphviz DOT (for the browser-free SVG).

export interface ChartNode {
  id: string;
  /** Lines of plain text; the first is the title. */
  lines: string[];
  /** `party`: someone a hand-off goes to or comes from who has no step on the map (the customer). */
  kind: 'role' | 'step' | 'party';
  /** A role with open positions, drawn distinctly. */
  vacant?: boolean;
  /** The chart this node continues on, for a role whose team has a page of its own. */
  continues?: string;
  /** The role this node stands for. */
  role?: string;
}

export interface ChartEdge {
  from: string;
  /** A node, or a group (an arrow to the whole box). */
  to: string;
  style: 'solid' | 'dotted';
  label?: string;
}

/** The legend's node ids start with this; no role or step id does (theirs start `r_`, `s_`, `p_`). */
export const LEGEND_ID = 'legend';

export interface ChartGroup {
  id: string;
  title: string;
  nodes: string[];
  /** How the group's nodes flow; the chart's direction when absent. */
  direction?: 'TB' | 'LR';
  /**
   * Nodes laid out as a grid of these rows, for a manager's many reports: a row of forty boxes is
   * unreadable once shrunk to a screen's width, a block of seven rows of six is not.
   */
  rows?: string[][];
}

/** One entry of a chart's legend: a sample of a line or of a box, and what it means. */
export interface LegendEntry {
  sample: 'solid' | 'dotted' | NodeStyle;
  text: string;
}

export interface Legend {
  title: string;
  entries: LegendEntry[];
}

export interface Chart {
  /** File name without extension: `org`, `org-sales-manager`, `process`. */
  id: string;
  title: string;
  /**
   * The title drawn on the picture, with the org's name: a PNG pasted into a slide or a board deck
   * carries no page heading around it.
   */
  heading?: string;
  /** What the lines and box styles mean, drawn under the chart; only what the chart uses. */
  legend?: Legend;
  /**
   * Layout in pixels when not the default: where Mermaid wraps a line of text (200), the space
   * between layers (50) and between boxes side by side (50).
   */
  spacing?: { wrap: number; rank: number; node: number };
  direction: 'TB' | 'LR';
  nodes: ChartNode[];
  edges: ChartEdge[];
  groups: ChartGroup[];
  /** Where this chart came from, for a page of a larger chart. */
  parent?: { id: string; title: string };
  /** Pages that continue this chart: the teams of roles drawn here without their reports. */
  children: Array<{ id: string; title: string }>;
  /** The other pages of the same team, when a manager's reports did not fit on one. */
  parts: Array<{ id: string; title: string }>;
}

/** How a node is drawn: the same five styles in Mermaid and in DOT. */
export type NodeStyle = 'role' | 'vacant' | 'more' | 'step' | 'party';

export function styleOf(n: ChartNode): NodeStyle {
  if (n.kind !== 'role') return n.kind;
  return n.vacant ? 'vacant' : n.continues ? 'more' : 'role';
}

/** A node's lines as drawn: a role whose team continues elsewhere says so. */
export function linesOf(n: ChartNode): string[] {
  return n.continues ? [...n.lines, '▸ …'] : n.lines;
}

/**
 * Lines drawn, visible or not: Mermaid's edge limit counts the invisible links of a grid (one per
 * box: its column's chain, or the anchor of a column's head) and of the legend too.
 */
export function edgeCount(chart: Chart): number {
  return chart.edges.length + chart.groups.reduce((n, g) => n + (g.rows ? g.nodes.length : 0), 0) + (chart.legend ? chart.legend.entries.length * 2 : 0);
}

/**
 * Each node's layer when the chart is laid out from top to bottom: one below the lowest node with a
 * line to it; a group's rows one below another under the group's arrow. Used to keep a dotted line
 * from pulling a box off its reporting layer, and to hang the legend under the lowest box.
 */
export function layers(chart: Chart, edges: ChartEdge[] = chart.edges): Map<string, number> {
  const groups = new Map(chart.groups.map((g) => [g.id, g]));
  const into = new Map<string, string[]>();
  const add = (to: string, from: string, gap = 1) => into.set(to, [...(into.get(to) ?? []), `${gap}:${from}`]);
  for (const e of edges) {
    const g = groups.get(e.to);
    if (!g) add(e.to, e.from);
    else if (g.rows) g.rows.forEach((row, k) => row.forEach((id) => add(id, e.from, k + 1)));
    else g.nodes.forEach((id) => add(id, e.from));
  }
  const layer = new Map<string, number>();
  const visit = (id: string, seen: Set<string>): number => {
    const known = layer.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) return 0;
    seen.add(id);
    let at = 0;
    for (const entry of into.get(id) ?? []) {
      const colon = entry.indexOf(':');
      at = Math.max(at, visit(entry.slice(colon + 1), seen) + Number(entry.slice(0, colon)));
    }
    layer.set(id, at);
    return at;
  };
  for (const n of chart.nodes) visit(n.id, new Set());
  return layer;
}

/** The first of the lowest boxes: the legend hangs under it. */
export function lowestNode(chart: Chart): string | undefined {
  const layer = layers(chart);
  let best: string | undefined;
  for (const n of chart.nodes) if (best === undefined || layer.get(n.id)! > layer.get(best)!) best = n.id;
  return best;
}

/** A label line cut to a readable length: titles may be long, a box should not be. */
export function clip(line: string, max = MAX_LABEL): string {
  const chars = [...line];
  return chars.length > max ? `${chars.slice(0, max - 1).join('').trimEnd()}…` : line;
}

/** Characters of one label line at most. */
export const MAX_LABEL = 60;

/** Limits we keep every chart under: well inside Mermaid's defaults (500 edges, 50,000 characters). */
export const MAX_ROLES_PER_CHART = 50;
export const MAX_EDGES = 400;
export const MAX_TEXT = 40_000;

/** Where a line may break: after a space or a list separator, but never inside "≤ 24h". */
const WORD_BREAKS = /(?<=[\s、，,])(?<!≤ )(?!≤)/u;
/** Where a list of names may break: between the names only, so no name is cut in two. */
export const LIST_BREAKS = /(?<=[、，]|, )/u;

/** Break a line into lines of at most `ems` (a CJK character is one em, others about half). */
export function wrap(line: string, ems = 12, breaks: RegExp = WORD_BREAKS): string[] {
  const out: string[] = [];
  let current = '';
  let width = 0;
  for (const word of line.split(breaks)) {
    const w = [...word].reduce((n, ch) => n + (/[\u2e80-\ua4cf\uac00-\ud7a3\uff00-\uffef]/u.test(ch) ? 1 : 0.55), 0);
    if (width + w > ems && current) {
      out.push(current.trimEnd());
      current = '';
      width = 0;
    }
    current += word;
    width += w;
  }
  if (current.trim()) out.push(current.trimEnd());
  return out.length ? out : [line];
}
