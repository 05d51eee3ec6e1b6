import zlib from 'node:zlib';
import { crc32 } from './zip-check.ts';

/**
 * For tests only: a zip written by hand, byte for byte as a test says — the one writer of the
 * readers' tests (table-stream.test.ts, bounded-readers.test.ts, file-bombs*.int.test.ts).
 * Entries are deflated (as Excel writes a workbook) or stored; an entry may declare a size it
 * does not have (a zip bomb declares what it unpacks to, or hides it), or come already packed
 * (`packedRepeat`: gigabytes of text in a few kilobytes, built without holding the text).
 */

export type ZipEntry =
  | {
      name: string;
      data: Buffer;
      /** deflate (default) or store. */
      method?: 'deflate' | 'store';
      /** The unpacked size the headers declare, when not the data's. */
      declaredSize?: number;
    }
  | { name: string; packed: PackedData };

/** Deflated bytes with the unpacked size and CRC-32 of what they unpack to. */
export type PackedData = { deflated: Buffer; size: number; crc: number };

/** A zip of these entries (local headers, data, central directory, end record). */
export function zipOf(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    let bytes: Buffer;
    let method: number;
    let size: number;
    let crc: number;
    if ('packed' in e) {
      ({ deflated: bytes, size, crc } = e.packed);
      method = 8;
    } else {
      method = e.method === 'store' ? 0 : 8;
      bytes = method === 8 ? zlib.deflateRawSync(e.data) : e.data;
      size = e.declaredSize ?? e.data.length;
      crc = crc32(e.data);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(bytes.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(bytes.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, bytes);
    centrals.push(central, name);
    offset += 30 + name.length + bytes.length;
  }
  const dir = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(dir.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, eocd]);
}

/**
 * `head`, then `block` `times` over, then `tail`, deflated without ever holding the whole: each
 * piece is deflated on its own and ends on a full flush (which forgets what came before), so the
 * block's deflated bytes are the same each time and are written `times` over. A gigabyte of one
 * character packs into about a megabyte, in milliseconds (the CRC takes a second per 3 GB).
 * @example packedRepeat('<t>', 'x'.repeat(1 << 20), 1536, '</t>').size // 1.5 GB + 7
 */
export function packedRepeat(head: string, block: string | Buffer, times: number, tail: string): PackedData {
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH };
  const [h, b, t] = [Buffer.from(head), Buffer.from(block), Buffer.from(tail)];
  const packedBlock = zlib.deflateRawSync(b, flush);
  let crc = crc32(h);
  for (let i = 0; i < times; i++) crc = crc32(b, crc);
  crc = crc32(t, crc);
  return {
    deflated: Buffer.concat([zlib.deflateRawSync(h, flush), ...Array.from({ length: times }, () => packedBlock), zlib.deflateRawSync(t)]),
    size: h.length + b.length * times + t.length,
    crc,
  };
}
