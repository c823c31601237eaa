// The people export of an HR system (a CSV: name, title, manager, department, …) turned into a
// draft org that keeps the export's structure: every person→manager line becomes a role→role line,
// a title whose people report to managers in different roles becomes one role per manager role
// (named so a reader can tell them apart), one person in several seats stays one person, and
// levels come from the words of titles before the shape of the tree. Duties, RACI and KPIs cannot
// be read from a people list: the draft leaves them out and says so. Everything guessed or not
// mapped is reported, never decided silently. Linear in the number of rows.
import { parse } from 'csv-parse/sync';
import type { RoleLevel } from '../schema/grammar.js';
import { tr } from '../i18n/text.js';
import { toSimplified } from '../i18n/traditional.js';
import { Ids } from './ids.js';
import { DEFAULT_LEVEL_WORDS, levelMatcher, type LevelWords } from './levels.js';
import { isSpelledOut, plainText, readTitle, teamOf, titleCase, type ReadTitle } from './titles.js';
import { materialize, pair, StreamedMapping, yamlKey, yamlScalar } from './yaml.js';

/** Columns the import reads, each found by any of these header names (case and spacing ignored). */
export const COLUMNS = {
  name: ['name', 'full name', 'employee name', 'display name', '姓名', '员工姓名'],
  title: ['title', 'job title', 'position', 'role', 'job', '职位', '岗位', '职务'],
  manager: ['manager', 'manager name', 'reports to', 'supervisor', 'line manager', '上级', '直属上级', '汇报对象'],
  managerId: ['manager id', 'manager employee id', 'reports to id', 'supervisor id', 'manager position id', '上级工号', '上级编号'],
  dottedManager: ['dotted line manager', 'dotted line', 'dotted manager', 'matrix manager', 'secondary manager', '虚线上级', '虚线汇报'],
  department: ['department', 'dept', 'team', 'organization', 'org unit', '部门', '所属部门'],
  // Regions a role is cut by. A person's own location is not one: see LOCATION_HEADERS.
  region: ['region', 'sales region', 'area', 'territory', '区域', '大区', '销售区域'],
  id: ['id', 'employee id', 'employee number', 'staff id', 'emp id', 'person id', '工号', '员工编号'],
  position: ['position id', 'seat id', 'position number', 'req id', '岗位编号', '职位编号'],
} as const;
export type Column = keyof typeof COLUMNS;

/** Headers that say where each person is: read as a region only when named with --region-column. */
export const LOCATION_HEADERS = ['location', 'home location', 'work location', 'office', 'city', 'country', 'base', '地点', '工作地点', '城市', '所在地', '办公地点'];

export interface ImportOptions {
  /** Header names given by the user, overriding the defaults; '' turns a column off. */
  columns?: Partial<Record<Column, string>>;
  /** The draft's default language, and the language of the report. */
  language: string;
  /** Shown in the draft's org name. */
  source: string;
  /** The user's level words, checked before the built-in ones. */
  levels?: LevelWords;
  /** Keep titles apart that differ only in spelling, abbreviations or a region in brackets. */
  keepTitles?: boolean;
}

export interface ImportProblem {
  /** Data row (1-based, after the header), or 0 for the file as a whole. */
  row: number;
  message: string;
}

/** What the import did, for the user to check: each list already in the report's language. */
export interface ImportReport {
  /** Each header, and what it became. */
  columns: Array<{ header: string; use: string }>;
  /** Person→manager lines in the export, and how many became role→role lines. */
  lines: { total: number; kept: number; dotted: number; dottedKept: number };
  /** Titles held under several manager roles: one role each. */
  splits: string[];
  /** Titles read as one role, for the user to confirm. */
  merges: string[];
  /** People in several positions. */
  positions: string[];
  /** How levels were guessed. */
  levels: string[];
  /** Warnings about the mapping, each with its fix. */
  warnings: string[];
  problems: ImportProblem[];
}

export interface Imported {
  /** The draft, its roles and people given entry by entry: write it with `dumpYamlChunks`. */
  draft: Record<string, unknown>;
  /** The draft as one object (made on each read). */
  readonly org: Record<string, unknown>;
  report: ImportReport;
  stats: { people: number; positions: number; roles: number; departments: number; regions: number };
}

export class ImportError extends Error {
  override readonly name = 'ImportError';
}




/** A Chinese template with the export's data in it, made Traditional for zh-TW around the data only. */
interface ZhText {
  in(lang: string): string;
}
function zhText(strings: TemplateStringsArray, ...values: unknown[]): ZhText {
  return { in: (lang) => strings.map((s, i) => tr(lang, s, s) + (i < values.length ? String(values[i]) : '')).join('') };
}

/**
 * @param text The export: its text, or its bytes when they are valid UTF-8 (csv-parse reads bytes;
 * text it first turns back into bytes, 35–65 ms for a file of 100,000 people).
 */
export function importPeople(text: string | Uint8Array, opts: ImportOptions): Imported {
  const zh = opts.language.startsWith('zh');
  // The report's words in the draft's language; in zh-TW only orgc's own words are made
  // Traditional (`zhText\`…\`` keeps the names and titles from the export as they are).
  const t = (en: string, cn: string | ZhText) => (!zh ? en : typeof cn === 'string' ? tr(opts.language, en, cn) : cn.in(opts.language));

  // Columns: found by name, named by the user, or turned off by the user with ''.
  const readHeader = (head: string[]) => {
    const header = head.map(norm);
    const index = {} as Record<Column, number>;
    for (const column of Object.keys(COLUMNS) as Column[]) {
      const wanted = opts.columns?.[column];
      if (wanted === '') {
        index[column] = -1;
        continue;
      }
      const names = wanted !== undefined ? [norm(wanted)] : COLUMNS[column].map(normOwn);
      index[column] = header.findIndex((h) => names.includes(h));
      if (wanted !== undefined && index[column] === -1) throw new ImportError(t(`no column '${wanted}' in the header (${head.join(', ')})`, zhText`表头中没有 “${wanted}” 列（表头为：${head.join('、')}）`));
    }
    for (const required of ['name', 'title'] as const) {
      if (index[required] === -1) throw new ImportError(t(`no ${required} column: name one with --${required}-column (the header has ${head.join(', ')})`, required === 'name' ? zhText`找不到姓名列：请用 --name-column 指定（表头为：${head.join('、')}）` : zhText`找不到职位列：请用 --title-column 指定（表头为：${head.join('、')}）`));
    }
    const flag = (c: Column) => `--${c.replace(/[A-Z]/g, (l) => `-${l.toLowerCase()}`)}-column`;
    const USES: Record<Column, string> = {
      name: t('the person’s name', '人员姓名'),
      title: t('the job title: roles', '职位：岗位'),
      manager: index.managerId !== -1 ? t('the manager, by name, where the manager id is empty: reporting lines', '上级（按姓名，上级编号为空时）：汇报关系') : t('the manager, by name: reporting lines', '上级（按姓名）：汇报关系'),
      managerId: index.position !== -1 ? t('the manager, by position id: reporting lines', '上级（按岗位编号）：汇报关系') : t('the manager, by employee id: reporting lines', '上级（按工号）：汇报关系'),
      dottedManager: t('a second manager: dotted lines', '第二上级：虚线汇报'),
      department: t('the department: role families', '部门：岗位族'),
      region: t('the region: the region dimension and role scope', '区域：区域维度与岗位范围'),
      id: t('the employee id: one person in several rows is one person', '工号：多行同一工号为同一人'),
      position: t('the position id, which managers are given by', '岗位编号：上级按它引用'),
    };
    const columns: ImportReport['columns'] = head.map((h, i) => {
      const used = (Object.keys(COLUMNS) as Column[]).find((c) => index[c] === i);
      if (used) return { header: h, use: USES[used] };
      if (LOCATION_HEADERS.map(normOwn).includes(norm(h))) return { header: h, use: t(`not used: where each person is, not a region of a role (${flag('region')} '${h}' to cut roles by it)`, zhText`未使用：这是每个人所在的地点，不是岗位的区域（如要按它划分岗位：${flag('region')} '${h}'）`) };
      return { header: h, use: t('not used', '未使用') };
    });
    for (const column of Object.keys(COLUMNS) as Column[]) {
      if (opts.columns?.[column] === '') columns.push({ header: `(${column})`, use: t(`turned off (${flag(column)} '')`, zhText`已关闭（${flag(column)} ''）`) });
    }
    return { index, columns };
  };

  const problems: ImportProblem[] = [];
  const warnings: string[] = [];

  let records: Array<string[] | undefined>;
  try {
    records = parse(typeof text === 'string' ? text : Buffer.from(text.buffer, text.byteOffset, text.byteLength), { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    throw new ImportError(t(`not a CSV file: ${(error as Error).message.split('\n')[0]}`, zhText`不是 CSV 文件：${(error as Error).message.split('\n')[0]}`));
  }
  if (records.length < 2) throw new ImportError(t('the file has no rows below its header', '文件在表头下没有任何数据行'));
  const head = records[0]!;
  const { index, columns } = readHeader(head);

  // Only the cells the import uses are kept, in one array per column, and each row is let go of
  // once read: 100,000 row arrays, and their unused cells, held to the end were copied by every
  // young-generation collection of the run. Cells of few values (titles, departments, regions)
  // are kept once each.
  const regionValues = new Set<string>();
  const regionCells = new Map<string, string>();
  const departmentCells = new Map<string, string>();
  const titleCells: string[] = [];
  const titleNumber = new Map<string, number>();
  const titleCount: number[] = [];
  // Per position (a row with a name and a title), made as long as the rows and cut to the
  // positions at the end (arrays that grow by pushing are copied at every growth).
  const rowCount = records.length - 1;
  const lineOf = new Int32Array(rowCount);
  const titleOfPos = new Int32Array(rowCount);
  const nameOf: string[] = new Array(rowCount);
  const managerOf: string[] = new Array(rowCount);
  const managerIdOf: string[] = new Array(rowCount);
  const dottedCellOf: string[] = new Array(rowCount);
  const departmentOf: string[] = new Array(rowCount);
  const regionOf: string[] = new Array(rowCount);
  const idOf: string[] = new Array(rowCount);
  const positionIdOf: string[] = new Array(rowCount);
  const intern = (map: Map<string, string>, s: string) => {
    const seen = map.get(s);
    if (seen !== undefined) return seen;
    map.set(s, s);
    return s;
  };
  const cell = (r: string[], c: Column) => (index[c] === -1 ? '' : plainText(r[index[c]] ?? ''));
  let n = 0;
  for (let i = 1; i < records.length; i++) {
    const r = records[i]!;
    records[i] = undefined;
    const regionCell = index.region === -1 ? '' : intern(regionCells, cell(r, 'region'));
    if (index.region !== -1) regionValues.add(regionCell.toLowerCase());
    const name = cell(r, 'name');
    const titleCell = cell(r, 'title');
    if (!name) problems.push({ row: i, message: t('no name: row skipped', '没有姓名：已跳过该行') });
    else if (!titleCell) problems.push({ row: i, message: t(`${name} has no title: row skipped`, zhText`${name} 没有职位：已跳过该行`) });
    else {
      // Titles repeat: each is read once (when every region is known), and counted.
      let title = titleNumber.get(titleCell);
      if (title === undefined) {
        titleNumber.set(titleCell, (title = titleCells.length));
        titleCells.push(titleCell);
        titleCount.push(0);
      }
      titleCount[title]++;
      lineOf[n] = i;
      nameOf[n] = name;
      titleOfPos[n] = title;
      managerOf[n] = cell(r, 'manager');
      managerIdOf[n] = cell(r, 'managerId');
      dottedCellOf[n] = cell(r, 'dottedManager');
      departmentOf[n] = intern(departmentCells, cell(r, 'department'));
      regionOf[n] = regionCell;
      idOf[n] = cell(r, 'id');
      positionIdOf[n] = cell(r, 'position');
      n++;
    }
  }
  for (const column of [nameOf, managerOf, managerIdOf, dottedCellOf, departmentOf, regionOf, idOf, positionIdOf]) column.length = n;
  records = [];
  if (n === 0) throw new ImportError(t('no row has both a name and a title', '没有一行同时有姓名和职位'));
  // Positions share the reading of their title and never change it.
  const titles = titleCells.map((c) => readTitle(c, regionValues, !opts.keepTitles));
  const titleAt = (p: number) => titles[titleOfPos[p]];
  for (let p = 0; p < n; p++) if (!regionOf[p]) regionOf[p] = titles[titleOfPos[p]].region || '';

  // People: by employee id where there is one; else by name, where the same name with the same
  // title twice is two people (one person seldom holds one title twice) and with another title
  // is the same person in another seat. A person is their first position; the few in several
  // seats have the list of them.
  const personOf = new Int32Array(n);
  const personFirst = new Int32Array(n);
  const personPrimary = new Int32Array(n);
  let personCount = 0;
  const personSeats = new Map<number, number[]>();
  const seatsOf = (person: number) => personSeats.get(person) ?? [personFirst[person]];
  // By employee id, and by a key of name and count for rows without one: two maps, so that the
  // common case builds no key text per row.
  const personById = new Map<string, number>();
  const personByKey = new Map<string, number>();
  const personsByName = new Map<string, number[]>();
  const seenNameTitle = new Map<string, number>();
  for (let p = 0; p < n; p++) {
    const id = idOf[p];
    const name = nameOf[p];
    let key = '';
    if (!id) {
      const title = titleAt(p);
      const nameTitle = `${name}\0${title.key}`;
      const k = seenNameTitle.get(nameTitle) ?? 0;
      seenNameTitle.set(nameTitle, k + 1);
      if (k === 1) problems.push({ row: lineOf[p], message: t(`a second ${name} titled ${title.base}: read as another person (an employee id column would tell)`, zhText`又一位职位为 ${title.base} 的 ${name}：视为另一人（工号列可以区分）`) });
      key = `name\0${name}\0${k}`;
    }
    const byKey = id ? personById : personByKey;
    let person = byKey.get(id || key);
    if (person === undefined) {
      person = personCount++;
      personFirst[person] = p;
      personPrimary[person] = p;
      byKey.set(id || key, person);
      const same = personsByName.get(name);
      if (same) same.push(person);
      else personsByName.set(name, [person]);
    } else {
      const seats = personSeats.get(person);
      if (seats) seats.push(p);
      else personSeats.set(person, [personFirst[person], p]);
    }
    personOf[p] = person;
  }
  // A person's main seat: the first that is not held for now or named in passing.
  for (const [person, seats] of personSeats) personPrimary[person] = seats.find((p) => !titleAt(p).interim && !titleAt(p).also) ?? seats[0];

  // Managers: by position id, else employee id, else name. The first is the solid line, others dotted.
  const byPositionId = new Map<string, number>();
  for (let p = 0; p < n; p++) {
    const id = positionIdOf[p];
    if (!id) continue;
    if (byPositionId.has(id)) problems.push({ row: lineOf[p], message: t(`position id ${id} is used twice: managers given by it mean row ${lineOf[byPositionId.get(id)!]}`, zhText`岗位编号 ${id} 重复：按它指定的上级取第 ${lineOf[byPositionId.get(id)!]} 行`) });
    else byPositionId.set(id, p);
  }
  // A person's employee id means their main seat.
  const byId = (ref: string) => {
    const found = byPositionId.get(ref);
    if (found !== undefined) return found;
    const person = personById.get(ref);
    return person === undefined ? undefined : personPrimary[person];
  };
  const resolve = (p: number, ref: string, kind: 'id' | 'name' | 'any'): number | undefined => {
    if (kind !== 'name') {
      const found = byId(ref);
      if (found !== undefined || kind === 'id') {
        if (found === undefined) problems.push({ row: lineOf[p], message: t(`${nameOf[p]}'s manager ${ref} is not in the file`, zhText`${nameOf[p]} 的上级 ${ref} 不在文件中`) });
        return found;
      }
    }
    const named = personsByName.get(ref) ?? [];
    if (named.length === 1) return personPrimary[named[0]];
    if (named.length > 1) problems.push({ row: lineOf[p], message: t(`${nameOf[p]}'s manager ${ref} is ambiguous: ${named.length} people have that name (add an id column)`, zhText`${nameOf[p]} 的上级 ${ref} 不明确：有 ${named.length} 人同名（请加工号列）`) });
    else problems.push({ row: lineOf[p], message: t(`${nameOf[p]}'s manager ${ref} is not in the file`, zhText`${nameOf[p]} 的上级 ${ref} 不在文件中`) });
    return undefined;
  };
  const parentOf = new Int32Array(n).fill(-1);
  // Second managers, for the few positions that have them.
  const dottedParents = new Map<number, number[]>();
  for (let p = 0; p < n; p++) {
    // The first manager of the manager columns is the solid line; any other, and those of the
    // dotted-line column, are dotted. A dotted line alone is not promoted to a solid one.
    let managers: number[] | undefined;
    let first = -1;
    let solid = false;
    const add = (ref: string, kind: 'id' | 'name' | 'any') => {
      const m = resolve(p, ref, kind);
      if (m === undefined) return;
      if (m === p) problems.push({ row: lineOf[p], message: t(`${nameOf[p]} is given as their own manager: line left out`, zhText`${nameOf[p]} 的上级是其本人：该汇报线未采用`) });
      else if (first === -1) {
        solid = kind !== 'any';
        first = m;
      } else if (m !== first && !managers?.includes(m)) (managers ??= []).push(m);
    };
    // Most cells name one manager: read without splitting.
    if (managerIdOf[p]) eachRef(managerIdOf[p], ID_SEPARATORS, (r) => add(r, 'id'));
    else if (managerOf[p]) eachRef(managerOf[p], NAME_SEPARATORS, (r) => add(r, 'name'));
    if (dottedCellOf[p]) eachRef(dottedCellOf[p], NAME_SEPARATORS, (r) => add(r, 'any'));
    if (first === -1) continue;
    if (solid) {
      parentOf[p] = first;
      if (managers) dottedParents.set(p, managers);
    } else dottedParents.set(p, [first, ...(managers ?? [])]);
  }

  // People who manage each other in a circle: the line of the earliest row in it goes, and is reported.
  const state = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    if (state[s]) continue;
    const path: number[] = [];
    let v = s;
    while (v !== -1 && state[v] === 0) {
      state[v] = 1;
      path.push(v);
      v = parentOf[v];
    }
    if (v !== -1 && state[v] === 1) {
      const cycle = path.slice(path.indexOf(v));
      const cut = cycle.reduce((a, b) => (lineOf[a] < lineOf[b] ? a : b));
      const names = cycle.map((p) => nameOf[p]).join(' → ');
      problems.push({ row: lineOf[cut], message: t(`people manage each other in a circle (${names}): ${nameOf[cut]}'s line to ${nameOf[parentOf[cut]]} is left out`, zhText`人员互为上级形成环（${names}）：${nameOf[cut]} 到 ${nameOf[parentOf[cut]]} 的汇报线未采用`) });
      parentOf[cut] = -1;
    }
    for (const p of path) state[p] = 2;
  }

  // Roles, top down: a role is a title within a department under one manager role, so that every
  // person's role reports to their manager's role. A role's people are a list threaded through
  // the positions (first, next, last), in the order they join it.
  const firstChild = new Int32Array(n).fill(-1);
  const nextSibling = new Int32Array(n).fill(-1);
  for (let p = n - 1; p >= 0; p--) {
    const parent = parentOf[p];
    if (parent !== -1) {
      nextSibling[p] = firstChild[parent];
      firstChild[parent] = p;
    }
  }
  const order = new Int32Array(n);
  let ordered = 0;
  for (let p = 0; p < n; p++) if (parentOf[p] === -1) order[ordered++] = p;
  for (let i = 0; i < ordered; i++) for (let c = firstChild[order[i]]; c !== -1; c = nextSibling[c]) order[ordered++] = c;
  // A role's key in numbers: its title and department (numbered as first met), then its manager role.
  const titleKeyNumber = new Map<string, number>();
  const keyOfTitle = titles.map((title) => {
    let k = titleKeyNumber.get(title.key);
    if (k === undefined) titleKeyNumber.set(title.key, (k = titleKeyNumber.size));
    return k;
  });
  const departmentNumber = new Map<string, number>();
  for (const d of departmentCells.keys()) departmentNumber.set(d, departmentNumber.size);
  const kindNumber = new Map<number, number>();
  const roleByKey = new Map<number, number>();
  const roleOf = new Int32Array(n);
  // As many as the positions at most, cut to the roles below.
  const roleParent = new Int32Array(n);
  const roleChildren = new Int32Array(n);
  const roleTitleKey: string[] = new Array(n);
  const roleDepartment: string[] = new Array(n);
  const memberFirst = new Int32Array(n);
  const memberLast = new Int32Array(n);
  const memberCount = new Int32Array(n);
  let roleCount = 0;
  const nextMember = new Int32Array(n).fill(-1);
  for (let i = 0; i < ordered; i++) {
    const p = order[i];
    const parentRole = parentOf[p] === -1 ? -1 : roleOf[parentOf[p]];
    const kindKey = keyOfTitle[titleOfPos[p]] * departmentNumber.size + departmentNumber.get(departmentOf[p])!;
    let kind = kindNumber.get(kindKey);
    if (kind === undefined) kindNumber.set(kindKey, (kind = kindNumber.size));
    const key = kind * (n + 1) + parentRole + 1;
    let role = roleByKey.get(key);
    if (role === undefined) {
      role = roleCount++;
      roleParent[role] = parentRole;
      roleTitleKey[role] = titleAt(p).key;
      roleDepartment[role] = departmentOf[p];
      memberFirst[role] = p;
      memberLast[role] = p;
      memberCount[role] = 1;
      roleByKey.set(key, role);
      if (parentRole !== -1) roleChildren[parentRole]++;
    } else {
      nextMember[memberLast[role]] = p;
      memberLast[role] = p;
      memberCount[role]++;
    }
    roleOf[p] = role;
  }
  roleTitleKey.length = roleDepartment.length = roleCount;
  const membersOf = (r: number) => {
    const list: number[] = [];
    for (let p = memberFirst[r]; p !== -1; p = nextMember[p]) list.push(p);
    return list;
  };

  // The title a role is shown with: the spelling most used among its people, spelled out. Counted
  // over the distinct title cells (in the order rows first use them), not over every row.
  const spellings = new Map<string, Map<string, number>>();
  const written = new Map<string, Set<string>>();
  const bracketRegions = new Map<string, Set<string>>();
  for (let c = 0; c < titles.length; c++) {
    const title = titles[c];
    let counts = spellings.get(title.key);
    if (!counts) spellings.set(title.key, (counts = new Map()));
    counts.set(title.base, (counts.get(title.base) ?? 0) + titleCount[c]);
    let forms = written.get(title.key);
    if (!forms) written.set(title.key, (forms = new Set()));
    forms.add(title.region ? `${title.base} (${title.region})` : title.base);
    if (title.region) bracketRegions.set(title.key, (bracketRegions.get(title.key) ?? new Set()).add(title.region));
  }
  const display = new Map<string, string>();
  for (const [key, counts] of spellings) {
    const ranked = [...counts].filter(([s]) => isSpelledOut(s)).sort((a, b) => b[1] - a[1] || compare(a[0], b[0]));
    // Spelled out where some row spells it out; as written where all rows write it one way.
    display.set(key, ranked.length ? ranked[0][0] : counts.size === 1 ? [...counts.keys()][0] : titleCase(key));
  }
  const merges: string[] = [];
  for (const [key, forms] of [...written].sort((a, b) => compare(display.get(a[0])!, display.get(b[0])!))) {
    if (forms.size < 2) continue;
    const regions = [...(bracketRegions.get(key) ?? [])].sort(compare);
    merges.push(`${display.get(key)} ← ${[...forms].sort(compare).join(', ')}${regions.length ? t(` (scope: region ${regions.join(', ')})`, zhText`（范围：区域 ${regions.join('、')}）`) : ''}`);
  }

  // Roles of one title told apart: by department, then by the team their manager role names.
  const byTitle = new Map<string, number[]>();
  for (let r = 0; r < roleCount; r++) {
    const list = byTitle.get(roleTitleKey[r]);
    if (list) list.push(r);
    else byTitle.set(roleTitleKey[r], [r]);
  }
  // A role's regions, asked for twice (naming splits, scope): made once, and without a set for the
  // many roles of one person.
  const regionsCache: Array<string[] | undefined> = new Array(roleCount);
  // The roles of one person share a list per region (the lists are only read).
  const justRegion = new Map<string, string[]>();
  const regionsOf = (r: number) => {
    let list = regionsCache[r];
    if (!list) {
      if (memberCount[r] === 1) {
        const region = regionOf[memberFirst[r]];
        list = !region ? NO_REGIONS : justRegion.get(region);
        if (!list) justRegion.set(region, (list = [region]));
      } else list = [...new Set(membersOf(r).map((p) => regionOf[p]).filter(Boolean))].sort(compare);
      regionsCache[r] = list;
    }
    return list;
  };
  const roleTitle: string[] = new Array(roleCount);
  const splits: string[] = [];
  // What can tell a role from others of its title, best first: its regions, the team its manager's
  // title names, that title, the one manager's name. Each from the titles as written, so that the
  // names need no order; the first that no peer shares is used. What a manager role gives its
  // reports is the same for all of them: made once per manager role.
  const fromParent: Array<readonly [team: string, title: string, manager: string] | undefined> = new Array(roleCount);
  const parentParts = (r: number) => {
    let parts = fromParent[r];
    if (!parts) {
      const title = display.get(roleTitleKey[r])!;
      const first = nameOf[memberFirst[r]];
      let sole = true;
      for (let p = nextMember[memberFirst[r]]; p !== -1 && sole; p = nextMember[p]) sole = nameOf[p] === first;
      fromParent[r] = parts = [teamOf(title) ?? '', title, sole ? t(`team of ${first}`, zhText`${first} 团队`) : ''];
    }
    return parts;
  };
  const noManager = t('no manager', '无上级');
  const candidates = (r: number): string[] => {
    const parent = roleParent[r];
    if (parent === -1) return [regionsOf(r).join(', '), noManager, '', ''];
    const [team, title, manager] = parentParts(parent);
    return [regionsOf(r).join(', '), team, title, manager];
  };
  for (const group of byTitle.values()) {
    const base = display.get(roleTitleKey[group[0]])!;
    if (group.length === 1) {
      roleTitle[group[0]] = base;
      continue;
    }
    const byDepartment = new Map<string, number[]>();
    for (const g of group) {
      const list = byDepartment.get(roleDepartment[g]);
      if (list) list.push(g);
      else byDepartment.set(roleDepartment[g], [g]);
    }
    for (const [department, peers] of byDepartment) {
      // Alone in its department: named by the department, where the title has several.
      if (peers.length === 1) {
        roleTitle[peers[0]] = byDepartment.size > 1 && department ? `${base} · ${department}` : base;
        continue;
      }
      const found = peers.map(candidates);
      const counts = found[0].map((_, k) => {
        const count = new Map<string, number>();
        for (const c of found) count.set(c[k], (count.get(c[k]) ?? 0) + 1);
        return count;
      });
      const used = new Map<string, number>();
      peers.forEach((g, i) => {
        const parts: string[] = [];
        if (byDepartment.size > 1 && department) parts.push(department);
        if (peers.length > 1) parts.push(found[i].find((c, k) => c !== '' && counts[k].get(c) === 1) ?? found[i].slice(1).filter(Boolean).join(', '));
        let title = parts.filter(Boolean).length ? `${base} · ${parts.filter(Boolean).join(' · ')}` : base;
        // Peers nothing tells apart are numbered.
        const k = (used.get(title) ?? 0) + 1;
        used.set(title, k);
        if (k > 1) title = `${title} · ${k}`;
        roleTitle[g] = title;
      });
    }
  }
  for (const [, group] of [...byTitle].sort((a, b) => compare(display.get(a[0])!, display.get(b[0])!))) {
    if (group.length < 2) continue;
    // A tie is two roles of one title in one department as large as each other: where the old
    // import would have picked one manager role for both, and now says it did not.
    const ranked = [...group].sort((a, b) => memberCount[b] - memberCount[a]);
    const sizes = ranked.map((g) => memberCount[g]);
    const tie = sizes[0] === sizes[1] && roleDepartment[ranked[0]] === roleDepartment[ranked[1]] ? t(` — a tie (${sizes[0]} and ${sizes[1]}): no manager role chosen over another`, zhText` —— 人数相同（${sizes[0]} 与 ${sizes[1]}）：未在上级岗位中择一`) : '';
    const list = group.map((g) => `${roleTitle[g]} (${memberCount[g]})`).join('; ');
    splits.push(t(`${display.get(roleTitleKey[group[0]])}: ${group.length} roles, one per manager role: ${list}${tie}`, zhText`${display.get(roleTitleKey[group[0]])}：按上级岗位分为 ${group.length} 个岗位：${list}${tie}`));
  }
  const ids = new Ids();
  const roleId = roleTitle.map((title) => ids.make(title, 'role'));

  // Levels: from the words of the title, else from the role's place in the tree.
  const match = levelMatcher([...(opts.levels ?? []), ...DEFAULT_LEVEL_WORDS]);
  const levelOf: RoleLevel[] = [];
  const fromWords = new Map<RoleLevel, Map<string, number>>();
  const fromTree = new Map<RoleLevel, number>();
  // Roles of one title share its guess: the words are looked for once per title.
  const guesses = new Map<string, ReturnType<typeof match>>();
  for (let r = 0; r < roleCount; r++) {
    const titleKey = roleTitleKey[r];
    let guess = guesses.get(titleKey);
    if (guess === undefined && !guesses.has(titleKey)) guesses.set(titleKey, (guess = match(display.get(titleKey)!)));
    if (guess) {
      levelOf.push(guess.level);
      const words = fromWords.get(guess.level) ?? new Map<string, number>();
      fromWords.set(guess.level, words.set(guess.word!, (words.get(guess.word!) ?? 0) + 1));
    } else {
      const level: RoleLevel = roleParent[r] === -1 ? 'strategic' : roleChildren[r] > 0 ? 'tactical' : 'frontline';
      levelOf.push(level);
      fromTree.set(level, (fromTree.get(level) ?? 0) + 1);
    }
  }
  const levels: string[] = [];
  for (const [level, words] of [...fromWords].sort((a, b) => compare(a[0], b[0]))) {
    const total = [...words.values()].reduce((a, b) => a + b, 0);
    levels.push(t(`${level}: ${total} role${total === 1 ? '' : 's'} by title (${[...words].sort((a, b) => b[1] - a[1] || compare(a[0], b[0])).map(([w, c]) => `${w} ${c}`).join(', ')})`, zhText`${level}：${total} 个岗位按职位用词（${[...words].sort((a, b) => b[1] - a[1] || compare(a[0], b[0])).map(([w, c]) => `${w} ${c}`).join('，')}）`));
  }
  const treeTotal = [...fromTree.values()].reduce((a, b) => a + b, 0);
  if (treeTotal) levels.push(t(`${treeTotal} role${treeTotal === 1 ? '' : 's'} by place in the tree, no level word in the title (${[...fromTree].sort((a, b) => compare(a[0], b[0])).map(([l, c]) => `${l} ${c}`).join(', ')})`, zhText`${treeTotal} 个岗位按在汇报树中的位置（职位中无层级用词；${[...fromTree].sort((a, b) => compare(a[0], b[0])).map(([l, c]) => `${l} ${c}`).join('，')}）`));

  // Regions: from the region column or a region in brackets; a value per person is not a cut.
  const regions = [...new Set(regionOf)].filter(Boolean).sort(compare);
  if (index.region !== -1 && regions.length >= 5 && regions.length * 2 >= n) {
    const h = head[index.region];
    warnings.push(t(`column ${h} has ${regions.length} values for ${n} rows: that describes individuals, not a region roles are cut by (run again with --region-column '' to leave it out)`, zhText`列 ${h} 有 ${regions.length} 个值、共 ${n} 行：这描述的是个人，不是岗位划分的区域（加 --region-column '' 重新运行即可不用它）`));
  }
  const regionId = new Map<string, string>();
  for (const r of regions) regionId.set(r, ids.make(r, 'region'));
  // In the order rows first name them.
  const departments = [...departmentCells.keys()].filter(Boolean);
  const familyId = new Map(departments.map((d) => [d, ids.make(d, 'department')]));

  // Lines kept: checked on the roles, not assumed from the construction.
  const lines = { total: 0, kept: 0, dotted: 0, dottedKept: 0 };
  const dottedOf = new Map<number, Set<number>>();
  for (let p = 0; p < n; p++) {
    if (parentOf[p] !== -1) {
      lines.total++;
      if (roleParent[roleOf[p]] === roleOf[parentOf[p]]) lines.kept++;
    }
  }
  // The few positions with second managers, in row order.
  for (const [p, managers] of dottedParents) {
    const role = roleOf[p];
    for (const d of managers) {
      lines.dotted++;
      const to = roleOf[d];
      if (to === role) continue;
      if (to === roleParent[role]) lines.dottedKept++;
      else {
        const set = dottedOf.get(role) ?? new Set<number>();
        dottedOf.set(role, set.add(to));
        lines.dottedKept++;
      }
    }
  }

  // The draft's roles and people are written entry by entry as the file is written (see
  // StreamedMapping): each entry is made when it is written, and is garbage right after.
  const roleEntry = (r: number): Record<string, unknown> => {
    const own = regionsOf(r);
    const dottedTo = dottedOf.get(r);
    const forms = written.get(roleTitleKey[r])!;
    // Fields set one by one in the draft's order: no spread objects per role.
    const entry: Record<string, unknown> = { title: roleTitle[r], level: levelOf[r] };
    if (roleDepartment[r]) entry.family = familyId.get(roleDepartment[r]);
    if (own.length && own.length < regions.length) {
      entry.cut = ['region'];
      entry.scope = { region: own.map((x) => regionId.get(x)!) };
    }
    if (roleParent[r] !== -1) entry.reports_to = roleId[roleParent[r]];
    if (dottedTo) entry.dotted_line_to = [...dottedTo].map((d) => roleId[d]).sort(compare);
    entry.headcount = memberCount[r];
    if (forms.size > 1) entry.notes = t(`Imported from the titles ${[...forms].sort(compare).join(', ')}: confirm they are one role.`, zhText`由职位 ${[...forms].sort(compare).join('、')} 合并而来：请确认它们是同一岗位。`);
    return entry;
  };
  const tops: number[] = [];
  for (let r = 0; r < roleCount; r++) if (roleParent[r] === -1) tops.push(r);
  // Named as people know them, with the id the draft uses: `Sales Director (sales-director)`.
  const named = (r: number) => `${roleTitle[r]} (${roleId[r]})`;
  if (tops.length > 1) problems.push({ row: 0, message: t(`${tops.length} roles report to no one (an org has one top role): ${tops.map(named).join(', ')}`, zhText`${tops.length} 个岗位没有上级（组织应只有一个最高岗位）：${tops.map(named).join('、')}`) });

  // People, each once; other seats they hold are noted on them. Ids and notes are made here, in
  // person order, so that the report is whole before the draft is written.
  const personIds = new Ids();
  const personId: string[] = new Array(personCount);
  const personNotes = new Map<number, string>();
  const severalSeats: string[] = [];
  for (let i = 0; i < personCount; i++) {
    const name = nameOf[personFirst[i]];
    const id = idOf[personFirst[i]];
    const primary = personPrimary[i];
    personId[i] = personIds.make(name, 'person', id);
    // One seat, held for good and named alone: most people, nothing to note.
    if (!personSeats.has(i) && !titleAt(primary).interim && !titleAt(primary).also) continue;
    const seats = seatsOf(i);
    const others = seats.filter((p) => p !== primary).map((p) => roleOf[p]);
    const notes: string[] = [];
    if (others.length) {
      notes.push(t(`Also holds: ${others.map((r) => `${roleTitle[r]} (${roleId[r]})`).join('; ')}.`, zhText`兼任：${others.map((r) => `${roleTitle[r]}（${roleId[r]}）`).join('；')}。`));
      severalSeats.push(`${name}: ${seats.map((p) => `${roleTitle[roleOf[p]]}${titleAt(p).interim ? t(' (interim)', '（代理）') : ''}`).join('; ')}`);
    }
    for (const p of seats) {
      const title = titleAt(p);
      if (title.interim) notes.push(t(`${titleCase(title.interim.toLowerCase())} ${roleTitle[roleOf[p]]}.`, zhText`${title.interim}${roleTitle[roleOf[p]]}。`));
      // "(and CEO)" beside a row of the same person titled "CEO, co-founder" says nothing new.
      const also = title.also ? ` ${readTitle(title.also).key} ` : '';
      if (title.also && !seats.some((q) => ` ${titleAt(q).key} `.includes(also))) notes.push(t(`Also ${title.also} (not a row of the export).`, zhText`兼任 ${title.also}（导出文件中无此行）。`));
    }
    if (notes.length) personNotes.set(i, notes.join(' '));
  }

  const personEntry = (i: number): Record<string, unknown> => {
    const name = nameOf[personFirst[i]];
    const role = roleId[roleOf[personPrimary[i]]];
    const notes = personNotes.get(i);
    return notes === undefined ? { name, role } : { name, role, notes };
  };
  // The same entries written as text without making them (a million lines at 100,000 people):
  // ids, families, regions and levels are written once each, and what is not a plain one-line
  // scalar, or has notes, is written by the entry as above.
  let idsAsValues: Array<string | undefined> | undefined;
  const roleIdValue = (r: number) => (idsAsValues ??= roleId.map(yamlScalar))[r];
  const asValue = new Map<string, string | undefined>();
  const value = (s: string) => {
    let v = asValue.get(s);
    if (v === undefined && !asValue.has(s)) asValue.set(s, (v = yamlScalar(s)));
    return v;
  };
  function* rolesText(): Generator<string> {
    for (let r = 0; r < roleCount; r++) {
      const key = yamlKey(roleId[r]);
      const title = yamlScalar(roleTitle[r]);
      const level = value(levelOf[r]);
      const family = roleDepartment[r] ? value(familyId.get(roleDepartment[r])!) : '';
      const parent = roleParent[r] === -1 ? '' : roleIdValue(roleParent[r]);
      if (key === undefined || title === undefined || level === undefined || family === undefined || parent === undefined || written.get(roleTitleKey[r])!.size > 1) {
        yield pair(roleId[r], roleEntry(r), '  ');
        continue;
      }
      const own = regionsOf(r);
      const scope = own.length && own.length < regions.length ? own.map((x) => value(regionId.get(x)!)) : NO_REGIONS;
      const dottedTo = dottedOf.get(r);
      const dotted = dottedTo ? [...dottedTo].map((d) => roleId[d]).sort(compare).map(value) : NO_REGIONS;
      // A region or a dotted line's id that needs quoting: as the entry writes it.
      if (scope.includes(undefined) || dotted.includes(undefined)) {
        yield pair(roleId[r], roleEntry(r), '  ');
        continue;
      }
      let out = `  ${key}:\n    title: ${title}\n    level: ${level}\n`;
      if (family) out += `    family: ${family}\n`;
      if (scope.length) {
        out += '    cut:\n      - region\n    scope:\n      region:\n';
        for (const x of scope) out += `        - ${x}\n`;
      }
      if (parent) out += `    reports_to: ${parent}\n`;
      if (dotted.length) {
        out += '    dotted_line_to:\n';
        for (const d of dotted) out += `      - ${d}\n`;
      }
      yield `${out}    headcount: ${memberCount[r]}\n`;
    }
  }
  function* peopleText(): Generator<string> {
    for (let i = 0; i < personCount; i++) {
      const key = yamlKey(personId[i]);
      const name = yamlScalar(nameOf[personFirst[i]]);
      const role = roleIdValue(roleOf[personPrimary[i]]);
      if (key === undefined || name === undefined || role === undefined || personNotes.has(i)) yield pair(personId[i], personEntry(i), '  ');
      else yield `  ${key}:\n    name: ${name}\n    role: ${role}\n`;
    }
  }

  const draft: Record<string, unknown> = {
    orgc: 1,
    org: { id: ids.make(opts.source.replace(/\.[^.]*$/, ''), 'org'), name: t(`Draft from ${opts.source}`, zhText`由 ${opts.source} 导入的草稿`), language: opts.language, draft: true },
    ...(departments.length ? { families: Object.fromEntries(departments.map((d) => [familyId.get(d), { name: d }])) } : {}),
    ...(regions.length ? { dimensions: { region: { name: { en: 'Region', 'zh-CN': '区域' }, values: Object.fromEntries(regions.map((r) => [regionId.get(r), { name: r }])) } } } : {}),
    roles: new StreamedMapping(function* () {
      for (let r = 0; r < roleCount; r++) yield [roleId[r], roleEntry(r)] as const;
    }, rolesText),
    people: new StreamedMapping(function* () {
      for (let i = 0; i < personCount; i++) yield [personId[i], personEntry(i)] as const;
    }, peopleText),
  };
  // Row problems in row order, then those about the file as a whole.
  problems.sort((a, b) => (a.row || Infinity) - (b.row || Infinity));
  return {
    draft,
    get org() {
      return materialize(draft) as Record<string, unknown>;
    },
    report: { columns, lines, splits, merges, positions: severalSeats, levels, warnings, problems },
    stats: { people: personCount, positions: n, roles: roleCount, departments: departments.length, regions: regions.length },
  };
}

/** Shared by the roles of no region (and no dotted line). */
const NO_REGIONS: string[] = [];


const ID_SEPARATORS = /[;,；，、]/;
const NAME_SEPARATORS = /[;；]/;

/** Each reference of a cell that may name several, trimmed, empty ones left out. */
function eachRef(cell: string, separators: RegExp, f: (ref: string) => void): void {
  if (!separators.test(cell)) {
    const ref = cell.trim();
    if (ref) f(ref);
    return;
  }
  for (const part of cell.split(separators)) {
    const ref = part.trim();
    if (ref) f(ref);
  }
}

/** A header as compared: case, spacing and Traditional characters aside (職位 is 职位, 工號 is 工号). */
function norm(s: string): string {
  return toSimplified(normOwn(s));
}

/**
 * One of orgc's own header names as compared: written in Simplified already, so that an export
 * without Chinese headers never loads the Traditional dictionaries (~0.1 s).
 * test/import/people.test.ts checks that the names are their own Simplified form.
 */
function normOwn(s: string): string {
  return s.toLowerCase().replace(/[\s_\-.]+/g, ' ').trim();
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
