/**
 * The pure rules of reading a table (domain.md §4), shared by the readers of
 * src/server/files/ (which do the I/O) and core's CSV tokeniser: what a record is, when it is
 * blank, the limits, the delimiter of a CSV, the text a cell shows. No I/O here.
 */

/** A record as read from a file: its row as a spreadsheet shows it (row 1 is the first) and its cells as text. */
export type StreamedRecord = { row: number; values: string[] };

/**
 * A whole file read as a spreadsheet shows it: the header row is row 1 and the data rows keep
 * the row number a spreadsheet shows (the first data row is row 2). Every value is text; rows
 * that are entirely blank are left out but keep their place in the numbering.
 */
export type ParsedTable = {
  format: 'csv' | 'xlsx';
  headers: string[];
  rows: { row: number; values: string[] }[];
};

/** More rows than any file Kedu reads at once; the file should be split. */
export const MAX_DATA_ROWS = 100_000;
/** A record longer than this (in characters) is refused: it is not a table a person made. */
export const MAX_RECORD_CHARS = 1024 * 1024;
/**
 * A cell longer than this (in characters, as UTF-16 counts them) is refused: Excel's own limit,
 * so no cell of a workbook, nor of a CSV saved from one, is longer. Refused as soon as a reader
 * meets it, with its row and column, before the whole text is built.
 */
export const MAX_CELL_CHARS = 32_767;
/**
 * The last row of a worksheet (Excel's, and the format's in practice): a row numbered beyond it is
 * in no sheet a spreadsheet program wrote. Refused where it is met — ExcelJS walks every row
 * number up to the last one (5 s for a sheet whose one cell is at row 10^8).
 */
export const LAST_SHEET_ROW = 1_048_576;

/**
 * Columns holding something in one row: a row with more is refused (a CSV of `x,x,x…`, a row of
 * a million cells), at the first one too many. Cells beyond column MAX_COLUMNS are not read (a
 * lone note far to the right costs nothing). Datasets have at most 200 columns; the widest
 * platform exports have a few dozen.
 */
export const MAX_COLUMNS = 1_000;

/**
 * Every value empty or white space.
 * @example isBlank(['', ' \t']) // true
 */
export function isBlank(values: string[]): boolean {
  for (const v of values) {
    if (v.length === 0) continue;
    const c = v.charCodeAt(0);
    if ((c > 0x20 && c < 0x7f) || v.trim() !== '') return false;
  }
  return true;
}

/**
 * Comma, tab or semicolon: whichever the header line uses most (outside quotes).
 * @example sniffDelimiter('"a,b,c";d;e\n1,2,3,4') // ';'
 */
export function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], ['\t', 0], [';', 0]]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d;
  return best;
}

/**
 * The records csv-parse gives for a plain CSV (no quotes and no carriage returns), read without
 * it (a few times faster, for the large files of actuals): one per line, the last newline ending
 * the last record, empty lines kept as one empty field.
 * @example splitPlainCsv('a,b\n\n1,2\n', ',') // [['a', 'b'], [''], ['1', '2']]
 */
export function splitPlainCsv(text: string, delimiter: string): string[][] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => line.split(delimiter));
}

/**
 * The text a spreadsheet shows for a cell value (as ExcelJS gives it): rich text joined,
 * formulas by result, links by text, dates as YYYY-MM-DD.
 * @example cellText({ formula: 'A1*2', result: 42 }) // '42'
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((p) => p.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if ('hyperlink' in v || 'text' in v) return cellText(v.text);
    if ('error' in v) return String(v.error);
  }
  return String(value);
}

/**
 * What Excel shows in a date cell whose number is no day (negative, or past any calendar):
 * ExcelJS gives such a cell as an invalid Date. Shown so, the cell is a date problem at its
 * place — not an empty cell, not `NaN-NaN-NaN`.
 */
export const NO_SUCH_DAY = '########';

/** ExcelJS gives dates as UTC instants of the wall-clock value. */
function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return NO_SUCH_DAY;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * A date cell of a dataset row (often a timestamp): ExcelJS gives dates as UTC instants of the
 * wall-clock value; rounded to the second, the time left out at midnight.
 * @example dateTimeText(new Date(Date.UTC(2026, 2, 4, 12, 34, 56))) // '2026-03-04 12:34:56'
 */
export function dateTimeText(d: Date): string {
  const ms = Math.round(d.getTime() / 1000) * 1000;
  if (Number.isNaN(ms)) return NO_SUCH_DAY;
  const t = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  if (((ms % 86_400_000) + 86_400_000) % 86_400_000 === 0) return date;
  return `${date} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
}
