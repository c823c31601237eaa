// `render --check` of a handbook rendered from the same inputs verifies its pages against the
// hashes in the manifest instead of rendering again; any change to the inputs (the org, the
// options, the templates) makes it render and compare as before. ORGC_TIMING shows which path ran.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { orgc, ROOT } from '../helpers/cli.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'orgc-check-'));
/** Whether the command rendered the handbook (a `render` lap in ORGC_TIMING's report). */
const rendered = (stderr: string) => /^render\s/m.test(stderr);
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
    expect(rendered(r.stderr)).toBe(false);
    const manifest = JSON.parse(readFileSync(path.join(out, '.orgc-manifest.json'), 'utf8'));
    expect(Object.keys(manifest.hashes.md).sort()).toEqual(manifest.files.md);
    expect(manifest.inputs.md).toMatch(/^[0-9a-f]{64}$/);
  });

  it('finds a page edited or removed by hand without rendering', () => {
    const { org, out } = setup();
    writeFileSync(path.join(out, 'raci.md'), 'edited by hand\n');
    cpSync(path.join(out, 'index.md'), path.join(out, 'roles', 'sales-rep.md'));
    const r = orgc(['render', org, '--out', out, '--check'], timed);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/differs  .*raci\.md\ndiffers  .*roles\/sales-rep\.md/);
    expect(rendered(r.stderr)).toBe(false);
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
  });
});
