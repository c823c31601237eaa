// The fast YAML path must never change what a file means: wherever it answers, its data is what
// js-yaml gives, and wherever js-yaml refuses a file, it does not answer. Checked on every YAML
// file of the project, on the synthetic orgs, on the hostile corpus and on random documents built
// from the constructs most likely to differ (quotes, escapes, comments, colons, numbers, indents).
// FAST_YAML_SEED and FAST_YAML_RUNS run the random properties longer, with another seed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { syntheticOrg } from '../../scripts/bench/synthetic-org.js';
import { fastParse } from '../../src/load/fast-yaml.js';
import { YAML_SCHEMA } from '../../src/load/yaml-schema.js';
import { ROOT } from '../helpers/cli.js';
import { CORPUS } from '../hostile/corpus.js';

type Verdict = 'fast' | 'js-yaml' | 'both refuse';

/** Which parser answered for the text; throws when the fast path answers differently from js-yaml. */
function compare(text: string, name = 'text'): Verdict {
  let reference: unknown;
  let refused = false;
  // The loader skips its alias-expansion check for what the fast path read: it must read no anchor.
  let anchored = false;
  const listener = (event: string, state: { anchor?: string | null }) => {
    if (event === 'close' && state.anchor) anchored = true;
  };
  try {
    reference = jsYaml.load(text, { schema: YAML_SCHEMA, listener } as jsYaml.LoadOptions);
  } catch {
    refused = true;
  }
  const fast = fastParse(text);
  if (!fast) return refused ? 'both refuse' : 'js-yaml';
  if (refused) throw new Error(`${name}: the fast path read what js-yaml refuses:\n${text}`);
  if (anchored) throw new Error(`${name}: the fast path read a document with an anchor:\n${text}`);
  if (!isDeepStrictEqual(fast.data, reference)) {
    throw new Error(`${name}: the fast path reads\n${JSON.stringify(fast.data)}\njs-yaml reads\n${JSON.stringify(reference)}\nfrom\n${text}`);
  }
  return 'fast';
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, String(f)))
    .filter((f) => /\.ya?ml$/.test(f) && statSync(f).isFile());
}

describe('the fast YAML path', () => {
  it('reads every example file, as js-yaml does', () => {
    const files = yamlFiles(`${ROOT}examples`);
    expect(files.length).toBeGreaterThan(8);
    for (const f of files) expect(compare(readFileSync(f, 'utf8'), f), f).toBe('fast');
  });

  it('reads the synthetic orgs, clean and with defects, as js-yaml does', () => {
    for (const org of [syntheticOrg(1200), syntheticOrg(1200, { defects: 1 }), syntheticOrg(800, { files: 3 })]) {
      for (const [name, text] of org.files) expect(compare(text, name)).toBe('fast');
    }
  });

  it('agrees with js-yaml on every fixture, golden input and hostile case', () => {
    const texts: Array<[string, string]> = [...yamlFiles(`${ROOT}test`), ...yamlFiles(`${ROOT}templates`)].map((f) => [f, readFileSync(f, 'utf8').replace(/^\uFEFF/, '')]);
    for (const c of CORPUS) for (const [name, content] of Object.entries(c.files)) if (typeof content === 'string') texts.push([`${c.name}/${name}`, content]);
    const verdicts = texts.map(([name, text]) => compare(text, name));
    // Both paths are exercised: the plain files go fast, the odd ones to js-yaml.
    expect(verdicts).toContain('fast');
    expect(verdicts).toContain('js-yaml');
    expect(verdicts).toContain('both refuse');
  });

  it('leaves every anchor and alias to js-yaml', () => {
    const anchored = ['a: &x 1\nb: *x\n', 'a: &x\n  b: 1\nc: *x\n', 'a:\n- &x 1\n- *x\n', 'a: [&x 1, *x]\n', 'a: {b: &x 1, c: *x}\n', '&x a: 1\n', 'a: &x [1]\n'];
    for (const text of anchored) expect(compare(text), text).toBe('js-yaml');
    // `&` inside a scalar is no anchor.
    expect(compare('a: R&D\nb: [R&D]\n')).toBe('fast');
  });

  it('agrees with js-yaml on random lines', () => {
    // Mostly outside the subset (odd indents, stray tokens): what must be left to js-yaml is.
    fc.assert(
      fc.property(soup, (text) => {
        compare(text);
      }),
      { seed: Number(process.env.FAST_YAML_SEED ?? 20261127), numRuns: Number(process.env.FAST_YAML_RUNS ?? 3000) },
    );
  });

  it('agrees with js-yaml on random well-formed documents', () => {
    const verdicts: Record<Verdict, number> = { fast: 0, 'js-yaml': 0, 'both refuse': 0 };
    fc.assert(
      fc.property(tree, (text) => {
        verdicts[compare(text)]++;
      }),
      { seed: Number(process.env.FAST_YAML_SEED ?? 20261127), numRuns: Number(process.env.FAST_YAML_RUNS ?? 3000) },
    );
    // Not vacuous: many documents take the fast path, and many do not.
    expect(verdicts.fast).toBeGreaterThan(900);
    expect(verdicts['js-yaml'] + verdicts['both refuse']).toBeGreaterThan(300);
  });
});

// Random documents: lines of keys and values at a few indentations, drawn from tokens chosen to
// sit on the edges of the subset.
const keys = fc.constantFrom('a', 'b', 'role', 'zh-CN', 'full name', 'x-note', '岗位', 'a:b', '"quoted"', "'single'", '"a\\"b"', '1', 'true', 'null', '~', '<<', '__proto__', 'constructor', '-x', '? q', 'k#h', 'k #h', '"k": v', '"e\\u00e9"');
const plainValues = fc.constantFrom(
  'value', 'two words', 'a#b', 'a # comment', 'a: b', 'a:', 'a:b', 'http://x.y/z', 'trailing   ', '10:30', '2026-11-27',
  '1', '-1', '+1', '0x1F', '0o17', '0b11', '1_000', '1.5', '1e3', '.5', '.inf', '-.inf', '.nan', '0', '007', '08',
  'true', 'True', 'TRUE', 'yes', 'no', 'on', 'false', 'null', 'Null', '~', 'NULL', 'nul', 'n', 'tru',
  '中文 值', 'emoji 🙂', '-', '- x', '--', '-5x', ':x', '?x', '@x', '`x', '%x', '!x', '&a x', '*a', '|', '>-', '#c',
);
const quotedValues = fc.constantFrom(
  '"double"', '"with \\"escape\\""', '"tab\\tnew\\nline"', '"\\u00e9\\x41"', '"\\q"', '"\\U0001F600"', '"unclosed', '"a" trailing', '"a" # c', '"a"#c',
  "'single'", "'it''s'", "'unclosed", "'a' b", "''", '""', '"\\\\"', '"\\/"', '"\\ "', '"a\\', "'#'", '"#"',
);
const flowValues = fc.constantFrom(
  '[]', '{}', '[a, b]', '[a,b]', '[ a , b ]', '[a, [b, c]]', '{a: b}', '{ a: b, c: d }', '{a: [1, 2], b: {c: d}}', '{a:b}', '{a: }', '{ a }',
  '[a,]', '{a: b,}', '[a: b]', '[a', '{a: b', '[a] x', '[a] # c', '[a]#c', '{"a": 1, \'b\': 2}', '[1, true, null, ~, .5]', '{a: b, a: c}',
  '{<<: x}', '[a # c]', '[http://x]', '{a: "x, y"}', "{a: 'x]'}", '[[]]', '{a: {}}', '[-1, -x]', '{ 中: 文 }',
);
const values = fc.oneof(plainValues, quotedValues, flowValues, fc.constant(''));
const comment = fc.constantFrom('', ' # note', '  #note', '#tight');
const line = fc.tuple(fc.constantFrom(0, 0, 2, 2, 4, 3, 1), fc.constantFrom('map', 'map', 'map', 'seq', 'seq-map', 'blank', 'comment'), keys, values, comment).map(([indent, kind, key, value, note]) => {
  const pad = ' '.repeat(indent);
  if (kind === 'blank') return '';
  if (kind === 'comment') return `${pad}# a comment`;
  if (kind === 'seq') return `${pad}-${value === '' ? '' : ` ${value}`}${note}`;
  // A mapping that starts on the dash's line (`- effective: 2027-04-01`), its next keys two further in.
  if (kind === 'seq-map') return `${pad}- ${key}:${value === '' ? '' : ` ${value}`}${note}`;
  return `${pad}${key}:${value === '' ? '' : ` ${value}`}${note}`;
});
const soup = fc.array(line, { minLength: 1, maxLength: 12 }).map((lines) => `${lines.join('\n')}\n`);

// Well-formed trees: nested mappings and sequences, consistently indented, whose keys and values
// are mostly ordinary with the odd edge case among them.
const niceKeys = fc.constantFrom('name', 'title', 'level', 'duties', 'scope', 'en', 'zh-CN', 'reports_to', 'x-note', '岗位', 'headcount');
const niceValues = fc.constantFrom('Sales Director', 'frontline', '3', '2.5', '24h', 'R', '[A, R]', '{ en: Rep, zh-CN: 销售 }', '[region, tier]', "'quoted'", '"double"', '中文', 'true', '~', '');
const key = fc.oneof({ weight: 6, arbitrary: niceKeys }, { weight: 1, arbitrary: keys });
const value = fc.oneof({ weight: 6, arbitrary: niceValues }, { weight: 1, arbitrary: values });
type Tree = { kind: 'map'; entries: Array<[string, Tree | string]> } | { kind: 'seq'; items: string[]; sameIndent: boolean };
const { node } = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('map' as const), entries: fc.array(fc.tuple(key, fc.oneof({ weight: 3, arbitrary: value }, { weight: 1, arbitrary: tie('node') })), { minLength: 1, maxLength: 4 }) }),
    fc.record({ kind: fc.constant('seq' as const), items: fc.array(value, { minLength: 1, maxLength: 3 }), sameIndent: fc.boolean() }),
  ),
}));
function render(tree: Tree | string, indent: number, step: number): string[] {
  if (typeof tree === 'string') return [tree];
  const pad = ' '.repeat(indent);
  if (tree.kind === 'seq') return tree.items.map((v) => `${pad}-${v === '' ? '' : ` ${v}`}`);
  const lines: string[] = [];
  for (const [k, v] of tree.entries) {
    if (typeof v === 'string') lines.push(`${pad}${k}:${v === '' ? '' : ` ${v}`}`);
    else {
      lines.push(`${pad}${k}:`);
      const nested = v.kind === 'seq' && v.sameIndent ? indent : indent + step;
      lines.push(...render(v, nested, step));
    }
  }
  return lines;
}
const tree = fc
  .tuple(fc.array(fc.tuple(niceKeys, node), { minLength: 1, maxLength: 3 }), fc.constantFrom(2, 4), fc.constantFrom('', '# header\n'))
  .map(([top, step, header]) => header + render({ kind: 'map', entries: top }, 0, step).join('\n') + '\n');
