// orgc.config.yaml as users write it: found next to the org, presets, severities, options,
// per-file overrides — and a bad config is an exit-2 error naming the key.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { orgc, ROOT } from '../helpers/cli.js';

function repo(config?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'orgc-config-'));
  mkdirSync(path.join(dir, 'org'));
  cpSync(`${ROOT}examples/quickstart/org.yaml`, path.join(dir, 'org', 'org.yaml'));
  if (config !== undefined) writeFileSync(path.join(dir, 'org', 'orgc.config.yaml'), config);
  return dir;
}

describe('orgc.config.yaml', () => {
  it('is found next to the org and changes a rule\'s options', () => {
    const dir = repo('rules:\n  span-of-control: { options: { max: 2 } }\n');
    const r = orgc(['validate', 'org'], { cwd: dir });
    expect(r.code).toBe(0);
    // The sales manager leads sellers: a first-line manager, held to `firstLine`, not to `max`.
    expect(r.stdout).toMatch(/warning: each Sales Director \(sales-director\) has 3 direct reports \(at most 2\)/);
  });

  it('raises severities with `extends: strict` and turns rules off', () => {
    const dir = repo('extends: strict\nrules:\n  span-of-control: { options: { max: 2 } }\n');
    const r = orgc(['validate', 'org'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error: each Sales Director \(sales-director\)/);
    writeFileSync(path.join(dir, 'org', 'orgc.config.yaml'), 'extends: strict\nrules:\n  span-of-control: off\n');
    expect(orgc(['validate', 'org'], { cwd: dir }).code).toBe(0);
  });

  it('is taken from --config, and from the working directory when the org has none', () => {
    const dir = repo();
    writeFileSync(path.join(dir, 'strict.yaml'), 'rules:\n  span-of-control: { severity: error, options: { max: 2 } }\n');
    expect(orgc(['validate', 'org', '--config', 'strict.yaml'], { cwd: dir }).code).toBe(1);
    writeFileSync(path.join(dir, 'orgc.config.yaml'), 'rules:\n  span-of-control: { severity: error, options: { max: 2 } }\n');
    expect(orgc(['validate', 'org'], { cwd: dir }).code).toBe(1);
  });

  it('applies overrides to findings in matching files only', () => {
    const dir = repo('rules:\n  span-of-control: { severity: error, options: { max: 2 } }\noverrides:\n  - files: ["drafts/**"]\n    rules:\n      span-of-control: off\n');
    expect(orgc(['validate', 'org'], { cwd: dir }).code).toBe(1);
    mkdirSync(path.join(dir, 'org', 'drafts'));
    cpSync(path.join(dir, 'org', 'org.yaml'), path.join(dir, 'org', 'drafts', 'org.yaml'));
    writeFileSync(path.join(dir, 'org', 'org.yaml'), 'orgc: 1\n');
    expect(orgc(['validate', 'org'], { cwd: dir })).toMatchObject({ code: 0, stdout: '✔ no problems in 2 files\n' });
  });

  it('rejects an unknown rule with exit 2, naming the file, line, column and key', () => {
    const dir = repo('rules:\n  span-of-controll: off\n');
    expect(orgc(['validate', 'org'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'orgc: org/orgc.config.yaml:2:3: unknown key `span-of-controll`; did you mean `span-of-control`? [unknown-key]\n',
    });
  });

  it('rejects a bad severity, a bad option and bad YAML with exit 2', () => {
    const cases: Array<[string, RegExp]> = [
      ['rules:\n  layers: warnig\n', /orgc\.config\.yaml:2:11: `warnig` is not allowed here; did you mean `warning`\?/],
      ['rules:\n  layers: { options: { max: lots } }\n', /orgc\.config\.yaml:2:29: expected a whole number, found a string/],
      ['rules:\n  layers: { options: { maxx: 3 } }\n', /orgc\.config\.yaml:2:24: unknown key `maxx`; did you mean `max`\?/],
      ['rules:\n  layers: { options: { maximum: 3 } }\n', /orgc\.config\.yaml:2:24: unknown key `maximum`; expected one of: max/],
      ['extends: recomended\n', /`recomended` is not allowed here; did you mean `recommended`\?/],
      ['rules: [\n', /orgc\.config\.yaml:1:8: this `\[` is never closed/],
    ];
    for (const [config, message] of cases) {
      const r = orgc(['validate', 'org'], { cwd: repo(config) });
      expect(r.code, config).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr, config).toMatch(message);
    }
  });

  it('rejects a --config file that does not exist with exit 2', () => {
    const r = orgc(['validate', 'org', '--config', 'missing.yaml'], { cwd: repo() });
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe('orgc: cannot read missing.yaml\n');
  });

  it('can set the language of messages', () => {
    const dir = repo('lang: zh-CN\nrules:\n  span-of-control: { options: { max: 2 } }\n');
    expect(orgc(['validate', 'org'], { cwd: dir }).stdout).toMatch(/警告/);
  });

  it('has a schema of its own for editors, generated from the rules', () => {
    const schema = JSON.parse(orgc(['schema', '--config']).stdout);
    expect(schema).toEqual(JSON.parse(readFileSync(`${ROOT}schemas/orgc.config.schema.json`, 'utf8')));
    expect(Object.keys(schema.properties.rules.properties)).toContain('redundant-roles');
    expect(schema.properties.rules.properties['span-of-control'].anyOf[1].properties.options.properties.max.description).toMatch(/Most direct reports/);
  });
});

describe('inline suppression', () => {
  const body = (comment: string) => `orgc: 1
org: { id: t, name: T, language: en }
duties:
  sell: { name: Sell, area: execution }
roles:
  rep: { title: Rep, level: frontline, duties: { sell: [A, R] } }
${comment}
  assistant: { title: Assistant, level: support, reports_to: rep }
`;
  const run = (comment: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'orgc-suppress-'));
    writeFileSync(path.join(dir, 'org.yaml'), body(comment));
    return JSON.parse(orgc(['validate', '-f', 'json'], { cwd: dir }).stdout)
      .diagnostics.filter((d: any) => ['role-without-duties', 'unused-suppression'].includes(d.ruleId))
      .map((d: any) => `${d.range.start.line}:${d.range.start.column} ${d.ruleId}: ${d.message}`);
  };

  it('silences the named rule on the next line', () => {
    expect(run('  # orgc-disable-next-line role-without-duties -- hired before the role was designed')).toEqual([]);
  });

  it('reports a suppression that silences nothing, names an unknown rule, or a core check', () => {
    expect(run('  # orgc-disable-next-line layers, no-such-rule, schema')).toEqual([
      '7:3 unused-suppression: `orgc-disable-next-line layers` suppresses nothing on the next line',
      '7:3 unused-suppression: `schema` is a core check and cannot be suppressed: fix the YAML instead',
      '7:3 unused-suppression: unknown rule `no-such-rule` in `orgc-disable-next-line`',
      '8:3 role-without-duties: role Assistant (assistant) has no duties: a role should follow from the work it does',
    ]);
  });
});
