// Every workbook opens in Excel: no sheet over 16,384 columns or 1,048,576 rows, no cell over
// 32,767 characters. The RACI of a large org is its assignments (one row each), not a matrix of
// every role × every duty (20,023 columns at 20k roles before). Compared by cells, not bytes.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { syntheticOrg } from '../../scripts/bench/synthetic-org.js';
import { loadFiles } from '../../src/load/index.js';
import { sourceFromBytes } from '../../src/load/sources.js';
import { buildModel } from '../../src/model/build.js';
import { MAX_MATRIX_ROLES } from '../../src/render/raci-table.js';
import { buildViews } from '../../src/render/view/build.js';
import type { Views } from '../../src/render/view/types.js';
import { inertCell } from '../../src/render/csv.js';
import { EXCEL_LIMITS, fitCell, formulaLike, renderXlsx, workbookSheets, type Cell, type SheetLimits } from '../../src/render/xlsx.js';
import { ROOT } from '../helpers/cli.js';
import { readWorkbook, sheetRows, type SheetCells } from '../helpers/xlsx.js';

async function views(files: Record<string, string>): Promise<{ views: Views; assignments: number }> {
  const loaded = await loadFiles(Object.entries(files).map(([p, text]) => sourceFromBytes(p, Buffer.from(text))));
  const model = buildModel(loaded.files).model!;
  let assignments = 0;
  for (const d of model.duties.values()) assignments += d.assignments.length;
  return { views: buildViews(model, 'en'), assignments };
}

/** `0` → `A`, `24` → `Y`, `26` → `AA`. */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The workbook a render hands over (in chunks), as one file. */
async function workbook(v: Views, limits?: SheetLimits): Promise<SheetCells[]> {
  const out = new Map<string, Iterable<Uint8Array>>();
  renderXlsx(v, { set: (file, page) => out.set(file, page as Iterable<Uint8Array>), size: 0 }, limits);
  return readWorkbook(Buffer.concat([...out.get('org.xlsx')!]));
}

function example(dir: string): Record<string, string> {
  const at = path.join(ROOT, 'examples', dir);
  const files = readdirSync(at, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml')).sort();
  return Object.fromEntries(files.map((f) => [f, readFileSync(path.join(at, f), 'utf8')]));
}

/** Every sheet within the limits, read back from the file as a spreadsheet program would. */
function expectWithin(sheets: SheetCells[], limits: SheetLimits): void {
  for (const sheet of sheets) {
    expect(sheet.name.length, sheet.name).toBeLessThanOrEqual(31);
    // Counted first, asserted once: a hundred thousand expects would take longer than the render.
    let rows = 0;
    let columns = 0;
    let chars = 0;
    for (const [r, cells] of sheet.rows) {
      rows = Math.max(rows, r);
      for (const [c, value] of cells) {
        columns = Math.max(columns, c + 1);
        chars = Math.max(chars, value.length);
      }
    }
    expect({ sheet: sheet.name, rows: rows <= limits.rows, columns: columns <= limits.columns, chars: chars <= limits.cellChars }).toEqual({ sheet: sheet.name, rows: true, columns: true, chars: true });
  }
  expect(new Set(sheets.map((s) => s.name.toLowerCase())).size).toBe(sheets.length);
}

const rowsOf = (sheets: SheetCells[], name: string) => sheets.filter((s) => s.name === name || s.name.startsWith(`${name} (`));

describe('xlsx within Excel limits', () => {
  // The same logic at Excel's own limits is what a 20k-role org meets (20,023 roles in its RACI);
  // a 2k-role org against limits a tenth of Excel's crosses them the same way, in seconds.
  it('an org with more RACI roles than columns: assignments one per row, RACI as matrices by area and step', async () => {
    const org = syntheticOrg(2_000);
    const { views: v, assignments } = await views(Object.fromEntries(org.files));
    const limits: SheetLimits = { columns: 1_638, rows: 1_000, cellChars: 3_276 };
    expect(v.raci.totals.length).toBeGreaterThan(limits.columns);
    const sheets = await workbook(v, limits);
    expectWithin(sheets, limits);
    const names = [...new Set(sheets.map((s) => s.name.replace(/ \(\d+\)$/, '')))];
    expect(names.slice(0, 5)).toEqual(['RACI', 'RACI assignments', 'Roles', 'Duties', 'Capacity and cost']);
    // Then the reference sheets the org has entries for, in the handbook's order.
    const reference = ['Process', 'Competencies', 'Tools', 'Target tree', 'KPI dictionary', 'Service levels and hand-offs', 'Review calendar', 'Adaptation signals', 'People'];
    expect(names.slice(5)).toEqual(reference.filter((n) => names.includes(n)));
    const table = rowsOf(sheets, 'RACI assignments').flatMap((s, i) => sheetRows(s).slice(i === 0 ? 0 : 1));
    expect(table[0]).toEqual(['Areas', 'Process step', 'Duty id', 'Duty', 'Role id', 'Role', 'RACI']);
    expect(table.length - 1).toBe(assignments);
    expect(table.slice(1).every((r) => /^[RACI]+$/.test(r[6]))).toBe(true);
    // The matrices by area and step are as wide as the Markdown's RACI tables, at most: a duty with
    // more roles has them over several blocks.
    expect(rowsOf(sheets, 'RACI').every((s) => sheetRows(s).every((r) => r.length <= 4 + 20))).toBe(true);
  }, 60_000);

  it('a small org keeps its one matrix of every role, with the assignments beside it', async () => {
    const { views: v, assignments } = await views(example('sales-org'));
    expect(v.roles.length).toBeGreaterThan(10);
    expect(v.raci.totals.length).toBeLessThanOrEqual(MAX_MATRIX_ROLES);
    const sheets = await workbook(v);
    const matrix = sheetRows(sheets[0]);
    // Area, step, duty; a column per role by title, in org order; the duty's R, A, C, I counts.
    const roles = v.raci.totals.map((t) => t.role.title);
    expect(matrix[0]).toEqual(['Areas', 'Process step', 'Duty', ...roles, 'R', 'A', 'C', 'I']);
    expect(roles[0]).toBe('Sales Director');
    // The duties, then a blank row, then each letter's count per role, then the legend.
    const blank = matrix.findIndex((r) => r.every((c) => c === ''));
    expect(blank - 1).toBe([...v.raci.groups].reduce((n, g) => n + g.rows.length, 0));
    expect(matrix[blank + 2].slice(3, 3 + roles.length)).toEqual(v.raci.totals.map((t) => String(t.A)));
    expect(sheetRows(sheets[1]).length - 1).toBe(assignments);
  });

  it('puts filter buttons on a table\'s header, over its rows down to the first blank row, named as Excel names them', async () => {
    const { views: v } = await views(example('sales-org'));
    const out = new Map<string, Iterable<Uint8Array>>();
    renderXlsx(v, { set: (file, page) => out.set(file, page as Iterable<Uint8Array>), size: 0 }, EXCEL_LIMITS);
    const zip = unzipSync(Buffer.concat([...out.get('org.xlsx')!]));
    const xml = (name: string) => Buffer.from(zip[name]).toString('utf8');
    // The RACI: header and duties (the totals and legend below the blank row are left out).
    const duties = [...v.raci.groups].reduce((n, g) => n + g.rows.length, 0);
    const last = columnName(3 + v.raci.totals.length + 4 - 1);
    expect(xml('xl/worksheets/sheet1.xml')).toContain(`</sheetData><autoFilter ref="A1:${last}${duties + 1}"/></worksheet>`);
    expect(xml('xl/workbook.xml')).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'RACI'!$A$1:$${last}$${duties + 1}</definedName>`);
    // The Roles sheet has none.
    expect(xml('xl/worksheets/sheet3.xml')).not.toContain('<autoFilter');
  });

  it('with small limits injected: long sheets continue on the next, wide matrices become blocks, long texts are cut', async () => {
    const { views: v, assignments } = await views(example('sales-org'));
    const limits: SheetLimits = { columns: 12, rows: 4, cellChars: 15 };
    const sheets = workbookSheets(v, limits);
    const text = (c: Cell) => (c === null ? '' : String(c.value));
    for (const s of sheets) {
      expect(s.data.length, s.sheet).toBeLessThanOrEqual(limits.rows);
      for (const row of s.data) expect(row.length, s.sheet).toBeLessThanOrEqual(limits.columns);
      for (const cell of s.data.flat()) expect(text(cell).length, s.sheet).toBeLessThanOrEqual(limits.cellChars);
    }
    // Nothing lost: each continuation repeats the header and carries on where the last stopped.
    const parts = sheets.filter((s) => s.sheet === 'RACI assignments' || s.sheet.startsWith('RACI assignments ('));
    expect(parts.map((s) => s.sheet).slice(0, 3)).toEqual(['RACI assignments', 'RACI assignments (2)', 'RACI assignments (3)']);
    expect(parts.reduce((n, s) => n + s.data.length - 1, 0)).toBe(assignments);
    for (const s of parts) expect(s.data[0].map(text)).toEqual(parts[0].data[0].map(text));
    const roles = sheets.filter((s) => s.sheet.startsWith('Roles'));
    expect(roles.flatMap((s) => s.data.slice(1)).map((r) => text(r[1]))).toEqual([...v.roles].map((r) => fitCell(r.id, limits.cellChars)));
    // The org has more roles in its RACI than 12 columns hold: its RACI sheets are blocks.
    expect(v.raci.totals.length + 4).toBeGreaterThan(limits.columns);
    expect(sheets[0].sheet).toBe('RACI');
    expect(sheets[0].stickyRowsCount).toBeUndefined();
  });

  it("reads the roles sheet from the roles' rows, which are their views' fields, role by role", async () => {
    const seen = { reportsTo: false, family: false, purpose: false, scope: false };
    for (const dir of ['quickstart', 'sales-org']) {
      const { views: v } = await views(example(dir));
      const full = [...v.roles].map((r) => ({ id: r.id, title: r.title, purpose: r.purpose, level: r.level, family: r.family, reportsTo: r.reportsTo, headcount: r.headcount, vacancies: r.vacancies, scope: r.scope }));
      expect(full.length).toBeGreaterThan(3);
      expect([...v.roles.rows()]).toEqual(full);
      for (const r of full) Object.assign(seen, { reportsTo: seen.reportsTo || !!r.reportsTo, family: seen.family || !!r.family, purpose: seen.purpose || !!r.purpose, scope: seen.scope || r.scope.length > 0 });
    }
    // Every optional field is compared somewhere, not only its absence.
    expect(seen).toEqual({ reportsTo: true, family: true, purpose: true, scope: true });
  });

  it('tells apart, by its first character, every text that inertCell changes', () => {
    let changed = 0;
    for (let c = 0; c <= 0xffff; c++) {
      const value = `${String.fromCharCode(c)}x`;
      const inert = inertCell(value) !== value;
      if (formulaLike(value) !== inert) expect({ c, formulaLike: formulaLike(value) }).toEqual({ c, formulaLike: inert });
      if (inert) changed++;
    }
    expect(changed).toBe(6);
    expect(formulaLike('')).toBe(false);
  });

  it('cuts a text too long for a cell with an ellipsis, never inside a surrogate pair', () => {
    expect(fitCell('abcdef', 6)).toBe('abcdef');
    expect(fitCell('abcdefg', 6)).toBe('abcde…');
    expect(fitCell('abcd😀xyz', 6)).toBe('abcd…');
    expect(fitCell('x'.repeat(40_000), EXCEL_LIMITS.cellChars)).toHaveLength(EXCEL_LIMITS.cellChars);
  });
});
