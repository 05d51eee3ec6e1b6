import { createRequire } from 'node:module';
import type Iconv from 'iconv-lite';
import { MAX_DATA_ROWS, type StreamedRecord } from '../../core/files/records.ts';

/** What the CSV and XLSX streams (csv-stream.ts, xlsx-stream.ts) share with their entry, table-stream.ts. */

// loaded on first use, as in spreadsheet.ts: most files are plain UTF-8 CSV, which needs neither
const require = createRequire(import.meta.url);
let iconvModule: typeof Iconv | null = null;
export const iconv = (): typeof Iconv => (iconvModule ??= require('iconv-lite') as typeof Iconv);

export type TableStream = {
  format: 'csv' | 'xlsx';
  /** How a CSV file is decoded; null for XLSX. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | null;
  /** The workbook's worksheet names in tab order (XLSX), [] for CSV. Known before reading. */
  sheets: string[];
  /** The sheet read (XLSX), null for CSV. */
  sheet: string | null;
  /**
   * Every record from row 1 on (banner and header rows included: the caller finds the header),
   * entirely blank records skipped but numbering kept. Throws SpreadsheetError while iterating.
   * Meant to be iterated once; stopping early (break) closes the file.
   */
  records: AsyncIterable<StreamedRecord>;
  /** Bytes consumed so far of the file (for a progress bar), and the file's size. */
  bytesRead(): number;
  totalBytes: number;
};

/** The bytes the encoding is decided on. */
export const SAMPLE_BYTES = 64 * 1024;
/** The bytes read from the file at a time. */
export const CHUNK_BYTES = 512 * 1024;
/** A workbook that unpacks to more than this is refused (a small zip can hold gigabytes). */
export const MAX_UNPACKED_WORKBOOK_BYTES = 2 * 1024 ** 3;
/** workbook.xml, its relationships and styles.xml are unpacked whole, within this size. */
export const MAX_PART_BYTES = 64 * 1024 * 1024;

/**
 * The shared strings of a workbook (xl/sharedStrings.xml), which ExcelJS keeps in memory whole
 * (some hundreds of bytes each): a workbook never needs more of them than it has cells using
 * them, and each such cell takes at least MIN_CELL_XML_BYTES of its worksheets (`<c t="s"><v>0</v></c>`),
 * so their count is bounded by the size of the workbook's other parts (plus SHARED_STRINGS_SLACK
 * for writers that keep a few unused ones) — a 1 MB zip of five million strings and one small
 * sheet is refused within its first two thousand — and in any case by MAX_SHARED_STRINGS: ten distinct texts a
 * row for the largest file read whole (MAX_DATA_ROWS), a million-row dataset of mostly numbers,
 * dates and repeated names; a workbook with more is imported saved as CSV, which streams. Their
 * text is bounded by MAX_SHARED_STRING_CHARS (a million strings of 64 characters).
 */
export const MAX_SHARED_STRINGS = 10 * MAX_DATA_ROWS;
export const MAX_SHARED_STRING_CHARS = 64 * 1024 * 1024;
export const MIN_CELL_XML_BYTES = 20;
export const SHARED_STRINGS_SLACK = 1_000;

export type Options = {
  /** The worksheet to read (XLSX); the first one by default. */
  sheet?: string;
  /** The name the file was uploaded as: `.xlsx`/`.xls` files that are not zips are refused. */
  filename?: string;
  /** @internal bytes read at a time, for tests of chunk boundaries */
  chunkSize?: number;
};
