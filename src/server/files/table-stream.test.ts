/**
 * The streaming reader: records as readSpreadsheet numbers them, whatever the encoding, the
 * line ends and where the chunks of the file fall; refusals by code.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { SpreadsheetError } from './spreadsheet.ts';
import { zipOf } from './zip-writer.testing.ts';
import { openTableStream, type StreamedRecord, type TableStream } from './table-stream.ts';

const dir = mkdtempSync(join(tmpdir(), 'kedu-table-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;
const write = (content: string | Uint8Array, ext = 'csv'): string => {
  const path = join(dir, `f${fileNo++}.${ext}`);
  writeFileSync(path, content);
  return path;
};

async function collect(stream: TableStream): Promise<StreamedRecord[]> {
  const out: StreamedRecord[] = [];
  for await (const r of stream.records) out.push(r);
  return out;
}

const read = async (content: string | Uint8Array, options: Parameters<typeof openTableStream>[1] = {}) => collect(await openTableStream(write(content), options));

/** The error a read throws, opening or iterating, with the records given before it. */
async function failure(content: string | Uint8Array | (() => Promise<TableStream>), options: Parameters<typeof openTableStream>[1] = {}): Promise<{ err: SpreadsheetError; before: StreamedRecord[] }> {
  const before: StreamedRecord[] = [];
  try {
    const stream = typeof content === 'function' ? await content() : await openTableStream(write(content), options);
    for await (const r of stream.records) before.push(r);
  } catch (err) {
    expect(err).toBeInstanceOf(SpreadsheetError);
    return { err: err as SpreadsheetError, before };
  }
  throw new Error('no error');
}

/** RFC 4180: a field with a quote, delimiter, CR or LF is quoted, its quotes doubled. */
const toCsv = (rows: string[][], d = ',', eol = '\r\n') => rows.map((r) => r.map((v) => (/["\r\n]/.test(v) || v.includes(d) ? `"${v.replace(/"/g, '""')}"` : v)).join(d)).join(eol);

describe('openTableStream on CSV', () => {
  it('reads UTF-8 records from row 1 on, header and banner included', async () => {
    const stream = await openTableStream(write('订单报表\norder,销售,金额\nA1,张三,12.5\n'));
    expect(stream).toMatchObject({ format: 'csv', encoding: 'utf-8', sheets: [], sheet: null });
    expect(await collect(stream)).toEqual([
      { row: 1, values: ['订单报表'] },
      { row: 2, values: ['order', '销售', '金额'] },
      { row: 3, values: ['A1', '张三', '12.5'] },
    ]);
  });

  it('strips a UTF-8 BOM', async () => {
    const stream = await openTableStream(write(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b\n1,2\n')])));
    expect(stream.encoding).toBe('utf-8');
    expect(await collect(stream)).toEqual([{ row: 1, values: ['a', 'b'] }, { row: 2, values: ['1', '2'] }]);
  });

  it('decodes GBK as GB18030, and UTF-16 by its BOM', async () => {
    const text = '姓名,销售额\n张三,1200\n李四,"9,00"\n';
    const gbk = await openTableStream(write(iconv.encode(text, 'gbk')));
    expect(gbk.encoding).toBe('gb18030');
    const expected = [{ row: 1, values: ['姓名', '销售额'] }, { row: 2, values: ['张三', '1200'] }, { row: 3, values: ['李四', '9,00'] }];
    expect(await collect(gbk)).toEqual(expected);
    const le = await openTableStream(write(iconv.encode(text, 'utf-16le', { addBOM: true })));
    expect(le.encoding).toBe('utf-16le');
    expect(await collect(le)).toEqual(expected);
    const be = await openTableStream(write(iconv.encode(text, 'utf-16be', { addBOM: true })));
    expect(be.encoding).toBe('utf-16be');
    expect(await collect(be)).toEqual(expected);
  });

  it('sniffs comma, tab and semicolon on the first line', async () => {
    for (const d of [',', '\t', ';']) expect(await read(`a${d}b${d}c\n1${d}2,5${d}3\n`)).toEqual([{ row: 1, values: ['a', 'b', 'c'] }, { row: 2, values: ['1', d === ',' ? '2' : '2,5', ...(d === ',' ? ['5', '3'] : ['3'])] }]);
    expect(await read('a;"x;y";c\n')).toEqual([{ row: 1, values: ['a', 'x;y', 'c'] }]);
  });

  it('reads quoted fields with delimiters, quotes and line breaks; a record is one row', async () => {
    const text = 'id,note\n1,"a, b"\n2,"say ""hi"""\n3,"line1\nline2\r\nline3"\n4,end\n';
    expect(await read(text)).toEqual([
      { row: 1, values: ['id', 'note'] },
      { row: 2, values: ['1', 'a, b'] },
      { row: 3, values: ['2', 'say "hi"'] },
      { row: 4, values: ['3', 'line1\nline2\r\nline3'] },
      { row: 5, values: ['4', 'end'] },
    ]);
  });

  it('takes stray quotes literally, as csv-parse relax_quotes does', async () => {
    expect(await read('a"b,c\n"ab"c,d\n 5" pipe,"x"\n')).toEqual([
      { row: 1, values: ['a"b', 'c'] },
      { row: 2, values: ['"ab"c', 'd'] },
      { row: 3, values: [' 5" pipe', 'x'] },
    ]);
  });

  it('reads CRLF, lone CR and a last line without newline', async () => {
    expect(await read('a,b\r\n1,2\r\n3,4')).toEqual([{ row: 1, values: ['a', 'b'] }, { row: 2, values: ['1', '2'] }, { row: 3, values: ['3', '4'] }]);
    expect(await read('a,b\r1,2\r')).toEqual([{ row: 1, values: ['a', 'b'] }, { row: 2, values: ['1', '2'] }]);
    expect(await read('a,"b"')).toEqual([{ row: 1, values: ['a', 'b'] }]);
  });

  it('skips blank records but keeps their place in the numbering', async () => {
    expect(await read('a,b\n\n , \n,\n"",\n1,2\n\n')).toEqual([{ row: 1, values: ['a', 'b'] }, { row: 6, values: ['1', '2'] }]);
    expect(await read('a,b\r\n\r\n\r\n1,"2"\r\n')).toEqual([{ row: 1, values: ['a', 'b'] }, { row: 4, values: ['1', '2'] }]);
  });

  it('gives the same records wherever the chunks fall: in a character, a quoted field, a CRLF', async () => {
    const samples: (string | Buffer)[] = [
      'name,城市\r\n张三,"上海, 浦东"\r\n\r\n"李""四","多\r\n行"\r\n王五,北京\r\n',
      'a;b\n1;2\n3;"x\ny";z\n',
      '\uFEFFa,b\n😀,é\n',
      iconv.encode('姓名,城市\n张三,上海\n"李四","北\n京"\n', 'gbk'),
      iconv.encode('姓名\t城市\r\n张三\t上海\r\n', 'utf-16le', { addBOM: true }),
    ];
    for (const sample of samples) {
      const path = write(sample);
      const whole = await collect(await openTableStream(path));
      expect(whole.length).toBeGreaterThan(1);
      for (let chunkSize = 1; chunkSize <= 9; chunkSize++) expect(await collect(await openTableStream(path, { chunkSize }))).toEqual(whole);
    }
  });

  it('refuses a cell over 32,767 characters at its row and column, and a record over 1M characters at its row', async () => {
    const cell = await failure(`a,b\n1,${'x'.repeat(32_768)}\n`);
    expect(cell.err).toMatchObject({ code: 'cell_too_long', row: 2, params: { row: 2, column: 'B', max: 32_767 } });
    expect(cell.before).toEqual([{ row: 1, values: ['a', 'b'] }]);
    expect(await read(`a\n${'x'.repeat(32_767)}\n`)).toEqual([{ row: 1, values: ['a'] }, { row: 2, values: ['x'.repeat(32_767)] }]);
    const record = await failure(`a\n${`${'y'.repeat(30_000)},`.repeat(40)}\n`);
    expect(record.err).toMatchObject({ code: 'record_too_large', row: 2 });
    const quotedCell = await failure(`a\n"${'z'.repeat(70_000)}\n`, { chunkSize: 4096 });
    expect(quotedCell.err).toMatchObject({ code: 'cell_too_long', row: 2, params: { column: 'A' } });
    // a line with no end in sight: refused at the cell, long before the whole line is read
    const line = await failure(`a\n${'w'.repeat(2_000_000)}`, { chunkSize: 65536 });
    expect(line.err).toMatchObject({ code: 'cell_too_long', row: 2, params: { column: 'A' } });
  });

  it('refuses a UTF-8 file that turns invalid after its first 64 KB, at the row', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `${i},张三`);
    const bytes = Buffer.concat([Buffer.from(`${lines.join('\n')}\n10000,`), Buffer.from([0xd5, 0xc5]), Buffer.from('\n10001,x\n')]);
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    for (const chunkSize of [undefined, 1000]) {
      const { err, before } = await failure(bytes, { chunkSize });
      expect(err).toMatchObject({ code: 'encoding_invalid', row: 10_001, params: { row: 10_001, encoding: 'utf-8' } });
      expect(before).toHaveLength(10_000);
      expect(before[9999]).toEqual({ row: 10_000, values: ['9999', '张三'] });
    }
    const truncated = await failure(Buffer.concat([Buffer.from(`${'a,b\n'.repeat(20_000)}c,`), Buffer.from([0xe5, 0xbc])]));
    expect(truncated.err).toMatchObject({ code: 'encoding_invalid', row: 20_001 });
  });

  it('reports an unterminated quote at the row where its record starts', async () => {
    const { err, before } = await failure('a,b\n1,2\n"x,3\n4,5\n');
    expect(err).toMatchObject({ code: 'csv_malformed', row: 3, params: { row: 3 } });
    expect(before).toHaveLength(2);
  });

  it('counts the bytes read up to the size of the file', async () => {
    const stream = await openTableStream(write('a,b\n'.repeat(1000)), { chunkSize: 1000 });
    expect(stream.totalBytes).toBe(4000);
    expect(stream.bytesRead()).toBe(0);
    let seen = 0;
    for await (const r of stream.records) {
      if (r.row === 500) seen = stream.bytesRead();
    }
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(4000);
    expect(stream.bytesRead()).toBe(4000);
  });

  it('stops reading when the caller stops', async () => {
    const stream = await openTableStream(write('a\n'.repeat(100_000)), { chunkSize: 1024 });
    for await (const r of stream.records) if (r.row === 10) break;
    expect(stream.bytesRead()).toBeLessThan(10_000);
  });

  it('reads back any table written as RFC 4180 CSV, whatever the chunk size', async () => {
    const char = fc.constantFrom('a', 'Z', '1', ' ', ',', ';', '"', '\n', '\r', '中', '文', '😀', 'é', '\t');
    const cell = fc.array(char, { maxLength: 8 }).map((cs) => cs.join(''));
    // a header the delimiter is sniffed on, and a first cell that is not blank, so that no record is skipped
    const row = fc.tuple(fc.constantFrom('x', '名', '"q"', 'a,b', 'l\nm'), fc.array(cell, { maxLength: 4 })).map(([first, rest]) => [first, ...rest]);
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 8 }), fc.constantFrom(',', '\t', ';'), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.integer({ min: 1, max: 64 }), async (rows, d, eol, finalEol, chunkSize) => {
        const table = [['h1', 'h2'], ...rows];
        const text = toCsv(table, d, eol) + (finalEol ? eol : '');
        const got = await read(text, { chunkSize });
        expect(got).toEqual(table.map((values, i) => ({ row: i + 1, values })));
      }),
      { numRuns: 300 },
    );
  });
});

describe('openTableStream refuses what is not a table', () => {
  it('refuses XLS, binary, empty files and an .xlsx that is not a zip', async () => {
    expect((await failure(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).err).toMatchObject({ code: 'unsupported', params: { kind: 'xls' } });
    expect((await failure(Buffer.from([0x01, 0x02, 0x00, 0x03]))).err).toMatchObject({ code: 'unsupported', params: { kind: 'binary' } });
    expect((await failure('')).err).toMatchObject({ code: 'file_empty' });
    expect((await failure('a,b\n', { filename: 'report.xlsx' })).err).toMatchObject({ code: 'unsupported', params: { kind: 'not_excel' } });
  });

  it('refuses a zip that is no workbook, and one that unpacks beyond 2 GB', async () => {
    expect((await failure(zipOf([{ name: 'hello.txt', data: Buffer.from('hi'), method: 'store' }]))).err).toMatchObject({ code: 'unsupported', params: { kind: 'zip_not_workbook' } });
    expect((await failure(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).err).toMatchObject({ code: 'unsupported' });
    // a zip bomb declares what it unpacks to
    const bomb = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('x'), method: 'store', declaredSize: 0xfffffff0 }]);
    expect((await failure(bomb)).err).toMatchObject({ code: 'workbook_too_large', params: { maxMb: 2048 } });
  });
});

describe('openTableStream on XLSX', () => {
  async function workbook(): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const orders = wb.addWorksheet('Orders');
    orders.addRow(['订单报表']);
    orders.addRow(['order', 'paid', 'day', 'amount', 'note']);
    orders.addRow(['A1', new Date(Date.UTC(2026, 2, 4, 12, 34, 56)), new Date(Date.UTC(2026, 2, 4)), 123.45, { richText: [{ text: 'ri' }, { text: 'ch' }] }]);
    orders.addRow([]);
    orders.addRow(['A2', null, null, { formula: 'D3*2', result: 246.9 }, '']);
    const other = wb.addWorksheet('Q2 & more');
    other.addRow(['k', 'v']);
    other.getCell('C3').value = 'far';
    const path = join(dir, `wb${fileNo++}.xlsx`);
    await wb.xlsx.writeFile(path);
    return path;
  }

  it('reads the first sheet by default, dates with their time, and lists the sheets up front', async () => {
    const stream = await openTableStream(await workbook());
    expect(stream).toMatchObject({ format: 'xlsx', encoding: null, sheets: ['Orders', 'Q2 & more'], sheet: 'Orders' });
    expect(await collect(stream)).toEqual([
      { row: 1, values: ['订单报表'] },
      { row: 2, values: ['order', 'paid', 'day', 'amount', 'note'] },
      { row: 3, values: ['A1', '2026-03-04 12:34:56', '2026-03-04', '123.45', 'rich'] },
      { row: 5, values: ['A2', '', '', '246.9'] },
    ]);
    expect(stream.bytesRead()).toBe(stream.totalBytes);
  });

  it('reads the sheet asked for, and refuses an unknown one', async () => {
    const path = await workbook();
    expect(await collect(await openTableStream(path, { sheet: 'Q2 & more' }))).toEqual([{ row: 1, values: ['k', 'v'] }, { row: 3, values: ['', '', 'far'] }]);
    const { err } = await failure(() => openTableStream(path, { sheet: 'Nope' }));
    expect(err).toMatchObject({ code: 'sheet_not_found', params: { sheet: 'Nope', sheets: 'Orders, Q2 & more' } });
  });
});
