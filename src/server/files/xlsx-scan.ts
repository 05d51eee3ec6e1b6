import { LAST_SHEET_ROW, MAX_CELL_CHARS, MAX_COLUMNS } from '../../core/files/records.ts';
import { SpreadsheetError } from '../../core/files/spreadsheet-error.ts';
import { columnLetter } from '../../core/values/cells.ts';

/**
 * The XML of a workbook's parts read as it unpacks, before ExcelJS reads it (xlsx-check.ts):
 * what would cost memory out of all proportion to the file is refused at once, while only
 * counts are held — the shared strings (how many, how long), each cell's text, the columns of
 * each row. A byte-level scan, not a parser: it finds tags by `<` and `>` and counts the
 * characters of the text between them (an entity is one character), as ExcelJS would build it.
 * Unprefixed names only, as ExcelJS reads them (it ignores `x:c`).
 */

/** The unpacked XML of one part, chunk by chunk; throws SpreadsheetError (LongSharedString for the shared strings). */
export type PartScan = { feed(chunk: Buffer): void };

/** What the shared strings of a workbook may hold (xlsx-check.ts derives the count from the workbook's size). */
export type SharedStringLimits = { maxStrings: number; maxChars: number };

/**
 * Thrown by the shared strings' scan: string `index` (0-based) is longer than a cell may be.
 * Not the user's answer yet: the caller finds the cell using it, to say where it is.
 */
export class LongSharedString extends Error {
  constructor(readonly index: number) {
    super(`shared string ${index} is longer than ${MAX_CELL_CHARS} characters`);
  }
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const AMP = 0x26;
const SEMICOLON = 0x3b;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
/** A tag (with its attributes) longer than this is refused: no part of a workbook has one. */
const MAX_TAG_BYTES = 1024 * 1024;
/** The start of a tag kept when it spans two chunks: its name and the attributes read. */
const HEAD_BYTES = 1024;

const isSpace = (b: number | undefined) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
/** The byte after a tag's name. */
const endsName = (b: number | undefined) => b === undefined || isSpace(b) || b === GT || b === SLASH;

function nameIs(buf: Buffer, at: number, end: number, name: string): boolean {
  if (at + name.length > end) return false;
  for (let i = 0; i < name.length; i++) if (buf[at + i] !== name.charCodeAt(i)) return false;
  return at + name.length === end || endsName(buf[at + name.length]);
}

/** The value of attribute `name` of the tag in buf[start, end), as [from, to), or null. */
function attribute(buf: Buffer, start: number, end: number, name: string): [number, number] | null {
  let i = start;
  while (i < end && !isSpace(buf[i])) i++; // past the tag's name
  while (i < end) {
    while (i < end && isSpace(buf[i])) i++;
    const nameStart = i;
    while (i < end && buf[i] !== EQUALS && !isSpace(buf[i])) i++;
    const nameEnd = i;
    while (i < end && isSpace(buf[i])) i++;
    if (buf[i] !== EQUALS) return null;
    i++;
    while (i < end && isSpace(buf[i])) i++;
    const quote = buf[i];
    if (quote !== QUOTE && quote !== APOSTROPHE) return null;
    const valueStart = ++i;
    while (i < end && buf[i] !== quote) i++;
    if (nameEnd - nameStart === name.length && nameIs(buf, nameStart, nameEnd, name)) return [valueStart, i];
    i++;
  }
  return null;
}

function integer(buf: Buffer, [from, to]: [number, number]): number | null {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = buf[i]! - 0x30;
    if (d < 0 || d > 9) return null;
    n = n * 10 + d;
  }
  return to > from ? n : null;
}

/** A cell reference's column (1 = A) and row, either null when absent (`r="B7"` → [2, 7]). */
function cellRef(buf: Buffer, [from, to]: [number, number]): [number | null, number | null] {
  let col = 0;
  let i = from;
  for (; i < to; i++) {
    const c = buf[i]! | 0x20; // lower case
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  let row = 0;
  const digits = i;
  for (; i < to; i++) {
    const d = buf[i]! - 0x30;
    if (d < 0 || d > 9) break;
    row = row * 10 + d;
  }
  return [i > from && digits > from ? col : null, i > digits ? row : null];
}

/**
 * Tags and text of a part, chunk by chunk: `tag` gets each tag's bytes between `<` and `>`
 * (its first HEAD_BYTES when it spans chunks), `text` the characters of the text between tags
 * while `counting` is on. Processing instructions, comments and the like are passed to `tag`
 * too and fall through its name checks.
 */
abstract class XmlScan implements PartScan {
  protected counting = false;
  private inTag = false;
  private inEntity = false;
  private head = Buffer.alloc(HEAD_BYTES);
  private headLength = 0;
  private tagLength = 0;
  private lastTagByte = 0;

  protected abstract tag(buf: Buffer, start: number, end: number, selfClosing: boolean): void;
  protected abstract text(chars: number): void;

  /** The text of buf[from, to) while counting; by default its characters, as UTF-16 counts them. */
  protected onText(buf: Buffer, from: number, to: number): void {
    let chars = 0;
    let inEntity = this.inEntity;
    for (let i = from; i < to; i++) {
      const b = buf[i]!;
      if (inEntity) {
        if (b === SEMICOLON) inEntity = false;
      } else if (b === AMP) {
        chars++;
        inEntity = true;
      } else if ((b & 0xc0) !== 0x80) chars += b >= 0xf0 ? 2 : 1;
    }
    this.inEntity = inEntity;
    this.text(chars);
  }

  feed(chunk: Buffer): void {
    const n = chunk.length;
    let pos = 0;
    while (pos < n) {
      if (!this.inTag) {
        const lt = chunk.indexOf(LT, pos);
        const end = lt === -1 ? n : lt;
        if (this.counting && end > pos) this.onText(chunk, pos, end);
        if (lt === -1) return;
        this.inEntity = false;
        const gt = chunk.indexOf(GT, lt + 1);
        if (gt !== -1) {
          // the whole tag in this chunk (the usual case): read in place
          if (gt - lt - 1 > MAX_TAG_BYTES) throw tagTooLong();
          this.tag(chunk, lt + 1, gt, gt > lt + 1 && chunk[gt - 1] === SLASH);
          pos = gt + 1;
          continue;
        }
        this.inTag = true;
        this.headLength = 0;
        this.tagLength = 0;
        pos = lt + 1;
      } else {
        const gt = chunk.indexOf(GT, pos);
        const end = gt === -1 ? n : gt;
        if (end > pos) {
          const take = Math.min(end - pos, HEAD_BYTES - this.headLength);
          if (take > 0) this.headLength += chunk.copy(this.head, this.headLength, pos, pos + take);
          this.tagLength += end - pos;
          this.lastTagByte = chunk[end - 1]!;
          if (this.tagLength > MAX_TAG_BYTES) throw tagTooLong();
        }
        if (gt === -1) return;
        this.inTag = false;
        this.tag(this.head, 0, this.headLength, this.tagLength > 0 && this.lastTagByte === SLASH);
        pos = gt + 1;
      }
    }
  }
}

/** A tag of a megabyte is no spreadsheet's: the file was made to be read at great cost. */
const tagTooLong = () => new SpreadsheetError('unsupported', null, { kind: 'damaged_workbook' });

/**
 * xl/sharedStrings.xml: at most `maxStrings` strings (the declared `uniqueCount` is checked at
 * once, then every `<si>` as it comes), each no longer than a cell may be (LongSharedString),
 * `maxChars` characters in all. Nothing of the strings is kept.
 */
export class SharedStringsScan extends XmlScan {
  count = 0;
  chars = 0;
  private current = 0;

  constructor(private readonly limits: SharedStringLimits) {
    super();
  }

  private tooMany(): SpreadsheetError {
    return new SpreadsheetError('shared_strings_too_large', null, { max: this.limits.maxStrings, maxChars: this.limits.maxChars });
  }

  protected tag(buf: Buffer, start: number, end: number, selfClosing: boolean): void {
    if (buf[start] === SLASH) {
      if (nameIs(buf, start + 1, end, 'si')) this.counting = false;
      return;
    }
    if (nameIs(buf, start, end, 'si')) {
      if (++this.count > this.limits.maxStrings) throw this.tooMany();
      this.current = 0;
      this.counting = !selfClosing;
    } else if (nameIs(buf, start, end, 'sst')) {
      const unique = attribute(buf, start, end, 'uniqueCount');
      const declared = unique ? integer(buf, unique) : null;
      if (declared !== null && declared > this.limits.maxStrings) throw this.tooMany();
    }
  }

  protected text(chars: number): void {
    this.current += chars;
    this.chars += chars;
    if (this.current > MAX_CELL_CHARS) throw new LongSharedString(this.count - 1);
    if (this.chars > this.limits.maxChars) throw this.tooMany();
  }
}

/**
 * A worksheet part: no row with more than MAX_COLUMNS cells holding something, no cell's text
 * longer than MAX_CELL_CHARS, refused with the cell's row and column; no row numbered beyond
 * LAST_SHEET_ROW (`too_many_rows` at that row, `params.max` LAST_SHEET_ROW). A cell without content
 * (`<c r="XFD9" s="1"/>`, formatting only) is not counted; a lone cell far to the right (a note)
 * is let be: the readers leave out cells beyond column MAX_COLUMNS.
 */
export class WorksheetScan extends XmlScan {
  protected row = 0;
  protected col = 0;
  /** Cells with content in the current row. */
  private cells = 0;
  private cellChars = 0;

  protected located(code: 'cell_too_long' | 'too_many_columns'): SpreadsheetError {
    const column = columnLetter(this.col - 1);
    return new SpreadsheetError(code, this.row, code === 'cell_too_long' ? { row: this.row, column, max: MAX_CELL_CHARS } : { row: this.row, column, max: MAX_COLUMNS });
  }

  /** The row read from here on: within the rows a sheet may have. */
  private atRow(row: number): void {
    if (row > LAST_SHEET_ROW) throw new SpreadsheetError('too_many_rows', row, { row, max: LAST_SHEET_ROW });
    this.row = row;
  }

  /** A cell opens (after row and column are known); `t` is its type attribute's range. */
  protected cell(_buf: Buffer, _start: number, _end: number): void {}

  protected tag(buf: Buffer, start: number, end: number, selfClosing: boolean): void {
    const first = buf[start];
    if (first === SLASH) {
      if (nameIs(buf, start + 1, end, 'c')) this.counting = false;
      else this.closed(buf, start + 1, end);
      return;
    }
    if (first === 0x63 /* c */ && endsName(start + 1 < end ? buf[start + 1] : undefined)) {
      const r = attribute(buf, start, end, 'r');
      const [col, row] = r ? cellRef(buf, r) : [null, null];
      this.col = col ?? this.col + 1;
      if (row !== null) this.atRow(row);
      if (selfClosing) return;
      if (++this.cells > MAX_COLUMNS) throw this.located('too_many_columns');
      this.cellChars = 0;
      this.counting = true;
      this.cell(buf, start, end);
    } else if (nameIs(buf, start, end, 'row')) {
      const r = attribute(buf, start, end, 'r');
      const row = r ? integer(buf, r) : null;
      this.atRow(row ?? this.row + 1);
      this.col = 0;
      this.cells = 0;
    } else this.opened(buf, start, end);
  }

  /** Other tags, for a subclass. */
  protected opened(_buf: Buffer, _start: number, _end: number): void {}
  protected closed(_buf: Buffer, _start: number, _end: number): void {}

  protected text(chars: number): void {
    this.cellChars += chars;
    if (this.cellChars > MAX_CELL_CHARS) throw this.located('cell_too_long');
  }
}

/**
 * A worksheet read to find the first cell that uses shared string `index` (`t="s"`, its value
 * the index), which is too long: refused there, as a cell_too_long of its row and column.
 * Cells before it are checked as in WorksheetScan.
 */
export class SharedStringUse extends WorksheetScan {
  private shared = false;
  private inValue = false;
  private digits = '';

  constructor(private readonly index: number) {
    super();
  }

  protected override cell(buf: Buffer, start: number, end: number): void {
    const t = attribute(buf, start, end, 't');
    this.shared = t !== null && t[1] - t[0] === 1 && buf[t[0]] === 0x73; /* s */
    this.inValue = false;
  }

  protected override opened(buf: Buffer, start: number, end: number): void {
    if (this.shared && nameIs(buf, start, end, 'v')) {
      this.inValue = true;
      this.digits = '';
    }
  }

  protected override closed(buf: Buffer, start: number, end: number): void {
    if (!this.inValue || !nameIs(buf, start, end, 'v')) return;
    this.inValue = false;
    if (this.digits.trim() === String(this.index)) throw this.located('cell_too_long');
  }

  protected override onText(buf: Buffer, from: number, to: number): void {
    if (this.inValue && this.digits.length < 16) this.digits += buf.toString('latin1', from, Math.min(to, from + 16));
    super.onText(buf, from, to);
  }
}
