/**
 * The pure record rules. The plain-CSV reader: a CSV with no quotes and no carriage returns
 * (the usual export) is split by hand; it must give exactly the records csv-parse gives.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText, dateTimeText, isBlank, sniffDelimiter, splitPlainCsv } from './records.ts';

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

describe('the cell and record rules', () => {
  it('reads blank records, delimiters and cell text as their doc examples say', () => {
    expect(isBlank(['', ' \t', '\u3000'])).toBe(true);
    expect(isBlank(['', 'x'])).toBe(false);
    expect(sniffDelimiter('"a,b,c";d;e\n1,2,3,4')).toBe(';');
    expect(sniffDelimiter('Name')).toBe(',');
    expect(cellText({ formula: 'A1*2', result: 42 })).toBe('42');
    expect(cellText({ richText: [{ text: '张' }, { text: '三' }] })).toBe('张三');
    expect(cellText(new Date(Date.UTC(2026, 2, 4, 12, 34, 56)))).toBe('2026-03-04');
    expect(dateTimeText(new Date(Date.UTC(2026, 2, 4, 12, 34, 56)))).toBe('2026-03-04 12:34:56');
    expect(dateTimeText(new Date(Date.UTC(2026, 2, 4)))).toBe('2026-03-04');
  });

  it('shows a date cell that is no day as Excel does, never as empty or NaN', () => {
    expect(cellText(new Date(Number.NaN))).toBe('########');
    expect(dateTimeText(new Date(Number.NaN))).toBe('########');
  });
});
