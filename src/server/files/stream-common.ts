import { createRequire } from 'node:module';
import type Iconv from 'iconv-lite';
import type { StreamedRecord } from '../../core/files/records.ts';

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

export type Options = {
  /** The worksheet to read (XLSX); the first one by default. */
  sheet?: string;
  /** The name the file was uploaded as: `.xlsx`/`.xls` files that are not zips are refused. */
  filename?: string;
  /** @internal bytes read at a time, for tests of chunk boundaries */
  chunkSize?: number;
};
