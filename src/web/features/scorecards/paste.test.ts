import { describe, expect, it } from 'vitest';
import { parseNumber, parseTsv, placeBlock } from './paste.ts';

describe('parseNumber', () => {
  it.each([
    ['1,234,567', 1234567],
    ['1,234,567.5', 1234567.5],
    ['85%', 0.85],
    ['12.5 %', 0.125],
    ['¥500,000', 500000],
    ['50万', 500000],
    ['１２３', 123],
    ['', null],
    ['0.9', 0.9],
  ])('%s → %s', (text, value) => {
    expect(parseNumber(text)).toEqual({ ok: true, value });
  });
  it.each(['abc', '1,5', '12a', '1.2.3'])('refuses %s', (text) => {
    expect(parseNumber(text).ok).toBe(false);
  });
});

describe('parseTsv', () => {
  it('splits lines and tabs and drops the trailing newline of a copied range', () => {
    expect(parseTsv('1\t2\t3\r\n4\t5\t6\r\n')).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });
});

describe('placeBlock', () => {
  const size = { rows: 3, cols: 12 };
  it('places a row of months as copied', () => {
    const placed = placeBlock(parseTsv('1\t2\t3'), { row: 1, col: 2 }, size);
    expect(placed).toMatchObject({ ok: true, transposed: false });
    if (placed.ok) expect(placed.cells.map((c) => [c.row, c.col, c.value])).toEqual([[1, 2, 1], [1, 3, 2], [1, 4, 3]]);
  });
  it('transposes a column of 12 months into an indicator row', () => {
    const text = Array.from({ length: 12 }, (_, i) => `${(i + 1) * 1000}`).join('\n');
    const placed = placeBlock(parseTsv(text), { row: 0, col: 0 }, size);
    expect(placed).toMatchObject({ ok: true, transposed: true });
    if (placed.ok) expect(placed.cells[11]).toEqual({ row: 0, col: 11, value: 12000 });
  });
  it('transposes a months × indicators table', () => {
    const text = Array.from({ length: 12 }, () => '1\t2\t3').join('\n');
    const placed = placeBlock(parseTsv(text), { row: 0, col: 0 }, size);
    expect(placed).toMatchObject({ ok: true, transposed: true });
    if (placed.ok) expect(placed.cells.filter((c) => c.row === 2).every((c) => c.value === 3)).toBe(true);
  });
  it('refuses a block that fits neither way, or text', () => {
    expect(placeBlock(parseTsv('1\t2\n3\t4'), { row: 2, col: 11 }, size)).toMatchObject({ ok: false, reason: 'too_big' });
    expect(placeBlock(parseTsv('1\tx'), { row: 0, col: 0 }, size)).toMatchObject({ ok: false, reason: 'not_numbers', bad: { row: 0, col: 1, text: 'x' } });
  });
});
