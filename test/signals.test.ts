// `orgc signals`: the design's adaptation signals judged on measured values, each that fires
// named with the scenario that answers it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fires } from '../src/compare/signals.js';
import { parseQuantity } from '../src/model/quantity.js';
import { orgc, ROOT } from './helpers/cli.js';

describe('signal conditions', () => {
  it('compare a value with the bound in the same unit', () => {
    expect(fires('> 30%', parseQuantity('35%'))).toBe('fires');
    expect(fires('> 30%', parseQuantity('30%'))).toBe('quiet');
    expect(fires('>= 30%', parseQuantity('30%'))).toBe('fires');
    expect(fires('< 3.6M CNY', parseQuantity('3.2M CNY'))).toBe('fires');
    expect(fires('< 3.6M CNY', parseQuantity('360万 CNY'))).toBe('quiet');
    expect(fires('<= 24h', parseQuantity('1d'))).toBe('fires');
    expect(fires('= 15', parseQuantity(15))).toBe('fires');
    // Different units, or another currency, are not compared: no guess.
    expect(fires('> 30%', parseQuantity(35))).toBe('not-comparable');
    expect(fires('< 3.6M CNY', parseQuantity('3.2M USD'))).toBe('not-comparable');
  });
});

describe('orgc signals', () => {
  const run = (metrics: string, ...more: string[]) => orgc(['signals', metrics, 'examples/sales-org', 'examples/scenarios', ...more], { cwd: ROOT });

  it('names the scenario that answers each signal that fires, from YAML or CSV', () => {
    for (const file of ['examples/metrics/2027-q1.yaml', 'examples/metrics/2027-q1.csv']) {
      const r = run(file, '--format', 'json');
      expect(r.code, r.stderr).toBe(0);
      const signals = JSON.parse(r.stdout).signals as Array<{ id: string; state: string; scenarios: Array<{ id: string }> }>;
      expect(signals.map((s) => [s.id, s.state, s.scenarios.map((x) => x.id)])).toEqual([
        ['livestream-demand', 'quiet', []],
        ['ka-overload', 'fires', ['ka-split']],
        ['repeat-purchase-growth', 'fires', ['private-domain']],
        ['output-per-head-falls', 'quiet', []],
        ['conversion-drop', 'fires', ['ai-assist']],
      ]);
    }
    const zh = run('examples/metrics/2027-q1.yaml', '--lang', 'zh-CN');
    expect(zh.stdout).toContain('调整信号：5 个信号中有 3 个触发；其中 0 个没有应对方案');
    expect(zh.stdout).toContain('应对方案：拆分 KA 客户经理 (examples/scenarios/ka-split.yaml)');
  });

  it('says which signals have no value or no scenario, and fails on them when asked', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'orgc-signals-'));
    const metrics = path.join(dir, 'm.yaml');
    writeFileSync(metrics, 'online-lead-share: 35%\n');
    const r = orgc(['signals', metrics, 'examples/sales-org', '--lang', 'en'], { cwd: ROOT });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no scenario answers it yet: write one with `answers: livestream-demand`');
    expect(r.stdout).toMatch(/Key accounts per KA manager \(ka-accounts-per-manager\) is not in .*m\.yaml \(fires when > 15\)/);
    expect(orgc(['signals', metrics, 'examples/sales-org', '--fail-on', 'unanswered'], { cwd: ROOT }).code).toBe(1);
    expect(run('examples/metrics/2027-q1.yaml', '--fail-on', 'unanswered').code).toBe(0);
    expect(run('examples/metrics/2027-q1.yaml', '--fail-on', 'fired').code).toBe(1);
  });

  it('refuses a value it cannot read, with its place', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'orgc-signals-'));
    writeFileSync(path.join(dir, 'm.yaml'), 'online-lead-share: 35%\nka-accounts-per-manager: lots\n');
    const r = orgc(['signals', 'm.yaml', `${ROOT}examples/sales-org`, '--lang', 'en'], { cwd: dir });
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe('orgc: m.yaml:2: `lots` is not a value orgc reads: write a number, a share (`35%`), an amount (`3.2M CNY`) or a duration (`24h`)\n');
  });
});
