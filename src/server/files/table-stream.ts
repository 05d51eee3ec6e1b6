import { open } from 'node:fs/promises';
import { SpreadsheetError } from '../../core/files/spreadsheet-error.ts';
import { openCsv } from './csv-stream.ts';
import { MAX_UNPACKED_WORKBOOK_BYTES, type Options, SAMPLE_BYTES, type TableStream } from './stream-common.ts';
import { checkWorkbookDirectory } from './xlsx-check.ts';
import { openXlsx } from './xlsx-stream.ts';
import { fileSource } from './zip-check.ts';

export type { StreamedRecord } from '../../core/files/records.ts';
export type { TableStream } from './stream-common.ts';

/**
 * Reading a large CSV or XLSX file record by record, for dataset imports (a million rows in
 * well under 500 MB): the file is never held in memory, only a chunk of it and the records
 * read from that chunk. Unlike `readSpreadsheet`, nothing is interpreted: every record from
 * row 1 on is given, and the caller finds the header.
 */

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

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
  if (startsWith(sample, OLE_MAGIC)) throw new SpreadsheetError('unsupported', null, { kind: 'xls' });
  if (!isUtf16(sample) && sample.subarray(0, 8192).includes(0)) throw new SpreadsheetError('unsupported', null, { kind: 'binary' });
  if (/\.(xlsx|xlsm|xls)$/i.test(options.filename ?? path)) throw new SpreadsheetError('unsupported', null, { kind: 'not_excel' });
  return openCsv(path, size, sample, options);
}

/**
 * What can be told of a file cheaply, before a long read of it is queued (a dataset import in the
 * background): what it is (as openTableStream decides), and for a CSV its first record — a
 * record that breaks a limit (a CSV of `x,x,x…`) is refused here, after reading at most a
 * record's limit; for a workbook, its directory (a workbook at all, its unpacked size), nothing
 * unpacked. Throws SpreadsheetError as reading it would.
 */
export async function checkTableStart(path: string, options: Options = {}): Promise<void> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(ZIP_MAGIC.length);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    if (bytesRead === ZIP_MAGIC.length && startsWith(head, ZIP_MAGIC)) {
      await checkWorkbookDirectory(fileSource(path, handle, (await handle.stat()).size), MAX_UNPACKED_WORKBOOK_BYTES);
      return;
    }
  } finally {
    await handle.close();
  }
  const stream = await openTableStream(path, options);
  // the first record only: leaving the loop closes the file
  for await (const _ of stream.records) break;
}

function startsWith(buffer: Buffer, magic: number[]): boolean {
  return buffer.length >= magic.length && magic.every((b, i) => buffer[i] === b);
}

const isUtf16 = (b: Buffer) => (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
