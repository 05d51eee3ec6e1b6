/**
 * The problems of reading a CSV or XLSX file (src/server/files/ reads them; core's CSV tokeniser
 * finds some of them). Each is thrown as `SpreadsheetError` with a code; each caller words them
 * its own way.
 */
export type SpreadsheetErrorCode =
  /** Not a spreadsheet: `params.kind` says what it looks like, as a key (UnsupportedKind), worded by each caller. */
  | 'unsupported'
  /** No header and no data. */
  | 'file_empty'
  /** Row 1 is blank; `params.row` is where the data starts. */
  | 'header_missing'
  /** A CSV record cannot be read; `row` is its row. */
  | 'csv_malformed'
  /** More data rows than `params.max`. */
  | 'too_many_rows'
  /** A record longer than `params.maxRecord` characters; `row` is its row. */
  | 'record_too_large'
  /** A cell longer than `params.max` characters (MAX_CELL_CHARS), at `row` and `params.column` (a letter). */
  | 'cell_too_long'
  /** A row with more than `params.max` columns holding something (MAX_COLUMNS); `params.column` is the first one too many. */
  | 'too_many_columns'
  /** (XLSX) The shared strings are more than `params.max`, or longer in all than `params.maxChars` characters, or one no cell of the sheet uses is longer than a cell may be. */
  | 'shared_strings_too_large'
  /** (table-stream) A file read as `params.encoding` (UTF-8, decided on its start) has bytes that are not valid in it from `row` on. */
  | 'encoding_invalid'
  /** (table-stream) The workbook has no worksheet `params.sheet`; `params.sheets` lists its worksheets, joined by ', '. */
  | 'sheet_not_found'
  /** (table-stream) The workbook unpacks to more than `params.maxMb` MB (a zip bomb, or far beyond any dataset). */
  | 'workbook_too_large';

/**
 * What an `unsupported` file is: an old .xls, a binary, a file named .xlsx that is no zip, a zip
 * that is no workbook, a damaged workbook. A key: the messages say it in each language (file_kind.*).
 */
export type UnsupportedKind = 'xls' | 'binary' | 'not_excel' | 'zip_not_workbook' | 'damaged_workbook';

/**
 * A file that cannot be read as a table, by code, located at `row` when a row is to blame.
 * @example new SpreadsheetError('csv_malformed', 3, { row: 3 }).message // 'csv_malformed (row 3)'
 */
export class SpreadsheetError extends Error {
  constructor(
    readonly code: SpreadsheetErrorCode,
    readonly row: number | null,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code}${row === null ? '' : ` (row ${row})`}`);
    this.name = 'SpreadsheetError';
  }
}
