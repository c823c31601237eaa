// Reads an .xlsx as a spreadsheet program sees it: sheet names, and each sheet's cells as text.
// For comparing workbooks by content (the zip's bytes depend on compression, not on the cells).
import { unzipSync } from 'fflate';

/**
 * The parts of an .xlsx (a zip) by name, as text, names sorted: what a golden compares, so that how
 * the zip is packed (compression level, timestamps, order of entries) does not fail it and every
 * change to a sheet, a style or the workbook's metadata does.
 */
export function xlsxParts(bytes: Uint8Array): Record<string, string> {
  const zip = unzipSync(bytes);
  return Object.fromEntries(Object.keys(zip).sort().map((name) => [name, Buffer.from(zip[name]).toString('utf8')]));
}

export interface SheetCells {
  name: string;
  /** Rows by their 1-based number as written; each row's cells by 0-based column. */
  rows: Map<number, Map<number, string>>;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITY[e],
  );
/** The text of every `<t>` in an `<si>` or `<is>`: rich text runs joined. */
const texts = (xml: string) => [...xml.matchAll(/<t(?: [^>]*)?>([\s\S]*?)<\/t>|<t(?: [^>]*)?\/>/g)].map((m) => decode(m[1] ?? '')).join('');

/** `AB` → 27 (0-based column index). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function readWorkbook(bytes: Uint8Array): SheetCells[] {
  const zip = unzipSync(bytes);
  const xml = (name: string) => (zip[name] ? Buffer.from(zip[name]).toString('utf8') : '');
  const shared = [...xml('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]));
  const rels = new Map([...xml('xl/_rels/workbook.xml.rels').matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const relsAlt = new Map([...xml('xl/_rels/workbook.xml.rels').matchAll(/<Relationship [^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"/g)].map((m) => [m[2], m[1]]));
  return [...xml('xl/workbook.xml').matchAll(/<sheet ([^>]*?)\/>/g)].map((m) => {
    const name = decode(/name="([^"]*)"/.exec(m[1])![1]);
    const rid = /r:id="([^"]+)"/.exec(m[1])![1];
    const target = (rels.get(rid) ?? relsAlt.get(rid))!.replace(/^\/?(xl\/)?/, '');
    const rows = new Map<number, Map<number, string>>();
    for (const row of xml(`xl/${target}`).matchAll(/<row ([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      const r = Number(/r="(\d+)"/.exec(row[1])![1]);
      const cells = new Map<number, string>();
      for (const c of (row[2] ?? '').matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const ref = /r="([A-Z]+)\d+"/.exec(c[1])![1];
        const type = /t="([^"]+)"/.exec(c[1])?.[1];
        const body = c[2] ?? '';
        const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
        const value = type === 's' ? shared[Number(v)] : type === 'inlineStr' ? texts(body) : v === undefined ? undefined : decode(v);
        if (value !== undefined) cells.set(columnIndex(ref), value);
      }
      rows.set(r, cells);
    }
    return { name, rows };
  });
}

/** A sheet's rows as arrays (missing cells as ''), trailing empty cells dropped. */
export function sheetRows(sheet: SheetCells): string[][] {
  let last = 0;
  for (const r of sheet.rows.keys()) last = Math.max(last, r);
  return Array.from({ length: last }, (_, i) => {
    const cells = sheet.rows.get(i + 1) ?? new Map();
    const width = Math.max(0, ...[...cells.keys()].map((c) => c + 1));
    return Array.from({ length: width }, (_, c) => cells.get(c) ?? '');
  });
}
