// The people export of an HR system (a CSV: name, title, manager, department, region, …) turned
// into a draft org: a role for each distinct title within a department, reporting lines from
// who manages whom, headcount from how many hold each role, and the people in their positions.
// Duties, RACI and KPIs cannot be read from a people list: the draft leaves them out, and the
// design rules then say what is missing. What cannot be mapped is reported, never guessed silently.
import { parse } from 'csv-parse/sync';
import { ID_PATTERN, MAX_ID } from '../schema/grammar.js';

/** Columns the import reads, each found by any of these header names (case and spacing ignored). */
export const COLUMNS = {
  name: ['name', 'full name', 'employee name', 'display name', '姓名', '员工姓名'],
  title: ['title', 'job title', 'position', 'role', 'job', '职位', '岗位', '职务'],
  manager: ['manager', 'manager name', 'reports to', 'supervisor', 'line manager', '上级', '直属上级', '汇报对象'],
  department: ['department', 'dept', 'team', 'organization', 'org unit', '部门', '所属部门'],
  region: ['region', 'area', 'territory', 'location', '区域', '地区', '大区'],
  id: ['id', 'employee id', 'employee number', 'staff id', 'emp id', '工号', '员工编号'],
  managerId: ['manager id', 'manager employee id', 'reports to id', 'supervisor id', '上级工号'],
} as const;
export type Column = keyof typeof COLUMNS;

export interface ImportOptions {
  /** Header names given by the user, overriding the defaults. */
  columns?: Partial<Record<Column, string>>;
  /** The draft's default language. */
  language: string;
  /** Shown in the draft's header comment and its org name. */
  source: string;
}

export interface ImportProblem {
  /** Data row (1-based, after the header), or 0 for the file as a whole. */
  row: number;
  message: string;
}

export interface Imported {
  org: Record<string, unknown>;
  problems: ImportProblem[];
  stats: { people: number; roles: number; departments: number; regions: number };
}

interface Row {
  line: number;
  name: string;
  title: string;
  manager: string;
  department: string;
  region: string;
  id: string;
  managerId: string;
}

export class ImportError extends Error {
  override readonly name = 'ImportError';
}

export function importPeople(text: string, opts: ImportOptions): Imported {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    throw new ImportError(`not a CSV file: ${(error as Error).message.split('\n')[0]}`);
  }
  if (records.length < 2) throw new ImportError('the file has no rows below its header');
  const header = records[0].map(norm);
  const index = {} as Record<Column, number>;
  for (const column of Object.keys(COLUMNS) as Column[]) {
    const wanted = opts.columns?.[column];
    const names = wanted ? [norm(wanted)] : COLUMNS[column].map(norm);
    index[column] = header.findIndex((h) => names.includes(h));
    if (wanted && index[column] === -1) throw new ImportError(`no column '${wanted}' in the header (${records[0].join(', ')})`);
  }
  for (const required of ['name', 'title'] as const) {
    if (index[required] === -1) throw new ImportError(`no ${required} column: name one with --${required}-column (the header has ${records[0].join(', ')})`);
  }
  const problems: ImportProblem[] = [];
  const cell = (r: string[], c: Column) => (index[c] === -1 ? '' : (r[index[c]] ?? '').trim());
  const rows: Row[] = [];
  records.slice(1).forEach((r, i) => {
    const row: Row = { line: i + 1, name: cell(r, 'name'), title: cell(r, 'title'), manager: cell(r, 'manager'), department: cell(r, 'department'), region: cell(r, 'region'), id: cell(r, 'id'), managerId: cell(r, 'managerId') };
    if (!row.name) problems.push({ row: row.line, message: 'no name: row skipped' });
    else if (!row.title) problems.push({ row: row.line, message: `${row.name} has no title: row skipped` });
    else rows.push(row);
  });
  if (rows.length === 0) throw new ImportError('no row has both a name and a title');

  // Who manages whom: by employee id where the file has them, else by name.
  const byId = new Map(rows.filter((r) => r.id).map((r) => [r.id, r]));
  const byName = new Map<string, Row[]>();
  for (const r of rows) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  const managerOf = new Map<Row, Row>();
  for (const r of rows) {
    if (index.managerId !== -1 && r.managerId) {
      const m = byId.get(r.managerId);
      if (m) managerOf.set(r, m);
      else problems.push({ row: r.line, message: `${r.name}'s manager ${r.managerId} is not in the file` });
    } else if (r.manager) {
      const found = byName.get(r.manager) ?? [];
      if (found.length === 1) managerOf.set(r, found[0]);
      else if (found.length > 1) problems.push({ row: r.line, message: `${r.name}'s manager ${r.manager} is ambiguous: ${found.length} people have that name (add an id column)` });
      else problems.push({ row: r.line, message: `${r.name}'s manager ${r.manager} is not in the file` });
    }
  }

  // Roles: a title within a department.
  const roleKey = (r: Row) => `${r.department}\0${r.title}`;
  const members = new Map<string, Row[]>();
  for (const r of rows) members.set(roleKey(r), [...(members.get(roleKey(r)) ?? []), r]);
  const titleDepartments = new Map<string, Set<string>>();
  for (const r of rows) titleDepartments.set(r.title, (titleDepartments.get(r.title) ?? new Set()).add(r.department));
  const ids = new Ids();
  const roleId = new Map<string, string>();
  for (const [key, people] of members) {
    const { title, department } = people[0];
    const qualified = (titleDepartments.get(title)?.size ?? 0) > 1 && department ? `${title} ${department}` : title;
    roleId.set(key, ids.make(qualified, 'role'));
  }

  // A role reports to the role most of its people's managers hold.
  const managerRole = new Map<string, string>();
  for (const [key, people] of members) {
    const votes = new Map<string, number>();
    for (const p of people) {
      const m = managerOf.get(p);
      if (m) votes.set(roleKey(m), (votes.get(roleKey(m)) ?? 0) + 1);
    }
    const ranked = [...votes].sort((a, b) => b[1] - a[1] || (roleId.get(a[0])! < roleId.get(b[0])! ? -1 : 1));
    if (ranked.length === 0) continue;
    const id = roleId.get(key)!;
    // A role cannot report to itself: a lead managing others of the same title is a line to drop.
    const candidates = ranked.filter(([k]) => k !== key);
    if (candidates.length === 0) {
      problems.push({ row: 0, message: `people titled ${people[0].title} report to others with the same title: role ${id} is drawn without that line (split it into a lead and a member role)` });
      continue;
    }
    const [chosen, votesFor] = candidates[0];
    if (ranked.length > 1) {
      const others = ranked.filter(([k]) => k !== chosen).map(([k, n]) => `${roleId.get(k)} (${n})`).join(', ');
      problems.push({ row: 0, message: `people in role ${id} report to several roles: chose ${roleId.get(chosen)} (${votesFor}) over ${others}` });
    }
    managerRole.set(key, chosen);
  }
  // Roles reporting to each other in a circle: the line that closes it goes, and is reported.
  for (const start of members.keys()) {
    const seen = new Set<string>([start]);
    for (let k = managerRole.get(start); k !== undefined; k = managerRole.get(k)) {
      if (k === start) {
        const from = managerRole.get(start)!;
        problems.push({ row: 0, message: `titles report to each other in a circle: the line from ${roleId.get(start)} to ${roleId.get(from)} is left out` });
        managerRole.delete(start);
        break;
      }
      if (seen.has(k)) break;
      seen.add(k);
    }
  }

  const reports = new Map<string, number>();
  for (const m of managerRole.values()) reports.set(m, (reports.get(m) ?? 0) + 1);
  const departments = [...new Set(rows.map((r) => r.department).filter(Boolean))];
  const familyId = new Map(departments.map((d) => [d, ids.make(d, 'department')]));
  const regions = [...new Set(rows.map((r) => r.region).filter(Boolean))];
  const regionId = new Map(regions.map((r) => [r, ids.make(r, 'region')]));

  const roles: Record<string, unknown> = {};
  for (const [key, people] of members) {
    const id = roleId.get(key)!;
    const manager = managerRole.get(key);
    const own = [...new Set(people.map((p) => p.region).filter(Boolean))];
    roles[id] = {
      title: people[0].title,
      // A guess from the shape of the tree, for the reviewer to correct.
      level: manager === undefined ? 'strategic' : reports.has(key) ? 'tactical' : 'frontline',
      ...(people[0].department ? { family: familyId.get(people[0].department) } : {}),
      ...(own.length && own.length < regions.length ? { cut: ['region'], scope: { region: own.map((r) => regionId.get(r)!) } } : {}),
      ...(manager !== undefined ? { reports_to: roleId.get(manager) } : {}),
      headcount: people.length,
    };
  }
  const tops = [...members.keys()].filter((k) => !managerRole.has(k));
  if (tops.length > 1) problems.push({ row: 0, message: `${tops.length} roles report to no one: ${tops.map((k) => roleId.get(k)).join(', ')} (an org has one top role)` });

  const people: Record<string, unknown> = {};
  const personIds = new Ids();
  for (const r of rows) people[personIds.make(r.id ? `${r.name} ${r.id}` : r.name, 'person')] = { name: r.name, role: roleId.get(roleKey(r)) };

  const org: Record<string, unknown> = {
    orgc: 1,
    org: { id: ids.make(opts.source.replace(/\.[^.]*$/, ''), 'org'), name: opts.language.startsWith('zh') ? `由 ${opts.source} 导入的草稿` : `Draft from ${opts.source}`, language: opts.language },
    ...(departments.length ? { families: Object.fromEntries(departments.map((d) => [familyId.get(d), { name: d }])) } : {}),
    ...(regions.length ? { dimensions: { region: { name: { en: 'Region', 'zh-CN': '区域' }, values: Object.fromEntries(regions.map((r) => [regionId.get(r), { name: r }])) } } } : {}),
    roles,
    people,
  };
  // Row problems in row order, then those about the file as a whole.
  problems.sort((a, b) => (a.row || Infinity) - (b.row || Infinity));
  return { org, problems, stats: { people: rows.length, roles: members.size, departments: departments.length, regions: regions.length } };
}

function norm(s: string): string {
  return s.toLowerCase().replace(/[\s_\-.]+/g, ' ').trim();
}

const ID = new RegExp(ID_PATTERN);

/** Ids made from names: lowercase ASCII words joined by hyphens; names without any get `prefix-N`. */
class Ids {
  private used = new Set<string>();
  private counters = new Map<string, number>();

  make(name: string, prefix: string): string {
    let base = name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, MAX_ID - 4)
      .replace(/-+$/, '');
    if (base === '') {
      // A name in another script (王芳, 销售总监): numbered, the name itself stays as the text.
      const n = (this.counters.get(prefix) ?? 0) + 1;
      this.counters.set(prefix, n);
      base = `${prefix}-${n}`;
    } else if (!ID.test(base)) base = `${prefix}-${base}`;
    let id = base;
    for (let i = 2; this.used.has(id); i++) id = `${base}-${i}`;
    this.used.add(id);
    return id;
  }
}
