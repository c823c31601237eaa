// A chart before it is drawn: nodes, edges and groups with plain text. The same chart becomes
// Mermaid text (for GitHub and the browser) or Graphviz DOT (for the browser-free SVG).

export interface ChartNode {
  id: string;
  /** Lines of plain text; the first is the title. */
  lines: string[];
  kind: 'role' | 'step' | 'note';
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

export interface Chart {
  /** File name without extension: `org`, `org-sales-manager`, `process`. */
  id: string;
  title: string;
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
export type NodeStyle = 'role' | 'vacant' | 'more' | 'step' | 'note';

export function styleOf(n: ChartNode): NodeStyle {
  if (n.kind !== 'role') return n.kind;
  return n.vacant ? 'vacant' : n.continues ? 'more' : 'role';
}

/** A node's lines as drawn: a role whose team continues elsewhere says so. */
export function linesOf(n: ChartNode): string[] {
  return n.continues ? [...n.lines, '▸ …'] : n.lines;
}

/** Lines drawn, visible or not: Mermaid's edge limit counts the invisible links of a grid too. */
export function edgeCount(chart: Chart): number {
  return chart.edges.length + chart.groups.reduce((n, g) => n + (g.rows ?? []).reduce((k, row) => k + row.length - 1, 0), 0);
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
