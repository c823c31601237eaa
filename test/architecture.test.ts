// The house's floors: every module of src/ imports only its own stage folder and the floors below
// it, so no two files and no two folders import each other, however indirectly. A cycle makes a
// stage impossible to use, test or load without the ones above it (`import { lint } from 'orgc'`
// would drag in the command line), and a change low down ripples up through everything.
//
// Every import counts, `import type` included: a type from a higher floor ties the lower one to
// it as surely as a value does, and the next change turns it into one.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.join(import.meta.dirname, '..', 'src');

/**
 * The floors, lowest first. A folder may import itself and any folder on a floor below; never one
 * on its own floor or above. The files at the root of src/ (findings, timing, the version…) are
 * `core`. A new folder must be given its floor here.
 */
const FLOORS: readonly (readonly string[])[] = [
  ['core'], // shared types: findings, YAML paths, org text, the Config type; no I/O
  ['i18n'], // languages, message catalogues, plurals
  ['schema'], // the org language (zod)
  ['load'], // bytes → YAML → positions → schema check
  ['model'], // the resolved org
  ['check'], // the rules
  ['config'], // orgc.config.yaml: presets and options come from the rules' metadata
  ['report'], // findings placed, worded, suppressed, formatted; the catalogue of every check
  ['render'], // the handbook and charts
  ['diff'], // what a change does
  ['compare'], // a design and its scenarios side by side; signals judged
  ['import'], // a draft org from an HR export
  ['api'], // the library: lint, render, diff, loadConfig
  ['lsp'], // the language server, over the library
  ['cli'], // the command line, over the library (and `orgc lsp`)
];

type Graph = Map<string, string[]>;

/** Every module of src/ (relative, with `/`) and the modules of src/ it imports. */
function importGraph(): Graph {
  const files = (readdirSync(SRC, { recursive: true, encoding: 'utf8' }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .sort();
  const known = new Set(files);
  const graph: Graph = new Map();
  for (const file of files) {
    // preProcessFile lists static imports, re-exports, `import type` and `import()` alike.
    const { importedFiles } = ts.preProcessFile(readFileSync(path.join(SRC, file), 'utf8'), true, true);
    const targets = new Set<string>();
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const spec = path.posix.normalize(path.posix.join(path.posix.dirname(file), fileName));
      if (spec.startsWith('../')) continue; // outside src/: package.json, schemas/
      const target = [spec.replace(/\.js$/, '.ts'), spec, `${spec}/index.ts`].find((t) => known.has(t));
      // An import this test cannot follow would be an edge it cannot see.
      expect(target, `${file} imports ${fileName}`).toBeDefined();
      targets.add(target!);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/** The stage folder of a module: its first directory under src/, or `core` for the root files. */
const folderOf = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : 'core');

/** Strongly connected components with more than one member (Tarjan): each is a cycle, or several. */
function cycles(graph: Graph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.includes(v)) found.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

/** The folders' graph: an edge where any file of one imports a file of another. */
function folderGraph(graph: Graph): Graph {
  const folders: Graph = new Map();
  for (const [file, targets] of graph) {
    const from = folderOf(file);
    const edges = new Set(folders.get(from) ?? []);
    for (const t of targets) if (folderOf(t) !== from) edges.add(folderOf(t));
    folders.set(from, [...edges].sort());
  }
  return folders;
}

describe('architecture', () => {
  const graph = importGraph();

  it('finds cycles, so that its silence means something', () => {
    const g: Graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
      ['e', ['e']],
    ]);
    expect(cycles(g)).toEqual([['a', 'b', 'c'], ['e']]);
    expect(cycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });

  it('reads the imports of every module', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('api/lint.ts')).toContain('api/analyze.ts');
    // Dynamic imports count: the command line loads each command only when it runs.
    expect(graph.get('cli/program.ts')).toContain('cli/commands/validate.ts');
    // Type-only imports count.
    expect(graph.get('check/rule.ts')).toContain('model/types.ts');
  });

  it('has no import cycle between files', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has no import cycle between stage folders', () => {
    expect(cycles(folderGraph(graph))).toEqual([]);
  });

  it('imports only down: each folder its own files and the floors below', () => {
    const floor = new Map(FLOORS.flatMap((names, i) => names.map((n) => [n, i] as const)));
    const unplaced = [...new Set([...graph.keys()].map(folderOf))].filter((f) => !floor.has(f));
    expect(unplaced, 'folders of src/ without a floor in FLOORS').toEqual([]);
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      for (const target of targets) {
        const [from, to] = [folderOf(file), folderOf(target)];
        if (from !== to && floor.get(to)! >= floor.get(from)!) upward.push(`${file} (${from}) → ${target} (${to})`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('keeps the library free of the command line', () => {
    // What `import 'orgc'` loads: the API and what it imports, never the CLI or the language server.
    const reached = new Set<string>();
    const walk = (f: string) => {
      if (reached.has(f)) return;
      reached.add(f);
      for (const t of graph.get(f) ?? []) walk(t);
    };
    walk('api/index.ts');
    expect([...reached].filter((f) => f.startsWith('cli/') || f.startsWith('lsp/'))).toEqual([]);
  });
});
