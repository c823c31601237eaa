// Each broken fixture, validated by the real binary, must print exactly its golden output and
// exit 1. Regenerate after a deliberate change with `UPDATE_GOLDEN=1 npm test` and review the diff.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { orgc, ROOT } from './helpers/cli.js';

const dir = 'test/fixtures/invalid';
const fixtures = readdirSync(`${ROOT}${dir}`).sort();

describe('golden output of every broken fixture', () => {
  it('has fixtures', () => expect(fixtures.length).toBeGreaterThanOrEqual(20));

  for (const name of fixtures) {
    it(name, () => {
      const result = orgc(['validate', `${dir}/${name}`]);
      const golden = `${ROOT}${dir}/${name}/expected.txt`;
      if (process.env.UPDATE_GOLDEN) writeFileSync(golden, result.stdout);
      expect(existsSync(golden), `${golden} is missing: run UPDATE_GOLDEN=1 npm test and review it`).toBe(true);
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe(readFileSync(golden, 'utf8'));
      expect(result.code).toBe(1);
    });
  }
});
