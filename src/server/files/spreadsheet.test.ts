/** readSpreadsheet on CSV: plain and quoted files, every encoding, malformed records by row. */
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from './spreadsheet.ts';

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
