/**
 * Reading a CSV or XLSX file as a spreadsheet shows it (domain.md §4), for every file Kedu
 * reads: people imports, actuals uploads, the CLI. The header row is row 1 and the data rows
 * keep the row number a spreadsheet shows (the first data row is row 2). Every value is text;
 * rows that are entirely blank are left out but keep their place in the numbering.
 * Problems are thrown as `SpreadsheetError` with a code; each caller words them its own way.
 * The pure rules (the error, the delimiter, a cell's text) are core's (src/core/files/).
 */
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import type Iconv from 'iconv-lite';
import { cellText, MAX_DATA_ROWS, type ParsedTable, sniffDelimiter, splitPlainCsv } from '../../core/files/records.ts';
import { SpreadsheetError } from '../../core/files/spreadsheet-error.ts';

// the pure rules, re-exported for the readers' callers
export { cellText, MAX_DATA_ROWS, type ParsedTable, sniffDelimiter } from '../../core/files/records.ts';
export { SpreadsheetError, type SpreadsheetErrorCode } from '../../core/files/spreadsheet-error.ts';

// iconv-lite and csv-parse are loaded on first use, as ExcelJS is: most files are plain UTF-8
// CSV, which needs neither (a command reading one starts faster without them)
const require = createRequire(import.meta.url);
let iconvModule: typeof Iconv | null = null;
const iconv = (): typeof Iconv => (iconvModule ??= require('iconv-lite') as typeof Iconv);

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
/** Rows as stored in a worksheet, blank formatted ones included. */
const MAX_SHEET_ROWS = 2 * MAX_DATA_ROWS;
/** Unpacked XML of a workbook within the row limit is far smaller. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

/**
 * Reads a CSV or XLSX file. The type is decided by the bytes, not the name: XLSX is a zip
 * (`PK\x03\x04`), anything else that is text is CSV (UTF-8, UTF-16 or GBK; comma, tab or
 * semicolon). Throws `SpreadsheetError`.
 * @example await readSpreadsheet(Buffer.from('person,销售额\n张三,1200\n')) // { format: 'csv', headers: ['person', '销售额'], rows: [{ row: 2, values: ['张三', '1200'] }] }
 */
export async function readSpreadsheet(bytes: Uint8Array, filename = ''): Promise<ParsedTable> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let table: ParsedTable;
  if (startsWith(buffer, ZIP_MAGIC)) table = await readXlsx(buffer);
  else if (startsWith(buffer, OLE_MAGIC)) throw new SpreadsheetError('unsupported', null, { kind: 'Excel 97-2003 (.xls)' });
  else if (buffer.length > 0 && !looksLikeText(buffer)) throw new SpreadsheetError('unsupported', null, { kind: 'binary' });
  else if (buffer.length > 0 && /\.(xlsx|xlsm|xls)$/i.test(filename)) throw new SpreadsheetError('unsupported', null, { kind: 'not a valid Excel file' });
  else table = await readCsv(buffer);
  return requireHeader(table);
}

function requireHeader(table: ParsedTable): ParsedTable {
  const headerBlank = table.headers.every((h) => h === '');
  if (headerBlank && table.rows.length === 0) throw new SpreadsheetError('file_empty', 1);
  if (headerBlank) throw new SpreadsheetError('header_missing', 1, { row: table.rows[0].row });
  return table;
}

function startsWith(buffer: Buffer, magic: number[]): boolean {
  return buffer.length >= magic.length && magic.every((b, i) => buffer[i] === b);
}

/** Text files have no NUL bytes, except UTF-16, which starts with its byte-order mark. */
function looksLikeText(buffer: Buffer): boolean {
  if (isUtf16(buffer)) return true;
  return !buffer.subarray(0, 8192).includes(0);
}

const isUtf16 = (b: Buffer) => (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8; UTF-16 by its BOM; otherwise GBK/GB18030, what Chinese Excel saves. */
export function decodeText(buffer: Buffer): string {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return iconv().decode(buffer, 'utf-16le');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return iconv().decode(buffer, 'utf-16be');
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return iconv().decode(buffer, 'gb18030');
  }
}

async function readCsv(buffer: Buffer): Promise<ParsedTable> {
  const text = decodeText(buffer);
  const delimiter = sniffDelimiter(text);
  const parseCsv = isPlainCsv(text) ? null : (await import('csv-parse/sync')).parse;
  let records: string[][];
  try {
    records = parseCsv ? parseCsv(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) : splitPlainCsv(text, delimiter);
  } catch (err) {
    // a CSV record is a spreadsheet row, so the failing record's number is its row
    const done = (err as { records?: number }).records ?? 0;
    throw new SpreadsheetError('csv_malformed', done + 1, { row: done + 1 });
  }
  const [header = [], ...data] = records;
  return toTable('csv', header, data.map((values, i) => ({ row: i + 2, values })));
}

/** No quotes and no carriage returns: every line is a record, every delimiter separates fields. */
function isPlainCsv(text: string): boolean {
  return !text.includes('"') && !text.includes('\r');
}

/**
 * Drops cells under no header, which no column reads (notes beside the table), then rows
 * left blank, keeping the numbers of the others.
 */
function toTable(format: ParsedTable['format'], header: string[], data: { row: number; values: string[] }[]): ParsedTable {
  const headers = header.map((h) => h.trim());
  while (headers.length && headers[headers.length - 1] === '') headers.pop();
  // without any header, keep every non-blank row so that the error can say where the data starts
  const read = headers.length ? headers.map((h) => h !== '') : null;
  const rows = data
    .filter((r) => r.values.some((v, i) => (read ? read[i] : true) && v.trim() !== ''))
    .map((r) => ({ row: r.row, values: read ? r.values.slice(0, headers.length) : r.values }));
  if (rows.length > MAX_DATA_ROWS) throw new SpreadsheetError('too_many_rows', rows[MAX_DATA_ROWS].row, { max: MAX_DATA_ROWS });
  return { format, headers, rows };
}

/**
 * The total uncompressed size the zip's central directory declares, or null when the
 * bytes are not a readable zip. Checked before unpacking: a small zip can hold gigabytes.
 */
export function zipUncompressedSize(zip: Buffer): number | null {
  const min = Math.max(0, zip.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = zip.length - 22; i >= min; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return null;
    const size = zip.readUInt32LE(at + 24);
    total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size; // ZIP64: far beyond any file we read
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
}

/**
 * Parts of a worksheet we never read. Some are expanded cell by cell when loaded: a
 * drop-down list on a whole column (common in HR templates) becomes a million objects,
 * and one on A1:Z1048576 never finishes, so a 6 KB file could stall the server.
 */
const IGNORED_XLSX_NODES = ['dataValidations', 'mergeCells', 'conditionalFormatting', 'extLst', 'cols', 'drawing', 'picture', 'tableParts', 'autoFilter', 'rowBreaks'];

const notWorkbook = () => new SpreadsheetError('unsupported', null, { kind: 'zip, not an Excel workbook' });

async function readXlsx(buffer: Buffer): Promise<ParsedTable> {
  const unpacked = zipUncompressedSize(buffer);
  if (unpacked === null) throw notWorkbook();
  if (unpacked > MAX_UNPACKED_BYTES) throw new SpreadsheetError('too_many_rows', 1, { max: MAX_DATA_ROWS });
  // loaded on demand: ExcelJS takes a good part of a second to load, and most files are CSV
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    // ExcelJS's typings predate Node's generic Buffer and omit maxRows
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer, { ignoreNodes: IGNORED_XLSX_NODES, maxRows: MAX_SHEET_ROWS } as ExcelJS.XlsxReadOptions);
  } catch (err) {
    if (/^Max row count/.test((err as Error).message)) throw new SpreadsheetError('too_many_rows', 1, { max: MAX_DATA_ROWS });
    throw notWorkbook();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw notWorkbook();
  const records: { row: number; values: string[] }[] = [];
  // only the rows and cells that exist: a stray cell at XFD1048576 costs one entry, not a grid
  sheet.eachRow((row, number) => {
    const values: string[] = [];
    row.eachCell((cell, col) => {
      values[col - 1] = cellText(cell.value);
    });
    records.push({ row: number, values: Array.from(values, (v) => v ?? '') });
  });
  const header = records[0]?.row === 1 ? records.shift()!.values : [];
  return toTable('xlsx', header, records);
}
