// `npm run bench [-- --sizes example,1k,10k,10k-findings,1k-renamed,10k-renamed,10k-lsp,100k,100k-renamed,1k-import,10k-import,100k-import --runs N --json FILE]`: time orgc as a user runs it
// — whole processes, start to exit — against baselines measured in the same run: `node -e 0`, and a
// bare js-yaml parse of the same file. Prints medians, ratios and peak memory, and whether each
// target of docs/benchmarks.md is met. Not a test: nothing here fails a build.
//
// Runs of the commands being compared are interleaved (a, b, a, b, …) so that a machine slowing
// down part-way affects both sides of a ratio alike. Synthetic orgs are generated once into
// .bench/ and reused.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { renameShare } from '../fuzz/diff-properties.js';
import { LSP_EDITS, lspOrg, timeLspEdits, type LspEdit } from './lsp.js';
import { DISTRIBUTIONS, peopleExport } from './people-export.js';
import { retitleOneRole } from './one-role-change.js';
import { syntheticOrg } from './synthetic-org.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATA = path.join(ROOT, '.bench');
const ORGC = path.join(ROOT, 'bin', 'orgc');
const JS_YAML = path.join(ROOT, 'scripts', 'bench', 'js-yaml-parse.cjs');
const CSV_PARSE = path.join(ROOT, 'scripts', 'bench', 'csv-parse.cjs');
const TIME = ['/usr/bin/time', '/bin/time'].find((p) => existsSync(p));

const USAGE = 'usage: npm run bench [-- --sizes example,1k,10k,10k-findings,1k-renamed,10k-renamed,10k-lsp,100k,100k-renamed,1k-import,10k-import,100k-import] [--runs N] [--json FILE]';
/** Bad arguments: one line and the usage, exit 2, before anything is generated or timed. */
function usage(problem: string): never {
  process.stderr.write(`bench: ${problem}\n${USAGE}\n`);
  process.exit(2);
}
let values;
try {
  ({ values } = parseArgs({
    options: {
      sizes: { type: 'string', default: 'example,1k,10k,10k-findings,1k-renamed,10k-renamed,10k-lsp,100k,100k-renamed,1k-import,10k-import,100k-import' },
      runs: { type: 'string' },
      json: { type: 'string' },
    },
  }));
} catch (e) {
  usage((e as Error).message);
}
const sizes = values.sizes!.split(',').map((s) => s.trim());
// `example`, or a number of roles (`1500`, `10k`, at least 100) with `-findings`, `-renamed` or `-lsp` for the variant;
// `-import` times `orgc import` of a people export of that many people instead.
for (const size of sizes) {
  const m = /^(\d+)(k?)(-findings|-renamed|-lsp|-import)?$/.exec(size);
  if (size !== 'example' && !(m && Number(m[1]) * (m[2] ? 1000 : 1) >= 100)) usage(`unknown size \`${size}\`: use example, or a number of roles such as 1k, 10k-findings, 10k-renamed, 10k-lsp or 10k-import (at least 100)`);
}
if (values.runs !== undefined && !(Number.isInteger(Number(values.runs)) && Number(values.runs) > 0)) usage(`--runs takes a positive whole number, not \`${values.runs}\``);

interface Sample {
  ms: number;
  /** Peak resident memory in MB, where /usr/bin/time can tell. */
  mb?: number;
  code: number | null;
}

/** One run of a command: wall time from spawn to exit, and peak memory. */
function runOnce(cmd: string[], cwd = ROOT): Sample {
  const argv = TIME ? [TIME, '-f', '%M', ...cmd] : cmd;
  const start = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { cwd, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const kb = TIME ? Number(/(\d+)\s*$/.exec(r.stderr ?? '')?.[1]) : NaN;
  return { ms, mb: Number.isFinite(kb) ? kb / 1024 : undefined, code: r.status };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

type Command = string[] | ((run: number) => string[]);

/** Time several commands, their runs interleaved; a warm-up run of each first (file cache, disk). */
function compare(cmds: Record<string, Command>, runs: number, cwd?: string): Record<string, { ms: number; mb?: number; code: number | null }> {
  const samples: Record<string, Sample[]> = Object.fromEntries(Object.keys(cmds).map((k) => [k, []]));
  const argv = (cmd: Command, i: number) => (typeof cmd === 'function' ? cmd(i) : cmd);
  for (const cmd of Object.values(cmds)) runOnce(argv(cmd, -1), cwd);
  for (let i = 0; i < runs; i++) for (const [k, cmd] of Object.entries(cmds)) samples[k].push(runOnce(argv(cmd, i), cwd));
  return Object.fromEntries(
    Object.entries(samples).map(([k, s]) => [k, { ms: median(s.map((x) => x.ms)), mb: s[0].mb === undefined ? undefined : Math.max(...s.map((x) => x.mb!)), code: s[0].code }]),
  );
}

// `10k-findings`: the 10k org with this many copies of every known defect (defects.ts).
const DEFECT_COPIES = 5;

/** The synthetic org of a size (`1k`, `10k-findings`), generated on first use; its findings expected. */
function org(size: string): { file: string; findings: number } {
  const [count, variant] = size.split('-');
  const roles = Number(count.replace(/k$/, '')) * (count.endsWith('k') ? 1000 : 1);
  const dir = path.join(DATA, size);
  const file = path.join(dir, 'org.yaml');
  const expectedFile = path.join(dir, 'expected-findings.json');
  if (!existsSync(file)) {
    process.stderr.write(`generating a ${size}-role org in ${path.relative(ROOT, dir)} …\n`);
    mkdirSync(dir, { recursive: true });
    const generated = syntheticOrg(roles, { defects: variant === 'findings' ? DEFECT_COPIES : 0 });
    writeFileSync(file, generated.files.values().next().value!);
    if (generated.config) writeFileSync(path.join(dir, 'orgc.config.yaml'), generated.config);
    writeFileSync(expectedFile, JSON.stringify(generated.expected ?? {}));
  }
  const expected = existsSync(expectedFile) ? (JSON.parse(readFileSync(expectedFile, 'utf8')) as Record<string, number>) : {};
  return { file, findings: Object.values(expected).reduce((a, b) => a + b, 0) };
}

interface Row {
  what: string;
  orgc: number;
  baseline?: { name: string; ms: number };
  ratio?: number;
  target: string;
  met: boolean;
  mb?: number;
}
const rows: Row[] = [];
/** The formats whose render issue 19 times at every size: the documents, and the charts' sources. */
const RENDER_FORMATS = ['md', 'html', 'csv', 'xlsx', 'json', 'mermaid', 'svg'] as const;
/** What else a format's render is given: SVG charts are drawn with Graphviz (in-process, no browser). */
const RENDER_ARGS: Partial<Record<(typeof RENDER_FORMATS)[number], string[]>> = { svg: ['--engine', 'graphviz'] };
const formatName = (format: string) => (format === 'svg' ? 'svg --engine graphviz' : format);
/** Full renders by `format size`, for the growth rows; and `--check` of an up-to-date handbook. */
const renderMs: Record<string, number> = {};
const checkMs: Record<string, number> = {};
/** `orgc diff` of 10 % renamed, by size, for the growth rows. */
const diffMs: Record<string, number> = {};
/** Formats that write a page per role: those a one-role change re-renders in part. */
const MANY_PAGES = new Set<string>(['md', 'html']);
// The build VM's speed drifts by a fifth from minute to minute: enough runs for a steady median.
const runsFor = (size: string) => Number(values.runs ?? (size === '100k' ? 5 : size.startsWith('10k') ? 11 : 21));
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const say = (row: Row) => {
  rows.push(row);
  const base = row.baseline ? `  vs ${row.baseline.name} ${fmt(row.baseline.ms)}  = ${row.ratio!.toFixed(2)}×` : '';
  const mem = row.mb === undefined ? '' : `  peak ${row.mb.toFixed(0)} MB`;
  process.stdout.write(`${row.met ? '✔' : '✘'} ${row.what}: ${fmt(row.orgc)}${base}${mem}  (target ${row.target})\n`);
};
/** A command that did not exit as expected makes its timing meaningless: say which, and stop. */
const check = (r: { code: number | null }, what: string, expected = 0) => {
  if (r.code === expected) return;
  process.stderr.write(`bench: orgc ${what} exited with ${r.code}, not ${expected}: run it by hand to see why\n`);
  process.exit(1);
};

process.stdout.write(`${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}\n`);

const byRoles: Record<string, number> = {};
/** `orgc import` times by size and distribution of titles (`10k` → `long-tail` → ms), for the growth rows. */
const importByPeople: Record<string, Record<string, number>> = {};
for (const size of sizes) {
  const runs = runsFor(size);
  if (size === 'example') {
    const r = compare({ node: ['node', '-e', '0'], version: [ORGC, '--version'], validate: [ORGC, 'validate', 'examples/sales-org'] }, runs);
    check(r.validate, 'validate examples/sales-org');
    say({ what: 'orgc --version', orgc: r.version.ms, baseline: { name: 'node -e 0', ms: r.node.ms }, ratio: r.version.ms / r.node.ms, target: '≤ 1.3×', met: r.version.ms / r.node.ms <= 1.3 });
    say({ what: 'orgc validate examples/sales-org', orgc: r.validate.ms, baseline: { name: 'node -e 0', ms: r.node.ms }, ratio: r.validate.ms / r.node.ms, target: '≤ 2×', met: r.validate.ms / r.node.ms <= 2, mb: r.validate.mb });
    continue;
  }
  if (size.endsWith('-renamed')) {
    diffCase(size, runs);
    continue;
  }
  if (size.endsWith('-lsp')) {
    await lspCase(size, runs);
    continue;
  }
  if (size.endsWith('-import')) {
    importCase(size, runs);
    continue;
  }
  const { file, findings } = org(size);
  const r = compare({ jsyaml: ['node', JS_YAML, file], validate: [ORGC, 'validate', file] }, runs);
  if (findings) {
    // Informative: what reporting costs — exact positions and a code frame for each finding.
    check(r.validate, `validate ${size}`, 1);
    const ratio = r.validate.ms / r.jsyaml.ms;
    say({ what: `orgc validate, ${size.split('-')[0]} roles with ${findings} findings`, orgc: r.validate.ms, baseline: { name: 'js-yaml parse', ms: r.jsyaml.ms }, ratio, target: 'no target: the cost of reporting', met: true, mb: r.validate.mb });
    continue;
  }
  check(r.validate, `validate ${size}`);
  byRoles[size] = r.validate.ms;
  const ratio = r.validate.ms / r.jsyaml.ms;
  // Issue 19: ≤ 1.2× (it was ≤ 1.5×).
  const limit = size === '1k' ? undefined : 1.2;
  const memOk = size !== '100k' || (r.validate.mb ?? 0) <= 1024;
  say({
    what: `orgc validate, ${size} roles`,
    orgc: r.validate.ms,
    baseline: { name: 'js-yaml parse', ms: r.jsyaml.ms },
    ratio,
    target: limit ? `≤ ${limit}×${size === '100k' ? ', ≤ 1 GB' : ''}` : 'for growth',
    met: (limit === undefined || ratio <= limit) && memOk,
    mb: r.validate.mb,
  });
  await renderCase(size, file, r.jsyaml.ms, runs);
  if (size === '1k') {
    // Into memory where the machine has a tmpfs: the figure is orgc's cost, not the disk's. (On the
    // build VM, creating 1,100 small files on its ext4 disk alone takes 0.6–0.9 s.)
    const out = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : path.join(ROOT, '.bench'), 'orgc-render-'));
    try {
      // Into a new directory each time: every page written, none skipped as unchanged.
      const render = compare({ render: (i) => [ORGC, 'render', file, '--format', 'md', '--out', path.join(out, String(i))] }, runs);
      check(render.render, 'render 1k');
      say({ what: `orgc render --format md, 1k roles${out.startsWith('/dev/shm') ? ' (into tmpfs)' : ''}`, orgc: render.render.ms, target: '≤ 1 s', met: render.render.ms <= 1000, mb: render.render.mb });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
}

/**
 * Issue 19, for each format: a full render (into a new directory each run) against the js-yaml parse
 * of the same file — at 100k roles ≤ 4× and ≤ 1.5 GB; `--check` of the up-to-date handbook ≤ 0.5 × a
 * full render; and for the formats of many pages, re-rendering after a one-role change (a copy of the
 * org with one role's title changed, one-role-change.ts) ≤ 0.3 × a full render. Each full render and
 * the re-render that follows it are interleaved. Fewer runs: each takes a while.
 */
async function renderCase(size: string, file: string, jsyamlMs: number, runs: number): Promise<void> {
  const renderRuns = Math.min(runs, 3);
  // Issue 19's ratios are for large orgs (10k roles and up): on a small one, starting Node and
  // validating are most of every run.
  const large = Number(size.replace(/k$/, '')) * (size.endsWith('k') ? 1000 : 1) >= 10_000;
  const changed = changedOrg(size, file);
  const out = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : path.join(ROOT, '.bench'), 'orgc-render-'));
  try {
    for (const format of RENDER_FORMATS) {
      const dir = (i: number) => path.join(out, `${format}-${i}`);
      const render = (org: string, i: number) => [ORGC, 'render', org, '--format', format, ...(RENDER_ARGS[format] ?? []), '--out', dir(i)];
      const incremental = MANY_PAGES.has(format) && size !== '1k';
      const full: Sample[] = [];
      const again: Sample[] = [];
      runOnce(render(file, -1));
      for (let i = 0; i < renderRuns; i++) {
        full.push(runOnce(render(file, i)));
        check(full[i], `render ${size} --format ${format}`);
        if (incremental) {
          again.push(runOnce(render(changed, i)));
          check(again[i], `render ${size} --format ${format} of the changed org`);
          // Back to the org the --check below expects the handbook to be of.
          check(runOnce(render(file, i)), `render ${size} --format ${format}`);
        }
      }
      const ms = median(full.map((x) => x.ms));
      const mb = Math.max(...full.map((x) => x.mb ?? 0)) || undefined;
      renderMs[`${format} ${size}`] = ms;
      const ratio = ms / jsyamlMs;
      const big = size === '100k';
      // Issue 19's ≤ 4× is for the document formats; SVG charts (a Graphviz layout each) are held to
      // the memory cap and to linear growth.
      const document = format !== 'svg';
      const met = !big || ((!document || ratio <= 4) && (mb ?? 0) <= 1536);
      say({ what: `orgc render --format ${formatName(format)}, ${size} roles`, orgc: ms, baseline: { name: 'js-yaml parse', ms: jsyamlMs }, ratio, target: big ? (document ? '≤ 4×, ≤ 1.5 GB' : '≤ 1.5 GB') : 'for growth', met, mb });
      const target = (limit: number) => (large ? `≤ ${limit}×` : 'no target below 10k roles');
      if (incremental) {
        const re = median(again.map((x) => x.ms));
        say({ what: `orgc render --format ${formatName(format)}, ${size} roles, again after a one-role change`, orgc: re, baseline: { name: 'full render', ms }, ratio: re / ms, target: target(0.3), met: !large || re / ms <= 0.3, mb: Math.max(...again.map((x) => x.mb ?? 0)) || undefined });
        const watched = await watchCase(file, changed, format, renderRuns * 2);
        say({ what: `orgc render --watch --format ${formatName(format)}, ${size} roles, again after a one-role change`, orgc: watched.ms, baseline: { name: 'full render', ms }, ratio: watched.ms / ms, target: target(0.3), met: !large || watched.ms / ms <= 0.3, mb: watched.mb });
      }
      const up = compare({ check: [...render(file, 0), '--check'] }, renderRuns);
      check(up.check, `render ${size} --format ${format} --check`);
      checkMs[`${format} ${size}`] = up.check.ms;
      say({ what: `orgc render --check, up to date, ${formatName(format)}, ${size} roles`, orgc: up.check.ms, baseline: { name: 'full render', ms }, ratio: up.check.ms / ms, target: target(0.5), met: !large || up.check.ms / ms <= 0.5, mb: up.check.mb });
      rmSync(out, { recursive: true, force: true });
      mkdirSync(out, { recursive: true });
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}


/**
 * `orgc render --watch` on a copy of the org: after its first render, the org is replaced by its
 * one-role change and back again, `edits` times, each timed from the file written to the watch's
 * next "watching" line (its render written: what a user waits for, the watch's 150 ms of settling
 * included). The median, and the watch's peak resident memory (Linux's VmHWM).
 */
async function watchCase(file: string, changed: string, format: string, edits: number): Promise<{ ms: number; mb?: number }> {
  const dir = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : path.join(ROOT, '.bench'), 'orgc-watch-'));
  try {
    const org = path.join(dir, 'org.yaml');
    copyFileSync(file, org);
    const config = path.join(path.dirname(file), 'orgc.config.yaml');
    if (existsSync(config)) copyFileSync(config, path.join(dir, 'orgc.config.yaml'));
    const child = spawn(process.execPath, [ORGC, 'render', org, '--watch', '--format', format, ...(RENDER_ARGS[format as 'md'] ?? []), '--out', path.join(dir, 'out')], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let exited = false;
    child.on('exit', () => (exited = true));
    // Each render ends with the line that says what is watched (`… Ctrl-C stops`, `按 Ctrl-C 停止`).
    const renders = () => stderr.split('Ctrl-C').length - 1;
    const until = async (n: number) => {
      while (renders() < n) {
        if (exited) throw new Error(`orgc render --watch stopped: ${stderr}`);
        await new Promise((r) => setTimeout(r, 2));
      }
    };
    try {
      await until(1);
      const times: number[] = [];
      for (let i = 0; i < edits; i++) {
        const start = process.hrtime.bigint();
        copyFileSync(i % 2 === 0 ? changed : file, org);
        await until(i + 2);
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      const status = existsSync(`/proc/${child.pid}/status`) ? readFileSync(`/proc/${child.pid}/status`, 'utf8') : '';
      const hwm = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
      return { ms: median(times), mb: hwm === undefined ? undefined : Number(hwm) / 1024 };
    } finally {
      child.kill();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The org of `file` with one role's title changed (one-role-change.ts), made once beside it. */
function changedOrg(size: string, file: string): string {
  const dir = path.join(DATA, `${size}-changed`);
  const changed = path.join(dir, 'org.yaml');
  if (!existsSync(changed)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(changed, retitleOneRole(readFileSync(file, 'utf8')).yaml);
    const config = path.join(path.dirname(file), 'orgc.config.yaml');
    if (existsSync(config)) writeFileSync(path.join(dir, 'orgc.config.yaml'), readFileSync(config));
  }
  return changed;
}

/**
 * `orgc diff` between a synthetic org and a copy with 10 % of its role ids renamed (every reference
 * following), against a js-yaml parse of both files; and whether it found exactly those renames.
 */
function diffCase(size: string, runs: number): void {
  const plainSize = size.replace(/-renamed$/, '');
  const { file: base } = org(plainSize);
  const dir = path.join(DATA, size);
  const head = path.join(dir, 'org.yaml');
  const renamesFile = path.join(dir, 'renames.json');
  if (!existsSync(head)) {
    process.stderr.write(`renaming 10 % of the roles of the ${plainSize}-role org into ${path.relative(ROOT, dir)} …\n`);
    mkdirSync(dir, { recursive: true });
    const { yaml, roles } = renameShare(readFileSync(base, 'utf8'), 10);
    writeFileSync(head, yaml);
    writeFileSync(renamesFile, JSON.stringify(roles.size));
    const config = path.join(path.dirname(base), 'orgc.config.yaml');
    if (existsSync(config)) writeFileSync(path.join(dir, 'orgc.config.yaml'), readFileSync(config));
  }
  const renamed = Number(readFileSync(renamesFile, 'utf8'));
  const once = spawnSync(ORGC, ['diff', base, head, '--format', 'json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  check({ code: once.status }, `diff ${size}`);
  const kinds: Record<string, number> = {};
  for (const c of JSON.parse(once.stdout).changes as Array<{ kind: string }>) kinds[c.kind] = (kinds[c.kind] ?? 0) + 1;
  const exact = kinds['role-renamed'] === renamed && Object.keys(kinds).length === 1;
  const r = compare({ jsyaml: ['node', JS_YAML, base, head], diff: [ORGC, 'diff', base, head, '--format', 'json'] }, runs);
  check(r.diff, `diff ${size}`);
  diffMs[plainSize] = r.diff.ms;
  const ratio = r.diff.ms / r.jsyaml.ms;
  say({
    what: `orgc diff, ${plainSize} roles, ${renamed} renamed (${exact ? 'exactly those renames' : `found ${JSON.stringify(kinds)}`})`,
    orgc: r.diff.ms,
    baseline: { name: 'js-yaml parse of both', ms: r.jsyaml.ms },
    ratio,
    // Below 10k roles, starting Node is most of both sides: the renames only (and the time, for growth).
    target: plainSize === '1k' ? 'the renames and nothing else' : '≤ 2×, the renames and nothing else',
    met: (plainSize === '1k' || ratio <= 2) && exact,
    mb: r.diff.mb,
  });
}

/**
 * `orgc import` of a people export of this many people, once for each distribution of titles
 * (people-export.ts: 90 % in one title × department, uniform, a long tail), against a bare
 * csv-parse of the same file (scripts/bench/csv-parse.cjs: the library and options orgc uses).
 * Issue 19's target: ≤ 3× at 10k and 100k people; at 1k, Node's start dominates both.
 */
function importCase(size: string, runs: number): void {
  const count = size.replace(/-import$/, '');
  const people = Number(count.replace(/k$/, '')) * (count.endsWith('k') ? 1000 : 1);
  const dir = path.join(DATA, size);
  mkdirSync(dir, { recursive: true });
  const out = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : DATA, 'orgc-import-'));
  try {
    for (const distribution of DISTRIBUTIONS) {
      const file = path.join(dir, `${distribution}.csv`);
      if (!existsSync(file)) {
        process.stderr.write(`writing a ${count}-person export (${distribution} titles) into ${path.relative(ROOT, file)} …\n`);
        writeFileSync(file, peopleExport(people, distribution));
      }
      const r = compare({ csv: ['node', CSV_PARSE, file], import: [ORGC, 'import', file, '--out', path.join(out, 'org.yaml'), '--force'] }, runs);
      check(r.import, `import ${size} (${distribution})`);
      (importByPeople[count] ??= {})[distribution] = r.import.ms;
      const ratio = r.import.ms / r.csv.ms;
      const limit = people >= 10_000 ? 3 : undefined;
      say({
        what: `orgc import, ${count} people, ${distribution} titles`,
        orgc: r.import.ms,
        baseline: { name: 'csv-parse', ms: r.csv.ms },
        ratio,
        target: limit ? `≤ ${limit}×` : 'for growth',
        met: limit === undefined || ratio <= limit,
        mb: r.import.mb,
      });
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Import grows linearly: 10 × the people in ≤ 12 × the time, for each distribution. */
function importGrowth(): void {
  for (const [a, b] of [['1k', '10k'], ['10k', '100k']] as const) {
    for (const distribution of DISTRIBUTIONS) {
      const from = importByPeople[a]?.[distribution];
      const to = importByPeople[b]?.[distribution];
      if (from && to) say({ what: `import growth ${a} → ${b} people, ${distribution} titles`, orgc: to, baseline: { name: a, ms: from }, ratio: to / from, target: '≤ 12×', met: to / from <= 12 });
    }
  }
}

/**
 * `orgc lsp` on the org split over files, one open: a one-line edit of it until the diagnostics
 * that follow (scripts/bench/lsp.ts). Issue 14's target: ≤ 150 ms for 10k roles.
 */
async function lspCase(size: string, runs: number): Promise<void> {
  const [count] = size.split('-');
  const roles = Number(count.replace(/k$/, '')) * (count.endsWith('k') ? 1000 : 1);
  const dir = path.join(DATA, size);
  if (!existsSync(path.join(dir, 'org.yaml'))) process.stderr.write(`generating a ${count}-role org over several files in ${path.relative(ROOT, dir)} …\n`);
  const files = lspOrg(dir, roles);
  for (const kind of Object.keys(LSP_EDITS) as LspEdit[]) {
    // Eleven edits at least: the median of a few is at the mercy of one collection.
    const { openMs, editMs, editCpuMs } = await timeLspEdits(ORGC, files, Math.max(runs, 11), kind);
    const ms = median(editMs);
    // The server's own CPU time per edit: what the figure would be with a core to itself.
    const cpu = editCpuMs ? `; server CPU ${fmt(median(editCpuMs))} per edit` : '';
    say({ what: `orgc lsp, ${count} roles in ${files.length} files: one-line edit (${kind}) → diagnostics (open ${fmt(openMs)}; edits ${fmt(Math.min(...editMs))}–${fmt(Math.max(...editMs))}${cpu})`, orgc: ms, target: '≤ 150 ms', met: ms <= 150 });
  }
}

for (const [a, b] of [['1k', '10k'], ['10k', '100k']] as const) {
  if (byRoles[a] && byRoles[b]) {
    const growth = byRoles[b] / byRoles[a];
    say({ what: `growth ${a} → ${b} roles`, orgc: byRoles[b], baseline: { name: a, ms: byRoles[a] }, ratio: growth, target: '≤ 12×', met: growth <= 12 });
  }
  for (const format of RENDER_FORMATS) {
    for (const [what, times] of [['render', renderMs], ['render --check, up to date,', checkMs]] as const) {
      const [x, y] = [times[`${format} ${a}`], times[`${format} ${b}`]];
      if (!x || !y) continue;
      say({ what: `growth of ${what} --format ${formatName(format)}, ${a} → ${b} roles`, orgc: y, baseline: { name: a, ms: x }, ratio: y / x, target: '≤ 12×', met: y / x <= 12 });
    }
  }
  if (diffMs[a] && diffMs[b]) {
    const growth = diffMs[b] / diffMs[a];
    say({ what: `growth of diff (10 % renamed), ${a} → ${b} roles`, orgc: diffMs[b], baseline: { name: a, ms: diffMs[a] }, ratio: growth, target: '≤ 12×', met: growth <= 12 });
  }
}
importGrowth();
if (values.json) writeFileSync(values.json, JSON.stringify({ machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version }, rows }, null, 2) + '\n');
process.stdout.write(rows.every((r) => r.met) ? 'every target met\n' : `${rows.filter((r) => !r.met).length} target(s) not met\n`);
