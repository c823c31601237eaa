// What an id in an org file refers to, read from the text around the cursor: which kind of entity
// a key takes (`reports_to:` a role, a role's `duties:` keys duties …), the id under the cursor,
// and every place an id is written. Plain text scanning on purpose: an editor asks while the file
// is half-typed and does not parse.
import type { OrgModel, Text } from '../model/types.js';

export type EntityKind = 'role' | 'duty' | 'competency' | 'tool' | 'family' | 'step' | 'kpi' | 'metric' | 'target' | 'review' | 'person' | 'signal' | 'service-level';

/** The kind of id each referring key takes (src/schema/org.ts); `watch` takes a metric or a KPI. */
const KEY_KINDS: Record<string, EntityKind[]> = {
  reports_to: ['role'],
  dotted_line_to: ['role'],
  chair: ['role'],
  attendees: ['role'],
  owner: ['role'],
  owners: ['role'],
  role: ['role'],
  roles: ['role'],
  from: ['role'],
  to: ['role'],
  family: ['family'],
  tools: ['tool'],
  step: ['step'],
  measures: ['duty'],
  parent: ['target'],
  part_of: ['service-level'],
  metric: ['metric'],
  watch: ['metric', 'kpi'],
  demands: ['competency'],
  competencies: ['competency'],
  duties: ['duty'],
};

export const ID = /[a-z][a-z0-9]*(?:-[a-z0-9]+)*/;

/**
 * The kinds of id that fit at the cursor, from the key the value belongs to: `key: |`,
 * `key: [a, |`, `key: { a: [R], |` (a key of a flow map), or a key line inside a block `key:` (a
 * role's `duties:` map, a duty's `demands:`). `lines` is the document's lines; `line` and
 * `character` the cursor (0-based).
 */
export function kindsAt(lines: readonly string[], line: number, character: number): EntityKind[] {
  const before = lines[line].slice(0, character);
  // Which flow collections are open at the cursor, each with the key that opened it, and the text
  // since the last separator at the innermost level.
  const open: Array<{ bracket: string; key?: string }> = [];
  let segment = '';
  for (const c of before) {
    if (c === '[' || c === '{') {
      open.push({ bracket: c, key: /([a-z_]+):\s*$/.exec(segment)?.[1] });
      segment = '';
    } else if (c === ']' || c === '}') {
      open.pop();
      segment = '';
    } else if (c === ',') {
      segment = '';
    } else {
      segment += c;
    }
  }
  const kinds = (key: string | undefined) => (key && KEY_KINDS[key]) || [];
  const inner = open[open.length - 1];
  if (inner?.bracket === '[') return kinds(inner.key);
  const value = /^\s*(?:-\s+)?([a-z_]+):\s*[a-z0-9-]*$/.exec(segment);
  if (value) return kinds(value[1]);
  if (!/^\s*(?:-\s+)?[a-z0-9-]*$/.test(segment)) return [];
  if (inner?.bracket === '{') return kinds(inner.key);
  // A key in block style: the parent is the nearest line above with less indentation.
  const indent = before.length - before.trimStart().length;
  for (let i = line - 1; i >= 0; i--) {
    const text = lines[i];
    if (!text.trim() || text.trimStart().startsWith('#')) continue;
    if (text.length - text.trimStart().length < indent) return kinds(/^\s*([a-z_]+):\s*(?:#.*)?$/.exec(text)?.[1]);
  }
  return [];
}

/** The id-shaped word under the cursor, with where it starts and ends on the line. */
export function wordAt(text: string, character: number): { word: string; start: number; end: number } | undefined {
  const re = new RegExp(ID.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (character >= start && character <= end && !/[\w.]/.test(text[start - 1] ?? ' ') && !/[\w.]/.test(text[end] ?? ' ')) return { word: m[0], start, end };
  }
  return undefined;
}

/** What every entity has that the editor shows: where it is declared, and a title or a name. */
export interface Named {
  src: { file: string; path: readonly (string | number)[] };
  title?: Text;
  name?: Text;
}

/** The model's entities of each kind, by id. */
export function entityMaps(model: OrgModel): Record<EntityKind, ReadonlyMap<string, Named>> {
  return {
    role: model.roles,
    duty: model.duties,
    competency: model.competencies,
    tool: model.tools,
    family: model.families,
    step: model.steps,
    kpi: model.kpis,
    metric: model.metrics,
    target: model.targets,
    review: model.reviews,
    person: model.people,
    signal: model.signals,
    'service-level': model.serviceLevels,
  };
}

/** The kind of entity an id names, first in the order of entityMaps. */
export function entityKind(model: OrgModel, id: string): EntityKind | undefined {
  const maps = entityMaps(model);
  return (Object.keys(maps) as EntityKind[]).find((k) => maps[k].has(id));
}

/**
 * Every place `id` is written as a whole word outside comments and quoted text: the declaration
 * and each reference. As [line, start, end] on each line, 0-based.
 */
export function occurrences(text: string, id: string): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  const escaped = id.replace(/[-]/g, '\\-');
  const re = new RegExp(`(?<![\\w.-])${escaped}(?![\\w-])`, 'g');
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.includes(id)) continue;
    const code = uncommented(line);
    for (let m = re.exec(code); m; m = re.exec(code)) out.push([i, m.index, m.index + id.length]);
  }
  return out;
}

/** The line with its comment and quoted strings blanked (same length), so ids inside them do not count. */
function uncommented(line: string): string {
  let out = '';
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      out += ' ';
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
      out += ' ';
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) {
      return out + ' '.repeat(line.length - i);
    } else {
      out += c;
    }
  }
  return out;
}
