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
import { CsvTokenizer } from '../../core/files/csv-tokenizer.ts';
import { cellText, MAX_COLUMNS, MAX_DATA_ROWS, type ParsedTable, type StreamedRecord, sniffDelimiter } from '../../core/files/records.ts';
import { SpreadsheetError } from '../../core/files/spreadsheet-error.ts';
import { checkWorkbook, notWorkbook } from './xlsx-check.ts';
import { bufferSource } from './zip-check.ts';

// the pure rules, re-exported for the readers' callers
export { cellText, MAX_COLUMNS, MAX_DATA_ROWS, type ParsedTable, sniffDelimiter } from '../../core/files/records.ts';
export { SpreadsheetError, type SpreadsheetErrorCode, type UnsupportedKind } from '../../core/files/spreadsheet-error.ts';

// iconv-lite is loaded on first use, as ExcelJS is: most files are plain UTF-8 CSV, which needs
// neither (a command reading one starts faster without them)
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
 * semicolon). Throws `SpreadsheetError`. Bounded while reading, whatever the file holds: rows
 * (MAX_DATA_ROWS), columns (MAX_COLUMNS), a cell's length (MAX_CELL_CHARS), a workbook's shared
 * strings and unpacked size (xlsx-check.ts) — each refused where it is broken, before the rest is read.
 * @example await readSpreadsheet(Buffer.from('person,销售额\n张三,1200\n')) // { format: 'csv', headers: ['person', '销售额'], rows: [{ row: 2, values: ['张三', '1200'] }] }
 */
export async function readSpreadsheet(bytes: Uint8Array, filename = ''): Promise<ParsedTable> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let table: ParsedTable;
  if (startsWith(buffer, ZIP_MAGIC)) table = await readXlsx(buffer);
  else if (startsWith(buffer, OLE_MAGIC)) throw new SpreadsheetError('unsupported', null, { kind: 'xls' });
  else if (buffer.length > 0 && !looksLikeText(buffer)) throw new SpreadsheetError('unsupported', null, { kind: 'binary' });
  else if (buffer.length > 0 && /\.(xlsx|xlsm|xls)$/i.test(filename)) throw new SpreadsheetError('unsupported', null, { kind: 'not_excel' });
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

/** Text handed to the CSV tokeniser at a time: its records are taken into the table before the next. */
const CSV_CHUNK_CHARS = 1024 * 1024;

/** CSV through core's tokeniser (the streaming reader's): records by row, checked as they come. */
async function readCsv(buffer: Buffer): Promise<ParsedTable> {
  const text = decodeText(buffer);
  const tokenizer = new CsvTokenizer(sniffDelimiter(text));
  const table = new TableBuilder('csv');
  const batch: StreamedRecord[] = [];
  for (let at = 0; at < text.length; at += CSV_CHUNK_CHARS) {
    tokenizer.feed(text.slice(at, at + CSV_CHUNK_CHARS), batch);
    for (const record of batch) table.add(record.row, record.values);
    batch.length = 0;
  }
  tokenizer.end(batch);
  for (const record of batch) table.add(record.row, record.values);
  return table.finish();
}

/**
 * A table built record by record, as read: row 1 is the header (or there is none); cells under
 * no header, which no column reads (notes beside the table), are dropped, then rows left blank,
 * keeping the numbers of the others. More than MAX_DATA_ROWS rows are refused at the first one
 * too many, before the rest is read.
 */
class TableBuilder {
  private headers: string[] | null = null;
  /** Which columns are read; null without any header: then every non-blank row is kept, so that the error can say where the data starts. */
  private read: boolean[] | null = null;
  private readonly rows: { row: number; values: string[] }[] = [];

  constructor(private readonly format: ParsedTable['format']) {}

  add(row: number, values: string[]): void {
    if (this.headers === null) {
      this.setHeader(row === 1 ? values : []);
      if (row === 1) return;
    }
    const read = this.read;
    if (!values.some((v, i) => (read ? read[i] : true) && v.trim() !== '')) return;
    if (this.rows.length >= MAX_DATA_ROWS) throw new SpreadsheetError('too_many_rows', row, { max: MAX_DATA_ROWS });
    this.rows.push({ row, values: read ? values.slice(0, read.length) : values });
  }

  private setHeader(header: string[]): void {
    const headers = header.map((h) => h.trim());
    while (headers.length && headers[headers.length - 1] === '') headers.pop();
    this.headers = headers;
    this.read = headers.length ? headers.map((h) => h !== '') : null;
  }

  finish(): ParsedTable {
    return { format: this.format, headers: this.headers ?? [], rows: this.rows };
  }
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

async function readXlsx(buffer: Buffer): Promise<ParsedTable> {
  // the zip, its parts, its shared strings, cells and columns, checked as they unpack
  const { chosen } = await checkWorkbook(bufferSource(buffer), { maxUnpacked: MAX_UNPACKED_BYTES }).catch((err: unknown) => {
    // a row beyond the last a sheet may have is, for a table read whole, beyond its row limit: said with that limit
    throw err instanceof SpreadsheetError && err.code === 'too_many_rows' ? new SpreadsheetError('too_many_rows', err.row, { max: MAX_DATA_ROWS }) : err;
  });
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
  const sheet = workbook.getWorksheet(chosen.name) ?? workbook.worksheets[0];
  if (!sheet) throw notWorkbook();
  const table = new TableBuilder('xlsx');
  // only the rows and cells that exist: a stray cell at XFD1048576 costs one entry, not a grid
  sheet.eachRow((row, number) => {
    const values: string[] = [];
    row.eachCell((cell, col) => {
      // a cell beyond the last column a table may have is no column of it (a note far to the right)
      if (col <= MAX_COLUMNS) values[col - 1] = cellText(cell.value);
    });
    table.add(number, Array.from(values, (v) => v ?? ''));
  });
  return table.finish();
}
