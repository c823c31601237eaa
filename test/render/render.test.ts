// `orgc render` as a user meets it: formats, --check, determinism, errors, stale pages,
// templates, and an output directory it never writes outside of.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inside } from '../../src/cli/output-dir.js';
import { PRECOMPILED } from '../../src/render/generated/templates.js';
import { orgc, ROOT } from '../helpers/cli.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'orgc-render-'));
const all = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();

describe('orgc render', () => {
  it('renders the example org in every format', () => {
    for (const format of ['md', 'html', 'csv', 'xlsx', 'json']) {
      const out = tmp();
      const r = orgc(['render', 'examples/sales-org', '--format', format, '--out', out]);
      expect(r, format).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toMatch(/✔/);
    }
  });

  it('renders the org in the working directory into handbook/ by default', () => {
    const dir = tmp();
    cpSync(`${ROOT}examples/quickstart/org.yaml`, path.join(dir, 'org.yaml'));
    expect(orgc(['render', '--format', 'md'], { cwd: dir }).code).toBe(0);
    expect(all(path.join(dir, 'handbook'))).toEqual(['.orgc-manifest.json', 'charts/org.md', 'charts/process.md', 'index.md', 'kpis.md', 'raci.md', 'roles/customer-success-manager.md', 'roles/sales-director.md', 'roles/sales-manager.md', 'roles/sales-rep.md', 'service-levels.md', 'summary.md']);
  });

  it('takes the output directory from the config', () => {
    const dir = tmp();
    cpSync(`${ROOT}examples/quickstart/org.yaml`, path.join(dir, 'org.yaml'));
    writeFileSync(path.join(dir, 'orgc.config.yaml'), 'render:\n  out: docs/org\n');
    expect(orgc(['render'], { cwd: dir }).code).toBe(0);
    expect(existsSync(path.join(dir, 'docs/org/index.md'))).toBe(true);
  });

  it('is deterministic: two renders are byte-identical in every format', () => {
    for (const format of ['md', 'html', 'csv', 'xlsx', 'json']) {
      const [a, b] = [tmp(), tmp()];
      orgc(['render', 'examples/sales-org', '--format', format, '--out', a]);
      orgc(['render', 'examples/sales-org', '--format', format, '--out', b]);
      expect(all(a)).toEqual(all(b));
      for (const f of all(a)) expect(readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))), `${format} ${f}`).toBe(true);
    }
  });

  it('--check passes right after a render and fails after a file is edited, removed or gone stale', () => {
    const out = tmp();
    orgc(['render', 'examples/sales-org', '--format', 'md', '--out', out]);
    expect(orgc(['render', 'examples/sales-org', '--format', 'md', '--out', out, '--check'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/is up to date \(20 files\)|与组织设计一致/) });
    writeFileSync(path.join(out, 'raci.md'), 'edited by hand\n');
    rmSync(path.join(out, 'roles/sales-rep.md'));
    const r = orgc(['render', 'examples/sales-org', '--format', 'md', '--out', out, '--check']);
    expect(r.code).toBe(1);
    // The example's language is zh-CN, and so are the lines of --check.
    expect(r.stdout).toContain('不同  ');
    expect(r.stdout).toMatch(/缺少  .*roles\/sales-rep\.md/);
    expect(r.stdout).toMatch(/不同  .*raci\.md/);
    expect(r.stderr).toMatch(/已过期：请运行 `orgc render examples\/sales-org --format md --out /);
    // --check writes nothing.
    expect(readFileSync(path.join(out, 'raci.md'), 'utf8')).toBe('edited by hand\n');
  });

  it('removes the page of a role that is gone, and never a file it did not write', () => {
    const dir = tmp();
    const org = readFileSync(`${ROOT}examples/quickstart/org.yaml`, 'utf8');
    writeFileSync(path.join(dir, 'org.yaml'), org);
    orgc(['render', '--out', 'out'], { cwd: dir });
    writeFileSync(path.join(dir, 'out', 'notes.md'), 'ours\n');
    writeFileSync(path.join(dir, 'out', 'roles', 'extra.md'), 'ours too\n');
    // Retire the customer success role (and what refers to it).
    const without = org
      .replace(/ {2}customer-success-manager:\n(?: {4}.*\n)+/, '')
      .replace(/\n {2}first-response:\n(?: {4}.*\n)+/, '\n')
      .replace(/\n {2}customer-retention:\n(?: {4}.*\n)+/, '\n')
      .replace(/\nservice_levels:\n(?: {2}.*\n)+/, '\n')
      .replace('support-customers: A', 'support-customers: [A, R]');
    writeFileSync(path.join(dir, 'org.yaml'), without);
    const r = orgc(['render', '--out', 'out', '--force'], { cwd: dir });
    // The role's page, and the service-level page: the org has no service levels left.
    expect(r.stdout).toMatch(/removed 2 stale/);
    expect(existsSync(path.join(dir, 'out/roles/customer-success-manager.md'))).toBe(false);
    expect(existsSync(path.join(dir, 'out/service-levels.md'))).toBe(false);
    expect(readFileSync(path.join(dir, 'out/notes.md'), 'utf8')).toBe('ours\n');
    expect(readFileSync(path.join(dir, 'out/roles/extra.md'), 'utf8')).toBe('ours too\n');
  });

  it('renders nothing and exits 1 when the org has errors, unless --force', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'org.yaml'), readFileSync(`${ROOT}examples/quickstart/org.yaml`, 'utf8').replace('reports_to: sales-manager', 'reports_to: sales-managr'));
    const r = orgc(['render', '--out', 'out'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/unknown role `sales-managr`; did you mean `sales-manager`\?/);
    expect(r.stderr).toMatch(/nothing rendered \(--force renders anyway\)/);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
    const forced = orgc(['render', '--out', 'out', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(forced.stderr).toMatch(/rendering despite 1 error \(--force\)/);
    expect(readFileSync(path.join(dir, 'out/summary.md'), 'utf8')).toMatch(/unknown role/);
  });

  it('renders only the pages asked for', () => {
    const out = tmp();
    orgc(['render', 'examples/quickstart/org.yaml', '--only', 'raci,summary', '--out', out]);
    expect(all(out)).toEqual(['.orgc-manifest.json', 'raci.md', 'summary.md']);
    expect(orgc(['render', 'examples/quickstart/org.yaml', '--only', 'jobs'])).toMatchObject({ code: 2, stderr: "orgc: --only takes index, summary, raci, jd, charts, targets, kpis, service-levels, reviews, signals; not 'jobs'\n" });
  });

  it('adds the pages asked for with --only and deletes none of the others', () => {
    const out = tmp();
    expect(orgc(['render', 'examples/quickstart/org.yaml', '--out', out]).code).toBe(0);
    const before = all(out);
    const r = orgc(['render', 'examples/quickstart/org.yaml', '--only', 'raci', '--out', out]);
    expect(r).toMatchObject({ code: 0, stdout: expect.stringContaining('1 file, 0 changed') });
    expect(all(out)).toEqual(before);
    expect(orgc(['render', 'examples/quickstart/org.yaml', '--only', 'raci', '--out', out, '--check']).code).toBe(0);
    // A full render still retires what is no longer produced: the manifest kept every page.
    writeFileSync(path.join(out, 'roles', 'stray.md'), 'not orgc');
    expect(orgc(['render', 'examples/quickstart/org.yaml', '--out', out]).code).toBe(0);
    expect(all(out)).toContain('roles/stray.md');
  });

  it('says so when --only leaves nothing to render in the format', () => {
    const r = orgc(['render', 'examples/quickstart/org.yaml', '-f', 'svg', '--only', 'index', '--out', tmp()]);
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: 'orgc: --only index gives nothing to render as svg\n' });
  });

  it('never resolves an output path outside the output directory', () => {
    expect(() => inside('/tmp/out', '../etc/passwd')).toThrow(/outside/);
    expect(() => inside('/tmp/out', '/etc/passwd')).toThrow(/outside/);
    expect(() => inside('/tmp/out', 'roles/\0x.md')).toThrow(/outside/);
    expect(inside('/tmp/out', 'roles/con_.md')).toBe('/tmp/out/roles/con_.md');
  });
});

describe('templates', () => {
  it('renders with the templates the build compiled, exactly as compiling them at run time does', () => {
    // The build compiled templates/ as it is now (a run uses a compiled one only for the same text).
    for (const format of ['md', 'html'] as const) {
      for (const name of readdirSync(path.join(ROOT, 'templates', format)).filter((n) => n.endsWith('.hbs'))) {
        expect(PRECOMPILED[format][name]?.source, `${format}/${name}`).toBe(readFileSync(path.join(ROOT, 'templates', format, name), 'utf8'));
        // Compiled without every helper call's location (scripts/build.ts, withoutLocations).
        const code = Object.values(PRECOMPILED[format][name]!.spec as Record<string, unknown>).map(String).join('\n');
        expect(code, `${format}/${name}`).not.toMatch(/"loc":\{/);
      }
    }
    // Copies that differ by a comment are compiled at run time: the output must not change.
    const dir = tmp();
    for (const format of ['md', 'html']) {
      mkdirSync(path.join(dir, 'tpl', format), { recursive: true });
      for (const name of readdirSync(path.join(ROOT, 'templates', format)).filter((n) => n.endsWith('.hbs'))) {
        writeFileSync(path.join(dir, 'tpl', format, name), `${readFileSync(path.join(ROOT, 'templates', format, name), 'utf8')}{{!-- a copy --}}`);
      }
      const ahead = path.join(dir, `ahead-${format}`);
      const now = path.join(dir, `now-${format}`);
      expect(orgc(['render', 'examples/sales-org', '-f', format, '--out', ahead]).code).toBe(0);
      expect(orgc(['render', 'examples/sales-org', '-f', format, '--templates', path.join(dir, 'tpl'), '--out', now]).code).toBe(0);
      const files = all(ahead).filter((f) => !f.startsWith('.orgc'));
      expect(files.length).toBeGreaterThan(10);
      expect(all(now).filter((f) => !f.startsWith('.orgc'))).toEqual(files);
      for (const f of files) expect(readFileSync(path.join(now, f), 'utf8'), f).toBe(readFileSync(path.join(ahead, f), 'utf8'));
    }
  });

  it('uses a template from --templates in place of the built-in one of the same name', () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'tpl', 'md'), { recursive: true });
    writeFileSync(path.join(dir, 'tpl', 'md', 'role.hbs'), '{{role.title}} / {{role.level}} / {{labels.reportsTo}}{{colon}}{{role.reportsTo.title}}\n');
    const out = path.join(dir, 'out');
    expect(orgc(['render', 'examples/quickstart/org.yaml', '--templates', path.join(dir, 'tpl'), '--out', out]).code).toBe(0);
    expect(readFileSync(path.join(out, 'roles/sales-rep.md'), 'utf8')).toBe('Sales Representative / Frontline / Reports to: Sales Manager\n');
    expect(readFileSync(path.join(out, 'index.md'), 'utf8')).toMatch(/^# Northwind Sales/);
  });

  it('gives templates no way to prototypes or the file system', () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'tpl', 'md'), { recursive: true });
    writeFileSync(
      path.join(dir, 'tpl', 'md', 'role.hbs'),
      '[{{role.constructor.name}}][{{lookup role "__proto__"}}][{{#with role.constructor}}{{constructor}}{{/with}}][{{log "hi"}}]\n',
    );
    const out = path.join(dir, 'out');
    const r = orgc(['render', 'examples/quickstart/org.yaml', '--templates', path.join(dir, 'tpl'), '--out', out]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(path.join(out, 'roles/sales-rep.md'), 'utf8')).toBe('[][][][]\n');
  });

  it('names a helper that does not exist, in one line with exit 2', () => {
    // Templates are compiled knowing every helper (src/render/template-options.ts): the compiler's
    // words about that option are not shown to the reader.
    const dir = tmp();
    mkdirSync(path.join(dir, 'tpl', 'md'), { recursive: true });
    writeFileSync(path.join(dir, 'tpl', 'md', 'role.hbs'), '{{role.title}}\n{{upper role.title}}\n');
    const r = orgc(['render', 'examples/quickstart/org.yaml', '--templates', path.join(dir, 'tpl'), '--out', path.join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('orgc: template role.hbs: Missing helper: "upper" (line 2)\n');
  });

  it('reports a broken template in one line with exit 2', () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'tpl', 'html'), { recursive: true });
    writeFileSync(path.join(dir, 'tpl', 'html', 'index.hbs'), '{{#each roles}}unclosed');
    const r = orgc(['render', 'examples/quickstart/org.yaml', '-f', 'html', '--templates', path.join(dir, 'tpl'), '--out', path.join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^orgc: template index\.hbs: /);
  });
});
