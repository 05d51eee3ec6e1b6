import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';

/**
 * Checks every part of a zip (an XLSX workbook) before a streaming reader sees it: each part
 * unpacks, to the size and CRC-32 the central directory records. A damaged workbook is then
 * refused at once, instead of stalling or failing half-way inside the spreadsheet reader (one
 * random byte in a compressed part can leave ExcelJS's reader waiting forever).
 */
export type ZipPart = { name: string; method: number; compressedSize: number; size: number; offset: number; crc: number };

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * CRC-32 (the zip polynomial) of bytes, continuing from `crc`.
 * @example crc32(Buffer.from('123456789')) // 0xcbf43926
 */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** True when every part of the zip unpacks to its recorded size and CRC-32. */
export async function zipPartsIntact(path: string, handle: FileHandle, parts: readonly ZipPart[]): Promise<boolean> {
  for (const part of parts) {
    if (part.name.endsWith('/')) continue;
    const header = Buffer.alloc(30);
    const { bytesRead } = await handle.read(header, 0, 30, part.offset);
    if (bytesRead < 30 || header.readUInt32LE(0) !== 0x04034b50) return false;
    const start = part.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (part.method !== 0 && part.method !== 8) return false;
    if (!(await partIntact(path, start, part))) return false;
  }
  return true;
}

async function partIntact(path: string, start: number, part: ZipPart): Promise<boolean> {
  if (part.compressedSize === 0) return part.size === 0 && part.crc === 0;
  const raw = createReadStream(path, { start, end: start + part.compressedSize - 1 });
  let crc = 0;
  let size = 0;
  try {
    const unpacked = part.method === 0 ? raw : raw.pipe(createInflateRaw());
    if (part.method === 8) raw.on('error', (err) => (unpacked as NodeJS.ReadWriteStream & { destroy(e: Error): void }).destroy(err));
    for await (const chunk of unpacked as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > part.size) return false;
      crc = crc32(chunk, crc);
    }
  } catch {
    return false;
  } finally {
    raw.destroy();
  }
  return size === part.size && crc === part.crc;
}
