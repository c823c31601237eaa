// Mistakes people make typing YAML by hand — a full-width colon from a Chinese keyboard, a tab or a
// full-width space in the indentation, a line one space off, `key:value` without a space — found
// in the text of a file that did not parse. The YAML parser sees such a mistake only through what
// it breaks, often several lines later and many times over ("Implicit keys need to be on a single
// line" on every correct line below a `sales-ops：`); this names the mistake once, where it is,
// with the fix. When it finds one, the parser's own messages are left out: they are its echoes.
import jsYaml from 'js-yaml';
import type { Finding } from '../finding.js';
import { MAX_DEPTH, YAML_SCHEMA } from './yaml-schema.js';

/** A mistake found, and the line as it reads once mended (none for mistakes that are always wrong). */
interface Candidate {
  finding: Finding;
  line: number;
  mended?: string;
}

interface Line {
  /** Offset of the line's first character in the file. */
  start: number;
  text: string;
}

export function typingMistakes(file: string, text: string): Finding[] {
  const lines = splitLines(text);
  const found = confirmed(lines, punctuation(file, lines));
  return found.length > 0 ? found : confirmed(lines, indentation(file, lines));
}

/**
 * The candidates whose mending helps: mended in file order, each must let the parser get further
 * than before (or parse the file). What looks off but is valid YAML — a plain text continued on a
 * deeper line, a key that really has a `：` — is left to the parser.
 */
function confirmed(lines: Line[], candidates: Candidate[]): Finding[] {
  const texts = lines.map((l) => l.text);
  const lineStarts = lines.map((l) => l.start);
  let reached = firstError(texts);
  const kept: Finding[] = [];
  let tried = 0;
  for (const { finding, line, mended } of candidates) {
    // Each try parses the file again: a file that is wrong all over gets its first mistakes named.
    if (tried === MAX_TRIES) break;
    if (mended === undefined) {
      kept.push(finding);
      continue;
    }
    tried++;
    const before = texts[line];
    texts[line] = mended;
    const now = firstError(texts);
    if (now > reached) {
      // The line as mended is the fix (the finding is on that line).
      const lineStart = lineStarts[line];
      kept.push({ ...finding, fix: { text: mended, at: { file: finding.at.file, offset: lineStart, end: lineStart + before.length } } });
      reached = now;
    } else {
      texts[line] = before;
    }
  }
  return kept;
}

const MAX_TRIES = 20;

/**
 * Where js-yaml first stops, as line and column in one number, or Infinity when it parses. Not the
 * offset: a mended line may be longer than before (`，` → `, `), which moves every later offset.
 */
function firstError(lines: string[]): number {
  try {
    jsYaml.load(lines.join('\n'), { schema: YAML_SCHEMA, maxDepth: MAX_DEPTH } as jsYaml.LoadOptions);
    return Infinity;
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    return mark ? mark.line * 1_000_000 + mark.column : -1;
  }
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    const raw = text.slice(start, end === -1 ? text.length : end);
    lines.push({ start, text: raw.endsWith('\r') ? raw.slice(0, -1) : raw });
    if (end === -1) return lines;
    start = end + 1;
  }
}

/** The line without its comment and with quoted text blanked out (same length), so that only structure is left. */
function structure(line: string): string {
  let out = '';
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote && !(quote === '"' && line[i - 1] === '\\')) quote = '';
      out += ' ';
    } else if ((c === '"' || c === "'") && /(?:^|[:,[{-])\s*$/.test(out)) {
      // A quote opens a string only where a value starts; elsewhere (`it's`) it is text.
      quote = c;
      out += ' ';
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) {
      return out;
    } else {
      out += c;
    }
  }
  return out;
}

const ID_KEY = /^[A-Za-z0-9_.-]+$/;

/** The ASCII punctuation a full-width character stands for (a comma with the space YAML wants after it). */
export const ASCII: Record<string, string> = { '，': ', ', '［': '[', '］': ']', '｛': '{', '｝': '}', '：': ':' };

/** Full-width colons after keys, tabs and full-width spaces in indentation, `key:value`. */
function punctuation(file: string, lines: Line[]): Candidate[] {
  const findings: Candidate[] = [];
  let inTabBlock = false;
  for (const [n, { start, text }] of lines.entries()) {
    const indent = /^[ \t\u3000]*/.exec(text)![0];
    if (indent.length === text.length) continue;
    const tab = indent.indexOf('\t');
    // One finding for a block of lines indented with tabs: the block is one mistake.
    if (tab >= 0 && !inTabBlock) findings.push({ line: n, finding: { ruleId: 'syntax', messageId: 'tab', at: { file, offset: start + tab, end: start + tab + 1 } } });
    inTabBlock = tab >= 0;
    const wide = indent.indexOf('\u3000');
    if (wide >= 0) findings.push({ line: n, finding: { ruleId: 'syntax', messageId: 'ideographic-space', at: { file, offset: start + wide, end: start + wide + 1 } } });
    const body = structure(text.slice(indent.length));
    const item = /^(?:-[ \t]+)*/.exec(body)![0].length;
    const rest = body.slice(item);
    const at = start + indent.length + item;
    const colon = rest.indexOf('：');
    const ascii = rest.search(/:(?=[ \t]|$)/);
    if (colon > 0 && (ascii === -1 || colon < ascii) && ID_KEY.test(rest.slice(0, colon).trimEnd())) {
      const i = at - start + colon;
      const mended = `${text.slice(0, i)}:${/^[ \t]|^$/.test(text.slice(i + 1)) ? '' : ' '}${text.slice(i + 1)}`;
      findings.push({ line: n, mended, finding: { ruleId: 'syntax', messageId: 'fullwidth-colon', at: { file, offset: at + colon, end: at + colon + 1 } } });
      continue;
    }
    // Full-width commas, brackets and braces where YAML's punctuation belongs: one finding per line.
    const fullwidth = /[，［］｛｝]/.exec(rest);
    if (fullwidth) {
      // Mended in the line as written: `rest` has its quoted text blanked out, and what is quoted stays.
      const base = at - start;
      let mended = '';
      for (let k = 0; k < text.length; k++) mended += k >= base && k - base < rest.length && rest[k - base] in ASCII && rest[k - base] !== '：' ? ASCII[text[k]] : text[k];
      const i = base + fullwidth.index;
      findings.push({ line: n, mended, finding: { ruleId: 'syntax', messageId: 'fullwidth-punctuation', data: { char: fullwidth[0], ascii: ASCII[fullwidth[0]].trim() }, at: { file, offset: start + i, end: start + i + 1 } } });
      continue;
    }
    const glued = /^([A-Za-z0-9_.-]+):(?=[^\s:/])/.exec(rest);
    if (glued && ascii === -1 && !/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(rest)) {
      const key = glued[1];
      const i = at - start + key.length + 1;
      findings.push({ line: n, mended: `${text.slice(0, i)} ${text.slice(i)}`, finding: { ruleId: 'syntax', messageId: 'colon-space', data: { key }, at: { file, offset: at + key.length, end: at + key.length + 1 } } });
    }
  }
  return findings;
}

/**
 * A line whose indentation matches no level around it: deeper than a sibling that has a value,
 * or back out to a column no enclosing key starts at. Follows block mappings and sequences; skips
 * block scalars (`|`, `>`) and flow collections that span lines.
 */
function indentation(file: string, lines: Line[]): Candidate[] {
  const findings: Candidate[] = [];
  /** Columns where the enclosing blocks' keys (or items) start, innermost last. */
  const levels: number[] = [0];
  let opens = false;
  let scalarIndent = -1;
  let flowDepth = 0;
  for (const [n, { start, text }] of lines.entries()) {
    const spaces = /^ */.exec(text)![0].length;
    const body = structure(text.slice(spaces));
    if (body.trim() === '') continue;
    if (scalarIndent >= 0) {
      if (spaces > scalarIndent) continue;
      scalarIndent = -1;
    }
    if (flowDepth > 0) {
      flowDepth = Math.max(0, flowDepth + depthChange(body));
      continue;
    }
    let column = spaces;
    const top = levels[levels.length - 1];
    if (opens && column > top) {
      levels.push(column);
    } else if (column > top || (column < top && !levels.includes(column))) {
      // Off: say where its siblings are — the level it left, or the nearest one it came back to.
      while (column < levels[levels.length - 1] && levels.length > 1 && levels[levels.length - 2] >= column) levels.pop();
      const expected = column > top ? top : nearest(levels, column);
      const finding: Finding = { ruleId: 'syntax', messageId: 'indent', data: { column: column + 1, expected: expected + 1 }, at: { file, offset: start, end: start + Math.max(spaces, 1) } };
      findings.push({ line: n, mended: ' '.repeat(expected) + text.slice(spaces), finding });
      column = expected;
      while (levels[levels.length - 1] > column) levels.pop();
      if (levels[levels.length - 1] !== column) levels.push(column);
    } else {
      while (levels[levels.length - 1] > column) levels.pop();
    }
    // `- key: value`: the item's map starts after the dash; its next keys line up there.
    const dashes = /^(?:-[ ]+)+/.exec(body)?.[0];
    const content = dashes ? body.slice(dashes.length) : body;
    if (dashes) levels.push(column + dashes.length);
    opens = /^-?$/.test(content.trim()) || /:[ \t]*$/.test(content.trimEnd()) || (dashes !== undefined && content.trim() === '');
    if (/:[ \t]*[|>][+-]?\d*[ \t]*$/.test(content)) scalarIndent = column + (dashes?.length ?? 0);
    flowDepth = Math.max(0, depthChange(content));
  }
  return findings;
}

/** How many flow collections (`[`, `{`) a line leaves open. */
function depthChange(body: string): number {
  let depth = 0;
  for (const c of body) {
    if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return depth;
}

/** The level closest to `column`; on a tie, the deeper one (the line was meant to line up there). */
function nearest(levels: number[], column: number): number {
  let best = levels[0];
  for (const level of levels) if (Math.abs(level - column) <= Math.abs(best - column)) best = level;
  return best;
}
