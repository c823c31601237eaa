// `orgc init [DIR] --preset startup|growth|enterprise --lang en|zh-CN [--orgc SPEC]`: a new
// org-design repository that validates clean from the first commit — the org (one of the bundled
// examples, in the chosen default language), orgc.config.yaml, the JSON Schemas editors complete
// from, a GitHub Actions workflow and a pre-commit config — and that pins orgc in its package.json
// (merged, never replaced), with node_modules/ in .gitignore. CI and the hook run that pinned orgc:
// orgc may come from the registry, a tarball kept in the repository or git, and CI's `npm ci`
// installs exactly what package-lock.json says. Existing files are never replaced without --force,
// and then nothing is written unless everything can be.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chooseLanguage } from '../../i18n/lang.js';
import { tr } from '../../i18n/text.js';
import { packageRoot } from '../../package-root.js';
import { VERSION } from '../../version.js';
import { UsageError } from '../errors.js';
import type { Io } from '../output.js';
import { writeFileAtomic } from '../write-files.js';

export const PRESETS = {
  startup: { example: 'quickstart', target: 'org.yaml', en: 'a small team: a director, a manager, reps and customer success', zh: '小团队：总监、经理、销售代表与客户成功' },
  growth: { example: 'growth', target: 'org.yaml', en: 'a team cut by process: sales development → consultants → delivery → customer operations', zh: '按流程分工的团队：销售开发 → 顾问 → 交付 → 客户运营' },
  enterprise: { example: 'sales-org', target: 'org', en: 'a matrix: regions × products, key accounts, industry sales, over several files', zh: '矩阵组织：区域 × 产品、大客户、行业销售，分多个文件' },
} as const;
export type Preset = keyof typeof PRESETS;
export const INIT_LANGUAGES = ['en', 'zh-CN'] as const;

export interface InitOptions {
  preset: Preset;
  lang: (typeof INIT_LANGUAGES)[number];
  force?: boolean;
  /** The devDependencies spec for orgc when package.json lacks one (default `^VERSION`). */
  orgc?: string;
  /** `--lang` when the user gave it (not commander's default): the lines init prints follow it, else the reader's locale. */
  ui?: string;
}

/** Where the schemas go: hidden, so a directory of org files never mistakes them for one. */
const SCHEMA_DIR = '.orgc';

export async function initCommand(dir: string | undefined, opts: InitOptions, io: Io): Promise<number> {
  const root = path.resolve(io.cwd, dir ?? '.');
  const preset = PRESETS[opts.preset];
  const zh = opts.lang === 'zh-CN';
  // The files are in the org's language (--lang); what init says is in the reader's.
  const ui = chooseLanguage({ flag: opts.ui, env: io.env });
  const files = new Map<string, string>();

  const exampleDir = path.join(packageRoot(), 'examples', preset.example);
  const orgFiles = yamlFiles(exampleDir);
  for (const rel of orgFiles) {
    const target = preset.target === 'org.yaml' ? 'org.yaml' : `org/${rel}`;
    files.set(target, orgFile(readFileSync(path.join(exampleDir, rel), 'utf8'), target, rel === 'org.yaml', opts));
  }
  files.set('orgc.config.yaml', config(opts));
  files.set(`${SCHEMA_DIR}/orgc.schema.json`, readFileSync(path.join(packageRoot(), 'schemas', 'orgc.schema.json'), 'utf8'));
  files.set(`${SCHEMA_DIR}/orgc.config.schema.json`, readFileSync(path.join(packageRoot(), 'schemas', 'orgc.config.schema.json'), 'utf8'));
  files.set('.github/workflows/orgc.yml', workflow(preset.target, opts));
  files.set('.pre-commit-config.yaml', preCommit(preset.target, opts));

  const existing = [...files.keys()].filter((f) => existsSync(path.join(root, f)));
  if (existing.length && !opts.force) {
    throw new UsageError(tr(ui, `not overwriting ${existing.join(', ')} (use --force to replace them)`, `不会覆盖已有文件 ${existing.join(', ')} （用 --force 替换）`));
  }
  const shown = path.relative(io.cwd, root) || '.';
  // Merged into what is there, so neither counts as overwriting; both are worked out (and a
  // package.json that cannot be read is refused) before anything is written.
  const manifest = packageManifest(root, shown, opts, ui);
  if (manifest.text !== undefined) files.set('package.json', manifest.text);
  const ignore = gitignore(root);
  if (ignore !== undefined) files.set('.gitignore', ignore);
  for (const [rel, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) await writeFileAtomic(path.join(root, rel), text);

  // npm install runs in the repository: the next steps all do, so paths are the repository's.
  const cd = shown === '.' ? '' : `cd ${/^[\w./-]+$/.test(shown) ? shown : `'${shown.replace(/'/g, "'\\''")}'`} && `;
  const pinned = {
    created: tr(ui, `package.json: created, with orgc ${manifest.spec} in devDependencies`, `package.json：已创建，devDependencies 中 orgc 为 ${manifest.spec}`),
    added: tr(ui, `package.json: added orgc ${manifest.spec} to devDependencies`, `package.json：已在 devDependencies 中加入 orgc ${manifest.spec}`),
    kept: tr(ui, `package.json: already lists orgc ${manifest.spec}, kept`, `package.json：已列出 orgc ${manifest.spec}，保持不变`),
  }[manifest.change];
  io.stdout(
    tr(
      ui,
      `✔ scaffolded the ${opts.preset} org (${preset.en}) in ${shown}: ${files.size} files\n  ${pinned}\n  next: ${cd}npm install — it installs orgc and writes package-lock.json, which CI's npm ci needs: commit it with the rest\n  then: npx orgc validate ${preset.target}, npx orgc render ${preset.target}\n`,
      `✔ 已在 ${shown} 生成 ${opts.preset} 组织（${preset.zh}），共 ${files.size} 个文件\n  ${pinned}\n  下一步：${cd}npm install —— 安装 orgc 并写出 package-lock.json（CI 的 npm ci 需要它），请连同其余文件一起提交\n  然后：npx orgc validate ${preset.target}，npx orgc render ${preset.target}\n`,
    ),
  );
  return 0;
}

interface Manifest {
  /** The new package.json, or undefined when the one there already lists orgc. */
  text?: string;
  /** orgc's spec in it. */
  spec: string;
  change: 'created' | 'added' | 'kept';
}

/**
 * package.json with orgc in devDependencies: created when there is none; an orgc already listed
 * (dependencies or devDependencies) is the team's choice and stays; otherwise orgc is added and
 * every other key keeps its place, with the file's own indentation and line ends.
 */
function packageManifest(root: string, shown: string, opts: InitOptions, ui: string): Manifest {
  const spec = opts.orgc ?? `^${VERSION}`;
  if (!/^\S+$/.test(spec)) throw new UsageError(tr(ui, `--orgc takes an npm version range or package spec without spaces, not ${JSON.stringify(spec)}`, `--orgc 应为 npm 版本范围或不含空格的包说明，不能是 ${JSON.stringify(spec)}`));
  const file = path.join(root, 'package.json');
  const where = path.join(shown, 'package.json').split(path.sep).join('/');
  if (!existsSync(file)) {
    const pkg = { name: packageName(path.basename(root)), private: true, devDependencies: { orgc: spec } };
    return { text: `${JSON.stringify(pkg, null, 2)}\n`, spec, change: 'created' };
  }
  const text = readFileSync(file, 'utf8');
  let pkg: unknown;
  try {
    pkg = JSON.parse(text);
  } catch (error) {
    throw new UsageError(tr(ui, `cannot read ${where}: ${(error as Error).message}`, `无法读取 ${where}：不是有效的 JSON`));
  }
  if (typeof pkg !== 'object' || pkg === null || Array.isArray(pkg)) throw new UsageError(tr(ui, `${where}: not a JSON object`, `${where}：不是 JSON 对象`));
  const record = pkg as Record<string, unknown>;
  for (const field of ['dependencies', 'devDependencies']) {
    const listed = (record[field] as Record<string, unknown> | undefined)?.orgc;
    if (typeof listed === 'string') return { spec: listed, change: 'kept' };
  }
  const dev = { ...((record.devDependencies as Record<string, string> | undefined) ?? {}) };
  // In the alphabetical place npm would give it, without moving the others.
  const entries = Object.entries(dev);
  const at = entries.findIndex(([name]) => name > 'orgc');
  entries.splice(at === -1 ? entries.length : at, 0, ['orgc', spec]);
  record.devDependencies = Object.fromEntries(entries);
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? (text.includes('\n') ? '  ' : '');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const body = JSON.stringify(record, null, indent).replace(/\n/g, eol);
  return { text: /\r?\n$/.test(text) ? body + eol : body, spec, change: 'added' };
}

/** A valid npm package name from the directory's: lower case, URL-safe, else `org-design`. */
function packageName(dir: string): string {
  const name = dir.toLowerCase().replace(/[^a-z0-9._~-]+/g, '-').replace(/^[._~-]+|[._~-]+$/g, '').slice(0, 214);
  return name || 'org-design';
}

/** .gitignore with node_modules/ in it (added as a line when missing), or undefined when it already is. */
function gitignore(root: string): string | undefined {
  const file = path.join(root, '.gitignore');
  if (!existsSync(file)) return 'node_modules/\n';
  const text = readFileSync(file, 'utf8');
  if (text.split(/\r?\n/).some((line) => /^(?:\/|\*\*\/)?node_modules\/?\s*$/.test(line))) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return `${text}${text === '' || text.endsWith('\n') ? '' : eol}node_modules/${eol}`;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((f) => String(f).split(path.sep).join('/'))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
}

/** An example file as the new org's: schema line, header, default language. */
function orgFile(text: string, target: string, main: boolean, opts: InitOptions): string {
  const depth = target.split('/').length - 1;
  const schema = `${'../'.repeat(depth)}${SCHEMA_DIR}/orgc.schema.json`;
  let out = text.replace(/^# yaml-language-server: \$schema=\S+/, `# yaml-language-server: $schema=${schema}`);
  // The examples' pointers to themselves mean nothing in a new repository.
  const header = /^(?:#.*\n)*/.exec(out)![0];
  out = header.replace(/ ?Validate it with `[^`]*`\./g, '').replace(/^#[ \t]*\n/gm, '') + out.slice(header.length);
  if (main) {
    const intro =
      opts.lang === 'zh-CN'
        ? `# 由 \`orgc init --preset ${opts.preset}\` 生成：请改写为你的组织。用 \`npx orgc validate\` 检查，用 \`npx orgc render\` 生成手册。\n`
        : `# Scaffolded by \`orgc init --preset ${opts.preset}\`: rewrite it to describe your organisation. Check it with\n# \`npx orgc validate\`, publish the handbook with \`npx orgc render\`.\n`;
    out = out.replace(/^(# yaml-language-server: .*\n)/, `$1${intro}`);
    out = out.replace(/^(org:\s*\n(?:\s+.*\n)*?\s+language:\s*)\S+/m, `$1${opts.lang}`);
  }
  return out;
}

function config(opts: InitOptions): string {
  const zh = opts.lang === 'zh-CN';
  return `# yaml-language-server: $schema=${SCHEMA_DIR}/orgc.config.schema.json
# ${zh ? 'orgc 的设置：`npx orgc rules` 列出规则，`npx orgc explain <规则>` 解释规则。' : 'orgc settings: `npx orgc rules` lists the rules, `npx orgc explain <rule>` explains one.'}
extends: recommended
lang: ${opts.lang}
render:
  out: handbook
`;
}

/**
 * The workflow runs the orgc package.json pins, as package-lock.json resolved it: `npm ci` installs
 * it whether it comes from the registry, a tarball in the repository or git, and `npx --no` runs
 * that one or fails — it never fetches some other orgc from the registry.
 */
function workflow(target: string, opts: InitOptions): string {
  const zh = opts.lang === 'zh-CN';
  return `# ${zh ? '每次推送和合并请求时检查组织设计' : 'Checks the org design on every push and pull request'} (orgc init --preset ${opts.preset}).
# ${zh ? 'orgc 按 package.json 和 package-lock.json 安装（npm ci）。' : 'orgc is the one package.json and package-lock.json pin (npm ci).'}
name: org design
on:
  push:
  pull_request:
jobs:
  orgc:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pull-requests: write
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: npm
      - name: Install orgc
        run: npm ci --no-audit --no-fund
      - name: Validate
        run: npx --no -- orgc validate ${target} --format github
      - name: Review the change
        if: github.event_name == 'pull_request'
        env:
          GH_TOKEN: \${{ github.token }}
          BASE_REF: \${{ github.base_ref }}
          PULL_REQUEST: \${{ github.event.pull_request.number }}
        run: |
          npx --no -- orgc diff "origin/$BASE_REF:${target}" ${target} --format md > orgc-diff.md
          gh pr comment "$PULL_REQUEST" --body-file orgc-diff.md
      # ${zh ? '方案（scenarios/ 中的设计变体）有改动时，发布与基准的对比' : 'When the pull request changes a scenario (a design variant in scenarios/), the comparison with the base'}
      - name: Compare the scenarios
        if: github.event_name == 'pull_request'
        env:
          GH_TOKEN: \${{ github.token }}
          BASE_REF: \${{ github.base_ref }}
          PULL_REQUEST: \${{ github.event.pull_request.number }}
        run: |
          if [ ! -d scenarios ] || git diff --quiet "origin/$BASE_REF" -- scenarios; then exit 0; fi
          npx --no -- orgc compare ${target} scenarios --format md > orgc-compare.md
          gh pr comment "$PULL_REQUEST" --body-file orgc-compare.md
`;
}

function preCommit(target: string, opts: InitOptions): string {
  return `# ${opts.lang === 'zh-CN' ? '提交前检查组织设计（先 npm install）' : 'Checks the org design before each commit (after npm install)'}: pre-commit install (https://pre-commit.com)
repos:
  - repo: local
    hooks:
      - id: orgc-validate
        name: orgc validate
        entry: npx --no -- orgc validate ${target}
        language: system
        pass_filenames: false
        files: \\.ya?ml$
`;
}
