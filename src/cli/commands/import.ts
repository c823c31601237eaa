// `orgc import <people.csv>`: a draft org from an HR system's people export. Writes the draft
// (org.yaml unless told otherwise; never over a file without --force) and says what it could not
// map. The draft validates structurally; the design rules then list what it still lacks.
import { isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import jsYaml from 'js-yaml';
import { parseLevelWords, type LevelsProblem, type LevelWords } from '../../import/levels.js';
import { loadPinyin } from '../../import/ids.js';
import { importPeople, ImportError, type Column } from '../../import/people.js';
import { dumpYamlBytes, dumpYamlChunks } from '../../import/yaml.js';
import { decodeUtf8 } from '../../load/decode.js';
import { say } from '../../i18n/cli.js';
import { chooseLanguage, type UiLanguage } from '../../i18n/lang.js';
import { toSimplified } from '../../i18n/traditional.js';
import { configLanguage } from '../analyze.js';
import { EXIT_CLEAN, UsageError } from '../errors.js';
import type { Io } from '../output.js';
import { writeChunksAtomic } from '../write-files.js';

export interface ImportCommandOptions {
  out: string;
  /** The draft's default language and the report's; without it, as `chooseLanguage` decides (the export's own script standing for the org's language). */
  lang?: string;
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
  const config = await configLanguage(io);
  // Until the file is read, the language is the reader's; then an export written in Chinese counts
  // as an org whose default language is Chinese.
  let lang: UiLanguage = chooseLanguage({ flag: opts.lang, config, env: io.env });
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path.resolve(io.cwd, file));
  } catch (error) {
    throw new UsageError(cannotRead(file, error, lang));
  }
  // csv-parse reads the bytes; the text is wanted only to look for Chinese (the org's language,
  // pinyin). Han characters are U+2E80 and above, whose UTF-8 starts with a byte of 0xE2 or more:
  // an export with no such byte (nor a byte-order mark, 0xEF or 0xFE/0xFF) is only checked, not
  // decoded (~0.1 s at 100,000 people).
  const decoded = noByteFrom(bytes, 0xe2) && isUtf8(bytes) && bytes.indexOf(0) === -1 ? ({ ok: true, text: '' } as const) : decodeUtf8(bytes);
  let text: string;
  const notes: string[] = [];
  if (decoded.ok) text = decoded.text;
  else if (decoded.messageId === 'utf16') throw new UsageError(say('utf16', lang, { file }));
  else {
    // Chinese HR systems and Excel often export GB18030; read it rather than refuse it.
    text = new TextDecoder('gb18030').decode(bytes);
    notes.push('gb18030');
  }
  lang = chooseLanguage({ flag: opts.lang, config, env: io.env, org: exportLanguage(text) });
  if (notes.length) notes[0] = say('gb18030', lang, { file });
  const levels = opts.levels === undefined ? undefined : await readLevels(opts.levels, io, lang);
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
    // Chinese in the export, or Chinese words the draft adds (zh-CN, zh-TW), become ids in pinyin.
    if (HAN.test(text) || lang !== 'en') await loadPinyin();
    // UTF-8 as read: csv-parse takes the bytes without a copy of the text turned back into bytes.
    result = importPeople(decoded.ok ? bytes : text, { columns, language: lang, source: path.basename(file), levels, keepTitles: opts.keepTitles });
  } catch (error) {
    if (error instanceof ImportError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
  const header = say('import-header', lang, { file: path.basename(file) });
  // The draft is written as it is made (100,000 people are 30 MB of YAML): the header, then chunks.
  function* draftText() {
    yield header;
    yield* dumpYamlChunks(result!.draft);
  }
  // To a file, as UTF-8 made piece by piece (dumpYamlBytes: ~0.2 s less at 100,000 people).
  function* draftBytes() {
    yield header;
    yield* dumpYamlBytes(result!.draft);
  }

  const toStdout = opts.out === '-';
  const report = toStdout ? io.stderr : io.stdout;
  if (!toStdout) {
    const target = path.resolve(io.cwd, opts.out);
    if (existsSync(target) && !opts.force) throw new UsageError(say('not-overwriting', lang, { file: opts.out }));
    await writeChunksAtomic(target, draftBytes());
  } else for (const chunk of draftText()) io.stdout(chunk);
  const s = result.stats;
  const r = result.report;
  const where = toStdout ? say('stdout', lang) : opts.out;
  const out: string[] = [];
  out.push(say('import-done', lang, { where, people: s.people, positions: s.positions, roles: s.roles, departments: s.departments, regions: s.regions }));
  out.push(say('import-columns', lang), ...r.columns.map((c) => `  ${c.header} → ${c.use}`));
  const dotted = r.lines.dotted ? say('import-dotted', lang, { kept: r.lines.dottedKept, total: r.lines.dotted }) : '';
  out.push(say('import-lines', lang, { kept: r.lines.kept, total: r.lines.total }) + dotted);
  const section = (title: string, lines: string[]) => {
    if (lines.length) out.push(title, ...lines.map((l) => `  ${l}`));
  };
  section(say('import-splits', lang), r.splits);
  section(say('import-positions', lang), r.positions);
  section(say('import-merges', lang), r.merges);
  section(say('import-levels', lang), r.levels);
  const problems = [
    ...notes,
    ...r.warnings,
    ...r.problems.map((p) => `${p.row ? say('import-row', lang, { row: p.row }) : ''}${p.message}`),
  ].map((p) => `  ! ${p}`);
  if (problems.length) out.push(say('import-problems', lang, { n: problems.length }), ...problems);
  const draft = toStdout ? 'org.yaml' : opts.out;
  out.push(
    say('import-next', lang),
    say('import-next-1', lang, { draft }),
    say('import-next-2', lang),
    say('import-next-3', lang, { draft }),
    say('import-next-4', lang),
  );
  report(out.join('\n') + '\n');
  return EXIT_CLEAN;
}

/** A `--levels` file: YAML, title words to levels. */
async function readLevels(file: string, io: Io, lang: UiLanguage): Promise<LevelWords> {
  let text: string;
  try {
    text = await readFile(path.resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(cannotRead(file, error, lang));
  }
  let data: unknown;
  try {
    data = jsYaml.load(text);
  } catch (error) {
    // js-yaml's reason is English: a Chinese reader gets the place and what to look for instead.
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const reason = ((error as { reason?: string }).reason ?? (error as Error).message).split('\n')[0];
    throw new UsageError(mark ? say('not-yaml-at', lang, { file, line: mark.line + 1, column: mark.column + 1, reason }) : say('not-yaml', lang, { file, reason }));
  }
  const words = parseLevelWords(data);
  if (!Array.isArray(words)) {
    const problem = words as LevelsProblem;
    throw new UsageError(say(problem.messageId, lang, { file, ...problem.data }));
  }
  return words;
}

const HAN = /\p{Script=Han}/u;

/**
 * The language an export is written in: Chinese when it has Han characters, Traditional when a fair
 * share of them (one in twenty of the first 64 KB) read differently in Simplified (職位, 總監).
 */
function exportLanguage(text: string): UiLanguage {
  const head = text.slice(0, 65536);
  // Most exports have no Chinese: one search, not a test of every character.
  if (!HAN.test(head)) return 'en';
  const sample = [...head].filter((c) => HAN.test(c));
  const simplified = [...toSimplified(sample.join(''))];
  const changed = sample.filter((c, i) => simplified[i] !== c).length;
  return simplified.length === sample.length && changed * 20 >= sample.length ? 'zh-TW' : 'zh-CN';
}

/** Whether every byte is below `limit`. */
function noByteFrom(bytes: Uint8Array, limit: number): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= limit) return false;
  return true;
}

function cannotRead(file: string, error: unknown, lang: UiLanguage): string {
  const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? say('no-such-file', lang) : (error as Error).message;
  return say('cannot-read', lang, { file, reason });
}
