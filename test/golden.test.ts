// Each broken fixture, validated by the real binary, must print exactly its golden output and
// exit 1. Regenerate after a deliberate change with `UPDATE_GOLDEN=1 npm test` and review the diff.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { orgc, ROOT } from './helpers/cli.js';

const dir = 'test/fixtures/invalid';
const fixtures = readdirSync(`${ROOT}${dir}`).sort();
const allRules = JSON.parse(orgc(['rules', '-f', 'json']).stdout).rules.map((r: { id: string }) => r.id);

describe('golden output of every broken fixture', () => {
  it('has fixtures', () => expect(fixtures.length).toBeGreaterThanOrEqual(20));

  it('runs them with every rule off, so each shows its core finding alone', () => {
    const config = readFileSync(`${ROOT}test/fixtures/core-only.yaml`, 'utf8');
    for (const id of allRules) expect(config).toContain(`  ${id}: off\n`);
  });

  for (const name of fixtures) {
    it(name, () => {
      const result = orgc(['validate', `${dir}/${name}`, '--config', 'test/fixtures/core-only.yaml']);
      const golden = `${ROOT}${dir}/${name}/expected.txt`;
      if (process.env.UPDATE_GOLDEN) writeFileSync(golden, result.stdout);
      expect(existsSync(golden), `${golden} is missing: run UPDATE_GOLDEN=1 npm test and review it`).toBe(true);
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe(readFileSync(golden, 'utf8'));
      expect(result.code).toBe(1);
    });
  }
});
