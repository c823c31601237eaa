// What the load stage gives for a file, in a module of its own: the passes over loaded files
// (suggest-ids.ts) name it without importing the stage that runs them.
import type { Finding } from '../core/finding.js';
import type { OrgFileInput } from '../schema/org.js';
import type { LineMap } from './line-map.js';
import type { Positions } from './positions.js';
import type { Recovered } from './recover.js';

export interface LoadedFile {
  path: string;
  text: string;
  /**
   * The file's content when it parsed and matched the schema. The pipeline lets the model stage
   * take it apart as it builds (`buildModel(files, { consume: true })`, to keep the peak memory of
   * large orgs low): there, read it before, not after.
   */
  data?: OrgFileInput;
  /** The parsed content of a file that did not match the schema, as written; read it defensively. */
  raw?: unknown;
  /**
   * For a file that did not match the schema but could be recovered (then `data` is what is left):
   * the entities that lost a part, those a lost part referred to, and the entities left out whole.
   */
  recovered?: Omit<Recovered, 'data'>;
  /**
   * Whether the fast parser (fast-yaml.ts) read the whole file: then a later version of it may be
   * read an entry at a time (text-patch.ts), each entry meaning alone what it means in the file.
   */
  fast?: boolean;
  /** Where paths lie in the text, computed on demand; absent when the file did not parse. */
  positions?: Positions;
  lines: LineMap;
}

/**
 * What an incremental stage keeps of a file to compare the next version with (model/incremental.ts,
 * check/incremental.ts): its content, not its text, line index or positions (at 100k roles the
 * text alone is 150 MB).
 */
export type FileData = Pick<LoadedFile, 'path' | 'data' | 'recovered'>;

/** A file's FileData, the file's own objects shared (its content is only read). */
export function fileData(f: LoadedFile): FileData {
  return { path: f.path, data: f.data, recovered: f.recovered };
}

export interface Loaded {
  files: LoadedFile[];
  findings: Finding[];
}
