// The orgs an editor has open. An org is the directory of the nearest org.yaml (or org.yml) above a
// file — every YAML file below it, as `orgc validate <dir>` reads them — or else the file alone.
// Files open in the editor count with their unsaved text; the rest are read from disk.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lint, type LintResult } from '../api/lint.js';
import { resolveSources } from '../load/sources.js';

export interface OrgState {
  /** The directory of the org, or its only file. */
  root: string;
  /** Absolute paths of its files, in load order. */
  files: string[];
  result?: LintResult;
  /** Texts as linted, by absolute path. */
  texts: Map<string, string>;
}

export class Workspace {
  private orgs = new Map<string, OrgState>();
  /** Unsaved texts of the files open in the editor, by absolute path. */
  readonly open = new Map<string, string>();

  constructor(private readonly lang: () => string | undefined) {}

  /** The org a file belongs to (its root), found by the file's place on disk. */
  rootOf(file: string): string {
    for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
      if (existsSync(path.join(dir, 'org.yaml')) || existsSync(path.join(dir, 'org.yml'))) return dir;
      if (path.dirname(dir) === dir || existsSync(path.join(dir, '.git'))) return file;
    }
  }

  /** The org state of a file, checked anew. */
  async check(file: string): Promise<OrgState> {
    const root = this.rootOf(file);
    const files = (await resolveSources([root], { cwd: '/' }).catch(() => [])).map((s) => path.resolve('/', s.path));
    if (!files.includes(file)) files.push(file);
    const texts = new Map<string, string>();
    for (const f of files) {
      const text = this.open.get(f) ?? read(f);
      if (text !== undefined) texts.set(f, text);
    }
    const cwd = existsSync(root) && !root.endsWith('.yaml') && !root.endsWith('.yml') ? root : path.dirname(root);
    let result: LintResult | undefined;
    try {
      result = await lint({ texts: Object.fromEntries(texts), cwd, lang: this.lang() });
    } catch {
      // A configuration that cannot be used: the editor keeps the last findings (the CLI says why).
      result = this.orgs.get(root)?.result;
    }
    const state: OrgState = { root, files: [...texts.keys()], result, texts };
    this.orgs.set(root, state);
    return state;
  }

  /** The last checked state of a file's org, without checking again. */
  stateOf(file: string): OrgState | undefined {
    return this.orgs.get(this.rootOf(file));
  }
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
