// The model stage is a function of its input: built twice from the same loaded files it gives the
// same model and the same findings, and it leaves the files as they were (it once emptied them, and
// a second build found 0 roles). Only the pipeline, which loaded the files itself, lets it consume them.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/check/index.js';
import { defaultConfig } from '../../src/config/load.js';
import { loadFiles } from '../../src/load/index.js';
import { resolveSources } from '../../src/load/sources.js';
import { buildModel } from '../../src/model/build.js';
import type { OrgModel } from '../../src/model/types.js';

const ROOT = path.join(import.meta.dirname, '..', '..');

/**
 * A model as text: every object written out where it is first met and as `{ $ref: n }` after, in
 * the model's own order. Two models give the same text exactly when they are the same graph — the
 * same values, the same references between entities, the same sharing. (A recursive deep-equal
 * walks the role ↔ duty ↔ KPI references over and over and never ends.)
 */
function graph(root: unknown): string {
  const seen = new Map<object, number>();
  const walk = (v: unknown): unknown => {
    if (v === undefined) return { $undefined: true };
    if (v === null || typeof v !== 'object') return v;
    const n = seen.get(v);
    if (n !== undefined) return { $ref: n };
    seen.set(v, seen.size);
    if (v instanceof Map) return { $map: [...v].map(([k, x]) => [walk(k), walk(x)]) };
    if (v instanceof Set) return { $set: [...v].map(walk) };
    if (Array.isArray(v)) return v.map(walk);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
  };
  return JSON.stringify(walk(root), null, 1);
}

async function load(example: string) {
  return loadFiles(await resolveSources([`examples/${example}`], { cwd: ROOT }));
}

describe('building the model', () => {
  for (const example of ['quickstart', 'sales-org', 'growth']) {
    it(`gives the same model and findings twice from the same files (${example})`, async () => {
      const loaded = await load(example);
      expect(loaded.findings).toEqual([]);
      const before = structuredClone(loaded.files.map((f) => f.data));
      const first = buildModel(loaded.files);
      expect(loaded.files.map((f) => f.data), 'the files as loaded').toEqual(before);
      const second = buildModel(loaded.files);
      expect(first.model!.roles.size).toBeGreaterThan(0);
      expect(graph(second.model)).toBe(graph(first.model));
      expect(second.findings).toEqual(first.findings);
      expect(graph(second.unreliable)).toBe(graph(first.unreliable));
      // And the rules, over either, find the same.
      expect(runRules(second.model!, defaultConfig())).toEqual(runRules(first.model!, defaultConfig()));
    });
  }

  it('builds the same model when it may consume the files, and then lets go of their sections', async () => {
    const kept = buildModel((await load('sales-org')).files);
    const loaded = await load('sales-org');
    const consumed = buildModel(loaded.files, { consume: true });
    expect(graph(consumed.model)).toBe(graph(kept.model));
    expect(consumed.findings).toEqual(kept.findings);
    expect(loaded.files.every((f) => f.data?.roles === undefined)).toBe(true);
  });
});

// The model is read-only to its readers: each line below must stay a type error (`npm run
// typecheck` fails on an expectation that is no longer met).
export function readOnly(model: OrgModel): void {
  const role = model.roles.values().next().value!;
  // @ts-expect-error a reader cannot add a role
  model.roles.set('x', role);
  // @ts-expect-error nor change a reporting line
  role.manager = undefined;
  // @ts-expect-error nor add to a derived list
  role.reports.push(role);
  // @ts-expect-error nor change a duty's RACI
  model.duties.values().next().value!.accountable.length = 0;
}
