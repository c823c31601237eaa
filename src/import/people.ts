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
import { materialize, StreamedMapping } from './yaml.js';

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
const LOCATION_HEADERS = ['location', 'home location', 'work location', 'office', 'city', 'country', 'base', '地点', '工作地点', '城市', '所在地', '办公地点'];

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

interface Position {
  line: number;
  name: string;
  title: ReadTitle;
  manager: string;
  managerId: string;
  dotted: string;
  department: string;
  region: string;
  id: string;
  positionId: string;
  person: number;
  parent: number;
  dottedParents: number[];
  role: number;
}

interface Person {
  name: string;
  id: string;
  positions: number[];
  primary: number;
}

interface Role {
  key: string;
  titleKey: string;
  department: string;
  parent: number;
  members: number[];
  children: number;
  title: string;
  id: string;
}

/** A Chinese template with the export's data in it, made Traditional for zh-TW around the data only. */
interface ZhText {
  in(lang: string): string;
}
function zhText(strings: TemplateStringsArray, ...values: unknown[]): ZhText {
  return { in: (lang) => strings.map((s, i) => tr(lang, s, s) + (i < values.length ? String(values[i]) : '')).join('') };
}

export function importPeople(text: string, opts: ImportOptions): Imported {
  const zh = opts.language.startsWith('zh');
  // The report's words in the draft's language; in zh-TW only orgc's own words are made
  // Traditional (`zhText\`…\`` keeps the names and titles from the export as they are).
  const t = (en: string, cn: string | ZhText) => (!zh ? en : typeof cn === 'string' ? tr(opts.language, en, cn) : cn.in(opts.language));
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    throw new ImportError(t(`not a CSV file: ${(error as Error).message.split('\n')[0]}`, zhText`不是 CSV 文件：${(error as Error).message.split('\n')[0]}`));
  }
  if (records.length < 2) throw new ImportError(t('the file has no rows below its header', '文件在表头下没有任何数据行'));

  // Columns: found by name, named by the user, or turned off by the user with ''.
  const header = records[0].map(norm);
  const index = {} as Record<Column, number>;
  for (const column of Object.keys(COLUMNS) as Column[]) {
    const wanted = opts.columns?.[column];
    if (wanted === '') {
      index[column] = -1;
      continue;
    }
    const names = wanted !== undefined ? [norm(wanted)] : COLUMNS[column].map(norm);
    index[column] = header.findIndex((h) => names.includes(h));
    if (wanted !== undefined && index[column] === -1) throw new ImportError(t(`no column '${wanted}' in the header (${records[0].join(', ')})`, zhText`表头中没有 “${wanted}” 列（表头为：${records[0].join('、')}）`));
  }
  for (const required of ['name', 'title'] as const) {
    if (index[required] === -1) throw new ImportError(t(`no ${required} column: name one with --${required}-column (the header has ${records[0].join(', ')})`, required === 'name' ? zhText`找不到姓名列：请用 --name-column 指定（表头为：${records[0].join('、')}）` : zhText`找不到职位列：请用 --title-column 指定（表头为：${records[0].join('、')}）`));
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
  const columns: ImportReport['columns'] = records[0].map((h, i) => {
    const used = (Object.keys(COLUMNS) as Column[]).find((c) => index[c] === i);
    if (used) return { header: h, use: USES[used] };
    if (LOCATION_HEADERS.map(norm).includes(norm(h))) return { header: h, use: t(`not used: where each person is, not a region of a role (${flag('region')} '${h}' to cut roles by it)`, zhText`未使用：这是每个人所在的地点，不是岗位的区域（如要按它划分岗位：${flag('region')} '${h}'）`) };
    return { header: h, use: t('not used', '未使用') };
  });
  for (const column of Object.keys(COLUMNS) as Column[]) {
    if (opts.columns?.[column] === '') columns.push({ header: `(${column})`, use: t(`turned off (${flag(column)} '')`, zhText`已关闭（${flag(column)} ''）`) });
  }

  const problems: ImportProblem[] = [];
  const warnings: string[] = [];
  const cell = (r: string[], c: Column) => (index[c] === -1 ? '' : plainText(r[index[c]] ?? ''));
  const regionValues = new Set<string>();
  if (index.region !== -1) for (let i = 1; i < records.length; i++) regionValues.add(cell(records[i], 'region').toLowerCase());
  const positions: Position[] = [];
  // Titles repeat: each is read once, and counted. Positions share the result and never change it.
  const titleOf = new Map<string, { title: ReadTitle; count: number }>();
  for (let i = 1; i < records.length; i++) {
    const r = records[i];
    const name = cell(r, 'name');
    const titleCell = cell(r, 'title');
    if (!name) problems.push({ row: i, message: t('no name: row skipped', '没有姓名：已跳过该行') });
    else if (!titleCell) problems.push({ row: i, message: t(`${name} has no title: row skipped`, zhText`${name} 没有职位：已跳过该行`) });
    else {
      let seen = titleOf.get(titleCell);
      if (!seen) titleOf.set(titleCell, (seen = { title: readTitle(titleCell, regionValues, !opts.keepTitles), count: 0 }));
      seen.count++;
      const title = seen.title;
      positions.push({
        line: i, name, title, manager: cell(r, 'manager'), managerId: cell(r, 'managerId'), dotted: cell(r, 'dottedManager'),
        department: cell(r, 'department'), region: cell(r, 'region') || title.region || '', id: cell(r, 'id'), positionId: cell(r, 'position'),
        person: -1, parent: -1, dottedParents: NONE, role: -1,
      });
    }
  }
  if (positions.length === 0) throw new ImportError(t('no row has both a name and a title', '没有一行同时有姓名和职位'));
  const n = positions.length;

  // People: by employee id where there is one; else by name, where the same name with the same
  // title twice is two people (one person seldom holds one title twice) and with another title
  // is the same person in another seat.
  const persons: Person[] = [];
  // By employee id, and by a key of name and count for rows without one: two maps, so that the
  // common case builds no key text per row.
  const personById = new Map<string, number>();
  const personByKey = new Map<string, number>();
  const personsByName = new Map<string, number[]>();
  const seenNameTitle = new Map<string, number>();
  for (let p = 0; p < n; p++) {
    const pos = positions[p];
    let key = '';
    if (!pos.id) {
      const nameTitle = `${pos.name}\0${pos.title.key}`;
      const k = seenNameTitle.get(nameTitle) ?? 0;
      seenNameTitle.set(nameTitle, k + 1);
      if (k === 1) problems.push({ row: pos.line, message: t(`a second ${pos.name} titled ${pos.title.base}: read as another person (an employee id column would tell)`, zhText`又一位职位为 ${pos.title.base} 的 ${pos.name}：视为另一人（工号列可以区分）`) });
      key = `name\0${pos.name}\0${k}`;
    }
    const byKey = pos.id ? personById : personByKey;
    let person = byKey.get(pos.id || key);
    if (person === undefined) {
      person = persons.length;
      persons.push({ name: pos.name, id: pos.id, positions: [], primary: p });
      byKey.set(pos.id || key, person);
      const same = personsByName.get(pos.name);
      if (same) same.push(person);
      else personsByName.set(pos.name, [person]);
    }
    pos.person = person;
    persons[person].positions.push(p);
  }
  // A person's main seat: the first that is not held for now or named in passing.
  for (const person of persons) {
    if (person.positions.length > 1) person.primary = person.positions.find((p) => !positions[p].title.interim && !positions[p].title.also) ?? person.positions[0];
  }

  // Managers: by position id, else employee id, else name. The first is the solid line, others dotted.
  const byPositionId = new Map<string, number>();
  for (let p = 0; p < n; p++) {
    const id = positions[p].positionId;
    if (!id) continue;
    if (byPositionId.has(id)) problems.push({ row: positions[p].line, message: t(`position id ${id} is used twice: managers given by it mean row ${positions[byPositionId.get(id)!].line}`, zhText`岗位编号 ${id} 重复：按它指定的上级取第 ${positions[byPositionId.get(id)!].line} 行`) });
    else byPositionId.set(id, p);
  }
  const byPersonId = new Map<string, number>();
  for (const person of persons) if (person.id) byPersonId.set(person.id, person.primary);
  const byId = (ref: string) => byPositionId.get(ref) ?? byPersonId.get(ref);
  const resolve = (pos: Position, ref: string, kind: 'id' | 'name' | 'any'): number | undefined => {
    if (kind !== 'name') {
      const found = byId(ref);
      if (found !== undefined || kind === 'id') {
        if (found === undefined) problems.push({ row: pos.line, message: t(`${pos.name}'s manager ${ref} is not in the file`, zhText`${pos.name} 的上级 ${ref} 不在文件中`) });
        return found;
      }
    }
    const named = personsByName.get(ref) ?? [];
    if (named.length === 1) return persons[named[0]].primary;
    if (named.length > 1) problems.push({ row: pos.line, message: t(`${pos.name}'s manager ${ref} is ambiguous: ${named.length} people have that name (add an id column)`, zhText`${pos.name} 的上级 ${ref} 不明确：有 ${named.length} 人同名（请加工号列）`) });
    else problems.push({ row: pos.line, message: t(`${pos.name}'s manager ${ref} is not in the file`, zhText`${pos.name} 的上级 ${ref} 不在文件中`) });
    return undefined;
  };
  for (let p = 0; p < n; p++) {
    const pos = positions[p];
    // The first manager of the manager columns is the solid line; any other, and those of the
    // dotted-line column, are dotted. A dotted line alone is not promoted to a solid one.
    let managers: number[] | undefined;
    let first = -1;
    let solid = false;
    const add = (ref: string, kind: 'id' | 'name' | 'any') => {
      const m = resolve(pos, ref, kind);
      if (m === undefined) return;
      if (m === p) problems.push({ row: pos.line, message: t(`${pos.name} is given as their own manager: line left out`, zhText`${pos.name} 的上级是其本人：该汇报线未采用`) });
      else if (first === -1) {
        solid = kind !== 'any';
        first = m;
      } else if (m !== first && !managers?.includes(m)) (managers ??= []).push(m);
    };
    // Most cells name one manager: read without splitting.
    if (pos.managerId) eachRef(pos.managerId, ID_SEPARATORS, (r) => add(r, 'id'));
    else if (pos.manager) eachRef(pos.manager, NAME_SEPARATORS, (r) => add(r, 'name'));
    if (pos.dotted) eachRef(pos.dotted, NAME_SEPARATORS, (r) => add(r, 'any'));
    if (first === -1) continue;
    if (solid) {
      pos.parent = first;
      if (managers) pos.dottedParents = managers;
    } else pos.dottedParents = [first, ...(managers ?? [])];
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
      v = positions[v].parent;
    }
    if (v !== -1 && state[v] === 1) {
      const cycle = path.slice(path.indexOf(v));
      const cut = cycle.reduce((a, b) => (positions[a].line < positions[b].line ? a : b));
      const names = cycle.map((p) => positions[p].name).join(' → ');
      problems.push({ row: positions[cut].line, message: t(`people manage each other in a circle (${names}): ${positions[cut].name}'s line to ${positions[positions[cut].parent].name} is left out`, zhText`人员互为上级形成环（${names}）：${positions[cut].name} 到 ${positions[positions[cut].parent].name} 的汇报线未采用`) });
      positions[cut].parent = -1;
    }
    for (const p of path) state[p] = 2;
  }

  // Roles, top down: a role is a title within a department under one manager role, so that every
  // person's role reports to their manager's role.
  const firstChild = new Int32Array(n).fill(-1);
  const nextSibling = new Int32Array(n).fill(-1);
  for (let p = n - 1; p >= 0; p--) {
    const parent = positions[p].parent;
    if (parent !== -1) {
      nextSibling[p] = firstChild[parent];
      firstChild[parent] = p;
    }
  }
  const order: number[] = [];
  for (let p = 0; p < n; p++) if (positions[p].parent === -1) order.push(p);
  for (let i = 0; i < order.length; i++) for (let c = firstChild[order[i]]; c !== -1; c = nextSibling[c]) order.push(c);
  const roles: Role[] = [];
  const roleByKey = new Map<string, number>();
  for (const p of order) {
    const pos = positions[p];
    const parentRole = pos.parent === -1 ? -1 : positions[pos.parent].role;
    const key = `${pos.title.key}\0${pos.department}\0${parentRole}`;
    let role = roleByKey.get(key);
    if (role === undefined) {
      role = roles.length;
      roles.push({ key, titleKey: pos.title.key, department: pos.department, parent: parentRole, members: [], children: 0, title: '', id: '' });
      roleByKey.set(key, role);
      if (parentRole !== -1) roles[parentRole].children++;
    }
    roles[role].members.push(p);
    pos.role = role;
  }

  // The title a role is shown with: the spelling most used among its people, spelled out. Counted
  // over the distinct title cells (in the order rows first use them), not over every row.
  const spellings = new Map<string, Map<string, number>>();
  const written = new Map<string, Set<string>>();
  const bracketRegions = new Map<string, Set<string>>();
  for (const { title, count } of titleOf.values()) {
    let counts = spellings.get(title.key);
    if (!counts) spellings.set(title.key, (counts = new Map()));
    counts.set(title.base, (counts.get(title.base) ?? 0) + count);
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
  for (let r = 0; r < roles.length; r++) {
    const list = byTitle.get(roles[r].titleKey);
    if (list) list.push(r);
    else byTitle.set(roles[r].titleKey, [r]);
  }
  // A role's regions, asked for twice (naming splits, scope): made once, and without a set for the
  // many roles of one person.
  const regionsCache = new Map<Role, string[]>();
  const regionsOf = (role: Role) => {
    let list = regionsCache.get(role);
    if (!list) {
      if (role.members.length === 1) {
        const region = positions[role.members[0]].region;
        list = region ? [region] : [];
      } else list = [...new Set(role.members.map((p) => positions[p].region).filter(Boolean))].sort(compare);
      regionsCache.set(role, list);
    }
    return list;
  };
  const splits: string[] = [];
  // What can tell a role from others of its title, best first: its regions, the team its manager's
  // title names, that title, the one manager's name. Each from the titles as written, so that the
  // names need no order; the first that no peer shares is used.
  const sole = new Map<Role, string | undefined>();
  const soleName = (role: Role) => {
    if (!sole.has(role)) sole.set(role, role.members.every((p) => positions[p].name === positions[role.members[0]].name) ? positions[role.members[0]].name : undefined);
    return sole.get(role);
  };
  const candidates = (role: Role): string[] => {
    const parent = role.parent === -1 ? undefined : roles[role.parent];
    const parentTitle = parent ? display.get(parent.titleKey)! : '';
    const manager = parent ? soleName(parent) : undefined;
    return [
      regionsOf(role).join(', '),
      parent ? (teamOf(parentTitle) ?? '') : t('no manager', '无上级'),
      parentTitle,
      manager ? t(`team of ${manager}`, zhText`${manager} 团队`) : '',
    ];
  };
  for (const group of byTitle.values()) {
    const base = display.get(roles[group[0]].titleKey)!;
    if (group.length === 1) {
      roles[group[0]].title = base;
      continue;
    }
    const byDepartment = new Map<string, number[]>();
    for (const g of group) {
      const list = byDepartment.get(roles[g].department);
      if (list) list.push(g);
      else byDepartment.set(roles[g].department, [g]);
    }
    for (const [department, peers] of byDepartment) {
      const found = peers.map((g) => candidates(roles[g]));
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
        roles[g].title = title;
      });
    }
  }
  for (const [, group] of [...byTitle].sort((a, b) => compare(display.get(a[0])!, display.get(b[0])!))) {
    if (group.length < 2) continue;
    // A tie is two roles of one title in one department as large as each other: where the old
    // import would have picked one manager role for both, and now says it did not.
    const ranked = [...group].sort((a, b) => roles[b].members.length - roles[a].members.length);
    const sizes = ranked.map((g) => roles[g].members.length);
    const tie = sizes[0] === sizes[1] && roles[ranked[0]].department === roles[ranked[1]].department ? t(` — a tie (${sizes[0]} and ${sizes[1]}): no manager role chosen over another`, zhText` —— 人数相同（${sizes[0]} 与 ${sizes[1]}）：未在上级岗位中择一`) : '';
    const list = group.map((g) => `${roles[g].title} (${roles[g].members.length})`).join('; ');
    splits.push(t(`${display.get(roles[group[0]].titleKey)}: ${group.length} roles, one per manager role: ${list}${tie}`, zhText`${display.get(roles[group[0]].titleKey)}：按上级岗位分为 ${group.length} 个岗位：${list}${tie}`));
  }
  const ids = new Ids();
  for (const role of roles) role.id = ids.make(role.title, 'role');

  // Levels: from the words of the title, else from the role's place in the tree.
  const match = levelMatcher([...(opts.levels ?? []), ...DEFAULT_LEVEL_WORDS]);
  const levelOf: RoleLevel[] = [];
  const fromWords = new Map<RoleLevel, Map<string, number>>();
  const fromTree = new Map<RoleLevel, number>();
  // Roles of one title share its guess: the words are looked for once per title.
  const guesses = new Map<string, ReturnType<typeof match>>();
  for (const role of roles) {
    let guess = guesses.get(role.titleKey);
    if (guess === undefined && !guesses.has(role.titleKey)) guesses.set(role.titleKey, (guess = match(display.get(role.titleKey)!)));
    if (guess) {
      levelOf.push(guess.level);
      const words = fromWords.get(guess.level) ?? new Map<string, number>();
      fromWords.set(guess.level, words.set(guess.word!, (words.get(guess.word!) ?? 0) + 1));
    } else {
      const level: RoleLevel = role.parent === -1 ? 'strategic' : role.children > 0 ? 'tactical' : 'frontline';
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
  const regions = [...new Set(positions.map((p) => p.region).filter(Boolean))].sort(compare);
  if (index.region !== -1 && regions.length >= 5 && regions.length * 2 >= n) {
    const h = records[0][index.region];
    warnings.push(t(`column ${h} has ${regions.length} values for ${n} rows: that describes individuals, not a region roles are cut by (run again with --region-column '' to leave it out)`, zhText`列 ${h} 有 ${regions.length} 个值、共 ${n} 行：这描述的是个人，不是岗位划分的区域（加 --region-column '' 重新运行即可不用它）`));
  }
  const regionId = new Map<string, string>();
  for (const r of regions) regionId.set(r, ids.make(r, 'region'));
  const departments = [...new Set(positions.map((p) => p.department).filter(Boolean))];
  const familyId = new Map(departments.map((d) => [d, ids.make(d, 'department')]));

  // Lines kept: checked on the roles, not assumed from the construction.
  const lines = { total: 0, kept: 0, dotted: 0, dottedKept: 0 };
  const dottedOf = new Map<number, Set<number>>();
  for (const pos of positions) {
    if (pos.parent !== -1) {
      lines.total++;
      if (roles[pos.role].parent === positions[pos.parent].role) lines.kept++;
    }
    for (const d of pos.dottedParents) {
      lines.dotted++;
      const to = positions[d].role;
      if (to === pos.role) continue;
      if (to === roles[pos.role].parent) lines.dottedKept++;
      else {
        const set = dottedOf.get(pos.role) ?? new Set<number>();
        dottedOf.set(pos.role, set.add(to));
        lines.dottedKept++;
      }
    }
  }

  // The draft's roles and people are written entry by entry as the file is written (see
  // StreamedMapping): each entry is made when it is written, and is garbage right after.
  const roleEntry = (r: number): Record<string, unknown> => {
    const role = roles[r];
    const own = regionsOf(role);
    const dottedTo = dottedOf.get(r);
    const forms = written.get(role.titleKey)!;
    // Fields set one by one in the draft's order: no spread objects per role.
    const entry: Record<string, unknown> = { title: role.title, level: levelOf[r] };
    if (role.department) entry.family = familyId.get(role.department);
    if (own.length && own.length < regions.length) {
      entry.cut = ['region'];
      entry.scope = { region: own.map((x) => regionId.get(x)!) };
    }
    if (role.parent !== -1) entry.reports_to = roles[role.parent].id;
    if (dottedTo) entry.dotted_line_to = [...dottedTo].map((d) => roles[d].id).sort(compare);
    entry.headcount = role.members.length;
    if (forms.size > 1) entry.notes = t(`Imported from the titles ${[...forms].sort(compare).join(', ')}: confirm they are one role.`, zhText`由职位 ${[...forms].sort(compare).join('、')} 合并而来：请确认它们是同一岗位。`);
    return entry;
  };
  const tops = roles.filter((r) => r.parent === -1);
  // Named as people know them, with the id the draft uses: `Sales Director (sales-director)`.
  const named = (r: Role) => `${r.title} (${r.id})`;
  if (tops.length > 1) problems.push({ row: 0, message: t(`${tops.length} roles report to no one (an org has one top role): ${tops.map(named).join(', ')}`, zhText`${tops.length} 个岗位没有上级（组织应只有一个最高岗位）：${tops.map(named).join('、')}`) });

  // People, each once; other seats they hold are noted on them. Ids and notes are made here, in
  // person order, so that the report is whole before the draft is written.
  const personIds = new Ids();
  const personId: string[] = [];
  const personNotes = new Map<number, string>();
  const severalSeats: string[] = [];
  for (let i = 0; i < persons.length; i++) {
    const person = persons[i];
    const main = positions[person.primary];
    personId.push(personIds.make(person.id ? `${person.name} ${person.id}` : person.name, 'person'));
    // One seat, held for good and named alone: most people, nothing to note.
    if (person.positions.length === 1 && !main.title.interim && !main.title.also) continue;
    const others = person.positions.filter((p) => p !== person.primary).map((p) => roles[positions[p].role]);
    const notes: string[] = [];
    if (others.length) {
      notes.push(t(`Also holds: ${others.map((r) => `${r.title} (${r.id})`).join('; ')}.`, zhText`兼任：${others.map((r) => `${r.title}（${r.id}）`).join('；')}。`));
      severalSeats.push(`${person.name}: ${person.positions.map((p) => positions[p]).map((p) => `${roles[p.role].title}${p.title.interim ? t(' (interim)', '（代理）') : ''}`).join('; ')}`);
    }
    for (const p of person.positions) {
      const title = positions[p].title;
      if (title.interim) notes.push(t(`${titleCase(title.interim.toLowerCase())} ${roles[positions[p].role].title}.`, zhText`${title.interim}${roles[positions[p].role].title}。`));
      // "(and CEO)" beside a row of the same person titled "CEO, co-founder" says nothing new.
      const also = title.also ? ` ${readTitle(title.also).key} ` : '';
      if (title.also && !person.positions.some((q) => ` ${positions[q].title.key} `.includes(also))) notes.push(t(`Also ${title.also} (not a row of the export).`, zhText`兼任 ${title.also}（导出文件中无此行）。`));
    }
    if (notes.length) personNotes.set(i, notes.join(' '));
  }

  const draft: Record<string, unknown> = {
    orgc: 1,
    org: { id: ids.make(opts.source.replace(/\.[^.]*$/, ''), 'org'), name: t(`Draft from ${opts.source}`, zhText`由 ${opts.source} 导入的草稿`), language: opts.language, draft: true },
    ...(departments.length ? { families: Object.fromEntries(departments.map((d) => [familyId.get(d), { name: d }])) } : {}),
    ...(regions.length ? { dimensions: { region: { name: { en: 'Region', 'zh-CN': '区域' }, values: Object.fromEntries(regions.map((r) => [regionId.get(r), { name: r }])) } } } : {}),
    roles: new StreamedMapping(function* () {
      for (let r = 0; r < roles.length; r++) yield [roles[r].id, roleEntry(r)] as const;
    }),
    people: new StreamedMapping(function* () {
      for (let i = 0; i < persons.length; i++) {
        const role = roles[positions[persons[i].primary].role].id;
        const notes = personNotes.get(i);
        yield [personId[i], notes === undefined ? { name: persons[i].name, role } : { name: persons[i].name, role, notes }] as const;
      }
    }),
  };
  // Row problems in row order, then those about the file as a whole.
  problems.sort((a, b) => (a.row || Infinity) - (b.row || Infinity));
  return {
    draft,
    get org() {
      return materialize(draft) as Record<string, unknown>;
    },
    report: { columns, lines, splits, merges, positions: severalSeats, levels, warnings, problems },
    stats: { people: persons.length, positions: n, roles: roles.length, departments: departments.length, regions: regions.length },
  };
}

/** Shared by the positions without a second manager: 100,000 empty arrays are garbage to collect. */
const NONE: number[] = [];

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
  return toSimplified(s.toLowerCase().replace(/[\s_\-.]+/g, ' ').trim());
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
