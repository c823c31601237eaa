// `orgc compare`: the figures of each design, checked against values computed by hand for a small
// org and a scenario of it, and the comparison in each format.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/api/index.js';
import { designFigures } from '../src/compare/figures.js';
import { cellText } from '../src/compare/format.js';
import { comparisonRows } from '../src/compare/table.js';
import { orgc, ROOT } from './helpers/cli.js';

// A director over two managers (3 and 6 reps) and an analyst: 1 + 2 + 9 + 1 = 13 seats, one open.
// Reps carry 1M CNY each at 80 % attainment: capacity 8 filled seats × 0.8M = 6.4M against 10M.
// Only the reps have a pay band: mid 300K × 1.5 (variable) × 1.2 (on-costs) = 540K a seat, 9 seats
// 4.86M (540K of it the open seat), 48.6 % of the target; the other 4 seats have no band.
const BASE = `orgc: 1
org: { id: small, name: Small Sales, language: en }
duties:
  set-strategy: { name: Set strategy, area: strategy }
  lead-team: { name: Lead a team, area: execution }
  sell: { name: Sell, area: execution }
  analyse: { name: Analyse, area: enablement }
roles:
  director: { title: Director, level: strategic, duties: { set-strategy: [A, R], lead-team: A, sell: A, analyse: A } }
  manager-a: { title: Manager A, level: tactical, reports_to: director, duties: { lead-team: R } }
  manager-b: { title: Manager B, level: tactical, reports_to: director, duties: { lead-team: R } }
  rep-a: { title: Rep A, level: frontline, reports_to: manager-a, headcount: 3, duties: { sell: R }, quota: { per_seat: 1M CNY, attainment: 80% }, pay_band: rep }
  rep-b: { title: Rep B, level: frontline, reports_to: manager-b, headcount: 6, vacancies: 1, duties: { sell: R }, quota: { per_seat: 1M CNY, attainment: 80% }, pay_band: rep }
  analyst: { title: Analyst, level: support, reports_to: director, duties: { analyse: R } }
targets:
  revenue: { metric: revenue, value: 10M CNY, owner: director }
pay_bands:
  rep: { min: 200K CNY, max: 400K CNY, variable: 50%, on_costs: 20% }
`;

// The scenario fills the open seat and adds two reps to team A: 5 + 6 filled reps = 11 × 0.8M = 8.8M.
const SCENARIO = (base: string) => `orgc: 1
scenario: { id: grow, name: Grow team A, base: ${base} }
change:
  roles:
    rep-a: { headcount: 5 }
    rep-b: { vacancies: null }
`;

describe('compare figures', () => {
  it('match values computed by hand', async () => {
    const { model, diagnostics } = await lint({ texts: { 'org.yaml': BASE }, config: false });
    expect(model).toBeDefined();
    const f = designFigures(model!, diagnostics);
    expect(f).toMatchObject({
      roles: 6,
      seats: 13,
      open: 1,
      // Managers: the director (3 seats below: two managers and the analyst), manager-a (3), manager-b (6).
      managerSeats: 3,
      icSeats: 10,
      span: { min: 3, median: 3, max: 6 },
      spanBands: { '1-2': 0, '3-5': 2, '6-9': 1, '10-15': 0, '16+': 0 },
      layers: 3,
      // A per role: director 4, the rest 0 → median 0, max 4; R: director 1, every other role 1.
      accountable: { median: 0, max: 4 },
      responsible: { median: 1, max: 1 },
      quota: { currency: 'CNY', capacity: 6_400_000, quota: 9_000_000, target: 10_000_000 },
      cost: { currency: 'CNY', unbandedSeats: 4 },
    });
    expect(f.cost!.total).toBeCloseTo(4_860_000, 2);
    expect(f.cost!.open).toBeCloseTo(540_000, 2);
    expect(f.cost!.costOfSale).toBeCloseTo(0.486, 6);
    // Findings as `validate` counts them (the small org leaves out KPIs and experience on purpose).
    expect(f.findings).toEqual({ error: diagnostics.filter((d) => d.severity === 'error').length, warning: diagnostics.filter((d) => d.severity === 'warning').length, info: 0 });
    expect(f.findings.error).toBe(3);
    expect(f.coverageGaps).toBe(1);
  });

  it('put each scenario beside the base with its change in every cell', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'orgc-compare-'));
    writeFileSync(path.join(dir, 'org.yaml'), BASE);
    writeFileSync(path.join(dir, 'grow.yaml'), SCENARIO('org.yaml'));
    const base = await lint({ files: ['org.yaml'], cwd: dir, config: false });
    const grow = await lint({ files: ['grow.yaml'], cwd: dir, config: false });
    const designs = [base, grow].map((r, i) => ({ spec: String(i), id: String(i), name: String(i), figures: designFigures(r.model!, r.diagnostics) }));
    const rows = comparisonRows(designs);
    const cell = (id: string) => {
      const row = rows.find((r) => r.id === id)!;
      return cellText(row.cells[1], row, 'en');
    };
    expect(cell('seats')).toBe('15 (+2)');
    expect(cell('open')).toBe('0 (−1)');
    expect(cell('quota-capacity')).toBe('CNY 8.8M (+CNY 2.4M)');
    expect(cell('capacity-cover')).toBe('88% (+24%)');
    expect(cell('span')).toBe('3 / 5 (+2) / 6');
    expect(cell('layers')).toBe('3');
    // Two more rep seats, the open one filled: 11 × 540K.
    expect(cell('loaded-cost')).toBe('CNY 5.94M (+CNY 1.08M)');
    expect(cell('open-cost')).toBe('CNY 0 (−CNY 540K)');
    expect(cell('cost-of-sale')).toBe('59.4% (+10.8%)');
  });
});

describe('orgc compare', () => {
  const args = ['compare', 'examples/sales-org', 'examples/scenarios/ka-split.yaml', 'examples/scenarios/private-domain.yaml', '--lang', 'en'];

  it('prints the table and each scenario\'s changes', () => {
    const r = orgc(args, { cwd: ROOT });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Design comparison\n/);
    expect(r.stdout).toMatch(/Seats \(headcount\) +51 +52 \(\+1\) +53 \(\+2\)/);
    expect(r.stdout).toContain('What Split the KA manager changes:');
    expect(r.stdout).toContain('Key Account Manager (ka-account-manager) split into Solution KA Manager (solution-ka-manager), Relationship KA Manager (relationship-ka-manager)');
  });

  it('writes json, md, html and xlsx', () => {
    const json = JSON.parse(orgc([...args, '--format', 'json'], { cwd: ROOT }).stdout);
    expect(json.version).toBe(1);
    expect(json.designs.map((d: { id: string }) => d.id)).toEqual(['acme-sales', 'ka-split', 'private-domain']);
    expect(json.rows.find((r: { id: string }) => r.id === 'seats').cells.map((c: { values: number[] }) => c.values[0])).toEqual([51, 52, 53]);
    expect(json.diffs[0].changes.some((c: { kind: string }) => c.kind === 'role-split')).toBe(true);
    // The split adds one open seat on the specialist band: its loaded cost, open, is the change.
    const cost = json.rows.find((r: { id: string }) => r.id === 'loaded-cost').cells;
    const open = json.rows.find((r: { id: string }) => r.id === 'open-cost').cells;
    expect(cost[1].deltas[0]).toBeCloseTo(open[1].deltas[0], 2);
    expect(open[1].deltas[0]).toBeGreaterThan(0);
    const md = orgc([...args, '--format', 'md'], { cwd: ROOT }).stdout;
    expect(md).toContain('| Seats (headcount) | 51 | 52 (+1) | 53 (+2) |');
    expect(md).toContain('<details><summary>What Add private-domain operations changes</summary>');
    const html = orgc([...args, '--format', 'html', '--lang', 'zh-CN'], { cwd: ROOT }).stdout;
    expect(html).toContain('<th scope="row">编制（人）</th><td>51</td><td>52 (+1)</td><td>53 (+2)</td>');
    const dir = mkdtempSync(path.join(tmpdir(), 'orgc-compare-'));
    const out = path.join(dir, 'compare.xlsx');
    expect(orgc([...args, '--format', 'xlsx', '-o', out], { cwd: ROOT }).code).toBe(0);
    const files = unzipSync(readFileSync(out));
    const workbook = strFromU8(files['xl/workbook.xml']);
    expect([...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual(['Design comparison', '1 ka-split', '2 private-domain']);
    expect(strFromU8(files['xl/sharedStrings.xml'])).toContain('52 (+1)');
    expect(orgc([...args, '--format', 'xlsx'], { cwd: ROOT }).code).toBe(2);
  });

  it('shows a scenario in waves at each date, or every scenario at one date', () => {
    const waves = ['compare', 'examples/sales-org', 'examples/scenarios/ai-assist.yaml', '--lang', 'en', '--format', 'json'];
    const json = JSON.parse(orgc(waves, { cwd: ROOT }).stdout);
    // At once the AI role joins the four development reps; from April one of their seats goes.
    expect(json.designs.map((d: { id: string; name: string }) => [d.id, d.name])).toEqual([
      ['acme-sales', 'Acme Technology Sales'],
      ['ai-assist@start', 'AI-assisted lead handling — at once'],
      ['ai-assist@2027-04-01', 'AI-assisted lead handling — from 2027-04-01: follow-up automated'],
    ]);
    const row = (id: string) => json.rows.find((r: { id: string }) => r.id === id).cells.map((c: { values: number[] }) => c.values[0]);
    expect(row('seats')).toEqual([51, 52, 51]);
    const [base, start, april] = row('loaded-cost');
    expect(start).toBeGreaterThan(april);
    expect(april).toBeGreaterThan(base);
    // Each column's changes are its own diff from the base.
    expect(json.diffs).toHaveLength(2);
    const at = JSON.parse(orgc([...waves, '--at', '2027-03-31'], { cwd: ROOT }).stdout);
    expect(at.designs.map((d: { id: string }) => d.id)).toEqual(['acme-sales', 'ai-assist']);
    expect(at.rows.find((r: { id: string }) => r.id === 'seats').cells.map((c: { values: number[] }) => c.values[0])).toEqual([51, 52]);
    const bad = orgc([...waves, '--at', '2027-4-1'], { cwd: ROOT });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--at takes a date as YYYY-MM-DD');
  });

  it('fails on new findings when asked', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'orgc-compare-'));
    writeFileSync(path.join(dir, 'bad.yaml'), `orgc: 1\nscenario: { id: bad, name: Bad, base: ${ROOT}examples/sales-org }\nremove:\n  roles: [sales-consultant]\n`);
    const r = orgc(['compare', `${ROOT}examples/sales-org`, 'bad.yaml', '--fail-on', 'new-errors', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Findings \(errors \/ warnings \/ info\) +0 \/ 0 \/ 0 +\d+ \(\+\d+\)/);
    expect(orgc(['compare', `${ROOT}examples/sales-org`, 'bad.yaml', '--lang', 'en'], { cwd: dir }).code).toBe(0);
  });
});
