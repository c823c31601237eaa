// `npm run check:package`: orgc installed the way a user installs it, from the registry, and the
// figures of issue 13 — run by .ci/run, not by `npm test` (it needs the registry).
//
// 1. `npm pack` in the repository (prepack builds and strips the manifest; postpack restores it).
// 2. An empty project installs the tarball: no install script may exist anywhere in the tree, npm
//    must not warn about any, and node_modules must stay within the size and package targets.
// 3. `npx orgc validate` and `render --format md` there, twice; the installed package must be byte
//    for byte as npm left it afterwards (orgc keeps its code cache in the user's cache directory).
// 4. The opt-in for pictures drawn in Chromium (`npm install puppeteer-core mermaid`): again no
//    install script, and a PNG drawn with the system's Chromium.
// Prints a table of figures; exits 1 when a check fails, 2 when it cannot run.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSER_PACKAGES_INSTALL } from '../src/render/charts/images.js';
import { treeSnapshot } from './tree-snapshot.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TARGET_BYTES = 30 * 1024 * 1024;
const TARGET_PACKAGES = 40;
// npm runs `prepare` only for git and directory dependencies, never for a package from the registry
// or a tarball; orgc's own manifest is checked to have no scripts at all.
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];

const failures: string[] = [];
const figures: Array<[string, string, string]> = [];

function sh(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) {
    process.stderr.write(`check:package: cannot run ${command}: ${r.error.message}\n`);
    process.exit(2);
  }
  return r;
}

function must(r: SpawnSyncReturns<string>, what: string): SpawnSyncReturns<string> {
  if (r.status !== 0) {
    process.stderr.write(`check:package: ${what} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
    process.exit(1);
  }
  return r;
}

function check(ok: boolean, what: string): void {
  process.stdout.write(`${ok ? '✔' : '✘'} ${what}\n`);
  if (!ok) failures.push(what);
}

/** Every package directory under node_modules, nested copies included. */
function packages(nodeModules: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.')) continue;
      const full = path.join(dir, name);
      if (name.startsWith('@')) {
        walk(full);
        continue;
      }
      if (!lstatSync(full).isDirectory() || !existsSync(path.join(full, 'package.json'))) continue;
      found.push(full);
      walk(path.join(full, 'node_modules'));
    }
  };
  walk(nodeModules);
  return found.sort();
}

/** Packages with a script npm would run on install (a binding.gyp implies `node-gyp rebuild`). */
function installScripts(nodeModules: string): string[] {
  return packages(nodeModules).flatMap((dir) => {
    const scripts = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).scripts ?? {};
    const found = INSTALL_SCRIPTS.filter((s) => scripts[s]).map((s) => `${path.relative(nodeModules, dir)} (${s}: ${scripts[s]})`);
    if (existsSync(path.join(dir, 'binding.gyp')) && !scripts.install && !scripts.preinstall) found.push(`${path.relative(nodeModules, dir)} (binding.gyp)`);
    return found;
  });
}

function bytes(dir: string): number {
  let total = 0;
  for (const f of readdirSync(dir, { recursive: true })) {
    const s = lstatSync(path.join(dir, String(f)));
    if (s.isFile()) total += s.size;
  }
  return total;
}

const snapshot = (dir: string) => treeSnapshot(dir).join('\n');

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const added = (out: string) => Number(/added (\d+) packages?/.exec(out)?.[1] ?? NaN);

// 1. Pack.
const manifestBefore = readFileSync(path.join(ROOT, 'package.json'), 'utf8');
const dest = mkdtempSync(path.join(tmpdir(), 'orgc-pack-'));
const pack = must(sh('npm', ['pack', '--pack-destination', dest, '--loglevel=error'], ROOT), 'npm pack');
const tarball = path.join(dest, pack.stdout.trim().split('\n').pop()!);
check(readFileSync(path.join(ROOT, 'package.json'), 'utf8') === manifestBefore && !existsSync(path.join(ROOT, 'package.json.repository')), 'npm pack leaves the repository\'s package.json as it was');
figures.push(['tarball', mb(statSync(tarball).size), '']);

// 2. Install into an empty project, from the registry.
const project = mkdtempSync(path.join(tmpdir(), 'orgc-consumer-'));
writeFileSync(path.join(project, 'package.json'), '{ "name": "hr-org", "private": true }\n');
const install = must(sh('npm', ['install', '--no-audit', '--no-fund', tarball], project), 'npm install of the tarball');
const nodeModules = path.join(project, 'node_modules');
const size = bytes(nodeModules);
const count = added(install.stdout);
check(!/install-scripts|prepare/.test(install.stdout + install.stderr), 'npm install says nothing of install scripts');
const scripts = installScripts(nodeModules);
check(scripts.length === 0, `no package in the install has an install script${scripts.length ? `: ${scripts.join(', ')}` : ''}`);
check(JSON.parse(readFileSync(path.join(nodeModules, 'orgc', 'package.json'), 'utf8')).scripts === undefined, 'the installed orgc\'s package.json has no scripts');
check(size <= TARGET_BYTES, `node_modules ${mb(size)} ≤ ${mb(TARGET_BYTES)}`);
check(count <= TARGET_PACKAGES, `npm added ${count} packages ≤ ${TARGET_PACKAGES}`);
figures.push(['node_modules', mb(size), `≤ ${mb(TARGET_BYTES)}`], ['packages (npm\'s "added N packages")', String(count), `≤ ${TARGET_PACKAGES}`]);
const largest = packages(nodeModules)
  .map((dir) => [path.relative(nodeModules, dir), bytes(dir)] as const)
  .sort((a, b) => b[1] - a[1])
  .slice(0, 5);

// 3. Run it, twice, and look at the install afterwards.
const installed = path.join(nodeModules, 'orgc');
const before = snapshot(installed);
const work = mkdtempSync(path.join(tmpdir(), 'orgc-work-'));
cpSync(path.join(ROOT, 'examples', 'sales-org'), path.join(work, 'org'), { recursive: true });
const env = { XDG_CACHE_HOME: mkdtempSync(path.join(tmpdir(), 'orgc-cache-')), NO_COLOR: '1' };
const orgc = (args: string[]) => sh(process.execPath, [path.join(installed, 'bin', 'orgc'), ...args], work, env);
// The example's files, however many it has (roles/, pay.yaml, …).
const exampleFiles = readdirSync(path.join(work, 'org'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml')).length;
for (let i = 0; i < 2; i++) {
  const validate = orgc(['validate', 'org', '--lang', 'en']);
  check(validate.status === 0 && validate.stdout === `✔ no problems in ${exampleFiles} files\n`, `run ${i + 1}: orgc validate → ${JSON.stringify(validate.stdout.trim() || validate.stderr.trim())}`);
  const render = orgc(['render', 'org', '--format', 'md', '--out', 'handbook']);
  check(render.status === 0 && existsSync(path.join(work, 'handbook', 'index.md')), `run ${i + 1}: orgc render --format md → exit ${render.status}`);
}
// Every other command the light package serves, once each.
cpSync(path.join(ROOT, 'examples', 'quickstart', 'org.yaml'), path.join(work, 'quickstart.yaml'));
cpSync(path.join(ROOT, 'examples', 'import', 'people.csv'), path.join(work, 'people.csv'));
// Chinese names and titles: the import loads pinyin-pro from node_modules for them.
writeFileSync(path.join(work, 'people-zh.csv'), '工号,姓名,职位,上级工号\nE1,王芳,销售总监,\nE2,李娜,销售经理,E1\nE3,张伟,销售代表,E2\n');
const commands: string[][] = [
  ['rules'],
  // zh-TW messages: opencc-js is loaded from node_modules for them.
  ['rules', '--lang', 'zh-TW'],
  ['explain', 'orphan-duty'],
  ['schema'],
  ['diff', 'quickstart.yaml', 'org'],
  ['import', 'people.csv', '--out', 'draft.yaml'],
  ['import', 'people-zh.csv', '--out', 'draft-zh.yaml', '--lang', 'zh-CN'],
  ['init', 'new-repo', '--preset', 'startup'],
  ...['html', 'csv', 'xlsx', 'json', 'mermaid'].map((format) => ['render', 'org', '--format', format, '--out', `out-${format}`]),
  ['render', 'org', '--format', 'svg', '--engine', 'graphviz', '--out', 'out-svg'],
  ['render', 'org', '--format', 'png', '--engine', 'graphviz', '--out', 'out-png'],
];
for (const args of commands) {
  const r = orgc(args);
  check(r.status === 0, `orgc ${args.join(' ')} → exit ${r.status}${r.status ? `: ${r.stderr.trim().split('\n')[0]}` : ''}`);
}
const npx = sh('npx', ['--no', '--', 'orgc', 'validate', path.join(work, 'org'), '--lang', 'en'], project, env);
check(npx.status === 0, `npx orgc validate in the project → exit ${npx.status}`);
// The library (docs/api.md): a module of the project imports orgc, and TypeScript finds its types
// — checked without skipLibCheck, so every declaration the package ships must hold.
writeFileSync(path.join(project, 'check.mjs'), "import { lint } from 'orgc';\nconst r = await lint({ files: [process.argv[2]], lang: 'en' });\nprocess.stdout.write(JSON.stringify(r.summary));\n");
const library = sh(process.execPath, ['check.mjs', path.join(work, 'org')], project, env);
check(library.status === 0 && library.stdout === '{"error":0,"warning":0,"info":0}', `import { lint } from 'orgc' in the project → ${JSON.stringify(library.stdout.trim() || library.stderr.trim().split('\n')[0])}`);
writeFileSync(
  path.join(project, 'types.mts'),
  [
    "import { lint, render, diff, OrgcError, type Diagnostic, type LintResult, type RenderResult } from 'orgc';",
    'export async function errors(file: string): Promise<number> {',
    '  const r: LintResult = await lint({ files: [file], config: false });',
    '  const first: Diagnostic | undefined = r.diagnostics[0];',
    "  const pages: RenderResult = await render({ files: [file], format: 'md' });",
    '  const changes = (await diff({ base: { files: [file] }, head: { revision: `HEAD:${file}` } })).report.changes.length;',
    "  return r.summary.error + (first?.range.start.line ?? 0) + (pages.pages?.size ?? 0) + changes + (r.model?.roles.size ?? 0) + (new OrgcError('usage', 'x').kind === 'usage' ? 1 : 0);",
    '}',
    '',
  ].join('\n'),
);
const tsc = sh(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', 'false', 'types.mts'], project);
check(tsc.status === 0, `TypeScript type-checks a module using orgc's types${tsc.status ? `: ${tsc.stdout.trim().split('\n')[0]}` : ''}`);
check(snapshot(installed) === before, 'the installed package is unchanged after the runs');
const png = orgc(['render', 'org', '--format', 'png', '--out', 'pictures']);
check(png.status === 2 && png.stderr.includes(BROWSER_PACKAGES_INSTALL) && png.stderr.trim().split('\n').length === 1, '--format png without the opt-in: one line naming the install command, exit 2');

// 4. The opt-in for pictures drawn in Chromium.
const optIn = must(sh('npm', ['install', '--no-audit', '--no-fund', ...BROWSER_PACKAGES_INSTALL.split(' ').slice(2)], project), BROWSER_PACKAGES_INSTALL);
const optInScripts = installScripts(nodeModules);
check(!/install-scripts/.test(optIn.stdout + optIn.stderr) && optInScripts.length === 0, `the opt-in runs no install script${optInScripts.length ? `: ${optInScripts.join(', ')}` : ''}`);
figures.push(['with the opt-in', mb(bytes(nodeModules)), `+${added(optIn.stdout)} packages`]);
if (existsSync('/usr/bin/chromium') || process.env.ORGC_CHROME) {
  const drawn = orgc(['render', 'org', '--format', 'png', '--out', 'pictures']);
  const picture = path.join(work, 'pictures', 'charts', 'org.png');
  check(drawn.status === 0 && existsSync(picture) && readFileSync(picture).subarray(1, 4).toString() === 'PNG', `with the opt-in, --format png draws in the system's Chromium → exit ${drawn.status}${drawn.status ? `: ${drawn.stderr.trim()}` : ''}`);
} else {
  check(false, 'no Chromium at /usr/bin/chromium to draw with (apt-get install chromium fonts-noto-cjk)');
}

process.stdout.write(`\n| what | figure | target |\n| --- | --- | --- |\n${figures.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`);
process.stdout.write(`\nlargest packages: ${largest.map(([name, n]) => `${name} ${mb(n)}`).join(', ')}\n`);
if (failures.length) {
  process.stdout.write(`\n${failures.length} check${failures.length > 1 ? 's' : ''} failed\n`);
  process.exitCode = 1;
}
