import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { MAX_DATA_ROWS, parsePeopleFile, sniffDelimiter, zipUncompressedSize } from './people-import.parse.ts';

const utf8 = (s: string) => Buffer.from(s, 'utf8');

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

async function xlsx(build: (sheet: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('People'), wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('parsePeopleFile: CSV', () => {
  it('reads UTF-8 and numbers rows as a spreadsheet shows them, skipping blank rows but not their numbers', async () => {
    const t = await parsePeopleFile(utf8('姓名,邮箱\n张三,zs@a.cn\n\n李四,ls@a.cn\n'), 'p.csv');
    expect(t.format).toBe('csv');
    expect(t.headers).toEqual(['姓名', '邮箱']);
    expect(t.rows).toEqual([
      { row: 2, values: ['张三', 'zs@a.cn'] },
      { row: 4, values: ['李四', 'ls@a.cn'] },
    ]);
  });

  it('drops a UTF-8 byte-order mark from the first header', async () => {
    const t = await parsePeopleFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('姓名,邮箱\r\n张三,zs@a.cn\r\n')]));
    expect(t.headers).toEqual(['姓名', '邮箱']);
    expect(t.rows[0].values).toEqual(['张三', 'zs@a.cn']);
  });

  it('decodes GBK (what Chinese Excel saves as CSV) when the bytes are not UTF-8', async () => {
    const bytes = iconv.encode('姓名,部门,状态\n张三,销售部/华东区,在职\n', 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const t = await parsePeopleFile(bytes, 'gbk.csv');
    expect(t.headers).toEqual(['姓名', '部门', '状态']);
    expect(t.rows[0].values).toEqual(['张三', '销售部/华东区', '在职']);
  });

  it('decodes UTF-16 with a BOM (Excel "Unicode text")', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('姓名\t邮箱\n张三\tzs@a.cn\n', 'utf-16le')]);
    const t = await parsePeopleFile(bytes, 'p.txt');
    expect(t.headers).toEqual(['姓名', '邮箱']);
    expect(t.rows[0].values).toEqual(['张三', 'zs@a.cn']);
  });

  it('sniffs tab and semicolon delimiters from the header line', async () => {
    expect((await parsePeopleFile(utf8('Name\tEmail\nAda\tada@x.io\n'))).rows[0].values).toEqual(['Ada', 'ada@x.io']);
    expect((await parsePeopleFile(utf8('Name;Email\n"Lovelace, Ada";ada@x.io\n'))).rows[0].values).toEqual(['Lovelace, Ada', 'ada@x.io']);
    expect(sniffDelimiter('"a,b,c";d;e\n1,2,3,4')).toBe(';');
    expect(sniffDelimiter('Name')).toBe(',');
  });

  it('keeps a quoted multi-line cell in one row, so later row numbers still match the spreadsheet', async () => {
    const t = await parsePeopleFile(utf8('Name,Department\n"Ada\nLovelace",R&D\nBob,Sales\n'));
    expect(t.rows.map((r) => r.row)).toEqual([2, 3]);
  });

  it('rejects an empty file, located at row 1', async () => {
    for (const bytes of [Buffer.alloc(0), utf8('\n\n'), utf8(',,\n')]) {
      const err = await failure(parsePeopleFile(bytes, 'empty.csv'));
      expect(err.code).toBe('import_failed');
      expect(err.details).toEqual([{ row: 1, code: 'import.file_empty' }]);
    }
  });

  it('rejects a file whose row 1 is blank, saying where the data starts', async () => {
    const err = await failure(parsePeopleFile(utf8('\n\n姓名,邮箱\n张三,zs@a.cn\n')));
    expect(err.details).toEqual([{ row: 1, code: 'import.header_missing', params: { row: 3 } }]);
  });

  it('locates a malformed CSV record by its row', async () => {
    const err = await failure(parsePeopleFile(utf8('Name,Email\nAda,ada@x.io\n"Bob,bob@x.io\n')));
    expect(err.code).toBe('import_failed');
    expect(err.details[0]).toMatchObject({ row: 3, code: 'import.csv_malformed' });
  });
});

describe('parsePeopleFile: XLSX', () => {
  it('reads the first worksheet: rich text, dates, formulas, hyperlinks and numbers as text', async () => {
    const bytes = await xlsx((sheet, wb) => {
      sheet.addRow(['Name', 'Email', 'Employee no.', 'Joined on', 'Note']);
      sheet.addRow([
        { richText: [{ text: 'Ada ', font: { bold: true } }, { text: 'Lovelace' }] },
        { text: 'ada@x.io', hyperlink: 'mailto:ada@x.io' },
        7,
        new Date(Date.UTC(2026, 5, 25)),
        { formula: 'A2&"!"', result: 'Ada Lovelace!' },
      ]);
      sheet.addRow(['Bob', '', 1001, { formula: 'DATE(2026,1,2)', result: new Date(Date.UTC(2026, 0, 2)) }, true]);
      wb.addWorksheet('Other').addRow(['ignored']);
    });
    const t = await parsePeopleFile(bytes, 'people.xlsx');
    expect(t.format).toBe('xlsx');
    expect(t.headers).toEqual(['Name', 'Email', 'Employee no.', 'Joined on', 'Note']);
    expect(t.rows).toEqual([
      { row: 2, values: ['Ada Lovelace', 'ada@x.io', '7', '2026-06-25', 'Ada Lovelace!'] },
      { row: 3, values: ['Bob', '', '1001', '2026-01-02', 'true'] },
    ]);
  });

  it('detects XLSX by its content, whatever the file is called', async () => {
    const bytes = await xlsx((sheet) => {
      sheet.addRow(['姓名']);
      sheet.addRow(['张三']);
    });
    expect((await parsePeopleFile(bytes, 'people.csv')).format).toBe('xlsx');
    expect((await parsePeopleFile(bytes)).rows).toEqual([{ row: 2, values: ['张三'] }]);
  });

  it('keeps row numbers across blank rows and reports an empty workbook at row 1', async () => {
    const bytes = await xlsx((sheet) => {
      sheet.addRow(['姓名']);
      sheet.getCell('A5').value = '王五';
    });
    expect((await parsePeopleFile(bytes)).rows).toEqual([{ row: 5, values: ['王五'] }]);
    const empty = await failure(parsePeopleFile(await xlsx(() => {})));
    expect(empty.details).toEqual([{ row: 1, code: 'import.file_empty' }]);
  });

  it('refuses other files by content: legacy .xls, binaries, zips that are not workbooks, a fake .xlsx', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]);
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]);
    for (const [bytes, name] of [[ole, 'old.xls'], [binary, 'photo.png'], [zip, 'archive.zip'], [utf8('Name\nAda'), 'renamed.xlsx']] as const) {
      const err = await failure(parsePeopleFile(bytes, name));
      expect(err.code).toBe('unsupported_media_type');
      expect(String(err.params.type)).toContain(name);
    }
  });

  it('reads a workbook with drop-downs over whole sheets quickly (they are not expanded), and merged cells', async () => {
    const bytes = await xlsx((sheet) => {
      sheet.addRow(['Name', 'Status']);
      sheet.addRow(['Ada', 'active']);
      // ExcelJS would otherwise create one object per cell of these ranges and never finish
      (sheet as unknown as { dataValidations: { add(range: string, v: object): void } }).dataValidations.add('A1:Z1048576', { type: 'list', allowBlank: true, formulae: ['"active,left"'] });
      sheet.getCell('C3').value = 'merged note';
      sheet.mergeCells('C3:E4');
    });
    const started = Date.now();
    const t = await parsePeopleFile(bytes, 'people.xlsx');
    expect(Date.now() - started).toBeLessThan(2000);
    // the merged note sits beside the table, under no header: not read
    expect(t.rows).toEqual([{ row: 2, values: ['Ada', 'active'] }]);
  });

  it('drops cells under no header, so a stray far-away cell costs nothing and a note beside the table is no row', async () => {
    const bytes = await xlsx((sheet) => {
      sheet.addRow(['Name', '', 'Email', '']);
      sheet.addRow(['Ada', 'aside', 'ada@x.io']);
      sheet.getCell('XFD2').value = 'far away';
      sheet.getCell('B3').value = 'a note under no header';
    });
    expect((await parsePeopleFile(bytes)).rows).toEqual([{ row: 2, values: ['Ada', 'aside', 'ada@x.io'] }]);
  });

  it(`refuses more than ${MAX_DATA_ROWS} rows, at the first row too many`, async () => {
    const csv = `Name\n${'x\n'.repeat(MAX_DATA_ROWS + 1)}`;
    const err = await failure(parsePeopleFile(utf8(csv)));
    expect(err.details).toEqual([{ row: MAX_DATA_ROWS + 2, code: 'import.too_many_rows', params: { max: MAX_DATA_ROWS } }]);
  });

  it('reads the unpacked size a zip declares before unpacking it', async () => {
    const bytes = await xlsx((sheet) => sheet.addRow(['Name']));
    const size = zipUncompressedSize(bytes);
    expect(size).toBeGreaterThan(bytes.length);
    expect(zipUncompressedSize(Buffer.from('PK\x03\x04 not really a zip'))).toBeNull();
  });
});
