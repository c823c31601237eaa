// Positions are the product: every finding must land on the key or value it is about, whether it
// is found from one entity's block or from the whole file.
import { readdirSync, readFileSync } from 'node:fs';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { LineMap } from '../../src/load/line-map.js';
import { parseYaml } from '../../src/load/parse.js';
import { Positions } from '../../src/load/positions.js';
import type { Path } from '../../src/load/node-index.js';
import { ROOT } from '../helpers/cli.js';

async function where(text: string, path: Path, part: 'key' | 'value' = 'value') {
  const r = await parseYaml('t.yaml', text);
  if (!r.ok) throw new Error('did not parse');
  const { span, exact } = new Positions(text).locate(path, part);
  const lines = new LineMap(text);
  const s = lines.position(span.start);
  return { at: `${s.line}:${s.column}`, text: text.slice(span.start, span.end), exact };
}

const doc = `# comment
orgc: 1
roles:
  sales-rep:   # trailing comment
    title: "Sales Rep"
    tags: [a, 'b c', "d"]
    duties:
      sell: R
      plan: [A, R]
    empty:
    list:
      - first
      - { k: v }
      -   spaced
  'quoted-key': { title: Q }
`;

/** Every path to a key or value in the data, depth first. */
function allPaths(data: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (data === null || typeof data !== 'object') return [prefix];
  const entries: Array<[string | number, unknown]> = Array.isArray(data) ? data.map((v, i) => [i, v]) : Object.entries(data);
  return [prefix, ...entries.flatMap(([k, v]) => allPaths(v, [...prefix, k]))];
}

describe('Positions.locate', () => {
  it('finds from an entity\'s block exactly what the whole-file index finds, for every path of the example org', async () => {
    const dir = `${ROOT}examples/sales-org`;
    const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.yaml'));
    let checked = 0;
    for (const f of files) {
      const text = readFileSync(`${dir}/${f}`, 'utf8');
      const data = jsYaml.load(text);
      const whole = new Positions(text).fullIndex();
      const blocks = new Positions(text);
      // Entries of top-level maps are found from their block; a top-level list uses the whole file.
      for (const path of allPaths(data)) {
        if (path.length < 2 || typeof path[1] !== 'string') continue;
        for (const part of ['key', 'value'] as const) {
          expect(blocks.locate(path, part), `${f} ${path.join('.')} ${part}`).toEqual(whole.locate(path, part));
          checked++;
        }
      }
      expect(blocks.parsedWholeFile, f).toBe(false);
    }
    expect(checked).toBeGreaterThan(3000);
  });


  it.each([
    [['orgc'], 'key', '2:1', 'orgc'],
    [['orgc'], 'value', '2:7', '1'],
    [['roles', 'sales-rep'], 'key', '4:3', 'sales-rep'],
    [['roles', 'sales-rep', 'title'], 'value', '5:12', '"Sales Rep"'],
    [['roles', 'sales-rep', 'tags', 1], 'value', '6:15', "'b c'"],
    [['roles', 'sales-rep', 'tags', 2], 'value', '6:22', '"d"'],
    [['roles', 'sales-rep', 'duties', 'plan'], 'key', '9:7', 'plan'],
    [['roles', 'sales-rep', 'duties', 'plan', 1], 'value', '9:17', 'R'],
    [['roles', 'sales-rep', 'list', 0], 'value', '12:9', 'first'],
    [['roles', 'sales-rep', 'list', 1, 'k'], 'value', '13:14', 'v'],
    [['roles', 'sales-rep', 'list', 2], 'value', '14:11', 'spaced'],
    [['roles', 'quoted-key'], 'key', '15:3', "'quoted-key'"],
    [['roles', 'quoted-key', 'title'], 'value', '15:26', 'Q'],
  ] as const)('%j (%s) is at %s', async (path, part, at, text) => {
    expect(await where(doc, path, part)).toEqual({ at, text, exact: true });
  });

  it('points an empty value right after its colon', async () => {
    expect((await where(doc, ['roles', 'sales-rep', 'empty'])).at).toBe('10:11');
  });

  it('spans a whole block mapping without its trailing comment', async () => {
    const r = await where('a:\n  b: 1\n  c: 2\n# end\n', ['a']);
    expect(r).toEqual({ at: '2:3', text: 'b: 1\n  c: 2', exact: true });
  });

  it('falls back to the nearest node it has, saying the match is not exact', async () => {
    expect(await where(doc, ['roles', 'sales-rep', 'missing', 'deeper'])).toEqual({ at: '4:3', text: 'sales-rep', exact: false });
  });

  it('finds keys that came in beside a merge key, and reports merged ones as inexact', async () => {
    const text = 'base: &b\n  level: frontline\nrole:\n  <<: *b\n  title: T\n';
    expect(await where(text, ['role', 'title'])).toMatchObject({ at: '5:10', exact: true });
    expect((await where(text, ['role', 'level'])).exact).toBe(false);
  });

  it('handles a flow mapping whose key has no value', async () => {
    const text = 'name: { en: Sales, Service, fr: Ventes }\n';
    expect(await where(text, ['name', 'Service'], 'key')).toEqual({ at: '1:20', text: 'Service', exact: true });
    expect(await where(text, ['name', 'fr'])).toEqual({ at: '1:33', text: 'Ventes', exact: true });
  });

  it('counts columns in UTF-16 units, one per CJK character', async () => {
    expect((await where('标题: 销售\n名称: 值\n', ['名称'])).at).toBe('2:5');
  });

  it('falls back to the whole file when a section is written in flow style', async () => {
    const text = 'orgc: 1\nroles: { a: { title: A }, b: { title: B, level: x } }\n';
    const positions = new Positions(text);
    expect(positions.locate(['roles', 'b', 'level'])).toEqual({ span: { start: 56, end: 57 }, exact: true });
    expect(positions.parsedWholeFile).toBe(true);
  });

  it('gives exact positions deep inside a large file', async () => {
    const roles: Record<string, unknown> = {};
    for (let i = 0; i < 20_000; i++) roles[`role-${i}`] = { title: `Role ${i}`, duties: { [`duty-${i % 97}`]: 'R' }, headcount: i % 7 };
    const text = jsYaml.dump({ orgc: 1, roles });
    const lines = text.split('\n');
    const line = lines.indexOf('  role-17321:') + 1;
    expect(await where(text, ['roles', 'role-17321', 'duties', 'duty-55'], 'key')).toEqual({ at: `${line + 3}:7`, text: 'duty-55', exact: true });
    expect(await where(text, ['roles', 'role-19999', 'headcount'])).toEqual({ at: `${lines.indexOf('  role-19999:') + 5}:16`, text: '0', exact: true });
  });
});
