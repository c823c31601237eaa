// Every suggestion, applied, removes its finding and brings no new one: for each finding that
// carries a fix — in the corpus of mistakes and in the broken fixtures — the fix is applied at its
// place, the org is validated again, and what is left is what was there minus that finding.
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { analyzeSources, diagnose } from '../../src/api/analyze.js';
import { sourceFromBytes } from '../../src/load/sources.js';
import type { Diagnostic } from '../../src/report/diagnostic.js';
import { orgc, ROOT } from '../helpers/cli.js';
import { CORPUS } from './corpus.js';
import { make, show, validate, type Files } from './run.js';

function apply(files: Files, d: Diagnostic): Files {
  const text = files[d.file];
  const { range, text: replacement } = d.fix!;
  return { ...files, [d.file]: text.slice(0, range.start.offset) + replacement + text.slice(range.end.offset) };
}

/** What a finding says, without where: a fix may move what follows it on its line. */
const what = (d: Diagnostic) => `${d.file} ${d.ruleId}: ${d.message}`;

/**
 * `fixed` is gone and nothing new came: `after` is within `before` without `fixed`, as multisets of
 * what they say (fewer is fine: a fixed suppression silences the finding it was written for).
 */
function expectOnlyGone(before: Diagnostic[], fixed: Diagnostic, after: Diagnostic[]): void {
  const left = before.map(what);
  left.splice(left.indexOf(what(fixed)), 1);
  const added = after.map(what).filter((w) => {
    const i = left.indexOf(w);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
  expect(added, `after applying \`${fixed.fix!.text}\` for: ${what(fixed)}`).toEqual([]);
}

describe('every suggestion in the corpus, applied, re-validates clean', () => {
  it('has fixes for most mistakes', async () => {
    let fixed = 0;
    for (const m of CORPUS) if ((await validate(make(m).files)).some((d) => d.ruleId === m.ruleId && d.fix)) fixed++;
    expect(fixed).toBeGreaterThanOrEqual(25);
  });

  for (const m of CORPUS) {
    it(m.name, async () => {
      const { files } = make(m);
      const before = await validate(files);
      for (const d of before.filter((x) => x.fix)) {
        const after = await validate(apply(files, d));
        expectOnlyGone(before, d, after);
        // One mistake, mended: the org is clean again (a mended suppression silences what it was written for).
        if (d.ruleId === m.ruleId) expect(after.map(show)).toEqual([]);
      }
    });
  }
});

describe('every suggestion in the broken fixtures, applied, re-validates clean', () => {
  const dir = 'test/fixtures/invalid';
  for (const name of readdirSync(`${ROOT}${dir}`).sort()) {
    it(name, async () => {
      const config = await loadConfig(`${ROOT}test/fixtures/core-only.yaml`, ROOT);
      const files: Files = {};
      for (const f of readdirSync(`${ROOT}${dir}/${name}`).filter((f) => f.endsWith('.yaml')).sort()) files[`${dir}/${name}/${f}`] = readFileSync(`${ROOT}${dir}/${name}/${f}`, 'latin1');
      const run = async (fs: Files) => diagnose(await analyzeSources(Object.keys(fs).sort().map((p) => sourceFromBytes(p, Buffer.from(fs[p], 'latin1'))), config));
      // Read and written back byte for byte (latin1), so the encoding fixture stays what it is; offsets are then in bytes.
      const utf8 = Object.fromEntries(Object.entries(files).map(([p, t]) => [p, Buffer.from(t, 'latin1').toString('utf8')]));
      const before = await run(files);
      for (const d of before.filter((x) => x.fix)) {
        const after = await run(Object.fromEntries(Object.entries(apply(utf8, d)).map(([p, t]) => [p, Buffer.from(t, 'utf8').toString('latin1')])));
        expectOnlyGone(before, d, after);
      }
    });
  }
});

describe('fixes in the reports', () => {
  it('SARIF carries them as `fixes` and stays valid', () => {
    const log = JSON.parse(orgc(['validate', 'test/fixtures/invalid/bad-enum', '-f', 'sarif']).stdout);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validateSarif = ajv.compile(JSON.parse(readFileSync(`${ROOT}test/standards/sarif-2.1.0.schema.json`, 'utf8')));
    expect(validateSarif(log), JSON.stringify(validateSarif.errors, null, 1)).toBe(true);
    const fixes = log.runs[0].results.filter((r: { fixes?: unknown }) => r.fixes).map((r: any) => r.fixes[0].artifactChanges[0].replacements[0]);
    expect(fixes).toContainEqual({ deletedRegion: { startLine: 19, startColumn: 12, endLine: 19, endColumn: 20 }, insertedContent: { text: 'frontline' } });
  });
});
