/**
 * Issue 13, "small files that cost gigabytes": every reader is bounded while it reads — shared
 * strings, a cell's length, the columns of a row, the rows — and refuses a file at the place it
 * breaks a limit, with that place, before the rest is read or held. Both readers: readSpreadsheet
 * (a whole upload in memory) and openTableStream (a file record by record).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_CELL_CHARS, MAX_COLUMNS } from '../../core/files/records.ts';
import { cellXml, columnsCsv, handMadeWorkbook, longCellWorkbook, sharedStringsBomb, sharedStringsXml, sheetXml } from './file-bombs.testing.ts';
import { readSpreadsheet, SpreadsheetError } from './spreadsheet.ts';
import { MAX_SHARED_STRINGS } from './stream-common.ts';
import { sharedStringLimits } from './xlsx-check.ts';
import { openTableStream } from './table-stream.ts';

const dir = mkdtempSync(join(tmpdir(), 'kedu-bounded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;

/** What the streaming reader gives for the bytes, or the SpreadsheetError it throws. */
async function streamed(bytes: Buffer | string, ext = 'xlsx'): Promise<{ rows: { row: number; values: string[] }[] } | SpreadsheetError> {
  const path = join(dir, `f${fileNo++}.${ext}`);
  writeFileSync(path, bytes);
  const rows: { row: number; values: string[] }[] = [];
  try {
    for await (const r of (await openTableStream(path)).records) rows.push(r);
    return { rows };
  } catch (err) {
    if (err instanceof SpreadsheetError) return err;
    throw err;
  }
}

async function whole(bytes: Buffer | string): Promise<Awaited<ReturnType<typeof readSpreadsheet>> | SpreadsheetError> {
  try {
    return await readSpreadsheet(Buffer.from(bytes));
  } catch (err) {
    if (err instanceof SpreadsheetError) return err;
    throw err;
  }
}

/** Both readers' answers. */
const both = async (bytes: Buffer | string, ext = 'xlsx') => [await whole(bytes), await streamed(bytes, ext)] as const;

describe('a workbook within the limits, made the same way as the bombs below', () => {
  it('is read by both readers', async () => {
    const ok = sharedStringsBomb(4);
    expect(await whole(ok)).toEqual({ format: 'xlsx', headers: ['Name', 'Email'], rows: [{ row: 2, values: ['Ada', 'ada@x.test'] }] });
    expect(await streamed(ok)).toEqual({ rows: [{ row: 1, values: ['Name', 'Email'] }, { row: 2, values: ['Ada', 'ada@x.test'] }] });
  });
});

describe('shared strings', () => {
  it('are bounded by the cells the workbook can hold (a workbook never needs more), and by MAX_SHARED_STRINGS', () => {
    const parts = (sheet: number) => [
      { name: 'xl/sharedStrings.xml', method: 8, compressedSize: 1, size: 85e6, offset: 0, crc: 0 },
      { name: 'xl/worksheets/sheet1.xml', method: 8, compressedSize: 1, size: sheet, offset: 0, crc: 0 },
    ];
    expect(sharedStringLimits(parts(2000)).maxStrings).toBe(1000 + 100);
    expect(sharedStringLimits(parts(1e12)).maxStrings).toBe(MAX_SHARED_STRINGS);
  });

  it('refuses five thousand strings for a sheet of four cells, as they unpack, by both readers', async () => {
    for (const answer of await both(sharedStringsBomb(5000))) {
      expect(answer).toMatchObject({ code: 'shared_strings_too_large', row: null });
      expect((answer as SpreadsheetError).params.max).toBeLessThan(5000);
    }
  });

  it('refuses a declared uniqueCount over the limit at once, before a string is counted', async () => {
    const declared = handMadeWorkbook({ sharedStrings: sharedStringsXml(['Name'], 'count="5000000" uniqueCount="5000000"'), sheet: sheetXml([[cellXml('A1', { shared: 0 })]]) });
    for (const answer of await both(declared)) expect(answer).toMatchObject({ code: 'shared_strings_too_large' });
  });

  it(`refuses a shared string over ${MAX_CELL_CHARS} characters at the cell that uses it, row and column`, async () => {
    expect(await whole(longCellWorkbook(MAX_CELL_CHARS))).toMatchObject({ rows: [{ row: 2, values: ['Ada', 'x'.repeat(MAX_CELL_CHARS)] }] });
    for (const answer of await both(longCellWorkbook(MAX_CELL_CHARS + 1))) {
      expect(answer).toMatchObject({ code: 'cell_too_long', row: 2, params: { row: 2, column: 'B', max: MAX_CELL_CHARS } });
    }
  });

  it('counts characters as a cell holds them: an entity is one, a Chinese character one, an emoji two', async () => {
    const entities = handMadeWorkbook({ sharedStrings: sharedStringsXml(['&amp;'.repeat(MAX_CELL_CHARS)]), sheet: sheetXml([[cellXml('A1', 1)], [cellXml('A2', { shared: 0 })]]) });
    expect(await whole(entities)).toMatchObject({ rows: [{ row: 2, values: ['&'.repeat(MAX_CELL_CHARS)] }] });
    const chinese = handMadeWorkbook({ sharedStrings: sharedStringsXml(['字'.repeat(MAX_CELL_CHARS + 1)]), sheet: sheetXml([[cellXml('A1', 1)], [cellXml('C2', { shared: 0 })]]) });
    expect(await streamed(chinese)).toMatchObject({ code: 'cell_too_long', params: { row: 2, column: 'C' } });
    const emoji = handMadeWorkbook({ sharedStrings: sharedStringsXml(['😀'.repeat(MAX_CELL_CHARS / 2 + 1)]), sheet: sheetXml([[cellXml('A1', 1)], [cellXml('A2', { shared: 0 })]]) });
    expect(await streamed(emoji)).toMatchObject({ code: 'cell_too_long' });
  });

  it('refuses an over-long shared string no cell of the sheet uses with the shared strings', async () => {
    const unused = handMadeWorkbook({ sharedStrings: sharedStringsXml(['Name', 'y'.repeat(MAX_CELL_CHARS + 1)]), sheet: sheetXml([[cellXml('A1', { shared: 0 })]]) });
    for (const answer of await both(unused)) expect(answer).toMatchObject({ code: 'shared_strings_too_large', row: null });
  });

  it('stops unpacking at the limit: a 100 MB cell is refused in well under a second', async () => {
    const huge = handMadeWorkbook({ sharedStrings: sharedStringsXml(['Name', 'x'.repeat(100 * 1024 * 1024)]), sheet: sheetXml([[cellXml('A1', { shared: 0 })], [cellXml('D2', { shared: 1 })]]) });
    expect(huge.length).toBeLessThan(200_000);
    const started = performance.now();
    expect(await streamed(huge)).toMatchObject({ code: 'cell_too_long', params: { row: 2, column: 'D' } });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('cells and columns of a worksheet', () => {
  it('refuses inline text over the limit at its cell', async () => {
    const inline = handMadeWorkbook({ sheet: sheetXml([[cellXml('A1', { inline: 'Name' })], [cellXml('A2', { inline: 'ok' }), cellXml('B2', { inline: 'z'.repeat(MAX_CELL_CHARS + 1) })]]) });
    for (const answer of await both(inline)) expect(answer).toMatchObject({ code: 'cell_too_long', row: 2, params: { column: 'B' } });
  });

  it(`refuses a row with more than ${MAX_COLUMNS} cells holding something, at the first one too many`, async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Sheet1');
    sheet.addRow(['Name']);
    sheet.addRow(Array.from({ length: MAX_COLUMNS + 5 }, () => 'x'));
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    for (const answer of await both(bytes)) expect(answer).toMatchObject({ code: 'too_many_columns', row: 2, params: { row: 2, column: 'ALM', max: MAX_COLUMNS } });
  });

  it('reads a lone cell far to the right as no column (a note costs nothing), and empty formatted cells as nothing', async () => {
    const far = handMadeWorkbook({ sheet: sheetXml([[cellXml('A1', { inline: 'Name' }), '<c r="XFD1" s="1"/>'], [cellXml('A2', { inline: 'Ada' }), cellXml('XFD2', { inline: 'far away' })]]) });
    expect(await whole(far)).toMatchObject({ headers: ['Name'], rows: [{ row: 2, values: ['Ada'] }] });
    expect(await streamed(far)).toEqual({ rows: [{ row: 1, values: ['Name'] }, { row: 2, values: ['Ada'] }] });
  });
});

describe('CSV', () => {
  it(`refuses a row of more than ${MAX_COLUMNS} cells (issue 13's x,x,x…) at its row and the first column too many`, async () => {
    for (const answer of await both(columnsCsv(MAX_COLUMNS + 500), 'csv')) {
      expect(answer).toMatchObject({ code: 'too_many_columns', row: 1, params: { row: 1, column: 'ALM', max: MAX_COLUMNS } });
    }
    // one huge line without an end: refused at the column, not read to its end
    const endless = `${'x,'.repeat(3_000_000)}`;
    const started = performance.now();
    expect(await whole(endless)).toMatchObject({ code: 'too_many_columns', row: 1 });
    expect(await streamed(endless, 'csv')).toMatchObject({ code: 'too_many_columns', row: 1 });
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it(`reads ${MAX_COLUMNS} columns, and leaves out empty fields beyond them (a row of trailing delimiters)`, async () => {
    const header = Array.from({ length: MAX_COLUMNS }, (_, i) => `c${i}`).join(',');
    const table = await whole(`${header}\n${'1,'.repeat(MAX_COLUMNS - 1)}1${','.repeat(3000)}\n`);
    expect(table).toMatchObject({ headers: expect.any(Array) });
    const ok = table as Awaited<ReturnType<typeof readSpreadsheet>>;
    expect(ok.headers).toHaveLength(MAX_COLUMNS);
    expect(ok.rows[0].values).toHaveLength(MAX_COLUMNS);
  });

  it(`refuses a field over ${MAX_CELL_CHARS} characters at its row and column, quoted or not`, async () => {
    for (const text of [`a,b,c\n1,2,${'x'.repeat(MAX_CELL_CHARS + 1)}\n`, `a,b,c\n1,2,"${'x'.repeat(MAX_CELL_CHARS + 1)}"\n`]) {
      for (const answer of await both(text, 'csv')) expect(answer).toMatchObject({ code: 'cell_too_long', row: 2, params: { column: 'C' } });
    }
    expect(await whole(`a\n${'x'.repeat(MAX_CELL_CHARS)}\n`)).toMatchObject({ rows: [{ row: 2, values: ['x'.repeat(MAX_CELL_CHARS)] }] });
  });
});
