// The RACI as spreadsheet rows, in two shapes. The matrix (every duty × every role that takes part)
// is the friendliest view of a small org, but grows with roles × duties: 24 M cells at 10k roles.
// The assignments table has one row per role–duty assignment and grows with the RACI itself: it
// is what an analyst filters and pivots, and the only shape that scales. docs/spreadsheets.md.
import type { Views } from './view/types.js';

export type Row = Array<string | number>;

/** The most roles the one-sheet matrix has as columns; a larger org gets the assignments only. */
export const MAX_MATRIX_ROLES = 100;

/** Whether the org's RACI is small enough for one matrix of `maxColumns` columns at most. */
export function fitsMatrix(views: Views, maxColumns = Infinity): boolean {
  const roles = views.raci.totals.length;
  return roles <= MAX_MATRIX_ROLES && MATRIX_KEY_COLUMNS + roles <= maxColumns;
}

/** Columns of the matrix before its role columns: area, step, duty id, duty. */
export const MATRIX_KEY_COLUMNS = 4;

/** The matrix's header: area, step, id, duty, then one column per role that takes part in any duty. */
export function raciMatrixHeader(views: Views): Row {
  return [views.labels.areas, views.labels.step, 'id', views.labels.duty, ...views.raci.totals.map((t) => t.role.title)];
}

/** The matrix's rows, one per duty, with each role's letters in its column. */
export function* raciMatrixRows(views: Views): Generator<Row> {
  const roles = views.raci.totals.map((t) => t.role);
  const index = new Map(roles.map((r, i) => [r.id, i]));
  for (const g of views.raci.groups) {
    for (const row of g.rows) {
      const cells: string[] = roles.map(() => '');
      g.columns.forEach((c, i) => (cells[index.get(c.id)!] = row.cells[i]));
      yield [g.area, g.step ?? '', row.id, row.name, ...cells];
    }
  }
}

export function raciAssignmentsHeader(views: Views): Row {
  const l = views.labels;
  return [l.areas, l.step, l.dutyId, l.duty, l.roleId, l.role, 'RACI'];
}

/**
 * One row per role–duty assignment, duties in the matrix's order (by area, then process step) and
 * the roles of a duty in declaration order. The views' RACI groups are at most MAX_RACI_COLUMNS
 * wide, so this is linear in the assignments.
 */
export function* raciAssignmentRows(views: Views): Generator<Row> {
  for (const g of views.raci.groups) {
    for (const row of g.rows) {
      for (let i = 0; i < g.columns.length; i++) {
        if (row.cells[i] === '') continue;
        const role = g.columns[i];
        yield [g.area, g.step ?? '', row.id, row.name, role.id, role.title, row.cells[i]];
      }
    }
  }
}
