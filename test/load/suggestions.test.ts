// "Did you mean" that is right: a title where an id belongs suggests the id, several RACI letters
// in one suggest the list that keeps them all, a misspelled rule id in a suppression suggests the
// rule. Each suggestion carries its fix, and applying it leaves nothing to report.
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../src/report/catalogue.js';
import type { Diagnostic } from '../../src/report/diagnostic.js';
import { lint, org } from '../helpers/lint.js';

const ORG = org(`
  duties:
    sell: { name: Sell, area: execution }
    plan: { name: { en: Plan the quarter, zh-CN: 制定季度计划 }, area: strategy }
  roles:
    sales-manager:
      title: { en: Sales Manager, zh-CN: 销售经理 }
      level: tactical
      duties: { plan: [A, R], sell: A }
    manager:
      title: Team Lead
      level: tactical
      reports_to: sales-manager
      duties: { sell: C }
    rep:
      title: Representative
      level: frontline
      reports_to: sales-manager
      duties: { sell: R }
`);

// The core checks alone (with one rule on, for the suppression): the design of this small org is not the point.
const only = (rule?: string) => ({
  extends: 'strict' as const,
  rules: Object.fromEntries([...ALL_CHECKS.values()].filter((c) => !c.core).map((c) => [c.id, c.id === rule ? ('error' as const) : ('off' as const)])),
});
const core = only();

async function run(text: string): Promise<Diagnostic[]> {
  return lint(text, core);
}

function apply(text: string, d: Diagnostic): string {
  const { range, text: replacement } = d.fix!;
  return text.slice(0, range.start.offset) + replacement + text.slice(range.end.offset);
}

async function suggestion(from: string, to: string): Promise<{ message: string; fixed: Diagnostic[] }> {
  expect(await run(ORG)).toEqual([]);
  expect(ORG).toContain(from);
  const broken = ORG.replace(from, to);
  const found = await run(broken);
  expect(found.map((d) => d.message)).toHaveLength(1);
  expect(found[0].fix).toBeDefined();
  return { message: found[0].message, fixed: await run(apply(broken, found[0])) };
}

describe('a title or name where an id belongs', () => {
  it('suggests the id of the role with that title (Chinese)', async () => {
    const { message, fixed } = await suggestion('reports_to: sales-manager\n    duties: { sell: R }', 'reports_to: 销售经理\n    duties: { sell: R }');
    expect(message).toBe('`销售经理` is not an id; did you mean `sales-manager` (销售经理)?');
    expect(fixed).toEqual([]);
  });

  it('suggests the id of the role with that title (English, any case)', async () => {
    const { message, fixed } = await suggestion('reports_to: sales-manager\n    duties: { sell: R }', 'reports_to: sales MANAGER\n    duties: { sell: R }');
    expect(message).toBe('`sales MANAGER` is not an id; did you mean `sales-manager` (Sales Manager)?');
    expect(fixed).toEqual([]);
  });

  it('suggests a duty by its name where a duty id is a key', async () => {
    const { message, fixed } = await suggestion('duties: { plan: [A, R], sell: A }', 'duties: { 制定季度计划: [A, R], sell: A }');
    expect(message).toBe('`制定季度计划` is not an id; did you mean `plan` (制定季度计划)?');
    expect(fixed).toEqual([]);
  });

  it('finds a role by its title when the title is written like an id', async () => {
    const broken = ORG.replace('reports_to: sales-manager\n    duties: { sell: R }', 'reports_to: representative\n    duties: { sell: R }');
    const found = await run(broken);
    // `representative` is the title of `rep` itself: the suggestion is right even if the line is odd.
    expect(found.map((d) => d.message)).toContain('unknown role `representative`; did you mean `rep` (Representative)?');
  });

  it('does not guess when no title matches', async () => {
    const found = await run(ORG.replace('reports_to: sales-manager\n    duties: { sell: R }', 'reports_to: 销售总监\n    duties: { sell: R }'));
    expect(found.map((d) => d.message)[0]).toMatch(/^`销售总监` is not a valid id/);
    expect(found[0].fix).toBeUndefined();
  });
});

describe('several RACI letters in one', () => {
  for (const [written, list] of [['RA', '[R, A]'], ['ra', '[R, A]'], ['A,R', '[A, R]'], ['A／R', '[A, R]'], ['AR A', '[A, R]']] as const) {
    it(`\`${written}\` suggests \`${list}\`, which keeps every letter`, async () => {
      const { message, fixed } = await suggestion('duties: { plan: [A, R], sell: A }\n', `duties:\n      plan: ${written}\n      sell: A\n`);
      expect(message).toBe(`\`${written}\` holds several RACI letters in one: write them as a list, \`${list}\``);
      expect(fixed).toEqual([]);
    });
  }

  it('keeps suggesting the one letter for a lowercase one', async () => {
    const { message, fixed } = await suggestion('duties: { sell: C }', 'duties: { sell: c }');
    expect(message).toBe('`c` is not allowed here; did you mean `C`?');
    expect(fixed).toEqual([]);
  });
});

describe('a misspelled rule id in a suppression', () => {
  it('suggests the rule and the fix names it', async () => {
    // `manager` is only Consulted on its one duty: a finding of `role-without-duties` to suppress.
    const text = ORG.replace('  manager:\n', '  # orgc-disable-next-line role-without-duties -- a coaching role, on purpose\n  manager:\n');
    // The org with the right id: the rule's finding is suppressed, nothing is left.
    expect((await lint(text, only('role-without-duties'))).map((d) => d.message)).toEqual([]);
    const broken = text.replace('role-without-duties', 'role-without-dutys');
    const found = await lint(broken, only('role-without-duties'));
    const typo = found.find((d) => d.ruleId === 'unused-suppression')!;
    expect(typo.message).toBe('unknown rule `role-without-dutys` in `orgc-disable-next-line`; did you mean `role-without-duties`?');
    expect(broken.slice(typo.fix!.range.start.offset, typo.fix!.range.end.offset)).toBe('role-without-dutys');
    expect(await lint(apply(broken, typo), only('role-without-duties'))).toEqual([]);
  });

  it('does not suggest a core check, which cannot be suppressed', async () => {
    const found = await run(ORG.replace('  rep:\n', '  # orgc-disable-next-line schemas\n  rep:\n'));
    expect(found.map((d) => d.message)).toEqual(['unknown rule `schemas` in `orgc-disable-next-line`']);
  });
});
