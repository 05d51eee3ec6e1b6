import { isUtf8 } from 'node:buffer';
import { type FileHandle, open } from 'node:fs/promises';
import { CsvTokenizer } from '../../core/files/csv-tokenizer.ts';
import { sniffDelimiter, type StreamedRecord } from '../../core/files/records.ts';
import { SpreadsheetError } from '../../core/files/spreadsheet-error.ts';
import { CHUNK_BYTES, iconv, type Options, type TableStream } from './stream-common.ts';

/** CSV record by record (table-stream.ts): the encoding and delimiter sniffed, quotes per RFC 4180, memory bounded. */
type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export function openCsv(path: string, size: number, sample: Buffer, options: Options): TableStream {
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
