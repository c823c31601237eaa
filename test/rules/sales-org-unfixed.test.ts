// Issue 15: the bundled example as it was validated clean while any sales leader sees it is wrong.
// The planning rules must find each of the five problems the issue lists, at its place; the fixed
// example (examples/sales-org) must be clean.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../helpers/lint.js';
import { ROOT } from '../helpers/cli.js';

function read(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(`${ROOT}${dir}`, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.yaml')) continue;
    const abs = path.join(entry.parentPath, entry.name);
    files[path.relative(`${ROOT}${dir}`, abs).split(path.sep).join('/')] = readFileSync(abs, 'utf8');
  }
  return files;
}

/**
 * The unfixed example cannot say who carries quota; the issue does: the 27 seats of consultants,
 * KA managers, industry and retail sellers and reps, each worth the 1.2M CNY output per head the
 * example itself watches for.
 */
function withIssueQuotas(files: Record<string, string>): Record<string, string> {
  let sales = files['roles/sales.yaml'];
  for (const role of ['sales-consultant', 'ka-account-manager', 'industry-sales-healthcare', 'industry-sales-education', 'retail-sales', 'sales-rep']) {
    sales = sales.replace(new RegExp(`(\\n  ${role}:\\n(?:    .*\\n)*?    headcount: \\d+\\n)`), `$1    quota: { per_seat: 1.2M CNY }\n`);
  }
  return { ...files, 'roles/sales.yaml': sales };
}

const recommended = { extends: 'recommended' as const, rules: { 'scoped-accountability': { options: { managementLine: 'all' } } } };
const show = (d: { file: string; range: { start: { line: number } }; ruleId: string; message: string }) => `${d.file}:${d.range.start.line} [${d.ruleId}] ${d.message}`;

describe('the example before issue 15', () => {
  it('has the quotas the issue states on its 27 seats', () => {
    expect(withIssueQuotas(read('test/fixtures/sales-org-unfixed'))['roles/sales.yaml'].match(/quota: /g)).toHaveLength(6);
  });

  it('shows each of the five problems of the issue as findings', async () => {
    const found = (await lint(withIssueQuotas(read('test/fixtures/sales-org-unfixed')), recommended)).map(show);
    const has = (pattern: RegExp) => expect(found.some((f) => pattern.test(f)), `${pattern}\n${found.join('\n')}`).toBe(true);
    // 1. Operating profit 1.8亿 CNY above revenue 120M CNY.
    has(/^performance\.yaml:181 \[metric-consistency\] `profit-2027` is 1\.8亿 CNY, above `revenue-2027` \(120M CNY\)/);
    // 2. The sales manager is A for deals closed and payments collected by people who report elsewhere.
    has(/^roles\/sales\.yaml:\d+ \[scoped-accountability\] [^(]*\(ka-account-manager\) does duty [^(]*\(close-deals\), but [^(]*\(sales-manager\)/);
    has(/^roles\/sales\.yaml:\d+ \[scoped-accountability\] [^(]*\(industry-sales-healthcare\) does duty [^(]*\(collect-payments\), but [^(]*\(sales-manager\)/);
    // 3. The South China manager seat is vacant, owns 54M and manages five people.
    has(/^roles\/leadership\.yaml:99 \[critical-vacancy\] [^(]*\(regional-manager-south\) is vacant but critical \(people managed: 5; targets owned: 1; .*no backup/);
    // 4. A pre-sales specialist owns 40M; the hardware specialist is not where the hardware target is;
    //    seats with no region.
    has(/^performance\.yaml:\d+ \[target-ownership\] [^(]*\(product-specialist-software\) owns revenue target revenue-2027-east-software but carries no quota/);
    has(/^performance\.yaml:\d+ \[target-ownership\] nobody under [^(]*\(regional-manager-east\) works in product hardware/);
    for (const role of ['sales-consultant', 'retail-sales', 'sales-rep']) has(new RegExp(`^roles/sales\\.yaml:\\d+ \\[quota-capacity\\] [^(]*\\(${role}\\) carries a quota but works in no scope the revenue targets are split into \\(region, product\\)`));
    // 5. 120M on 27 seats of 1.2M, three of them open.
    has(/^performance\.yaml:\d+ \[quota-capacity\] `revenue-2027` is 120M CNY, but the quota-carrying seats in its scope \(27 seats, 3 of them open, 0 ramping\) can deliver about 28\.8M CNY: 91\.2M CNY short/);
  });

  it('is fixed: the example validates clean', async () => {
    expect((await lint(read('examples/sales-org'), { extends: 'recommended' })).map(show)).toEqual([]);
  });
});
