// The load stage: source bytes → decoded text → YAML data with a position index → schema check.
// A file that fails any step has no data; its findings say why. Later stages run only when every
// file loaded cleanly, so they can trust the shape of what they read.
import type { Finding } from '../finding.js';
import type { OrgFileInput } from '../schema/org.js';
import { decodeUtf8 } from './decode.js';
import { expandsBeyond } from './expansion.js';
import { LineMap } from './line-map.js';
import type { NodeIndex } from './node-index.js';
import { parseYaml } from './parse.js';
import { checkSchema } from './schema-check.js';
import type { SourceFile } from './sources.js';

export interface LoadedFile {
  path: string;
  text: string;
  /** The file's content when it parsed and matched the schema. */
  data?: OrgFileInput;
  /** The parsed content whether or not it matched the schema; read it defensively. */
  raw?: unknown;
  index?: NodeIndex;
  lines: LineMap;
}

export interface Loaded {
  files: LoadedFile[];
  findings: Finding[];
}

/** Expanded size a file may reach through aliases, relative to the nodes it spells out. */
const EXPANSION_FACTOR = 10;
const EXPANSION_FLOOR = 100_000;

export async function loadFiles(sources: readonly SourceFile[]): Promise<Loaded> {
  const files: LoadedFile[] = [];
  const findings: Finding[] = [];
  for (const source of sources) {
    const { file, findings: found } = await loadFile(source);
    files.push(file);
    findings.push(...found);
  }
  return { files, findings };
}

export async function loadFile(source: SourceFile): Promise<{ file: LoadedFile; findings: Finding[] }> {
  const decoded = decodeUtf8(source.bytes);
  if (!decoded.ok) {
    const text = decoded.messageId === 'utf16' ? '' : new TextDecoder('utf-8').decode(source.bytes);
    const file: LoadedFile = { path: source.path, text, lines: new LineMap(text) };
    return { file, findings: [{ ruleId: 'encoding', messageId: decoded.messageId, data: decoded.data, at: { file: source.path, offset: decoded.offset } }] };
  }
  const text = decoded.text;
  const file: LoadedFile = { path: source.path, text, lines: new LineMap(text) };
  const parsed = await parseYaml(source.path, text);
  if (!parsed.ok) return { file, findings: parsed.findings };
  const { data, index } = parsed.parsed;
  file.index = index;
  file.raw = data;
  if (index.aliases > 0) {
    const limit = Math.max(EXPANSION_FLOOR, EXPANSION_FACTOR * index.nodeCount);
    if (expandsBeyond(data, limit)) {
      return { file, findings: [{ ruleId: 'syntax', messageId: 'alias-expansion', data: { max: limit }, at: { file: source.path, offset: 0 } }] };
    }
  }
  const findings = checkSchema(source.path, data);
  if (findings.length === 0) file.data = data as OrgFileInput;
  return { file, findings };
}
