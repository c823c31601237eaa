// The language server checks an edit incrementally (rules whose input the edit did not touch keep
// their findings: src/check/incremental.ts). Whatever it reuses, the diagnostics must be those of
// `lint` run from scratch on the same texts: a random walk of edits over a synthetic org with a
// finding of every rule, across files — reporting lines, ids, RACI letters, scopes, quotas,
// headcounts, levels, duties' areas, steps and effort, and now and then a text the schema rejects.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api/lint.js';
import { changesBetween, RULE_READS } from '../../src/check/incremental.js';
import { RULES } from '../../src/check/rules/index.js';
import { Workspace } from '../../src/lsp/workspace.js';
import { random, syntheticOrg } from '../../scripts/bench/synthetic-org.js';

let dir: string;
let files: string[];
let original: Map<string, string>;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'orgc-lsp-inc-'));
  // 800 roles: the fewest that hold one copy of every defect (one finding of every rule).
  const org = syntheticOrg(800, { files: 4, defects: 1 });
  files = [];
  let first = true;
  for (const [name, text] of org.files) {
    const file = path.join(dir, first ? 'org.yaml' : name);
    writeFileSync(file, text);
    files.push(file);
    first = false;
  }
  writeFileSync(path.join(dir, 'orgc.config.yaml'), org.config!);
  original = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Edit = [pattern: RegExp, replace: (m: RegExpExecArray, pick: <T>(xs: readonly T[]) => T) => string];

/** One-line edits, each of a random line matching its pattern. */
const EDITS: Edit[] = [
  [/^( +reports_to: )(\S+)$/gm, (m, pick) => m[1] + pick([...roleIds, `${m[2]}x`])],
  [/^( +reports_to: )(\S+)$/gm, () => ''],
  [/^( +dotted_line_to: )\[(\S+)\]$/gm, (m, pick) => `${m[1]}[${pick(roleIds)}]`],
  [/^( {6}[a-z0-9-]+: )(R|A|C|I)$/gm, (m, pick) => m[1] + pick(['R', 'A', 'C', 'I', '[A, R]'])],
  [/^( +headcount: )(\d+)$/gm, (m, pick) => m[1] + pick(['0', '1', '2', '5', '20'])],
  [/^( +vacancies: )(\d+)$/gm, (m, pick) => m[1] + pick(['0', '1', '2'])],
  [/(per_seat: )(\d+(?:\.\d+)?)M/gm, (m, pick) => `${m[1]}${pick(['0.5', '1', '1.2', '3'])}M`],
  [/^( +level: )(strategic|tactical|frontline)$/gm, (m, pick) => m[1] + pick(['strategic', 'tactical', 'frontline', 'operations'])],
  [/(scope: \{ region: \[)(r\d+)\]/gm, (m, pick) => `${m[1]}${pick(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r9'])}]`],
  [/^( {2})([a-z0-9-]+):$/gm, (m) => `${m[1]}${m[2]}-z:`],
  [/(area: )(strategy|execution|customer|enablement)/gm, (m, pick) => m[1] + pick(['strategy', 'execution', 'customer', 'enablement'])],
  [/(step: )(lead-generation|proposal|contract|delivery|renewal)/gm, (m, pick) => m[1] + pick(['lead-qualification', 'need-analysis', 'collection', 'complaint-handling'])],
  [/(effort: )([0-9.]+)/gm, (m, pick) => m[1] + pick(['0.5', '3', '28.8', '400'])],
  [/(experience: )(\d+)y/gm, (m, pick) => `${m[1]}${pick(['0', '2', '9'])}y`],
  [/(competencies: \{ )(planning: \d)/gm, (m, pick) => m[1] + pick(['planning: 1', 'planning: 4', 'coaching: 3'])],
  [/(cut: \[)(region)\]/gm, (m, pick) => `${m[1]}${pick(['region, process', 'segment', 'process'])}]`],
  [/( +title: \{ en: )/gm, (m) => `${m[1]}Renamed `],
];

/**
 * Edits of the sections around the roles — targets, KPIs, service levels, people, signals — and a
 * backup added: each changes a field some rules read and others not, so a `RULE_READS` entry that
 * leaves out what its rule reads shows as a stale finding.
 */
const SECTION_EDITS: Edit[] = [
  [/(owner: )([a-z0-9-]+)( \})/gm, (m, pick) => m[1] + pick(roleIds) + m[3]],
  [/(metric: revenue, value: )(\d+)(M CNY)/gm, (m, pick) => m[1] + pick(['1', '40', '80', '900']) + m[3]],
  [/(kind: )(team|individual|cross-role)/gm, (m, pick) => m[1] + pick(['team', 'individual', 'cross-role'])],
  [/(owners: \[)([a-z0-9-]+)/gm, (m, pick) => m[1] + pick(roleIds)],
  [/((?:from|to): )([a-z0-9-]+)(, )/gm, (m, pick) => m[1] + pick(roleIds) + m[3]],
  [/(role: )([a-z0-9-]+)(, experience)/gm, (m, pick) => m[1] + pick(roleIds) + m[3]],
  [/(when: ')([<>] \d+%)(')/gm, (m, pick) => m[1] + pick(['> 5%', '< 90%', '> 300%']) + m[3]],
  [/^( {4}reports_to: )(\S+)$/gm, (m, pick) => `${m[0]}\n    backup: ${pick(roleIds)}`],
];

/** An edit the schema rejects: the load stage repairs the file, and the check goes on around it. */
const BREAK: Edit = [/^( +level: )(\S+)$/gm, (m) => `${m[1]}nonsense`];

let roleIds: string[] = [];

/** A rep without a region of its own, under the East manager. */
const SMALL = `orgc: 1
org: { id: small, name: Small, language: en }
dimensions:
  region: { name: Region, values: { east: { name: East }, west: { name: West } } }
targets:
  revenue-east: { name: East revenue, metric: revenue, value: 10M CNY, period: '2027', scope: { region: [east] } }
  revenue-west: { name: West revenue, metric: revenue, value: 10M CNY, period: '2027', scope: { region: [west] } }
roles:
  vp: { title: VP, level: strategic }
  east-manager: { title: East manager, level: tactical, reports_to: vp, scope: { region: [east] }, quota: { per_seat: 5M CNY } }
  west-manager: { title: West manager, level: tactical, reports_to: vp, scope: { region: [west] }, quota: { per_seat: 5M CNY } }
  rep:
    title: Rep
    level: frontline
    reports_to: east-manager
    headcount: 2
    quota: { per_seat: 5M CNY }
`;

function applyEdit(text: string, rand: () => number, edits: readonly Edit[] = EDITS): string {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  for (let tries = 0; tries < 10; tries++) {
    const [pattern, replace] = pick(edits);
    const matches = [...text.matchAll(pattern)];
    if (matches.length === 0) continue;
    const m = pick(matches) as RegExpExecArray;
    return text.slice(0, m.index) + replace(m, pick) + text.slice(m.index + m[0].length);
  }
  return text;
}

/** Reporting lines only: the model is patched, roles moved. */
const LINE_EDITS = EDITS.filter(([p]) => /reports_to|dotted_line_to/.test(p.source));
/** Fields of a role or a duty that refer to nothing, and RACI letters: the model is patched, the fields read again. */
const OWN_EDITS = EDITS.filter(([p]) => /headcount|vacancies|per_seat|level|R\|A|area|effort|experience|title/.test(p.source));

/**
 * `steps` checks of a random walk of edits (one to three per check, in one or more files; now and
 * then a file goes back as it was, or is broken for one check and mended in the next), each
 * compared with `lint` from scratch. Returns how many checks patched or kept the model, and how
 * many reused some rules' findings.
 */
async function walk(seed: number, steps: number, edits: readonly Edit[]): Promise<{ patched: number; reused: number }> {
  roleIds = [...new Set([...[...original.values()].join('\n').matchAll(/^ +reports_to: (\S+)$/gm)].map((m) => m[1]))].sort();
  const rand = random(seed);
  const ws = new Workspace(() => 'en');
  const texts = new Map(original);
  let reused = 0;
  let flagged = 0;
  let patched = 0;
  /** The number of rules a check runs when it reuses nothing (the first). */
  let full = 0;
  let broken: [file: string, text: string] | undefined;
  const set = (f: string, text: string, version: number) => {
    texts.set(f, text);
    ws.open.set(f, { text, version });
  };
  for (let step = 0; step < steps; step++) {
    let file = files[0];
    if (broken) set(...broken, step * 10);
    broken = undefined;
    const count = 1 + Math.floor(rand() * 3);
    for (let e = 0; e < count; e++) {
      file = files[Math.floor(rand() * files.length)];
      const r = rand();
      if (r < 0.06) broken = [file, texts.get(file)!];
      set(file, r < 0.06 ? applyEdit(texts.get(file)!, rand, [BREAK]) : r < 0.12 ? original.get(file)! : applyEdit(texts.get(file)!, rand, edits), step * 10 + e + 1);
    }
    const state = await ws.check(file);
    const expected = await lint({ texts: Object.fromEntries(texts), config: path.join(dir, 'orgc.config.yaml'), lang: 'en' });
    expect(state.result!.diagnostics, `after edit ${step}`).toEqual(expected.diagnostics);
    if (state.model.how !== 'built') patched++;
    full = Math.max(full, state.rules.ran.length);
    if (state.rules.ran.length < full) reused++;
    flagged += expected.diagnostics.length;
  }
  // An org with findings to keep or lose: one of every rule, and what the edits add.
  expect(flagged).toBeGreaterThan(steps * 20);
  return { patched, reused };
}

describe('incremental checks in the language server', () => {
  it('give the diagnostics of a check from scratch after every edit of a random walk', async () => {
    const { reused } = await walk(14, 20, EDITS);
    expect(reused).toBeGreaterThan(10);
  }, 300_000);

  it('patch the model for edits of reporting lines, with the diagnostics of a check from scratch', async () => {
    const { patched, reused } = await walk(7, 30, LINE_EDITS);
    expect(patched).toBeGreaterThan(10);
    expect(reused).toBeGreaterThan(10);
  }, 300_000);

  it('patch the model for edits of fields that refer to nothing, with the diagnostics of a check from scratch', async () => {
    const { patched, reused } = await walk(21, 20, OWN_EDITS);
    expect(patched).toBeGreaterThan(10);
    expect(reused).toBeGreaterThan(10);
  }, 300_000);

  it('keep only the findings of rules whose input the edit of a target, a KPI, a person or a backup left alone', async () => {
    const { reused } = await walk(5, 14, SECTION_EDITS);
    expect(reused).toBeGreaterThan(5);
  }, 300_000);

  it('checks again what reads the lines through where roles work: a rep moved to another region', async () => {
    // The rep has no region of its own: it works where its manager does, and counts towards that
    // region's target (quota-capacity). Moving it moves its quota from one target to the other.
    const file = path.join(dir, 'small', 'org.yaml');
    mkdirSync(path.dirname(file), { recursive: true });
    const text = SMALL;
    const ws = new Workspace(() => 'en');
    const quotas = (east: string) => ws.stateOf(file)!.result!.diagnostics.filter((d) => d.ruleId === 'quota-capacity' && d.message.includes(east)).map((d) => d.message);
    writeFileSync(file, text);
    ws.open.set(file, { text, version: 1 });
    await ws.check(file);
    expect(quotas('revenue-east')[0]).toMatch(/15M CNY, 50% over/);
    const moved = text.replace('reports_to: east-manager', 'reports_to: west-manager');
    ws.open.set(file, { text: moved, version: 2 });
    const state = await ws.check(file);
    expect(state.model.how).toBe('patched');
    expect(state.rules.ran).toContain('quota-capacity');
    expect(quotas('revenue-west')[0]).toMatch(/15M CNY, 50% over/);
    expect(state.result!.diagnostics).toEqual((await lint({ texts: { [file]: moved }, config: false, lang: 'en' })).diagnostics);
    // A move that keeps where everyone works (the rep's region is its own) keeps quota-capacity's findings.
    const own = moved.replace('    headcount: 2', '    headcount: 2\n    scope: { region: [west] }');
    ws.open.set(file, { text: own, version: 3 });
    await ws.check(file);
    ws.open.set(file, { text: own.replace('reports_to: west-manager', 'reports_to: vp'), version: 4 });
    const kept = await ws.check(file);
    expect(kept.model.how).toBe('patched');
    expect(kept.rules.ran).not.toContain('quota-capacity');
    expect(kept.result!.diagnostics).toEqual((await lint({ texts: { [file]: own.replace('reports_to: west-manager', 'reports_to: vp') }, config: false, lang: 'en' })).diagnostics);
  });

  it('checks again what reads RACI letters when a letter changes, and nothing that does not', async () => {
    const file = path.join(dir, 'raci', 'org.yaml');
    mkdirSync(path.dirname(file), { recursive: true });
    const text = `${SMALL}    duties: { sell: R }\nduties:\n  sell: { name: Sell, area: execution }\n  plan: { name: Plan, area: strategy }\n`;
    writeFileSync(file, text);
    const ws = new Workspace(() => 'en');
    let version = 0;
    for (const letters of ['R', 'C', '[A, R]', 'I', 'R']) {
      const edited = text.replace('duties: { sell: R }', `duties: { sell: ${letters} }`);
      ws.open.set(file, { text: edited, version: ++version });
      const state = await ws.check(file);
      expect(state.result!.diagnostics, letters).toEqual((await lint({ texts: { [file]: edited }, config: false, lang: 'en' })).diagnostics);
      if (version > 1) expect(state.rules.ran).not.toContain('territory-balance');
      if (version > 1) expect(state.model.how).toBe('patched');
    }
  });

  it('renames the entities in kept findings when a title changes, without running the rules again', async () => {
    const file = path.join(dir, 'renamed', 'org.yaml');
    mkdirSync(path.dirname(file), { recursive: true });
    // The rep's seats are all open and its manager's span is one: findings that name both.
    const text = SMALL.replace('    headcount: 2\n', '    headcount: 2\n    vacancies: 2\n');
    writeFileSync(file, text);
    const ws = new Workspace(() => 'en');
    ws.open.set(file, { text, version: 1 });
    const first = await ws.check(file);
    expect(first.result!.diagnostics.some((d) => d.message.includes('Rep (rep)'))).toBe(true);
    let version = 1;
    for (const title of ['Field rep', '{ en: Field rep, zh-CN: 销售代表 }', 'Rep']) {
      const edited = text.replace('    title: Rep\n', `    title: ${title}\n`);
      ws.open.set(file, { text: edited, version: ++version });
      const state = await ws.check(file);
      expect(state.model.how, title).toBe('patched');
      // Only the rules that run on every check (not in RULE_READS) ran.
      expect(state.rules.ran.filter((id) => RULE_READS[id]), title).toEqual([]);
      const expected = (await lint({ texts: { [file]: edited }, config: false, lang: 'en' })).diagnostics;
      expect(state.result!.diagnostics, title).toEqual(expected);
      if (title !== 'Rep') expect(state.result!.diagnostics.some((d) => d.message.includes('Field rep (rep)')), title).toBe(true);
    }
  });

  it('tells the fields an edit changed, and gives up on changes it cannot place', () => {
    const one = (a: unknown, b: unknown) => changesBetween([{ path: 'x', data: a } as never], [{ path: 'x', data: b } as never]);
    const role = { title: 'A', reports_to: 'b', duties: { d: 'R' } };
    expect(one({ roles: { a: role } }, { roles: { a: { ...role, reports_to: 'c' } } })).toEqual(new Set(['roles.reports_to']));
    expect(one({ roles: { a: role } }, { roles: { a: { ...role, duties: { d: 'A' } } } })).toEqual(new Set(['roles.duties']));
    expect(one({ roles: { a: role } }, { roles: { b: role } })).toBe('all');
    expect(one({ roles: { a: role, b: role } }, { roles: { b: role, a: role } })).toBe('all');
    expect(one({ org: { id: 'x' }, roles: { a: role } }, { org: { id: 'y' }, roles: { a: role } })).toBe('all');
    // Every rule in the table is a rule, and reads fields of real sections.
    const ids = new Set(RULES.map((r) => r.meta.id));
    for (const [id, reads] of Object.entries(RULE_READS)) {
      expect(ids.has(id), id).toBe(true);
      for (const r of reads) expect(r, id).toMatch(/^(dimensions|families|competencies|process|tools|pay_bands|metrics|duties|roles|kpis|service_levels|reviews|targets|signals|people)(\.[a-z_]+)?$/);
    }
  });
});
