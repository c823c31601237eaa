// Every line a failing command prints is in the reader's language: commander's own errors, input
// and git errors, config errors, internal errors, import's report. Each command runs with
// `--lang zh-CN` and `--lang zh-TW` (or the locale, for a command without --lang); no line may hold
// an English phrase outside what comes from the user (paths, ids, option names, values, names in
// their files), and zh-TW has no Simplified-only character. The same commands in English must show
// English phrases: the check itself can fail. The commands run in-process (the program with its
// streams captured), so that some fifty runs take seconds; the last test runs the built binary.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run as runProgram } from '../../src/cli/program.js';
import type { Io } from '../../src/cli/output.js';
import { orgc, ROOT } from '../helpers/cli.js';

const { Converter } = createRequire(import.meta.url)('opencc-js/cn2t') as { Converter: (o: { from: string; to: string }) => (s: string) => string };
const toTaiwan = Converter({ from: 'cn', to: 'tw' });

/** Characters OpenCC turns into another one that are Traditional too in some words (后 in 皇后, 台 in 台灣, 于 a surname, 杰 in names, 只, 里, 面, 干, 系, 准, 制, 范, 划, 采, 占, 余, 么, 冲, 志). */
const ALSO_TRADITIONAL = new Set('后台于只里面干系准制范划采占余么冲志杰');

/** Characters of a zh-TW line that Traditional Chinese writes otherwise (组 → 組). */
function simplifiedOnly(text: string): string[] {
  return [...new Set([...text].filter((c) => /\p{Script=Han}/u.test(c) && !ALSO_TRADITIONAL.has(c) && toTaiwan(c) !== c))];
}

/**
 * Lines with two or more English words in a row once the user's own things are taken out: code
 * and quoted values, paths, ids, options (anything with / . - _ : < > or a digit), and the
 * case's data (names from the user's files).
 */
function englishLines(text: string, data: readonly string[] = []): string[] {
  return text.split('\n').filter((line) => {
    let bare = line;
    for (const d of data) bare = bare.split(d).join(' ');
    bare = bare
      .replace(/`[^`]*`/g, ' ')
      .replace(/“[^”]*”|"[^"]*"|'[^']*'/g, ' ')
      .replace(/\S*[/\\._\-:<>=@~\d]\S*/g, ' ')
      // Commands to type are code: `npx orgc render …`, `npm install`.
      .replace(/\b(?:npx |npm )?(?:orgc|npm)(?: [a-z]+)?\b/g, ' ');
    return /\b[A-Za-z]{2,}\s+[A-Za-z]{2,}\b/.test(bare);
  });
}

interface Case {
  name: string;
  args: string[];
  code: number;
  /** Where `--lang` goes: appended unless the command has none (then the locale says it). */
  noLangOption?: boolean;
  /** Text from the user's own files that may be English. */
  data?: string[];
}

let work: string;
let cases: Case[];

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'orgc-cli-lang-'));
  const f = (name: string, text: string) => {
    writeFileSync(path.join(work, name), text);
    return path.join(work, name);
  };
  const people = f('people.csv', 'name,title,manager id,id\nLuo Yan,Sales Rep,E0999,E2\nLi Na,Sales Director,,E1\n');
  const config = f('bad.config.yaml', 'rules: { nope: warn }\n');
  const levels = f('levels.yaml', 'a: [\n');
  const badLevels = f('bad-levels.yaml', 'Sales Rep: boss\n');
  const empty = path.join(work, 'empty');
  mkdirSync(empty);
  cases = [
    { name: 'an unknown option', args: ['validate', 'examples/quickstart', '--bogus'], code: 2 },
    { name: 'a misspelled option', args: ['validate', 'examples/quickstart', '--formt', 'json'], code: 2 },
    { name: 'a value not among the choices', args: ['validate', 'examples/quickstart', '--format', 'xml'], code: 2 },
    { name: 'an option without its value', args: ['render', 'examples/quickstart', '--out'], code: 2 },
    { name: 'an unknown command', args: ['frobnicate'], code: 2 },
    { name: 'a misspelled command', args: ['valdate'], code: 2 },
    { name: 'a missing argument', args: ['diff'], code: 2 },
    { name: 'too many arguments', args: ['explain', 'span-of-control', 'layers'], code: 2 },
    { name: 'an argument not among the choices', args: ['completion', 'tcsh'], code: 2, noLangOption: true },
    { name: 'an unknown rule', args: ['explain', 'span-of-contro'], code: 2 },
    { name: 'a missing file', args: ['validate', 'nothere.yaml'], code: 2 },
    { name: 'a directory without YAML', args: ['validate', empty], code: 2 },
    { name: 'a bad config', args: ['validate', '-c', config, 'examples/quickstart'], code: 2 },
    { name: 'a git revision that is not there', args: ['diff', 'HEAD~99999:examples/quickstart', 'examples/quickstart'], code: 2 },
    { name: 'a missing side of a diff', args: ['diff', 'nothere/', 'examples/quickstart'], code: 2 },
    { name: 'a bad --max-warnings', args: ['validate', 'examples/quickstart', '--max-warnings', 'x'], code: 2 },
    { name: 'a bad --only', args: ['render', 'examples/quickstart', '--only', 'foo', '--out', path.join(work, 'out')], code: 2 },
    { name: '--watch on stdin', args: ['validate', '-', '--watch'], code: 2 },
    { name: 'a render of an org with errors', args: ['render', 'examples/broken/org.yaml', '--out', path.join(work, 'out')], code: 1 },
    { name: 'pdf through graphviz', args: ['render', 'examples/quickstart', '-f', 'pdf', '--engine', 'graphviz', '--out', path.join(work, 'out')], code: 2 },
    { name: 'an import with a missing manager', args: ['import', people, '--out', path.join(work, 'draft.yaml'), '--force'], code: 0, data: ['Luo Yan', 'Sales Director', 'Sales Rep', 'manager id'] },
    { name: 'an import of a missing file', args: ['import', path.join(work, 'nothere.csv')], code: 2 },
    { name: 'a levels file that is not YAML', args: ['import', people, '--levels', levels, '--out', '-'], code: 2 },
    { name: 'a levels file with an unknown level', args: ['import', people, '--levels', badLevels, '--out', '-'], code: 2, data: ['Sales Rep'] },
    { name: 'init over existing files', args: ['init', path.join(work, 'init'), '--lang', 'zh-CN'], code: 0 },
    { name: 'init with a bad --orgc', args: ['init', path.join(work, 'init2'), '--orgc', 'a b'], code: 2 },
  ];
});

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** The program in this process, as bin/orgc runs it, with no locale unless one is given. */
async function cli(args: string[], env: Record<string, string> = {}): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: { NO_COLOR: '1', ...env },
    cwd: ROOT,
    readStdin: async () => new Uint8Array(),
  };
  const code = await runProgram(args, io);
  return { code, stdout, stderr };
}

const LOCALE = { en: 'en_US.UTF-8', 'zh-CN': 'zh_CN.UTF-8', 'zh-TW': 'zh_TW.UTF-8' } as const;

function run(c: Case, lang: keyof typeof LOCALE): Promise<Result> {
  if (c.noLangOption) return cli(c.args, { LANG: LOCALE[lang] });
  // init's --lang is the org's language (en or zh-CN): a zh-TW reader's comes from the locale.
  if (c.args[0] === 'init' && lang === 'zh-TW') return cli(c.args.filter((a, i, all) => a !== '--lang' && all[i - 1] !== '--lang'), { LANG: LOCALE[lang] });
  return cli(c.args.includes('--lang') ? c.args : [...c.args, '--lang', lang]);
}

describe('every line of a failing command in the reader\'s language', () => {
  for (const lang of ['zh-CN', 'zh-TW'] as const) {
    it(`${lang}: no English sentence${lang === 'zh-TW' ? ', no Simplified character' : ''}`, async () => {
      const problems: string[] = [];
      for (const c of cases) {
        const r = await run(c, lang);
        const out = `${r.stdout}${r.stderr}`;
        if (c.args[0] !== 'init' && r.code !== c.code) problems.push(`${c.name}: exit ${r.code}, not ${c.code}\n${out}`);
        if (out.trim() === '') problems.push(`${c.name}: said nothing`);
        for (const line of englishLines(out, c.data)) problems.push(`${c.name}: English: ${line}`);
        if (lang === 'zh-TW') {
          const simplified = simplifiedOnly(out);
          if (simplified.length) problems.push(`${c.name}: Simplified ${simplified.join('')}: ${out}`);
        }
        if (lang === 'zh-CN' && !/\p{Script=Han}/u.test(out)) problems.push(`${c.name}: no Chinese at all: ${out}`);
      }
      expect(problems).toEqual([]);
    });
  }

  it('en: the same commands speak English, which the check above finds', async () => {
    const silent: string[] = [];
    for (const c of cases.filter((c) => c.code !== 0)) {
      const r = await run(c, 'en');
      if (englishLines(`${r.stdout}${r.stderr}`, c.data).length === 0) silent.push(`${c.name}: ${r.stderr}`);
      if (/\p{Script=Han}/u.test(r.stderr)) silent.push(`${c.name}: Chinese in English: ${r.stderr}`);
    }
    expect(silent).toEqual([]);
  });

  it('says an internal error in the reader\'s language too', async () => {
    let stderr = '';
    const io: Io = {
      stdout: () => {
        throw new Error('disk on fire');
      },
      stderr: (t) => void (stderr += t),
      stdoutIsTTY: false,
      stderrIsTTY: false,
      env: { NO_COLOR: '1', LANG: 'zh_TW.UTF-8' },
      cwd: ROOT,
    };
    expect(await runProgram(['rules'], io)).toBe(2);
    expect(stderr).toBe('orgc: 內部錯誤：disk on fire（加 --debug 執行可檢視詳情）\n');
  });

  it('keeps exit code 2 and one error line plus the usage hint for commander\'s errors (the built binary)', () => {
    const r = orgc(['validate', '--bogus', '--lang', 'zh-CN']);
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: 'orgc: 没有 “--bogus” 这个选项\n（运行 `orgc validate --help` 查看用法）\n' });
    expect(orgc(['validate', '--formt', 'json']).stderr).toBe("orgc: unknown option '--formt'; did you mean --format?\n(run `orgc validate --help` for usage)\n");
    expect(orgc(['render', '-f', 'xml', '--lang', 'zh-TW']).stderr.split('\n')[0]).toBe('orgc: --format 的取值為 md, html, csv, xlsx, json, mermaid, svg, png, pdf, jobposting, docx；不能是 “xml”');
  });
});
