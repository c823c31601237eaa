// Charts as Mermaid flowcharts, for GitHub (fenced `mermaid` blocks), `.mmd` files and pictures drawn in the browser.
// Every label is quoted and its text written with Mermaid's entity codes, so no title — quotes,
// brackets, `#`, backticks, `<script>`, CJK, emoji — can end the label or change the diagram.
import { LEGEND_ID, linesOf, lowestNode, styleOf, type Chart, type NodeStyle } from './chart.js';

/** Text for inside `"…"` in a Mermaid label. There is no backslash escape: entity codes it is. */
export function mermaidText(s: string): string {
  return s.replace(/[#"`<>&;\\]|\r?\n|\r/g, (c) => {
    switch (c) {
      case '#':
        return '#35;';
      case '"':
        return '#quot;';
      case '`':
        return '#96;';
      case '<':
        return '#lt;';
      case '>':
        return '#gt;';
      case '&':
        return '#amp;';
      case ';':
        return '#59;';
      case '\\':
        return '#92;';
      default:
        return ' ';
    }
  });
}

/**
 * A title as Mermaid should draw it. Mermaid escapes a title's `&` and `<` before drawing it as
 * text, so "R&D" would show as "R&amp;D": the full-width forms look the same and pass untouched.
 */
function titleText(s: string): string {
  return s.replace(/\r?\n|\r/g, ' ').replace(/&/g, '＆').replace(/</g, '＜').replace(/>/g, '＞');
}

const CLASSES: Record<NodeStyle, string> = {
  role: 'fill:#eef4ff,stroke:#4a6fa5,color:#1f2328',
  vacant: 'fill:#fff4e5,stroke:#c2410c,stroke-dasharray:5 3,color:#1f2328',
  more: 'fill:#f6f8fa,stroke:#8c959f,stroke-dasharray:2 2,color:#1f2328',
  step: 'fill:#ecfdf3,stroke:#1a7f37,color:#1f2328',
  party: 'fill:#fffbe6,stroke:#bf8700,color:#1f2328',
};

export function toMermaid(chart: Chart): string {
  // The title in the front matter: Mermaid draws it above the chart (GitHub too). A JSON string is
  // a YAML string, so no title can end the front matter.
  const front = chart.heading ? [`title: ${JSON.stringify(titleText(chart.heading))}`] : [];
  if (chart.spacing) front.push('config:', '  flowchart:', `    wrappingWidth: ${chart.spacing.wrap}`, `    rankSpacing: ${chart.spacing.rank}`, `    nodeSpacing: ${chart.spacing.node}`);
  const out = front.length ? ['---', ...front, '---'] : [];
  out.push(`flowchart ${chart.direction}`);
  const byId = new Map(chart.nodes.map((n) => [n.id, n]));
  const grouped = new Set(chart.groups.flatMap((g) => g.nodes));
  const groups = new Map(chart.groups.map((g) => [g.id, g]));
  const used = new Set<NodeStyle>();
  const nodeLine = (id: string) => {
    const n = byId.get(id)!;
    const label = linesOf(n).map(mermaidText).join('<br/>');
    // Parties are stadium-shaped so they never pass for a role or a step.
    const [open, close] = n.kind === 'party' ? ['(["', '"])'] : ['["', '"]'];
    const cls = styleOf(n);
    used.add(cls);
    return `${n.id}${open}${label}${close}:::${cls}`;
  };
  for (const g of chart.groups) {
    out.push(`  subgraph ${g.id}["${mermaidText(g.title) || ' '}"]`);
    if (g.rows) {
      // A grid laid out with the rest of the chart, so every team's first row sits on the same
      // layer (a group laid out on its own is centred on its layer, and short teams hang lower than
      // tall ones). Each column is a chain of invisible links, and an invisible link from the
      // arrow's source holds each column's head (below, with the arrow). Mermaid lays a group out
      // on its own only while no line reaches inside it, which these links do.
      for (const id of g.nodes) out.push(`    ${nodeLine(id)}`);
      const columns = Math.max(...g.rows.map((row) => row.length));
      for (let j = 0; j < columns; j++) {
        const column = g.rows.map((row) => row[j]).filter((id): id is string => id !== undefined);
        if (column.length > 1) out.push(`    ${column.join(' ~~~ ')}`);
      }
      out.push(`    style ${g.id} fill:#f6f8fa,stroke:#d0d7de`);
    } else {
      out.push(`    direction ${g.direction ?? chart.direction}`);
      for (const id of g.nodes) out.push(`    ${nodeLine(id)}`);
    }
    out.push('  end');
  }
  for (const n of chart.nodes) if (!grouped.has(n.id)) out.push(`  ${nodeLine(n.id)}`);
  for (const e of chart.edges) {
    const arrow = e.style === 'dotted' ? '-.->' : '-->';
    const label = e.label?.split('\n').map(mermaidText).join('<br/>');
    out.push(label ? `  ${e.from} ${arrow}|"${label}"| ${e.to}` : `  ${e.from} ${arrow} ${e.to}`);
    const grid = groups.get(e.to)?.rows;
    if (grid) out.push(`  ${grid[0].map((head) => `${e.from} ~~~ ${head}`).join('\n  ')}`);
  }
  if (chart.legend?.entries.length) legend(chart, out, used);
  // Only the classes in use, in a fixed order, so small charts stay small and output stays stable.
  for (const [name, style] of Object.entries(CLASSES)) if (used.has(name as NodeStyle)) out.push(`  classDef ${name} ${style}`);
  if (chart.legend?.entries.some((entry) => entry.sample === 'solid' || entry.sample === 'dotted')) out.push(`  classDef ${LEGEND_ID}End fill:none,stroke:none`);
  return out.join('\n') + '\n';
}

/**
 * The legend: one row of samples in a box of its own under the lowest box of the chart. A line is
 * drawn between two invisible boxes, with its meaning on it; a box style is a box saying what it is.
 */
function legend(chart: Chart, out: string[], used: Set<NodeStyle>): void {
  const entries = chart.legend!;
  out.push(`  subgraph ${LEGEND_ID}["${mermaidText(entries.title)}"]`, '    direction LR');
  const ends: Array<[string, string]> = [];
  entries.entries.forEach((entry, i) => {
    const id = `${LEGEND_ID}_${i}`;
    const text = mermaidText(entry.text);
    if (entry.sample === 'solid' || entry.sample === 'dotted') {
      out.push(`    ${id}a[" "]:::${LEGEND_ID}End ${entry.sample === 'dotted' ? '-.->' : '-->'}|"${text}"| ${id}b[" "]:::${LEGEND_ID}End`);
      ends.push([`${id}a`, `${id}b`]);
    } else {
      const [open, close] = entry.sample === 'party' ? ['(["', '"])'] : ['["', '"]'];
      used.add(entry.sample);
      out.push(`    ${id}${open}${text}${close}:::${entry.sample}`);
      ends.push([id, id]);
    }
  });
  // In one row, left to right.
  for (let i = 1; i < ends.length; i++) out.push(`    ${ends[i - 1][1]} ~~~ ${ends[i][0]}`);
  out.push(`    style ${LEGEND_ID} fill:#ffffff,stroke:#d0d7de`, '  end');
  const lowest = lowestNode(chart);
  if (lowest) out.push(`  ${lowest} ~~~ ${LEGEND_ID}`);
}
