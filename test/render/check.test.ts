// `render --check` of a handbook rendered from the same inputs verifies its pages against the
// hashes in the manifest instead of validating and rendering again; any change to the inputs (the
// org, the configuration, the options, the templates) makes it render and compare as before.
// ORGC_TIMING shows which path ran.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderAgain } from '../../src/cli/commands/render.js';
import { orgc, ROOT } from '../helpers/cli.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'orgc-check-'));
/** Whether the command rendered the handbook (a `render` lap in ORGC_TIMING's report). */
const rendered = (stderr: string) => /^render\s/m.test(stderr);
/** Whether the command read and checked the org (a `load` lap). */
const validated = (stderr: string) => /^load\s/m.test(stderr);
const timed = { env: { ORGC_TIMING: '1' } };

function setup(): { dir: string; org: string; out: string } {
  const dir = tmp();
  const org = path.join(dir, 'org.yaml');
  cpSync(`${ROOT}examples/quickstart/org.yaml`, org);
  const out = path.join(dir, 'out');
  expect(orgc(['render', org, '--out', out]).code).toBe(0);
  return { dir, org, out };
}

describe('render --check', () => {
  it('of an up-to-date handbook checks the pages against their hashes, without rendering', () => {
    const { org, out } = setup();
    const r = orgc(['render', org, '--out', out, '--check'], timed);
    expect(r.code).toBe(0);
    // Index, summary, RACI, KPI dictionary, service levels, four roles, org chart and process map.
    expect(r.stdout).toMatch(/is up to date \(11 files\)/);
    expect([rendered(r.stderr), validated(r.stderr)]).toEqual([false, false]);
    const manifest = JSON.parse(readFileSync(path.join(out, '.orgc-manifest.json'), 'utf8'));
    expect(Object.keys(manifest.hashes.md).sort()).toEqual(manifest.files.md);
    // The inputs' fingerprint, and the handbook's language.
    expect(manifest.inputs.md).toMatch(/^[0-9a-f]{64} en$/);
  });

  it('finds a page edited or removed by hand without rendering', () => {
    const { org, out } = setup();
    writeFileSync(path.join(out, 'raci.md'), 'edited by hand\n');
    cpSync(path.join(out, 'index.md'), path.join(out, 'roles', 'sales-rep.md'));
    const r = orgc(['render', org, '--out', out, '--check'], timed);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/differs  .*raci\.md\ndiffers  .*roles\/sales-rep\.md/);
    expect([rendered(r.stderr), validated(r.stderr)]).toEqual([false, false]);
    expect(r.stderr).toContain(`run \`orgc render ${org} --format md --out ${out}\``);
  });

  it("validates again when the configuration or the org's files changed, and speaks the org's language", () => {
    const dir = tmp();
    const org = path.join(dir, 'org');
    cpSync(`${ROOT}examples/sales-org`, org, { recursive: true });
    const out = path.join(dir, 'out');
    // No locale: the terminal speaks the org's language (zh-CN), also when nothing was validated.
    const env = { ORGC_TIMING: '1', LANG: '', LC_ALL: '', LC_MESSAGES: '' };
    expect(orgc(['render', org, '--out', out], { env }).code).toBe(0);
    const fast = orgc(['render', org, '--out', out, '--check'], { env });
    expect([fast.code, validated(fast.stderr)]).toEqual([0, false]);
    expect(fast.stdout).toMatch(/与组织设计一致/);
    // A configuration beside the org: its rules could change the findings in the summary.
    writeFileSync(path.join(org, 'orgc.config.yaml'), 'rules:\n  span-of-control: off\n');
    const config = orgc(['render', org, '--out', out, '--check'], { env });
    expect([validated(config.stderr), rendered(config.stderr)]).toEqual([true, true]);
    expect(orgc(['render', org, '--out', out], { env }).code).toBe(0);
    expect(validated(orgc(['render', org, '--out', out, '--check'], { env }).stderr)).toBe(false);
    // A new file in the org's directory is part of the org.
    mkdirSync(path.join(org, 'more'));
    writeFileSync(path.join(org, 'more', 'notes.yaml'), 'orgc: 1\n');
    const added = orgc(['render', org, '--out', out, '--check'], { env });
    expect(validated(added.stderr)).toBe(true);
  });

  it("validates a scenario (its base is read too) and a render with notes (a draft's to-do list, errors with --force)", () => {
    const dir = tmp();
    cpSync(`${ROOT}examples/sales-org`, path.join(dir, 'sales-org'), { recursive: true });
    mkdirSync(path.join(dir, 'scenarios'));
    const scenario = path.join(dir, 'scenarios', 'ka-split.yaml');
    cpSync(`${ROOT}examples/scenarios/ka-split.yaml`, scenario);
    const out = path.join(dir, 'out');
    expect(orgc(['render', scenario, '--out', out]).code).toBe(0);
    const s = orgc(['render', scenario, '--out', out, '--check'], timed);
    expect([s.code, validated(s.stderr), rendered(s.stderr)]).toEqual([0, true, false]);
    expect(JSON.parse(readFileSync(path.join(out, '.orgc-manifest.json'), 'utf8')).inputs.md).toMatch(/^[0-9a-f]{64} zh-CN notes$/);
    // The base changed: the scenario's handbook is out of date.
    const base = path.join(dir, 'sales-org', 'org.yaml');
    writeFileSync(base, readFileSync(base, 'utf8').replace('zh-CN: Acme 科技销售中心', 'zh-CN: 新的 Acme 科技销售中心'));
    expect(orgc(['render', scenario, '--out', out, '--check'], timed).code).toBe(1);

    const draftDir = path.join(dir, 'draft.yaml');
    expect(orgc(['import', `${ROOT}examples/import/people.csv`, '--out', draftDir]).code).toBe(0);
    const draftOut = path.join(dir, 'draft-out');
    // Errors besides the to-do list (the export's two top roles): rendered with --force, and said.
    const first = orgc(['render', draftDir, '--out', draftOut, '--force']);
    expect(first.code).toBe(0);
    const todo = first.stderr.split('\n').find((line) => line.startsWith('orgc:'))!;
    expect(todo).toBeTruthy();
    const again = orgc(['render', draftDir, '--out', draftOut, '--check', '--force'], timed);
    expect([again.code, validated(again.stderr)]).toEqual([0, true]);
    expect(again.stderr).toContain(todo);
  });

  it('renders and compares when the org, an option or a template changed', () => {
    const { dir, org, out } = setup();
    expect(rendered(orgc(['render', org, '--out', out, '--check', '--lang', 'zh-CN'], timed).stderr)).toBe(true);
    const templates = path.join(dir, 'templates');
    cpSync(`${ROOT}templates`, templates, { recursive: true });
    expect(orgc(['render', org, '--out', out, '--templates', templates]).code).toBe(0);
    writeFileSync(path.join(templates, 'md', 'raci.hbs'), readFileSync(path.join(templates, 'md', 'raci.hbs'), 'utf8') + '\nEdited template\n');
    const t = orgc(['render', org, '--out', out, '--check', '--templates', templates], timed);
    expect([t.code, rendered(t.stderr)]).toEqual([1, true]);
    expect(t.stdout).toMatch(/differs  .*raci\.md/);
    writeFileSync(org, readFileSync(org, 'utf8').replace(/Sales Director/g, 'Chief Revenue Officer'));
    const r = orgc(['render', org, '--out', out, '--check', '--templates', templates], timed);
    expect([r.code, rendered(r.stderr)]).toEqual([1, true]);
  });

  it('renders and compares after a partial render, and with a manifest of an older orgc', () => {
    const { org, out } = setup();
    expect(orgc(['render', org, '--out', out, '--only', 'raci']).code).toBe(0);
    const partial = orgc(['render', org, '--out', out, '--check'], timed);
    expect([partial.code, rendered(partial.stderr)]).toEqual([0, true]);
    const manifest = path.join(out, '.orgc-manifest.json');
    const { version, files } = JSON.parse(readFileSync(manifest, 'utf8'));
    writeFileSync(manifest, JSON.stringify({ version, files }));
    const old = orgc(['render', org, '--out', out, '--check'], timed);
    expect([old.code, rendered(old.stderr)]).toEqual([0, true]);
    // A manifest cut off, its record of the inputs still in it: rendered and compared.
    expect(orgc(['render', org, '--out', out]).code).toBe(0);
    const text = readFileSync(manifest, 'utf8');
    expect(JSON.parse(text).inputs.md).toMatch(/^[0-9a-f]{64} en$/);
    writeFileSync(manifest, text.slice(0, text.indexOf('"inputs"') + 120));
    const garbled = orgc(['render', org, '--out', out, '--check'], timed);
    expect([garbled.code, rendered(garbled.stderr)]).toEqual([0, true]);
    const again = orgc(['render', org, '--out', out], timed);
    expect([again.code, rendered(again.stderr)]).toEqual([0, true]);
  });

  it('names the command that brings the handbook up to date, with every option that shaped it', () => {
    expect(renderAgain(['org dir'], { format: 'html', out: 'site', lang: 'zh-CN', at: '2027-01-01', people: true })).toBe(
      "orgc render 'org dir' --format html --out site --lang zh-CN --people --at 2027-01-01",
    );
  });
});
