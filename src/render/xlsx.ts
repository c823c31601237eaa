// An Excel workbook: the RACI matrix (colour-coded, header row and duty columns frozen), a roles
// sheet and a duties sheet. write-excel-file writes it; the zip is then rewritten with fixed entry
// dates so that the same org gives a byte-identical file.
import { unzipSync, zipSync, type Zippable } from 'fflate';
import writeXlsxFile from 'write-excel-file/node';
import { inertCell, raciRows } from './csv.js';
import type { Output } from './output.js';
import type { Views } from './view/types.js';

const COLOURS: Record<string, string> = { R: '#D1F0D9', A: '#CFE3FF', C: '#FFF1C2', I: '#ECECEC', RA: '#B8E0C8' };
const FIXED_DATE = new Date('2000-01-01T00:00:00Z');

type Cell = { value: string | number; fontWeight?: 'bold'; backgroundColor?: string; align?: 'center'; wrap?: boolean } | null;

const text = (value: string | number, style: Omit<NonNullable<Cell>, 'value'> = {}): Cell => ({ value: inertCell(value), ...style });

export async function renderXlsx(views: Views, out: Output): Promise<void> {
  const l = views.labels;
  const raci = raciRows(views).map((row, r) =>
    row.map((value, c) => {
      if (r === 0) return text(value, { fontWeight: 'bold', wrap: c >= 4 });
      if (c < 4) return text(value);
      return value === '' ? null : text(value, { align: 'center', backgroundColor: COLOURS[String(value)] ?? COLOURS[String(value).replace(/[CI]/g, '')] });
    }),
  );
  const roles: Cell[][] = [
    [l.role, 'id', l.level, l.family, l.reportsTo, l.headcount, l.vacancies, l.scope, l.purpose].map((h) => text(h, { fontWeight: 'bold' })),
    ...views.roles.map((r) => [
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
  ];
  const duties: Cell[][] = [
    [l.duty, 'id', l.areas, l.step, l.noResponsible].map((h) => text(h, { fontWeight: 'bold' })),
    ...views.raci.groups.flatMap((g) => g.rows.map((row) => [text(row.name), text(row.id), text(g.area), text(g.step ?? ''), text(row.problem ?? '')])),
  ];
  const sheets = [
    { sheet: 'RACI', data: raci, stickyRowsCount: 1, stickyColumnsCount: 4, columns: [{ width: 22 }, { width: 18 }, { width: 22 }, { width: 40 }, ...raci[0].slice(4).map(() => ({ width: 12 }))] },
    { sheet: l.roles.slice(0, 31), data: roles, stickyRowsCount: 1, columns: [{ width: 32 }, { width: 22 }, { width: 14 }, { width: 16 }, { width: 28 }, { width: 10 }, { width: 10 }, { width: 32 }, { width: 60 }] },
    { sheet: l.duties.slice(0, 31), data: duties, stickyRowsCount: 1, columns: [{ width: 44 }, { width: 24 }, { width: 24 }, { width: 22 }, { width: 28 }] },
  ];
  const buffer = await writeXlsxFile(sheets as never, { fontFamily: 'Calibri', fontSize: 11 }).toBuffer();
  out.set('org.xlsx', stableZip(buffer));
}

/** The same archive with every entry dated 2000-01-01, in its original order. */
function stableZip(buffer: Uint8Array): Uint8Array {
  const entries = unzipSync(buffer);
  const files: Zippable = {};
  for (const name of Object.keys(entries)) files[name] = [entries[name], { mtime: FIXED_DATE }];
  return zipSync(files, { level: 6 });
}
