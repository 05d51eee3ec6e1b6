import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { SpreadsheetError } from '../../core/files/spreadsheet-error.ts';
import { MAX_PART_BYTES } from './stream-common.ts';
import { LongSharedString, type PartScan } from './xlsx-scan.ts';

/**
 * Reading a zip (an XLSX workbook) from a file or from memory: its central directory, a small
 * part, and the check of every part before a spreadsheet reader sees it — each part unpacks to
 * the size and CRC-32 the central directory records. A damaged workbook is then refused at
 * once, instead of stalling or failing half-way inside the spreadsheet reader (one random byte
 * in a compressed part can leave ExcelJS's reader waiting forever). While the parts unpack, a
 * scan may look at their XML (xlsx-scan.ts) and refuse the workbook at the byte that breaks a limit.
 */
export type ZipPart = { name: string; method: number; compressedSize: number; size: number; offset: number; crc: number };

/** Where a zip's bytes come from: a file (read through its handle) or a buffer. */
export type ZipSource = {
  size: number;
  read(position: number, length: number): Promise<Buffer>;
  /** The bytes [start, end] (end included), as a stream. */
  stream(start: number, end: number): Readable;
};

/** A zip in a file, read through an open handle (closed by its owner) and read streams (closed here). */
export function fileSource(path: string, handle: FileHandle, size: number): ZipSource {
  return {
    size,
    async read(position, length) {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      return buffer.subarray(0, bytesRead);
    },
    stream: (start, end) => createReadStream(path, { start, end }),
  };
}

/** A zip in memory. */
export function bufferSource(buffer: Buffer): ZipSource {
  return {
    size: buffer.length,
    read: async (position, length) => buffer.subarray(position, Math.min(buffer.length, position + length)),
    stream: (start, end) => Readable.from([buffer.subarray(start, end + 1)], { objectMode: false }),
  };
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

// zlib's own (Node 20.15+, 22.2+): some twenty times faster than the table below
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/**
 * CRC-32 (the zip polynomial) of bytes, continuing from `crc`.
 * @example crc32(Buffer.from('123456789')) // 0xcbf43926
 */
export function crc32(bytes: Uint8Array, crc = 0): number {
  if (nativeCrc32) return nativeCrc32(bytes, crc);
  let c = ~crc >>> 0;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** The zip's central directory, read from its end; null when it is not a readable zip. */
export async function readZipDirectory(source: ZipSource): Promise<ZipPart[] | null> {
  const tailLength = Math.min(source.size, 22 + 0xffff);
  const tail = await source.read(source.size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = tail.readUInt16LE(eocd + 10);
  const dirSize = tail.readUInt32LE(eocd + 12);
  const dirOffset = tail.readUInt32LE(eocd + 16);
  if (dirOffset + dirSize > source.size) return null;
  const dir = await source.read(dirOffset, dirSize);
  const entries: ZipPart[] = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > dir.length || dir.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = dir.readUInt16LE(at + 28);
    const entrySize = dir.readUInt32LE(at + 24);
    entries.push({
      name: dir.toString('utf8', at + 46, at + 46 + nameLength),
      method: dir.readUInt16LE(at + 10),
      compressedSize: dir.readUInt32LE(at + 20),
      // ZIP64: far beyond any workbook we read
      size: entrySize === 0xffffffff ? Number.POSITIVE_INFINITY : entrySize,
      offset: dir.readUInt32LE(at + 42),
      crc: dir.readUInt32LE(at + 16),
    });
    at += 46 + nameLength + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
  }
  return entries;
}

/** Where a part's data starts (after its local header); null when the header is not one. */
async function dataStart(source: ZipSource, part: ZipPart): Promise<number | null> {
  const header = await source.read(part.offset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) return null;
  return part.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}

const notWorkbook = () => new SpreadsheetError('unsupported', null, { kind: 'zip_not_workbook' });

/** One small part of the zip, unpacked; null when it is absent or too large. */
export async function readZipPart(source: ZipSource, entries: readonly ZipPart[], name: string): Promise<Buffer | null> {
  const entry = entries.find((e) => e.name === name);
  if (!entry || entry.size > MAX_PART_BYTES || entry.compressedSize > MAX_PART_BYTES) return null;
  const start = await dataStart(source, entry);
  if (start === null) throw notWorkbook();
  const data = await source.read(start, entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw notWorkbook();
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: MAX_PART_BYTES });
  } catch {
    throw notWorkbook();
  }
}

/**
 * True when every part of the zip unpacks to its recorded size and CRC-32. `scanFor` gives the
 * scan a part's XML goes through as it unpacks (or null): what it throws — a SpreadsheetError,
 * a LongSharedString — stops the check and is thrown from here.
 */
export async function zipPartsIntact(source: ZipSource, parts: readonly ZipPart[], scanFor: (part: ZipPart) => PartScan | null = () => null): Promise<boolean> {
  for (const part of parts) {
    if (part.name.endsWith('/')) continue;
    const start = await dataStart(source, part);
    if (start === null) return false;
    if (part.method !== 0 && part.method !== 8) return false;
    if (!(await partIntact(source, start, part, scanFor(part)))) return false;
  }
  return true;
}

/** Unpacked bytes handed to a scan at a time. */
const UNPACK_CHUNK = 64 * 1024;

async function partIntact(source: ZipSource, start: number, part: ZipPart, scan: PartScan | null): Promise<boolean> {
  if (part.compressedSize === 0) return part.size === 0 && part.crc === 0;
  const raw = source.stream(start, start + part.compressedSize - 1);
  const unpacked = part.method === 0 ? raw : raw.pipe(zlib.createInflateRaw({ chunkSize: UNPACK_CHUNK }));
  if (part.method === 8) raw.on('error', (err) => unpacked.destroy(err));
  let crc = 0;
  let size = 0;
  try {
    for await (const chunk of unpacked as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > part.size) return false;
      crc = crc32(chunk, crc);
      scan?.feed(chunk);
    }
  } catch (err) {
    if (err instanceof SpreadsheetError || err instanceof LongSharedString) throw err;
    return false;
  } finally {
    raw.destroy();
    unpacked.destroy();
  }
  return size === part.size && crc === part.crc;
}
