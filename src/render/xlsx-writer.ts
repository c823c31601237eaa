// A minimal streaming XLSX (SpreadsheetML) writer: sheets are written row by row into a zip that
// is handed on in chunks as it grows, so a workbook of a million rows never sits in memory as XML
// or as cell objects. Text goes to the shared-string table (each distinct text once), which is
// written last, with the styles the cells used. Entries are dated 2000-01-01: the same cells give
// the same bytes.
import * as zlib from 'node:zlib';
import { Zip, ZipPassThrough, type ZipInputFile } from 'fflate';

export type CellStyle = { fontWeight?: 'bold'; backgroundColor?: string; align?: 'center'; wrap?: boolean };
export type XlsxCell = ({ value: string | number } & CellStyle) | null;

export interface XlsxSheet {
  sheet: string;
  rows: Iterable<XlsxCell[]>;
  stickyRowsCount?: number;
  stickyColumnsCount?: number;
  columns: Array<{ width: number }>;
  /**
   * The 1-based row of a table's header: Excel's filter buttons go on it, over its columns and the
   * rows under it up to the first empty row (totals and a legend may follow after a blank row).
   */
  autoFilterRow?: number;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const FIXED_DATE = new Date('2000-01-01T00:00:00Z');
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Characters of XML gathered before they are encoded (a longer string lives long enough to be copied by the GC). */
const BATCH = 1 << 16;
/**
 * Bytes gathered before they are compressed: each piece costs zlib a fresh start (about a
 * millisecond), which with 64 KiB pieces was a third of the compression's time.
 */
const PIECE = 1 << 20;

/** zlib's CRC-32, where Node has it (20.15 on). */
const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/**
 * A zip entry deflated by Node's zlib, three times as fast as fflate's deflate in JavaScript at the
 * same level (which was over half of a large workbook's time). The entry comes in pieces, each
 * compressed on its own and ended on a byte boundary (a sync flush), so that the pieces join into
 * one deflate stream; the last piece ends it. The same pieces give the same bytes; fflate writes
 * the zip around them.
 */
class ZipZlibDeflate extends ZipPassThrough {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;

  constructor(filename: string) {
    super(filename);
    this.compression = 8;
  }

  // The CRC by zlib too where Node has it (20.15 on), else fflate's in JavaScript.
  override push(chunk: Uint8Array, final?: boolean): void {
    if (!crc32) return super.push(chunk, final);
    this.crc = crc32(chunk, this.size ? this.crc : 0);
    this.size += chunk.length;
    this.process(chunk, final ?? false);
  }

  // A failure (out of memory) is thrown to the writer's push, which gives up the workbook.
  override process(chunk: Uint8Array, final: boolean): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes < PIECE && !final) return;
    const piece = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    const data = zlib.deflateRawSync(piece, { level: 5, finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH });
    this.ondata!(null, new Uint8Array(data.buffer, data.byteOffset, data.byteLength), final);
  }
}

// Characters XML 1.0 does not allow at all (a title pasted from elsewhere may carry them).
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const escapeXml = (s: string) => s.replace(INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Column names made so far: every cell's reference starts with one. */
const COLUMN_NAMES: string[] = [];

/** `0` → `A`, `27` → `AB`. */
function columnName(index: number): string {
  return (COLUMN_NAMES[index] ??= makeColumnName(index));
}

function makeColumnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * The workbook's bytes in chunks. `limits.columns` is checked as rows are written: a row wider
 * than Excel allows is a bug in the caller, and an invalid file is worse than no file.
 */
export function* xlsxChunks(sheets: Iterable<XlsxSheet>, maxColumns: number, font = { name: 'Calibri', size: 11 }): Generator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let error: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) error = err;
    else if (data.length) ready.push(data);
  });
  const encoder = new TextEncoder();
  const entry = (name: string): ZipZlibDeflate => {
    const file = new ZipZlibDeflate(name);
    file.mtime = FIXED_DATE;
    zip.add(file as ZipInputFile);
    return file;
  };
  const whole = (name: string, text: string) => entry(name).push(encoder.encode(text), true);
  const drain = function* (): Generator<Uint8Array> {
    if (error) throw error;
    while (ready.length) yield ready.shift()!;
  };

  const strings = new Map<string, number>();
  const styles = new Map<string, number>([['', 0]]);
  // Each style's id by its flags and then its colour: found without making its key for each cell.
  const known = Array.from({ length: 8 }, () => new Map<string, number>());
  const styleOf = (c: CellStyle): number => {
    if (c.fontWeight === undefined && !c.wrap && c.align === undefined && c.backgroundColor === undefined) return 0;
    const byColour = known[(c.fontWeight === 'bold' ? 1 : 0) | (c.wrap ? 2 : 0) | (c.align === 'center' ? 4 : 0)];
    let found = byColour.get(c.backgroundColor ?? '');
    if (found === undefined) byColour.set(c.backgroundColor ?? '', (found = styleKeyed(c)));
    return found;
  };
  const styleKeyed = (c: CellStyle): number => {
    const key = `${c.fontWeight === 'bold' ? 'b' : ''}|${c.wrap ? 'w' : ''}|${c.align ?? ''}|${c.backgroundColor ?? ''}`;
    if (key === '|||') return 0;
    let id = styles.get(key);
    if (id === undefined) styles.set(key, (id = styles.size));
    return id;
  };

  const names: string[] = [];
  // Each filtered sheet's range, for the workbook's hidden `_xlnm._FilterDatabase` name, which
  // Excel writes beside every filter and expects to find.
  const filters: Array<{ sheet: number; ref: string }> = [];
  for (const sheet of sheets) {
    names.push(sheet.sheet);
    const file = entry(`xl/worksheets/sheet${names.length}.xml`);
    const rowsX = sheet.stickyRowsCount ?? 0;
    const colsX = sheet.stickyColumnsCount ?? 0;
    const topLeft = `${columnName(colsX)}${rowsX + 1}`;
    const pane = rowsX || colsX ? `<pane${colsX ? ` xSplit="${colsX}"` : ''}${rowsX ? ` ySplit="${rowsX}"` : ''} topLeftCell="${topLeft}" activePane="${rowsX && colsX ? 'bottomRight' : rowsX ? 'bottomLeft' : 'topRight'}" state="frozen"/>` : '';
    const cols = sheet.columns.length ? `<cols>${sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('')}</cols>` : '';
    let xml = `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"${names.length === 1 ? ' tabSelected="1"' : ''}>${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>`;
    let r = 0;
    // Each column's last text and its shared string: a table repeats a column's text row after row
    // (a duty's area, step and name on each of its assignments), and at 100k roles a look-up in a
    // table of a million texts was a tenth of the render.
    const lastText: string[] = [];
    const lastId: number[] = [];
    // The filtered table: its header's width, and its last row (the one before the first empty row).
    let filterWidth = 0;
    let filterEnd = 0;
    for (const row of sheet.rows) {
      r++;
      if (r === sheet.autoFilterRow) filterWidth = row.length;
      else if (filterWidth && filterEnd === r - 1 && row.some((cell) => cell !== null)) filterEnd = r;
      if (r === sheet.autoFilterRow) filterEnd = r;
      if (row.length > maxColumns) throw new Error(`internal error: row ${r} of sheet ${sheet.sheet} has ${row.length} columns, over ${maxColumns}`);
      // Appended piece by piece to the batch: no string per cell or per row made to be copied again.
      const rowRef = String(r);
      xml += `<row r="${rowRef}">`;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (cell === null) continue;
        const s = styleOf(cell);
        const style = s ? ` s="${s}"` : '';
        if (typeof cell.value === 'number') {
          xml += `<c r="${columnName(c)}${rowRef}"${style}><v>${cell.value}</v></c>`;
        } else if (cell.value === '') {
          if (s) xml += `<c r="${columnName(c)}${rowRef}"${style}/>`;
        } else {
          let id: number | undefined;
          if (lastText[c] === cell.value) id = lastId[c];
          else {
            id = strings.get(cell.value);
            if (id === undefined) strings.set(cell.value, (id = strings.size));
            lastText[c] = cell.value;
            lastId[c] = id;
          }
          xml += `<c r="${columnName(c)}${rowRef}"${style} t="s"><v>${id}</v></c>`;
        }
      }
      xml += '</row>';
      if (xml.length >= BATCH) {
        file.push(encoder.encode(xml));
        xml = '';
        yield* drain();
      }
    }
    const range = [`${columnName(0)}${sheet.autoFilterRow}`, `${columnName(filterWidth - 1)}${filterEnd}`];
    if (filterWidth) filters.push({ sheet: names.length - 1, ref: `'${sheet.sheet.replace(/'/g, "''")}'!$${range[0].replace(/(\d+)$/, '$$$1')}:$${range[1].replace(/(\d+)$/, '$$$1')}` });
    const filter = filterWidth ? `<autoFilter ref="${range.join(':')}"/>` : '';
    file.push(encoder.encode(`${xml}</sheetData>${filter}</worksheet>`), true);
    yield* drain();
  }

  // The shared strings, in batches too: a large org has hundreds of thousands.
  const sst = entry('xl/sharedStrings.xml');
  let xml = `${XML}<sst xmlns="${MAIN}" count="${strings.size}" uniqueCount="${strings.size}">`;
  for (const text of strings.keys()) {
    const clean = escapeXml(text);
    xml += /^\s|\s$|\n/.test(text) ? `<si><t xml:space="preserve">${clean}</t></si>` : `<si><t>${clean}</t></si>`;
    if (xml.length >= BATCH) {
      sst.push(encoder.encode(xml));
      xml = '';
      yield* drain();
    }
  }
  sst.push(encoder.encode(`${xml}</sst>`), true);
  strings.clear();

  const fills = [...new Set([...styles.keys()].map((k) => k.split('|')[3]).filter(Boolean))];
  const fontTag = (bold: boolean) => `<font>${bold ? '<b/>' : ''}<sz val="${font.size}"/><name val="${escapeXml(font.name)}"/></font>`;
  const xfs = [...styles.keys()].map((key) => {
    const [b, w, align, fill] = key.split('|');
    const fillId = fill ? fills.indexOf(fill) + 2 : 0;
    const alignment = w || align ? `<alignment${align ? ` horizontal="${align}"` : ''}${w ? ' wrapText="1"' : ''}/>` : '';
    const applied = `${b ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${alignment ? ' applyAlignment="1"' : ''}`;
    return `<xf numFmtId="0" fontId="${b ? 1 : 0}" fillId="${fillId}" borderId="0" xfId="0"${applied}>${alignment}</xf>`;
  });
  whole(
    'xl/styles.xml',
    `${XML}<styleSheet xmlns="${MAIN}"><fonts count="2">${fontTag(false)}${fontTag(true)}</fonts>` +
      `<fills count="${fills.length + 2}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${fills.map((f) => `<fill><patternFill patternType="solid"><fgColor rgb="FF${f.replace('#', '').toUpperCase()}"/><bgColor indexed="64"/></patternFill></fill>`).join('')}</fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
  );
  whole(
    'xl/workbook.xml',
    `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>${names.map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>` +
      (filters.length ? `<definedNames>${filters.map((f) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${f.sheet}" hidden="1">${escapeXml(f.ref)}</definedName>`).join('')}</definedNames>` : '') +
      '</workbook>',
  );
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`;
  whole(
    'xl/_rels/workbook.xml.rels',
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => rel(`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`)).join('')}${rel(`rId${names.length + 1}`, 'styles', 'styles.xml')}${rel(`rId${names.length + 2}`, 'sharedStrings', 'sharedStrings.xml')}</Relationships>`,
  );
  whole('_rels/.rels', `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`);
  const part = (name: string, type: string) => `<Override PartName="/${name}" ContentType="application/vnd.openxmlformats-officedocument.${type}+xml"/>`;
  whole(
    '[Content_Types].xml',
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      part('xl/workbook.xml', 'spreadsheetml.sheet.main') +
      names.map((_, i) => part(`xl/worksheets/sheet${i + 1}.xml`, 'spreadsheetml.worksheet')).join('') +
      part('xl/styles.xml', 'spreadsheetml.styles') +
      part('xl/sharedStrings.xml', 'spreadsheetml.sharedStrings') +
      '</Types>',
  );
  zip.end();
  yield* drain();
}
