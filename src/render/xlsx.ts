// An Excel workbook: the RACI (a colour-coded matrix, or matrices by area and step for a large org),
// the RACI assignments (one row per role–duty assignment, for filtering and pivot tables), a roles
// sheet and a duties sheet. Every sheet keeps within Excel's limits: a sheet too long for one is
// continued on the next ("Roles (2)"), a text too long for a cell is cut with "…". Rows are made as
// xlsx-writer.ts writes them: the workbook of a 100k-role org never sits in memory whole.
import { inertCell } from './csv.js';
import type { PageSink } from './output.js';
import { MATRIX_KEY_COLUMNS, raciAssignmentRows, raciAssignmentsHeader, type Row } from './raci-table.js';
import { MAX_RACI_COLUMNS } from './view/build.js';
import type { Views } from './view/types.js';
import { xlsxChunks, type CellStyle, type XlsxCell, type XlsxSheet } from './xlsx-writer.js';

/** The matrix's text columns before the roles (area, step, duty) and its count columns after them (R, A, C, I). */
const MATRIX_TEXT_COLUMNS = 3;
const MATRIX_COUNT_COLUMNS = 4;
const RACI_LETTER_KEYS = ['R', 'A', 'C', 'I'] as const;

const COLOURS: Record<string, string> = { R: '#D1F0D9', A: '#CFE3FF', C: '#FFF1C2', I: '#ECECEC', RA: '#B8E0C8' };

/** Excel's limits (Excel specifications and limits); tests inject smaller ones. */
export interface SheetLimits {
  columns: number;
  rows: number;
  cellChars: number;
}
export const EXCEL_LIMITS: SheetLimits = { columns: 16_384, rows: 1_048_576, cellChars: 32_767 };
/** A sheet name's limit, also Excel's. */
const SHEET_NAME_CHARS = 31;

type Style = CellStyle;
export type Cell = XlsxCell;

/** A sheet with its rows made: for tests of the limits. */
export interface Sheet extends Omit<XlsxSheet, 'rows'> {
  data: Cell[][];
}

export function renderXlsx(views: Views, out: PageSink, limits: SheetLimits = EXCEL_LIMITS): void {
  out.set('org.xlsx', xlsxChunks(sheets(views, limits), limits.columns));
}

/** The workbook's sheets with their rows made, each within `limits`. */
export function workbookSheets(views: Views, limits: SheetLimits = EXCEL_LIMITS): Sheet[] {
  const made: Sheet[] = [];
  for (const { rows, ...sheet } of sheets(views, limits)) made.push({ ...sheet, data: [...rows] });
  return made;
}

/** The workbook's sheets, each within `limits`, their rows made as they are read. */
function* sheets(views: Views, limits: SheetLimits): Generator<XlsxSheet> {
  const l = views.labels;
  // Most cells have no style: no style object made and spread for them (a 100k-role org has millions of cells).
  const text = (value: string | number, style?: Style): Cell => {
    const v = typeof value === 'string' ? fitCell(formulaLike(value) ? String(inertCell(value)) : value, limits.cellChars) : value;
    return style ? { value: v, ...style } : { value: v };
  };
  const bold = (row: Row) => row.map((h) => text(h, { fontWeight: 'bold' as const }));
  // A RACI letter's cell, one per letter combination, shared by every row that has it (the writer
  // only reads cells).
  const letterCells = new Map<string | number, Cell>();
  const letters = (value: string | number): Cell => {
    if (value === '') return null;
    let cell = letterCells.get(value);
    if (cell === undefined) letterCells.set(value, (cell = text(value, { align: 'center', backgroundColor: COLOURS[String(value)] ?? COLOURS[String(value).replace(/[CI]/g, '')] })));
    return cell;
  };
  const keyWidths = [{ width: 22 }, { width: 18 }, { width: 22 }, { width: 40 }];
  const add = (sheet: Omit<XlsxSheet, 'rows'>, header: Cell[][], body: Iterable<Cell[]>) => split(sheet, header, body, limits.rows);

  const matrix = views.raci.matrix;
  // The views have the matrix while the RACI involves at most MAX_MATRIX_ROLES roles.
  if (matrix && MATRIX_TEXT_COLUMNS + matrix.columns.length + MATRIX_COUNT_COLUMNS <= limits.columns) {
    // The one matrix: roles in org order by title, duties under their area and step, each duty's
    // count of roles per letter at the right (filter for "no A", "two As"), each role's count of
    // each letter under it, and the legend. The filter covers the duties; the totals and legend
    // sit below it after a blank row, so that sorting the duties leaves them in place.
    const roles = matrix.columns.length;
    const header = [l.areas, l.step, l.duty].map((h) => text(h, { fontWeight: 'bold' })).concat(
      matrix.columns.map((c) => text(c.title, { fontWeight: 'bold', wrap: true })),
      RACI_LETTER_KEYS.map((x) => text(x, { fontWeight: 'bold', align: 'center' })),
    );
    const body = function* (): Generator<Cell[]> {
      for (const section of matrix.sections) {
        for (const row of section.rows) {
          yield [text(section.area), text(section.step ?? ''), text(row.problem ? `${row.name} ⚠ ${row.problem}` : row.name), ...row.cells.map(letters), ...RACI_LETTER_KEYS.map((x) => text(row[x]))];
        }
      }
      yield [];
      for (const x of RACI_LETTER_KEYS) {
        yield [text(l.total, { fontWeight: 'bold' }), null, text(`${x} · ${views.raci.legend.find((g) => g.letter === x)?.meaning ?? ''}`, { fontWeight: 'bold' }), ...views.raci.totals.map((role) => text(role[x]))];
      }
      yield [];
      yield [text(l.legend, { fontWeight: 'bold' })];
      for (const g of views.raci.legend) yield [letters(g.letter), null, text(g.meaning)];
      // A role Responsible and Accountable both: its own colour.
      yield [letters('RA'), null, text(`${views.raci.legend[0].meaning} + ${views.raci.legend[1].meaning}`)];
    };
    yield* add(
      {
        sheet: 'RACI',
        stickyRowsCount: 1,
        stickyColumnsCount: MATRIX_TEXT_COLUMNS,
        autoFilterRow: 1,
        columns: [{ width: 22 }, { width: 18 }, { width: 44 }, ...Array.from({ length: roles }, () => ({ width: 12 })), ...RACI_LETTER_KEYS.map(() => ({ width: 5 }))],
      },
      [header],
      body(),
    );
  } else {
    // Matrices by area and process step, as the Markdown's RACI page has them, one under the other
    // with its own header row. A duty that involves more roles than MAX_RACI_COLUMNS (a strategy
    // duty every regional manager is consulted on) has its roles over several blocks, so that no
    // block is wider than a page, and no row is a row of thousands of empty cells.
    const width = Math.max(1, Math.min(MAX_RACI_COLUMNS, limits.columns - MATRIX_KEY_COLUMNS));
    const blocks = function* (): Generator<Cell[]> {
      let first = true;
      for (const g of views.raci.groups) {
        for (let from = 0; from === 0 || from < g.columns.length; from += width) {
          const columns = g.columns.slice(from, from + width);
          if (!first) yield [];
          first = false;
          yield bold([l.areas, l.step, 'id', l.duty]).concat(columns.map((c) => text(c.title, { fontWeight: 'bold', wrap: true })));
          for (const row of g.rows) {
            const cells = row.cells.slice(from, from + width);
            // The first block lists every duty of the group; later ones only the duties they add to.
            if (from > 0 && cells.every((c) => c === '')) continue;
            yield [text(g.area), text(g.step ?? ''), text(row.id), text(row.name), ...cells.map(letters)];
          }
        }
      }
    };
    yield* add({ sheet: 'RACI', stickyColumnsCount: MATRIX_KEY_COLUMNS, columns: [...keyWidths, ...Array.from({ length: width }, () => ({ width: 12 }))] }, [], blocks());
  }
  yield* add(
    { sheet: l.raciAssignments, stickyRowsCount: 1, autoFilterRow: 1, columns: [{ width: 22 }, { width: 18 }, { width: 22 }, { width: 40 }, { width: 22 }, { width: 32 }, { width: 8 }] },
    [bold(raciAssignmentsHeader(views))],
    map(raciAssignmentRows(views), (row) => row.map((v, i) => (i === row.length - 1 ? letters(v) : text(v)))),
  );
  yield* add(
    { sheet: l.roles, stickyRowsCount: 1, columns: [{ width: 32 }, { width: 22 }, { width: 14 }, { width: 16 }, { width: 28 }, { width: 10 }, { width: 10 }, { width: 32 }, { width: 60 }] },
    [bold([l.role, 'id', l.level, l.family, l.reportsTo, l.headcount, l.vacancies, l.scope, l.purpose])],
    map(views.roles.rows(), (r) => [
      text(r.title),
      text(r.id),
      text(r.level),
      text(r.family ?? ''),
      text(r.reportsTo?.title ?? ''),
      text(r.headcount),
      text(r.vacancies),
      text(r.scope.map((s) => `${s.dimension}: ${s.values.join(', ')}`).join('; ')),
      text(r.purpose ?? '', { wrap: true }),
    ]),
  );
  yield* add(
    { sheet: l.duties, stickyRowsCount: 1, columns: [{ width: 44 }, { width: 24 }, { width: 24 }, { width: 22 }, { width: 28 }] },
    [bold([l.duty, 'id', l.areas, l.step, l.noResponsible])],
    (function* () {
      for (const g of views.raci.groups) for (const row of g.rows) yield [text(row.name), text(row.id), text(g.area), text(g.step ?? ''), text(row.problem ?? '')];
    })(),
  );
  yield* add({ sheet: l.planning, columns: [{ width: 36 }, { width: 24 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 10 }, { width: 10 }] }, [], planRows(views, text, bold));
  yield* referenceSheets(views, text, bold, add);
}

type Text = (value: string | number, style?: Style) => Cell;
type Add = (sheet: Omit<XlsxSheet, 'rows'>, header: Cell[][], body: Iterable<Cell[]>) => Generator<XlsxSheet>;

/**
 * The reference pages as sheets, one table each with a filter on its header: targets (the tree,
 * indented, with each part's parent), KPIs, service levels, reviews, signals, and the people.
 * A sheet is written only when the model has entries for it, as the pages are.
 */
function* referenceSheets(views: Views, text: Text, bold: (row: Row) => Cell[], add: Add): Generator<XlsxSheet> {
  const l = views.labels;
  const p = views.pages;
  const titles = (list: { roles: Array<{ title: string }>; more?: string }) => [...list.roles.map((r) => r.title), ...(list.more ? [list.more] : [])].join('; ');
  const sheet = (name: string, widths: number[]) => ({ sheet: name, stickyRowsCount: 1, autoFilterRow: 1, columns: widths.map((width) => ({ width })) });
  const byId = new Map(p.targets.map((x) => [x.id, x.name]));
  if (p.process.length) {
    yield* add(
      sheet(l.processSheet, [22, 28, 50, 60]),
      [bold([l.stage, l.step, l.description, l.duties])],
      p.process.map((x) => [text(x.stage), text(x.step), text(x.description ?? '', { wrap: true }), text(x.duties.join('; '), { wrap: true })]),
    );
  }
  if (p.competencies.length) {
    const levels = Array.from({ length: Math.max(...p.competencies.map((x) => x.levels.length)) }, (_, i) => i + 1);
    yield* add(
      sheet(l.competencies, [28, 50, ...levels.map(() => 24)]),
      [bold([l.competency, l.description, ...levels.map((n) => `${l.levelOf} ${n}`)])],
      p.competencies.map((x) => [text(x.name), text(x.description ?? '', { wrap: true }), ...x.levels.map((v) => text(v, { wrap: true }))]),
    );
  }
  if (p.tools.length) {
    yield* add(
      sheet(l.tools, [24, 14, 50, 60]),
      [bold([l.tool, l.kind, l.description, l.usedBy])],
      p.tools.map((x) => [text(x.name), text(x.kind ?? ''), text(x.description ?? '', { wrap: true }), text(titles(x.users), { wrap: true })]),
    );
  }
  if (p.targets.length) {
    yield* add(
      sheet(l.targetTree, [44, 16, 10, 40, 28, 28, 24]),
      [bold([l.targetName, l.value, l.period, l.scope, l.owner, l.parentTarget, l.partsCheck])],
      p.targets.map((x) => [text(`${'  '.repeat(x.level)}${x.name}`), text(x.value), text(x.period ?? ''), text(x.scope), text(x.owner?.title ?? ''), text(x.parent ? byId.get(x.parent.id) ?? '' : ''), text(x.check ?? '')]),
    );
  }
  if (p.kpis.length) {
    yield* add(
      sheet(l.kpiDictionary, [36, 12, 14, 16, 16, 50, 40, 40]),
      [bold([l.kpi, l.kind, l.target, l.unit, l.direction, l.definition, l.measures, l.owners])],
      p.kpis.map((k) => [text(k.name), text(k.kind), text(k.target ?? ''), text(k.unit ?? ''), text(k.better), text(k.description ?? '', { wrap: true }), text(k.measures.map((m) => m.name).join('; ')), text(titles(k.owners))]),
    );
  }
  if (p.serviceLevels.length) {
    yield* add(
      sheet(l.serviceLevelTable, [40, 26, 26, 10, 22, 30, 22]),
      [bold([l.what, l.from, l.to, l.within, l.step, l.partOfHandoff, l.chain])],
      p.serviceLevels.map((x) => [text(`${'  '.repeat(x.level)}${x.what}`), text(x.from.name), text(x.to.name), text(x.within), text(x.step ?? ''), text(x.partOf ?? ''), text(x.chain ?? '')]),
    );
  }
  if (p.reviews.length) {
    yield* add(
      sheet(l.reviewCalendar, [32, 14, 26, 60, 60]),
      [bold([l.reviews, l.cadence, l.chair, l.attendees, l.agenda])],
      p.reviews.map((r) => [text(r.name), text(r.cadence), text(r.chair.title), text(titles(r.attendees), { wrap: true }), text(r.purpose ?? '', { wrap: true })]),
    );
  }
  if (p.signals.length) {
    yield* add(
      sheet(l.signalsPage, [32, 30, 12, 14, 40, 60]),
      [bold([l.signalsPage, l.watch, l.condition, l.change, l.affectedRoles, l.rationale])],
      p.signals.map((x) => [
        text(x.name),
        text(x.watch.name),
        text(x.when),
        text(x.change),
        text([x.role.name, ...(x.roles.length ? [`→ ${x.roles.map((r) => r.name).join('; ')}`] : [])].join(' ')),
        text(x.rationale ?? '', { wrap: true }),
      ]),
    );
  }
  if (p.people.length) {
    yield* add(
      sheet(l.peopleSheet, [24, 32, 12, 40, 24]),
      [bold([l.personName, l.role, l.experienceYears, l.scope, l.backupPerson])],
      map(p.people, (x) => [text(x.name), text(x.role.title), x.experience === undefined ? null : text(x.experience), text(x.scope), text(x.backup ?? '')]),
    );
  }
}

/**
 * The capacity and cost sheet: the structure (manager and individual-contributor seats), capacity
 * against each revenue target, and the cost of the design by level, scope, role and against
 * revenue — the summary's tables one under the other, amounts as the summary writes them.
 */
function* planRows(views: Views, text: (value: string | number, style?: Style) => Cell, bold: (row: Row) => Cell[]): Generator<Cell[]> {
  const l = views.labels;
  const plan = views.summary.plan;
  const heading = (value: string) => [text(value, { fontWeight: 'bold' })];
  yield heading(l.structure);
  yield [text(l.layers), text(views.summary.layers)];
  yield [text(l.managerSeats), text(plan.managerSeats)];
  yield [text(l.icSeats), text(plan.icSeats)];
  if (plan.icsPerManager) yield [text(l.managerRatio), text(plan.icsPerManager)];
  if (plan.capacity) {
    yield [];
    yield heading(l.capacity);
    yield bold([l.capacityTarget, l.targetValue, l.capacityValue, l.capacityCoverage, l.quotas, l.seats, l.vacancies]);
    for (const c of plan.capacity) yield [text(c.target), text(c.value), text(c.capacity), text(c.coverage), text(c.quota), text(c.seats), text(c.open)];
    yield [text(l.capacityNote)];
  }
  const cost = plan.cost;
  if (!cost) return;
  yield [];
  yield heading(l.cost);
  yield [text(l.loadedCost), text(cost.total)];
  yield [text(l.openCost), text(cost.open)];
  yield [text(l.seats), text(cost.seats)];
  yield [text(l.costNote)];
  yield [];
  yield bold([l.costByLevel, l.seats, l.loadedCost, l.shareOfCost]);
  for (const row of cost.byLevel) yield [text(row.name), text(row.seats), text(row.total), text(row.share)];
  for (const d of cost.byScope) {
    yield [];
    yield bold([d.dimension, l.seats, l.loadedCost]);
    for (const v of d.values) yield [text(v.name), text(v.seats), text(v.total)];
  }
  if (cost.costOfSale.length) {
    yield [];
    yield heading(l.costOfSale);
    yield bold([l.capacityTarget, l.revenue, l.loadedCost, l.ratio]);
    for (const c of cost.costOfSale) yield [text(c.target), text(c.revenue), text(c.cost), text(c.ratio)];
  }
  yield [];
  yield bold([l.costByRole, l.payBand, l.seats, l.perSeat, l.loadedCost]);
  for (const r of cost.byRole) yield [text(r.role.title), text(r.band), text(r.seats), text(r.perSeat), text(r.total)];
  if (cost.notCounted.length) yield [text(l.notCounted), text(cost.notCounted.join('; '))];
}

/**
 * A sheet as one or more sheets of at most `maxRows` rows, each starting with the header rows,
 * made lazily: each sheet's rows must be read before the next sheet is asked for.
 */
function* split(sheet: Omit<XlsxSheet, 'rows'>, header: Cell[][], body: Iterable<Cell[]>, maxRows: number): Generator<XlsxSheet> {
  const rows = body[Symbol.iterator]();
  let next = rows.next();
  let part = 1;
  do {
    yield {
      ...sheet,
      sheet: sheetName(sheet.sheet, part++),
      rows: (function* () {
        yield* header;
        for (let n = header.length; n < maxRows && !next.done; n++) {
          yield next.value;
          next = rows.next();
        }
      })(),
    };
  } while (!next.done);
}

/** `Roles`, then `Roles (2)`, … within Excel's 31 characters. */
function sheetName(base: string, part: number): string {
  const suffix = part === 1 ? '' : ` (${part})`;
  return base.slice(0, SHEET_NAME_CHARS - suffix.length) + suffix;
}

/**
 * Whether inertCell may change a text: its first character is one it looks for. Tested first
 * because it is a character's code, not a regular expression, for each of millions of cells.
 */
export function formulaLike(value: string): boolean {
  const c = value.charCodeAt(0);
  return c === 61 /* = */ || c === 43 /* + */ || c === 45 /* - */ || c === 64 /* @ */ || c === 9 /* \t */ || c === 13 /* \r */;
}

/** A text cut to fit a cell, the cut marked with "…" and never inside a surrogate pair. */
export function fitCell(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(value[end - 1] ?? '')) end--;
  return value.slice(0, end) + '…';
}

function* map<T, U>(items: Iterable<T>, f: (x: T) => U): Generator<U> {
  for (const x of items) yield f(x);
}
