// Charts as Graphviz DOT, for the browser-free SVG. Graphviz measures text with its own font
// metrics, which know nothing of CJK: box widths come from our own estimate (a CJK character is
// about one em, other characters about half), with a margin, so Chinese titles fit.
import { LEGEND_ID, linesOf, lowestNode, styleOf, type Chart, type NodeStyle } from './chart.js';

const FONT_SIZE = 12;
const FONTS = 'Noto Sans CJK SC, PingFang SC, Microsoft YaHei, Helvetica, Arial, sans-serif';

/**
 * Text inside a DOT "…" string; a line break becomes a centred break. Graphviz decodes HTML
 * entities in strings, so `&` is written as `&amp;`: a title with `&amp;` in it shows as typed.
 */
export function dotText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n|\r/g, '\\n');
}

/** Width of a line in ems: wide (CJK, full-width, emoji) characters count one, the rest about half. */
export function emWidth(line: string): number {
  let em = 0;
  for (const ch of line) {
    const c = ch.codePointAt(0)!;
    const wide = (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x1f300;
    em += wide ? 1 : 0.58;
  }
  return em;
}

const STYLE: Record<NodeStyle, string> = {
  role: 'fillcolor="#eef4ff", color="#4a6fa5"',
  vacant: 'fillcolor="#fff4e5", color="#c2410c", style="rounded,filled,dashed"',
  more: 'fillcolor="#f6f8fa", color="#8c959f", style="rounded,filled,dashed"',
  step: 'fillcolor="#ecfdf3", color="#1a7f37"',
  party: 'fillcolor="#fffbe6", color="#bf8700", style="rounded,filled"',
};

export function toDot(chart: Chart): string {
  const out = [
    `digraph "${dotText(chart.id)}" {`,
    `  rankdir=${chart.direction}; nodesep=${inches(chart.spacing?.node ?? 25)}; ranksep=${inches(chart.spacing?.rank ?? 36)}; pad=0.2; compound=true;`,
    `  node [shape=box, style="rounded,filled", fontname="${FONTS}", fontsize=${FONT_SIZE}, margin="0.15,0.08"];`,
    `  edge [fontname="${FONTS}", fontsize=${FONT_SIZE - 1}, color="#57606a"];`,
  ];
  if (chart.heading) out.push(`  label="${dotText(chart.heading)}"; labelloc=t; fontname="${FONTS}"; fontsize=${FONT_SIZE + 4};`);
  const byId = new Map(chart.nodes.map((n) => [n.id, n]));
  const grouped = new Set(chart.groups.flatMap((g) => g.nodes));
  const nodeLine = (id: string) => {
    const n = byId.get(id)!;
    const lines = linesOf(n);
    const inches = (Math.max(...lines.map(emWidth)) * FONT_SIZE * 1.1) / 72 + 0.4;
    return `${n.id} [label="${lines.map(dotText).join('\\n')}", width=${inches.toFixed(2)}, ${STYLE[styleOf(n)]}];`;
  };
  const groups = new Map(chart.groups.map((g) => [g.id, g]));
  for (const g of chart.groups) {
    out.push(`  subgraph cluster_${g.id} {`, `    label="${dotText(g.title)}"; style="rounded"; color="#d0d7de"; fontname="${FONTS}";`);
    for (const id of g.nodes) out.push(`    ${nodeLine(id)}`);
    if (g.rows) {
      // Each row on one rank, in order; each row under the one before it.
      g.rows.forEach((row, k) => {
        out.push(`    { rank=same; ${row.join('; ')}; }`);
        if (row.length > 1) out.push(`    ${row.join(' -> ')} [style=invis];`);
        if (k > 0) out.push(`    ${g.rows![k - 1][0]} -> ${row[0]} [style=invis];`);
      });
    } else if ((g.direction ?? chart.direction) !== chart.direction) {
      // Across the chart's flow: the group's nodes side by side.
      out.push(`    { rank=same; ${g.nodes.join('; ')}; }`);
    }
    out.push('  }');
  }
  for (const n of chart.nodes) if (!grouped.has(n.id)) out.push(`  ${nodeLine(n.id)}`);
  for (const e of chart.edges) {
    const group = groups.get(e.to);
    // DOT draws lines between nodes only: an arrow to a group ends at its box's edge (lhead).
    const to = group ? (group.rows?.[0] ?? group.nodes)[Math.floor(((group.rows?.[0] ?? group.nodes).length - 1) / 2)] : e.to;
    // A dotted line places nothing (constraint=false): boxes stay on their reporting layer.
    const attrs = [e.style === 'dotted' ? 'style=dashed, constraint=false' : '', e.label ? `label=${edgeLabel(e.label)}` : '', group ? `lhead=cluster_${group.id}` : ''].filter(Boolean);
    out.push(`  ${e.from} -> ${to}${attrs.length ? ` [${attrs.join(', ')}]` : ''};`);
  }
  if (chart.legend?.entries.length) {
    // In one row under the lowest box: a line between two invisible points with its meaning on it,
    // or a box in the style it explains.
    out.push(`  subgraph cluster_${LEGEND_ID} {`, `    label="${dotText(chart.legend.title)}"; style="rounded"; color="#d0d7de"; fontname="${FONTS}";`);
    const ends: Array<[string, string]> = [];
    chart.legend.entries.forEach((entry, i) => {
      const id = `${LEGEND_ID}_${i}`;
      if (entry.sample === 'solid' || entry.sample === 'dotted') {
        out.push(`    ${id}a [shape=point, style=invis]; ${id}b [shape=point, style=invis];`);
        out.push(`    ${id}a -> ${id}b [label="${dotText(entry.text)}"${entry.sample === 'dotted' ? ', style=dashed' : ''}];`);
        ends.push([`${id}a`, `${id}b`]);
      } else {
        const width = (emWidth(entry.text) * FONT_SIZE * 1.1) / 72 + 0.4;
        out.push(`    ${id} [label="${dotText(entry.text)}", width=${width.toFixed(2)}, ${STYLE[entry.sample]}];`);
        ends.push([id, id]);
      }
    });
    out.push(`    { rank=same; ${ends.flat().filter((x, i, all) => all.indexOf(x) === i).join('; ')}; }`);
    for (let i = 1; i < ends.length; i++) out.push(`    ${ends[i - 1][1]} -> ${ends[i][0]} [style=invis];`);
    out.push('  }');
    const lowest = lowestNode(chart);
    if (lowest) out.push(`  ${lowest} -> ${ends[0][0]} [style=invis];`);
  }
  out.push('}');
  return out.join('\n') + '\n';
}

/**
 * An arrow's label as a cell of our own size: Graphviz measures Chinese text too narrow, and two
 * labels side by side (two hand-offs to the customer) were drawn over each other.
 */
function edgeLabel(text: string): string {
  const lines = text.split('\n');
  const size = FONT_SIZE - 1;
  const width = Math.ceil(Math.max(...lines.map(emWidth)) * size * 1.1) + 8;
  const height = Math.ceil(lines.length * size * 1.35) + 4;
  const html = (line: string) => line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return `<<table border="0" cellborder="0" cellpadding="0"><tr><td width="${width}" height="${height}" fixedsize="true">${lines.map(html).join('<br/>')}</td></tr></table>>`;
}

/** Pixels as Graphviz's inches. */
function inches(px: number): string {
  return (px / 72).toFixed(2);
}
