// The JSON Schema is generated from src/schema/org.ts; the committed copy must match it, and it
// must be good enough for editors: a description on every property.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { orgJsonSchema } from '../../src/schema/json-schema.js';
import { ROOT } from '../helpers/cli.js';

const committed = JSON.parse(readFileSync(`${ROOT}schemas/orgc.schema.json`, 'utf8'));

describe('schemas/orgc.schema.json', () => {
  it('is what src/schema/org.ts generates (run `npm run schema` after changing the language)', () => {
    expect(committed).toEqual(orgJsonSchema());
  });

  it('describes every property and every definition', () => {
    const missing: string[] = [];
    const defs = committed.$defs as Record<string, any>;
    const described = (s: any): boolean => Boolean(s?.description) || (s?.$ref && described(defs[s.$ref.replace('#/$defs/', '')]));
    for (const [name, def] of Object.entries(defs)) {
      if (!def.description) missing.push(`$defs/${name}`);
      for (const [prop, s] of Object.entries<any>(def.properties ?? {})) if (!described(s)) missing.push(`$defs/${name}/properties/${prop}`);
    }
    expect(missing).toEqual([]);
  });

  it('rejects unknown keys but leaves room for `x-` extensions on every closed object', () => {
    for (const [name, def] of Object.entries<any>(committed.$defs)) {
      if (def.type !== 'object' || !def.properties) continue;
      expect(def.additionalProperties, name).toBe(false);
      expect(def.patternProperties, name).toEqual({ '^x-': {} });
    }
  });

  it('has no `examples`, which pollute editor completion', () => {
    expect(JSON.stringify(committed)).not.toMatch(/"examples"/);
  });
});
