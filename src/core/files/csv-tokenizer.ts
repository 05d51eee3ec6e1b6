import { columnLetter } from '../values/cells.ts';
import { isBlank, MAX_CELL_CHARS, MAX_COLUMNS, MAX_RECORD_CHARS, type StreamedRecord } from './records.ts';
import { SpreadsheetError } from './spreadsheet-error.ts';

/** The CSV state machine of the file readers of src/server/files/ (pure: it never reads a file): decoded text in, records out, quotes per RFC 4180. */
const tooLarge = (row: number) => new SpreadsheetError('record_too_large', row, { row, maxRecord: MAX_RECORD_CHARS });
/** A field longer than a cell may be: refused with its row and column (0-based `index`). */
const cellTooLong = (row: number, index: number) => new SpreadsheetError('cell_too_long', row, { row, column: columnLetter(index), max: MAX_CELL_CHARS });
/** A record with more fields holding something than a table has columns: refused at the first one too many. */
const tooManyColumns = (row: number, index: number) => new SpreadsheetError('too_many_columns', row, { row, column: columnLetter(index), max: MAX_COLUMNS });

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * RFC 4180 records from decoded text given chunk by chunk. A record ends at LF, CRLF or a lone
 * CR outside quotes; `""` in a quoted field is a quote; a quote that does not start a field is
 * literal, and so is a quoted field followed by anything but a delimiter or a line end (as
 * csv-parse's relax_quotes). The text of an incomplete last record is kept and read again with
 * the next chunk (records are small; it is bounded by MAX_RECORD_CHARS).
 * Bounded as it reads (records.ts): a field longer than MAX_CELL_CHARS is refused as soon as it
 * is met, with its row and column, as is the field holding something after MAX_COLUMNS others
 * that do; fields beyond column MAX_COLUMNS are not kept (empty ones, or a lone note).
 * @example const t = new CsvTokenizer(','); const out = []; t.feed('a,"b\n', out); t.feed('c"\n', out); t.end(out) // out: [{ row: 1, values: ['a', 'b\nc'] }]
 */
export class CsvTokenizer {
  /** Records read so far, blank ones included: the last one's row. */
  rows = 0;
  private carry = '';
  private readonly dc: number;

  constructor(private readonly delimiter: string) {
    this.dc = delimiter.charCodeAt(0);
  }

  /** Appends the complete records of `chunk` to `out`; throws SpreadsheetError (after appending the records before). */
  feed(chunk: string, out: StreamedRecord[]): void {
    const text = this.carry.length ? this.carry + chunk : chunk;
    this.carry = '';
    if (text.indexOf('"') === -1 && crlfOnly(text)) this.plain(text, out);
    else this.quoted(text, false, out);
  }

  /** The last record, at the end of the file. */
  end(out: StreamedRecord[]): void {
    const text = this.carry;
    this.carry = '';
    if (text.length) this.quoted(text, true, out);
  }

  private push(values: string[], out: StreamedRecord[]): void {
    const row = ++this.rows;
    if (!isBlank(values)) out.push({ row, values });
  }

  private keep(text: string, start: number, plain = false): void {
    const rest = text.slice(start);
    // a long incomplete record of the fast path: its fields so far are checked now, not when it ends
    if (plain && rest.length > MAX_CELL_CHARS) this.checkFields(rest);
    if (rest.length > MAX_RECORD_CHARS) throw tooLarge(this.rows + 1);
    this.carry = rest;
  }

  /** The fields of an unquoted (incomplete) record: none too long, no more than MAX_COLUMNS holding something. */
  private checkFields(text: string): void {
    const row = this.rows + 1;
    let filled = 0;
    let p = 0;
    for (let index = 0; ; index++) {
      const d = text.indexOf(this.delimiter, p);
      const to = d === -1 ? text.length : d;
      if (to - p > MAX_CELL_CHARS) throw cellTooLong(row, index);
      if (to > p && ++filled > MAX_COLUMNS) throw tooManyColumns(row, index);
      if (d === -1) return;
      p = d + 1;
    }
  }

  /** The fast path: no quotes, and every CR followed by LF: one record a line. */
  private plain(text: string, out: StreamedRecord[]): void {
    const { delimiter } = this;
    const n = text.length;
    let pos = 0;
    // the next delimiter at or after pos (n when there is none): found once, not once a line
    let d = -1;
    for (;;) {
      const nl = text.indexOf('\n', pos);
      if (nl === -1) break;
      const end = nl > pos && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      const values: string[] = [];
      let p = pos;
      let filled = 0;
      for (let index = 0; ; index++) {
        if (d < p) {
          d = text.indexOf(delimiter, p);
          if (d === -1) d = n;
        }
        const to = d >= end ? end : d;
        if (to > p) {
          if (to - p > MAX_CELL_CHARS) throw cellTooLong(this.rows + 1, index);
          if (++filled > MAX_COLUMNS) throw tooManyColumns(this.rows + 1, index);
        }
        if (index < MAX_COLUMNS) values.push(text.slice(p, to));
        if (d >= end) break;
        p = d + 1;
      }
      if (end - pos > MAX_RECORD_CHARS) throw tooLarge(this.rows + 1);
      this.push(values, out);
      pos = nl + 1;
    }
    this.keep(text, pos, true);
  }

  private quoted(text: string, final: boolean, out: StreamedRecord[]): void {
    const n = text.length;
    const dc = this.dc;
    let pos = 0;
    while (pos < n) {
      const start = pos;
      const values: string[] = [];
      let filled = 0;
      for (let index = 0; ; index++) {
        let value: string;
        let end: number; // the delimiter or line end after the field, or n
        if (text.charCodeAt(pos) === QUOTE) {
          let acc = '';
          let p = pos + 1;
          for (;;) {
            const q = text.indexOf('"', p);
            if (q === -1) {
              if (final) throw new SpreadsheetError('csv_malformed', this.rows + 1, { row: this.rows + 1 });
              if (acc.length + n - p > MAX_CELL_CHARS) throw cellTooLong(this.rows + 1, index);
              return this.keep(text, start);
            }
            acc += text.slice(p, q);
            if (q + 1 === n && !final) return this.keep(text, start); // an escaped quote or the closing one?
            const next = text.charCodeAt(q + 1);
            if (next === QUOTE) {
              acc += '"';
              p = q + 2;
              continue;
            }
            if (q + 1 === n || next === dc || next === LF || next === CR) {
              value = acc;
              end = q + 1;
            } else {
              // relaxed: not a closing quote after all, the field is taken as written
              end = this.unquotedEnd(text, q + 1);
              value = `"${acc}"${text.slice(q + 1, end)}`;
            }
            break;
          }
        } else {
          end = this.unquotedEnd(text, pos);
          value = text.slice(pos, end);
        }
        if (value.length > MAX_CELL_CHARS) throw cellTooLong(this.rows + 1, index);
        if (end === n && !final) return this.keep(text, start);
        if (value.length > 0 && ++filled > MAX_COLUMNS) throw tooManyColumns(this.rows + 1, index);
        if (index < MAX_COLUMNS) values.push(value);
        if (end === n) {
          pos = n;
          break;
        }
        const c = text.charCodeAt(end);
        if (c === dc) {
          pos = end + 1;
          continue;
        }
        if (c === CR) {
          if (end + 1 === n && !final) return this.keep(text, start); // CRLF cut between chunks
          pos = text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
        } else pos = end + 1;
        break;
      }
      if (pos - start > MAX_RECORD_CHARS) throw tooLarge(this.rows + 1);
      this.push(values, out);
    }
  }

  private unquotedEnd(text: string, from: number): number {
    const n = text.length;
    const dc = this.dc;
    let p = from;
    while (p < n) {
      const c = text.charCodeAt(p);
      if (c === dc || c === LF || c === CR) break;
      p++;
    }
    return p;
  }
}

/** Every CR is followed by LF (or ends the text, to be read again with what follows). */
function crlfOnly(text: string): boolean {
  let i = text.indexOf('\r');
  while (i !== -1) {
    if (i + 1 < text.length && text.charCodeAt(i + 1) !== LF) return false;
    i = text.indexOf('\r', i + 2);
  }
  return true;
}
