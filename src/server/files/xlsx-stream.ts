import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import type ExcelJS from 'exceljs';
import { cellText, dateTimeText, isBlank, type StreamedRecord } from '../../core/files/records.ts';
import { SpreadsheetError } from '../../core/files/spreadsheet-error.ts';
import { MAX_PART_BYTES, MAX_UNPACKED_WORKBOOK_BYTES, type Options, type TableStream } from './stream-common.ts';
import { type ZipPart, zipPartsIntact } from './zip-check.ts';

/** XLSX record by record (table-stream.ts): the zip checked, the sheet chosen by name, ExcelJS's streaming reader. */
const require = createRequire(import.meta.url);

const notWorkbook = () => new SpreadsheetError('unsupported', null, { kind: 'zip, not an Excel workbook' });
const damagedWorkbook = () => new SpreadsheetError('unsupported', null, { kind: 'a damaged Excel workbook' });

type ZipEntry = ZipPart;

/** The zip's central directory, read from the end of the file; null when it is not a readable zip. */
async function readZipDirectory(handle: FileHandle, size: number): Promise<ZipEntry[] | null> {
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = Buffer.alloc(tailLength);
  await handle.read(tail, 0, tailLength, size - tailLength);
  let eocd = -1;
  for (let i = tailLength - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = tail.readUInt16LE(eocd + 10);
  const dirSize = tail.readUInt32LE(eocd + 12);
  const dirOffset = tail.readUInt32LE(eocd + 16);
  if (dirOffset + dirSize > size) return null;
  const dir = Buffer.alloc(dirSize);
  await handle.read(dir, 0, dirSize, dirOffset);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > dir.length || dir.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = dir.readUInt16LE(at + 28);
    const compressedSize = dir.readUInt32LE(at + 20);
    const entrySize = dir.readUInt32LE(at + 24);
    entries.push({
      name: dir.toString('utf8', at + 46, at + 46 + nameLength),
      method: dir.readUInt16LE(at + 10),
      compressedSize,
      // ZIP64: far beyond any workbook we read
      size: entrySize === 0xffffffff ? Number.POSITIVE_INFINITY : entrySize,
      offset: dir.readUInt32LE(at + 42),
      crc: dir.readUInt32LE(at + 16),
    });
    at += 46 + nameLength + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
  }
  return entries;
}

/** One small part of the zip, unpacked; null when it is absent or too large. */
async function readZipPart(handle: FileHandle, entries: ZipEntry[], name: string): Promise<Buffer | null> {
  const entry = entries.find((e) => e.name === name);
  if (!entry || entry.size > MAX_PART_BYTES || entry.compressedSize > MAX_PART_BYTES) return null;
  const header = Buffer.alloc(30);
  await handle.read(header, 0, 30, entry.offset);
  if (header.readUInt32LE(0) !== 0x04034b50) throw notWorkbook();
  const data = Buffer.alloc(entry.compressedSize);
  await handle.read(data, 0, data.length, entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28));
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw notWorkbook();
  try {
    return inflateRawSync(data, { maxOutputLength: MAX_PART_BYTES });
  } catch {
    throw notWorkbook();
  }
}

type SheetInfo = { name: string; sheetNo: string | null };

function xmlAttr(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return match ? decodeXml(match[1] ?? match[2]) : null;
}

function decodeXml(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_, hex: string, dec: string, named: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(parseInt(dec, 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named.toLowerCase()] ?? '';
  });
}

/**
 * The worksheets in tab order, from workbook.xml and its relationships, with the number of
 * the `xl/worksheets/sheetN.xml` part each is stored in (the parts ExcelJS's streaming reader
 * reads; null for a sheet stored elsewhere). Chart sheets are left out.
 */
function worksheetsOf(workbookXml: string, relsXml: string): SheetInfo[] {
  const targets = new Map<string, string>();
  for (const [tag] of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = xmlAttr(tag, 'Id');
    const target = xmlAttr(tag, 'Target');
    if (id !== null && target !== null && /\/worksheet$/.test(xmlAttr(tag, 'Type') ?? '')) targets.set(id, target);
  }
  const sheets: SheetInfo[] = [];
  for (const [tag] of workbookXml.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
    const name = xmlAttr(tag, 'name');
    const target = targets.get(xmlAttr(tag, '(?:\\w+:)?id') ?? '');
    if (name === null || target === undefined) continue;
    const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    sheets.push({ name, sheetNo: /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(part)?.[1] ?? null });
  }
  return sheets;
}

export async function openXlsx(path: string, handle: FileHandle, size: number, options: Options): Promise<TableStream> {
  const entries = await readZipDirectory(handle, size);
  if (entries === null) throw notWorkbook();
  const unpacked = entries.reduce((sum, e) => sum + e.size, 0);
  if (unpacked > MAX_UNPACKED_WORKBOOK_BYTES) throw new SpreadsheetError('workbook_too_large', null, { maxMb: MAX_UNPACKED_WORKBOOK_BYTES / 1024 ** 2 });
  if (!(await zipPartsIntact(path, handle, entries))) throw damagedWorkbook();
  const workbookXml = await readZipPart(handle, entries, 'xl/workbook.xml');
  const relsXml = await readZipPart(handle, entries, 'xl/_rels/workbook.xml.rels');
  if (!workbookXml || !relsXml) throw notWorkbook();
  const workbook = workbookXml.toString('utf8');
  const sheets = worksheetsOf(workbook, relsXml.toString('utf8'));
  if (sheets.length === 0) throw notWorkbook();
  const names = sheets.map((s) => s.name);
  const chosen = options.sheet === undefined ? sheets[0] : sheets.find((s) => s.name === options.sheet);
  if (!chosen) throw new SpreadsheetError('sheet_not_found', null, { sheet: options.sheet ?? '', sheets: names.join(', ') });
  if (chosen.sheetNo === null) throw notWorkbook();
  // parsed here rather than left to ExcelJS, which reads styles.xml only when it comes before the
  // worksheet in the zip: without the styles it cannot tell dates from numbers
  const styles = await readZipPart(handle, entries, 'xl/styles.xml');
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\sdate1904\s*=\s*["'](1|true)["']/.test(workbook);
  const state = { stream: null as ReturnType<typeof createReadStream> | null, done: false };
  return {
    format: 'xlsx',
    encoding: null,
    sheets: names,
    sheet: chosen.name,
    records: { [Symbol.asyncIterator]: () => xlsxRecords(path, chosen.sheetNo!, styles, date1904, state) },
    bytesRead: () => (state.done ? size : (state.stream?.bytesRead ?? 0)),
    totalBytes: size,
  };
}

type ExcelInternals = {
  StyleManager: new () => { init(): void; parseStream(chunks: Iterable<Buffer>): Promise<unknown> };
  isDateFmt: (format: string | undefined) => boolean;
  excelToDate: (serial: number, date1904: boolean) => Date;
};

async function* xlsxRecords(
  path: string,
  sheetNo: string,
  stylesXml: Buffer | null,
  date1904: boolean,
  state: { stream: ReturnType<typeof createReadStream> | null; done: boolean },
): AsyncGenerator<StreamedRecord> {
  // loaded on demand: ExcelJS takes a good part of a second to load, and most files are CSV
  const { default: Excel } = await import('exceljs');
  const internals: ExcelInternals = {
    StyleManager: require('exceljs/lib/xlsx/xform/style/styles-xform'),
    ...(require('exceljs/lib/utils/utils') as Pick<ExcelInternals, 'isDateFmt' | 'excelToDate'>),
  };
  const input = createReadStream(path);
  state.stream = input;
  const reader = new Excel.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'emit' });
  // the reader says which part it is about to give (`entry` events come just before)
  let current: string | null = null;
  (reader as unknown as NodeJS.EventEmitter).on('entry', (entry: { type: string; id?: string }) => {
    if (entry.type === 'worksheet') current = entry.id ?? null;
  });
  let found = false;
  try {
    if (stylesXml) {
      const styles = new internals.StyleManager();
      styles.init();
      await styles.parseStream([stylesXml]);
      (reader as unknown as { styles: unknown }).styles = styles;
    }
    for await (const worksheet of reader) {
      // when the shared strings come after the worksheets in the zip (as Excel writes them),
      // ExcelJS copies every worksheet to a temporary file and reads them at the end: a file
      // skipped must be closed, and the reader run to its end, which deletes the files
      const source = (worksheet as unknown as { iterator: unknown }).iterator;
      const deferred = source instanceof Readable;
      if (found || current !== sheetNo) {
        // a deferred sheet is read through, not destroyed: destroying it races ExcelJS, which
        // then opens a temporary copy already deleted (an uncaught ENOENT)
        if (deferred) for await (const _row of worksheet) void _row;
        if (found && !deferred) break;
        continue;
      }
      found = true;
      for await (const row of worksheet) {
        const values: string[] = [];
        row.eachCell((cell, col) => {
          values[col - 1] = xlsxCellText(cell, date1904, internals);
        });
        const filled = Array.from(values, (v) => v ?? '');
        if (!isBlank(filled)) yield { row: row.number, values: filled };
      }
      if (!deferred) break;
    }
  } catch (err) {
    if (err instanceof SpreadsheetError || isSystemError(err)) throw err;
    throw notWorkbook();
  } finally {
    input.destroy();
  }
  if (!found) throw notWorkbook();
  state.done = true;
}

const isSystemError = (err: unknown) => typeof (err as { code?: unknown })?.code === 'string' && /^E[A-Z]+$/.test((err as { code: string }).code);

/**
 * As `cellText`, but a date with a time of day keeps it: `2026-03-04 12:34:56` (dataset rows are
 * often timestamps), and a formula whose result is formatted as a date gives that date.
 */
function xlsxCellText(cell: ExcelJS.Cell, date1904: boolean, internals: ExcelInternals): string {
  const value = cell.value;
  if (value instanceof Date) return dateTimeText(value);
  if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    const result = (value as { result?: unknown }).result;
    if (typeof result === 'number' && internals.isDateFmt(cell.numFmt)) return dateTimeText(internals.excelToDate(result, date1904));
  }
  return cellText(value);
}
