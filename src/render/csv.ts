// CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Chinese correctly), quoted as
// RFC 4180 says, and every cell that a spreadsheet would take for a formula made inert.
import type { PageSink, RenderOptions } from './output.js';
import { fitsMatrix, raciAssignmentRows, raciAssignmentsHeader, raciMatrixHeader, raciMatrixRows } from './raci-table.js';
import type { Views } from './view/types.js';

const BOM = '\uFEFF';

/** A cell starting with `=`, `+`, `-`, `@`, tab or CR is a formula to Excel: prefix it with `'`. */
export function inertCell(value: string | number): string | number {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Rows written this many at a time: a page of a million rows is written in slices. */
const BATCH = 10_000;

function* csv(rows: Iterable<Array<string | number>>): Generator<string> {
  yield BOM;
  let text = '';
  let n = 0;
  for (const row of rows) {
    text += record(row);
    if (++n % BATCH === 0) {
      yield text;
      text = '';
    }
  }
  if (text) yield text;
}

/**
 * One record as RFC 4180 writes it, ended by CRLF (the last one too): a cell holding a comma, a
 * quote or a line break is quoted, its quotes doubled; numbers as JavaScript writes them. This is
 * what csv-stringify gives with `record_delimiter: '\r\n'` (test/render/csv.test.ts compares the two
 * on random rows), written here because csv-stringify's general machinery — options and casts
 * looked at cell by cell — was most of a csv render: 100k roles' files hold millions of cells.
 */
export function record(row: ReadonlyArray<string | number>): string {
  let line = '';
  for (let i = 0; i < row.length; i++) {
    const cell = inertCell(row[i]);
    const value = typeof cell === 'number' ? String(cell) : cell;
    if (i > 0) line += ',';
    line += NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  }
  return `${line}\r\n`;
}

const NEEDS_QUOTES = /[",\r\n]/;

export function renderCsv(views: Views, opts: RenderOptions, out: PageSink): void {
  const l = views.labels;
  const wants = (kind: string) => !opts.only || opts.only.includes(kind);
  if (wants('raci')) {
    // The matrix while it is small enough to read; the assignments always (docs/spreadsheets.md).
    if (fitsMatrix(views)) out.set('raci.csv', csv(rows([raciMatrixHeader(views)], raciMatrixRows(views), (r) => r)));
    out.set('raci-assignments.csv', csv(rows([raciAssignmentsHeader(views)], raciAssignmentRows(views), (r) => r)));
  }
  if (wants('jd')) {
    out.set(
      'roles.csv',
      csv(rows([['id', l.role, l.level, l.family, l.reportsTo, l.dottedLineTo, l.headcount, l.vacancies, l.scope, l.duties, l.kpis]], views.roles, (r) => [
          r.id,
          r.title,
          r.level,
          r.family ?? '',
          r.reportsTo?.title ?? '',
          r.dottedLineTo.map((x) => x.title).join('; '),
          r.headcount,
          r.vacancies,
          r.scope.map((s) => `${s.dimension}: ${s.values.join(', ')}`).join('; '),
          r.dutyGroups.flatMap((g) => g.duties.map((d) => `${d.name} (${d.raci})`)).join('; '),
          r.kpis.map((k) => k.name).join('; '),
        ]),
      ),
    );
  }
  if (wants('raci')) {
    out.set(
      'duties.csv',
      csv(
        (function* (): Generator<Row> {
          yield ['id', l.duty, l.areas, l.step, 'R', 'A', 'C', 'I'];
          for (const g of views.raci.groups) {
            for (const row of g.rows) {
              const by = (letter: string) => g.columns.filter((_, i) => row.cells[i].includes(letter)).map((c) => c.title).join('; ');
              yield [row.id, row.name, g.area, g.step ?? '', by('R'), by('A'), by('C'), by('I')];
            }
          }
        })(),
      ),
    );
  }
}

type Row = Array<string | number>;

/** Header rows, then a row made from each item as it is read. */
function* rows<T>(header: Row[], items: Iterable<T>, row: (item: T) => Row): Generator<Row> {
  yield* header;
  for (const item of items) yield row(item);
}
