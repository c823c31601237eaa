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
//   waves:  [{ effective: 2027-07-01, change: { roles: { … } } }]   # later steps, by date
//
// Steps apply in order: the top-level operations at once, then each wave on what the earlier ones
// left (a wave may change or remove what an earlier one added). `until` cuts the scenario at a
// date, for the figures at each wave (compare) and `--at`.
import path from 'node:path';
import jsYaml from 'js-yaml';
import { pushAll } from '../core/arrays.js';
import { isOffsetPointer, type Finding, type Pointer } from '../finding.js';
import { DATE_PATTERN, ID_PATTERN, SECTIONS } from '../schema/grammar.js';
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
const TOP_KEYS = ['orgc', 'scenario', 'add', 'change', 'remove', 'waves', 'notes'];
const SCENARIO_KEYS = ['id', 'name', 'base', 'answers', 'description', 'notes'];
const WAVE_KEYS = ['effective', 'name', 'add', 'change', 'remove', 'notes'];
const DATE = new RegExp(DATE_PATTERN);
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
  /** Its waves (`waves:`), by date, one per date over all its files — those after `until` too. */
  waves: Wave[];
  /** Whether it has operations outside its waves, which take effect at once. */
  immediate: boolean;
  /** The date the scenario was cut at (`until`): the waves after it are not applied. */
  until?: string;
}

export interface Wave {
  /** `YYYY-MM-DD`. */
  effective: string;
  name?: Text;
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
  /**
   * Apply only the waves effective on or before this date (`YYYY-MM-DD`); `''` applies none of
   * them, only the operations that take effect at once. Undefined: the whole scenario.
   */
  until?: string;
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
    pushAll(findings, read.findings);
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
    waves: wavesOf(docs),
    immediate: docs.some((d) => d.steps.some((step) => step.effective === undefined && !isEmpty(step))),
    ...(opts.until !== undefined ? { until: opts.until } : {}),
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
  pushAll(findings, base.findings);
  for (const f of base.files) {
    if ((f.raw as { scenario?: unknown } | undefined)?.scenario !== undefined) {
      findings.push({ ruleId: RULE, messageId: 'base-is-scenario', data: { base: f.path }, at: { file: first.file.path, path: ['scenario', 'base'] } });
    }
  }
  const cleanBefore = new Set(base.files.filter((f) => !base.findings.some((x) => x.at.file === f.path)));
  const applied = apply(docs, base.files, opts.until);
  pushAll(findings, applied.findings);
  // The patched entities and the added ones are checked against the schema as the base was.
  for (const f of [...applied.touched].filter((f) => cleanBefore.has(f)).concat(docs.map((d) => d.file))) {
    const found = checkSchema(f.path, f.data);
    if (found.length === 0) continue;
    pushAll(findings, found);
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
  positions: ScenarioPositions;
  /** Its operations: the top level's first, then its waves in the order written. */
  steps: Step[];
}

/** One step of a scenario: its top-level operations, or one wave's. */
interface Step {
  /** Where its operations are written: `[]` at the top level, `['waves', i]` in a wave. */
  prefix: Path;
  /** The wave's date; undefined for the operations that take effect at once. */
  effective?: string;
  name?: Text;
  add: Map<string, Record<string, unknown>>;
  change: Map<string, Map<string, Record<string, unknown>>>;
  remove: Map<string, { id: string; index: number }[]>;
}

const isEmpty = (step: Step) => step.add.size === 0 && step.change.size === 0 && step.remove.size === 0;

/** The scenario's waves, one per date (files of one scenario may each add to a wave). */
function wavesOf(docs: readonly ScenarioDoc[]): Wave[] {
  const byDate = new Map<string, Wave>();
  for (const step of docs.flatMap((d) => d.steps)) {
    if (step.effective === undefined) continue;
    const wave = byDate.get(step.effective);
    if (!wave) byDate.set(step.effective, { effective: step.effective, ...(step.name !== undefined ? { name: step.name } : {}) });
    else if (wave.name === undefined && step.name !== undefined) wave.name = step.name;
  }
  return [...byDate.values()].sort((a, b) => (a.effective < b.effective ? -1 : 1));
}

/**
 * Positions in a scenario file for paths the later stages write as if its added entities were an
 * org file's sections: `roles.x.level` is found at `add.roles.x.level`.
 */
class ScenarioPositions extends Positions {
  /** Per `section\0id` of an entity this file adds, where its `add:` is: `['add']` or `['waves', i, 'add']`. */
  readonly addedAt = new Map<string, Path>();

  override locate(at: Path, part: 'key' | 'value' = 'value') {
    const prefix = at.length >= 2 ? this.addedAt.get(`${at[0]}\0${at[1]}`) : undefined;
    return super.locate(prefix ? [...prefix, ...at] : at, part);
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

  /** The operations written under `prefix` (the top level, or a wave). */
  const readStep = (block: Record<string, unknown>, prefix: Path): Step => {
    const sections = (op: Operation): [string, unknown][] => {
      const ops = block[op];
      if (ops === undefined || ops === null) return [];
      if (!isMap(ops)) {
        fail('not-a-map', at([...prefix, op]), { key: op });
        return [];
      }
      return Object.entries(ops).filter(([section]) => {
        if (SECTION_NAMES.includes(section)) return true;
        const suggestion = closest(section, SECTION_NAMES);
        if (suggestion) fail('unknown-section-suggest', at([...prefix, op, section], 'key'), { key: section, suggestion }, suggestion);
        else fail('unknown-section', at([...prefix, op, section], 'key'), { key: section, sections: SECTION_NAMES.map((s) => `\`${s}\``).join(', ') });
        return false;
      });
    };
    const step: Step = { prefix, add: new Map(), change: new Map(), remove: new Map() };
    for (const [section, entries] of sections('add')) {
      if (!isMap(entries)) fail('not-a-map', at([...prefix, 'add', section]), { key: `add.${section}` });
      else step.add.set(section, entries);
    }
    for (const [section, entries] of sections('change')) {
      if (!isMap(entries)) {
        fail('not-a-map', at([...prefix, 'change', section]), { key: `change.${section}` });
        continue;
      }
      const patches = new Map<string, Record<string, unknown>>();
      for (const [entry, patch] of Object.entries(entries)) {
        if (isMap(patch)) patches.set(entry, patch);
        else fail('not-a-map', at([...prefix, 'change', section, entry]), { key: `change.${section}.${entry}` });
      }
      step.change.set(section, patches);
    }
    for (const [section, ids] of sections('remove')) {
      if (!Array.isArray(ids) || ids.some((x) => typeof x !== 'string')) {
        fail('not-a-list', at([...prefix, 'remove', section]), { key: `remove.${section}`, example: 'an-id, another-id' });
        continue;
      }
      step.remove.set(section, (ids as string[]).map((x, index) => ({ id: x, index })));
    }
    return step;
  };

  const steps: Step[] = [readStep(raw, [])];
  if (raw.waves !== undefined && raw.waves !== null) {
    if (!Array.isArray(raw.waves)) fail('waves-not-a-list', at(['waves']));
    else {
      let previous: string | undefined;
      for (const [i, wave] of raw.waves.entries()) {
        if (!isMap(wave)) {
          fail('waves-not-a-list', at(['waves', i]));
          continue;
        }
        for (const key of Object.keys(wave)) {
          if (WAVE_KEYS.includes(key)) continue;
          const suggestion = closest(key, WAVE_KEYS);
          if (suggestion) fail('unknown-wave-key-suggest', at(['waves', i, key], 'key'), { key, suggestion }, suggestion);
          else fail('unknown-wave-key', at(['waves', i, key], 'key'), { key });
        }
        const effective = wave.effective;
        if (effective === undefined) fail('wave-date-missing', at(['waves', i]));
        else if (typeof effective !== 'string' || !isDate(effective)) fail('wave-date', at(['waves', i, 'effective']), { value: String(effective) });
        else if (previous !== undefined && effective <= previous) fail('wave-order', at(['waves', i, 'effective']), { date: effective, previous });
        if (wave.name !== undefined && !isText(wave.name)) fail('bad-text', at(['waves', i, 'name']), { key: 'name' });
        const step = readStep(wave, ['waves', i]);
        if (typeof effective === 'string') {
          step.effective = effective;
          previous = effective;
        }
        if (wave.name !== undefined && isText(wave.name)) step.name = wave.name as Text;
        steps.push(step);
      }
    }
  }

  // The entities it adds are placed into `data` as the steps are applied (apply, below).
  const positions = new ScenarioPositions(text);
  loaded.positions = positions;
  if (findings.length > 0) {
    loaded.raw = raw;
    return { file: loaded, findings };
  }
  loaded.data = { orgc: 1 } as unknown as OrgFileInput;
  const doc: ScenarioDoc = { file: loaded, positions, id, base, answers, steps };
  if (isMap(head) && head.name !== undefined) doc.name = head.name as Text;
  if (isMap(head) && head.description !== undefined) doc.description = head.description as Text;
  return { file: loaded, doc, findings };
}

/** `YYYY-MM-DD`, a calendar date that exists (no 31 April). */
export function isDate(date: string): boolean {
  if (!DATE.test(date)) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(date);
}

const WHY = {
  id: 'the scenario\'s id, e.g. `ka-split`',
  base: 'the path of the base org (a directory or a file), from this file, e.g. `../sales-org`',
};

// ---------------------------------------------------------------------------------------------
// Applying it

interface Patch {
  file: string;
  /** Where the `change:` holding it is: `[]` at the top level, `['waves', i]` in a wave. */
  prefix: Path;
  patch: Record<string, unknown>;
}

/**
 * The steps applied in order — the top-level operations of every file, then the waves by date (a
 * date's operations from every file together) — each on what the earlier ones left. Within a step
 * removals come first, then changes, then additions (so removing and re-adding an id replaces it).
 */
function apply(docs: readonly ScenarioDoc[], baseFiles: readonly LoadedFile[], until: string | undefined) {
  const findings: Finding[] = [];
  const touched = new Set<LoadedFile>();
  /** Per file, section and id: the patches that changed the entity, in order. */
  const patches = new Map<string, Patch[]>();
  /** Per section and id: the file holding the entity now (a base file, or the scenario file that added it). */
  const declared = new Map<string, Map<string, LoadedFile>>();
  const holder = (section: string) => {
    let ids = declared.get(section);
    if (!ids) declared.set(section, (ids = new Map()));
    return ids;
  };
  for (const f of baseFiles) {
    if (!f.data) continue;
    for (const section of SECTION_NAMES) {
      const entries = (f.data as Record<string, unknown>)[section];
      if (!isMap(entries)) continue;
      const ids = holder(section);
      for (const id of Object.keys(entries)) if (!ids.has(id)) ids.set(id, f);
    }
  }
  const entriesOf = (f: LoadedFile, section: string) => {
    const data = f.data as unknown as Record<string, Record<string, unknown>>;
    return (data[section] ??= {});
  };
  // Suggestions come from every id the section has had: a typo of an id removed a line above is still a typo.
  const known = new Map([...declared].map(([section, ids]) => [section, new Set(ids.keys())]));
  const unknown = (messageId: 'change-unknown' | 'remove-unknown', section: string, id: string, where: Pointer) => {
    const suggestion = closest(id, known.get(section) ?? []);
    findings.push({ ruleId: RULE, messageId: suggestion ? `${messageId}-suggest` : messageId, data: suggestion ? { section, id, suggestion } : { section, id }, at: where, ...(suggestion ? { fix: { text: suggestion } } : {}) });
  };

  // The signal a scenario answers is one of the base's: the scenario may well retire it.
  for (const doc of docs) {
    if (doc.answers === undefined || declared.get('signals')?.has(doc.answers)) continue;
    const suggestion = closest(doc.answers, declared.get('signals')?.keys() ?? []);
    findings.push({ ruleId: RULE, messageId: 'answers-unknown', data: { id: doc.answers }, at: { file: doc.file.path, path: ['scenario', 'answers'] }, ...(suggestion ? { fix: { text: suggestion } } : {}) });
  }

  const steps = docs.flatMap((doc) => doc.steps.map((step) => ({ doc, step })));
  const dates = [...new Set(steps.map(({ step }) => step.effective).filter((d): d is string => d !== undefined))].sort();
  const groups = [undefined, ...dates].filter((date) => date === undefined || until === undefined || date <= until).map((date) => steps.filter(({ step }) => step.effective === date));

  /** Per `section\0id`: where the scenario removed it last, and where it added it. */
  const removed = new Map<string, Pointer>();
  const added = new Map<string, Pointer>();
  for (const group of groups) {
    const removedHere = new Map<string, Pointer>();
    for (const { doc, step } of group) {
      for (const [section, ids] of step.remove) {
        for (const { id, index } of ids) {
          const where: Pointer = { file: doc.file.path, path: [...step.prefix, 'remove', section, index] };
          const key = `${section}\0${id}`;
          const first = removedHere.get(key);
          if (first) {
            findings.push({ ruleId: RULE, messageId: 'twice', data: { section, id, operation: 'remove' }, at: where, related: [{ messageId: 'twice-at', at: first }] });
            continue;
          }
          const f = declared.get(section)?.get(id);
          if (!f) {
            const gone = removed.get(key);
            if (gone) findings.push({ ruleId: RULE, messageId: 'gone', data: { section, id }, at: where, related: [{ messageId: 'removed-at', at: gone }] });
            else unknown('remove-unknown', section, id, where);
            continue;
          }
          removedHere.set(key, where);
          removed.set(key, where);
          delete entriesOf(f, section)[id];
          declared.get(section)!.delete(id);
          if (baseFiles.includes(f)) touched.add(f);
        }
      }
    }
    const changedHere = new Map<string, Pointer>();
    for (const { doc, step } of group) {
      for (const [section, entries] of step.change) {
        for (const [id, patch] of entries) {
          const where: Pointer = { file: doc.file.path, path: [...step.prefix, 'change', section, id], part: 'key' };
          const key = `${section}\0${id}`;
          const gone = removedHere.get(key);
          if (gone) {
            findings.push({ ruleId: RULE, messageId: 'change-removed', data: { section, id }, at: where, related: [{ messageId: 'twice-at', at: gone }] });
            continue;
          }
          const first = changedHere.get(key);
          if (first) {
            findings.push({ ruleId: RULE, messageId: 'twice', data: { section, id, operation: 'change' }, at: where, related: [{ messageId: 'twice-at', at: first }] });
            continue;
          }
          const f = declared.get(section)?.get(id);
          if (!f) {
            const earlier = removed.get(key);
            if (earlier) findings.push({ ruleId: RULE, messageId: 'gone', data: { section, id }, at: where, related: [{ messageId: 'removed-at', at: earlier }] });
            else unknown('change-unknown', section, id, where);
            continue;
          }
          changedHere.set(key, where);
          const entries = entriesOf(f, section);
          entries[id] = mergePatch(entries[id], patch) as Record<string, unknown>;
          const patchKey = `${f.path}\0${section}\0${id}`;
          patches.set(patchKey, [...(patches.get(patchKey) ?? []), { file: doc.file.path, prefix: step.prefix, patch }]);
          if (baseFiles.includes(f)) touched.add(f);
        }
      }
    }
    const addedHere = new Map<string, Pointer>();
    for (const { doc, step } of group) {
      for (const [section, entries] of step.add) {
        for (const [id, entity] of Object.entries(entries)) {
          const where: Pointer = { file: doc.file.path, path: [...step.prefix, 'add', section, id], part: 'key' };
          const key = `${section}\0${id}`;
          const first = addedHere.get(key) ?? (declared.get(section)?.has(id) ? added.get(key) : undefined);
          if (first) {
            findings.push({ ruleId: RULE, messageId: 'twice', data: { section, id, operation: 'add' }, at: where, related: [{ messageId: 'twice-at', at: first }] });
            continue;
          }
          // Re-adding what the scenario removed is a replacement: the earlier one is gone.
          if (declared.get(section)?.has(id)) {
            findings.push({ ruleId: RULE, messageId: 'add-exists', data: { section, id }, at: where });
            continue;
          }
          addedHere.set(key, where);
          added.set(key, where);
          entriesOf(doc.file, section)[id] = entity;
          holder(section).set(id, doc.file);
          if (!known.has(section)) known.set(section, new Set());
          known.get(section)!.add(id);
          doc.positions.addedAt.set(key, [...step.prefix, 'add']);
          patches.delete(`${doc.file.path}\0${section}\0${id}`);
        }
      }
    }
  }
  return { findings, touched, patches, removed: new Map([...removed].map(([key, at]) => [key.slice(key.indexOf('\0') + 1), at])) };
}

/**
 * Findings whose place the scenario's patch wrote, moved from the base file into the scenario; a
 * reference to what the scenario removed points at the removal too.
 */
function redirector(patches: ReadonlyMap<string, readonly Patch[]>, removed: ReadonlyMap<string, Pointer>): (finding: Finding) => Finding {
  const move = (p: Pointer): Pointer => {
    if (isOffsetPointer(p) || p.path.length < 3) return p;
    // The last patch that wrote the value: a later wave's change wins over an earlier one's.
    const hit = [...(patches.get(`${p.file}\0${p.path[0]}\0${p.path[1]}`) ?? [])].reverse().find((x) => patchWrites(x.patch, p.path.slice(2)));
    if (!hit) return p;
    return { ...p, file: hit.file, path: [...hit.prefix, 'change', ...p.path] };
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
