// Runs a corpus case in-process, through the same load → model → check → report as `orgc validate`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultConfig } from '../../src/config/load.js';
import { analyzeSources, diagnose } from '../../src/api/analyze.js';
import { sourceFromBytes } from '../../src/load/sources.js';
import type { Diagnostic } from '../../src/report/diagnostic.js';
import { ROOT } from '../helpers/cli.js';
import type { Base, Mistake } from './corpus.js';

/** The files of an org as path → text, paths as the CLI shows them (`examples/…`). */
export type Files = Record<string, string>;

const bases = new Map<Base, Files>();

export function base(name: Base): Files {
  let files = bases.get(name);
  if (!files) {
    files = {};
    const dir = `examples/${name}`;
    for (const rel of (readdirSync(`${ROOT}${dir}`, { recursive: true }) as string[]).map((p) => p.split(path.sep).join('/')).sort()) {
      if (rel.endsWith('.yaml')) files[`${dir}/${rel}`] = readFileSync(`${ROOT}${dir}/${rel}`, 'utf8');
    }
    bases.set(name, files);
  }
  return files;
}

export interface Made {
  files: Files;
  /** Where the finding is expected: file and 1-based line. */
  file: string;
  line: number;
}

/** The base org with the case's mistake made in it. */
export function make(m: Mistake): Made {
  const files = { ...base(m.base) };
  const file = `examples/${m.base}/${m.file}`;
  let text = files[file];
  if (text === undefined) throw new Error(`${m.name}: no file ${file}`);
  let at = 0;
  if (m.from !== '' || m.to !== '') {
    at = text.indexOf(m.from);
    if (at < 0 || text.indexOf(m.from, at + 1) >= 0) throw new Error(`${m.name}: \`${m.from}\` is not in ${file} exactly once`);
    text = text.slice(0, at) + m.to + text.slice(at + m.from.length);
  }
  for (const more of m.more ?? []) {
    if (text.split(more.from).length !== 2) throw new Error(`${m.name}: \`${more.from}\` is not in ${file} exactly once`);
    text = text.replace(more.from, more.to);
  }
  files[file] = text;
  if (m.added) files[`examples/${m.base}/${m.added.file}`] = m.added.text;
  if (m.inAdded) return { files, file: `examples/${m.base}/${m.added!.file}`, line: 1 + (m.line ?? 0) };
  return { files, file, line: text.slice(0, at).split('\n').length + (m.line ?? 0) };
}

export async function validate(files: Files, lang?: string): Promise<Diagnostic[]> {
  const sources = Object.keys(files).sort().map((p) => sourceFromBytes(p, Buffer.from(files[p])));
  return diagnose(await analyzeSources(sources, defaultConfig(), { flag: lang }));
}

export function show(d: Diagnostic): string {
  return `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.ruleId}: ${d.message}`;
}
