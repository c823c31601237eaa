// Start-up cost: what `--version` and `validate` load must stay small. The schema builder (zod)
// and the slow-path YAML parser must never be part of the code every run loads.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

const chunks = readdirSync(`${ROOT}dist/chunks`).map((f) => `${ROOT}dist/chunks/${f}`);
const main = readFileSync(`${ROOT}dist/main.js`, 'utf8');

/** The files a module loads statically, transitively. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/^import\s[^;]*?from\s*"(\.[^"]+)"|^import\s*"(\.[^"]+)"/gm)) {
    const rel = m[1] ?? m[2];
    staticClosure(new URL(rel, `file://${file}`).pathname, seen);
  }
  return seen;
}

describe('the bundle', () => {
  it('answers --version from a tiny entry that loads nothing else', () => {
    const loaded = [...staticClosure(`${ROOT}dist/main.js`)];
    const bytes = loaded.reduce((n, f) => n + statSync(f).size, 0);
    expect(bytes).toBeLessThan(5000);
    expect(main).toMatch(/import\("\.\/chunks\/program-/);
  });

  it('keeps zod out of every chunk', () => {
    for (const c of chunks) expect(readFileSync(c, 'utf8'), c).not.toMatch(/ZodType|zod\/v4/);
  });

  it('loads the slow-path YAML parser only on demand', () => {
    const validate = chunks.find((c) => /\/validate-[^/]+\.js$/.test(c))!;
    const loaded = [...staticClosure(validate)].map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(loaded).not.toMatch(/class Composer|parseAllDocuments\(source/);
  });
});
