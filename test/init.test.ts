// `orgc init`: every preset, in both languages, gives a repository whose org validates clean with
// no arguments, whose editor schema lines resolve, and whose CI and pre-commit files run the orgc
// its package.json pins — merged into a package.json and .gitignore that are there, never replacing
// them. That the workflow passes on a fresh clone: test/ci/init-workflow.test.ts.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { orgc, ROOT } from './helpers/cli.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'orgc-init-'));
const VERSION = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('.'))
    .sort();
}

describe('orgc init', () => {
  for (const preset of ['startup', 'growth', 'enterprise']) {
    for (const lang of ['en', 'zh-CN']) {
      it(`${preset} in ${lang} validates clean, with working schema lines, CI and pre-commit`, () => {
        const dir = tmp();
        const r = orgc(['init', dir, '--preset', preset, '--lang', lang]);
        expect(r).toMatchObject({ code: 0, stderr: '' });
        expect(r.stdout).toMatch(lang === 'en' ? /^✔ scaffolded the / : /^✔ 已在 /);
        // `orgc validate` with no path finds the org; the config makes messages speak `lang`.
        const v = orgc(['validate', '--format', 'json'], { cwd: dir });
        expect(JSON.parse(v.stdout).diagnostics).toEqual([]);
        expect(v.code).toBe(0);
        const target = preset === 'enterprise' ? 'org' : 'org.yaml';
        const main = readFileSync(path.join(dir, preset === 'enterprise' ? 'org/org.yaml' : 'org.yaml'), 'utf8');
        expect((jsYaml.load(main) as { org: { language: string } }).org.language).toBe(lang);
        expect(main).not.toMatch(/examples\//);
        // Every schema line points at a schema that is there.
        for (const f of yamlFiles(dir)) {
          const line = /^# yaml-language-server: \$schema=(\S+)/.exec(readFileSync(path.join(dir, f), 'utf8'))?.[1];
          expect(line, f).toBeDefined();
          expect(existsSync(path.resolve(dir, path.dirname(f), line!)), `${f} → ${line}`).toBe(true);
        }
        // CI installs what package.json and the lockfile pin, then runs that orgc and no other.
        const workflow = jsYaml.load(read(dir, '.github/workflows/orgc.yml')) as any;
        const steps = workflow.jobs.orgc.steps;
        expect(steps.map((s: any) => s.uses ?? s.run.split(' ').slice(0, 2).join(' '))).toEqual(['actions/checkout@v4', 'actions/setup-node@v4', 'npm ci', 'npx --no', 'npx --no', 'if [']);
        expect(steps[1].with).toEqual({ 'node-version': 22, cache: 'npm' });
        const runs = steps.map((s: any) => s.run).filter(Boolean).join('\n');
        expect(runs).toContain(`npx --no -- orgc validate ${target} --format github`);
        expect(runs).toContain(`npx --no -- orgc diff "origin/$BASE_REF:${target}" ${target} --format md`);
        // The scenarios in scenarios/, when a pull request changes one, compared with the org.
        expect(runs).toContain(`npx --no -- orgc compare ${target} scenarios --format md`);
        expect(runs).not.toMatch(/orgc@|--yes|\$\{\{/);
        const hooks = jsYaml.load(read(dir, '.pre-commit-config.yaml')) as any;
        expect(hooks.repos[0].hooks[0]).toMatchObject({ id: 'orgc-validate', language: 'system', pass_filenames: false, entry: `npx --no -- orgc validate ${target}` });
        expect(JSON.parse(read(dir, 'package.json'))).toEqual({ name: path.basename(dir).toLowerCase(), private: true, devDependencies: { orgc: `^${VERSION}` } });
        expect(read(dir, '.gitignore')).toBe('node_modules/\n');
        expect(r.stdout).toContain(lang === 'en' ? `next: cd ${path.relative(ROOT, dir)} && npm install — it installs orgc and writes package-lock.json` : `下一步：cd ${path.relative(ROOT, dir)} && npm install —— 安装 orgc 并写出 package-lock.json`);
      });
    }
  }

  it('never overwrites a file without --force, and then writes nothing at all', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'org.yaml'), 'mine\n');
    const r = orgc(['init', dir]);
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: 'orgc: not overwriting org.yaml (use --force to replace them)\n' });
    expect(readFileSync(path.join(dir, 'org.yaml'), 'utf8')).toBe('mine\n');
    // Not even the package.json and .gitignore it would have merged.
    expect(readdirSync(dir)).toEqual(['org.yaml']);
    expect(orgc(['init', dir, '--force']).code).toBe(0);
    expect(readFileSync(path.join(dir, 'org.yaml'), 'utf8')).toMatch(/^# yaml-language-server/);
  });

  it('lists the workflow among the files it will not overwrite, and leaves package.json alone then', () => {
    const dir = tmp();
    mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(path.join(dir, '.github/workflows/orgc.yml'), 'mine\n');
    writeFileSync(path.join(dir, 'package.json'), '{"name":"hr"}\n');
    const r = orgc(['init', dir, '--lang', 'zh-CN']);
    expect(r).toMatchObject({ code: 2, stderr: 'orgc: 不会覆盖已有文件 .github/workflows/orgc.yml （用 --force 替换）\n' });
    expect(read(dir, 'package.json')).toBe('{"name":"hr"}\n');
    expect(readdirSync(dir).sort()).toEqual(['.github', 'package.json']);
  });

  it('adds orgc to a package.json without it, keeping every other key, their order and the indentation', () => {
    const dir = tmp();
    const before = '{\n\t"name": "hr-org",\n\t"version": "1.0.0",\n\t"devDependencies": {\n\t\t"zod": "^4.0.0",\n\t\t"ajv": "^8.0.0"\n\t},\n\t"scripts": {\n\t\t"test": "echo"\n\t}\n}\n';
    writeFileSync(path.join(dir, 'package.json'), before);
    const r = orgc(['init', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`package.json: added orgc ^${VERSION} to devDependencies\n`);
    // orgc where npm would sort it in, the others unmoved, even out of order.
    expect(read(dir, 'package.json')).toBe(before.replace('\t\t"zod"', `\t\t"orgc": "^${VERSION}",\n\t\t"zod"`));
    const bare = tmp();
    writeFileSync(path.join(bare, 'package.json'), '{"name":"hr","private":true,"scripts":{"x":"y"}}');
    expect(orgc(['init', bare, '--orgc', 'file:vendor/orgc-0.1.0.tgz']).code).toBe(0);
    expect(read(bare, 'package.json')).toBe('{"name":"hr","private":true,"scripts":{"x":"y"},"devDependencies":{"orgc":"file:vendor/orgc-0.1.0.tgz"}}');
  });

  it('keeps the orgc a package.json already lists, in dependencies or devDependencies, even with --orgc', () => {
    for (const field of ['dependencies', 'devDependencies']) {
      const dir = tmp();
      const before = `${JSON.stringify({ name: 'hr', [field]: { orgc: 'github:acme/orgc#v0.1.0' } }, null, 2)}\n`;
      writeFileSync(path.join(dir, 'package.json'), before);
      const r = orgc(['init', dir, '--orgc', `^${VERSION}`, '--lang', 'zh-CN']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('package.json：已列出 orgc github:acme/orgc#v0.1.0，保持不变\n');
      expect(read(dir, 'package.json')).toBe(before);
    }
  });

  it('pins the orgc --orgc names in a new package.json, named after the directory', () => {
    const parent = tmp();
    for (const [name, pkgName, cd] of [['Acme Sales', 'acme-sales', "'Acme Sales'"], ['销售组织', 'org-design', "'销售组织'"], ["it's", 'it-s', "'it'\\''s'"]]) {
      const r = orgc(['init', name, '--orgc', 'file:vendor/orgc-0.1.0.tgz'], { cwd: parent });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('package.json: created, with orgc file:vendor/orgc-0.1.0.tgz in devDependencies\n');
      expect(r.stdout).toContain(`next: cd ${cd} && npm install`);
      expect(r.stdout).toContain('then: npx orgc validate org.yaml, npx orgc render org.yaml\n');
      expect(JSON.parse(read(path.join(parent, name), 'package.json'))).toEqual({ name: pkgName, private: true, devDependencies: { orgc: 'file:vendor/orgc-0.1.0.tgz' } });
    }
  });

  it('refuses a package.json it cannot read, and writes nothing', () => {
    for (const text of ['{ "name": ', '[]']) {
      const dir = tmp();
      writeFileSync(path.join(dir, 'package.json'), text);
      const r = orgc(['init', dir]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^orgc: (cannot read .*package\.json: |.*package\.json: not a JSON object)/);
      expect(readdirSync(dir)).toEqual(['package.json']);
      expect(read(dir, 'package.json')).toBe(text);
    }
  });

  it('adds node_modules/ to a .gitignore once, and removes nothing', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, '.gitignore'), '# build\ndist\n!keep.log');
    expect(orgc(['init', dir]).code).toBe(0);
    expect(read(dir, '.gitignore')).toBe('# build\ndist\n!keep.log\nnode_modules/\n');
    expect(orgc(['init', dir, '--force']).code).toBe(0);
    expect(read(dir, '.gitignore')).toBe('# build\ndist\n!keep.log\nnode_modules/\n');
    const ignored = tmp();
    writeFileSync(path.join(ignored, '.gitignore'), '/node_modules\n');
    expect(orgc(['init', ignored]).code).toBe(0);
    expect(read(ignored, '.gitignore')).toBe('/node_modules\n');
  });

  it('renders the scaffolded org', () => {
    const dir = tmp();
    orgc(['init', dir, '--preset', 'growth', '--lang', 'zh-CN']);
    const r = orgc(['render'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'handbook', 'index.md'), 'utf8')).toContain('蓝野销售');
  });
});
