// An Excel workbook: the RACI (a colour-coded matrix, or matrices by area and step for a large org),
// the RACI assignments (one row per role–duty assignment, for filtering and pivot tables), a roles
// sheet and a duties sheet. Every sheet keeps within Excel's limits: a sheet too long for one is
// continued on the next ("Roles (2)"), a text too long for a cell is cut with "…". Rows are made as
// xlsx-writer.ts writes them: the workbook of a 100k-role org never sits in memory whole.
import { inertCell } from './csv.js';
import type { PageSink } from './output.js';
import { fitsMatrix, MATRIX_KEY_COLUMNS, raciAssignmentRows, raciAssignmentsHeader, raciMatrixHeader, raciMatrixRows, type Row } from './raci-table.js';
import { MAX_RACI_COLUMNS } from './view/build.js';
import type { Views } from './view/types.js';
import { xlsxChunks, type CellStyle, type XlsxCell, type XlsxSheet } from './xlsx-writer.js';

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
  const text = (value: string | number, style: Style = {}): Cell => ({ value: typeof value === 'string' ? fitCell(String(inertCell(value)), limits.cellChars) : value, ...style });
  const bold = (row: Row) => row.map((h) => text(h, { fontWeight: 'bold' as const }));
  const letters = (value: string | number): Cell =>
    value === '' ? null : text(value, { align: 'center', backgroundColor: COLOURS[String(value)] ?? COLOURS[String(value).replace(/[CI]/g, '')] });
  const keyWidths = [{ width: 22 }, { width: 18 }, { width: 22 }, { width: 40 }];
  const add = (sheet: Omit<XlsxSheet, 'rows'>, header: Cell[][], body: Iterable<Cell[]>) => split(sheet, header, body, limits.rows);

  if (fitsMatrix(views, limits.columns)) {
    const header = raciMatrixHeader(views).map((value, c) => text(value, { fontWeight: 'bold', wrap: c >= MATRIX_KEY_COLUMNS }));
    const rows = map(raciMatrixRows(views), (row) => row.map((value, c) => (c < MATRIX_KEY_COLUMNS ? text(value) : letters(value))));
    yield* add({ sheet: 'RACI', stickyRowsCount: 1, stickyColumnsCount: MATRIX_KEY_COLUMNS, columns: [...keyWidths, ...header.slice(MATRIX_KEY_COLUMNS).map(() => ({ width: 12 }))] }, [header], rows);
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
    { sheet: l.raciAssignments, stickyRowsCount: 1, columns: [{ width: 22 }, { width: 18 }, { width: 22 }, { width: 40 }, { width: 22 }, { width: 32 }, { width: 8 }] },
    [bold(raciAssignmentsHeader(views))],
    map(raciAssignmentRows(views), (row) => [...row.slice(0, -1).map((v) => text(v)), letters(row[row.length - 1])]),
  );
  yield* add(
    { sheet: l.roles, stickyRowsCount: 1, columns: [{ width: 32 }, { width: 22 }, { width: 14 }, { width: 16 }, { width: 28 }, { width: 10 }, { width: 10 }, { width: 32 }, { width: 60 }] },
    [bold([l.role, 'id', l.level, l.family, l.reportsTo, l.headcount, l.vacancies, l.scope, l.purpose])],
    map(views.roles, (r) => [
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
