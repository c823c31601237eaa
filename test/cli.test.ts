// The command line as users meet it: exit codes, streams, defaults, formats, colour, language.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, orgc, ROOT } from './helpers/cli.js';

const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
const quickstart = readFileSync(`${ROOT}examples/quickstart/org.yaml`, 'utf8');
const tmp = () => mkdtempSync(path.join(tmpdir(), 'orgc-cli-'));

describe('orgc', () => {
  it('prints its version', () => {
    const r = orgc(['--version']);
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('prints help listing its commands', () => {
    const r = orgc(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/validate \[options\] \[paths\.\.\.\]/);
    expect(r.stdout).toMatch(/schema/);
  });

  it('exits 2 with one line on an unknown option', () => {
    const r = orgc(['validate', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')[0]).toMatch(/unknown option '--bogus'/);
  });

  it('exits 2 with one line on an unsupported language', () => {
    const r = orgc(['validate', 'examples/quickstart', '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--lang/);
  });
});

describe('orgc validate', () => {
  it('passes the bundled example org, split over several files', () => {
    const r = orgc(['validate', 'examples/sales-org']);
    expect(r).toEqual({ code: 0, stdout: '✔ 9 个文件，没有发现问题\n', stderr: '' });
  });

  it('passes the quickstart org, in English', () => {
    const r = orgc(['validate', 'examples/quickstart/org.yaml']);
    expect(r).toEqual({ code: 0, stdout: '✔ no problems in 1 file\n', stderr: '' });
  });

  it('exits 2 with exactly one line for a file that does not exist', () => {
    const r = orgc(['validate', 'nope.yaml']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'orgc: cannot read nope.yaml: no such file or directory\n' });
  });

  it('exits 2 for a directory without YAML files', () => {
    const dir = tmp();
    const r = orgc(['validate', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^orgc: no YAML files in .*\n$/);
  });

  it('reads stdin for `-`', () => {
    expect(orgc(['validate', '-'], { input: quickstart })).toMatchObject({ code: 0, stderr: '' });
    const broken = quickstart.replace('reports_to: sales-director', 'reprots_to: sales-director');
    const r = orgc(['validate', '-'], { input: broken });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^<stdin>:\d+:5: error: unknown key `reprots_to`; did you mean `reports_to`\? \[unknown-key\]/);
  });

  it('finds org.yaml in the working directory when given no path', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'org.yaml'), quickstart);
    expect(orgc(['validate'], { cwd: dir })).toMatchObject({ code: 0, stdout: '✔ no problems in 1 file\n' });
  });

  it('finds an org/ directory in the working directory when given no path', () => {
    const dir = tmp();
    cpSync(`${ROOT}examples/sales-org`, path.join(dir, 'org'), { recursive: true });
    expect(orgc(['validate'], { cwd: dir }).code).toBe(0);
  });

  it('says what to do when there is no org in the working directory', () => {
    const r = orgc(['validate'], { cwd: tmp() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('orgc: no org here: pass a file or directory, or create org.yaml (or an org/ directory)\n');
  });

  it('loads several file arguments as one org', () => {
    const dir = tmp();
    const [head, rest] = [quickstart.slice(0, quickstart.indexOf('roles:')), quickstart.slice(quickstart.indexOf('roles:'))];
    writeFileSync(path.join(dir, 'a.yaml'), head);
    writeFileSync(path.join(dir, 'b.yaml'), `orgc: 1\n${rest}`);
    expect(orgc(['validate', 'a.yaml', 'b.yaml'], { cwd: dir })).toMatchObject({ code: 0, stdout: '✔ no problems in 2 files\n' });
  });

  it('writes a versioned JSON report with counts and full ranges', () => {
    const r = orgc(['validate', 'test/fixtures/invalid/unknown-key', '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    // The two unknown keys, and (error recovery) the design findings about the rest of the org.
    expect(report).toMatchObject({ version: 1, tool: { name: 'orgc', version: pkg.version }, counts: { error: 2, warning: 3, info: 0 } });
    expect(report.files).toEqual(['test/fixtures/invalid/unknown-key/org.yaml']);
    expect(report.diagnostics.find((d: { ruleId: string }) => d.ruleId === 'unknown-key')).toEqual({
      file: 'test/fixtures/invalid/unknown-key/org.yaml',
      ruleId: 'unknown-key',
      severity: 'error',
      message: 'unknown key `reprots_to`; did you mean `reports_to`?',
      range: { start: { line: 21, column: 5, offset: expect.any(Number) }, end: { line: 21, column: 15, offset: expect.any(Number) } },
      related: [],
      fix: { range: { start: { line: 21, column: 5, offset: expect.any(Number) }, end: { line: 21, column: 15, offset: expect.any(Number) } }, text: 'reports_to' },
    });
  });

  it('writes a clean JSON report for a clean org', () => {
    const report = JSON.parse(orgc(['validate', 'examples/sales-org', '-f', 'json']).stdout);
    expect(report.counts).toEqual({ error: 0, warning: 0, info: 0 });
    expect(report.diagnostics).toEqual([]);
    expect(report.files).toHaveLength(9);
  });

  it('colours only when asked: FORCE_COLOR forces it, NO_COLOR and pipes turn it off', () => {
    const fixture = 'test/fixtures/invalid/unknown-key';
    const ansi = /\u001b\[/;
    expect(orgc(['validate', fixture], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).toMatch(ansi);
    expect(orgc(['validate', fixture], { env: { NO_COLOR: '1' } }).stdout).not.toMatch(ansi);
    expect(orgc(['validate', fixture], { env: { NO_COLOR: undefined } }).stdout).not.toMatch(ansi);
  });

  it('speaks the language asked for with --lang, else the org\'s own', () => {
    const fixture = 'test/fixtures/invalid/unknown-key';
    expect(orgc(['validate', fixture, '--lang', 'zh-CN']).stdout).toMatch(/错误: 未知的键 `reprots_to`；您是否想写 `reports_to`？/);
    expect(orgc(['validate', 'test/fixtures/invalid/chinese-messages']).stdout).toMatch(/未知的键/);
    expect(orgc(['validate', 'test/fixtures/invalid/chinese-messages', '--lang', 'en']).stdout).toMatch(/unknown key/);
  });

  it('reports every problem of several files sorted by file, line and column', () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'org'));
    writeFileSync(path.join(dir, 'org', 'b.yaml'), 'orgc: 1\nroles:\n  x:\n    title: X\n    levle: frontline\n');
    writeFileSync(path.join(dir, 'org', 'a.yaml'), 'orgc: 1\nfoo: 1\nbar: 2\n');
    const r = orgc(['validate', 'org', '-f', 'json'], { cwd: dir });
    const places = JSON.parse(r.stdout).diagnostics.map((d: any) => `${d.file}:${d.range.start.line}:${d.range.start.column}`);
    expect(places).toEqual(['org/a.yaml:2:1', 'org/a.yaml:3:1', 'org/b.yaml:3:3', 'org/b.yaml:5:5']);
  });

  it('is deterministic: the same input gives byte-identical output', () => {
    const a = orgc(['validate', 'test/fixtures/invalid/unknown-reference', '-f', 'json']);
    const b = orgc(['validate', 'test/fixtures/invalid/unknown-reference', '-f', 'json']);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('orgc schema', () => {
  it('prints the committed JSON Schema', () => {
    const r = orgc(['schema']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(`${ROOT}schemas/orgc.schema.json`, 'utf8'));
  });
});

describe('orgc validate, CI options', () => {
  const quickstartWith = (config: string) => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'org.yaml'), quickstart);
    writeFileSync(path.join(dir, 'orgc.config.yaml'), config);
    return dir;
  };

  it('fails on warnings with --fail-on warn and with --max-warnings', () => {
    const dir = quickstartWith('rules:\n  span-of-control: { options: { max: 2, firstLine: { min: 1, max: 2 } } }\n');
    expect(orgc(['validate'], { cwd: dir }).code).toBe(0);
    expect(orgc(['validate', '--fail-on', 'warn'], { cwd: dir }).code).toBe(1);
    expect(orgc(['validate', '--max-warnings', '0'], { cwd: dir }).code).toBe(1);
    expect(orgc(['validate', '--max-warnings', '1'], { cwd: dir }).code).toBe(1);
    expect(orgc(['validate', '--max-warnings', '2'], { cwd: dir }).code).toBe(0);
    expect(orgc(['validate', '--max-warnings', 'some'], { cwd: dir })).toMatchObject({ code: 2, stderr: "orgc: --max-warnings takes a whole number of warnings, not 'some'\n" });
  });

  it('writes the report to a file with -o and nothing to stdout', () => {
    const dir = quickstartWith('rules:\n  span-of-control: { options: { max: 2, firstLine: { min: 1, max: 2 } } }\n');
    const r = orgc(['validate', '-f', 'sarif', '-o', 'out/report.sarif'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(path.join(dir, 'out/report.sarif'), 'utf8')).runs[0].results).toHaveLength(2);
  });
});

describe('orgc rules and orgc explain', () => {
  it('lists every rule with its severity and what it finds', () => {
    const r = orgc(['rules']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}span-of-control +warning +✓ +A manager with fewer or more direct reports/m);
    expect(r.stdout).toMatch(/^ {2}unused-definitions +warning +A competency/m);
    expect(r.stdout).toMatch(/Core checks/);
    expect(orgc(['rules', '--lang', 'zh-CN']).stdout).toMatch(/直接下属人数/);
    expect(JSON.parse(orgc(['rules', '-f', 'json']).stdout).rules.find((x: any) => x.id === 'layers').options.max.default).toBe(5);
  });

  it('prints a rule\'s documentation', () => {
    const r = orgc(['explain', 'redundant-roles']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(`${ROOT}docs/rules/redundant-roles.md`, 'utf8'));
  });

  it('suggests the rule meant when the id is unknown', () => {
    expect(orgc(['explain', 'span-of-controll'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "orgc: unknown rule 'span-of-controll'; did you mean 'span-of-control'? (run `orgc rules` for the list)\n",
    });
  });
});

/** The commands `orgc --help` lists. */
const commandsOf = (help: string) => [...help.split('\nCommands:\n')[1].split('\n\n')[0].matchAll(/^ {2}(\w+) /gm)].map((m) => m[1]);

describe('orgc --help', () => {
  const commands = ['', 'validate', 'render', 'diff', 'compare', 'signals', 'init', 'import', 'rules', 'explain', 'lsp', 'schema', 'completion'];
  const help = (command: string, env: NodeJS.ProcessEnv = {}) => orgc([...(command ? [command] : []), '--help'], { env: { COLUMNS: undefined, ...env } });
  /** The example commands of a help text: the lines under `Examples:` that are not `# notes`. */
  const exampleCommands = (text: string) =>
    text.split('\nExamples:\n')[1].split('\n').filter((l) => l.startsWith('  orgc ') || l.startsWith('  source ')).map((l) => l.trim().split(/\s{2,}#/)[0]);

  it('lists the same commands as the program has, examples under each', () => {
    const listed = commandsOf(help('').stdout).filter((c) => c !== 'help');
    expect(listed).toEqual(commands.slice(1));
    for (const command of commands) {
      const r = help(command);
      expect(r.code, command).toBe(0);
      expect(r.stdout, command).toContain('\nExamples:\n');
      const examples = exampleCommands(r.stdout);
      expect(examples.length, command).toBeGreaterThanOrEqual(2);
      // Each command's examples show that command (the program's show several).
      if (command && command !== 'completion') for (const e of examples) expect(e === `orgc ${command}` || e.startsWith(`orgc ${command} `) || e.startsWith('orgc render '), e).toBe(true);
    }
  });

  it('wraps to 80 columns on a pipe and to COLUMNS when set; example commands are never broken', () => {
    for (const width of [80, 60, 120]) {
      for (const command of commands) {
        const r = help(command, width === 80 ? {} : { COLUMNS: String(width) });
        const examples = new Set(exampleCommands(r.stdout).map((e) => `  ${e}`));
        const long = r.stdout.split('\n').filter((l) => l.length > width && !examples.has(l));
        expect(long, `${command} at ${width}`).toEqual([]);
      }
    }
    // Wider terminals get longer lines, not the same text at 80.
    expect(Math.max(...help('validate', { COLUMNS: '120' }).stdout.split('\n').map((l) => l.length))).toBeGreaterThan(80);
  }, 120_000); // 36 processes: on a busy machine, more than the default 30 s

  it.skipIf(spawnSync('script', ['--version']).status !== 0)("wraps to the terminal's width (needs util-linux `script` for a terminal)", () => {
    const r = spawnSync('script', ['-qec', `stty cols 100; ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} validate --help`, '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, COLUMNS: '', NO_COLOR: '1' },
    });
    const lines = r.stdout.replace(/\r/g, '').split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeGreaterThan(80);
    expect(lines.filter((l) => l.length > 100 && !l.startsWith('  orgc '))).toEqual([]);
  });
});

describe('orgc in a pipe', () => {
  it('stops quietly when the reader stops early (`orgc rules | head -1`)', () => {
    for (const args of ['rules', '--help', 'schema']) {
      const r = spawnSync('bash', ['-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ${args} | head -n 1`], { encoding: 'utf8' });
      expect(r.stderr, args).toBe('');
      expect(r.stdout.split('\n'), args).toHaveLength(2);
    }
  });
});

describe('orgc rules wraps', () => {
  it('to 80 columns, or COLUMNS, with each description whole under its rule', () => {
    for (const [env, width] of [[{ COLUMNS: undefined }, 80], [{ COLUMNS: '60' }, 60], [{ COLUMNS: '50' }, 50]] as const) {
      for (const lang of ['en', 'zh-CN']) {
        const r = orgc(['rules', '--lang', lang], { env });
        const lines = r.stdout.split('\n');
        const cjk = (l: string) => [...l].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
        expect(lines.filter((l) => cjk(l) > width), `${lang} at ${width}`).toEqual([]);
      }
    }
    // The lines of a description, joined, are the description.
    const rules = JSON.parse(orgc(['rules', '-f', 'json']).stdout).rules as Array<{ id: string; description: string }>;
    const text = orgc(['rules'], { env: { COLUMNS: '60' } }).stdout;
    const long = rules.find((x) => x.description.length > 80)!;
    const at = text.split('\n').findIndex((l) => l.startsWith(`  ${long.id} `));
    const block = text.split('\n').slice(at, at + 6).join(' ').replace(/\s+/g, ' ');
    expect(block).toContain(long.description);
  });
});

describe('orgc completion', () => {
  const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;
  const script = (shell: string) => {
    const r = orgc(['completion', shell]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const file = path.join(tmp(), `orgc.${shell}`);
    writeFileSync(file, r.stdout);
    return file;
  };
  /** What bash completes for the words typed, the last one being completed, as bash-completion calls the function. */
  const bashComplete = (file: string, words: string[], cwd = ROOT) => {
    const quoted = words.map((w) => `'${w}'`).join(' ');
    const r = spawnSync('bash', ['-c', `source '${file}' && COMP_WORDS=(${quoted}) && COMP_CWORD=${words.length - 1} && { _orgc; printf '%s\\n' "\${COMPREPLY[@]}"; }`], { cwd, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').filter(Boolean);
  };

  it('refuses a shell it does not know, naming the ones it does', () => {
    const r = orgc(['completion', 'powershell']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bash, zsh, fish/);
  });

  it('bash: valid syntax; completes commands, options, their values, rule ids and file names', () => {
    const file = script('bash');
    expect(spawnSync('bash', ['-n', file], { encoding: 'utf8' })).toMatchObject({ status: 0, stderr: '' });
    expect(bashComplete(file, ['orgc', 'val'])).toEqual(['validate']);
    expect(bashComplete(file, ['orgc', 'co'])).toEqual(['compare', 'completion']);
    expect(bashComplete(file, ['orgc', 'validate', '--f'])).toEqual(['--format', '--fail-on']);
    expect(bashComplete(file, ['orgc', 'validate', '--format', ''])).toEqual(['stylish', 'json', 'sarif', 'junit', 'github']);
    expect(bashComplete(file, ['orgc', 'validate', '--format', '=', 'j'])).toEqual(['json', 'junit']);
    expect(bashComplete(file, ['orgc', 'render', '-f', 'p'])).toEqual(['png', 'pdf']);
    expect(bashComplete(file, ['orgc', 'rules', '--lang', 'zh'])).toEqual(['zh-CN', 'zh-TW']);
    expect(bashComplete(file, ['orgc', 'explain', 'span'])).toEqual(['span-of-control']);
    expect(bashComplete(file, ['orgc', 'completion', ''])).toEqual(['bash', 'zsh', 'fish']);
    expect(bashComplete(file, ['orgc', 'validate', 'examples/q'])).toEqual(['examples/quickstart']);
    // After an option's value, the next word is an argument again.
    expect(bashComplete(file, ['orgc', 'validate', '--format', 'json', 'examples/sales-org/pe']).sort()).toEqual(['examples/sales-org/people.yaml', 'examples/sales-org/performance.yaml']);
    expect(bashComplete(file, ['orgc', 'render', '--out', 'examples/sa'])).toEqual(['examples/sales-org']);
  });

  it('bash: offers every option each command has, as its help lists them', () => {
    const file = script('bash');
    const commands = commandsOf(orgc(['--help']).stdout);
    expect(bashComplete(file, ['orgc', '']).filter((w) => !w.startsWith('-'))).toEqual(commands);
    for (const command of commands.filter((c) => c !== 'help')) {
      const options = [...orgc([command, '--help']).stdout.split('\nOptions:\n')[1].split('\n\n')[0].matchAll(/^ {2}(-\w)?(?:, )?(--[\w-]+)?/gm)].flatMap((m) => [m[1], m[2]]).filter(Boolean);
      expect(bashComplete(file, ['orgc', command, '-']).sort(), command).toEqual(options.sort());
    }
  });

  it.skipIf(!has('zsh'))('zsh: valid syntax, and registers the completion when sourced after compinit (needs zsh)', () => {
    const file = script('zsh');
    expect(spawnSync('zsh', ['-n', file], { encoding: 'utf8' })).toMatchObject({ status: 0, stderr: '' });
    const home = tmp();
    const r = spawnSync('zsh', ['-fc', `autoload -Uz compinit && compinit -u -d ${home}/.zcompdump && source '${file}' && print -r -- $_comps[orgc]`], { encoding: 'utf8', env: { ...process.env, HOME: home } });
    expect(r).toMatchObject({ status: 0, stdout: '_orgc\n' });
  });

  it.skipIf(!has('fish'))('fish: valid syntax; completes commands, option values and rule ids (needs fish)', () => {
    const file = script('fish');
    expect(spawnSync('fish', ['-n', file], { encoding: 'utf8' })).toMatchObject({ status: 0, stderr: '' });
    const complete = (line: string) =>
      spawnSync('fish', ['--no-config', '-c', `source '${file}'; complete -C '${line}'`], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HOME: tmp() } }).stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0]);
    expect(complete('orgc val')).toEqual(['validate']);
    expect(complete('orgc validate --format ').sort()).toEqual(['github', 'json', 'junit', 'sarif', 'stylish']);
    expect(complete('orgc explain span')).toEqual(['span-of-control']);
    expect(complete('orgc validate examples/q')).toEqual(['examples/quickstart/']);
  });
});

describe('orgc render --check', () => {
  it("says how to bring the handbook up to date with the user's own paths and options, quoted for the shell", () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'my org'));
    writeFileSync(path.join(dir, 'my org', 'org.yaml'), quickstart);
    const args = ['render', 'my org/org.yaml', '--out', 'hand book', '--lang', 'zh-CN', '--people'];
    expect(orgc(args, { cwd: dir }).code).toBe(0);
    writeFileSync(path.join(dir, 'my org', 'org.yaml'), quickstart.replace('headcount: 5', 'headcount: 6'));
    const r = orgc([...args, '--check'], { cwd: dir });
    expect(r.code).toBe(1);
    const hint = /`(orgc render [^`]+)`/.exec(r.stderr)![1];
    expect(hint).toBe("orgc render 'my org/org.yaml' --format md --out 'hand book' --lang zh-CN --people");
    // Pasted into a shell, it brings the handbook up to date.
    const pasted = spawnSync('bash', ['-c', `orgc() { ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"; }; ${hint}`], { cwd: dir, encoding: 'utf8' });
    expect(pasted.status).toBe(0);
    expect(orgc([...args, '--check'], { cwd: dir }).code).toBe(0);
  });
});
