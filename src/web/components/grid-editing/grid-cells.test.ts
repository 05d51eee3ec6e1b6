import { describe, expect, it } from 'vitest';
import type { ErrorDetail } from '../../api.ts';
import { type Cell, cellId, cellOf, changedValues, isChange, locateDetails, neighbour, pathAfter, readText, regroup, showNumber } from './grid-cells.ts';

describe('grid cells', () => {
  it('names a cell by row and column and reads the name back', () => {
    const cell = { row: '销售额', col: '2026-01' };
    expect(cellOf(cellId(cell))).toEqual(cell);
    expect(cellOf(cellId({ row: 'p1', col: 'a\u0000b' }))).toEqual({ row: 'p1', col: 'a\u0000b' });
  });

  it('shows a saved value grouped and exact, nothing as empty', () => {
    expect(showNumber(1200000)).toBe('1,200,000');
    expect(showNumber(0.12345678901234)).toBe('0.12345678901234');
    expect(showNumber(-4500.5)).toBe('-4,500.5');
    expect(showNumber(null)).toBe('');
    expect(showNumber(undefined)).toBe('');
  });

  it('reads numbers, percents and empty (clear), and refuses the rest', () => {
    expect(readText('1,234')).toEqual({ ok: true, value: 1234 });
    expect(readText('85%')).toEqual({ ok: true, value: 0.85 });
    expect(readText('13万')).toEqual({ ok: true, value: 130000 });
    expect(readText('  ')).toEqual({ ok: true, value: null });
    expect(readText('abc')).toEqual({ ok: false });
  });

  it('counts a draft as a change when it is another value or not a number', () => {
    expect(isChange('120,000', 120000)).toBe(false);
    expect(isChange('', null)).toBe(false);
    expect(isChange('', 5)).toBe(true);
    expect(isChange('6', 5)).toBe(true);
    expect(isChange('abc', null)).toBe(true);
  });

  it('collects the changed numbers by row, or one row’s, leaving out what is not a number', () => {
    const stored = ({ row, col }: Cell) => (row === 'a' && col === 'Q1' ? 10 : null);
    const drafts = { [cellId({ row: 'a', col: 'Q1' })]: '10', [cellId({ row: 'a', col: 'Q2' })]: '2万', [cellId({ row: 'b', col: 'Q1' })]: 'x', [cellId({ row: 'b', col: 'Q2' })]: '' };
    expect(changedValues(drafts, stored)).toEqual({ a: { Q2: 20000 } });
    expect(changedValues({ ...drafts, [cellId({ row: 'a', col: 'Q1' })]: '' }, stored, 'a')).toEqual({ a: { Q1: null, Q2: 20000 } });
    expect(changedValues(drafts, stored, 'b')).toEqual({});
  });

  it('splits the server’s details into messages on cells and the rest', () => {
    const details = [
      { path: ['body', 'values', 'sales', 'Q2'], code: 'too_big', message: 'too big' },
      { path: ['body', 'values', 'sales', 'Q2'], code: 'x', message: 'also' },
      { path: ['body', 'year'], code: 'y', message: 'year' },
    ] as ErrorDetail[];
    const locate = (d: ErrorDetail): Cell | null => {
      const [field, row, col] = pathAfter(d.path, 'body');
      return field === 'values' ? { row: String(row), col: String(col) } : null;
    };
    const { cells, rest } = locateDetails(details, locate);
    expect(cells).toEqual({ [cellId({ row: 'sales', col: 'Q2' })]: 'too big; also' });
    expect(rest.map((d) => d.message)).toEqual(['year']);
    expect(pathAfter(undefined, 'body')).toEqual([]);
  });

  it('finds the next cell in a direction, over the gaps, and none at the edge', () => {
    const cells = [
      { row: 0, col: 0 },
      { row: 0, col: 2 },
      { row: 2, col: 0 },
      { row: 3, col: 0 },
    ];
    expect(neighbour(cells, { row: 0, col: 0 }, 'right')).toEqual({ row: 0, col: 2 });
    expect(neighbour(cells, { row: 0, col: 0 }, 'down')).toEqual({ row: 2, col: 0 });
    expect(neighbour(cells, { row: 3, col: 0 }, 'up')).toEqual({ row: 2, col: 0 });
    expect(neighbour(cells, { row: 0, col: 0 }, 'left')).toBeNull();
    expect(neighbour(cells, { row: 3, col: 0 }, 'down')).toBeNull();
  });

  it('groups digits as they are typed, the caret staying after the same digit', () => {
    expect(regroup('1200', 4)).toEqual({ text: '1,200', caret: 5 });
    expect(regroup('1,2000', 6)).toEqual({ text: '12,000', caret: 6 });
    expect(regroup('12,3400', 3)).toEqual({ text: '123,400', caret: 2 });
    expect(regroup('-1234.5678', 10)).toEqual({ text: '-1,234.5678', caret: 11 });
    expect(regroup('13万', 3)).toEqual({ text: '13万', caret: 3 });
    expect(regroup('abc', 3)).toEqual({ text: 'abc', caret: 3 });
  });
});
