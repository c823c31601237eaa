// Duplicates name both places, blame the later declaration in path order, and bring no follow-on
// findings: the copy left out of the model may have been the one doing the work.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/report/diagnostic.js';
import { HEADER, lint } from '../helpers/lint.js';

const show = (ds: Diagnostic[]) => ds.map((d) => `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.ruleId}: ${d.message}${d.related.map((r) => ` | ${r.file}:${r.range.start.line} ${r.message}`).join('')}`);

// The original org: a manager and a rep who sells; planning is the manager's.
const ORIGINAL = `${HEADER}duties:
  sell: { name: Sell, area: execution }
  plan: { name: Plan, area: strategy }
  coach: { name: Coach, area: enablement }
  care: { name: Care for customers, area: customer }
roles:
  manager:
    title: Manager
    level: tactical
    duties: { plan: [A, R], sell: A, coach: [A, R], care: [A, R] }
  seller:
    title: Seller
    level: frontline
    reports_to: manager
    headcount: 3
    duties: { sell: R }
  helper:
    title: Helper
    level: frontline
    reports_to: manager
    headcount: 2
    duties: { sell: R }
`;
// A copy of `seller`, begun in a file that sorts before the original and left unfinished.
const COPY = `orgc: 1
roles:
  seller:
    title: Seller
    level: frontline
`;
// The rules this small org is not written for are off: they would not speak to duplicates.
const config = { extends: 'recommended' as const, rules: { 'kpi-coverage': 'off' as const, 'role-fit': 'off' as const, 'redundant-roles': 'off' as const } };

describe('an id declared in two files', () => {
  it('is clean without the copy', async () => {
    expect(show(await lint({ 'b.yaml': ORIGINAL }, config))).toEqual([]);
  });

  it('blames the later file in path order, names the first by file and line, and reports nothing else', async () => {
    expect(show(await lint({ 'b.yaml': ORIGINAL, 'a.yaml': COPY }, config))).toEqual([
      'b.yaml:13:3 duplicate-id: role `seller` is declared twice: first at a.yaml:3, which counts; this later one is ignored — rename or remove one of them | a.yaml:3 first declared here',
    ]);
  });

  it('blames the same declaration whatever order the files are given in', async () => {
    const one = show(await lint({ 'a.yaml': COPY, 'b.yaml': ORIGINAL }, config));
    const other = show(await lint({ 'b.yaml': ORIGINAL, 'a.yaml': COPY }, config));
    expect(one).toEqual(other);
  });

  it('says it in Chinese', async () => {
    const found = await lint({ 'b.yaml': ORIGINAL, 'a.yaml': COPY }, config, 'zh-CN');
    expect(found.map((d) => d.message)).toEqual(['岗位 `seller` 声明了两次：先声明于 a.yaml:3，以它为准；此处后声明的被忽略——请重命名或删除其中一个']);
  });
});

describe('a key twice in one map', () => {
  it('names the line of the first, and points at it', async () => {
    const text = `${HEADER}roles:\n  seller:\n    title: Seller\n    level: frontline\n  seller:\n    title: Another seller\n    level: frontline\n`;
    expect(show(await lint(text, config))).toEqual([
      'org.yaml:7:3 duplicate-key: duplicate key `seller`: it is already written on line 4 of this map — a key appears once, so merge the two or remove one | org.yaml:4 first written here',
    ]);
  });

  it('finds the first inside a nested map', async () => {
    const text = `${HEADER}roles:\n  seller:\n    title: Seller\n    level: frontline\n    title: Seller again\n`;
    expect(show(await lint(text, config))).toEqual([
      'org.yaml:7:5 duplicate-key: duplicate key `title`: it is already written on line 5 of this map — a key appears once, so merge the two or remove one | org.yaml:5 first written here',
    ]);
  });
});
