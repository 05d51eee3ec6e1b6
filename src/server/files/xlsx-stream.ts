import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { cellText, dateTimeText, isBlank, MAX_COLUMNS, type StreamedRecord } from '../../core/files/records.ts';
import { SpreadsheetError } from '../../core/files/spreadsheet-error.ts';
import { MAX_UNPACKED_WORKBOOK_BYTES, type Options, type TableStream } from './stream-common.ts';
import { checkWorkbook, notWorkbook } from './xlsx-check.ts';
import { fileSource, readZipPart } from './zip-check.ts';

/**
 * XLSX record by record (table-stream.ts): the workbook checked and its limits kept while it
 * unpacks (xlsx-check.ts), the sheet chosen by name, ExcelJS's streaming reader.
 */
const require = createRequire(import.meta.url);

export async function openXlsx(path: string, handle: FileHandle, size: number, options: Options): Promise<TableStream> {
  const source = fileSource(path, handle, size);
  const { entries, workbookXml: workbook, sheets, chosen } = await checkWorkbook(source, { sheet: options.sheet, maxUnpacked: MAX_UNPACKED_WORKBOOK_BYTES });
  if (chosen.sheetNo === null) throw notWorkbook();
  // parsed here rather than left to ExcelJS, which reads styles.xml only when it comes before the
  // worksheet in the zip: without the styles it cannot tell dates from numbers
  const styles = await readZipPart(source, entries, 'xl/styles.xml');
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\sdate1904\s*=\s*["'](1|true)["']/.test(workbook);
  const state = { stream: null as ReturnType<typeof createReadStream> | null, done: false };
  return {
    format: 'xlsx',
    encoding: null,
    sheets: sheets.map((s) => s.name),
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
          // a cell beyond the last column a table may have is no column of it (a note far to the right)
          if (col <= MAX_COLUMNS) values[col - 1] = xlsxCellText(cell, date1904, internals);
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
