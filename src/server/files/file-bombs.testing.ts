import { deflateRawSync } from 'node:zlib';
import { crc32 } from './zip-check.ts';

/**
 * For tests only (bounded-readers.test.ts, file-bombs.int.test.ts): small files made the way
 * issue 13's "small files that cost gigabytes" were, to test the readers' limits: a workbook zip written by hand (each part deflated, with its real CRC),
 * so that its shared strings and sheet XML are exactly what a test says, and CSV text.
 */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** xl/sharedStrings.xml of these strings (`attributes` on <sst>: a declared uniqueCount, say). */
export function sharedStringsXml(strings: readonly string[], attributes = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}"${attributes ? ` ${attributes}` : ''}>${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`;
}

/** A worksheet of these rows: each row's cells, as `<c>` elements (cellXml). */
export function sheetXml(rows: readonly (readonly string[])[]): string {
  const body = rows.map((cells, i) => `<row r="${i + 1}">${cells.join('')}</row>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${body}</sheetData></worksheet>`;
}

/** A cell: a shared string by its index (`{ shared: 3 }`), inline text, or a number. */
export function cellXml(ref: string, value: { shared: number } | { inline: string } | number): string {
  if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
  if ('shared' in value) return `<c r="${ref}" t="s"><v>${value.shared}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t>${value.inline}</t></is></c>`;
}

/**
 * A workbook of one sheet ("Sheet1") with the shared strings and sheet given, its parts in the
 * order Excel writes them (workbook, shared strings, then the sheet), each deflated.
 */
export function handMadeWorkbook(parts: { sharedStrings?: string; sheet: string }): Buffer {
  const entries: [string, string][] = [
    [
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${parts.sharedStrings === undefined ? '' : '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'}</Types>`,
    ],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${parts.sharedStrings === undefined ? '' : `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`}</Relationships>`,
    ],
  ];
  if (parts.sharedStrings !== undefined) entries.push(['xl/sharedStrings.xml', parts.sharedStrings]);
  entries.push(['xl/worksheets/sheet1.xml', parts.sheet]);
  return zipOf(entries.map(([name, text]) => ({ name, data: Buffer.from(text) })));
}

/** A zip of deflated entries. */
export function zipOf(entries: readonly { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const packed = deflateRawSync(e.data);
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
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

/** Issue 13's shared strings bomb, small: `count` strings for a sheet of two rows (the header and one row). */
export function sharedStringsBomb(count: number, header = ['Name', 'Email']): Buffer {
  const strings = [...header, 'Ada', 'ada@x.test', ...Array.from({ length: count - header.length - 2 }, (_, i) => `s${i % 1000}`)];
  const refs = ['A', 'B'];
  return handMadeWorkbook({
    sharedStrings: sharedStringsXml(strings),
    sheet: sheetXml([header.map((_, i) => cellXml(`${refs[i]}1`, { shared: i })), [cellXml('A2', { shared: header.length }), cellXml('B2', { shared: header.length + 1 })]]),
  });
}

/** Issue 13's huge cell, small: the shared string of B2 is `length` characters long. */
export function longCellWorkbook(length: number, header = ['Name', 'Email']): Buffer {
  return handMadeWorkbook({
    sharedStrings: sharedStringsXml([...header, 'Ada', 'x'.repeat(length)]),
    sheet: sheetXml([[cellXml('A1', { shared: 0 }), cellXml('B1', { shared: 1 })], [cellXml('A2', { shared: 2 }), cellXml('B2', { shared: 3 })]]),
  });
}

/** Issue 13's CSV of `x,x,x…`: one row of `columns` cells. */
export const columnsCsv = (columns: number): string => `${'x,'.repeat(columns - 1)}x\n`;
