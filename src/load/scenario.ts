// Scenarios: a design variant written as the difference from a base org. A scenario file names its
// base and lists what it adds, changes (a JSON Merge Patch per entity, merge-patch.ts) and
// removes; applied here, before the model, the later stages see one org as usual. Every finding
// points into the file that caused it: an added entity into the scenario, a changed field into the
// scenario's patch, anything the scenario did not write into the base file where it is written.
//
//   orgc: 1
//   scenario: { id: ka-split, name: Split the KA manager, base: ../sales-org }
//   add:    { roles: { solution-ka-manager: { title: …, level: frontline, … } } }
//   change: { roles: { sales-director: { headcount: 2 } } }
//   remove: { roles: [ka-account-manager] }
import path from 'node:path';
import jsYaml from 'js-yaml';
import { isOffsetPointer, type Finding, type Pointer } from '../finding.js';
import { ID_PATTERN, SECTIONS } from '../schema/grammar.js';
import type { OrgFileInput } from '../schema/org.js';
import type { Text } from '../core/text.js';
import { closest } from './closest.js';
import { decodeUtf8 } from './decode.js';
import { loadBytes, loadFiles, type Loaded, type LoadedFile } from './index.js';
import { LineMap } from './line-map.js';
import { mergePatch, patchWrites } from './merge-patch.js';
import type { Path } from './node-index.js';
import { parseYaml } from './parse.js';
import { Positions } from './positions.js';
import { recover } from './recover.js';
import { checkSchema, ORG_FILE_SCHEMA } from './schema-check.js';
import { InputError, type SourceFile } from './sources.js';

const RULE = 'scenario';
const OPERATIONS = ['add', 'change', 'remove'] as const;
type Operation = (typeof OPERATIONS)[number];
const TOP_KEYS = ['orgc', 'scenario', 'add', 'change', 'remove', 'notes'];
const SCENARIO_KEYS = ['id', 'name', 'base', 'answers', 'description', 'notes'];
const SECTION_NAMES: readonly string[] = SECTIONS;
const ID = new RegExp(ID_PATTERN);

export interface Scenario {
  id: string;
  name?: Text;
  description?: Text;
  /** The base org as written in the first scenario file, and resolved from that file's directory. */
  base: string;
  baseDir: string;
  /** The signal this scenario answers, if it names one. */
  answers?: string;
  /** The scenario's files, as shown to users. */
  files: string[];
  /** Where `scenario:` is written, for findings about the scenario as a whole. */
  at: Pointer;
}

export interface LoadedOrg extends Loaded {
  /** Present when the input was a scenario: the base org with the scenario applied. */
  scenario?: Scenario;
  /** Moves a pointer into a base file to the scenario's patch when the patch wrote that value. */
  redirect?: (finding: Finding) => Finding;
}

export interface LoadOrgOptions {
  /** The base org's files, from the `base:` a scenario file names (resolved against `from`, a directory). */
  resolveBase?: (base: string, from: string) => Promise<SourceFile[]>;
  /** The directory a scenario read from stdin resolves its base against. */
  cwd?: string;
}

/** A file whose top level has `scenario:`. Checked on the bytes: the key is ASCII at a line start. */
export function isScenario(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = text.indexOf('scenario:'); at !== -1; at = text.indexOf('scenario:', at + 1)) {
    // At a line start; at the very start, after a byte-order mark if the editor wrote one.
    if (at === 0 || text[at - 1] === 0x0a || (at === 3 && text[0] === 0xef && text[1] === 0xbb && text[2] === 0xbf)) return true;
  }
  return false;
}

/**
 * What a scenario file says of itself (`scenario:`), read without its base: for listing scenarios
 * (compare's directories, `orgc signals`). Undefined for a file that is not a readable scenario.
 */
export function scenarioHead(bytes: Uint8Array): { id: string; name?: Text; answers?: string } | undefined {
  if (!isScenario(bytes)) return undefined;
  let head: unknown;
  try {
    head = (jsYaml.load(new TextDecoder().decode(bytes)) as { scenario?: unknown } | undefined)?.scenario;
  } catch {
    return undefined; // `orgc validate` says what is wrong with it
  }
  if (!isMap(head) || typeof head.id !== 'string') return undefined;
  return { id: head.id, ...(head.name !== undefined && isText(head.name) ? { name: head.name as Text } : {}), ...(typeof head.answers === 'string' ? { answers: head.answers } : {}) };
}

/**
 * The org the sources make up: their files as loadFiles reads them or, when they are a scenario,
 * the scenario's base with the scenario applied.
 */
export async function loadOrg(sources: readonly SourceFile[], opts: LoadOrgOptions = {}): Promise<LoadedOrg> {
  const scenarioSources: { path: string; bytes: Uint8Array }[] = [];
  const plain: SourceFile[] = [];
  for (const source of sources) {
    const bytes = await source.read();
    if (isScenario(bytes)) scenarioSources.push({ path: source.path, bytes });
    else plain.push({ path: source.path, read: async () => bytes });
  }
  if (scenarioSources.length === 0) return loadFiles(plain);

  const findings: Finding[] = [];
  const docs: ScenarioDoc[] = [];
  const broken: LoadedFile[] = [];
  for (const { path: file, bytes } of scenarioSources) {
    const read = await readScenario(file, bytes);
    findings.push(...read.findings);
    if (read.doc) docs.push(read.doc);
    else broken.push(read.file);
  }
  // Without its base a scenario is not an org: no model is built from what it adds.
  const alone = () => docs.map((d) => ({ ...d.file, data: undefined, raw: d.file.data }));
  if (plain.length > 0) {
    findings.push({ ruleId: RULE, messageId: 'alone', at: { file: scenarioSources[0].path, offset: 0 } });
    const rest = await loadFiles(plain);
    return { files: [...broken, ...alone(), ...rest.files], findings: [...findings, ...rest.findings] };
  }
  if (docs.length === 0 || broken.length > 0) return { files: [...broken, ...alone()], findings };

  // One base and one id for all the scenario's files.
  const first = docs[0];
  const from = (doc: ScenarioDoc) => (doc.file.path.startsWith('<') ? (opts.cwd ?? process.cwd()) : path.dirname(path.resolve(opts.cwd ?? process.cwd(), doc.file.path)));
  const baseDir = path.resolve(from(first), first.base);
  for (const doc of docs.slice(1)) {
    if (path.resolve(from(doc), doc.base) !== baseDir) {
      findings.push({ ruleId: RULE, messageId: 'base-differs', data: { base: doc.base, other: first.file.path, otherBase: first.base }, at: { file: doc.file.path, path: ['scenario', 'base'] } });
    }
    if (doc.id !== first.id) {
      findings.push({ ruleId: RULE, messageId: 'id-differs', data: { id: doc.id, other: first.file.path, otherId: first.id }, at: { file: doc.file.path, path: ['scenario', 'id'] } });
    }
  }
  const scenario: Scenario = {
    id: first.id,
    name: first.name,
    description: first.description,
    base: first.base,
    baseDir,
    answers: docs.find((d) => d.answers)?.answers,
    files: docs.map((d) => d.file.path),
    at: { file: first.file.path, path: ['scenario'], part: 'key' },
  };
  if (findings.length > 0) return { files: alone(), findings, scenario };

  const at: Pointer = { file: first.file.path, path: ['scenario', 'base'] };
  if (!opts.resolveBase) {
    findings.push({ ruleId: RULE, messageId: 'base-not-on-disk', data: { base: first.base }, at });
    return { files: alone(), findings, scenario };
  }
  let baseSources: SourceFile[];
  try {
    baseSources = await opts.resolveBase(first.base, from(first));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // The reason in the reader's language: the finding is worded later, so it names the case.
    const missing = error.messageId === 'read-missing' || error.messageId === 'no-yaml-files';
    findings.push({ ruleId: RULE, messageId: missing ? 'base-missing' : 'base-unreadable', data: { base: first.base }, at });
    return { files: alone(), findings, scenario };
  }
  const base = await loadFiles(baseSources);
  findings.push(...base.findings);
  for (const f of base.files) {
    if ((f.raw as { scenario?: unknown } | undefined)?.scenario !== undefined) {
      findings.push({ ruleId: RULE, messageId: 'base-is-scenario', data: { base: f.path }, at: { file: first.file.path, path: ['scenario', 'base'] } });
    }
  }
  const cleanBefore = new Set(base.files.filter((f) => !base.findings.some((x) => x.at.file === f.path)));
  const applied = apply(docs, base.files);
  findings.push(...applied.findings);
  // The patched entities and the added ones are checked against the schema as the base was.
  for (const f of [...applied.touched].filter((f) => cleanBefore.has(f)).concat(docs.map((d) => d.file))) {
    const found = checkSchema(f.path, f.data);
    if (found.length === 0) continue;
    findings.push(...found);
    const recovered = recover(f.data, found, ORG_FILE_SCHEMA);
    f.raw = f.data;
    f.data = recovered ? (recovered.data as OrgFileInput) : undefined;
    if (recovered) f.recovered = { unreliable: recovered.unreliable, referenced: recovered.referenced, dropped: recovered.dropped, renamed: recovered.renamed };
  }
  const redirect = redirector(applied.patches, applied.removed);
  return { files: [...base.files, ...docs.map((d) => d.file)], findings: findings.map(redirect), scenario, redirect };
}

// ---------------------------------------------------------------------------------------------
// Reading a scenario file

interface ScenarioDoc {
  /** The scenario file as the later stages see it: its added entities as its sections. */
  file: LoadedFile;
  id: string;
  name?: Text;
  description?: Text;
  base: string;
  answers?: string;
  change: Map<string, Map<string, Record<string, unknown>>>;
  remove: Map<string, { id: string; index: number }[]>;
}

/**
 * Positions in a scenario file for paths the later stages write as if its added entities were an
 * org file's sections: `roles.x.level` is found at `add.roles.x.level`.
 */
class ScenarioPositions extends Positions {
  constructor(
    text: string,
    private readonly added: ReadonlySet<string>,
  ) {
    super(text);
  }

  override locate(at: Path, part: 'key' | 'value' = 'value') {
    return super.locate(at.length >= 2 && this.added.has(at[0] as string) ? ['add', ...at] : at, part);
  }
}

async function readScenario(file: string, bytes: Uint8Array): Promise<{ file: LoadedFile; doc?: ScenarioDoc; findings: Finding[] }> {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    const text = decoded.messageId === 'utf16' ? '' : new TextDecoder('utf-8').decode(bytes);
    return { file: { path: file, text, lines: new LineMap(text) }, findings: [{ ruleId: 'encoding', messageId: decoded.messageId, data: decoded.data, at: { file, offset: decoded.offset } }] };
  }
  const text = decoded.text;
  const loaded: LoadedFile = { path: file, text, lines: new LineMap(text) };
  const parsed = await parseYaml(file, text);
  if (!parsed.ok) return { file: loaded, findings: parsed.findings };
  const raw = parsed.data as Record<string, unknown>;
  const findings: Finding[] = [];
  const at = (p: Path, part: 'key' | 'value' = 'value'): Pointer => ({ file, path: p, part });
  const fail = (messageId: string, where: Pointer, data?: Finding['data'], fix?: string) => findings.push({ ruleId: RULE, messageId, at: where, ...(data ? { data } : {}), ...(fix ? { fix: { text: fix } } : {}) });

  for (const key of Object.keys(raw)) {
    if (TOP_KEYS.includes(key)) continue;
    const suggestion = closest(key, TOP_KEYS);
    if (suggestion) fail('unknown-key-suggest', at([key], 'key'), { key, suggestion }, suggestion);
    else fail('unknown-key', at([key], 'key'), { key });
  }
  if (raw.orgc !== 1) fail('version', raw.orgc === undefined ? { file, offset: 0 } : at(['orgc']));
  const head = raw.scenario;
  let id = '';
  let base = '';
  let answers: string | undefined;
  if (!isMap(head)) {
    fail('missing-scenario', at(['scenario'], 'key'));
  } else {
    for (const key of Object.keys(head)) if (!SCENARIO_KEYS.includes(key)) fail('unknown-scenario-key', at(['scenario', key], 'key'), { key });
    if (typeof head.id !== 'string') fail('missing-field', at(['scenario'], 'key'), { field: 'id', why: WHY.id });
    else if (!ID.test(head.id)) fail('bad-id', at(['scenario', 'id']), { value: head.id });
    else id = head.id;
    if (typeof head.base !== 'string' || head.base === '') fail('missing-field', at(['scenario'], 'key'), { field: 'base', why: WHY.base });
    else base = head.base;
    if (head.answers !== undefined) {
      if (typeof head.answers !== 'string' || !ID.test(head.answers)) fail('bad-id', at(['scenario', 'answers']), { value: String(head.answers) });
      else answers = head.answers;
    }
    for (const key of ['name', 'description', 'notes'] as const) if (head[key] !== undefined && !isText(head[key])) fail('bad-text', at(['scenario', key]), { key });
  }

  const sections = (op: Operation): [string, unknown][] => {
    const block = raw[op];
    if (block === undefined || block === null) return [];
    if (!isMap(block)) {
      fail('not-a-map', at([op]), { key: op });
      return [];
    }
    return Object.entries(block).filter(([section]) => {
      if (SECTION_NAMES.includes(section)) return true;
      const suggestion = closest(section, SECTION_NAMES);
      if (suggestion) fail('unknown-section-suggest', at([op, section], 'key'), { key: section, suggestion }, suggestion);
      else fail('unknown-section', at([op, section], 'key'), { key: section, sections: SECTION_NAMES.map((s) => `\`${s}\``).join(', ') });
      return false;
    });
  };

  const data: Record<string, unknown> = { orgc: 1 };
  for (const [section, entries] of sections('add')) {
    if (!isMap(entries)) fail('not-a-map', at(['add', section]), { key: `add.${section}` });
    else data[section] = entries;
  }
  const change = new Map<string, Map<string, Record<string, unknown>>>();
  for (const [section, entries] of sections('change')) {
    if (!isMap(entries)) {
      fail('not-a-map', at(['change', section]), { key: `change.${section}` });
      continue;
    }
    const patches = new Map<string, Record<string, unknown>>();
    for (const [entry, patch] of Object.entries(entries)) {
      if (isMap(patch)) patches.set(entry, patch);
      else fail('not-a-map', at(['change', section, entry]), { key: `change.${section}.${entry}` });
    }
    change.set(section, patches);
  }
  const remove = new Map<string, { id: string; index: number }[]>();
  for (const [section, ids] of sections('remove')) {
    if (!Array.isArray(ids) || ids.some((x) => typeof x !== 'string')) {
      fail('not-a-list', at(['remove', section]), { key: `remove.${section}`, example: 'an-id, another-id' });
      continue;
    }
    remove.set(section, (ids as string[]).map((x, index) => ({ id: x, index })));
  }

  loaded.positions = new ScenarioPositions(text, new Set(Object.keys(data).filter((k) => k !== 'orgc')));
  if (findings.length > 0) {
    loaded.raw = raw;
    return { file: loaded, findings };
  }
  loaded.data = data as OrgFileInput;
  const doc: ScenarioDoc = { file: loaded, id, base, answers, change, remove };
  if (isMap(head) && head.name !== undefined) doc.name = head.name as Text;
  if (isMap(head) && head.description !== undefined) doc.description = head.description as Text;
  return { file: loaded, doc, findings };
}

const WHY = {
  id: 'the scenario\'s id, e.g. `ka-split`',
  base: 'the path of the base org (a directory or a file), from this file, e.g. `../sales-org`',
};

// ---------------------------------------------------------------------------------------------
// Applying it

interface Patch {
  file: string;
  patch: Record<string, unknown>;
}

function apply(docs: readonly ScenarioDoc[], baseFiles: readonly LoadedFile[]) {
  const findings: Finding[] = [];
  const touched = new Set<LoadedFile>();
  /** Per base file, section and id: the patch that changed the entity. */
  const patches = new Map<string, Patch>();
  const declared = new Map<string, Map<string, LoadedFile>>();
  for (const f of baseFiles) {
    if (!f.data) continue;
    for (const section of SECTION_NAMES) {
      const entries = (f.data as Record<string, unknown>)[section];
      if (!isMap(entries)) continue;
      let ids = declared.get(section);
      if (!ids) declared.set(section, (ids = new Map()));
      for (const id of Object.keys(entries)) if (!ids.has(id)) ids.set(id, f);
    }
  }
  const entriesOf = (f: LoadedFile, section: string) => (f.data as unknown as Record<string, Record<string, unknown>>)[section];
  const unknown = (messageId: 'change-unknown' | 'remove-unknown', section: string, id: string, where: Pointer) => {
    const suggestion = closest(id, declared.get(section)?.keys() ?? []);
    findings.push({ ruleId: RULE, messageId: suggestion ? `${messageId}-suggest` : messageId, data: suggestion ? { section, id, suggestion } : { section, id }, at: where, ...(suggestion ? { fix: { text: suggestion } } : {}) });
  };

  // The signal a scenario answers is one of the base's: the scenario may well retire it.
  for (const doc of docs) {
    if (doc.answers === undefined || declared.get('signals')?.has(doc.answers)) continue;
    const suggestion = closest(doc.answers, declared.get('signals')?.keys() ?? []);
    findings.push({ ruleId: RULE, messageId: 'answers-unknown', data: { id: doc.answers }, at: { file: doc.file.path, path: ['scenario', 'answers'] }, ...(suggestion ? { fix: { text: suggestion } } : {}) });
  }

  const removed = new Map<string, Pointer>();
  for (const doc of docs) {
    for (const [section, ids] of doc.remove) {
      for (const { id, index } of ids) {
        const where: Pointer = { file: doc.file.path, path: ['remove', section, index] };
        const key = `${section}\0${id}`;
        const first = removed.get(key);
        if (first) {
          findings.push({ ruleId: RULE, messageId: 'twice', data: { section, id, operation: 'remove' }, at: where, related: [{ messageId: 'twice-at', at: first }] });
          continue;
        }
        const f = declared.get(section)?.get(id);
        if (!f) {
          unknown('remove-unknown', section, id, where);
          continue;
        }
        removed.set(key, where);
        delete entriesOf(f, section)[id];
        touched.add(f);
      }
    }
  }
  const changed = new Map<string, Pointer>();
  for (const doc of docs) {
    for (const [section, entries] of doc.change) {
      for (const [id, patch] of entries) {
        const where: Pointer = { file: doc.file.path, path: ['change', section, id], part: 'key' };
        const key = `${section}\0${id}`;
        const gone = removed.get(key);
        if (gone) {
          findings.push({ ruleId: RULE, messageId: 'change-removed', data: { section, id }, at: where, related: [{ messageId: 'twice-at', at: gone }] });
          continue;
        }
        const first = changed.get(key);
        if (first) {
          findings.push({ ruleId: RULE, messageId: 'twice', data: { section, id, operation: 'change' }, at: where, related: [{ messageId: 'twice-at', at: first }] });
          continue;
        }
        const f = declared.get(section)?.get(id);
        if (!f) {
          unknown('change-unknown', section, id, where);
          continue;
        }
        changed.set(key, where);
        const entries = entriesOf(f, section);
        entries[id] = mergePatch(entries[id], patch) as Record<string, unknown>;
        patches.set(`${f.path}\0${section}\0${id}`, { file: doc.file.path, patch });
        touched.add(f);
      }
    }
  }
  const added = new Map<string, Pointer>();
  for (const doc of docs) {
    const data = doc.file.data as Record<string, unknown>;
    for (const section of SECTION_NAMES) {
      const entries = data[section];
      if (!isMap(entries)) continue;
      for (const id of Object.keys(entries)) {
        const where: Pointer = { file: doc.file.path, path: ['add', section, id], part: 'key' };
        const key = `${section}\0${id}`;
        const first = added.get(key);
        if (first || declared.get(section)?.has(id)) {
          if (first) findings.push({ ruleId: RULE, messageId: 'twice', data: { section, id, operation: 'add' }, at: where, related: [{ messageId: 'twice-at', at: first }] });
          // Re-adding what the scenario removes is a replacement: allowed, the base's is gone.
          else if (!removed.has(key)) findings.push({ ruleId: RULE, messageId: 'add-exists', data: { section, id }, at: where });
          if (first || !removed.has(key)) {
            delete entries[id];
            continue;
          }
        }
        added.set(key, where);
      }
    }
  }
  return { findings, touched, patches, removed: new Map([...removed].map(([key, at]) => [key.slice(key.indexOf('\0') + 1), at])) };
}

/**
 * Findings whose place the scenario's patch wrote, moved from the base file into the scenario; a
 * reference to what the scenario removed points at the removal too.
 */
function redirector(patches: ReadonlyMap<string, Patch>, removed: ReadonlyMap<string, Pointer>): (finding: Finding) => Finding {
  const move = (p: Pointer): Pointer => {
    if (isOffsetPointer(p) || p.path.length < 3) return p;
    const hit = patches.get(`${p.file}\0${p.path[0]}\0${p.path[1]}`);
    if (!hit || !patchWrites(hit.patch, p.path.slice(2))) return p;
    return { ...p, file: hit.file, path: ['change', ...p.path] };
  };
  return (f) => {
    const removal = f.ruleId === 'unknown-reference' && typeof f.data?.id === 'string' ? removed.get(f.data.id) : undefined;
    if (patches.size === 0 && !removal) return f;
    const at = move(f.at);
    const related = f.related || removal ? [...(f.related ?? []).map((r) => ({ ...r, at: move(r.at) })), ...(removal ? [{ messageId: 'removed-by-scenario', at: removal }] : [])] : undefined;
    const fix = f.fix?.at ? { ...f.fix, at: move(f.fix.at) } : f.fix;
    return { ...f, at, ...(related ? { related } : {}), ...(fix ? { fix } : {}) };
  };
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown) => typeof v === 'string' || (isMap(v) && Object.values(v).every((x) => typeof x === 'string'));
