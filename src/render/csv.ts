// CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Chinese correctly), quoted as
// RFC 4180 says, and every cell that a spreadsheet would take for a formula made inert.
import { stringify } from 'csv-stringify/sync';
import type { PageSink, RenderOptions  } from './output.js';
import { fitsMatrix, raciAssignmentRows, raciAssignmentsHeader, raciMatrixHeader, raciMatrixRows } from './raci-table.js';
import type { Views } from './view/types.js';

const BOM = '\uFEFF';

/** A cell starting with `=`, `+`, `-`, `@`, tab or CR is a formula to Excel: prefix it with `'`. */
export function inertCell(value: string | number): string | number {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csv(rows: Array<Array<string | number>>): string {
  // Line breaks inside a cell must be quoted too, whatever the record delimiter.
  return BOM + stringify(rows.map((r) => r.map(inertCell)), { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}

export function renderCsv(views: Views, opts: RenderOptions, out: PageSink): void {
  const l = views.labels;
  const wants = (kind: string) => !opts.only || opts.only.includes(kind);
  if (wants('raci')) {
    // The matrix while it is small enough to read; the assignments always (docs/spreadsheets.md).
    if (fitsMatrix(views)) out.set('raci.csv', csv([raciMatrixHeader(views), ...raciMatrixRows(views)]));
    out.set('raci-assignments.csv', csv([raciAssignmentsHeader(views), ...raciAssignmentRows(views)]));
  }
  if (wants('jd')) {
    out.set(
      'roles.csv',
      csv([
        ['id', l.role, l.level, l.family, l.reportsTo, l.dottedLineTo, l.headcount, l.vacancies, l.scope, l.duties, l.kpis],
        ...views.roles.map((r) => [
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
      ]),
    );
  }
  if (wants('raci')) {
    out.set(
      'duties.csv',
      csv([
        ['id', l.duty, l.areas, l.step, 'R', 'A', 'C', 'I'],
        ...views.raci.groups.flatMap((g) =>
          g.rows.map((row) => {
            const by = (letter: string) => g.columns.filter((_, i) => row.cells[i].includes(letter)).map((c) => c.title).join('; ');
            return [row.id, row.name, g.area, g.step ?? '', by('R'), by('A'), by('C'), by('I')];
          }),
        ),
      ]),
    );
  }
}
