import { type PackedData, packedRepeat, type ZipEntry, zipOf } from './zip-writer.testing.ts';

/**
 * For tests only (bounded-readers.test.ts, file-bombs*.int.test.ts): files made the way issue
 * 13's "small files that cost gigabytes" were, to test the readers' limits: a workbook zip
 * written by hand (zip-writer.testing.ts: each part deflated, with its real CRC), so that its
 * shared strings and sheet XML are exactly what a test says — at full size too, packed without
 * being held (five million shared strings, a 1.5 GB cell) — and CSV text.
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
export function handMadeWorkbook(parts: { sharedStrings?: string | PackedData; sheet: string | PackedData }): Buffer {
  const entries: [string, string | PackedData][] = [
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
  return zipOf(entries.map(([name, part]): ZipEntry => (typeof part === 'string' ? { name, data: Buffer.from(part) } : { name, packed: part })));
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const STRINGS_HEAD = `${XML_HEAD}<sst xmlns="${MAIN}">`;
const si = (text: string) => `<si><t>${text}</t></si>`;
const twoRowSheet = () => sheetXml([[cellXml('A1', { shared: 0 }), cellXml('B1', { shared: 1 })], [cellXml('A2', { shared: 2 }), cellXml('B2', { shared: 3 })]]);

/**
 * Issue 13's shared strings bomb: `count` shared strings (the header, one row, then s0…s999 over
 * and over) for a sheet of two rows. Five million pack into about a megabyte, as the issue's did.
 */
export function sharedStringsBomb(count: number, header = ['Name', 'Email']): Buffer {
  const first = [...header, 'Ada', 'ada@x.test'].map(si).join('');
  const rest = count - header.length - 2;
  const cycle = Array.from({ length: 1000 }, (_, i) => si(`s${i}`)).join('');
  const tail = Array.from({ length: rest % 1000 }, (_, i) => si(`s${i}`)).join('');
  const refs = ['A', 'B'];
  return handMadeWorkbook({
    // blocks of 64 cycles, so that deflate sees the repeats within a block
    sharedStrings: packedRepeat(STRINGS_HEAD + first + cycle.repeat(Math.floor(rest / 1000) % 64), cycle.repeat(64), Math.floor(rest / 64_000), `${tail}</sst>`),
    sheet: sheetXml([header.map((_, i) => cellXml(`${refs[i]}1`, { shared: i })), [cellXml('A2', { shared: header.length }), cellXml('B2', { shared: header.length + 1 })]]),
  });
}

/** Issue 13's huge cell: the shared string of B2 is `length` characters long (1.5 GB packs into 1.5 MB, as the issue's did). */
export function longCellWorkbook(length: number, header = ['Name', 'Email']): Buffer {
  const MB = 1 << 20;
  return handMadeWorkbook({
    sharedStrings: packedRepeat(`${STRINGS_HEAD}${[...header, 'Ada'].map(si).join('')}<si><t>`, 'x'.repeat(MB), Math.floor(length / MB), `${'x'.repeat(length % MB)}</t></si></sst>`),
    sheet: twoRowSheet(),
  });
}

/**
 * A sheet that declares `rows` rows (its dimension, and a last cell there) but holds five cells:
 * a reader that sizes anything by the declaration, or walks every row up to it, pays for rows
 * that are not there.
 */
export function declaredRowsWorkbook(rows: number): Buffer {
  const sheet = `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:B${rows}"/><sheetData><row r="1">${cellXml('A1', { inline: 'Name' })}${cellXml('B1', { inline: 'Email' })}</row><row r="2">${cellXml('A2', { inline: 'Ada' })}${cellXml('B2', { inline: 'ada@x.test' })}</row><row r="${rows}">${cellXml(`A${rows}`, { inline: 'Zed' })}</row></sheetData></worksheet>`;
  return handMadeWorkbook({ sheet });
}

/** A zip that is no workbook: a text file and a picture, deflated. */
export const notAWorkbook = (): Buffer =>
  zipOf([
    { name: 'readme.txt', data: Buffer.from('Name,Email\nAda,ada@x.test\n') },
    { name: 'photos/ada.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  ]);

/** Issue 13's CSV of `x,x,x…`: one row of `columns` cells. */
export const columnsCsv = (columns: number): string => `${'x,'.repeat(columns - 1)}x\n`;

/** A CSV whose header has `columns` named columns, and one row under it. */
export const wideCsv = (columns: number): string => `${Array.from({ length: columns }, (_, i) => `c${i}`).join(',')}\n${Array.from({ length: columns }, () => '1').join(',')}\n`;

/** A CSV with one field of `length` characters (quoted), at row 2, column B. */
export const longFieldCsv = (length: number): string => `Name,Email\nAda,"${'y'.repeat(length)}"\n`;
