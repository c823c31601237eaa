// Runs the whole pipeline in-process on YAML written in a test (load → model → check → report),
// through the library's API as a program using orgc would.
import { lint as lintApi } from '../../src/api/index.js';
import { ALL_CHECKS } from '../../src/report/catalogue.js';
import { resolveConfig } from '../../src/config/load.js';
import type { Diagnostic } from '../../src/report/diagnostic.js';

/** The two lines every test org starts with. */
export const HEADER = 'orgc: 1\norg: { id: test-org, name: Test Org, language: en }\n';

/** A test org: the header, then the body with its common indentation removed. */
export function org(body: string): string {
  const lines = body.replace(/^\n/, '').replace(/\s+$/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return HEADER + lines.map((l) => l.slice(indent)).join('\n') + '\n';
}

/** Every diagnostic of the org (one file, or files by path), through the library's `lint`. */
export async function lint(files: string | Record<string, string>, config: Parameters<typeof resolveConfig>[0] = { extends: 'strict' }, lang = 'en'): Promise<Diagnostic[]> {
  const texts = typeof files === 'string' ? { 'org.yaml': files } : files;
  const result = await lintApi({ texts, config: resolveConfig(config, process.cwd(), process.cwd()), lang });
  return result.diagnostics;
}

/** The findings of one rule as `line:column message`, failing if the org has core errors. */
export async function findings(ruleId: string, files: string | Record<string, string>, options?: Record<string, unknown>): Promise<string[]> {
  const config = { extends: 'strict' as const, rules: options ? { [ruleId]: { options } } : {} };
  const all = await lint(files, config);
  const core = all.filter((d) => ALL_CHECKS.get(d.ruleId)?.core);
  if (core.length) throw new Error(`the test org has core findings:\n${core.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message} [${d.ruleId}]`).join('\n')}`);
  return all.filter((d) => d.ruleId === ruleId).map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message}`);
}
