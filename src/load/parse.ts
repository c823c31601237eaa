// YAML text → data, recording no positions: positions.ts finds them later, for the findings only.
// The fastest path is fast-yaml.ts, for the plain subset most org files are written in; then
// js-yaml (about 10× faster than the `yaml` package on large files). js-yaml stops at the first
// error, so a file that fails to parse is parsed again by `yaml`, loaded only then, which reports
// every syntax error and duplicate key with its exact range.
import { importExternal } from '../external.js';
import jsYaml from 'js-yaml';
import type { Finding } from '../finding.js';
import { fastParse } from './fast-yaml.js';
import { typingMistakes } from './typing-mistakes.js';
import { MAX_DEPTH, MAX_MERGE_KEYS, YAML_SCHEMA } from './yaml-schema.js';

/** `mayAlias`: whether the data may hold aliases (the fast path refuses anchors, so it holds none). */
export type ParseResult = { ok: true; data: unknown; mayAlias: boolean } | { ok: false; findings: Finding[] };

export async function parseYaml(file: string, text: string): Promise<ParseResult> {
  // Most org files are in the subset fast-yaml.ts reads, faster; the rest goes to js-yaml.
  const fast = fastParse(text);
  if (fast) return { ok: true, data: fast.data, mayAlias: false };
  try {
    const data = jsYaml.load(text, { schema: YAML_SCHEMA, maxDepth: MAX_DEPTH, maxTotalMergeKeys: MAX_MERGE_KEYS } as jsYaml.LoadOptions);
    return { ok: true, data, mayAlias: true };
  } catch (error) {
    return { ok: false, findings: await explainFailure(file, text, error) };
  }
}

interface JsYamlError {
  reason?: string;
  mark?: { position: number };
}

/** Why a file did not parse: every problem `yaml` finds, or js-yaml's own reason when it finds none. */
async function explainFailure(file: string, text: string, error: unknown): Promise<Finding[]> {
  if (error instanceof RangeError) {
    // Recursion beyond the stack in a pathological document.
    return [{ ruleId: 'syntax', messageId: 'too-deep', data: { max: MAX_DEPTH }, at: { file, offset: 0 } }];
  }
  const e = error as JsYamlError;
  const reason = e.reason ?? String(error);
  const at = { file, offset: e.mark?.position ?? 0 };
  if (/maxDepth/.test(reason)) return [{ ruleId: 'syntax', messageId: 'too-deep', data: { max: MAX_DEPTH }, at }];
  if (/maxTotalMergeKeys|merge keys exceeded/.test(reason)) {
    return [{ ruleId: 'syntax', messageId: 'too-many-merges', data: { max: MAX_MERGE_KEYS }, at }];
  }
  if (/unknown tag/.test(reason)) {
    const full = /unknown tag !<(.*)>/.exec(reason)?.[1] ?? '';
    const tag = full.startsWith('tag:yaml.org,2002:') ? `!!${full.slice(18)}` : full.startsWith('!') ? full : `!${full}`;
    // js-yaml stops after the tagged value; point at the tag itself.
    const start = text.lastIndexOf(tag, at.offset);
    const span = start >= 0 ? { offset: start, end: start + tag.length } : {};
    return [{ ruleId: 'syntax', messageId: 'unknown-tag', data: { tag }, at: { ...at, ...span } }];
  }
  const alias = /unidentified alias "(.*)"/.exec(reason);
  if (alias) {
    // js-yaml stops after the alias; point at the alias itself.
    const written = `*${alias[1]}`;
    const start = text.lastIndexOf(written, at.offset);
    const span = start >= 0 ? { offset: start, end: start + written.length } : {};
    return [{ ruleId: 'syntax', messageId: 'unknown-alias', data: { name: alias[1] }, at: { ...at, ...span } }];
  }
  // A mistake of hand-editing, named once where it is, rather than the parser's echoes of it.
  const typed = typingMistakes(file, text);
  if (typed.length > 0) return typed;
  const detailed = await slowPathFindings(file, text);
  if (detailed.length > 0) return detailed;
  return [{ ruleId: 'syntax', messageId: 'yaml', data: { reason }, at }];
}

async function slowPathFindings(file: string, text: string): Promise<Finding[]> {
  // `yaml` is CommonJS: imported dynamically, its exports may sit under `default`.
  const mod = await importExternal<typeof import('yaml')>('yaml');
  const { parseAllDocuments } = ((mod as unknown as { default?: typeof mod }).default ?? mod) as typeof mod;
  const findings: Finding[] = [];
  let docs;
  try {
    docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false });
  } catch {
    return findings;
  }
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    for (const err of doc.errors) {
      const [offset, end] = err.pos;
      if (err.code === 'DUPLICATE_KEY') {
        const key = keyAt(text, offset);
        const first = firstKeyBefore(doc.contents, offset);
        const at = { file, offset, end: offset + key.length };
        if (first === undefined) findings.push({ ruleId: 'duplicate-key', messageId: 'duplicate-key', data: { key }, at });
        else {
          const line = text.slice(0, first).split('\n').length;
          findings.push({
            ruleId: 'duplicate-key',
            messageId: 'duplicate-key-first',
            data: { key, line },
            at,
            related: [{ messageId: 'first-written', at: { file, offset: first, end: first + keyAt(text, first).length } }],
          });
        }
      } else if (err.code === 'MISSING_CHAR' && /quote/.test(err.message)) {
        // `yaml` reports an unclosed quote where the file ends; the quote that opened it is what to fix.
        const open = unclosedQuote(text, offset);
        findings.push({ ruleId: 'syntax', messageId: 'unclosed-quote', at: { file, offset: open, end: open + 1 } });
      } else if (/^Flow (sequence|map) in block collection must be sufficiently indented and end with a [\]}]/.test(err.message)) {
        // Reported where the parser gave up, lines later; the bracket left open is what to fix.
        const open = unclosedBracket(text, offset);
        if (open) findings.push({ ruleId: 'syntax', messageId: 'unclosed-bracket', data: { open: open.char, close: CLOSE[open.char] }, at: { file, offset: open.offset, end: open.offset + 1 }, fix: { text: CLOSE[open.char], at: { file, offset: open.lineEnd, end: open.lineEnd } } });
        else findings.push({ ruleId: 'syntax', messageId: 'yaml', data: { reason: firstLine(err.message) }, at: { file, offset, end } });
      } else {
        findings.push({ ruleId: 'syntax', messageId: 'yaml', data: { reason: firstLine(err.message) }, at: { file, offset, end } });
      }
    }
  }
  // What the parser says after a string or list left open is its echo: the text after it is read as part of it.
  // A quote left open swallows the bracket that would close its list: the quote is the mistake.
  const open = findings.find((f) => f.messageId === 'unclosed-quote') ?? findings.find((f) => f.messageId === 'unclosed-bracket');
  if (open && 'offset' in open.at) {
    const from = text.lastIndexOf('\n', open.at.offset - 1) + 1;
    return findings.filter((f) => f === open || !('offset' in f.at) || f.at.offset < from || f.ruleId === 'duplicate-key');
  }
  if (list.length > 1) {
    const second = list[1].range[0];
    const marker = text.lastIndexOf('---', second + 3);
    findings.push({ ruleId: 'syntax', messageId: 'multi-document', data: { count: list.length }, at: { file, offset: marker >= 0 ? marker : second, end: (marker >= 0 ? marker : second) + 3 } });
  }
  return findings;
}

interface YamlNode {
  items?: YamlNode[];
  key?: YamlNode & { range?: [number, number, number]; value?: unknown; source?: string };
  value?: YamlNode;
}

/** Where the first of two equal keys is, given where the second one starts: found in the map holding both. */
function firstKeyBefore(node: unknown, offset: number): number | undefined {
  const n = node as YamlNode | null | undefined;
  if (!n || typeof n !== 'object') return undefined;
  if (Array.isArray(n.items)) {
    const seen = new Map<string, number>();
    for (const item of n.items) {
      const key = item?.key;
      if (key?.range) {
        const name = String(key.source ?? key.value);
        if (key.range[0] === offset) return seen.get(name);
        if (!seen.has(name)) seen.set(name, key.range[0]);
      }
      const inner = firstKeyBefore(item?.value ?? (item?.key ? undefined : item), offset);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

const CLOSE: Record<string, string> = { '[': ']', '{': '}' };

/**
 * The `[` or `{` still open where the parser gave up: the last line before it that opens more
 * flow collections than it closes (quotes and comments aside), and where that line's value ends.
 */
function unclosedBracket(text: string, before: number): { char: string; offset: number; lineEnd: number } | undefined {
  let end = text.lastIndexOf('\n', before - 1);
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    const opens: number[] = [];
    let quote = '';
    let i = 0;
    for (; i < line.length; i++) {
      const c = line[i];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) break;
      else if (c === '[' || c === '{') opens.push(i);
      else if ((c === ']' || c === '}') && opens.length) opens.pop();
    }
    if (opens.length) {
      const k = opens[opens.length - 1];
      return { char: line[k], offset: start + k, lineEnd: start + line.slice(0, i).trimEnd().length };
    }
    end = start - 1;
  }
  return undefined;
}

/** The quote that opens the string still open at `end`: the first quote of a line with an odd count. */
function unclosedQuote(text: string, end: number): number {
  let lineStart = 0;
  while (lineStart < end) {
    const lineEnd = text.indexOf('\n', lineStart) === -1 ? text.length : text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd).replace(/\s#.*$/, '');
    for (const q of ['"', "'"]) {
      const n = line.split(q).length - 1;
      if (n % 2 === 1) return lineStart + line.indexOf(q);
    }
    lineStart = lineEnd + 1;
  }
  return end;
}

/** The key that starts at `offset` (`yaml` marks only its first character). */
function keyAt(text: string, offset: number): string {
  const rest = text.slice(offset, offset + 200);
  const quoted = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')/.exec(rest);
  if (quoted) return quoted[1];
  return /^[^:\n]*?(?=\s*:(?:\s|$))/.exec(rest)?.[0] ?? rest.split(/\s/)[0];
}

function firstLine(message: string): string {
  // `yaml` appends " at line L, column C" and a code frame; we print our own.
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
