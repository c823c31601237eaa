// Docs that run: every shell command in README.md and docs/ is run as a reader would run it — in a
// copy of a small org repository made from the bundled examples — and must exit as the docs say;
// every output the docs show is what orgc prints. So are the examples of every command's --help.
//
// The docs mark what the test cannot infer with an HTML comment on the line before a code block:
//   <!-- orgc-docs: skip (why) -->        the block is not run, for the reason given
//   <!-- orgc-docs: exit 1 -->            each orgc command in the block exits 1
//   <!-- orgc-docs: exit 1 for TEXT (why) -->  the block's orgc commands that contain TEXT exit 1
//   <!-- orgc-docs: in order -->          the block's commands build on each other: one directory for all
//   <!-- orgc-docs: cd DIR (why) -->      the block runs in DIR of the repository
//   <!-- orgc-docs: shell zsh -->         the block is for zsh (or fish): run by it, skipped without it
// Without `in order`, each orgc command of a block runs in a fresh copy of the repository, after
// the block's earlier commands that are not orgc's (a `mkdir`, a `cp`): the lines of a block are
// alternatives, each with its comment. A `console` block shows commands after `$ ` and, under each,
// its output: compared with orgc's (stdout, then stderr). UPDATE_GOLDEN=1 writes the real output
// into the docs instead (review the diff).
import { execFile, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELP_EXAMPLES } from '../src/cli/help.js';
import { BIN, ROOT } from './helpers/cli.js';

interface Block {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** Line index (0-based) of the first and one past the last line of the body. */
  body: [number, number];
  lang: string;
  directives: Directives;
  lines: string[];
}

interface Directives {
  skip?: string;
  exit?: number;
  /** The exit code of the commands that contain a text, with the reason. */
  exitFor?: Array<{ code: number; text: string }>;
  inOrder?: boolean;
  cd?: string;
  shell?: 'zsh' | 'fish';
}

interface Command {
  /** As written, comments removed, continuation lines joined. */
  text: string;
  /** Why it is not run, when it is not. */
  skip?: string;
  orgc: boolean;
  /** The output shown under it in a console block, and where (0-based line indexes of the file). */
  output?: { text: string; at: [number, number] };
}

/** Commands the docs show that are not run here (not orgc's, or never ending), with the reason. */
const NOT_RUN: Array<[RegExp, string]> = [
  [/^(sudo\s+)?apt(-get)?\s/, 'installs system packages: CI installs chromium and fonts-noto-cjk itself'],
  [/^npm\s+(install|i|ci)\b/, 'installs from the registry: the test runs the orgc built in this checkout'],
  [/^npm\s+(test|run|pack)\b/, "the project's own scripts (tests, benchmarks): CI runs them, not this test"],
  [/^(npx\s+)?orgc\s+\w+\b.*\s(--watch|-w)(\s|$)/, 'runs until Ctrl-C: test/cli/watch.test.ts and test/cli/render-watch.test.ts start it, edit the org and stop it'],
];

const execFileAsync = promisify(execFile);

const DOCS = ['README.md', ...walk(`${ROOT}docs`).map((f) => path.relative(ROOT, f))].filter((f) => f.endsWith('.md')).sort();

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function parseDirectives(comment: string | undefined, where: string): Directives {
  const directives: Directives = {};
  const body = comment && /^<!--\s*orgc-docs:\s*(.*?)\s*-->$/.exec(comment.trim())?.[1];
  if (!body) return directives;
  for (const part of body.split(/;\s*(?![^()]*\))/)) {
    let m: RegExpExecArray | null;
    if ((m = /^skip \((.+)\)$/.exec(part))) directives.skip = m[1];
    else if ((m = /^exit (\d+)$/.exec(part))) directives.exit = Number(m[1]);
    else if ((m = /^exit (\d+) for (.+?) \((.+)\)$/.exec(part))) (directives.exitFor ??= []).push({ code: Number(m[1]), text: m[2] });
    else if (part === 'in order') directives.inOrder = true;
    else if ((m = /^cd (\S+) \((.+)\)$/.exec(part))) directives.cd = m[1];
    else if ((m = /^shell (zsh|fish)$/.exec(part))) directives.shell = m[1] as 'zsh' | 'fish';
    else throw new Error(`${where}: unknown orgc-docs directive '${part}'`);
  }
  return directives;
}

function blocksOf(file: string): Block[] {
  const lines = readFileSync(`${ROOT}${file}`, 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)/.exec(lines[i]);
    if (!open) continue;
    let end = i + 1;
    while (end < lines.length && !lines[end].startsWith('```')) end++;
    let before = i - 1;
    while (before >= 0 && lines[before].trim() === '') before--;
    const comment = before >= 0 && lines[before].startsWith('<!--') ? lines[before] : undefined;
    blocks.push({ file, line: i + 1, body: [i + 1, end], lang: open[1], directives: parseDirectives(comment, `${file}:${before + 1}`), lines: lines.slice(i + 1, end) });
    i = end;
  }
  return blocks;
}

const isOrgc = (command: string) => /(^|[|&;(]\s*|\s)(npx\s+(--no\s+--\s+)?)?orgc\s/.test(command);
const withoutComment = (line: string) => line.replace(/(^|\s+)#\s.*$/, '').trim();

function commandsOf(block: Block): Command[] {
  const commands: Command[] = [];
  const classify = (text: string): Command => {
    const orgc = isOrgc(text);
    // A line like `npm install && npx orgc validate examples/sales-org`: the orgc part runs.
    const parts = text.split(/\s+&&\s+/);
    const kept = parts.filter((p) => !NOT_RUN.some(([re]) => re.test(p)));
    const reason = NOT_RUN.find(([re]) => parts.some((p) => re.test(p)))?.[1];
    if (kept.length === 0) return { text, orgc, skip: reason };
    return { text: kept.join(' && '), orgc };
  };
  if (block.lang === 'console') {
    for (let i = 0; i < block.lines.length; i++) {
      if (!block.lines[i].startsWith('$ ')) continue;
      let end = i + 1;
      while (end < block.lines.length && !block.lines[end].startsWith('$ ')) end++;
      const command = classify(withoutComment(block.lines[i].slice(2)));
      const output = block.lines.slice(i + 1, end);
      command.output = { text: output.length ? `${output.join('\n')}\n` : '', at: [block.body[0] + i + 1, block.body[0] + end] };
      commands.push(command);
      i = end - 1;
    }
    return commands;
  }
  const joined = block.lines.join('\n').replace(/\\\n\s*/g, '');
  for (const line of joined.split('\n')) {
    const text = withoutComment(line);
    if (text) commands.push(classify(text));
  }
  return commands;
}

const ALL_BLOCKS = DOCS.flatMap(blocksOf);
const SHELL_BLOCKS = ALL_BLOCKS.filter((b) => ['sh', 'bash', 'shell', 'console'].includes(b.lang));

// ---- the repository the commands run in ----------------------------------------------------

let base: string;
let shims: string;
let cache: string;
const scratch: string[] = [];

function temp(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'HR', GIT_AUTHOR_EMAIL: 'hr@example.com', GIT_COMMITTER_NAME: 'HR', GIT_COMMITTER_EMAIL: 'hr@example.com' } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
}

beforeAll(async () => {
  // `orgc` and `npx orgc` run this checkout's build, as `npm install` in a clone would.
  shims = temp('orgc-docs-bin-');
  writeFileSync(path.join(shims, 'orgc'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`, { mode: 0o755 });
  writeFileSync(
    path.join(shims, 'npx'),
    '#!/bin/sh\n# Only `npx orgc …` and `npx --no -- orgc …`: anything else would reach the registry.\n[ "$1" = --no ] && [ "$2" = -- ] && shift 2\n[ "$1" = orgc ] || { echo "npx $*: not run by the docs test" >&2; exit 127; }\nshift\nexec orgc "$@"\n',
    { mode: 0o755 },
  );
  cache = temp('orgc-docs-cache-');

  // An org repository as the docs assume one: org/ (the enterprise example, several files),
  // org.yaml (the quickstart), its committed handbook, old/ and new/ for diff, the bundled
  // examples, orgc in node_modules; in git, on main, with one commit after the first.
  base = temp('orgc-docs-repo-');
  cpSync(`${ROOT}examples`, path.join(base, 'examples'), { recursive: true });
  cpSync(`${ROOT}examples/sales-org`, path.join(base, 'org'), { recursive: true });
  cpSync(`${ROOT}examples/sales-org`, path.join(base, 'old'), { recursive: true });
  cpSync(`${ROOT}examples/sales-org`, path.join(base, 'new'), { recursive: true });
  const quickstart = readFileSync(`${ROOT}examples/quickstart/org.yaml`, 'utf8');
  writeFileSync(path.join(base, 'org.yaml'), quickstart);
  const roles = path.join(base, 'new', 'roles');
  const changed = readdirSync(roles).find((f) => /headcount: \d+/.test(readFileSync(path.join(roles, f), 'utf8')))!;
  writeFileSync(path.join(roles, changed), readFileSync(path.join(roles, changed), 'utf8').replace(/headcount: (\d+)/, (_, n) => `headcount: ${Number(n) + 1}`));
  mkdirSync(path.join(base, 'node_modules'));
  symlinkSync(ROOT, path.join(base, 'node_modules', 'orgc'));
  writeFileSync(path.join(base, '.gitignore'), 'node_modules/\n');
  expect((await run('orgc render org/ --format md', base)).code).toBe(0);
  git(base, 'init', '-q', '-b', 'main');
  git(base, 'add', '-A');
  git(base, 'commit', '-qm', 'The org');
  writeFileSync(path.join(base, 'org.yaml'), quickstart.replace('headcount: 5', 'headcount: 6'));
  git(base, 'commit', '-qam', 'One more sales rep');
}, 60_000);

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  if (process.env.UPDATE_GOLDEN) writeUpdates();
});

/** A copy of the repository for one command (`cp -a`: several times faster than fs.cpSync). */
async function fresh(): Promise<string> {
  const dir = temp('orgc-docs-run-');
  await execFileAsync('cp', ['-a', `${base}/.`, dir]);
  return dir;
}

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command line in a shell, as a reader at a terminal would, with orgc on PATH. */
function run(command: string, cwd: string, shell = 'bash'): Promise<Ran> {
  const home = path.join(cwd, '.home');
  mkdirSync(home, { recursive: true });
  const prelude = shell === 'zsh' ? `autoload -Uz compinit && compinit -u -d ${home}/.zcompdump\n` : '';
  const args = shell === 'fish' ? ['--no-config', '-c', command] : shell === 'zsh' ? ['-fc', prelude + command] : ['-c', command];
  // A reader's terminal, less its colours and width: no colour codes and 80 columns in outputs.
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${shims}${path.delimiter}${process.env.PATH}`, HOME: home, XDG_CACHE_HOME: cache, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  delete env.COLUMNS;
  // Asynchronous, so that the blocks run side by side: the whole test stays within a minute.
  return new Promise((resolve, reject) => {
    const child = spawn(shell, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 110_000 });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

// ---- UPDATE_GOLDEN=1: the docs' sample outputs rewritten from the real ones -------------------

const updates = new Map<string, Array<{ at: [number, number]; text: string }>>();

function writeUpdates(): void {
  for (const [file, list] of updates) {
    const lines = readFileSync(`${ROOT}${file}`, 'utf8').split('\n');
    for (const u of [...list].sort((a, b) => b.at[0] - a.at[0])) lines.splice(u.at[0], u.at[1] - u.at[0], ...u.text.replace(/\n$/, '').split('\n'));
    writeFileSync(`${ROOT}${file}`, lines.join('\n'));
  }
}

// ---- the tests ------------------------------------------------------------------------------

describe.concurrent('the docs', () => {
  it('have shell blocks to run, and every fenced block says what it holds', () => {
    expect(SHELL_BLOCKS.length).toBeGreaterThan(10);
    expect(SHELL_BLOCKS.flatMap(commandsOf).filter((c) => c.orgc && !c.skip).length).toBeGreaterThan(30);
    // An unlabelled block would be a sample nobody checks: output is a `console` block with its command.
    expect(ALL_BLOCKS.filter((b) => b.lang === '').map((b) => `${b.file}:${b.line}`)).toEqual([]);
    for (const b of ALL_BLOCKS.filter((b) => b.lang === 'console')) expect(b.lines[0], `${b.file}:${b.line}`).toMatch(/^\$ /);
  });

  it('cite only files that exist', () => {
    for (const file of DOCS) {
      const text = readFileSync(`${ROOT}${file}`, 'utf8');
      for (const [, cited] of text.matchAll(/`(examples\/[^`\s:]+)`/g)) expect(existsIn(cited), `${file} cites ${cited}`).toBe(true);
      for (const [, cited] of text.matchAll(/^(examples\/[^\s:]+):\d+:\d+:/gm)) expect(existsIn(cited), `${file} shows ${cited}`).toBe(true);
      // Links to the repository's own files.
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^([a-z]+:|#)/.test(target)) continue;
        const cited = path.relative(ROOT, path.resolve(ROOT, path.dirname(file), target.split('#')[0]));
        expect(existsIn(cited), `${file} links to ${target}`).toBe(true);
      }
    }
  });

  for (const block of SHELL_BLOCKS) {
    const where = `${block.file}:${block.line}`;
    const commands = commandsOf(block);
    if (block.directives.skip) {
      it.skip(`${where}: ${block.directives.skip}`, () => {});
      continue;
    }
    const shell = block.directives.shell ?? 'bash';
    if (!installed(shell)) {
      it.skip(`${where}: needs ${shell}, which is not installed (CI installs zsh and fish)`, () => {});
      continue;
    }
    it(`${where}: ${commands.map((c) => c.text).join(' · ')}`, { timeout: 120_000 }, async ({ expect }) => {
      let shared: string | undefined;
      const setup: string[] = [];
      for (const command of commands) {
        if (command.skip) continue;
        if (!command.orgc) {
          if (block.directives.inOrder) {
            shared ??= await fresh();
            expect(await run(command.text, path.join(shared, block.directives.cd ?? ''), shell), `${where}: ${command.text}`).toMatchObject({ code: 0 });
          } else setup.push(command.text);
          continue;
        }
        const repo = block.directives.inOrder ? (shared ??= await fresh()) : await fresh();
        const cwd = path.join(repo, block.directives.cd ?? '');
        if (!block.directives.inOrder) for (const s of setup) expect(await run(s, cwd, shell), `${where}: ${s}`).toMatchObject({ code: 0 });
        const r = await run(command.text, cwd, shell);
        const expected = block.directives.exitFor?.find((e) => command.text.includes(e.text))?.code ?? block.directives.exit ?? 0;
        expect(r.code, `${where}: ${command.text}\n${r.stderr}`).toBe(expected);
        if (expected === 0) expect(r.stderr, `${where}: ${command.text}`).not.toMatch(/internal error|\n\s+at /);
        if (command.output) {
          const shown = r.stdout + r.stderr;
          if (process.env.UPDATE_GOLDEN) {
            const list = updates.get(block.file) ?? [];
            list.push({ at: command.output.at, text: shown });
            updates.set(block.file, list);
          } else expect(shown, `${where}: the output of ${command.text} (UPDATE_GOLDEN=1 rewrites it)`).toBe(command.output.text);
        }
      }
    });
  }
});

function installed(shell: string): boolean {
  return spawnSync(shell, ['-c', 'exit 0']).status === 0;
}

function existsIn(cited: string): boolean {
  try {
    readFileSync(`${ROOT}${cited}`);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EISDIR';
  }
}

describe.concurrent('the examples of --help', () => {
  for (const [command, examples] of Object.entries(HELP_EXAMPLES)) {
    const shells = new Set(examples.map((e) => e.shell).filter(Boolean) as string[]);
    const missing = [...shells].filter((s) => !installed(s));
    it(`orgc ${command || ''} --help: every example runs from a clone of orgc${missing.length ? ` (the ${missing.join(', ')} ones skipped: not installed)` : ''}`, { timeout: 120_000 }, async ({ expect }) => {
      const repo = await fresh();
      for (const e of examples) {
        if (e.shell && missing.includes(e.shell)) continue;
        const r = await run(e.command, repo, e.shell ?? 'bash');
        expect(r.code, `${e.command}\n${r.stderr}`).toBe(e.exit ?? 0);
        expect(r.stderr, e.command).not.toMatch(/internal error|\n\s+at /);
      }
    });
  }
});
