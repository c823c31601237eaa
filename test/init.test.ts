// `orgc init`: every preset, in both languages, gives a repository whose org validates clean with
// no arguments, whose editor schema lines resolve, and whose CI and pre-commit files are sound.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { orgc } from './helpers/cli.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'orgc-init-'));

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
        const workflow = jsYaml.load(readFileSync(path.join(dir, '.github/workflows/orgc.yml'), 'utf8')) as any;
        const runs = workflow.jobs.orgc.steps.map((s: any) => s.run).filter(Boolean).join('\n');
        expect(runs).toContain(`validate ${target} --format github`);
        expect(runs).toContain(`diff "origin/\${{ github.base_ref }}:${target}" ${target} --format md`);
        const hooks = jsYaml.load(readFileSync(path.join(dir, '.pre-commit-config.yaml'), 'utf8')) as any;
        expect(hooks.repos[0].hooks[0]).toMatchObject({ id: 'orgc-validate', language: 'system', pass_filenames: false });
        expect(hooks.repos[0].hooks[0].entry).toMatch(new RegExp(`validate ${target}$`));
      });
    }
  }

  it('never overwrites a file without --force, and then writes nothing at all', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'org.yaml'), 'mine\n');
    const r = orgc(['init', dir]);
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: 'orgc: not overwriting org.yaml (use --force to replace them)\n' });
    expect(readFileSync(path.join(dir, 'org.yaml'), 'utf8')).toBe('mine\n');
    expect(readdirSync(dir)).toEqual(['org.yaml']);
    expect(orgc(['init', dir, '--force']).code).toBe(0);
    expect(readFileSync(path.join(dir, 'org.yaml'), 'utf8')).toMatch(/^# yaml-language-server/);
  });

  it('renders the scaffolded org', () => {
    const dir = tmp();
    orgc(['init', dir, '--preset', 'growth', '--lang', 'zh-CN']);
    const r = orgc(['render'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'handbook', 'index.md'), 'utf8')).toContain('蓝野销售');
  });
});
