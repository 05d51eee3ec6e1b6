import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import type ExcelJS from 'exceljs';
import type Iconv from 'iconv-lite';
import { cellText, sniffDelimiter, SpreadsheetError } from './spreadsheet.ts';
import { type ZipPart, zipPartsIntact } from './zip-check.ts';

// loaded on first use, as in spreadsheet.ts: most files are plain UTF-8 CSV, which needs neither
const require = createRequire(import.meta.url);
let iconvModule: typeof Iconv | null = null;
const iconv = (): typeof Iconv => (iconvModule ??= require('iconv-lite') as typeof Iconv);

/**
 * Reading a large CSV or XLSX file record by record, for dataset imports (a million rows in
 * well under 500 MB): the file is never held in memory, only a chunk of it and the records
 * read from that chunk. Unlike `readSpreadsheet`, nothing is interpreted: every record from
 * row 1 on is given, and the caller finds the header.
 */
export type StreamedRecord = { row: number; values: string[] };

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
const SAMPLE_BYTES = 64 * 1024;
/** The bytes read from the file at a time. */
const CHUNK_BYTES = 512 * 1024;
/** A record longer than this (in characters) is refused: it is not a table a person made. */
export const MAX_RECORD_CHARS = 1024 * 1024;
/** A cell longer than this (in characters) is refused. */
export const MAX_CELL_CHARS = 64 * 1024;
/** A workbook that unpacks to more than this is refused (a small zip can hold gigabytes). */
export const MAX_UNPACKED_WORKBOOK_BYTES = 2 * 1024 ** 3;
/** workbook.xml, its relationships and styles.xml are unpacked whole, within this size. */
const MAX_PART_BYTES = 64 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

type Options = {
  /** The worksheet to read (XLSX); the first one by default. */
  sheet?: string;
  /** The name the file was uploaded as: `.xlsx`/`.xls` files that are not zips are refused. */
  filename?: string;
  /** @internal bytes read at a time, for tests of chunk boundaries */
  chunkSize?: number;
};

/**
 * Opens a CSV or XLSX file for reading record by record. The type is decided by the bytes, as
 * `readSpreadsheet` does. A CSV's encoding is decided on its first 64 KB (UTF-16 by its BOM,
 * UTF-8 when valid, GB18030 otherwise) and its delimiter (comma, tab or semicolon) on its first
 * line. Throws `SpreadsheetError` for a file that cannot be read at all (and while iterating
 * for a record that cannot be read).
 * @example const t = await openTableStream('/tmp/orders.csv'); for await (const { row, values } of t.records) …
 */
export async function openTableStream(path: string, options: Options = {}): Promise<TableStream> {
  const handle = await open(path, 'r');
  let size: number;
  let sample: Buffer;
  try {
    size = (await handle.stat()).size;
    if (size === 0) throw new SpreadsheetError('file_empty', 1);
    sample = Buffer.alloc(Math.min(size, SAMPLE_BYTES));
    const { bytesRead } = await handle.read(sample, 0, sample.length, 0);
    sample = sample.subarray(0, bytesRead);
    if (startsWith(sample, ZIP_MAGIC)) return await openXlsx(path, handle, size, options);
  } finally {
    await handle.close();
  }
  if (startsWith(sample, OLE_MAGIC)) throw new SpreadsheetError('unsupported', null, { kind: 'Excel 97-2003 (.xls)' });
  if (!isUtf16(sample) && sample.subarray(0, 8192).includes(0)) throw new SpreadsheetError('unsupported', null, { kind: 'binary' });
  if (/\.(xlsx|xlsm|xls)$/i.test(options.filename ?? path)) throw new SpreadsheetError('unsupported', null, { kind: 'not a valid Excel file' });
  return openCsv(path, size, sample, options);
}

function startsWith(buffer: Buffer, magic: number[]): boolean {
  return buffer.length >= magic.length && magic.every((b, i) => buffer[i] === b);
}

const isUtf16 = (b: Buffer) => (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);

// ---------------------------------------------------------------------------------------------
// CSV

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

function openCsv(path: string, size: number, sample: Buffer, options: Options): TableStream {
  const encoding = detectEncoding(sample, size);
  const sampleText = encoding === 'utf-8' ? stripBom(sample.toString('utf8', 0, sample.length === size ? sample.length : utf8Cut(sample))) : iconv().decode(sample, encoding);
  const delimiter = sniffDelimiter(sampleText);
  const progress = { bytes: 0 };
  const chunkSize = Math.max(1, options.chunkSize ?? CHUNK_BYTES);
  return {
    format: 'csv',
    encoding,
    sheets: [],
    sheet: null,
    records: { [Symbol.asyncIterator]: () => new CsvIterator(path, chunkSize, encoding, delimiter, progress) },
    bytesRead: () => progress.bytes,
    totalBytes: size,
  };
}

/**
 * UTF-16 by its BOM; UTF-8 with a BOM, or when the sample is valid UTF-8 (but for a character
 * cut at the sample's end); otherwise GB18030, what Chinese Excel saves.
 */
function detectEncoding(sample: Buffer, size: number): Encoding {
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  const whole = sample.length === size;
  return isUtf8(whole ? sample : sample.subarray(0, utf8Cut(sample))) ? 'utf-8' : 'gb18030';
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** Where the bytes end but for a last character whose sequence is incomplete. */
function utf8Cut(b: Buffer): number {
  const n = b.length;
  for (let i = n - 1; i >= Math.max(0, n - 4); i--) {
    const c = b[i];
    if ((c & 0xc0) === 0x80) continue; // continuation byte
    if (c < 0xc0) return n;
    const length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
    return n - i < length ? i : n;
  }
  return n;
}

/** The offset of the first byte that is not valid UTF-8 (an incomplete last sequence included). */
function firstInvalidUtf8(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let more: number;
    let cp: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [more, cp, min] = [1, c & 0x1f, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [more, cp, min] = [2, c & 0x0f, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [more, cp, min] = [3, c & 0x07, 0x10000];
    else return i;
    if (i + more >= b.length) return i;
    for (let k = 1; k <= more; k++) {
      const x = b[i + k];
      if ((x & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (x & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += more + 1;
  }
  return b.length;
}

/** Thrown by the UTF-8 decoder: `text` is what decodes before the first invalid byte. */
class InvalidUtf8 extends Error {
  constructor(readonly text: string) {
    super('invalid UTF-8');
  }
}

type Decoder = { write(bytes: Buffer): string; end(): string };

/** Validating UTF-8 (simdutf's `isUtf8`, then a plain `toString`), with the BOM stripped. */
function utf8Decoder(): Decoder {
  let carry: Buffer | null = null;
  let first = true;
  return {
    write(bytes) {
      const data = carry ? Buffer.concat([carry, bytes]) : bytes;
      const cut = utf8Cut(data);
      carry = cut < data.length ? Buffer.from(data.subarray(cut)) : null;
      const complete = data.subarray(0, cut);
      let text: string;
      if (isUtf8(complete)) text = complete.toString('utf8');
      else {
        text = complete.toString('utf8', 0, firstInvalidUtf8(complete));
        if (first) text = stripBom(text);
        throw new InvalidUtf8(text);
      }
      if (first && text.length) {
        text = stripBom(text);
        first = false;
      }
      return text;
    },
    end() {
      if (carry) throw new InvalidUtf8('');
      return '';
    },
  };
}

function decoderFor(encoding: Encoding): Decoder {
  if (encoding === 'utf-8') return utf8Decoder();
  // iconv-lite strips the BOM, and keeps a character cut between two chunks for the next
  const decoder = iconv().getDecoder(encoding);
  return { write: (bytes) => decoder.write(bytes), end: () => decoder.end() ?? '' };
}

const tooLarge = (row: number) => new SpreadsheetError('record_too_large', row, { row, maxRecord: MAX_RECORD_CHARS, maxCell: MAX_CELL_CHARS });

/** Every value empty or white space. */
function isBlank(values: string[]): boolean {
  for (const v of values) {
    if (v.length === 0) continue;
    const c = v.charCodeAt(0);
    if ((c > 0x20 && c < 0x7f) || v.trim() !== '') return false;
  }
  return true;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * RFC 4180 records from decoded text given chunk by chunk. A record ends at LF, CRLF or a lone
 * CR outside quotes; `""` in a quoted field is a quote; a quote that does not start a field is
 * literal, and so is a quoted field followed by anything but a delimiter or a line end (as
 * csv-parse's relax_quotes). The text of an incomplete last record is kept and read again with
 * the next chunk (records are small; it is bounded by MAX_RECORD_CHARS).
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

  private keep(text: string, start: number): void {
    const rest = text.slice(start);
    if (rest.length > MAX_RECORD_CHARS) throw tooLarge(this.rows + 1);
    this.carry = rest;
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
      if (end - pos > MAX_CELL_CHARS) {
        const values = text.slice(pos, end).split(delimiter);
        if (end - pos > MAX_RECORD_CHARS || values.some((v) => v.length > MAX_CELL_CHARS)) throw tooLarge(this.rows + 1);
      }
      const values: string[] = [];
      let p = pos;
      for (;;) {
        if (d < p) {
          d = text.indexOf(delimiter, p);
          if (d === -1) d = n;
        }
        if (d >= end) {
          values.push(text.slice(p, end));
          break;
        }
        values.push(text.slice(p, d));
        p = d + 1;
      }
      this.push(values, out);
      pos = nl + 1;
    }
    this.keep(text, pos);
  }

  private quoted(text: string, final: boolean, out: StreamedRecord[]): void {
    const n = text.length;
    const dc = this.dc;
    let pos = 0;
    while (pos < n) {
      const start = pos;
      const values: string[] = [];
      for (;;) {
        let value: string;
        let end: number; // the delimiter or line end after the field, or n
        if (text.charCodeAt(pos) === QUOTE) {
          let acc = '';
          let p = pos + 1;
          for (;;) {
            const q = text.indexOf('"', p);
            if (q === -1) {
              if (final) throw new SpreadsheetError('csv_malformed', this.rows + 1, { row: this.rows + 1 });
              if (acc.length + n - p > MAX_CELL_CHARS) throw tooLarge(this.rows + 1);
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
        if (value.length > MAX_CELL_CHARS) throw tooLarge(this.rows + 1);
        if (end === n && !final) return this.keep(text, start);
        values.push(value);
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

/**
 * Reads chunk by chunk and hands out the records of each. Written by hand rather than as an
 * async generator: the records of a chunk are given without a generator's round trip each.
 */
class CsvIterator implements AsyncIterator<StreamedRecord> {
  private batch: StreamedRecord[] = [];
  private index = 0;
  private handle: FileHandle | null = null;
  private failure: unknown = null;
  private finished = false;
  private readonly decoder: Decoder;
  private readonly tokenizer: CsvTokenizer;

  constructor(
    private readonly path: string,
    private readonly chunkSize: number,
    encoding: Encoding,
    delimiter: string,
    private readonly progress: { bytes: number },
  ) {
    this.decoder = decoderFor(encoding);
    this.tokenizer = new CsvTokenizer(delimiter);
  }

  next(): Promise<IteratorResult<StreamedRecord>> {
    if (this.index < this.batch.length) return Promise.resolve({ value: this.batch[this.index++], done: false });
    return this.fill();
  }

  async return(): Promise<IteratorResult<StreamedRecord>> {
    this.finished = true;
    this.batch = [];
    this.failure = null;
    await this.close();
    return { value: undefined, done: true };
  }

  private async fill(): Promise<IteratorResult<StreamedRecord>> {
    for (;;) {
      if (this.index < this.batch.length) return { value: this.batch[this.index++], done: false };
      if (this.failure !== null) {
        const failure = this.failure;
        this.failure = null;
        this.finished = true;
        await this.close();
        throw failure;
      }
      if (this.finished) {
        await this.close();
        return { value: undefined, done: true };
      }
      this.batch = [];
      this.index = 0;
      try {
        await this.readChunk();
      } catch (err) {
        await this.close();
        this.finished = true;
        throw err;
      }
    }
  }

  private async readChunk(): Promise<void> {
    this.handle ??= await open(this.path, 'r');
    const buffer = Buffer.allocUnsafe(this.chunkSize);
    const { bytesRead } = await this.handle.read(buffer, 0, this.chunkSize, null);
    try {
      if (bytesRead === 0) {
        this.finished = true;
        this.tokenizer.feed(this.decoder.end(), this.batch);
        this.tokenizer.end(this.batch);
      } else {
        this.progress.bytes += bytesRead;
        this.tokenizer.feed(this.decoder.write(buffer.subarray(0, bytesRead)), this.batch);
      }
    } catch (err) {
      this.failure = err;
      if (err instanceof InvalidUtf8) {
        try {
          this.tokenizer.feed(err.text, this.batch);
          const row = this.tokenizer.rows + 1;
          this.failure = new SpreadsheetError('encoding_invalid', row, { row, encoding: 'utf-8' });
        } catch (inner) {
          this.failure = inner;
        }
      }
    }
  }

  private async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
  }
}

// ---------------------------------------------------------------------------------------------
// XLSX

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

async function openXlsx(path: string, handle: FileHandle, size: number, options: Options): Promise<TableStream> {
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

/** ExcelJS gives dates as UTC instants of the wall-clock value; rounded to the second. */
export function dateTimeText(d: Date): string {
  const ms = Math.round(d.getTime() / 1000) * 1000;
  if (Number.isNaN(ms)) return '';
  const t = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  if (((ms % 86_400_000) + 86_400_000) % 86_400_000 === 0) return date;
  return `${date} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
}
