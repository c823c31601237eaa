// The findings variant of the synthetic org: every rule's defect causes exactly the findings it
// declares, through the real binary, each at a line and column inside the file that point at text.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFECT_RULES } from '../../scripts/bench/defects.js';
import { syntheticOrg } from '../../scripts/bench/synthetic-org.js';
import { ALL_CHECKS } from '../../src/report/catalogue.js';
import { orgc } from '../helpers/cli.js';

interface Diagnostic {
  ruleId: string;
  file: string;
  range: { start: { line: number; column: number } };
}

/** What each rule's finding points at in the file: the key or value the defect changed. */
const POINTS_AT: Record<string, RegExp> = {
  'adaptation-signals': /^csm-r\d+ }/, // the role the signal calls for
  coverage: /^gov-r\d+-1:/, // the tier value no role serves
  headcount: /^\d+$/, // the vacancies
  'kpi-coverage': /^(ka|smb|consumer)-\w+-r\d+-\d+:/, // the role
  layers: /^(ka|smb|consumer)-\w+-r\d+-\d+$/, // the helper's manager
  'orphan-duty': /^forgotten-1-r\d+:/,
  'person-fit': /^\d, /, // the competency level
  'raci-accountable': /^qualify-leads-r\d+: \[A, R\]/, // the second A
  'raci-overload': /^csm-r\d+:/,
  'redundant-roles': /^\S+-twin-1:/,
  'reporting-structure': /^lead-r\d+-1\]/, // the dotted line
  'role-cut': /^segment: \[seg-1\]/,
  'role-fit': /^1, /, // the level asked for
  'role-without-duties': /^assistant-r\d+-1:/,
  'service-levels': /^1h }/, // the total the parts exceed
  'span-of-control': /^lead-r\d+-1:/,
  'target-cascade': /^stretch-r\d+-1:/,
  'unused-definitions': /^unused-r\d+-1:/,
  workload: /^2$/, // the headcount
  'scoped-accountability': /^close-r\d+: \[A, R\]/, // the second A in its cell
  'metric-consistency': /^5亿 CNY/, // the profit above revenue
  'critical-vacancy': /^lead-r\d+-4:/, // the vacant lead
  'segregation-of-duties': /^discount-1-r\d+: R/, // the later of the two duties
  'target-ownership': /^csm-r\d+ }/, // the owner who neither sells nor manages sellers
  'kpi-duty-fit': /^csm-r\d+\] }/, // the owner
  'quota-capacity': /^1M USD/, // the quota in another currency
  'territory-balance': /^1\.3M CNY/, // the quota above its peers'
  'pay-band': /^350K CNY/, // the minimum above the maximum
};

function validate(roles: number, opts: { files?: number; defects: number }) {
  const org = syntheticOrg(roles, opts);
  const dir = mkdtempSync(path.join(tmpdir(), 'orgc-defects-'));
  for (const [name, text] of org.files) writeFileSync(path.join(dir, name), text);
  writeFileSync(path.join(dir, 'orgc.config.yaml'), org.config!);
  const r = orgc(['validate', dir, '--format', 'json']);
  const diagnostics = JSON.parse(r.stdout).diagnostics as Diagnostic[];
  const counts: Record<string, number> = {};
  for (const d of diagnostics) counts[d.ruleId] = (counts[d.ruleId] ?? 0) + 1;
  return { org, code: r.code, diagnostics, counts };
}

describe('the synthetic org with known defects', () => {
  it('has a defect for every rule', () => {
    const rules = [...ALL_CHECKS.values()].filter((c) => !c.core).map((c) => c.id);
    expect([...DEFECT_RULES].sort()).toEqual(rules.sort());
    expect(Object.keys(POINTS_AT).sort()).toEqual(rules.sort());
  });

  it('one copy of each: exactly the declared findings, each at a place in the file', () => {
    const { org, code, diagnostics, counts } = validate(1100, { defects: 1 });
    expect(code).toBe(1);
    expect(counts).toEqual(org.expected);
    expect(Object.keys(counts)).toHaveLength(DEFECT_RULES.length);
    for (const d of diagnostics) {
      const line = readFileSync(d.file, 'utf8').split('\n')[d.range.start.line - 1];
      // Lines and columns are 1-based; the column is where the defect was put.
      expect(line?.slice(d.range.start.column - 1), `${d.ruleId} at ${d.range.start.line}:${d.range.start.column}`).toMatch(POINTS_AT[d.ruleId]);
    }
  });

  it('three copies over three files: three times the findings', () => {
    const { org, counts } = validate(3200, { files: 3, defects: 3 });
    expect(Object.values(org.expected!).every((n) => n === 3)).toBe(true);
    expect(counts).toEqual(org.expected);
  });

  it('refuses more copies than it has regions for', () => {
    expect(() => syntheticOrg(1000, { defects: 5 })).toThrow(/need more regions than 19/);
  });
});
