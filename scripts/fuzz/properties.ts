// Properties orgc must hold on any input, for fast-check: the test suite runs a few thousand cases
// (test/fuzz.test.ts), `npm run fuzz` a long campaign (scripts/fuzz/run.ts).
//
// - validate never throws, on random orgs and on random mutations of valid ones (deleted keys,
//   wrong types, dangling references, cycles, ids declared twice, huge values, broken YAML), and
//   every finding has a rule id and a location inside its file;
// - render of any valid org succeeds and is byte-for-byte the same when repeated;
// - the diff of an org against itself is empty.
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { ALL_CHECKS } from '../../src/report/catalogue.js';
import { compareModels } from '../../src/diff/compare.js';
import { defaultConfig } from '../../src/config/load.js';
import { runRules } from '../../src/check/index.js';
import { loadFiles } from '../../src/load/index.js';
import { sourceFromBytes } from '../../src/load/sources.js';
import { buildModel } from '../../src/model/build.js';
import type { Diagnostic } from '../../src/report/diagnostic.js';
import { toDiagnostics } from '../../src/report/locate.js';
import { applySuppressions } from '../../src/report/suppress.js';
import { render, type RenderFormat } from '../../src/render/index.js';
import type { Page } from '../../src/render/output.js';
import { AREAS, KPI_KINDS, LEVELS, RACI_LETTERS } from '../../src/schema/grammar.js';

export type Files = Record<string, string>;

/** Text of every kind a user might type: plain, CJK, emoji, markup, quotes, line breaks. */
const text = fc.oneof(
  fc.constantFrom('Sales Director', '销售总监', 'KA 客户经理', 'Sales | Service', '<script>x</script>', '`code`', '"quoted"', 'a\nb', '🚀 launch', '=SUM(A1)', '# hash', 'R&D'),
  fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }).filter((s) => s.trim().length > 0),
);

/** A valid org: a reporting tree, duties with RACI, a process, KPIs and service levels. */
export const validOrg: fc.Arbitrary<Files> = fc
  .record({
    name: text,
    language: fc.constantFrom('en', 'zh-CN'),
    duties: fc.array(fc.record({ name: text, area: fc.constantFrom(...AREAS), step: fc.nat(3) }), { minLength: 1, maxLength: 8 }),
    roles: fc.array(
      fc.record({
        title: text,
        level: fc.constantFrom(...LEVELS),
        manager: fc.nat(),
        headcount: fc.integer({ min: 1, max: 6 }),
        vacancies: fc.nat(6),
        duties: fc.array(fc.tuple(fc.nat(), fc.subarray([...RACI_LETTERS], { minLength: 1 })), { maxLength: 6 }),
      }),
      { minLength: 1, maxLength: 10 },
    ),
    kpis: fc.array(fc.record({ name: text, kind: fc.constantFrom(...KPI_KINDS), owner: fc.nat(), duty: fc.nat() }), { maxLength: 4 }),
    handoffs: fc.array(fc.record({ what: text, from: fc.nat(), to: fc.nat(), hours: fc.integer({ min: 1, max: 72 }) }), { maxLength: 3 }),
    files: fc.integer({ min: 1, max: 3 }),
  })
  .map((o) => {
    const roles = o.roles.map((r, i) => ({
      title: r.title,
      level: r.level,
      ...(i > 0 ? { reports_to: `r${r.manager % i}` } : {}),
      headcount: r.headcount,
      vacancies: Math.min(r.vacancies, r.headcount),
      duties: Object.fromEntries(r.duties.map(([d, letters]) => [`d${d % o.duties.length}`, letters.length === 1 ? letters[0] : letters])),
    }));
    const data: Record<string, unknown> = {
      orgc: 1,
      org: { id: 'fuzz', name: o.name, language: o.language },
      process: { main: { name: 'Main', steps: { s0: { name: 'Find' }, s1: { name: 'Win' }, s2: { name: 'Serve' }, s3: { name: 'Keep' } } } },
      duties: Object.fromEntries(o.duties.map((d, i) => [`d${i}`, { name: d.name, area: d.area, ...(d.area === 'execution' ? { step: `s${d.step}` } : {}) }])),
      roles: Object.fromEntries(roles.map((r, i) => [`r${i}`, r])),
    };
    if (o.kpis.length) {
      data.kpis = Object.fromEntries(o.kpis.map((k, i) => [`k${i}`, { name: k.name, kind: k.kind, target: '90%', measures: [`d${k.duty % o.duties.length}`], owners: [`r${k.owner % roles.length}`] }]));
    }
    const handoffs = o.handoffs.filter((h) => h.from % roles.length !== h.to % roles.length);
    if (handoffs.length) {
      data.service_levels = Object.fromEntries(handoffs.map((h, i) => [`sl${i}`, { what: h.what, from: `r${h.from % roles.length}`, to: `r${h.to % roles.length}`, within: `${h.hours}h` }]));
    }
    return split(data, o.files);
  });

/** The org over `count` files: the first holds the org and the shared sections, the rest the roles. */
function split(data: Record<string, unknown>, count: number): Files {
  const dump = (d: unknown) => jsYaml.dump(d, { lineWidth: -1, noRefs: true });
  if (count === 1) return { 'org.yaml': dump(data) };
  const roles = Object.entries(data.roles as Record<string, unknown>);
  const files: Files = { 'org.yaml': dump({ ...data, roles: Object.fromEntries(roles.filter((_, i) => i % count === 0)) }) };
  for (let f = 1; f < count; f++) {
    const part = roles.filter((_, i) => i % count === f);
    if (part.length) files[`roles-${f}.yaml`] = dump({ orgc: 1, roles: Object.fromEntries(part) });
  }
  return files;
}

/** Anything a broken edit could leave where a value was. */
const junk = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 20 }),
  fc.constant('x'.repeat(20_000)),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
  fc.constantFrom('r0', 'd0', 'nobody', '__proto__', 'constructor', '../x', '0755', '24h', '25%', '3y'),
);

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'rename-key'; at: number; key: string }
  | { kind: 'duplicate-across-files'; at: number }
  | { kind: 'cycle'; a: number; b: number }
  | { kind: 'text'; at: number; insert: string; remove: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: junk }),
  fc.record({ kind: fc.constant('rename-key' as const), at: fc.nat(), key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'reprots_to', 'r0', 'd0')) }),
  fc.record({ kind: fc.constant('duplicate-across-files' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('cycle' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('text' as const), at: fc.nat(), insert: fc.constantFrom('', ':', '- ', '[', '{', '"', "'", '&a ', '*a', '!!binary ', '\t', '\n  ', '#', '<<: *x', '---\n', '\u0000', '\ufeff', '%YAML 1.1\n'), remove: fc.nat(5) }),
);

/** Every (container, key) pair in a document, in a stable order. */
function slots(root: unknown): Array<[Record<string, unknown> | unknown[], string | number]> {
  const out: Array<[Record<string, unknown> | unknown[], string | number]> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach((v, i) => (out.push([node, i]), walk(v)));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) (out.push([node as Record<string, unknown>, k]), walk(v));
  };
  walk(root);
  return out;
}

/** A valid org with one to three mutations applied. */
export const mutatedOrg: fc.Arbitrary<Files> = fc.tuple(validOrg, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([files, mutations]) => {
  const names = Object.keys(files);
  let docs = names.map((n) => jsYaml.load(files[n], { schema: jsYaml.CORE_SCHEMA }) as Record<string, unknown>);
  for (const m of mutations) {
    const all = docs.flatMap((d, f) => slots(d).map((s) => [f, ...s] as const));
    if (m.kind === 'delete' && all.length) {
      const [, container, key] = all[m.at % all.length];
      if (Array.isArray(container)) container.splice(key as number, 1);
      else delete container[key as string];
    } else if (m.kind === 'replace' && all.length) {
      const [, container, key] = all[m.at % all.length];
      (container as Record<string | number, unknown>)[key] = structuredClone(m.value);
    } else if (m.kind === 'rename-key' && all.length) {
      const [, container, key] = all[m.at % all.length];
      if (!Array.isArray(container)) {
        const value = container[key as string];
        delete container[key as string];
        Object.defineProperty(container, m.key, { value, enumerable: true, writable: true, configurable: true });
      }
    } else if (m.kind === 'duplicate-across-files') {
      const section = docs[0]?.roles;
      const roles = section && typeof section === 'object' ? Object.entries(section) : [];
      if (roles.length) docs = [...docs, { orgc: 1, roles: Object.fromEntries([roles[m.at % roles.length]]) }];
    } else if (m.kind === 'cycle') {
      const roles = docs[0]?.roles;
      if (!roles || typeof roles !== 'object') continue;
      const ids = Object.keys(roles);
      const role = ids.length ? (roles as Record<string, unknown>)[ids[m.a % ids.length]] : undefined;
      if (role && typeof role === 'object' && !Array.isArray(role)) (role as Record<string, unknown>).reports_to = ids[m.b % ids.length];
    }
  }
  const out: Files = {};
  docs.forEach((d, i) => (out[names[i] ?? `extra-${i}.yaml`] = jsYaml.dump(d, { lineWidth: -1, noRefs: true })));
  // Text mutations last, on the written YAML: syntax errors of every kind.
  for (const m of mutations) {
    if (m.kind !== 'text') continue;
    const name = Object.keys(out)[m.at % Object.keys(out).length];
    const t = out[name];
    const at = t.length ? m.at % t.length : 0;
    out[name] = t.slice(0, at) + m.insert + t.slice(at + m.remove);
  }
  return out;
});

/** load → model → rules → diagnostics, in-process, as `orgc validate` does. */
export async function validateFiles(files: Files): Promise<Diagnostic[]> {
  const loaded = await loadFiles(Object.entries(files).map(([p, t]) => sourceFromBytes(p, Buffer.from(t))));
  const findings = [...loaded.findings];
  if (findings.length === 0) {
    const built = buildModel(loaded.files);
    findings.push(...built.findings);
    if (built.model) findings.push(...runRules(built.model, defaultConfig()));
  }
  return applySuppressions(toDiagnostics(findings, loaded.files, ALL_CHECKS, { lang: 'en' }), loaded.files, ALL_CHECKS, 'en');
}

/** Property: validate does not throw, and every finding names a rule and a place in its file. */
export async function validatesSafely(files: Files): Promise<void> {
  const diagnostics = await validateFiles(files);
  for (const d of diagnostics) {
    if (!d.ruleId || !ALL_CHECKS.has(d.ruleId)) throw new Error(`finding without a known rule id: ${JSON.stringify(d)}`);
    const text = files[d.file];
    if (text === undefined) throw new Error(`finding in an unknown file ${d.file}`);
    const lines = text.split(/\r\n|\r|\n/);
    const { start, end } = d.range;
    const inside = (p: { line: number; column: number; offset: number }) => p.line >= 1 && p.line <= lines.length + 1 && p.column >= 1 && p.offset >= 0 && p.offset <= text.length;
    if (!inside(start) || !inside(end) || end.offset < start.offset) throw new Error(`finding outside its file: ${JSON.stringify(d)}`);
    // A `{placeholder}` left in a message, unless the file itself wrote those braces (a key `{0}`).
    const unfilled = (d.message.match(/\{\w+\}/g) ?? []).filter((p) => !text.includes(p));
    if (!d.message || unfilled.length) throw new Error(`finding without a complete message: ${JSON.stringify(d)}`);
  }
}

const FORMATS: RenderFormat[] = ['md', 'html', 'csv', 'json', 'mermaid', 'xlsx'];

/** Property: a valid org renders in every format, the same bytes every time. */
export async function rendersDeterministically(files: Files): Promise<void> {
  const loaded = await loadFiles(Object.entries(files).map(([p, t]) => sourceFromBytes(p, Buffer.from(t))));
  if (loaded.findings.length) throw new Error(`the generated org does not load: ${JSON.stringify(loaded.findings[0])}`);
  for (const format of FORMATS) {
    const once = await renderOnce(files, format);
    const twice = await renderOnce(files, format);
    if (once.size === 0) throw new Error(`${format}: nothing rendered`);
    for (const [file, content] of once) {
      const again = twice.get(file);
      if (again === undefined || Buffer.compare(bytesOf(content), bytesOf(again)) !== 0) throw new Error(`${format}: ${file} differs between two renders`);
    }
  }
}

/** A page's bytes, whole or from its chunks (a renderer may stream a large page). */
function bytesOf(page: Page): Buffer {
  if (typeof page === 'string' || page instanceof Uint8Array) return Buffer.from(page);
  return Buffer.concat([...page].map((chunk) => Buffer.from(chunk)));
}

async function renderOnce(files: Files, format: RenderFormat) {
  // The model takes the parsed data apart as it builds: each render loads afresh.
  const loaded = await loadFiles(Object.entries(files).map(([p, t]) => sourceFromBytes(p, Buffer.from(t))));
  const built = buildModel(loaded.files);
  if (!built.model) throw new Error('no model');
  return render(built.model, format, 'en', []);
}

/** Property: an org compared with itself — read twice, as two sides of a diff are — has no changes. */
export async function diffsEmptyWithItself(files: Files): Promise<void> {
  const read = async () => {
    const loaded = await loadFiles(Object.entries(files).map(([p, t]) => sourceFromBytes(p, Buffer.from(t))));
    return loaded.findings.length ? undefined : buildModel(loaded.files).model;
  };
  const [a, b] = [await read(), await read()];
  if (!a || !b) return;
  const changes = compareModels(a, b, 'en');
  if (changes.length) throw new Error(`the diff of an org with itself is not empty: ${JSON.stringify(changes[0])}`);
}
