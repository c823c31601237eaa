// `orgc init [DIR] --preset startup|growth|enterprise --lang en|zh-CN`: a new org-design
// repository that validates clean from the first commit — the org (one of the bundled examples,
// in the chosen default language), orgc.config.yaml, the JSON Schemas editors complete from, a
// GitHub Actions workflow and a pre-commit config. Existing files are never replaced without
// --force, and then nothing is written unless everything can be.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
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
}

/** Where the schemas go: hidden, so a directory of org files never mistakes them for one. */
const SCHEMA_DIR = '.orgc';

export async function initCommand(dir: string | undefined, opts: InitOptions, io: Io): Promise<number> {
  const root = path.resolve(io.cwd, dir ?? '.');
  const preset = PRESETS[opts.preset];
  const zh = opts.lang === 'zh-CN';
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
    throw new UsageError(`${zh ? '不会覆盖已有文件' : 'not overwriting'} ${existing.join(', ')} ${zh ? '（用 --force 替换）' : '(use --force to replace them)'}`);
  }
  for (const [rel, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) await writeFileAtomic(path.join(root, rel), text);

  const shown = path.relative(io.cwd, root) || '.';
  const target = path.join(shown, preset.target).split(path.sep).join('/');
  io.stdout(
    zh
      ? `✔ 已在 ${shown} 生成 ${opts.preset} 组织（${preset.zh}），共 ${files.size} 个文件\n  下一步：npx orgc validate ${target}，然后 npx orgc render ${target}\n`
      : `✔ scaffolded the ${opts.preset} org (${preset.en}) in ${shown}: ${files.size} files\n  next: npx orgc validate ${target}, then npx orgc render ${target}\n`,
  );
  return 0;
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

function workflow(target: string, opts: InitOptions): string {
  const orgc = `npx --yes orgc@${VERSION}`;
  return `# ${opts.lang === 'zh-CN' ? '每次推送和合并请求时检查组织设计' : 'Checks the org design on every push and pull request'} (orgc init --preset ${opts.preset}).
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
          node-version: 20
      - name: Validate
        run: ${orgc} validate ${target} --format github
      - name: Review the change
        if: github.event_name == 'pull_request'
        env:
          GH_TOKEN: \${{ github.token }}
        run: |
          ${orgc} diff "origin/\${{ github.base_ref }}:${target}" ${target} --format md > orgc-diff.md
          gh pr comment \${{ github.event.pull_request.number }} --body-file orgc-diff.md
`;
}

function preCommit(target: string, opts: InitOptions): string {
  return `# ${opts.lang === 'zh-CN' ? '提交前检查组织设计' : 'Checks the org design before each commit'}: pre-commit install (https://pre-commit.com)
repos:
  - repo: local
    hooks:
      - id: orgc-validate
        name: orgc validate
        entry: npx --yes orgc@${VERSION} validate ${target}
        language: system
        pass_filenames: false
        files: \\.ya?ml$
`;
}
