// The load stage: source bytes → decoded text → YAML data with a position index → schema check.
// A file that fails to decode or parse has no data; its findings say why. A file that parsed but
// does not match the schema in places still has data: the rest of it, with the broken parts left
// out (recover.ts), so that one typo does not hide the design findings elsewhere. Later stages run
// only when every file has data, so they can trust the shape of what they read.
import { pushAll } from '../core/arrays.js';
import type { Finding } from '../finding.js';
import { decodeUtf8 } from './decode.js';
import { expandsBeyond } from './expansion.js';
import { LineMap } from './line-map.js';
import { parseYaml } from './parse.js';
import { Positions } from './positions.js';
import { checkSchema, ORG_FILE_SCHEMA } from './schema-check.js';
import type { OrgFileInput } from '../schema/org.js';
import { recover } from './recover.js';
import type { EntityRef } from './references.js';
import { suggestIdsForNames } from './suggest-ids.js';
import { timed, timedAsync } from '../timing.js';
import type { SourceFile } from './sources.js';

import type { Loaded, LoadedFile } from './loaded.js';

export type { Loaded, LoadedFile };

/**
 * Values a file may expand to through aliases, per character of its text. Written out, a value
 * takes two characters at the very least (`a,`), so a file without aliases stays under half of
 * this; aliases may double it, no more. (A 1 MB file aliasing one 50-key map 100,000 times would
 * otherwise become 5 million values, and as many schema errors.)
 */
const EXPANSION_FACTOR = 1;
const EXPANSION_FLOOR = 100_000;
/** An anchor (`&name`) where YAML allows one; "R&D" in a sentence is not. */
const ANCHOR = /(?:^|[\s[{,])&[^\s[\]{},]/m;

export async function loadFiles(sources: readonly SourceFile[]): Promise<Loaded> {
  const files: LoadedFile[] = [];
  const findings: Finding[] = [];
  for (const source of sources) {
    const { file, findings: found } = await loadFile(source);
    files.push(file);
    pushAll(findings, found);
  }
  // Names are known only once every file is read.
  suggestIdsForNames(files, findings);
  return { files, findings };
}

export async function loadFile(source: SourceFile): Promise<{ file: LoadedFile; findings: Finding[] }> {
  return loadBytes(source.path, await source.read());
}

/** One org file from its bytes: decoded, parsed and checked against the schema. */
export async function loadBytes(path: string, bytes: Uint8Array): Promise<{ file: LoadedFile; findings: Finding[] }> {
  const source = { path };
  const decoded = timed('  decode', () => decodeUtf8(bytes));
  if (!decoded.ok) {
    const text = decoded.messageId === 'utf16' ? '' : new TextDecoder('utf-8').decode(bytes);
    const file: LoadedFile = { path: source.path, text, lines: new LineMap(text) };
    return { file, findings: [{ ruleId: 'encoding', messageId: decoded.messageId, data: decoded.data, at: { file: source.path, offset: decoded.offset } }] };
  }
  const text = decoded.text;
  const file: LoadedFile = { path: source.path, text, lines: new LineMap(text) };
  const parsed = await timedAsync('  parse', () => parseYaml(source.path, text));
  if (!parsed.ok) return { file, findings: parsed.findings };
  const data = parsed.data;
  file.positions = new Positions(text);
  file.fast = !parsed.mayAlias;
  // Without anchors there are no aliases, and nothing can expand (scanning 5 MB for one takes 10 ms).
  if (parsed.mayAlias && ANCHOR.test(text)) {
    const limit = Math.max(EXPANSION_FLOOR, EXPANSION_FACTOR * text.length);
    if (expandsBeyond(data, limit)) {
      return { file, findings: [{ ruleId: 'syntax', messageId: 'alias-expansion', data: { max: limit }, at: { file: source.path, offset: 0 } }] };
    }
  }
  const findings = timed('  schema', () => checkSchema(source.path, data));
  if (findings.length === 0) {
    file.data = data as OrgFileInput;
    return { file, findings };
  }
  file.raw = data;
  const recovered = recover(data, findings, ORG_FILE_SCHEMA);
  if (recovered) {
    file.data = recovered.data as OrgFileInput;
    file.recovered = { unreliable: recovered.unreliable, referenced: recovered.referenced, dropped: recovered.dropped, renamed: recovered.renamed };
  }
  return { file, findings };
}
