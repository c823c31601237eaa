// Error recovery: a structural mistake in one place (an unknown key, a value of the wrong kind) is
// reported, and the rest of the org is still built and checked; findings that depend on the broken
// part are left out rather than guessed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/report/diagnostic.js';
import { ROOT } from '../helpers/cli.js';
import { HEADER, lint } from '../helpers/lint.js';

const show = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line} ${d.ruleId}: ${d.message}`);
const FIXTURE = readFileSync(`${ROOT}test/fixtures/invalid/key-typo-and-orphan-duty/org.yaml`, 'utf8');
// Rules these small orgs are not written for are off.
const config = { extends: 'recommended' as const, rules: { 'kpi-coverage': 'off' as const, 'role-fit': 'off' as const, 'span-of-control': 'off' as const, coverage: 'off' as const } };

describe('a key typo does not hide the design', () => {
  it('reports the typo and the orphan duty elsewhere, together', async () => {
    expect(show(await lint(FIXTURE, config))).toEqual([
      '10 orphan-duty: no role is Responsible (R) for duty Renew contracts (renew): nobody does the work',
      '10 raci-accountable: duty Renew contracts (renew) has no Responsible (R) role',
      '22 unknown-key: unknown key `headcont`; did you mean `headcount`?',
    ]);
  });

  it('leaves out what depends on the broken role: its manager\'s span counts its headcount', async () => {
    const found = await lint(FIXTURE, { ...config, rules: { ...config.rules, 'span-of-control': 'warning' } });
    expect(found.filter((d) => d.ruleId === 'span-of-control')).toEqual([]);
    // Without the typo, the span is checked (and is too narrow: one report).
    const fixed = await lint(FIXTURE.replace('headcont: 3', 'headcount: 1'), { ...config, rules: { ...config.rules, 'span-of-control': 'warning' } });
    expect(fixed.filter((d) => d.ruleId === 'span-of-control')).toHaveLength(1);
  });
});

const ORG = `${HEADER}duties:
  sell: { name: Sell, area: execution }
  plan: { name: Plan, area: strategy }
  care: { name: Care, area: customer }
roles:
  boss:
    title: Boss
    level: strategic
    duties: { plan: [A, R], sell: A, care: A }
  seller:
    title: Seller
    level: frontline
    reports_to: boss
    duties: { sell: R }
  carer:
    title: Carer
    level: frontline
    reports_to: boss
    duties: { care: R }
`;

describe('what is left out, and what is still checked', () => {
  it('the org is clean as written', async () => {
    expect(show(await lint(ORG, config))).toEqual([]);
  });

  it('a wrong value: the value is left out, no unknown reference follows', async () => {
    const found = await lint(ORG.replace('reports_to: boss\n    duties: { sell: R }', 'reports_to: [boss]\n    duties: { sell: R }'), config);
    expect(show(found)).toEqual(['15 schema: expected a string, found a list']);
  });

  it('a missing required key: the role is left out whole, and references to it are not unknown', async () => {
    const text = ORG.replace('    title: Boss\n', '').replace('plan: [A, R], sell: A', 'plan: [A, R], sell: A') + `people:\n  li-na: { name: Li Na, role: boss }\n`;
    const found = await lint(text, config);
    expect(show(found)).toEqual(['8 schema: missing required key `title`']);
  });

  it('a broken part elsewhere does not stop a design finding in a clean part', async () => {
    const text = ORG.replace('duties: { care: R }', 'duties: { care: C }').replace('level: frontline\n    reports_to: boss\n    duties: { sell: R }', 'level: frontlin\n    reports_to: boss\n    duties: { sell: R }');
    expect(show(await lint(text, config))).toEqual([
      '6 orphan-duty: no role is Responsible (R) for duty Care (care): nobody does the work',
      '6 raci-accountable: duty Care (care) has no Responsible (R) role',
      '14 schema: `frontlin` is not allowed here; did you mean `frontline`?',
      '17 role-without-duties: role Carer (carer) is only Consulted or Informed: it is Responsible or Accountable for no duty',
    ]);
  });

  it('a mistake in `org` itself leaves the file unread, as before', async () => {
    const found = await lint(ORG.replace('language: en', 'language: english'), config);
    expect(found.map((d) => d.ruleId)).toEqual(['schema']);
  });
});

describe('a key that is not an id', () => {
  // The compiled validator writes each key into the error's path with `~` and `/` escaped
  // (scripts/build.ts checks for them before escaping); the findings under a wrong key are folded
  // into it by the same escaped path, so one finding stays one, whatever the key holds.
  for (const key of ['sell/plan', 'sell~plan', 'sell~1plan']) {
    it(`a duty written \`${key}\` in a role: one finding, at the key, nothing said of its value`, async () => {
      const found = await lint(ORG.replace('duties: { sell: R }', `duties: { sell: R, "${key}": X }`), config);
      expect(found.filter((d) => d.ruleId === 'schema' || d.ruleId === 'unknown-key').map((d) => [d.ruleId, d.range.start.line, d.range.start.column, d.message.split(' is ')[0]])).toEqual([['schema', 16, 24, `\`${key}\``]]);
    });
  }
});
