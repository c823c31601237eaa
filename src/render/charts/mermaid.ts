// Charts as Mermaid flowcharts, for GitHub (fenced `mermaid` blocks), `.mmd` files and pictures drawn in the browser.
// Every label is quoted and its text written with Mermaid's entity codes, so no title — quotes,
// brackets, `#`, backticks, `<script>`, CJK, emoji — can end the label or change the diagram.
import { linesOf, styleOf, type Chart, type NodeStyle } from './chart.js';

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

const CLASSES: Record<NodeStyle, string> = {
  role: 'fill:#eef4ff,stroke:#4a6fa5,color:#1f2328',
  vacant: 'fill:#fff4e5,stroke:#c2410c,stroke-dasharray:5 3,color:#1f2328',
  more: 'fill:#f6f8fa,stroke:#8c959f,stroke-dasharray:2 2,color:#1f2328',
  step: 'fill:#ecfdf3,stroke:#1a7f37,color:#1f2328',
  note: 'fill:#fffbe6,stroke:#bf8700,color:#1f2328',
};

export function toMermaid(chart: Chart): string {
  const out = [`flowchart ${chart.direction}`];
  const byId = new Map(chart.nodes.map((n) => [n.id, n]));
  const grouped = new Set(chart.groups.flatMap((g) => g.nodes));
  const used = new Set<NodeStyle>();
  const nodeLine = (id: string) => {
    const n = byId.get(id)!;
    const label = linesOf(n).map(mermaidText).join('<br/>');
    // Notes are stadium-shaped so they never pass for a role or a step.
    const [open, close] = n.kind === 'note' ? ['(["', '"])'] : ['["', '"]'];
    const cls = styleOf(n);
    used.add(cls);
    return `${n.id}${open}${label}${close}:::${cls}`;
  };
  for (const g of chart.groups) {
    out.push(`  subgraph ${g.id}["${mermaidText(g.title) || ' '}"]`);
    if (g.rows) {
      // Left to right, each row a chain of invisible links; unlinked chains stack top to bottom.
      // (Mermaid keeps a group's own direction only while no line reaches its nodes from outside:
      // the arrow from the manager goes to the group.)
      out.push('    direction LR');
      for (const id of g.nodes) out.push(`    ${nodeLine(id)}`);
      for (const row of g.rows) if (row.length > 1) out.push(`    ${row.join(' ~~~ ')}`);
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
  }
  // Only the classes in use, in a fixed order, so small charts stay small and output stays stable.
  for (const [name, style] of Object.entries(CLASSES)) if (used.has(name as NodeStyle)) out.push(`  classDef ${name} ${style}`);
  return out.join('\n') + '\n';
}
