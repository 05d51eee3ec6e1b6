import { describe, expect, it } from 'vitest';
import { columnLetter, isNotApplicableCell, parseCellNumber } from './cells.ts';

describe('plain numbers in cells', () => {
  it('read as before: finite, any sign, exponent, no normalising needed', () => {
    expect(parseCellNumber('1e999')).toBeNull();
    expect(parseCellNumber('-1e999')).toBeNull();
    expect(parseCellNumber('.5')).toBe(0.5);
    expect(parseCellNumber('5.')).toBe(5);
    expect(parseCellNumber('+3')).toBe(3);
    expect(Object.is(parseCellNumber('-0'), -0)).toBe(true);
    expect(parseCellNumber('1e-3')).toBe(0.001);
    expect(parseCellNumber('1,234.5')).toBe(1234.5);
    expect(parseCellNumber('１２')).toBe(12);
    expect(parseCellNumber('1,5')).toBeNull();
    expect(parseCellNumber('e5')).toBeNull();
  });
});

describe('not applicable cells and column letters', () => {
  it('reads NA in any case and width, and names columns as a spreadsheet does', () => {
    for (const v of ['NA', 'n/a', ' Ｎ／Ａ ', '不适用']) expect(isNotApplicableCell(v)).toBe(true);
    for (const v of ['', '0', 'N', 'NAN']) expect(isNotApplicableCell(v)).toBe(false);
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });
});
