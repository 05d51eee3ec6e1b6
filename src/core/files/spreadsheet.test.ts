/**
 * The plain-CSV reader: a CSV with no quotes and no carriage returns (the usual export) is
 * split by hand; it must give exactly the records csv-parse gives.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet, splitPlainCsv } from './spreadsheet.ts';

const csvParse = (text: string, delimiter: string): string[][] => parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });

describe('splitPlainCsv', () => {
  it('gives the records csv-parse gives, for any plain text', () => {
    const char = fc.constantFrom('a', '1', ' ', ',', ';', '\t', '\n', '\n', '中', '#', '\u2028', '\uFEFF', '\x00');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 30 }).map((cs) => cs.join('')), fc.constantFrom(',', ';', '\t'), (text, delimiter) => {
        expect(splitPlainCsv(text, delimiter)).toEqual(csvParse(text, delimiter));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps empty lines as one empty field and drops only the last newline', () => {
    expect(splitPlainCsv('a,b\n\n1,2\n', ',')).toEqual([['a', 'b'], [''], ['1', '2']]);
    expect(splitPlainCsv('a,b\n1,2', ',')).toEqual([['a', 'b'], ['1', '2']]);
    expect(splitPlainCsv('', ',')).toEqual([]);
  });
});

describe('readSpreadsheet on CSV', () => {
  it('reads plain and quoted files alike', async () => {
    const plain = await readSpreadsheet(Buffer.from('person,销售额\n张三,1200\n\n李四,900\n'));
    expect(plain).toEqual({ format: 'csv', headers: ['person', '销售额'], rows: [{ row: 2, values: ['张三', '1200'] }, { row: 4, values: ['李四', '900'] }] });
    const quoted = await readSpreadsheet(Buffer.from('person,销售额\r\n"张三",1200\r\n\r\n李四,"9,00"\r\n'));
    expect(quoted).toEqual({ format: 'csv', headers: ['person', '销售额'], rows: [{ row: 2, values: ['张三', '1200'] }, { row: 4, values: ['李四', '9,00'] }] });
  });

  it('still decodes UTF-16 and GBK, and reports malformed quoted CSV by row', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('person;销售额\n张三;1\n', 'utf16le')]);
    expect((await readSpreadsheet(utf16)).rows).toEqual([{ row: 2, values: ['张三', '1'] }]);
    const gbk = Buffer.from([0x70, 0x65, 0x72, 0x73, 0x6f, 0x6e, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd, 0x0a]); // person\n张三\n in GBK
    expect((await readSpreadsheet(gbk)).rows).toEqual([{ row: 2, values: ['张三'] }]);
    await expect(readSpreadsheet(Buffer.from('a,b\n1,2\n"x,3\n'))).rejects.toMatchObject({ code: 'csv_malformed' });
  });
});
