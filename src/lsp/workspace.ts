// The orgs an editor has open. An org is the directory of the nearest org.yaml (or org.yml) above a
// file — every YAML file below it, as `orgc validate <dir>` reads them — or else the file alone.
// Files open in the editor count with the editor's text (unsaved edits included); the rest are read
// from disk, again only when their size or modification time changes.
//
// Incremental: each file's load (decode, parse, schema check) is kept, keyed by the editor's
// version of the document or the file's stamp on disk, so an edit re-parses the edited file only.
// The model covers the whole org, as `orgc validate` does: the model's findings cross files (a
// reference in one file to an id declared in another). An edit that only moves roles (their
// reporting lines) is patched into the last check's model (model/incremental.ts). Of the rules,
// only those that read what the edit changed run again; the others' findings are kept from the
// last check (check/incremental.ts).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LintResult } from '../api/lint.js';
import { defaultConfig, findConfig, loadConfig, type Config } from '../config/load.js';
import { RuleCache } from '../check/incremental.js';
import { forgetLines } from '../check/lines.js';
import { ModelCache } from '../model/incremental.js';
import { analyzeLoaded, analyzeSources, diagnose, type Analysis } from '../api/analyze.js';
import type { Finding } from '../finding.js';
import type { UiLanguage } from '../i18n/lang.js';
import { loadFile, type LoadedFile } from '../load/index.js';
import type { Path } from '../load/node-index.js';
import { isScenario } from '../load/scenario.js';
import { resolveSources, sourceFromBytes } from '../load/sources.js';
import { suggestIdsForNames } from '../load/suggest-ids.js';
import { summarize } from '../report/diagnostic.js';

export interface OrgState {
  /** The directory of the org, or its only file. */
  root: string;
  /** Absolute paths of its files, in load order. */
  files: string[];
  result?: LintResult;
  /** Texts as checked, by absolute path. */
  texts: Map<string, string>;
  /** The model of the last check, for the next one to patch when the edit moved roles. */
  model: ModelCache;
  /** The rules' findings of the last check, for the next one to reuse where the edit did not reach. */
  rules: RuleCache;
}

/** A document open in the editor: its text and the editor's version of it. */
export interface OpenDocument {
  text: string;
  version: number;
}

/** One file as loaded, for one version of its text. */
interface CachedFile {
  /** The editor's version (`open:3`), or the file's size and modification time (`disk:…`). */
  key: string;
  text: string;
  file: LoadedFile;
  findings: Finding[];
  /** A scenario over a base org (`scenario:` at the top): checked with its base, read from disk. */
  scenario: boolean;
}

export class Workspace {
  private orgs = new Map<string, OrgState>();
  /** Documents open in the editor, by absolute path. */
  readonly open = new Map<string, OpenDocument>();
  private cache = new Map<string, CachedFile>();
  private configs = new Map<string, { stamp: string; config: Config }>();
  /** How many files were loaded (decoded, parsed, schema-checked) since the server started: tests read it. */
  loads = 0;

  constructor(private readonly lang: () => string | undefined) {}

  /** The org a file belongs to (its root), found by the file's place on disk. */
  rootOf(file: string): string {
    for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
      if (existsSync(path.join(dir, 'org.yaml')) || existsSync(path.join(dir, 'org.yml'))) return dir;
      if (path.dirname(dir) === dir || existsSync(path.join(dir, '.git'))) return file;
    }
  }

  /** The org state of a file, checked anew: files whose text did not change are not loaded again. */
  async check(file: string): Promise<OrgState> {
    const root = this.rootOf(file);
    const isFile = root.endsWith('.yaml') || root.endsWith('.yml');
    const files = isFile ? [root] : (await resolveSources([root], { cwd: '/' }).catch(() => [])).map((s) => path.resolve('/', s.path));
    if (!files.includes(file)) files.push(file);
    const cwd = isFile ? path.dirname(root) : root;
    const texts = new Map<string, string>();
    const cached: CachedFile[] = [];
    for (const f of files) {
      const c = await this.load(f);
      if (!c) continue;
      texts.set(f, c.text);
      cached.push(c);
    }
    // Files that left the org (deleted, renamed) leave the cache with it.
    for (const f of this.orgs.get(root)?.files ?? []) if (!texts.has(f) && !this.open.has(f)) this.cache.delete(f);
    let result: LintResult | undefined;
    const rules = this.orgs.get(root)?.rules ?? new RuleCache();
    const models = this.orgs.get(root)?.model ?? new ModelCache();
    const model = (files: readonly LoadedFile[]) => {
      const built = models.build(files);
      // Management lines and teams were worked out on the roles before they moved.
      if (models.linesMoved) forgetLines();
      return built;
    };
    try {
      const config = await this.configFor(cwd);
      let analysis: Analysis;
      if (cached.some((c) => c.scenario)) {
        // A scenario is applied to its base org as `orgc validate` does it, from the start.
        const sources = cached.map((c) => sourceFromBytes(c.file.path, new TextEncoder().encode(c.text)));
        analysis = await analyzeSources(sources, config, { flag: this.lang() }, { cwd });
      } else {
        // The model stage takes each file's data apart, and the pass that turns a name written for
        // an id into a suggestion rewrites findings: both get copies, and the cache stays as loaded.
        const loadedFiles = cached.map(({ file: f }) => ({
          ...f,
          data: f.data && { ...f.data },
          recovered: f.recovered && { ...f.recovered, referenced: [...f.recovered.referenced] },
        }));
        const findings = cached.flatMap((c) => c.findings.map((x) => ({ ...x })));
        suggestIdsForNames(loadedFiles, findings);
        analysis = analyzeLoaded({ files: loadedFiles, findings }, config, { flag: this.lang() }, { model, rules: (m, c) => rules.run(m, c, loadedFiles, { scopesKept: models.how !== 'built' && models.scopesKept }) });
      }
      const diagnostics = diagnose(analysis);
      result = { diagnostics, summary: summarize(diagnostics), model: analysis.model, files: analysis.files, config, lang: analysis.lang as UiLanguage };
    } catch {
      // A configuration that cannot be used: the editor keeps the last findings (the CLI says why).
      result = this.orgs.get(root)?.result;
    }
    const state: OrgState = { root, files: [...texts.keys()], result, texts, model: models, rules };
    this.orgs.set(root, state);
    return state;
  }

  /** The last checked state of a file's org, without checking again. */
  stateOf(file: string): OrgState | undefined {
    return this.orgs.get(this.rootOf(file));
  }

  /**
   * Where the entity at `at` (`['roles', 'sales-manager']`) is declared: its key, as 0-based
   * lines and characters, from the load stage's position index of that file's text.
   */
  declarationOf(file: string, at: Path): { start: { line: number; character: number }; end: { line: number; character: number } } | undefined {
    const loaded = this.cache.get(file)?.file;
    const found = loaded?.positions?.locate(at, 'key');
    if (!loaded || !found?.exact) return undefined;
    const [start, end] = [loaded.lines.position(found.span.start), loaded.lines.position(found.span.end)];
    return { start: { line: start.line - 1, character: start.column - 1 }, end: { line: end.line - 1, character: end.column - 1 } };
  }

  /** A file loaded for its current text: from the cache when that text was loaded before. */
  private async load(file: string): Promise<CachedFile | undefined> {
    const doc = this.open.get(file);
    let key: string;
    if (doc) {
      key = `open:${doc.version}`;
    } else {
      const info = stat(file);
      if (!info) return undefined;
      key = `disk:${info.size}:${info.mtimeMs}`;
    }
    const hit = this.cache.get(file);
    // The text compared too: an editor that reopens a document starts its versions again.
    if (hit && hit.key === key && (!doc || hit.text === doc.text)) return hit;
    // From disk, the bytes as `orgc validate` reads them (a byte-order mark, bytes that are not UTF-8).
    const bytes = doc ? new TextEncoder().encode(doc.text) : readBytes(file);
    if (bytes === undefined) return undefined;
    const { file: loaded, findings } = await loadFile(sourceFromBytes(file, bytes));
    this.loads++;
    const entry: CachedFile = { key, text: doc ? doc.text : loaded.text, file: loaded, findings, scenario: isScenario(bytes) };
    this.cache.set(file, entry);
    return entry;
  }

  /** The configuration beside the org, read again only when it changes. */
  private async configFor(cwd: string): Promise<Config> {
    const file = await findConfig(undefined, [], cwd);
    const info = file ? stat(file) : undefined;
    // The same object while nothing changes, the defaults too: the rules' findings are kept per configuration.
    const stamp = file ? `${file}:${info?.size}:${info?.mtimeMs}` : 'defaults';
    const known = this.configs.get(cwd);
    if (known?.stamp === stamp) return known.config;
    const config = file ? await loadConfig(file, cwd) : defaultConfig();
    this.configs.set(cwd, { stamp, config });
    return config;
  }
}

function stat(file: string): { size: number; mtimeMs: number } | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function readBytes(file: string): Uint8Array | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
