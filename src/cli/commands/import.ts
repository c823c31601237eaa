// `orgc import <people.csv>`: a draft org from an HR system's people export. Writes the draft
// (org.yaml unless told otherwise; never over a file without --force) and says what it could not
// map. The draft validates structurally; the design rules then list what it still lacks.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import jsYaml from 'js-yaml';
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
}

export async function importCommand(file: string, opts: ImportCommandOptions, io: Io): Promise<number> {
  const zh = opts.lang.startsWith('zh');
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
    notes.push(zh ? `${file} 不是 UTF-8，已按 GB18030 读取` : `${file} is not UTF-8: read it as GB18030`);
  }
  const columns: Partial<Record<Column, string>> = {
    name: opts.nameColumn,
    title: opts.titleColumn,
    manager: opts.managerColumn,
    department: opts.departmentColumn,
    region: opts.regionColumn,
    id: opts.idColumn,
    managerId: opts.managerIdColumn,
  };
  let result;
  try {
    result = importPeople(text, { columns, language: opts.lang, source: path.basename(file) });
  } catch (error) {
    if (error instanceof ImportError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
  const header = zh
    ? `# 由 \`orgc import ${path.basename(file)}\` 生成的组织草稿：岗位来自部门内的职位，汇报关系来自上级，编制来自人数。\n# 职责、RACI 与 KPI 无法从人员名单得出：请补充，然后运行 \`npx orgc validate\` 查看还缺什么。\n`
    : `# A draft org made by \`orgc import ${path.basename(file)}\`: roles from the titles within departments,\n# reporting lines from managers, headcount from counts. Duties, RACI and KPIs are not in a people\n# list: add them, and \`npx orgc validate\` lists what is still missing.\n`;
  const yaml = header + jsYaml.dump(result.org, { lineWidth: -1, noRefs: true, quotingType: '"' });

  const toStdout = opts.out === '-';
  const report = toStdout ? io.stderr : io.stdout;
  if (!toStdout) {
    const target = path.resolve(io.cwd, opts.out);
    if (existsSync(target) && !opts.force) throw new UsageError(`not overwriting ${opts.out} (use --force, or --out another file)`);
    await writeFileAtomic(target, yaml);
  } else io.stdout(yaml);
  const s = result.stats;
  const where = toStdout ? (zh ? '标准输出' : 'stdout') : opts.out;
  report(zh ? `✔ ${where}：${s.people} 人，${s.roles} 个岗位，${s.departments} 个部门，${s.regions} 个区域\n` : `✔ ${where}: ${s.people} people, ${s.roles} roles, ${s.departments} departments, ${s.regions} regions\n`);
  const problems = [...notes.map((n) => `  ! ${n}`), ...result.problems.map((p) => `  ! ${p.row ? `${zh ? '第' : 'row '}${p.row}${zh ? ' 行' : ''}: ` : ''}${p.message}`)];
  if (problems.length) report(`${zh ? `${problems.length} 处未能映射：` : `${problems.length} thing${problems.length === 1 ? '' : 's'} not mapped:`}\n${problems.join('\n')}\n`);
  return EXIT_CLEAN;
}
