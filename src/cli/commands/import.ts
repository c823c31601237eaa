// `orgc import <people.csv>`: a draft org from an HR system's people export. Writes the draft
// (org.yaml unless told otherwise; never over a file without --force) and says what it could not
// map. The draft validates structurally; the design rules then list what it still lacks.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import jsYaml from 'js-yaml';
import { parseLevelWords, type LevelWords } from '../../import/levels.js';
import { loadPinyin } from '../../import/ids.js';
import { importPeople, ImportError, type Column } from '../../import/people.js';
import { decodeUtf8 } from '../../load/decode.js';
import { EXIT_CLEAN, UsageError } from '../errors.js';
import type { Io } from '../output.js';
import { writeFileAtomic } from '../write-files.js';

export interface ImportCommandOptions {
  out: string;
  lang: string;
  force?: boolean;
  nameColumn?: string;
  titleColumn?: string;
  managerColumn?: string;
  departmentColumn?: string;
  regionColumn?: string;
  idColumn?: string;
  managerIdColumn?: string;
  dottedManagerColumn?: string;
  positionColumn?: string;
  levels?: string;
  keepTitles?: boolean;
}

export async function importCommand(file: string, opts: ImportCommandOptions, io: Io): Promise<number> {
  const zh = opts.lang.startsWith('zh');
  const t = (en: string, cn: string) => (zh ? cn : en);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path.resolve(io.cwd, file));
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  const decoded = decodeUtf8(bytes);
  let text: string;
  const notes: string[] = [];
  if (decoded.ok) text = decoded.text;
  else if (decoded.messageId === 'utf16') throw new UsageError(`${file} is UTF-16: save it as UTF-8 (or CSV UTF-8 in Excel)`);
  else {
    // Chinese HR systems and Excel often export GB18030; read it rather than refuse it.
    text = new TextDecoder('gb18030').decode(bytes);
    notes.push(t(`${file} is not UTF-8: read it as GB18030`, `${file} 不是 UTF-8，已按 GB18030 读取`));
  }
  const levels = opts.levels === undefined ? undefined : await readLevels(opts.levels, io);
  const columns: Partial<Record<Column, string>> = {
    name: opts.nameColumn,
    title: opts.titleColumn,
    manager: opts.managerColumn,
    department: opts.departmentColumn,
    region: opts.regionColumn,
    id: opts.idColumn,
    managerId: opts.managerIdColumn,
    dottedManager: opts.dottedManagerColumn,
    position: opts.positionColumn,
  };
  let result;
  try {
    // Chinese in the export, or Chinese words the draft adds (--lang zh-CN, zh-TW), become ids in pinyin.
    if (/\p{Script=Han}/u.test(text) || opts.lang !== 'en') await loadPinyin();
    result = importPeople(text, { columns, language: opts.lang, source: path.basename(file), levels, keepTitles: opts.keepTitles });
  } catch (error) {
    if (error instanceof ImportError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
  const header = zh
    ? `# 由 \`orgc import ${path.basename(file)}\` 生成的组织草稿：每条人员汇报线都成为岗位汇报线，层级按职位用词推测。\n# 职责、RACI 与 KPI 无法从人员名单得出：请补充，\`npx orgc validate\` 会列出还缺什么；完成后删除 draft: true。\n`
    : `# A draft org made by \`orgc import ${path.basename(file)}\`: every person-to-manager line is a role-to-role line,\n# levels are guessed from the words of titles. Duties, RACI and KPIs are not in a people list: add them,\n# \`npx orgc validate\` lists what is still missing; remove draft: true when the design is done.\n`;
  const yaml = header + jsYaml.dump(result.org, { lineWidth: -1, noRefs: true, quotingType: '"' });

  const toStdout = opts.out === '-';
  const report = toStdout ? io.stderr : io.stdout;
  if (!toStdout) {
    const target = path.resolve(io.cwd, opts.out);
    if (existsSync(target) && !opts.force) throw new UsageError(`not overwriting ${opts.out} (use --force, or --out another file)`);
    await writeFileAtomic(target, yaml);
  } else io.stdout(yaml);
  const s = result.stats;
  const r = result.report;
  const where = toStdout ? t('stdout', '标准输出') : opts.out;
  const out: string[] = [];
  out.push(t(`✔ ${where}: ${s.people} people in ${s.positions} positions, ${s.roles} roles, ${s.departments} departments, ${s.regions} regions`, `✔ ${where}：${s.people} 人、${s.positions} 个职位，${s.roles} 个岗位，${s.departments} 个部门，${s.regions} 个区域`));
  out.push(t('Columns:', '列：'), ...r.columns.map((c) => `  ${c.header} → ${c.use}`));
  const dotted = r.lines.dotted ? t(`; dotted lines: ${r.lines.dottedKept} of ${r.lines.dotted}`, `；虚线：${r.lines.dotted} 条中保留 ${r.lines.dottedKept} 条`) : '';
  out.push(t(`Reporting lines: ${r.lines.kept} of ${r.lines.total} kept as role-to-role lines${dotted}`, `汇报线：${r.lines.total} 条中 ${r.lines.kept} 条成为岗位汇报线${dotted}`));
  const section = (title: string, lines: string[]) => {
    if (lines.length) out.push(title, ...lines.map((l) => `  ${l}`));
  };
  section(t('Titles split by manager role, named so each can be told apart:', '按上级岗位拆分的职位（名称可区分）：'), r.splits);
  section(t('People in several positions (counted once):', '兼任多个职位的人（只计一次）：'), r.positions);
  section(t('Titles read as one role (confirm, or run again with --keep-titles):', '合并为同一岗位的职位（请确认，或加 --keep-titles 重新运行）：'), r.merges);
  section(t('Levels guessed (check them; --levels <file> sets words of your own):', '推测的层级（请核对；可用 --levels <文件> 指定用词）：'), r.levels);
  const problems = [
    ...notes,
    ...r.warnings,
    ...r.problems.map((p) => `${p.row ? `${t('row ', '第')}${p.row}${t('', ' 行')}: ` : ''}${p.message}`),
  ].map((p) => `  ! ${p}`);
  if (problems.length) out.push(t(`${problems.length} thing${problems.length === 1 ? '' : 's'} to check:`, `${problems.length} 处需要检查：`), ...problems);
  const draft = toStdout ? 'org.yaml' : opts.out;
  out.push(
    t('Next steps:', '下一步：'),
    t(`  1. look at it: npx orgc render ${draft} --only charts,jd,summary   (a draft renders; what it lacks is a to-do list)`, `  1. 查看草稿：npx orgc render ${draft} --only charts,jd,summary   （草稿可以渲染，缺少的内容列为待办）`),
    t('  2. confirm the merged titles, split roles and levels above; rename roles as your org names them', '  2. 确认上面合并的职位、拆分的岗位与层级；按贵组织的叫法修改岗位名称'),
    t(`  3. add duties, RACI and KPIs: npx orgc validate ${draft} lists what is missing`, `  3. 补充职责、RACI 与 KPI：npx orgc validate ${draft} 会列出还缺什么`),
    t('  4. remove draft: true from org when the design is done', '  4. 设计完成后，删除 org 下的 draft: true'),
  );
  report(out.join('\n') + '\n');
  return EXIT_CLEAN;
}

/** A `--levels` file: YAML, title words to levels. */
async function readLevels(file: string, io: Io): Promise<LevelWords> {
  let text: string;
  try {
    text = await readFile(path.resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  let data: unknown;
  try {
    data = jsYaml.load(text);
  } catch (error) {
    throw new UsageError(`${file}: not YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const words = parseLevelWords(data);
  if (typeof words === 'string') throw new UsageError(`${file}: ${words}`);
  return words;
}
